"""The static HTML review page, rendered from package templates with Jinja2.

Autoescape is on for everything: OCR text is untrusted input (a scanned page can say
``<script>``). Text reaches the page two ways, both inert: through Jinja's escaping, and
as JSON inside ``<script type="application/json">`` (``tojson`` escapes ``<``, ``>``,
``&``, ``'``), which the page's script turns into text nodes, never markup.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pressclean import __version__
from pressclean.decisions import Decisions
from pressclean.review import RunContents
from pressclean.review_model import page_data, rule_stats
from pressclean.textio import write_atomic


def visible(text: str) -> str:
    """Whitespace a reader can see: newlines as ⏎, a blank change as ␣, nothing as ∅."""
    if not text:
        return "∅"
    if not text.strip():
        return text.replace(" ", "␣").replace("\n", "⏎").replace("\t", "⇥")
    return text.replace("\n", "⏎")


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("pressclean", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["visible"] = visible
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


def _script() -> tuple[Markup, str]:
    """The page script (trusted package data) and its CSP hash, so only it may run."""
    js = resources.files("pressclean").joinpath("templates/review.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return Markup(js), f"sha256-{digest}"


def render_review(run: RunContents, decisions: Decisions | None = None,
                  title: str | None = None) -> str:
    """The whole page as one string (CSS and script inline, no outside assets)."""
    data = page_data(run, decisions)
    script, script_hash = _script()
    return _environment().get_template("review.html.j2").render(
        title=title or f"pressclean review: {run.root.name}",
        version=__version__,
        run_root=str(run.root),
        n_documents=len(run.documents),
        n_corrections=len(data["corr"]),
        n_overruled=len(data["over"]),
        n_changed=sum(1 for d in run.documents if d.corrections),
        stats=rule_stats(run),
        failures=run.failures,
        problems=[str(p) for p in run.problems],
        data=data,
        script=script,
        script_hash=script_hash,
    )


def write_review(run: RunContents, dest: Path, decisions: Decisions | None = None,
                 title: str | None = None) -> None:
    """Render and write the page atomically."""
    write_atomic(dest, render_review(run, decisions, title))

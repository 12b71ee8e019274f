"""Shared by the review, diff, decisions and corrections-table tests.

The real correction stages are still changing, and these tests are about what review
does with corrections, not which corrections the stages make. So the stages are
replaced by small deterministic ones that still exercise the hard cases: a layout
edit and a later spell edit nested inside it (``déve-⏎lopement``), whitespace-only
edits (reflow), deletions (de-hyphenation) and several rules per stage.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pressclean import layout, record, rules
from pressclean.decisions import Decisions, load_decisions
from pressclean.document import Document
from pressclean.offsets import Edit
from pressclean.pipeline import Cleaner, CleanOptions
from pressclean.resources import Resources
from pressclean.textio import write_atomic

#: invented OCR text with the confusions the seeds describe ("[e", "ators", "somrnes")
SAMPLE = (
    "Le pôle des microtechniques\n"
    "a été créé à Besançon. [e déve-\n"
    "lopement des entrcprises est\n"
    "ators rapide, nous somrnes fiers.\n"
    "\n"
    "Un second paragraphe avec [e mot\n"
    "et <<des guillemets>> lus de travers.\n"
)
#: what the fake stages make of SAMPLE
SAMPLE_CLEAN = (
    "Le pôle des microtechniques a été créé à Besançon. le développement des entreprises "
    "est alors rapide, nous sommes fiers.\n"
    "\n"
    "Un second paragraphe avec le mot et «des guillemets» lus de travers.\n"
)
#: a page whose OCR text is hostile markup
HOSTILE = (
    "Titre <script>alert(1)</script> du [e jour\n"
    "<img src=x onerror=alert(1)> et <img src=x onerror=\"document.body.setAttribute("
    "'data-pwned','1')\">\n"
    "<script>document.body.setAttribute('data-pwned','2')</script> fin ators.\n"
)

_GLYPHS = [("glyph:[e", r"\[e\b", "le"), ("glyph:ators", r"\bators\b", "alors"),
           ("glyph:rn", r"(?<=som)rn(?=es)", "m"), ("glyph:guillemets", r"<<|>>", None)]
_SPELL = {"dévelopement": "développement", "entrcprises": "entreprises"}


def _layout(text: str, *args: Any, **kwargs: Any) -> list[Edit]:
    edits = [Edit(m.start(), m.end(), "", "layout", "dehyphenate")
             for m in re.finditer(r"(?<=\w)-\n(?=\w)", text)]
    edits += [Edit(m.start(), m.end(), " ", "layout", "reflow")
              for m in re.finditer(r"(?<=[^\n-])\n(?=[^\n])", text)]
    return edits


def _rules(text: str, *args: Any, **kwargs: Any) -> list[Edit]:
    edits = []
    for rule, pattern, repl in _GLYPHS:
        for m in re.finditer(pattern, text):
            out = repl if repl is not None else ("«" if m.group() == "<<" else "»")
            edits.append(Edit(m.start(), m.end(), out, "rules", rule, 0.9))
    return edits


class _Speller:
    """Stands for the Speller: whole-word fixes from a fixed table, no adaptation."""

    def edits(self, text: str, *args: Any, **kwargs: Any) -> list[Edit]:
        return [Edit(m.start(), m.end(), _SPELL[m.group()], "spell", "spell:lexicon",
                     0.5 + len(m.group()) / 100)
                for m in re.finditer(r"\w+", text) if m.group() in _SPELL]

    def adapted(self, *args: Any, **kwargs: Any) -> None:
        return None

    def for_document(self, *args: Any, **kwargs: Any) -> _Speller:
        return self

    def preload(self) -> None:
        """Nothing to load."""


def _resources(decisions: Decisions | None) -> Resources:
    return Resources(lexicon=None, rules=None, model=None,  # type: ignore[arg-type]
                     speller=_Speller(), decisions=decisions)  # type: ignore[arg-type]


@pytest.fixture
def fake_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Swap the pipeline's stages for the deterministic ones above."""
    monkeypatch.setattr(layout, "layout_edits", _layout)
    monkeypatch.setattr(rules, "rule_edits", _rules)

    def resources(options: CleanOptions) -> Resources:
        return _resources(load_decisions(options.decisions) if options.decisions else None)

    monkeypatch.setattr("pressclean.pipeline.load_resources", resources)


def make_cleaner(decisions: Decisions | None = None) -> Cleaner:
    """A Cleaner on the fake stages (use with the ``fake_stages`` fixture)."""
    return Cleaner(CleanOptions(), resources=_resources(decisions))


def write_run(out: Path, docs: dict[str, str], decisions: Decisions | None = None
              ) -> dict[str, Document]:
    """Clean ``docs`` (relative path -> OCR text) and write them as `pressclean run` does."""
    cleaner = make_cleaner(decisions)
    result = {}
    for rel, text in docs.items():
        doc = cleaner.clean_text(text, path=rel)
        stem = rel.rsplit(".", 1)[0]
        rec = record.document_record(doc, rel)
        write_atomic(out / f"{stem}.json", json.dumps(rec, ensure_ascii=False, indent=1))
        write_atomic(out / f"{stem}.txt", doc.clean_text)
        result[rel] = doc
    return result


def key(c: Any) -> tuple[int, int, str, str, str]:
    """A correction without its output offsets (those shift when others are reverted)."""
    return (c.in_start, c.in_end, c.before, c.after, c.rule)

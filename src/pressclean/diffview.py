"""One document's corrections inline, for a terminal: ``pressclean diff``.

The source text is shown line by line, as the OCR had it, with every changed region
replaced by a marker: ``[-before-]{+after+}<rule>`` when plain (pipes, files, tests),
or the same with colour (before struck through in red, after in green, rule dimmed)
on a terminal. Newlines inside a change show as ⏎ so a marker stays on one line, and
the line structure of the source is kept so ``--context`` counts real source lines.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import click

from pressclean.changes import change_groups
from pressclean.review import ReviewDocument

NEWLINE_MARK = "⏎"


@dataclass(frozen=True)
class DiffOptions:
    """How to show the diff (CLI flags map one to one)."""

    #: only changed lines and this many around them; None: the whole document
    context: int | None = None
    color: bool = False
    #: show only corrections of these stages (others appear as the source text)
    stages: Collection[str] = ()


def _marker(before: str, after: str, rules: list[str], color: bool) -> str:
    b, a = before.replace("\n", NEWLINE_MARK), after.replace("\n", NEWLINE_MARK)
    tag = "<" + ",".join(rules) + ">"
    if color:
        parts = [click.style(b, fg="red", strikethrough=True) if b else "",
                 click.style(a, fg="green", bold=True) if a else "",
                 click.style(tag, dim=True)]
    else:
        parts = [f"[-{b}-]" if b else "", f"{{+{a}+}}" if a else "", tag]
    return "".join(parts)


def diff_lines(doc: ReviewDocument, opts: DiffOptions) -> tuple[list[str], set[int]]:
    """The source's lines with markers, and the indices of lines holding a change."""
    lines: list[list[str]] = [[]]
    changed: set[int] = set()

    def text(chunk: str) -> None:
        first, *rest = chunk.split("\n")
        lines[-1].append(first)
        lines.extend([piece] for piece in rest)

    pos = 0
    for g in change_groups(doc.corrections):
        members = [doc.corrections[i] for i in g.members]
        if opts.stages and not any(c.stage in opts.stages for c in members):
            continue  # stays in the source text it covers
        text(doc.source[pos:g.in_start])
        before = doc.source[g.in_start:g.in_end]
        rules = list(dict.fromkeys(c.rule for c in members))
        lines[-1].append(_marker(before, doc.clean[g.out_start:g.out_end], rules, opts.color))
        changed.add(len(lines) - 1)
        for _ in range(before.count("\n")):  # keep the source's line count
            lines.append([])
            changed.add(len(lines) - 1)
        pos = g.in_end
    text(doc.source[pos:])
    return ["".join(parts) for parts in lines], changed


def render_diff(doc: ReviewDocument, opts: DiffOptions | None = None) -> str:
    """The whole diff as text, ending with a newline."""
    opts = opts or DiffOptions()
    lines, changed = diff_lines(doc, opts)
    if lines and lines[-1] == "" and len(lines) - 1 not in changed:
        lines.pop()  # the source's final newline
    if opts.context is None:
        return "".join(line + "\n" for line in lines)
    keep: set[int] = set()
    for n in changed:
        keep.update(range(max(0, n - opts.context), min(len(lines), n + opts.context + 1)))
    out: list[str] = []
    previous = None
    for n in sorted(keep):
        if previous is not None and n != previous + 1:
            out.append("--\n")
        sep = ":" if n in changed else "-"
        out.append(f"{n + 1}{sep} {lines[n]}\n")
        previous = n
    return "".join(out)

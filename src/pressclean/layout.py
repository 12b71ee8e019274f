"""Layout normalisation: rejoin words hyphenated at line ends, reflow lines into paragraphs.

Hyphenation: "compé-\\ntence" becomes "compétence" when the joined form is a common word
or one half is not a word (an OCR error the spell stage will still see whole); a real compound
keeps its hyphen ("c'est-à-\\ndire", "inter-\\nentreprises") when both halves are
words and the joined form is not. "¬" is an explicit hyphenation mark and always joins.

Reflow: a line break inside a paragraph becomes a space. A break ends a paragraph at a
blank line, after a heading (a short first line with no trailing comma), after a short
line ending a sentence, or before an indented or dialogue line. Text whose lines are
already paragraphs (long lines) is left as it is.
"""

from __future__ import annotations

import math
import statistics

import regex

from pressclean.document import Word
from pressclean.lexicon import Lexicon
from pressclean.offsets import Edit

STAGE = "layout"
_HYPHEN_BREAK = regex.compile(
    r"(?<![\p{L}'’])(\p{L}[\p{L}'’]*)([-¬])[ \t]*\n[ \t]*(\p{L}[\p{L}'’]*)")
_SENTENCE_END = ("." , "!", "?", ":", "»", '"', "”", "…", ")")
#: median line length above which lines are taken to be paragraphs already
_PARAGRAPH_LINES = 150


def layout_edits(text: str, lexicon: Lexicon, reflow: bool = True,
                 words: list[Word] | None = None) -> list[Edit]:
    """Edits that de-hyphenate line-end words and (if ``reflow``) join wrapped lines."""
    edits: list[Edit] = []
    joined_breaks: set[int] = set()
    layout_hyphens = {w.end for w in words or [] if w.hyphen_next}
    for m in _HYPHEN_BREAK.finditer(text):
        left, mark, right = m.group(1), m.group(2), m.group(3)
        brk_start, brk_end = m.end(1), m.start(3)
        if _should_join(left, mark, right, lexicon, m.end(1) + 1 in layout_hyphens):
            edits.append(Edit(brk_start, brk_end, "", STAGE, "dehyphenate", 1.0))
        elif reflow:
            edits.append(Edit(brk_start + 1, brk_end, "", STAGE, "compound-line-break", 1.0))
        joined_breaks.add(text.index("\n", brk_start))
    if reflow:
        edits += _reflow_edits(text, joined_breaks)
    return edits


def _should_join(left: str, mark: str, right: str, lexicon: Lexicon, from_layout: bool) -> bool:
    if mark == "¬" or from_layout:
        return True
    if right[:1].isupper() and not left.isupper():
        return False  # "Saint-\nOuen", "Bourgogne-\nFranche-Comté"
    left = left.split("'")[-1].split("’")[-1]
    if lexicon.common(left + right):
        return True
    return not (lexicon.known(left) and lexicon.known(right))


def _reflow_edits(text: str, joined_breaks: set[int]) -> list[Edit]:
    lines = text.split("\n")
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if not lengths or statistics.median(lengths) > _PARAGRAPH_LINES:
        return []
    width = sorted(lengths)[math.ceil(0.9 * (len(lengths) - 1))]
    edits: list[Edit] = []
    pos = 0
    prev_ended = True
    for i, line in enumerate(lines[:-1]):
        brk = pos + len(line)
        pos = brk + 1
        nxt = lines[i + 1]
        stripped = line.strip()
        if not stripped or not nxt.strip():
            prev_ended = True
            continue
        ends = _ends_paragraph(stripped, nxt, width, prev_ended)
        prev_ended = ends
        if ends or brk in joined_breaks:
            continue
        # replace trailing spaces + newline + leading spaces by one space
        a = brk - (len(line) - len(line.rstrip()))
        b = brk + 1 + (len(nxt) - len(nxt.lstrip()))
        edits.append(Edit(a, b, " ", STAGE, "reflow", 1.0))
    return edits


def _ends_paragraph(line: str, nxt: str, width: int, prev_ended: bool) -> bool:
    n = nxt.lstrip()
    if len(nxt) - len(n) >= 2 or n[:1] in "—–-•":
        return True  # indented or dialogue/bullet line starts a paragraph
    if line.endswith(_SENTENCE_END) and len(line) < 0.85 * width:
        return True
    heading = (prev_ended and len(line) < 0.8 * width
               and not line.endswith((",", ";", "-", ":"))
               and (n[:1].isupper() or n[:1] in "«\"“("))
    return heading

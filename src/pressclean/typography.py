"""One apostrophe per document, as the page was printed.

A printed page uses one apostrophe throughout: the typographic "’" of typeset French,
or the straight "'" of a typewriter. Tesseract reads a straight apostrophe as "'"
every time (at most a stray "’"), but a curly one as "’" only where the print is
crisp, and as "'" (or "‘") where it is worn or small: at times one in ten. So a
document whose text holds a few curly apostrophes between letters was printed with
them, and its straight ones are the same glyph read less well: they are written "’"
too. A "‘" between letters is an apostrophe whatever the style. A document with no
curly apostrophe (or a stray one) is left as it is, and so is digital text (only
documents read from pages come here): it may mix both.
"""

from __future__ import annotations

import regex

from pressclean.offsets import Edit

STAGE = "layout"
RULE = "apostrophe-style"
#: curly apostrophes between letters needed to call a document's style typographic: one
#: is no style (Tesseract wrote one "’" for 821 straight apostrophes in
#: ``bench/bench_apostrophes.py --pages 40``, on one page of 40)
MIN_CURLY = 2
#: and their least share of all apostrophes between letters. Set from the same renders
#: of train truth: Tesseract kept as few as 2 in 19 of a curly page's "’" (1 in 17 on
#: one page of the 40 the packaged model never saw, which stays straight)
MIN_SHARE = 0.05
#: an apostrophe of a word: between letters ("‘Oui’" and "’90" hold none)
BETWEEN_LETTERS = regex.compile(r"(?<=\p{L})['’‘](?=\p{L})")


def page_style(marks: list[str]) -> str:
    """The apostrophe a page was printed with, from those read between its letters."""
    curly = marks.count("’")
    return "’" if curly >= MIN_CURLY and curly >= MIN_SHARE * len(marks) else "'"


def apostrophe_edits(text: str) -> list[Edit]:
    """Edits that give every apostrophe between letters the document's printed style."""
    marks = [(m.start(), m.group()) for m in BETWEEN_LETTERS.finditer(text)]
    style = page_style([c for _, c in marks])
    return [Edit(i, i + 1, style, STAGE, RULE) for i, c in marks
            if c == "‘" or (c == "'" and style == "’")]

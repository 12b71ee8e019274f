"""The data every stage passes along: a Document, its words, and its Corrections.

Text is NFC from the moment it is read (``textio``) and never re-normalised later,
so every offset below indexes the same string a user can open.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Word:
    """One OCR word with its page geometry, where the source had it.

    ``start``/``end`` index ``Document.source_text``; ``conf`` is 0–100 (Tesseract's
    scale; ALTO's 0–1 ``WC`` is rescaled on read); ``box`` is (x0, y0, x1, y1) pixels.
    ``hyphen_next`` marks the first half of a word hyphenated across lines, as the
    layout (ALTO ``HYP``/``SUBS_CONTENT``, hOCR) says, not as guessed from text.
    """

    text: str
    start: int
    end: int
    conf: float | None = None
    box: tuple[int, int, int, int] | None = None
    page: int = 0
    block: int = 0
    line: int = 0
    hyphen_next: bool = False


@dataclass(frozen=True)
class Correction:
    """One change, with where it came from and why.

    ``in_start``/``in_end`` index the input text (``Document.source_text``),
    ``out_start``/``out_end`` the clean text. ``before`` is the input slice, ``after``
    the output slice, so ``source[in_start:in_end] == before`` and
    ``clean[out_start:out_end] == after`` always hold.
    """

    in_start: int
    in_end: int
    out_start: int
    out_end: int
    before: str
    after: str
    stage: str
    rule: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__})


@dataclass
class Document:
    """A document in flight: its source text, what it became and every change made."""

    path: str
    source_text: str
    clean_text: str = ""
    corrections: list[Correction] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    #: input format name ("text", "image", "pdf", "alto", "hocr", ...)
    source_format: str = "text"
    #: net changed regions (source start, end, clean start, end), sorted, disjoint
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Where a span of the source text ended up in the clean text.

        A span that touches a changed region grows to cover all of it, so a word
        merged or split by a correction maps to the whole replacement.
        """
        return (map_position(self.spans, start, end_side=False),
                map_position(self.spans, end, end_side=True))


def map_position(spans: list[tuple[int, int, int, int]], p: int, end_side: bool,
                 forward: bool = True, keys: list[int] | None = None) -> int:
    """Map offset ``p`` across sorted disjoint changed ``spans`` (in_s, in_e, out_s, out_e).

    Unchanged text shifts; a position inside a changed region snaps to the region's
    start (``end_side=False``) or end (``end_side=True``) on the other side.
    """
    a, b, c, d = (0, 1, 2, 3) if forward else (2, 3, 0, 1)
    if keys is None:
        keys = [sp[a] for sp in spans]
    # an insertion exactly at p belongs to a span starting or ending there
    at = bisect_right(keys, p) - 1 if end_side else bisect_left(keys, p)
    if 0 <= at < len(spans) and spans[at][a] == spans[at][b] == p:
        return spans[at][d] if end_side else spans[at][c]
    idx = (bisect_left(keys, p) if end_side else bisect_right(keys, p)) - 1
    if idx < 0:
        return p
    span = spans[idx]
    inside = span[a] < p <= span[b] if end_side else span[a] <= p < span[b]
    if inside:
        return span[d] if end_side else span[c]
    return p - span[b] + span[d]

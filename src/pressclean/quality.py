"""OCR quality of a document before and after correction (impresso-style).

The score is the share of alphabetic word tokens the lexicon knows: cheap, needs no
ground truth, and moves the right way when a correction turns "somrnes" into
"sommes". Reported with the correction counts so a reader sees why it moved.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol

import regex

from pressclean.document import Document

#: letters only: numbers, dates and punctuation say nothing about OCR quality here
_WORD = regex.compile(r"\p{L}+")


class _Lexicon(Protocol):
    def known(self, word: str) -> bool: ...


def known_share(text: str, lexicon: _Lexicon) -> tuple[float, int]:
    """(share of known alphabetic tokens, number of tokens); 0 tokens scores 0.0."""
    words = _WORD.findall(text)
    if not words:
        return 0.0, 0
    known = sum(1 for w in words if lexicon.known(w))
    return round(known / len(words), 4), len(words)


def document_quality(doc: Document, lexicon: _Lexicon) -> dict[str, Any]:
    """The record's ``quality``: scores before/after, token and correction counts."""
    before, n_before = known_share(doc.source_text, lexicon)
    after, n_after = known_share(doc.clean_text, lexicon)
    by_stage = Counter(c.stage for c in doc.corrections)
    return {
        "before": before,
        "after": after,
        "words_before": n_before,
        "words_after": n_after,
        "corrections": len(doc.corrections),
        "corrections_by_stage": dict(sorted(by_stage.items())),
    }

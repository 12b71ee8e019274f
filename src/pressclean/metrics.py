"""CER, WER and cMER, computed the way the literature does so numbers compare.

* CER: Levenshtein distance over grapheme clusters (an accented letter is one unit
  whether or not it is precomposed) divided by the ground-truth length.
* WER: the same over whitespace-separated words.
* cMER: the HIPE-OCRepair 2026 metric. Both sides are lower-cased, the ligatures œ/æ
  unfolded, "¬" + line break joined, every non-word character turned into a space and
  whitespace folded; then MER = (S+D+I)/(H+S+D+I) over characters.

Scores over several documents are micro-averaged: errors summed over documents divided
by lengths summed, so long documents weigh what they contain.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

_NON_WORD = regex.compile(r"[^\w]|_")
_SPACES = regex.compile(r"\s+")
_GRAPHEME = regex.compile(r"\X")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae"})


@dataclass
class Counts:
    """Edit counts of one comparison; add them up to micro-average."""

    errors: int = 0
    ref_len: int = 0
    hits: int = 0
    subs: int = 0
    dels: int = 0
    ins: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, int, int, int, int, int]:
        return (self.errors, self.ref_len, self.hits, self.subs, self.dels, self.ins)

    @property
    def rate(self) -> float:
        """Error rate: errors / reference length (CER, WER)."""
        return self.errors / self.ref_len if self.ref_len else float(self.errors > 0)

    @property
    def mer(self) -> float:
        """Match error rate: (S+D+I) / (H+S+D+I)."""
        total = self.hits + self.subs + self.dels + self.ins
        return (self.subs + self.dels + self.ins) / total if total else 0.0


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def graphemes(text: str) -> list[str]:
    return _GRAPHEME.findall(_nfc(text))


def _counts(ref: list[str] | str, hyp: list[str] | str) -> Counts:
    subs = dels = ins = 0
    for op in Levenshtein.editops(ref, hyp):
        if op.tag == "replace":
            subs += 1
        elif op.tag == "delete":
            dels += 1
        else:
            ins += 1
    hits = len(ref) - subs - dels
    return Counts(errors=subs + dels + ins, ref_len=len(ref), hits=hits,
                  subs=subs, dels=dels, ins=ins)


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def cer_counts(gt: str, hyp: str) -> Counts:
    """Character edits over grapheme clusters, whitespace runs folded to one space."""
    return _counts(graphemes(fold_whitespace(gt)), graphemes(fold_whitespace(hyp)))


def wer_counts(gt: str, hyp: str) -> Counts:
    return _counts(_nfc(gt).split(), _nfc(hyp).split())


def cmer_normalise(text: str) -> str:
    """HIPE-OCRepair normalisation (see module docstring)."""
    text = _nfc(text).lower().translate(_LIGATURES)
    text = regex.sub(r"¬\s*\n\s*", "", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def cmer_counts(gt: str, hyp: str) -> Counts:
    return _counts(graphemes(cmer_normalise(gt)), graphemes(cmer_normalise(hyp)))


def cer(gt: str, hyp: str) -> float:
    return cer_counts(gt, hyp).rate


def wer(gt: str, hyp: str) -> float:
    return wer_counts(gt, hyp).rate


def cmer(gt: str, hyp: str) -> float:
    return cmer_counts(gt, hyp).mer

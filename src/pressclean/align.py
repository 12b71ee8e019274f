"""Aligning OCR with its ground truth, by word and by character.

Words are aligned with Levenshtein opcodes over token lists; within a pair of words,
character edit operations are grouped into chunks ("m" → "rn", "l" → "[", "é" → "e")
so the confusions learned are the ones OCR makes, not single-letter accidents.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from rapidfuzz.distance import Levenshtein

_WORD = regex.compile(r"[^\s]+")
_STRIP = regex.compile(r"^[\"'«»“”‘’(\[{<>*.,;:!?…—–\-]+|[\"'«»“”‘’)\]}<>*.,;:!?…—–\-]+$")


def words(text: str) -> list[str]:
    """Whitespace tokens with surrounding punctuation removed (empty ones dropped)."""
    out = []
    for m in _WORD.finditer(text):
        w = _STRIP.sub("", m.group(0))
        if w:
            out.append(w)
    return out


def align_words(ocr: list[str], gt: list[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Groups (OCR words, GT words): equal runs word by word, differences as blocks."""
    for op in Levenshtein.opcodes(ocr, gt):
        a = ocr[op.src_start:op.src_end]
        b = gt[op.dest_start:op.dest_end]
        if op.tag == "equal" or op.tag == "replace" and len(a) == len(b):
            for x, y in zip(a, b, strict=True):
                yield [x], [y]
        else:
            yield a, b


def char_chunks(truth: str, ocr: str) -> list[tuple[str, str]]:
    """The (truth chunk, OCR chunk) pairs that turn ``truth`` into ``ocr``.

    An insertion or deletion is merged with the operation beside it: "sommes" →
    "somrnes" gives ("m", "rn"); neighbouring substitutions stay separate.
    """
    chunks: list[tuple[str, str]] = []
    cur: list[int] | None = None  # [t_start, t_end, o_start, o_end]
    for op in Levenshtein.editops(truth, ocr):
        t0, o0 = op.src_pos, op.dest_pos
        t1 = t0 + (0 if op.tag == "insert" else 1)
        o1 = o0 + (0 if op.tag == "delete" else 1)
        adjacent = cur is not None and t0 <= cur[1] and o0 <= cur[3]
        # two substitutions side by side are two confusions ("ss" → "66" is s→6 twice);
        # an insertion or deletion belongs with its neighbour ("m" → "rn")
        both_subs = (cur is not None and op.tag == "replace"
                     and (cur[1] - cur[0]) == (cur[3] - cur[2]))
        if cur is not None and adjacent and not both_subs:
            cur[1], cur[3] = max(cur[1], t1), max(cur[3], o1)
        else:
            if cur is not None:
                chunks.append((truth[cur[0]:cur[1]], ocr[cur[2]:cur[3]]))
            cur = [t0, t1, o0, o1]
    if cur is not None:
        chunks.append((truth[cur[0]:cur[1]], ocr[cur[2]:cur[3]]))
    return chunks

"""Evaluation against ground truth: files, folders matched by name, or an ICDAR TSV.

Reports CER, WER and cMER (see :mod:`metrics`) for the hypothesis and, when the raw
OCR is known, for the OCR too, with how many documents got better and how many worse.
Word-level bookkeeping tells the precision of the corrector: of the words it changed,
how many now match the truth, and how many were right and got broken.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from rapidfuzz.distance import Levenshtein

from pressclean.align import words as split_words
from pressclean.metrics import Counts, cer_counts, cmer_counts, wer_counts

#: a comma or semicolon glued between letters: a space, not a word, tells the two apart
_GLUED = regex.compile(r"(?<=\p{L})([,;])(?=\p{L})")


def _words(text: str) -> list[str]:
    """Words for the precision count: "guerre,comme" and "guerre, comme" are the same
    two words (the truth of ICDAR keeps the OCR's glued commas about half the time)."""
    return split_words(_GLUED.sub(r"\1 ", text))


@dataclass
class Item:
    """One document: its id, ground truth, hypothesis and (optionally) raw OCR."""

    name: str
    gt: str
    hyp: str
    ocr: str | None = None


@dataclass
class Report:
    n: int = 0
    cer: Counts = field(default_factory=Counts)
    wer: Counts = field(default_factory=Counts)
    cmer: Counts = field(default_factory=Counts)
    ocr_cer: Counts = field(default_factory=Counts)
    ocr_wer: Counts = field(default_factory=Counts)
    ocr_cmer: Counts = field(default_factory=Counts)
    better: int = 0
    worse: int = 0
    has_ocr: bool = False
    changed_words: int = 0
    fixed_words: int = 0
    broken_words: int = 0
    missed: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: (word as read and right, what the corrector made of it): where to look for harm,
    #: or for a truth that kept the OCR's error
    broken: Counter[tuple[str, str]] = field(default_factory=Counter)
    worst: list[tuple[float, str]] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.n += 1
        hyp_cmer = cmer_counts(item.gt, item.hyp)
        self.cer += cer_counts(item.gt, item.hyp)
        self.wer += wer_counts(item.gt, item.hyp)
        self.cmer += hyp_cmer
        if item.ocr is None:
            return
        self.has_ocr = True
        ocr_cmer = cmer_counts(item.gt, item.ocr)
        self.ocr_cer += cer_counts(item.gt, item.ocr)
        self.ocr_wer += wer_counts(item.gt, item.ocr)
        self.ocr_cmer += ocr_cmer
        if hyp_cmer.errors < ocr_cmer.errors:
            self.better += 1
        elif hyp_cmer.errors > ocr_cmer.errors:
            self.worse += 1
            self.worst.append((hyp_cmer.errors - ocr_cmer.errors, item.name))
        self._word_precision(item)

    def _word_precision(self, item: Item) -> None:
        """Align OCR→truth and OCR→hypothesis word by word and compare."""
        assert item.ocr is not None
        ocr = _words(item.ocr)
        to_gt = _one_to_one(ocr, _words(item.gt))
        to_hyp = _one_to_one(ocr, _words(item.hyp))
        for i, word in enumerate(ocr):
            truth = to_gt.get(i)
            new = to_hyp.get(i, word)
            if new != word:
                self.changed_words += 1
                if truth is not None and new == truth:
                    self.fixed_words += 1
                elif truth is not None and word == truth:
                    self.broken_words += 1
                    self.broken[(word, new)] += 1
            elif truth is not None and truth != word:
                self.missed[(word, truth)] += 1

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"documents": self.n, "cer": self.cer.rate, "wer": self.wer.rate,
                             "cmer": self.cmer.mer}
        if self.has_ocr:
            d.update({
                "ocr_cer": self.ocr_cer.rate, "ocr_wer": self.ocr_wer.rate,
                "ocr_cmer": self.ocr_cmer.mer, "better": self.better, "worse": self.worse,
                "cmer_change": (self.cmer.mer - self.ocr_cmer.mer) / self.ocr_cmer.mer
                if self.ocr_cmer.mer else 0.0,
                "words_changed": self.changed_words, "words_fixed": self.fixed_words,
                "words_broken": self.broken_words,
                "precision": self.fixed_words / self.changed_words if self.changed_words else 1.0,
                "top_missed": [f"{o} → {t} ({n})" for (o, t), n in self.missed.most_common(15)],
                "top_broken": [f"{o} → {h} ({n})" for (o, h), n in self.broken.most_common(15)],
            })
        return d


def _one_to_one(a: list[str], b: list[str]) -> dict[int, str]:
    """Index in ``a`` → word of ``b``, for 1:1 aligned positions (equal or replaced)."""
    out: dict[int, str] = {}
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal" or (op.tag == "replace" and
                                 op.src_end - op.src_start == op.dest_end - op.dest_start):
            for k in range(op.src_end - op.src_start):
                out[op.src_start + k] = b[op.dest_start + k]
    return out


def evaluate(items: Iterable[Item]) -> Report:
    report = Report()
    for item in items:
        report.add(item)
    report.worst.sort(reverse=True)
    return report


def text_files(folder: Path, truth: bool) -> dict[str, Path]:
    """Text files of a folder by relative name without suffix. Ground truth may sit
    beside its input as ``X.gt.txt``: when a folder has such files, they are the truth
    (``truth``) or are skipped (otherwise)."""
    found: dict[str, Path] = {}
    files = sorted(folder.rglob("*.txt"))
    has_gt = any(p.name.endswith(".gt.txt") for p in files)
    for p in files:
        rel = p.relative_to(folder).as_posix()
        is_gt = rel.endswith(".gt.txt")
        if has_gt and is_gt != truth:
            continue
        if rel.endswith(".corrections.jsonl"):
            continue
        for suffix in (".gt.txt", ".ocr.txt", ".clean.txt", ".txt"):
            if rel.endswith(suffix):
                found.setdefault(rel[: -len(suffix)], p)
                break
    return found


def match_files(gt: Path, hyp: Path, ocr: Path | None,
                read: Callable[[Path], str]) -> list[Item]:
    """Pair files by name: the same relative stem, ``X.gt.txt`` matching ``X.txt``,
    ``X.ocr.txt`` or ``X.clean.txt``."""
    if gt.is_file():
        return [Item(gt.name, read(gt), read(hyp), read(ocr) if ocr else None)]

    gts = text_files(gt, truth=True)
    hyps = text_files(hyp, truth=False)
    ocrs = text_files(ocr, truth=False) if ocr else {}
    return [Item(k, read(gts[k]), read(hyps[k]), read(ocrs[k]) if k in ocrs else None)
            for k in sorted(gts) if k in hyps]

"""Learning a correction model from OCR text aligned with its ground truth.

``learn_model`` counts, over pairs (OCR, truth): word and word-pair frequencies of the
truth (the language model), which true word each OCR word form stood for, and which
character chunks were misread as which. Nothing of the text itself is kept.
"""

from __future__ import annotations

import csv
import datetime as _dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from pressclean import __version__
from pressclean.align import align_words, char_chunks, words
from pressclean.exceptions import DataFileError
from pressclean.model import SENTENCE_START, Model, lm_tokens
from pressclean.textio import read_text
from pressclean.tokens import NUMBER, lm_elision, split_elision


def read_pairs(path: Path) -> Iterator[tuple[str, str]]:
    """(OCR, truth) pairs from an ICDAR-style TSV (input/output columns) or a folder
    of ``X.ocr.txt`` + ``X.gt.txt`` files."""
    if path.is_dir():
        for ocr_file in sorted(path.rglob("*.ocr.txt")):
            gt_file = ocr_file.with_name(ocr_file.name[: -len(".ocr.txt")] + ".gt.txt")
            if gt_file.is_file():
                yield read_text(ocr_file)[0], read_text(gt_file)[0]
        return
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if not reader.fieldnames or not {"input", "output"} <= set(reader.fieldnames):
            raise DataFileError(path, 1, "expected a TSV with 'input' and 'output' columns")
        for row in reader:
            yield row["input"], row["output"]


#: an excluded truth this many words long or more is also looked for inside longer
#: truths (a render page set from several rows); shorter ones only match whole
EXCLUDE_INSIDE_WORDS = 8


class Exclusion:
    """Truths of an evaluation set that learning must not see: a pair whose truth is one
    of them, or holds a long one inside it, is skipped. ICDAR 2017's train files hold
    every row of its dev files; learning on them as they are would measure dev in
    sample."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.whole: set[str] = set()
        self.long: list[str] = []
        for _, truth in pairs:
            norm = " ".join(truth.split())
            self.whole.add(norm)
            if len(norm.split()) >= EXCLUDE_INSIDE_WORDS:
                self.long.append(norm)
        self.skipped = 0

    def keeps(self, truth: str) -> bool:
        norm = " ".join(truth.split())
        if norm in self.whole or any(t in norm for t in self.long if len(t) < len(norm)):
            self.skipped += 1
            return False
        return True


#: how many times a confusion of ``engine`` pairs counts, so that a model learned from
#: two engines is mostly about the one it will clean for. Chosen on Tesseract scans of
#: the held-out train rows (``bench/bench_engine.py``): cMER −32.2 % with the
#: confusions pooled (1), −34.1 % at 3, −34.5 % at 10, −35.3 % at 20 (not taken: 40
#: pages and a few hundred sightings are too little to push it further)
ENGINE_WEIGHT = 10


def learn_model(pairs: Iterable[tuple[str, str]], source: str = "",
                exclude: Exclusion | None = None,
                engine: Iterable[tuple[str, str]] = (),
                engine_weight: int = ENGINE_WEIGHT) -> Model:
    """Count the statistics of :class:`Model` over (OCR, truth) pairs, leaving out
    those ``exclude`` holds. The confusions of the ``engine`` pairs (read by the OCR
    engine the model is for) count ``engine_weight`` times in the odds, and their
    sightings are kept apart (``Model.engine_word_conf``, ``engine_chunk_conf``) so
    that thresholds on how often a word or a chunk was seen count sightings; elisions
    once (their rate is over the truth's count of the elision). Their truth counts
    once, like any other, in the word and word-pair frequencies."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    word_conf: dict[str, Counter[str]] = defaultdict(Counter)
    engine_conf: dict[str, Counter[str]] = defaultdict(Counter)
    engine_chunks: dict[str, Counter[str]] = defaultdict(Counter)  # (sightings)
    chunk_conf: dict[str, Counter[str]] = defaultdict(Counter)
    chunk_totals: Counter[str] = Counter()
    elisions: dict[str, Counter[str]] = defaultdict(Counter)
    n_pairs = 0
    n_engine = 0
    weighted = itertools.chain(((p, 1) for p in pairs), ((p, engine_weight) for p in engine))
    for (ocr, truth), weight in weighted:
        if exclude is not None and not exclude.keeps(truth):
            continue
        n_pairs += 1
        n_engine += weight > 1
        marked = lm_tokens(truth, sentences=True)
        uni.update(marked)
        bi.update(f"{a} {b}" for a, b in zip(marked, marked[1:], strict=False))
        toks = [t for t in marked if t != SENTENCE_START]
        for o_words, t_words in align_words(lm_tokens(ocr), toks):
            if len(o_words) == 1 and len(t_words) == 1:
                o, t = o_words[0], t_words[0]
                word_conf[o][t] += 1  # (sightings: evidence is counted once)
                if weight > 1:
                    engine_conf[o][t] += 1
                _count_chars(t, o, chunk_conf, chunk_totals, weight,
                             engine_chunks if weight > 1 else None)
        # (not weighted: an elision's rate is taken over the truth's count of it)
        _count_elisions(ocr, truth, elisions)
    provenance: dict[str, object] = {"source": source, "pairs": n_pairs,
                                     "date": _dt.date.today().isoformat(),
                                     "pressclean": __version__}
    if exclude is not None:
        provenance["excluded_pairs"] = exclude.skipped
    if n_engine:
        provenance["engine_pairs"] = n_engine
        provenance["engine_weight"] = engine_weight
    kept = {o: dict(c) for o, c in word_conf.items() if len(c) > 1 or o not in c}
    model = Model(unigrams=dict(uni), bigrams=dict(bi), word_conf=kept,
                  engine_word_conf={o: dict(c) for o, c in engine_conf.items() if o in kept},
                  engine_chunk_conf={t: dict(c) for t, c in engine_chunks.items()},
                  chunk_conf={t: dict(c) for t, c in chunk_conf.items()},
                  chunk_totals=dict(chunk_totals),
                  elision_conf={e: dict(c) for e, c in elisions.items()},
                  provenance=provenance)
    provenance["words"] = model.words  # (the model's count: sentence markers left out)
    return model


def _count_elisions(ocr: str, truth: str, conf: dict[str, Counter[str]]) -> None:
    """Count elisions printed glued to their word: truth "l'académie" read "vacadémie"
    (the apostrophe and the "l" read as one glyph) or "dintervenir" for "d'intervenir".
    The word-level alignment cannot see these: the tokens split an elision off its word
    on the truth side only, so they are counted here on whitespace words."""
    for o_words, t_words in align_words(words(ocr), words(truth)):
        if len(o_words) != 1 or len(t_words) != 1:
            continue
        elision, word = split_elision(t_words[0])
        o = o_words[0].lower()
        if not elision or not word or not o.endswith(word.lower()):
            continue
        printed = o[: len(o) - len(word)]
        if 1 <= len(printed) <= 2 and not any(c in "'’‘`" for c in printed):
            conf[lm_elision(elision)][printed] += 1


def _count_chars(truth: str, ocr: str, conf: dict[str, Counter[str]],
                 totals: Counter[str], weight: int = 1,
                 seen: dict[str, Counter[str]] | None = None) -> None:
    """Count the chunks of one aligned word, ``weight`` times; an engine's own
    confusions also once each in ``seen``."""
    if truth == NUMBER or ocr == NUMBER:
        return
    totals[""] += (len(truth) + 1) * weight
    for _ in range(weight):
        totals.update(truth)
        totals.update(truth[i:i + 2] for i in range(len(truth) - 1))
    if truth != ocr and len(truth) > 1:
        for t, o in char_chunks(truth, ocr):
            if len(t) <= 2 and len(o) <= 3:
                conf[t][o] += weight
                if seen is not None:
                    seen[t][o] += 1

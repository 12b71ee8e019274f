"""The correction model: what an OCR engine gets wrong, and what French text looks like.

Holds only statistics, never running text: word and word-pair counts of ground-truth
text (the language model), how often each OCR word form stood for each true word
(real-word confusions such as "a" for "à"), and how often each character chunk was
read as another (the channel: P(OCR chunk | true chunk)). ``pressclean learn`` writes
it; the packaged default was learned from ICDAR 2017 French periodicals (train) and
from Tesseract's readings of renders of that truth (``bench/render_pairs.py``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from pressclean.exceptions import DataFileError
from pressclean.tokens import NUMBER, lm_elision, lm_plain, split_elision, starts_sentence

FORMAT = "pressclean-model/1"
DEFAULT_MODEL = "model-press-fr.json.gz"
#: the packaged model for text an engine read, where its confusions were learned apart:
#: the same statistics, with that engine's confusions weighing more (``learn_model``'s
#: ``engine``); text of any other or unnamed engine gets ``DEFAULT_MODEL``
ENGINE_MODELS = {"tesseract": "model-tesseract-fr.json.gz"}
#: an elision misreading must have been seen this often in training to be proposed
ELISION_MIN = 3
_LM_WORD = regex.compile(r"[\p{L}\d][\p{L}\p{M}\d'’\-]*")
#: the history of a sentence's first word in the word-pair counts
SENTENCE_START = "<s>"


def lm_tokens(text: str, sentences: bool = False) -> list[str]:
    """Lower-case word tokens for counting: elisions split off, numbers as ``<num>``;
    with ``sentences``, ``<s>`` before a capitalised word that opens a sentence."""
    out: list[str] = []
    for m in _LM_WORD.finditer(text):
        w = m.group(0).lower().rstrip("-'’")
        if sentences and w and m.group(0)[0].isupper() and starts_sentence(text, m.start()):
            out.append(SENTENCE_START)
        if not w:
            continue
        if lm_plain(w) == NUMBER:
            out.append(NUMBER)
            continue
        elision, rest = split_elision(w)
        if elision:
            out.append(lm_elision(elision))
        if rest:
            out.append(rest)
    return out


@dataclass
class Model:
    #: word counts of the truth; ``<s>``: how many sentences it counted
    unigrams: dict[str, int] = field(default_factory=dict)
    #: "word next" counts; "<s> word" for a sentence's first word (models learned
    #: before 2026-11-23 have none, and their sentence openers are weighed after the
    #: sentence before)
    bigrams: dict[str, int] = field(default_factory=dict)
    #: OCR word (lower) → {true word: count}, identity included
    word_conf: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the same, of the pairs the engine the model is for read (``learn_model``'s
    #: ``engine``): they weigh ``engine_weight`` times in the odds, once as evidence
    engine_word_conf: dict[str, dict[str, int]] = field(default_factory=dict)
    #: true chunk → {OCR chunk: count}; "" is an insertion (an engine's own counted
    #: ``engine_weight`` times, as in ``chunk_totals``)
    chunk_conf: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the engine's own confusions of ``chunk_conf``, each sighting once
    engine_chunk_conf: dict[str, dict[str, int]] = field(default_factory=dict)
    #: how often each true chunk (1–2 characters, "" = per character) was seen
    chunk_totals: dict[str, int] = field(default_factory=dict)
    #: elision → {what was printed for it glued to the next word: count}: "l'" read
    #: as "v" in "vacadémie", "d'" as "d" (apostrophe lost) in "dintervenir"
    elision_conf: dict[str, dict[str, int]] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    #: digest of the file it was loaded from ("" when built in memory): keys caches
    fingerprint: str = field(default="", compare=False)
    #: the file it was loaded from ("<package>/data/…" for a packaged one)
    origin: str = field(default="", compare=False)

    _followers: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        #: sentences counted (``<s>``: 0 for a model learned before they were)
        self.sentences = self.unigrams.get(SENTENCE_START, 0)
        #: words counted (the sentence marker is none)
        self.words = sum(self.unigrams.values()) - self.sentences
        #: model counts × per_billion = counts per billion words, the lexicon's unit
        self.per_billion = 1e9 / max(1, self.words)
        followers: dict[str, int] = {}
        for pair in self.bigrams:
            first = pair.split(" ", 1)[0]
            followers[first] = followers.get(first, 0) + 1
        self._followers = followers
        #: how many times a confusion of the engine's own pairs counts
        self.engine_weight = int(self.provenance.get("engine_weight", 1))

    def chunk_seen(self, truth: str, ocr: str) -> int:
        """How many times ``truth`` was read ``ocr``: sightings, the engine's once."""
        n = self.chunk_conf.get(truth, {}).get(ocr, 0)
        extra = self.engine_chunk_conf.get(truth, {}).get(ocr, 0)
        return n - (self.engine_weight - 1) * extra

    def weighted_row(self, form: str) -> dict[str, int]:
        """``word_conf[form]`` with the engine's own sightings counted ``engine_weight``
        times: the odds of what the form stood for, for that engine."""
        row = self.word_conf.get(form, {})
        extra = self.engine_word_conf.get(form)
        if not extra or self.engine_weight == 1:
            return row
        return {w: n + (self.engine_weight - 1) * extra.get(w, 0) for w, n in row.items()}

    # ---- language model -------------------------------------------------------
    def followers(self, word: str) -> int:
        """How many different words the training text showed after ``word``."""
        return self._followers.get(word, 0)

    def p_next(self, prev: str | None, word: str, p_uni: float) -> float:
        """P(word | prev): model bigrams interpolated with a unigram probability.

        Witten–Bell weights: the more different words were seen after ``prev``, the
        more an unseen pair is expected, so sparse counts do not condemn a pair.
        """
        if prev is None:
            return p_uni
        n_prev = self.unigrams.get(prev, 0)
        if not n_prev:
            return p_uni
        lam = n_prev / (n_prev + self._followers.get(prev, 0) + 1.0)
        p_bi = self.bigrams.get(f"{prev} {word}", 0) / n_prev
        return lam * p_bi + (1 - lam) * p_uni

    # ---- channel --------------------------------------------------------------
    def chunk_logp(self, truth: str, ocr: str, prior: float) -> float:
        """log10 P(OCR chunk | true chunk): learned rate mixed with ``prior``.

        A mixture, not additive smoothing: a confusion this engine never showed in
        training (another OCR engine's "[" for "l") keeps part of its prior.
        """
        seen = self.chunk_conf.get(truth, {}).get(ocr, 0)
        total = self.chunk_totals.get(truth, 0)
        learned = seen / total if total else prior
        return math.log10(0.6 * learned + 0.4 * prior)

    def elision_logp(self, elision: str, printed: str) -> float | None:
        """log10 P(``printed`` glued to the next word | ``elision``), or None for a
        reading seen fewer than ``ELISION_MIN`` times (too rare to propose)."""
        seen = self.elision_conf.get(elision, {}).get(printed, 0)
        total = self.unigrams.get(elision, 0)
        if seen < ELISION_MIN or not total:
            return None
        return math.log10(seen / total)

    # ---- file -----------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "provenance": self.provenance, "unigrams": self.unigrams,
                "bigrams": self.bigrams, "word_conf": self.word_conf,
                "engine_word_conf": self.engine_word_conf,
                "engine_chunk_conf": self.engine_chunk_conf,
                "chunk_conf": self.chunk_conf, "chunk_totals": self.chunk_totals,
                "elision_conf": self.elision_conf}

    def save(self, path: Path) -> None:
        from pressclean.textio import write_atomic

        data = json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)
        write_atomic(path, gzip.compress(data.encode("utf-8"), mtime=0))


def _from_json(data: Any, where: str) -> Model:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataFileError(where, None, f"not a pressclean model (expected format {FORMAT})")
    try:
        return Model(unigrams=data["unigrams"], bigrams=data["bigrams"],
                     word_conf=data["word_conf"],
                     engine_word_conf=data.get("engine_word_conf", {}),
                     engine_chunk_conf=data.get("engine_chunk_conf", {}),
                     chunk_conf=data["chunk_conf"],
                     chunk_totals=data["chunk_totals"],
                     elision_conf=data.get("elision_conf", {}),  # older models lack it
                     provenance=data.get("provenance", {}))
    except KeyError as exc:
        raise DataFileError(where, None, f"model lacks the {exc.args[0]!r} table") from exc


def load_model(path: Path | None = None, engine: str | None = None) -> Model:
    """Load a model file (gzip JSON); None loads the packaged one for ``engine``."""
    packaged = ENGINE_MODELS.get(engine or "", DEFAULT_MODEL)
    try:
        if path is None:
            raw = resources.files("pressclean.data").joinpath(packaged).read_bytes()
            where = f"<package>/data/{packaged}"
        else:
            raw = Path(path).read_bytes()
            where = str(path)
        text = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        model = _from_json(json.loads(text), where)
        model.fingerprint = hashlib.sha1(raw).hexdigest()[:16]
        model.origin = where
        return model
    except (OSError, ValueError, EOFError) as exc:
        raise DataFileError(path or packaged, None, f"cannot read model: {exc}") from exc

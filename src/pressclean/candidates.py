"""Candidate words for an OCR form: undone glyph confusions, SymSpell neighbours, splits.

Each candidate carries log10 P(OCR form | candidate) from the channel and the reason it
was proposed, so the decision (``spell``) only has to weigh channel against context.
SymSpell's index is built once per lexicon and pickled in the cache folder.
"""

from __future__ import annotations

import copy
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from symspellpy import SymSpell

from pressclean.channel import Channel, Vocabulary
from pressclean.lexicon import RARE_COUNT, Lexicon, cache_dir, read_cache, write_cache
from pressclean.splits import ELIDABLE, SPLIT_MIN_COUNT, Splitter, split_text, splittable
from pressclean.tokens import is_numberish

#: SymSpell indexes the deletes of this many first letters of each word
PREFIX_LENGTH = 5
#: a candidate word must be at least this frequent (per billion words)
MIN_CANDIDATE_COUNT = 20.0
#: SymSpell's index: delete → words, shortest first
Deletes = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Candidate:
    words: tuple[str, ...]
    channel: float
    how: str  # "glyph", "dictionary", "split", "elision", or the ids of word rules
    #: the text written when it differs from the words scored ("microtechniques)")
    surface: str | None = None
    #: for an elision: how many printed characters stood for it ("v" in "vacadémie")
    head: int = 0

    @property
    def text(self) -> str:
        return self.surface if self.surface is not None else " ".join(self.words)


class CandidateGenerator:
    """Proposes and channel-scores corrections for lower-case OCR forms."""

    def __init__(self, lexicon: Lexicon, channel: Channel) -> None:
        self.lexicon = lexicon
        self.channel = channel
        self._deletes: Deletes | None = None
        self._vocab: Vocabulary | None = None
        self._split_vocab: Vocabulary | None = None
        self._shared: dict[str, tuple[list[str], list[str], tuple[str, ...] | None]] = {}
        self._near_cache: dict[str, tuple[str, ...]] = {}
        self._glyph_seen: dict[str, list[str]] = {}
        self._splitter = Splitter(lexicon, channel, self.split_vocabulary)
        #: OCR head → (elision it may be a misreading of, log10 P), from the model
        self._heads: dict[str, list[tuple[str, float]]] = {}
        for elision, printed in channel.model.elision_conf.items():
            for head in printed:
                logp = channel.model.elision_logp(elision, head)
                if logp is not None:
                    self._heads.setdefault(head, []).append((elision, logp))
        self.for_form: Callable[[str], tuple[Candidate, ...]] = \
            lru_cache(maxsize=100_000)(self._for_form)

    def adapted(self, channel: Channel) -> CandidateGenerator:
        """The same generator (and SymSpell index) over an adapted channel."""
        new = copy.copy(self)
        new.channel = channel
        cached = lru_cache(maxsize=20_000)(new._for_form)
        parent = self.for_form

        def for_form(form: str) -> tuple[Candidate, ...]:
            return cached(form) if channel.affects(form) else parent(form)

        new.for_form = for_form
        return new

    def vocabulary(self) -> Vocabulary:
        """The words a glyph repair may produce (frequent enough to be proposed)."""
        if self._vocab is None:
            self._vocab = _load_vocabulary(self.lexicon, MIN_CANDIDATE_COUNT)
        return self._vocab

    def split_vocabulary(self) -> Vocabulary:
        """The words a piece of a split may be (common ones only: a small prefix set,
        so the search for pieces gives up early)."""
        if self._split_vocab is None:
            self._split_vocab = _load_vocabulary(self.lexicon, SPLIT_MIN_COUNT)
        return self._split_vocab

    # ---- SymSpell, built lazily and cached on disk -----------------------------
    def deletes(self) -> Deletes:
        """SymSpell's symmetric-delete index: delete of a word's first letters → words,
        shortest first (``_closest`` takes only the lengths it may).

        Kept as tuples, not symspellpy's lists: tuples of strings leave the cycle
        collector's sight, lists would make every full collection walk 1.5 million
        references (a second of a 1 MB clean)."""
        if self._deletes is None:
            self._deletes = _load_deletes(self.lexicon)
        return self._deletes

    def _proposals(self, form: str) -> tuple[list[str], list[str], tuple[str, ...] | None]:
        """Channel-independent proposals for a form (glyph undos, SymSpell, split),
        computed once and shared by the adapted copies of this generator."""
        cached = self._shared.get(form)
        if cached is not None:
            return cached
        glyph = self._glyph_words(form)
        # SymSpell and splitting only where undoing glyph confusions found no word:
        # they are the slow part, and rarely beat a glyph explanation (on held-out
        # train, 1 of 25 winning splits was of a form with a glyph candidate); where
        # the glyph repairs lose, ``near_fallback`` looks up the neighbours after all
        near = [] if glyph else [w for w in self._neighbours(form) if not _glued(form, w)]
        split = self._splitter.best(form) if not glyph and splittable(form) else None
        result = (glyph, near, split)
        if len(self._shared) > 200_000:
            self._shared.clear()
        self._shared[form] = result
        return result

    def near_fallback(self, form: str) -> tuple[Candidate, ...]:
        """SymSpell neighbours of a form whose glyph repairs were all refused."""
        glyph = self._proposals(form)[0]
        if not glyph:
            return ()  # its neighbours were proposed, and weighed, with the glyph repairs
        got = self._near_cache.get(form)
        if got is None:
            if len(self._near_cache) > 200_000:
                self._near_cache.clear()
            got = self._near_cache[form] = tuple(
                w for w in self._neighbours(form) if w not in glyph and not _glued(form, w))
        return self._ranked([Candidate((c,), self.channel.logp(c, form), "dictionary")
                             for c in got])

    def _neighbours(self, form: str) -> list[str]:
        """SymSpell's closest words to a form of letters: one edit away, two from seven
        letters on."""
        if len(form) < 3 or not form.isalpha():
            return []
        return _closest(self.deletes(), form, 2 if len(form) >= 7 else 1)

    def glyph_repairs(self, form: str) -> tuple[Candidate, ...]:
        """Only the undone glyph confusions of a form, best first: the cheap part of
        ``for_form``, for a form that is itself a guess (two pieces of a cut word)."""
        return self._ranked([Candidate((c,), self.channel.logp(c, form), "glyph")
                             for c in self._glyph_words(form)])

    def _glyph_words(self, form: str) -> list[str]:
        """The vocabulary words that undoing likely confusions makes of ``form``.
        Cached for this generator and its adapted copies: the search reads the undo
        table, which adaptation leaves as it is (it changes costs, not candidates)."""
        got = self._glyph_seen.get(form)
        if got is None:
            if len(self._glyph_seen) > 200_000:
                self._glyph_seen.clear()
            got = self._glyph_seen[form] = [
                c for c in self.channel.words_within(form, self.vocabulary()) if c != form]
        return got

    def _ranked(self, found: list[Candidate]) -> tuple[Candidate, ...]:
        """The twelve best candidates by channel and frequency."""
        return tuple(sorted(found, key=lambda c: c.channel + math.log10(
            self.lexicon.count(c.words[0]) + 1), reverse=True)[:12])

    def _for_form(self, form: str) -> tuple[Candidate, ...]:
        glyph, near, split = self._proposals(form)
        found: dict[str, Candidate] = {}
        for cand in glyph:
            if _written(cand):
                found[cand] = Candidate((cand,), self.channel.logp(cand, form), "glyph")
        for cand in near:
            if cand not in found and _written(cand):
                found[cand] = Candidate((cand,), self.channel.logp(cand, form), "dictionary")
        if split is not None:
            # the pieces were found once for all channels; their cost is this channel's
            # (an adapted one makes a document's habitual confusion cheaper)
            text = split_text(split)
            found[text] = Candidate(split, self._splitter.logp(self.channel, split, form), "split",
                                    text if text != " ".join(split) else None)
        return self._ranked(list(found.values())) + self._elided(form, repair=not glyph)

    def _elided(self, form: str, repair: bool) -> tuple[Candidate, ...]:
        """An elision glued to its word and misread ("vacadémie" → "l'académie",
        "dintervenir" → "d'intervenir"), in the ways the model saw it happen. With
        ``repair`` (the form has no glyph repair of its own), the word may itself need
        one ("rinstructiort" → "l'instruction")."""
        out: list[Candidate] = []
        words = self.vocabulary().words
        for k in (1, 2):
            rest = form[k:]
            if len(rest) < 2 or rest[:1] not in ELIDABLE:
                continue
            for elision, logp in self._heads.get(form[:k], ()):
                found = {rest: 0.0} if rest in words else {}
                if repair and len(rest) >= 5:
                    found.update({c.words[0]: c.channel for c in self.glyph_repairs(rest)})
                out.extend(Candidate((elision, word), logp + channel, "elision", elision + word,
                                     head=k)
                           for word, channel in found.items() if word[:1] in ELIDABLE)
        return tuple(out)


def _written(word: str) -> bool:
    """Whether a lexicon word may be written for an OCR form: letters, or a number
    ("2e", "1er", "18h"), not the codes of a web word list mixing them ("a2", "s0",
    "l7"), which only turn one misreading into another ("1S0" → "s0")."""
    return not any(c.isdigit() for c in word) or is_numberish(word)


def _closest(deletes: Deletes, form: str, max_dist: int) -> list[str]:
    """The dictionary words closest to ``form`` (optimal string alignment distance at
    most ``max_dist``), from SymSpell's symmetric-delete index; the distances are
    computed by rapidfuzz, which is many times faster than symspellpy's own lookup.
    Only words within ``max_dist`` letters of the form's length are looked at: half
    of what shares a delete of the first letters, and none of them could be close."""
    keys = {form[:PREFIX_LENGTH]}
    frontier = set(keys)
    for _ in range(max_dist):
        frontier = {k[:i] + k[i + 1:] for k in frontier for i in range(len(k))}
        keys |= frontier
    # a list, not a set: a word found under several deletes is scored more than once,
    # which costs rapidfuzz less than building the set costs Python
    pool: list[str] = []
    low, high = len(form) - max_dist, len(form) + max_dist
    for k in keys:
        found = deletes.get(k)
        if found:
            pool.extend(found[bisect_left(found, low, key=len):
                              bisect_right(found, high, key=len)])
    scored = [(w, d) for w, d, _ in process.extract(form, pool, scorer=OSA.distance,
                                                    score_cutoff=max_dist, limit=None)
              if w != form]
    if not scored:
        return []
    best = min(d for _, d in scored)
    # sorted: a set's order follows the process's string hashing, and a tie between
    # equally close words must not go one way or the other from run to run
    return sorted({w for w, d in scored if d == best})


def _load_vocabulary(lexicon: Lexicon, min_count: float) -> Vocabulary:
    """The lexicon's words of at least ``min_count`` with their prefixes, cached on disk
    (loading the prefixes is three times faster than deriving them)."""
    if not lexicon.fingerprint:  # a lexicon made in memory: nothing to key a cache by
        return Vocabulary({w for w, n in lexicon.counts.items() if n >= min_count})
    path = cache_dir() / f"prefixes-{lexicon.fingerprint}-{min_count:g}-following.pickle"
    cached = read_cache(path)
    if cached is not None:
        words, prefixes = cached
        return Vocabulary(set(words), prefixes)
    vocab = Vocabulary({w for w, n in lexicon.counts.items() if n >= min_count})
    write_cache(path, (sorted(vocab.words), vocab.prefixes))
    return vocab


def _load_deletes(lexicon: Lexicon) -> Deletes:
    """SymSpell's delete index over the lexicon's common words, built once and cached
    (as tuples, so loading it needs no conversion)."""
    path = cache_dir() / f"deletes-{lexicon.fingerprint}-{PREFIX_LENGTH}-bylen.pickle"
    cached = read_cache(path) if lexicon.fingerprint else None
    if isinstance(cached, dict):
        return cached
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=PREFIX_LENGTH)
    for word, count in lexicon.counts.items():
        if count >= RARE_COUNT and word.isalpha():
            sym.create_dictionary_entry(word, int(count) + 1)
    deletes = {k: tuple(sorted(v, key=lambda w: (len(w), w))) for k, v in sym.deletes.items()}
    if lexicon.fingerprint:
        write_cache(path, deletes)
    return deletes


def _glued(form: str, word: str) -> bool:
    """``form`` is ``word`` with two or more letters beside it: more likely a word the
    lexicon lacks ("coorganisés") or a lost space ("proximitéet") than a word with two
    specks beside it."""
    return len(form) - len(word) >= 2 and word in form


#: endings that make a known word into another form of it ("salpingite" + "s")
_INFLECTIONS = ("s", "x", "r", "es", "nt")


def inflected(form: str, cand: str) -> bool:
    """``form`` is ``cand`` inflected: more likely a word the lexicon lacks than a
    misreading of ``cand`` with a letter added ("salpingites", "préluder")."""
    return form.startswith(cand) and form[len(cand):] in _INFLECTIONS

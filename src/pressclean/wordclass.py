"""Word classes: what the word pairs say about a kind of word when they never saw the word.

The model's word pairs come from a few hundred thousand words of ground truth, so most
pairs a real-word decision meets were never seen after either reading ("a prétendre",
"à prétendre"). The class of the next word still speaks: "à" comes before infinitives,
"a" before past participles; so does the class of the word before ("continua à"), and
both weigh a glyph twin too ("ce qu'il noue raconte" → "nous"). The classes come from
the lemmatizer tables of spaCy's French model (its verb, noun, adjective and adverb
lemmas, and the verb forms it maps to them); how often each class follows a word is
counted from the model's own pairs.
A word of four letters or more none of those tables knows is "other" (a name, a place:
"à Vincennes"); numbers and elisions ("l'", "d'") are classes of their own; shorter
words are function words, whose own pairs speak for them, and noise has no class.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pressclean.exceptions import MissingDependencyError
from pressclean.lexicon import Lexicon, cache_dir, read_cache, write_cache
from pressclean.model import Model
from pressclean.nlp import LemmaTables, lemma_tables, spacy_model_version
from pressclean.tokens import NUMBER

#: the classes a word may have (besides none)
CLASSES = ("infinitive", "participle", "verb", "noun", "adjective", "adverb", "other",
           "number", "elision")
#: the endings of a past participle ("travaillé", "pris", "fait", "ouvert", "peint")
_PARTICIPLE_ENDINGS = tuple(stem + tail for stem in ("é", "i", "u", "it", "is", "ert", "int")
                            for tail in ("", "e", "s", "es") if not (stem == "is" and tail == "s"))
#: pseudo-counts that pull a word's class shares towards every word's shares: a word
#: followed by a few dozen words says little about the classes that follow it
SMOOTHING = 20.0
#: the most (log10) the previous word's class may add or take: it may tip a close call,
#: never decide alone (the real-word margin is 1.0; uncapped, held-out train kept one
#: word more broken and the 1 MB bench text gained "L'Atelier . h ., 30" → "à")
AFTER_MAX_GAIN = 1.0
#: bumped when ``classify`` changes, so cached classes are rebuilt
_VERSION = "2"
#: a candidate's class shares count once it was followed this many times in the model
MIN_FOLLOWED = 200


def classify(word: str, tables: LemmaTables) -> str | None:
    """The class of a lower-case ``word`` (a line-end hyphen inside is ignored)."""
    if "-" in word:
        word = word.replace("-", "")
    if len(word) <= 3 or not word.isalpha():
        return None
    lemma = tables.lemma(word)
    if word in tables.verbs:
        return "infinitive"
    if lemma in tables.verbs:
        # (an imperfect in -ais/-ait ends like "pris" and "fait", "faire"'s own aside)
        participle = lemma != word and word.endswith(_PARTICIPLE_ENDINGS) \
            and (not word.endswith(("ais", "ait")) or word.endswith("fait"))
        return "participle" if participle else "verb"
    for cls, lemmas in (("noun", tables.nouns), ("adjective", tables.adjectives),
                        ("adverb", tables.adverbs)):
        if lemma in lemmas or word in lemmas:
            return cls
    return "other"


@dataclass
class _PairCounts:
    """The model's word pairs counted by class, on each side."""

    #: word → class of the word after it → pairs
    follow: dict[str, Counter[str]] = field(default_factory=dict)
    #: word → pairs it begins (whatever follows)
    totals: Counter[str] = field(default_factory=Counter)
    #: class → its share of all the words that follow
    shares: dict[str, float] = field(default_factory=dict)
    #: class of the word before → word → pairs
    after: dict[str, Counter[str]] = field(default_factory=dict)
    #: class → pairs it begins
    after_totals: Counter[str] = field(default_factory=Counter)
    #: word → its share of all the words that follow
    word_shares: dict[str, float] = field(default_factory=dict)


class ClassContext:
    """log10 P(class of next | word) / P(class of next), and log10 P(word | class of
    previous) / P(word), from the model's word pairs."""

    def __init__(self, lexicon: Lexicon, model: Model) -> None:
        self.lexicon = lexicon
        self.model = model
        #: word → class for the lexicon's words with a class other than "other"; None
        #: until loaded, {} when spaCy's French model is not installed (no evidence)
        self._classes: dict[str, str] | None = None
        self._counts = _PairCounts()
        #: (word, word, the first one's class is meant) → log10 ratio
        self._cache: dict[tuple[str, str, bool], float] = {}

    def preload(self) -> None:
        """The word classes (from their cache, or spaCy's tables once per lexicon) and
        the class counts of the model's pairs (from their cache, or counted once per
        lexicon and model)."""
        if self._classes is not None:
            return
        self._classes, key = _word_classes(self.lexicon)
        if not self._classes:
            return
        path = None
        if key and self.model.fingerprint:
            digest = hashlib.sha1(f"{key}/{self.model.fingerprint}".encode()).hexdigest()
            path = cache_dir() / f"classcounts-{digest[:16]}.pickle"
        counts = read_cache(path) if path is not None else None
        if not isinstance(counts, _PairCounts):
            counts = self._count_pairs()
            if path is not None:
                write_cache(path, counts)
        self._counts = counts

    def _count_pairs(self) -> _PairCounts:
        counts = _PairCounts(follow=defaultdict(Counter), after=defaultdict(Counter))
        overall: Counter[str] = Counter()
        followers: Counter[str] = Counter()
        of: dict[str, str | None] = {}  # each word classified once
        for pair, n in self.model.bigrams.items():
            word, _, nxt = pair.partition(" ")
            # (shares of all that follows: a word followed by function words leaves
            # less to each class, and the shares say so)
            counts.totals[word] += n
            followers[nxt] += n
            cls = of[nxt] if nxt in of else of.setdefault(nxt, self.class_of(nxt))
            if cls is not None:
                counts.follow[word][cls] += n
                overall[cls] += n
            cls = of[word] if word in of else of.setdefault(word, self.class_of(word))
            if cls is not None:
                counts.after[cls][nxt] += n
                counts.after_totals[cls] += n
        counts.follow, counts.after = dict(counts.follow), dict(counts.after)
        total = sum(counts.totals.values()) or 1
        counts.shares = {cls: n / total for cls, n in overall.items()}
        counts.word_shares = {w: n / total for w, n in followers.items()}
        return counts

    def class_of(self, word: str) -> str | None:
        if self._classes is None:
            self.preload()
        assert self._classes is not None
        if not self._classes:
            return None
        got = self._classes.get(word)
        if got is not None:
            return got
        if "-" in word:
            word = word.replace("-", "")
            got = self._classes.get(word)
            if got is not None:
                return got
        if len(word) > 3 and word.isalpha():
            return "other"
        if word == NUMBER:
            return "number"  # "à 68 ans", "a 68 ans"
        return "elision" if word.endswith("'") and word[:-1].isalpha() else None

    def gain(self, cand: str, form: str, nxt: str) -> float:
        """log10 of how much likelier the class of ``nxt`` makes ``cand`` than the
        printed ``form``: none unless the candidate was followed often enough for its
        shares to be known (a rare candidate's shares are every word's, which would
        set it above any form a class seldom follows: "à Lois" → "k Lois"), and none
        between elisions, whose next word is chosen by its first letter."""
        return self._weigh(cand, form, self.assoc, nxt)

    def gain_after(self, prev: str, cand: str, form: str) -> float:
        """The same for the class of the word before ("continua a" → "à": a finite
        verb is followed by "à" far more than by "a"), at most ``AFTER_MAX_GAIN`` either
        way: a form that follows one class of word ("h" after numbers) would otherwise
        lose to any candidate after any other ("L'Atelier . h ., 30" → "à")."""
        gain = self._weigh(cand, form, lambda word, _: self.assoc_after(prev, word), prev)
        return max(-AFTER_MAX_GAIN, min(AFTER_MAX_GAIN, gain))

    def _weigh(self, cand: str, form: str, assoc: Callable[[str, str], float],
               other: str) -> float:
        if self._classes is None:
            self.preload()
        totals = self._counts.totals
        if totals[cand] < MIN_FOLLOWED or cand.endswith("'") or form.endswith("'"):
            return 0.0
        if totals[form] < MIN_FOLLOWED:
            # a rare printed form ("do", "k"): its own shares are unknown, so the class
            # may vouch for the candidate but not against it
            return max(0.0, assoc(cand, other))
        return assoc(cand, other) - assoc(form, other)

    def assoc(self, word: str, nxt: str) -> float:
        """How much likelier than average the class of ``nxt`` is after ``word`` (log10;
        0 when ``nxt`` has no class)."""
        return self._memo(word, nxt, False)

    def assoc_after(self, prev: str, word: str) -> float:
        """How much likelier than average ``word`` is after the class of ``prev``
        (log10; 0 when ``prev`` has no class)."""
        return self._memo(prev, word, True)

    def _memo(self, first: str, second: str, after: bool) -> float:
        key = (first, second, after)
        got = self._cache.get(key)
        if got is None:
            got = self._ratio_after(first, second) if after else self._ratio(first, second)
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[key] = got
        return got

    def _ratio(self, word: str, nxt: str) -> float:
        cls = self.class_of(nxt)
        if cls is None:
            return 0.0
        counts = self._counts
        seen = counts.follow.get(word)
        return _shrunk_ratio(seen[cls] if seen else 0, counts.totals[word],
                             counts.shares.get(cls, 1e-4))

    def _ratio_after(self, prev: str, word: str) -> float:
        cls = self.class_of(prev)
        if cls is None:
            return 0.0
        counts = self._counts
        seen = counts.after.get(cls)
        return _shrunk_ratio(seen[word] if seen else 0, counts.after_totals[cls],
                             counts.word_shares.get(word, 1e-6))


def _shrunk_ratio(n: int, total: int, share: float) -> float:
    """log10 of (n of total, shrunk towards ``share`` by ``SMOOTHING`` pseudo-counts)
    over ``share``."""
    return math.log10((n + SMOOTHING * share) / (total + SMOOTHING) / share)


def _word_classes(lexicon: Lexicon) -> tuple[dict[str, str], str]:
    """word → class for the lexicon's words spaCy's tables know (cached on disk), and
    the key of that cache ("" when nothing stable keys it)."""
    try:
        version = spacy_model_version()
        key = hashlib.sha1(f"{lexicon.fingerprint}/{version}/{_VERSION}/{CLASSES}/"
                           f"{_PARTICIPLE_ENDINGS}".encode()).hexdigest()[:16]
        if not lexicon.fingerprint:
            return _classify_all(lexicon.counts, lemma_tables()), ""
        path = cache_dir() / f"classes-{key}.pickle"
        got = read_cache(path)
        if isinstance(got, dict):
            return got, key
        out = _classify_all(lexicon.counts, lemma_tables())
    except MissingDependencyError:
        return {}, ""
    write_cache(path, out)
    return out, key


def _classify_all(words: Iterable[str], tables: LemmaTables) -> dict[str, str]:
    out: dict[str, str] = {}
    for word in words:
        cls = classify(word, tables)
        if cls is not None and cls != "other":
            out[word] = cls
    return out

"""What a document (or the archive it belongs to) says about which word follows which:
a cache model.

A regional paper's own words (a "pôle", a firm, a village) are rare in any training
text, so the model never saw the pairs they make; the document did, wherever the OCR
read them right ("le pôle" on one line vouches for "le" against "te" before "pôle"
on another). Only pairs of trusted words count (common words this OCR rarely
produced for another, so "te" or "pôte" vouch for nothing), only pairs the model never
saw take the document's evidence (the model knows "à la" better than one page whose
OCR may read it "a la" every time), and the occurrence being decided is left out of
the counts (leave-one-out), so a misreading never vouches for itself. Counted over
every input of a call (``pressclean clean`` with many files, ``pressclean eval``), the
archive's pairs vouch across documents: one page's "le pôle" for another's "te pôle".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Container, Iterable

from pressclean.model import Model
from pressclean.tokens import Token, lm_word

#: weight of the document's estimate in a pair the model never saw
DOC_WEIGHT = 0.2
#: at most this many times the model's estimate: a page's one "des clusters" may tip a
#: close call ("te" for "le"), never overturn a strong prior ("les" read right)
DOC_MAX_GAIN = 10**1.5


class DocPairs:
    """Counts of the trusted words, and of their pairs the model never saw, in a
    document or in every document of a call (an archive: ``add`` each one)."""

    __slots__ = ("_seen", "_trusted", "counts", "pairs")

    def __init__(self, trusted: Callable[[str], bool], seen: Container[str]) -> None:
        self._trusted = trusted
        self._seen = seen  # the model's own pairs, which never take these counts
        self.counts: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()

    def add(self, toks: Iterable[Token]) -> DocPairs:
        seq: list[str] = []
        #: each printed word's entry, decided once (most of a text is a few thousand words)
        entry: dict[str, str] = {}
        for tok in toks:
            if tok.elision:
                seq.append(lm_word(tok))
            word = tok.word
            if word:
                got = entry.get(word)
                if got is None:
                    low = word.lower()
                    # an untrusted word, a number or noise breaks the chain: pairs nothing
                    got = entry[word] = low if low.isalpha() and self._trusted(low) else ""
                seq.append(got)
        self.counts.update(filter(None, seq))
        # counted at C speed first, then each distinct pair checked once
        for (a, b), n in Counter(zip(seq, seq[1:], strict=False)).items():
            if a and b and f"{a} {b}" not in self._seen:
                self.pairs[(a, b)] += n
        return self

    def p(self, prev: str, word: str, own: bool) -> float:
        """P(word | prev) in these counts without the occurrence being decided:
        ``own`` when the pair is the one printed there (its count loses one), the
        history always loses the current position."""
        n = self.pairs.get((prev, word), 0) - own
        if n <= 0:
            return 0.0
        return n / max(1, self.counts[prev] - 1)


def p_next(model: Model, doc: DocPairs | None, prev: str | None, word: str, p_uni: float,
           own: bool = False) -> float:
    """The model's P(word | prev), mixed with the document's where the model never saw
    the pair (the only pairs ``doc`` holds)."""
    p = model.p_next(prev, word, p_uni)
    if doc is None or prev is None:
        return p
    cached = doc.p(prev, word, own)
    if cached == 0.0:
        return p
    return min(p * DOC_MAX_GAIN, (1 - DOC_WEIGHT) * p + DOC_WEIGHT * cached)


class PairLogp:
    """log10 P(word | prev) for the decisions of a run, cached per pair.

    The same few hundred thousand pairs are asked for again and again (every "de" of a
    text weighs its neighbours against "du" and "des"): the model's value depends on
    the pair alone and is computed once; a document's counts change it only for the
    pairs they hold, which are computed afresh each time.
    """

    #: entries kept before the caches start over (about 100 MB at most)
    MAX_CACHED = 500_000

    def __init__(self, model: Model, p_uni: Callable[[str], float]) -> None:
        self.model = model
        self.p_uni = p_uni
        self._pairs: dict[tuple[str | None, str], float] = {}
        self._uni: dict[str, float] = {}

    def log_uni(self, word: str) -> float:
        """log10 P(word)."""
        got = self._uni.get(word)
        if got is None:
            if len(self._uni) > self.MAX_CACHED:
                self._uni.clear()
            got = self._uni[word] = math.log10(self.p_uni(word))
        return got

    def __call__(self, doc: DocPairs | None, prev: str | None, word: str,
                 own: bool = False) -> float:
        """log10 ``p_next``; ``own`` as there."""
        key = (prev, word)
        if doc is not None and key in doc.pairs:  # (never with no ``prev``)
            return math.log10(p_next(self.model, doc, prev, word, self.p_uni(word), own))
        got = self._pairs.get(key)
        if got is None:
            if len(self._pairs) > self.MAX_CACHED:
                self._pairs.clear()
            got = self._pairs[key] = math.log10(
                self.model.p_next(prev, word, self.p_uni(word)))
        return got

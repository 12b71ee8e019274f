"""How much a letter string looks like a French word: a character n-gram model.

An unknown form is either a word the lexicon lacks ("coorganisés", "salpingites") or a
misreading ("énorniité", "sansptomb"). A flat prior cannot tell them apart; the letters
can: French spelling makes "niit" and "sptomb" rare and "-isés" common. The model is
learned from the lexicon's own words (each form once, so inflections weigh as much as
their base), with Witten–Bell interpolation from four letters of history down to single
letters, and cached on disk beside the lexicon's other indexes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from pressclean.lexicon import Lexicon, cache_dir, read_cache, write_cache

#: letters of history plus one: four, chosen on held-out ICDAR train (three and five
#: did no better, five is three times the size)
ORDER = 4
_VERSION = "2"
_START, _END = "^", "$"


class WordShape:
    """log10 P(form) under a character model of the words it was built from."""

    def __init__(self, ngrams: dict[str, int], order: int = ORDER,
                 history: dict[str, tuple[int, int]] | None = None) -> None:
        self.order = order
        self._ngrams = ngrams
        if history is None:
            # per history: (n-grams seen after it, distinct letters seen after it)
            totals: dict[str, list[int]] = {}
            for gram, n in ngrams.items():
                h = totals.setdefault(gram[:-1], [0, 0])
                h[0] += n
                h[1] += 1
            history = {h: (t, u) for h, (t, u) in totals.items()}
        self._history = history
        self._alphabet = self._history.get("", (0, 0))[1] + 1

    @classmethod
    def build(cls, words: Iterable[str], order: int = ORDER) -> WordShape:
        """Count the n-grams (one to ``order`` letters) of ``words``, each padded."""
        pad = _START * (order - 1)
        counts: Counter[str] = Counter()
        for w in words:
            s = pad + w + _END
            counts.update(s[i - n:i + 1] for i in range(order - 1, len(s)) for n in range(order))
        return cls(dict(counts), order)

    def logp(self, form: str, floor: float) -> float:
        """log10 P(form as a word); each letter costs at most ``-floor`` (a digit among
        letters costs what a very rare letter does, not the eleven orders of magnitude
        an unseen symbol would). An apostrophe parts words ("de'la"): each part is
        scored as a word of its own."""
        form = form.replace("’", "'")
        if "'" in form:
            return sum(self.logp(part, floor) for part in form.split("'") if part)
        s = _START * (self.order - 1) + form + _END
        ngrams, history, log10 = self._ngrams, self._history, math.log10
        total = 0.0
        for i in range(self.order - 1, len(s)):  # ``next_p``, inlined: the hot loop
            p = 1.0 / self._alphabet
            for n in range(self.order):
                seen = history.get(s[i - n:i])
                if seen is None:
                    break
                p = (ngrams.get(s[i - n:i + 1], 0) + seen[1] * p) / (seen[0] + seen[1])
            total += max(floor, log10(p))
        return total

    def next_p(self, history: str, letter: str) -> float:
        """P(letter | the last ``order - 1`` letters of ``history``; "^" pads a start,
        "$" is the end), interpolated down to a uniform share of the alphabet."""
        p = 1.0 / self._alphabet
        history = history[len(history) - self.order + 1:] if self.order > 1 else ""
        for n in range(self.order):
            hist = history[len(history) - n:] if n else ""
            seen = self._history.get(hist)
            if seen is None:
                break
            t, u = seen
            p = (self._ngrams.get(hist + letter, 0) + u * p) / (t + u)
        return p


def load_word_shape(lexicon: Lexicon) -> WordShape:
    """The model of the lexicon's alphabetic words, built once and cached on disk."""
    path = cache_dir() / f"wordshape-{lexicon.fingerprint}-{ORDER}-{_VERSION}.pickle"
    cached = read_cache(path) if lexicon.fingerprint else None
    if isinstance(cached, tuple):
        return WordShape(cached[0], ORDER, cached[1])
    shape = WordShape.build(w for w in lexicon.counts if w.isalpha())
    if lexicon.fingerprint:  # with the history totals: deriving them is most of a load
        write_cache(path, (shape._ngrams, shape._history))
    return shape


class UnknownPrior:
    """log10 P(an unknown form is a real word as printed), two ways: by how French its
    letters look (the speller's keep score) and by its length alone (the flat prior a
    split must also beat: a model of single words finds any two words glued unlikely,
    "transrégionale" as much as "sansplomb"). Either way a digit or symbol among the
    letters costs ``noise_penalty`` more: a rare letter sequence costs at most
    ``floor``, a symbol is far rarer in a real word. Memoised per form."""

    def __init__(self, lexicon: Lexicon, offset: float, floor: float, flat: float,
                 noise_penalty: float, len_slope: float, len_from: int) -> None:
        self._lexicon = lexicon
        self._shape: WordShape | None = None
        self._offset, self._floor = offset, floor
        self._flat, self._noise, self._slope, self._from = flat, noise_penalty, len_slope, len_from
        self._memo: dict[str, tuple[float, float]] = {}

    def preload(self) -> None:
        if self._shape is None:
            self._shape = load_word_shape(self._lexicon)

    def __call__(self, low: str) -> tuple[float, float]:
        """(prior by shape, flat prior) for the lower-case form ``low``."""
        got = self._memo.get(low)
        if got is None:
            self.preload()
            assert self._shape is not None
            # a form with digits or glyph noise among its letters is hardly a real word
            noise = sum(1 for c in low if not (c.isalpha() or c in "'’"))
            flat = self._flat - self._noise * noise \
                - self._slope * max(0, len(low) - self._from)
            if len(self._memo) > 200_000:
                self._memo.clear()
            shape = self._offset + self._shape.logp(low, self._floor) - self._noise * noise
            got = self._memo[low] = (shape, flat)
        return got

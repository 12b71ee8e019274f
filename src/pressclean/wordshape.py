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
from pressclean.spellparams import SpellParams

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
        #: log10 P(last letter | the ones before) per window of ``order`` letters
        self._window_logp: dict[str, float] = {}

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
        k = self.order - 1
        seen = self._window_logp
        total = 0.0
        for i in range(k, len(s)):
            # a letter's probability depends on its window alone: the same few
            # thousand windows make up most forms
            window = s[i - k:i + 1]
            lp = seen.get(window)
            if lp is None:
                if len(seen) > 500_000:
                    seen.clear()
                lp = seen[window] = math.log10(self._p(s, i))
            total += max(floor, lp)
        return total

    def next_p(self, history: str, letter: str) -> float:
        """P(letter | the last ``order - 1`` letters of ``history``; "^" pads a start,
        "$" is the end), interpolated down to a uniform share of the alphabet."""
        s = _START * (self.order - 1) + history + letter
        return self._p(s, len(s) - 1)

    def _p(self, s: str, i: int) -> float:
        """P(s[i] | the letters before it), Witten–Bell from the longest history down."""
        p = 1.0 / self._alphabet
        for n in range(self.order):
            seen = self._history.get(s[i - n:i])
            if seen is None:
                break
            t, u = seen
            p = (self._ngrams.get(s[i - n:i + 1], 0) + u * p) / (t + u)
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
    ``shape_floor``, a symbol is far rarer in a real word. Memoised per form."""

    def __init__(self, lexicon: Lexicon, params: SpellParams) -> None:
        self._lexicon = lexicon
        self._shape: WordShape | None = None
        self.p = params
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
            p = self.p
            # a form with digits or glyph noise among its letters is hardly a real word
            noise = p.noise_penalty * sum(1 for c in low if not (c.isalpha() or c in "'’"))
            flat = p.oov_logp - noise - p.oov_len_slope * max(0, len(low) - p.oov_len_from)
            shape = p.oov_offset + self._shape.logp(low, p.shape_floor) - noise
            if len(self._memo) > 200_000:
                self._memo.clear()
            got = self._memo[low] = (shape, flat)
        return got

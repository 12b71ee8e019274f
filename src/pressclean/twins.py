"""Glyph twins: the far more frequent words a known word is one likely confusion from.

A known word the model never saw misread ("antre") may still be a misreading of a much
more frequent word ("autre", "n" read for "u"). Those pairs depend only on the lexicon
and the channel, so for a loaded lexicon and model they are computed once, for every
word in range, and cached on disk; the speller then only weighs the context.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from pressclean.candidates import CandidateGenerator
from pressclean.lexicon import RARE_COUNT, Lexicon, cache_dir, read_cache, write_cache

#: a known word has glyph twins only if it is rarer than this (per billion words): 40 per
#: million lets in "tons" (for "tous"), "mat" ("mal"), "doux" ("deux"), weighed on context
#: (20,000 until the twentieth session; 80,000, which adds "lu" and "co", gained one word
#: more on held-out train)
TWIN_MAX_COUNT = 40000.0
#: and the twin this many times more frequent, one confusion of at most this cost away
#: (log10; 4.0 chosen on held-out train: "ure" → "une", "lrs" → "les", "psu" → "peu";
#: 4.5 took one word back on the early split)
TWIN_RATIO = 10.0
TWIN_MAX_COST = 4.0
#: a two-letter word's twin: another two-letter word, this many times more frequent.
#: French has few two-letter words, all common, but the web word list holds some 700
#: above the rare count, nearly every pair of letters ("uu", "dn", "tl", "df"), and as
#: known words they were changed only where the training counts had seen them
#: misread. The higher ratio and the same length keep a rare real word ("mû", "ès")
#: and a unit ("hl", not "h") as they are (30 and 100 gave the same on held-out train)
TWIN_RATIO_SHORT = 100.0

Twins = tuple[tuple[str, float], ...]


class GlyphTwins:
    """word → ((twin, log10 P(word | twin)), ...) for known words."""

    def __init__(self, lexicon: Lexicon, gen: CandidateGenerator) -> None:
        self.lexicon = lexicon
        self.gen = gen
        self._table: dict[str, Twins] | None = None
        self._computed = lru_cache(maxsize=200_000)(self._compute)

    def of(self, low: str) -> Twins:
        if self._table is not None:
            return self._table.get(low, ())
        return self._computed(low)

    def preload(self) -> None:
        """Every known word's twins at once, from the cache when it exists (building it
        takes a few seconds, once per lexicon and model)."""
        if self._table is not None:
            return
        key = self._key()
        path = cache_dir() / f"twins-{key}.pickle" if key else None
        table = read_cache(path) if path is not None else None
        if not isinstance(table, dict):
            table = {}
            for word, n in self.lexicon.counts.items():
                if RARE_COUNT <= n < TWIN_MAX_COUNT:
                    twins = self._compute(word)
                    if twins:
                        table[word] = twins
            if path is not None:
                write_cache(path, table)
        self._table = table

    def _key(self) -> str:
        model_key = self.gen.channel.model.fingerprint
        if not self.lexicon.fingerprint or not model_key:
            return ""  # built in memory: nothing stable to key a cache by
        raw = (f"{self.lexicon.fingerprint}/{model_key}/{sorted(self.gen.channel.prior.items())}"
               f"/{TWIN_MAX_COUNT}/{TWIN_RATIO}/{TWIN_MAX_COST}/{TWIN_RATIO_SHORT}")
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def _compute(self, low: str) -> Twins:
        n = self.lexicon.count(low)
        if not n or n >= TWIN_MAX_COUNT or len(low) < 2:
            return ()
        short = len(low) == 2
        floor = (TWIN_RATIO_SHORT if short else TWIN_RATIO) * n
        channel = self.gen.channel
        return tuple(sorted(
            (cand, channel.logp(cand, low))
            for cand in channel.words_within(low, self.gen.vocabulary(), max_subs=1,
                                             max_cost=TWIN_MAX_COST)
            if cand != low and self.lexicon.count(cand) >= floor
            and not (short and len(cand) != 2)))

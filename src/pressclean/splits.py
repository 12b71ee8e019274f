"""Lost spaces: the best reading of a merged form as several common words.

"proximitéet" → "proximité et", "Dixansaprès" → "Dix ans après", "membred'une" →
"membre d'une". A dynamic programme over the words that may start at each position,
each piece as printed or one same-length glyph confusion away; an apostrophe inside the
form ends an elision, which may itself be misread ("aprèst'envol" → "après l'envol").
The speller (``spell``) weighs the result against keeping the form.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from pressclean.channel import Channel, Vocabulary
from pressclean.lexicon import RARE_COUNT, Lexicon

#: log10 probability of a lost space, per split point
SPLIT_LOGP = -2.0
#: each piece of a split must be a common word
SPLIT_MIN_COUNT = 5 * RARE_COUNT
#: most words a split may make (an elision and the word after it count as one)
SPLIT_MAX_WORDS = 5
#: the first letters of words an elision stands before (vowels and mute "h")
ELIDABLE = frozenset("aeiouyhâàéèêëîïôöûùüœæ")
#: one-letter words a split may produce
_SHORT_WORDS = {"a", "à", "y", "ô", "l'", "d'"}
#: elisions a glued run may hold inside ("membred'une", "étantd'accord")
_INNER_ELISIONS = ("l", "d", "s", "n", "c", "j", "m", "t", "qu")
#: the costliest confusion a piece (or an elision) may be read through
_MAX_COST = 3.5


def splittable(form: str) -> bool:
    """Long enough to hold two words, and letters only, or letters around apostrophes
    (a glued run an elision may be inside)."""
    if len(form) < 5:
        return False
    if form.isalpha():
        return True
    parts = form.replace("’", "'").split("'")
    return len(parts) > 1 and all(p.isalpha() for p in parts)


def split_text(words: tuple[str, ...]) -> str:
    """The words of a split as text: an elision stays glued to its word."""
    return " ".join(words).replace("' ", "'")


def lost_spaces(words: tuple[str, ...] | list[str]) -> int:
    """The spaces a split puts back: none after an elision."""
    return sum(1 for w in words[:-1] if not w.endswith("'"))


class Splitter:
    """Finds splits of lower-case forms over the common words of a lexicon."""

    def __init__(self, lexicon: Lexicon, channel: Channel,
                 vocabulary: Callable[[], Vocabulary]) -> None:
        self.lexicon = lexicon
        self.channel = channel
        #: the words a piece may be, loaded on first use
        self._vocabulary = vocabulary

    def best(self, form: str) -> tuple[str, ...] | None:
        """Best split of a merged form into 2–5 common words (one confusion allowed in
        each), or None. A productive prefix before a word is glued to it, not split
        off: "transrégionale" is one compound the lexicon lacks, and stays whole, and
        "microentreprisesde" is "microentreprises de", never "micro entreprises de"."""
        form = form.replace("’", "'")
        n = len(form)
        best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
        best[0] = (0.0, [])
        #: a reading that ends in a prefix awaiting its word: the compound weighs what
        #: prefix and word weigh apart, less the lost space
        glued: list[tuple[float, list[str]] | None] = [None] * (n + 1)
        prefixes = self.lexicon.prefixes
        # a piece is a word of its own length (``_pieces_from``): only the repairs that
        # keep the length can make one
        options = [[o for o in opts if o[1] == len(o[2])]
                   for opts in self.channel.undo_options(form)]
        for start in range(n):
            prev, head = best[start], glued[start]
            if prev is not None and lost_spaces(prev[1]) >= SPLIT_MAX_WORDS - 1:
                prev = None
            if prev is None and head is None:
                continue
            for end, word, cost in self._pieces_from(form, start, options) \
                    + self._elisions_from(form, start):
                weight = cost + math.log10(self._frequency(word) / 1e9)
                reading = None
                if head is not None and not word.endswith("'"):
                    reading = (head[0] + weight, head[1][:-1] + [head[1][-1] + word])
                if prev is not None and end < n and word in prefixes:
                    pending, waiting = (prev[0] + weight, prev[1] + [word]), glued[end]
                    if waiting is None or pending[0] > waiting[0]:
                        glued[end] = pending
                elif prev is not None and (reading is None or prev[0] + weight > reading[0]):
                    reading = (prev[0] + weight, prev[1] + [word])
                current = best[end]
                if reading is not None and (current is None or reading[0] > current[0]):
                    best[end] = reading
        final = best[n]
        if final is None or lost_spaces(final[1]) < 1:
            return None
        return tuple(final[1])

    @staticmethod
    def logp(channel: Channel, words: tuple[str, ...], form: str) -> float:
        """log10 P(form | words) under ``channel`` (a document's adapted one may make
        its habitual confusion cheaper): the lost spaces and the confusions within
        pieces."""
        form = form.replace("’", "'")
        repaired, pos = 0.0, 0
        for w in words:
            piece = form[pos:pos + len(w)]
            if len(piece) == len(w):
                repaired += channel.logp(w, piece)
            pos += len(w)
        return SPLIT_LOGP * lost_spaces(words) + repaired

    def _frequency(self, word: str) -> float:
        """Per billion words: the lexicon's count, or for an elision the model's."""
        if word.endswith("'"):
            model = self.channel.model
            return max(model.unigrams.get(word, 0) * model.per_billion, 0.1)
        return self.lexicon.counts[word]

    def _elisions_from(self, form: str, start: int) -> list[tuple[int, str, float]]:
        """(end, elision, channel cost): ``form[start:end]`` is a head and an apostrophe
        before a vowel, read as the elision it is or may be a misreading of."""
        out = []
        for k in (1, 2):
            end = start + k + 1
            if end >= len(form) or form[end - 1] != "'" or form[end] not in ELIDABLE:
                continue
            head = form[start:start + k]
            for elision in _INNER_ELISIONS:
                if len(elision) == k:
                    cost = self.channel.logp(elision + "'", head + "'")
                    if cost > -_MAX_COST:
                        out.append((end, elision + "'", cost))
        return out

    def _pieces_from(self, form: str, start: int, options: list[list[tuple[float, int, str, int]]],
                     ) -> list[tuple[int, str, float]]:
        """(end, word, channel cost): the common words ``form[start:end]`` may be, as
        printed or (from four letters on) one same-length confusion away."""
        out = []
        counts = self.lexicon.counts
        for end, word, _ in self.channel.words_from(form, start, self._vocabulary(),
                                                    max_subs=1, max_cost=_MAX_COST,
                                                    options=options):
            piece = form[start:end]
            if len(word) != len(piece) or len(piece) > 20 \
                    or counts.get(word, 0.0) < SPLIT_MIN_COUNT:
                continue
            if word == piece:
                if len(piece) > 1 or piece in _SHORT_WORDS:
                    out.append((end, word, 0.0))
            elif len(piece) >= 4:
                out.append((end, word, self.channel.logp(word, piece)))
        return out

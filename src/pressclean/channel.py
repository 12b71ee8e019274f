"""The noisy channel: how likely an OCR form is, given the word that was printed.

P(OCR | word) multiplies, over the character chunks that differ, the learned
probability of that confusion (model counts) smoothed towards a prior: the glyph table
(``data/glyphs.tsv``: "l" read "t", "m" read "rn"...), accent and case slips, and
small generic costs for everything else. The same tables, read backwards, generate
candidates: undo one or two likely confusions and see whether a word comes out.
"""

from __future__ import annotations

import copy
import math
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

from pressclean.align import char_chunks
from pressclean.exceptions import DataFileError
from pressclean.lexicon import strip_accents
from pressclean.model import Model

GLYPHS_FILE = "glyphs.tsv"
#: document adaptation: repairs needed, and the ceiling of the rate they show
ADAPT_MIN = 2
ADAPT_MAX = 0.1
#: undoing confusions costing more than this in all (−log10 P) is not worth a look
MAX_UNDO_COST = 6.0
_NOISE = set("'’-.,;:|/\\!¡[]{}()1lI")


def load_glyph_prior(text: str | None = None) -> dict[tuple[str, str], float]:
    """Parse ``glyphs.tsv`` (truth, ocr, probability); errors name the line."""
    if text is None:
        text = resources.files("pressclean.data").joinpath(GLYPHS_FILE).read_text("utf-8")
    prior: dict[tuple[str, str], float] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        try:
            truth, ocr, p = parts[0], parts[1], float(parts[2])
        except (IndexError, ValueError) as exc:
            raise DataFileError(GLYPHS_FILE, lineno,
                                "expected truth<TAB>ocr<TAB>probability") from exc
        if not 0 < p < 1 or truth == ocr:
            raise DataFileError(GLYPHS_FILE, lineno, f"bad confusion {raw!r}")
        prior[(truth, ocr)] = p
    return prior


class Channel:
    """log10 P(OCR form | true word), and candidates by undoing likely confusions."""

    def __init__(self, model: Model, glyph_prior: dict[tuple[str, str], float]) -> None:
        self.model = model
        self.prior = glyph_prior
        # OCR chunk → true chunks it often stands for (for candidate generation)
        undo: dict[str, set[str]] = defaultdict(set)
        for (t, o) in glyph_prior:
            undo[o].add(t)
        for t, row in model.chunk_conf.items():
            total = model.chunk_totals.get(t, 0) or 1
            for o, n in row.items():  # (sightings as seen; the rate as weighted)
                seen = model.chunk_seen(t, o)
                if seen >= 3 and o and (n / total > 0.002 or seen >= 20):
                    undo[o].add(t)
        # as (cost, true chunk) cheapest first, for the bounded search
        self._undo_sorted = {
            o: sorted((-model.chunk_logp(t, o, self.chunk_prior(t, o)), t) for t in ts)
            for o, ts in undo.items()}
        self._max_chunk = max((len(o) for o in undo), default=1)
        # options per OCR window depend on the undo table only (shared by adapted copies)
        self._window_options = lru_cache(maxsize=100_000)(self._options_at)
        self._chained = lru_cache(maxsize=None)(self._chain)
        self.boost: dict[tuple[str, str], float] = {}
        self._boosted_ocr: set[str] = set()
        #: each pair's chunks with the model's log10 P, shared by the adapted copies,
        #: which only raise some of them
        self._chunk_logps = lru_cache(maxsize=100_000)(self._chunks_scored)
        self.logp = lru_cache(maxsize=200_000)(self._logp)
        #: the model's own log10 P(ocr | truth), without a document's boost
        self._plain_logp = self.logp

    def adapted(self, counts: Counter[tuple[str, str]], text: str) -> Channel:
        """A copy that trusts the confusions this document showed again and again.

        An OCR engine's habits differ from the training data's: when one confusion
        ("l" read "t") was repaired twice or more in a document, its rate on this page
        (repairs per occurrence of the true chunk in ``text``, the document as
        corrected) is trusted for the rest of it where it beats the model's. Two
        repairs in a paragraph are a habit; two in a long page are not.
        """
        low = text.lower()
        boost: dict[tuple[str, str], float] = {}
        occurrences: dict[str, int] = {}  # (one scan of a long page per true chunk)
        for (t, o), n in counts.items():
            if n < ADAPT_MIN:
                continue
            seen = occurrences.get(t)
            if seen is None:
                seen = occurrences[t] = low.count(t) if t else len(low)
            p = min(ADAPT_MAX, n / (max(seen, n) + 1.0))
            # (a confusion already likelier than its boost is left out: it changes nothing)
            if p > 10 ** self.model.chunk_logp(t, o, self.chunk_prior(t, o)):
                boost[(t, o)] = p
        new = copy.copy(self)
        new.boost = boost
        new._boosted_ocr = {o for _, o in boost}
        new.logp = lru_cache(maxsize=20_000)(new._logp)
        return new

    def affects(self, ocr: str) -> bool:
        """Could this channel's document boost change any score for ``ocr``? Only if a
        boosted confusion's OCR side occurs in it (or one is a lost character)."""
        return any(o in ocr for o in self._boosted_ocr)

    def doc_gain(self, truth: str, ocr: str) -> float:
        """log10 of how much likelier this document's boost makes ``ocr`` a misreading
        of ``truth`` than the model alone does: 0 without a boost. For real words ("ta"
        for "la" on a page that reads "l" as "t" again and again)."""
        return self.logp(truth, ocr) - self._plain_logp(truth, ocr) if self.boost else 0.0

    def chunk_prior(self, truth: str, ocr: str) -> float:
        p = self.prior.get((truth, ocr))
        if p is not None:
            return p
        if truth and ocr and strip_accents(truth) == strip_accents(ocr):
            return 0.01
        if truth and ocr and truth.lower() == ocr.lower():
            return 0.02
        if not truth:
            return 0.002 if all(c in _NOISE for c in ocr) else 0.00005
        if not ocr:
            return 0.0001
        return 0.00002 if len(truth) == len(ocr) else 0.00001

    def _logp(self, truth: str, ocr: str) -> float:
        """log10 P(ocr | truth) for two lower-case forms."""
        if truth == ocr:
            return 0.0
        total = 0.0
        boost = self.boost
        for pair, lp in self._chunk_logps(truth, ocr):
            if pair in boost:
                lp = max(lp, math.log10(boost[pair]))
            total += lp
        return total

    def _chunks_scored(self, truth: str, ocr: str) -> tuple[tuple[tuple[str, str], float], ...]:
        return tuple(((t, o), self.model.chunk_logp(t, o, self.chunk_prior(t, o)))
                     for t, o in char_chunks(truth, ocr))

    def words_within(self, ocr: str, vocab: Vocabulary, max_subs: int = 2,
                     max_cost: float = MAX_UNDO_COST) -> dict[str, float]:
        """Every word of ``vocab`` reachable from the whole of ``ocr`` by undoing up to
        ``max_subs`` known confusions (summed cost within ``max_cost``), with the
        cheapest cost."""
        return {w: c for end, w, c in self.words_from(ocr, 0, vocab, max_subs, max_cost,
                                                      whole=True)}

    def undo_options(self, ocr: str) -> list[list[tuple[float, int, str, int]]]:
        """For each position of ``ocr``: (cost, OCR chunk length, true chunk, repairs)
        of every known confusion, or chain of two, that may start there, cheapest first."""
        return [self._window_options(ocr[i:i + self._max_chunk]) for i in range(len(ocr))]

    def _options_at(self, window: str) -> list[tuple[float, int, str, int]]:
        return sorted((c, k, t, n) for k in range(1, len(window) + 1)
                      for c, t, n in self._chained(window[:k]))

    def _chain(self, chunk: str) -> list[tuple[float, str, int]]:
        """(cost, true text, repairs) for a short OCR chunk as a unit: one undone
        confusion over all of it, or two applied in turn where the second reworks the
        first's output ("î" → "i" → "l"; "hi" → "lii" → "lu"), as glyphs degrade in
        steps. Separate confusions side by side are left to the word search. Cached:
        the same few thousand chunks recur (``_chained``)."""
        undo = self._undo_sorted
        n = len(chunk)
        best: dict[str, tuple[float, int]] = {}

        def keep(cand: str, cost: float, depth: int) -> None:
            if cand != chunk and cost < best.get(cand, (math.inf, 0))[0]:
                best[cand] = (cost, depth)

        for c, t in undo.get(chunk, ()):
            keep(t, c, 1)
        for i in range(n):
            for k in range(1, n - i + 1):
                for c1, t1 in undo.get(chunk[i:i + k], ()):
                    if c1 >= MAX_UNDO_COST:
                        break
                    form, lt = chunk[:i] + t1 + chunk[i + k:], len(t1)
                    # a second confusion overlapping the first's output, the two
                    # together spanning the whole chunk
                    for j in range(max(0, i - self._max_chunk + 1), i + max(lt, 1)):
                        for k2 in range(1, min(self._max_chunk, len(form) - j) + 1):
                            end2 = j + k2
                            if end2 <= i and not (lt == 0 and end2 == i):
                                continue
                            orig_end = end2 if end2 <= i else (
                                end2 - lt + k if end2 >= i + lt else i + k)
                            if min(i, j) != 0 or max(i + k, orig_end) != n:
                                continue
                            for c2, t2 in undo.get(form[j:end2], ()):
                                if c1 + c2 > MAX_UNDO_COST:
                                    break
                                keep(form[:j] + t2 + form[end2:], c1 + c2, 2)
        return sorted((c, t, d) for t, (c, d) in best.items())

    def words_from(self, ocr: str, start: int, vocab: Vocabulary, max_subs: int,
                   max_cost: float, whole: bool = False,
                   options: list[list[tuple[float, int, str, int]]] | None = None,
                   ) -> list[tuple[int, str, float]]:
        """(end, word, cost): the words of ``vocab`` that ``ocr[start:end]`` may stand
        for, undoing up to ``max_subs`` confusions; only ``end == len(ocr)`` if ``whole``.

        The search walks the form left to right and abandons a branch as soon as the
        text built so far begins no word of the vocabulary, so it visits a few dozen
        states where an unconstrained search would visit thousands of non-words; a
        repair whose first letter cannot follow is passed over at a glance.
        """
        best: dict[tuple[int, str], float] = {}
        n = len(ocr)
        if options is None:
            options = self.undo_options(ocr)
        prefixes, words = vocab.prefixes, vocab.words
        inf = float("inf")
        stack: list[tuple[int, str, int, float]] = [(start, "", 0, 0.0)]
        while stack:
            i, built, subs, cost = stack.pop()
            if subs == max_subs:
                # no repair left: the rest is read as printed, no need to branch
                if whole:
                    w = built + ocr[i:]
                    if w in words and cost < best.get((n, w), inf):
                        best[(n, w)] = cost
                    continue
                j = i
                while True:
                    if j > start and built in words and cost < best.get((j, built), inf):
                        best[(j, built)] = cost
                    if j == n:
                        break
                    built += ocr[j]
                    j += 1
                    if built not in prefixes:
                        break
                continue
            if (i == n or not whole) and i > start and built in words \
                    and cost < best.get((i, built), inf):
                best[(i, built)] = cost
            if i == n:
                continue
            following = prefixes[built]
            if ocr[i] in following:
                stack.append((i + 1, built + ocr[i], subs, cost))
            left = max_subs - subs
            for c, k, t, m in options[i]:
                total = cost + c
                if total > max_cost:
                    break
                if m > left or t and t[0] not in following:
                    continue
                if m == left and whole:
                    # the last repair of a whole form: the rest is read as printed
                    w = built + t + ocr[i + k:]
                    if w in words and total < best.get((n, w), inf):
                        best[(n, w)] = total
                    continue
                cand = built + t
                if cand in prefixes:
                    stack.append((i + k, cand, subs + m, total))
        return [(end, w, c) for (end, w), c in best.items()]


class Vocabulary:
    """The words candidates may be, with every prefix of them and the letters that may
    follow it, so that "does any word begin with this?" is one lookup and "can this
    letter come next?" a look at a few letters (about 450,000 prefixes for French)."""

    def __init__(self, words: set[str], prefixes: dict[str, str] | None = None) -> None:
        self.words = words
        if prefixes is None:
            following: dict[str, set[str]] = {"": set()}
            for w in words:
                for i in range(1, len(w) + 1):
                    p = w[:i]
                    if p not in following:
                        following[p] = set()
                        following[p[:-1]].add(p[-1])
            prefixes = {p: "".join(sorted(nxt)) for p, nxt in following.items()}
        #: prefix → the letters that may follow it
        self.prefixes = prefixes

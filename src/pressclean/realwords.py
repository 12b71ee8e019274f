"""Real-word confusions: known words this OCR often produced for another frequent word.

The aligned training pairs say how often each OCR form stood for each true word ("a"
for "à", "tes" for "les"); the neighbours reweigh that by association ratios. Decisions
depend only on the form, its neighbours and their document's word pairs.
"""

from __future__ import annotations

import math
from collections.abc import Container

from pressclean.doccontext import DocPairs, PairLogp
from pressclean.lexicon import SCALE, Lexicon
from pressclean.model import Model
from pressclean.tokens import is_numberish, is_roman
from pressclean.wordclass import ClassContext

Choice = tuple[str, float]  # the word to write, and log10 odds over keeping the form
Gains = tuple[tuple[str, float], ...]  # (candidate word, log10 odds added by the document)


class RealWordConfusions:
    """Which forms may stand for another word, and the decision for one in context."""

    def __init__(self, lexicon: Lexicon, model: Model, lm: PairLogp, *,
                 min_count: int, min_seen: int, min_truth: int, dictionary_weight: float,
                 margin: float, unseen_prior: float, unseen_weight: float,
                 unseen_expected: float) -> None:
        self.model = model
        #: what the neighbours' classes say where neither reading was seen beside them
        self.classes = ClassContext(lexicon, model)
        self.lm = lm
        self.margin = margin
        self.unseen_prior = unseen_prior
        self.unseen_weight = unseen_weight
        self.unseen_expected = unseen_expected
        self._open_cache: dict[str, float] = {}
        self.min_seen = min_seen
        # OCR forms the model saw stand for another frequent word often enough to matter:
        # form → (log10 P(form | form), [(word, log10 P(word | form))], blind, few)
        self._forms: dict[str, tuple[float, list[tuple[str, float]], bool, bool]] = {}
        for form, row in model.word_conf.items():
            # (thresholds on sightings; odds from the counts weighted for the engine)
            odds = model.weighted_row(form)
            cands = [(c, n) for c, n in odds.items()
                     if c != form and n >= min_count and _unligatured(c) != _unligatured(form)
                     and (_elided(c) if _elided(form) else lexicon.common(c))
                     and model.unigrams.get(c, 0) >= min_truth and not is_numberish(c)
                     and not is_roman(c)]
            seen, weighted = sum(row.values()), sum(odds.values())
            right = odds.get(form, 0)
            # little evidence about a form that is usually read right: leave it alone
            if cands and (seen >= min_seen or right < 0.3 * weighted):
                few = seen + 1.0 <= min_seen
                # the form read as itself, and (a handful of sightings) as the
                # dictionary expects it, in the weighted counts' unit
                own = right + 0.5 + (dictionary_weight * _expected(form, lexicon, model)
                                     * weighted / seen if few else 0.0)
                total = (weighted - right) + own + 0.5
                # a form the model never saw in its truth tells nothing about the next
                # word; without this, its candidates' unseen pairs would count against
                # them alone
                blind = form not in model.unigrams
                self._forms[form] = (math.log10(own / total),
                                     [(c, math.log10(n / total)) for c, n in cands],
                                     blind, few)
        #: the form and the words it may stand for
        self._words = {form: (form, *(c for c, _ in cands))
                       for form, (_, cands, _, _) in self._forms.items()}

    def preload(self) -> None:
        """Load the word classes now rather than at the first decision that needs them."""
        self.classes.preload()

    def words_for(self, low: str) -> tuple[str, ...]:
        """The words the form ``low`` may stand for (none if it is not such a form)."""
        return self._words.get(low, (low,))[1:]

    def __contains__(self, low: str) -> bool:
        return low in self._forms

    def choice(self, low: str, prev: str | None, nxt: str | None, conf_ratio: float = 0.0,
               doc: DocPairs | None = None, gains: Gains = ()) -> tuple[Choice | None, float]:
        """The decision, and by how much (log10) the best candidate fell short of the
        margin (negative when it won; ``inf`` for a form that is no such form).

        Posterior over the form and the words it stood for, given its neighbours
        (and the word pairs of their document, ``doc``), as ``conf_ratio`` how much
        likelier than average the OCR's confidence in this word makes a misreading
        (log10; ``confidence``), and as ``gains`` (word, log10 odds) what the
        document's channel adds to a candidate (``Channel.doc_gain``).

        P(true word | OCR form) comes straight from the aligned training counts, and
        the neighbours reweigh it by association ratios, so a rare candidate without
        bigram evidence is neither favoured nor penalised by the sparsity of the data.
        Not memoised: the neighbours of a frequent form hardly ever repeat, while the
        pair probabilities behind every decision do (``PairLogp``).
        """
        entry = self._forms.get(low)
        if entry is None:
            return None, math.inf
        keep_prior, cands, blind, few = entry
        if few:  # a handful of sightings: their split among words is noise, but a word
            conf_ratio = min(conf_ratio, 0.0)  # read with confidence was read right
        bigrams = self.model.bigrams
        keep_next, form_seen = 0.0, True
        if nxt is not None:
            keep_next = self.assoc(low, nxt, doc, own=True)
            form_seen = _seen(low, nxt, bigrams, doc, own=True)
        keep = keep_prior + self.assoc(prev, low, doc, own=True) + keep_next
        best, best_score = None, -math.inf
        gain = dict(gains) if gains else None
        for cand, prior in cands:
            # (the word before's class, where neither reading was seen after it)
            score = prior + conf_ratio + self.assoc(prev, cand, doc) \
                + self.class_gain(cand, low, prev, None, doc)
            if gain is not None:
                score += gain.get(cand, 0.0)
            # (for a blind form, a candidate's unseen pair counts as the form's)
            if nxt is not None and not (blind and f"{cand} {nxt}" not in bigrams):
                if form_seen or _seen(cand, nxt, bigrams, doc) or self._missed(cand, nxt):
                    score += self.assoc(cand, nxt, doc)
                else:  # seen after neither: how open each is to new followers, and
                    # how often each was followed by the next word's kind of word
                    score += keep_next + self._open(cand) - self._open(low)
                    score += self.classes.gain(cand, low, nxt)
            if score > best_score:
                best, best_score = cand, score
        short = keep + self.margin - best_score
        if best is None or best_score < keep + self.margin:
            return None, short
        return (best, round(best_score - keep, 3)), short

    def class_gain(self, cand: str, form: str, prev: str | None, nxt: str | None,
                   doc: DocPairs | None) -> float:
        """What the classes of the neighbours add (log10) to ``cand`` over the printed
        ``form``, on each side where neither was seen beside that neighbour (a glyph
        twin's decision: "ce qu'il noue raconte" → "nous")."""
        bigrams = self.model.bigrams
        gain = 0.0
        if nxt is not None and not _seen(form, nxt, bigrams, doc, own=True) \
                and not _seen(cand, nxt, bigrams, doc):
            gain += self.classes.gain(cand, form, nxt)
        if prev is not None and not _seen(prev, form, bigrams, doc, own=True) \
                and not _seen(prev, cand, bigrams, doc):
            gain += self.classes.gain_after(prev, cand, form)
        return gain

    def _missed(self, word: str, nxt: str) -> bool:
        """Whether the model would have seen ``nxt`` after ``word`` ``unseen_expected``
        times had they paired like any two words ("du l'": thousands of each, never
        together): its absence is then evidence, not sparsity."""
        m = self.model
        return m.unigrams.get(word, 0) * m.unigrams.get(nxt, 0) >= self.unseen_expected * m.words

    def _open(self, word: str) -> float:
        """log10 of the share of what follows ``word`` that the model never saw after
        it, shrunk towards a common word's share by ``unseen_weight`` pseudo-counts.

        Witten–Bell's share is the right evidence for a word with a closed set of
        followers ("h" before "30"), but a rare word ("ta" in a model of 6,000 rows: 15
        sightings, 14 different followers) gets half its mass by sampling alone, so
        that "ta Couronne" beat "la Couronne" when neither pair was ever seen."""
        got = self._open_cache.get(word)
        if got is None:
            n = self.model.unigrams.get(word, 0)
            kinds = self.model.followers(word)
            w = self.unseen_weight
            got = self._open_cache[word] = math.log10(
                (kinds + 1 + w * self.unseen_prior) / (n + kinds + 1 + w))
        return got

    def assoc(self, prev: str | None, word: str, doc: DocPairs | None = None,
              own: bool = False) -> float:
        """log10 of how much ``prev`` favours ``word`` over its base rate, P(word |
        prev) / P(word) (the same ratio weighs a word's next word, with the word as
        ``prev``); ``own``: the pair is the one printed here, which ``doc``'s counts
        leave out."""
        return self.lm(doc, prev, word, own) - self.lm.log_uni(word)


def _expected(form: str, lexicon: Lexicon, model: Model) -> float:
    """How often the dictionary's frequency expects ``form`` in the model's truth: a
    handful of sightings, all misreadings ("voire" five times for "votre" in the
    training pages), is no evidence that a common word ("voire" in today's text) is
    rare. Not for one- and two-letter forms, whose web counts are mostly foreign words
    and stray letters ("it", "da", "el")."""
    return lexicon.count(form) * model.words / SCALE if len(form) >= 3 else 0.0


def _seen(word: str, nxt: str, bigrams: Container[str], doc: DocPairs | None,
          own: bool = False) -> bool:
    """Whether the model or the document saw ``nxt`` follow ``word`` (``own``: elsewhere
    than in the occurrence being decided)."""
    return f"{word} {nxt}" in bigrams or (doc is not None and doc.p(word, nxt, own) > 0.0)


def _elided(form: str) -> bool:
    """An elision as the model counts it ("l'", "qu'"): "t'" misread for "l'" is a
    real-word confusion between two elisions, which no lexicon lists as words."""
    return len(form) > 1 and form.endswith("'") and form[:-1].isalpha()


def _unligatured(word: str) -> str:
    """The word with "œ" and "æ" written out: "œil" and "oeil" are one word, spelled as
    the print chose (a truth typed without the ligature taught "œil" → "oeil")."""
    return word.replace("œ", "oe").replace("æ", "ae")

"""Dictionary and model correction: weigh each candidate's channel against its context.

For an unknown (or rare) word the choice is between keeping it — a real word we do not
know, with a prior by how French its letters look (``wordshape``) — and each candidate,
scored log10 P(OCR | candidate) + log10 P(candidate | previous word) + log10 P(next
word | candidate). A known common word is changed only on strong evidence: when the
model has seen this form stand for another word often (a real-word confusion: "a" for
"à", "tes" for "les") and the context prefers the other word by a clear margin. Proper
names, numbers, abbreviations and all-capital sigla are left alone unless a glyph
confusion explains them.
"""

from __future__ import annotations

import copy
import dataclasses
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache, partial

from pressclean.address import addressed
from pressclean.align import char_chunks
from pressclean.candidates import MIN_CANDIDATE_COUNT, Candidate, CandidateGenerator
from pressclean.channel import ADAPT_MIN
from pressclean.compounds import CompoundStats, compound_edit
from pressclean.confidence import load_confidence_model
from pressclean.doccontext import DocPairs, PairLogp
from pressclean.document import Correction, Word
from pressclean.foreign import foreign_tokens
from pressclean.initials import MAX_LEN as INITIAL_MAX_LEN
from pressclean.initials import initial_edit
from pressclean.joins import cut_piece, join_edit
from pressclean.knownwords import (
    ELISION_RULE,
    RealSeen,
    elision_edits,
    real_gains,
    real_word_edit,
    reconsider,
    twin_edit,
)
from pressclean.lexicon import RARE_COUNT, Lexicon
from pressclean.model import SENTENCE_START, Model
from pressclean.offsets import Edit
from pressclean.parallel import SOLO, Team
from pressclean.realwords import RealWordConfusions
from pressclean.routes import Route, route
from pressclean.rules import RuleSet, word_variants
from pressclean.secondlook import settle, weigh_again
from pressclean.spellparams import RULES_STAGE, STAGE, SpellParams
from pressclean.tokens import (
    Token,
    elided_word,
    lm_plain,
    lm_word,
    paragraphs,
    plain_case,
    starts_sentence,
    token_confidences,
    tokenize,
)
from pressclean.twins import GlyphTwins
from pressclean.unknownwords import weigh
from pressclean.wordshape import UnknownPrior


class Speller:
    def __init__(self, lexicon: Lexicon, model: Model, generator: CandidateGenerator,
                 params: SpellParams | None = None) -> None:
        self.lexicon = lexicon
        self.model = model
        self.gen = generator
        self.p = params or SpellParams()
        self._rules: RuleSet | None = None
        self._settled_rules: dict[str, bool] = {}
        self._settled_spell: dict[str, bool] = {}
        self._p_uni: dict[str, float] = {}
        #: log10 P(word | prev), cached for the run (shared by every view and copy)
        self.lm = PairLogp(model, self.p_uni)
        #: the model counted the words that open sentences, so a sentence's first word
        #: is weighed after ``<s>``, not after the last word of the sentence before
        self._sentences = model.sentences > 0
        # channel-independent decisions, shared by the adapted copies of this speller
        self.real = RealWordConfusions(
            lexicon, model, self.lm, min_count=self.p.real_min_count,
            min_seen=self.p.real_min_seen, min_truth=self.p.real_min_truth,
            dictionary_weight=self.p.real_dictionary_weight, margin=self.p.real_margin,
            unseen_prior=self.p.real_unseen_prior, unseen_weight=self.p.real_unseen_weight,
            unseen_expected=self.p.real_unseen_expected)
        self.twins = GlyphTwins(lexicon, generator)
        self.compound_stats = CompoundStats(model, lexicon)
        self.prior = UnknownPrior(lexicon, self.p)
        # depends on the word and the stage alone: decided once per word form
        self._route_of = lru_cache(maxsize=200_000)(partial(route, lexicon))
        self._variants_seen: dict[tuple[int, str], list[tuple[str, str]]] = {}
        self.confidence = load_confidence_model()
        #: the document being cleaned, as word-pair counts (a per-document view's)
        self.doc: DocPairs | None = None
        self._trust: dict[str, bool] = {}
        #: per adapted channel, memoised: ``_revisit`` by word, ``real_gains`` by form
        self._revisits: dict[str, bool] = {}
        self.gains: dict[str, tuple[tuple[str, float], ...]] = {}
        #: per document (its view and that view's adapted copy): real-word decisions
        #: against every candidate, by (form, prev, next, confidence ratio), with how
        #: far the best candidate fell short (``real_word_edit``)
        self.shortfalls: dict[tuple[str, str | None, str | None, float], float] = {}
        #: the processes a long document's paragraphs are decided in (``parallel``)
        self.team = SOLO

    def preload(self) -> None:
        """Load the candidate indexes now rather than at the first unknown word."""
        self.gen.deletes()
        self.gen.vocabulary()
        self.gen.split_vocabulary()
        self.twins.preload()
        self.prior.preload()
        self.real.preload()

    def adapted(self, corrections: list[Correction], text: str) -> Speller | None:
        """A speller whose channel trusts the confusions these corrections repeated,
        or None when none repeated enough to be likelier on this page than in the
        model; ``text``: the document with those corrections made.

        Real-word repairs ("tes" → "les", decided on its neighbours) add sightings to a
        confusion the page's other repairs show ("ptus" → "plus"), but cannot start one:
        on their own, "il" → "à" decided three times would vouch for every other "il"
        of a long page, and make "il s'apprêtait" "à s'apprêtait". Joins and splits say
        nothing about glyphs."""
        seen: Counter[tuple[str, str]] = Counter()
        backed: Counter[tuple[str, str]] = Counter()
        for c in corrections:
            if c.stage in (STAGE, RULES_STAGE) \
                    and c.rule not in ("join", "split", "channel:elision", ELISION_RULE) \
                    and " " not in c.before and " " not in c.after:
                chunks = char_chunks(c.after.lower(), c.before.lower())
                (backed if c.rule == "context" else seen).update(chunks)
        counts = seen + Counter({k: n for k, n in backed.items() if k in seen})
        if not any(n >= ADAPT_MIN for n in counts.values()):
            return None
        channel = self.gen.channel.adapted(counts, text)
        if not channel.boost:
            return None  # (repeated, but no likelier on this page than in the model)
        new = copy.copy(self)
        new.gen = self.gen.adapted(channel)
        new._revisits, new.gains = {}, {}
        return new

    @property
    def rules_mode(self) -> bool:
        """Weighing only word-rule repairs (the rules stage), not every candidate."""
        return self._rules is not None

    # ---- language model ---------------------------------------------------------
    def p_uni(self, word: str) -> float:
        got = self._p_uni.get(word)
        if got is None:
            if len(self._p_uni) > PairLogp.MAX_CACHED:
                self._p_uni.clear()
            c = max(self.lexicon.count(word),
                    self.model.unigrams.get(word, 0) * self.model.per_billion)
            got = self._p_uni[word] = max(c, 0.1) / 1e9
        return got

    def context(self, prev: str | None, words: tuple[str, ...], nxt: str | None,
                own: bool = False) -> float:
        """log10 P(words | prev) + log10 P(next | last word); ``own``: the words are
        the ones printed here (the document's counts leave them out)."""
        total = 0.0
        lm, doc = self.lm, self.doc
        for w in words:
            total += lm(doc, prev, w, own)
            prev = w
        if nxt is not None:
            total += lm(doc, prev, nxt, own)
        return total

    def for_document(self, text: str, archive: DocPairs | None = None,
                     team: Team = SOLO) -> Speller:
        """The view one document is cleaned with: unseen word pairs weighed by the
        ``archive``'s counts (``pair_counts`` of texts that include this one), else by
        ``text``'s own; its paragraphs decided by the processes of ``team``."""
        if not self.p.doc_context and team is self.team:
            return self
        view = copy.copy(self)
        if self.p.doc_context:
            view.doc = archive if archive is not None else self.pair_counts((text,))
        view.shortfalls = {}
        view.team = team
        return view

    def pair_counts(self, texts: Iterable[str]) -> DocPairs:
        """The trusted word pairs of these NFC texts that the model never saw."""
        pairs = DocPairs(self._trusted, self.model.bigrams)
        for text in texts:
            pairs.add(tokenize(text))
        return pairs

    # ---- per document -----------------------------------------------------------
    def edits(self, text: str, words: list[Word] | None = None,
              rules: RuleSet | None = None, previous: list[Edit] | None = None) -> list[Edit]:
        """Corrections for ``text``. With ``rules``, only word-rule repairs are
        considered (the rules stage); without, every kind of candidate (spell stage).

        ``previous``: this text's corrections by the speller this one was adapted from;
        only words whose weighing the adapted channel changes are weighed again, the
        other decisions are taken over (a neighbour's new reading is not propagated)."""
        if self._rules is not rules:
            # the mode lives on a shallow copy (caches shared), never on the shared
            # speller, so threads of one worker cannot switch each other's stage
            view = copy.copy(self)
            view._rules = rules
            return view.edits(text, words, rules, previous)
        before = None if previous is None else {
            e.start: e for e in previous if e.rule != ELISION_RULE}  # (weighed again below)
        toks = tokenize(text)
        conf = token_confidences(toks, words)
        # "ta lettre" where the text says "tu"; an English sentence ("these are")
        leave = addressed(text) | foreign_tokens(text)
        return self.team.map_ranges(
            partial(self._edits_in, text, toks, conf, leave, rules, before),
            paragraphs(text, toks))

    def _edits_in(self, text: str, toks: tuple[Token, ...], conf: dict[int, float],
                  leave: frozenset[int], rules: RuleSet | None, before: dict[int, Edit] | None,
                  a: int, b: int) -> list[Edit]:
        """``edits`` for the paragraph of tokens ``toks[a:b]``: context (the previous
        and next word, a join, a real word weighed again) never crosses a blank line,
        so each paragraph is decided on its own, and may be on another core."""
        out: list[Edit] = []
        prev: str | None = None
        settled = self._settled_rules if rules is not None else self._settled_spell
        #: the last real-word form decided: (index, token, its prev, its confidence)
        real: RealSeen | None = None
        i = a
        while i < b:
            tok = toks[i]
            nxt_tok = toks[i + 1] if i + 1 < b else None
            if tok.elision:
                prev = lm_word(tok)
            word = tok.word
            if i in leave and not tok.elision:  # (an elided "t'" is weighed apart)
                prev = word.lower()
                i += 1
                continue
            ok = settled.get(word)  # (the cache read inline: most tokens stop here)
            if ok is None:
                ok = self.settled(word)
            if rules is None and len(word) <= INITIAL_MAX_LEN and (tok.start < 2 or not text[
                    tok.start - 2].isalnum()) and conf.get(i, 0.0) < self.p.trusted_conf:
                initial = initial_edit(self, text, tok, nxt_tok, STAGE)
                if initial is not None:  # "11 est", "II faut": a sentence's first "Il"
                    out.append(initial)
                    prev = initial.replacement.lower()
                    i += 1
                    continue
            # fast path: a common word with nothing to weigh (most of any text)
            if ok and (rules is not None or nxt_tok is None or settled.get(nxt_tok.word)):
                prev = word.lower()
                i += 1
                continue
            if cut_piece(text, toks[i - 1] if i > a else None, tok):
                prev = word.lower()  # "ap- plaudissements": half a word, not a word
                i += 1
                continue
            if before is not None and not self._revisit(word):
                taken = before.get(tok.start) or before.get(tok.word_start)
                if taken is None or taken.end <= tok.end:  # may meet a revisited word
                    real = (i, tok, prev, conf.get(i))
                prev = lm_plain(word) if word else prev
                i += 1
                if taken is not None:
                    out.append(taken)
                    prev = elided_word(taken.replacement.split()[-1]) if taken.replacement else prev
                    while i < b and toks[i].start < taken.end:
                        i += 1
                continue
            if self._sentences and not tok.elision and word[:1].isupper() \
                    and starts_sentence(text, tok.start):
                prev = SENTENCE_START  # a sentence's first word: "Il", never "À", opens
            nxt = lm_word(nxt_tok) if nxt_tok else None
            join = None if rules else join_edit(self, text, tok, nxt_tok, prev,
                                                toks[i + 2] if i + 2 < b else None)
            if join is not None:
                out.append(join)
                prev = join.replacement.lower()
                i += 2
                continue
            edit = None
            # (a settled word was only here for a join with its neighbour)
            if not ok and (conf.get(i, 0.0) < self.p.trusted_conf or self._is_real(word)):
                opens = word[:1].isupper() and starts_sentence(text, tok.start)
                edit = self.word_edit(tok, prev, nxt, conf.get(i), opens)
                if edit is not None:
                    edit = settle(self, edit, prev, nxt, conf.get(i), opens)
            if edit is not None and edit.rule == "channel:elision" \
                    and starts_sentence(text, tok.start):  # "Rinstruction est"
                edit = dataclasses.replace(edit, replacement=edit.replacement[:1].upper()
                                           + edit.replacement[1:])
            if edit is not None:
                # (the word before an elided token has the elision beside it, which an
                # edit of the word after it leaves as printed: "mats n'existe-t-it")
                if real is not None and real[0] == i - 1 and edit.start <= tok.start \
                        and (real[3] or 0.0) < self.p.trusted_conf:
                    if self._is_real(real[1].word):
                        reconsider(self, out, real, edit)
                    elif not out or out[-1].end <= real[1].start:  # (the word was kept)
                        out.extend(weigh_again(self, text, real, edit))
                out.append(edit)
            real = (i, tok, prev, conf.get(i))  # weighed again if the next word changes
            if edit is not None:
                last = edit.replacement.split()[-1]
                prev = elided_word(last)
            else:
                prev = lm_plain(tok.word) if tok.word else prev  # "68" counted as "<num>"
            i += 1
        return out if rules is not None else elision_edits(self, text, toks, a, b, out, conf,
                                                                 leave)

    def _is_real(self, word: str) -> bool:
        return self._route_of(word, self._rules is not None) is Route.REAL \
            and word.lower() in self.real

    def _revisit(self, word: str) -> bool:
        """Would the adapted channel weigh this word differently? A word weighed against
        candidates (unknown, rare or compound) holding a boosted confusion, or a
        real-word form one of whose words the boost makes likelier ("ta" for "la")."""
        got = self._revisits.get(word)
        if got is None:
            low = word.lower()
            got = self._revisits[word] = ("-" in word or not self.lexicon.common(low)) \
                and self.gen.channel.affects(low) or bool(real_gains(self, low))
        return got

    def _trusted(self, low: str) -> bool:
        """May this word vouch for its neighbours in the document's counts? A common
        word this OCR produced for another under 5 % of the times it printed it."""
        ok = self._trust.get(low)
        if ok is None:
            row = self.model.word_conf.get(low)
            seen = sum(row.values()) if row else 0
            ok = self._trust[low] = self.lexicon.common(low) and not self.twins.of(low) \
                and (seen < 5 or row is not None and row.get(low, 0) >= 0.95 * seen)
        return ok

    def settled(self, word: str) -> bool:
        """Whether this view's stage leaves ``word`` as it is, whatever its neighbours."""
        rules_mode = self._rules is not None
        cache = self._settled_rules if rules_mode else self._settled_spell
        ok = cache.get(word)
        if ok is None:
            ok = cache[word] = self._is_settled(word, rules_mode)
        return ok

    def _is_settled(self, word: str, rules_mode: bool) -> bool:
        """A common plain word no stage could change (no real-word confusion known)."""
        low = word.lower()
        if not word.isalpha() or self.lexicon.counts.get(low, 0.0) < RARE_COUNT:
            return False
        if rules_mode or not plain_case(word):
            return True
        return low not in self.real and not self.twins.of(low)

    def word_edit(self, tok: Token, prev: str | None, nxt: str | None,
                  conf: float | None = None, opens: bool = False) -> Edit | None:
        """The correction of one word between its neighbours, or None to keep it;
        ``conf``: the OCR's confidence in the word, where the input gave one; ``opens``:
        the word starts a sentence, so its capital says nothing of a name."""
        word = tok.word
        route = self._route_of(word, self._rules is not None)
        if route is Route.KEEP:
            return None
        if route is Route.REAL:
            low = word.lower()
            if low in self.real or len(low) == 1:
                return real_word_edit(self, tok, low, prev, nxt, conf)
            return twin_edit(self, tok, low, prev, nxt)
        if route is Route.COMPOUND:
            return compound_edit(self, tok, prev, nxt)
        low = word.lower()
        edit = weigh(self, tok, word, low, prev, nxt, self._candidates(word, low), opens)
        if edit is None and not self.rules_mode and word.islower():
            # glyph repairs explain most forms but not a dropped or doubled letter
            # ("utle" for "utile"): its dictionary neighbours get their own weighing
            near = self.gen.near_fallback(low)
            if near:
                edit = weigh(self, tok, word, low, prev, nxt, near)
        return edit

    def _candidates(self, word: str, low: str) -> tuple[Candidate, ...]:
        if self._rules is None:
            return self.gen.for_form(low)
        key = (id(self._rules), word)
        variants = self._variants_seen.get(key)
        if variants is None:
            if len(self._variants_seen) > 200_000:
                self._variants_seen.clear()
            variants = self._variants_seen[key] = word_variants(
                word, self._rules, self.lexicon, MIN_CANDIDATE_COUNT)
        out = []
        for variant, ids in variants:
            v = variant.lower()
            word_only = v.strip("()")
            out.append(Candidate((word_only,), self.gen.channel.logp(v, low), ids,
                                 v if word_only != v else None))
        return tuple(out)

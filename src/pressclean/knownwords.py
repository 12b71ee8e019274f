"""Edits of known words: a real-word confusion ("a" for "à", "te" for "le"), weighed
by ``realwords``, or a far more frequent glyph twin ("pôte" for "pôle", ``twins``).

A known word is changed only on its neighbours' evidence, and a neighbour may itself
be corrected after the word was decided; ``reconsider`` weighs the word again with the
correction, so that cleaning the output a second time finds nothing left to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressclean.model import SENTENCE_START
from pressclean.offsets import Edit
from pressclean.spellparams import STAGE
from pressclean.tokens import (
    Token,
    case_like,
    elided_word,
    lm_elision,
    lm_form,
    starts_sentence,
)

if TYPE_CHECKING:
    from pressclean.spell import Speller


#: a word as it was decided: (token index, token, previous word, confidence)
RealSeen = tuple[int, Token, str | None, float | None]
#: the rule of an elision corrected on context (kept apart from the word's own edit)
ELISION_RULE = "context:elision"


def real_word_edit(sp: Speller, tok: Token, low: str, prev: str | None, nxt: str | None,
                   conf: float | None) -> Edit | None:
    """A known word that this OCR often produces for another (``realwords``).

    A decision against every candidate is remembered with how far the best fell short
    (``Speller.shortfalls``): weighed again with the document's gains (the adapted
    second look), it stands without a new weighing if the gains add less than that."""
    ratio = sp.confidence.log_ratio(conf)
    if conf is not None and conf >= sp.p.trusted_conf:
        ratio = sp.confidence.doubt(conf)  # (negative: only overwhelming context wins)
    gains = real_gains(sp, low)
    key = (low, prev, nxt, ratio)
    if gains:
        short = sp.shortfalls.get(key)
        if short is not None and short > max(g for _, g in gains) + 1e-9:
            return None
    choice, short = sp.real.choice(low, prev, nxt, ratio, sp.doc, gains)
    if choice is None:
        if not gains:
            if len(sp.shortfalls) > 200_000:  # (one view for a whole run without doc context)
                sp.shortfalls.clear()
            sp.shortfalls[key] = short
        return None
    return Edit(tok.word_start, tok.end, _printed_case(sp, tok.word, choice[0], prev), STAGE,
                "context", choice[1])


def _printed_case(sp: Speller, word: str, choice: str, prev: str | None) -> str:
    """The chosen word in the case ``word`` was printed in, but for a short word
    capitalised inside a sentence, whose capital was part of the misreading ("de Ja
    Genèse" → "de la Genèse", "20 Il. 30" → "20 h. 30"; known only from a model that
    counted sentence starts, ``prev`` then being ``<s>`` at one). A capitalised
    abbreviation stays one ("Ni." → "M.")."""
    if sp.model.sentences and prev != SENTENCE_START and len(word) <= 3 \
            and word[:1].isupper() and not word.isupper() \
            and choice.capitalize() not in sp.lexicon.protected:
        return choice
    return case_like(word, choice)


def real_gains(sp: Speller, low: str) -> tuple[tuple[str, float], ...]:
    """(word, log10 odds) the document's adapted channel adds to what the real-word form
    ``low`` may stand for: on a page that reads "l" as "t" again and again, "ta" is
    likelier "la" than the training counts say. None unless the document was adapted."""
    channel = sp.gen.channel
    if not channel.boost:
        return ()
    got = sp.gains.get(low)
    if got is None:
        got = sp.gains[low] = tuple((w, g) for w in sp.real.words_for(low)
                                    if (g := channel.doc_gain(w, low)) > 0)
    return got


def twin_edit(sp: Speller, tok: Token, low: str, prev: str | None, nxt: str | None
              ) -> Edit | None:
    """A known word whose one-glyph twin is far more frequent and fits the context."""
    twins = sp.twins.of(low)
    if not twins:
        return None
    keep = sp.context(prev, (low,), nxt, own=True)
    best = max(((lp + sp.context(prev, (c,), nxt)
                 + sp.real.class_gain(c, low, prev, nxt, sp.doc), c) for c, lp in twins))
    if best[0] < keep + sp.p.twin_margin:
        return None
    return Edit(tok.word_start, tok.end, case_like(tok.word, best[1]), STAGE,
                "channel:twin", round(best[0] - keep, 3))


def reconsider(sp: Speller, out: list[Edit], real: RealSeen, nxt_edit: Edit) -> None:
    """Weigh again the real-word form ``real``, decided (its edit, if any, last in
    ``out``) before the next word was corrected by ``nxt_edit``, with the correction
    as its neighbour ("te pôte" → "te pôle" → "le pôle")."""
    _, tok, prev, conf = real
    words = nxt_edit.replacement.split()
    nxt = lm_form(words[0]) if words else None
    if out and out[-1].start == tok.word_start:
        out.pop()
    redo = real_word_edit(sp, tok, tok.word.lower(), prev, nxt, conf)
    if redo is not None:
        out.append(redo)


def elision_edits(sp: Speller, text: str, toks: tuple[Token, ...], a: int, b: int,
                  out: list[Edit], conf: dict[int, float], leave: frozenset[int]
                  ) -> list[Edit]:
    """``out`` (the edits of the paragraph ``toks[a:b]``) with the paragraph's misread
    elisions repaired: "t'Eglise" → "l'Eglise". An elision this OCR often produced for
    another ("t'" for "l'") is weighed as a real word between the word before it and
    the word it elides into, both as ``out`` left them: the "t'" of "t'Egtise" is
    weighed before "Eglise", the word as repaired. Not where the OCR was sure, nor in a
    text that says "tu" ("ne crains-tu pas de t'avancer") or an English sentence
    (``leave``)."""
    found: list[Edit] = []
    by_start: dict[int, Edit] | None = None
    for i in range(a, b):
        tok = toks[i]
        if not tok.elision or lm_elision(tok.elision) not in sp.real or i in leave \
                or conf.get(i, 0.0) >= sp.p.trusted_conf:
            continue
        if by_start is None:
            by_start = {e.start: e for e in out}
        own = by_start.get(tok.word_start)
        words = own.replacement.split() if own is not None else [tok.word]
        nxt = lm_form(words[0]) if words else None
        opens = starts_sentence(text, tok.start)
        if sp.model.sentences and opens:
            prev: str | None = SENTENCE_START
        elif i > a:
            before = by_start.get(toks[i - 1].word_start)
            last = before.replacement.split() if before is not None else [toks[i - 1].word]
            # (the word, not an elision a correction put before it: "l'instruction")
            prev = elided_word(last[-1]) if last else None
        else:
            prev = None
        form = lm_elision(tok.elision)
        choice, _ = sp.real.choice(form, prev, nxt, sp.confidence.log_ratio(conf.get(i)),
                                   sp.doc, real_gains(sp, form))
        if choice is not None:
            # a capital inside a sentence was part of the misreading ("avec J'aide")
            letters = case_like(tok.elision[:-1], choice[0][:-1]) if opens else choice[0][:-1]
            found.append(Edit(tok.start, tok.word_start, letters + tok.elision[-1], STAGE,
                              ELISION_RULE, choice[1]))
    return sorted(out + found, key=lambda e: e.start) if found else out

"""Edits of unknown and rare words: keep the form as printed, or take a candidate (a
glyph repair, a dictionary neighbour, a split, an elision) by a margin.

The counterpart of ``knownwords``: there a common word changes only on its
neighbours' evidence; here the form itself is in doubt, and its keeping is weighed by
how French its letters look (``wordshape``) or, for a rare known word, by its context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressclean.candidates import Candidate, inflected
from pressclean.offsets import Edit
from pressclean.spellparams import RULES_STAGE, STAGE
from pressclean.tokens import Token, as_printed, elided_as_printed, split_as_printed

if TYPE_CHECKING:
    from pressclean.spell import Speller


def weigh(sp: Speller, tok: Token, word: str, low: str, prev: str | None, nxt: str | None,
          candidates: tuple[Candidate, ...], opens: bool = False) -> Edit | None:
    """Keep the unknown or rare form ``word``, or take the best candidate by a
    margin; the edit spans ``tok``. A capitalised form is a name, which is split
    only where it ``opens`` a sentence ("Dixansaprès" → "Dix ans après")."""
    is_name = word[0].isupper() and word.isalpha()
    rare_known = sp.lexicon.known(low)
    split_extra = 0.0
    if rare_known:
        keep_score = sp.context(prev, (low,), nxt, own=True) + sp.p.rare_known_bonus
    else:
        prior, flat = sp.prior(low)
        keep_score = prior + (sp.lm.log_uni(nxt) if nxt else 0.0)
        # (an apostrophe inside says the form is more than one word: the floor
        # that spares an unknown compound is not for it)
        split_extra = max(0.0, flat - prior) if low.isalpha() else 0.0
    best: tuple[float, Candidate] | None = None
    plain = word.islower()  # (``as_printed`` would leave a candidate as it is)
    for cand in candidates:
        named = is_name and not (opens and cand.how == "split")
        costly_name = named and cand.channel < sp.p.name_channel_min
        if named and (cand.how == "split" or costly_name and cand.how == "dictionary"):
            continue  # a name changes only where a likely glyph confusion explains it
        if rare_known and cand.how in ("dictionary", "split"):
            continue
        if (cand.text == word if plain else as_printed(word, cand.text) == word) \
                or inflected(low, cand.text):
            continue  # the word itself, or an inflection of the candidate
        score = cand.channel + sp.context(prev, cand.words, nxt)
        if cand.how == "dictionary":
            score -= sp.p.dictionary_penalty
        if cand.how == "split":
            score -= split_extra
        if costly_name:
            score -= sp.p.name_margin - sp.p.margin
        if best is None or score > best[0]:
            best = (score, cand)
    if best is None or best[0] < keep_score + sp.p.margin:
        return None
    cand = best[1]
    if cand.how == "elision":
        replacement = elided_as_printed(word, cand.head, cand.words)
    elif cand.how == "split":
        replacement = split_as_printed(word, cand.words)
    else:
        replacement = as_printed(word, cand.text)
    if sp.rules_mode:
        return Edit(tok.word_start, tok.end, replacement, RULES_STAGE, cand.how,
                    round(best[0] - keep_score, 3))
    rule = {"glyph": "channel:glyph", "dictionary": "dictionary", "split": "split",
            "elision": "channel:elision"}[cand.how]
    return Edit(tok.word_start, tok.end, replacement, STAGE, rule,
                round(best[0] - keep_score, 3))

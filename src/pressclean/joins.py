"""Words cut in two: by a stray space ("séna teurs"), or by a line-end hyphen whose
line break an earlier tool turned into a space ("ap- plaudissements").

The first are joined when the joined word is common and the context prefers it; the
second half of the other kind is left alone, since repairing it as a word on its own
would make a word that its first half then repeats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressclean.offsets import Edit
from pressclean.spellparams import STAGE
from pressclean.tokens import Token, case_like, lm_word

if TYPE_CHECKING:
    from pressclean.spell import Speller

#: log10 probability of a stray space inside a word
_JOIN_LOGP = -2.0


def join_edit(sp: Speller, text: str, a: Token, b: Token | None, prev: str | None,
              after: Token | None) -> Edit | None:
    """"séna teurs" → "sénateurs": two pieces, one not a word, whose join is common."""
    if b is None or a.elision or b.elision or text[a.end:b.start] != " ":
        return None
    wa, wb = a.word, b.word
    if not (wa.isalpha() and wb.isalpha() and wb.islower()) or len(wa) + len(wb) < 5:
        return None
    joined = (wa + wb).lower()
    lex = sp.lexicon
    if not lex.common(joined):
        return None
    if lex.common(wa.lower()) and lex.common(wb.lower()):
        return None
    nxt = lm_word(after) if after else None
    keep = sp.context(prev, (wa.lower(), wb.lower()), nxt, own=True)
    score = _JOIN_LOGP + sp.context(prev, (joined,), nxt)
    if score < keep + sp.p.margin:
        return None
    return Edit(a.start, b.end, case_like(wa, joined), STAGE, "join", round(score - keep, 3))


def cut_piece(text: str, prev: Token | None, tok: Token) -> bool:
    """``tok`` is the second half of a word hyphenated at a line end whose line break
    became a space ("ap- plaudissements", in text reflowed by an earlier tool): not a
    word, and repairing it alone would make a word the first half then repeats."""
    if prev is None or not tok.word.islower() or not tok.word.isalpha() \
            or not prev.word[-1:].isalpha():
        return False
    gap = text[prev.end:tok.start]
    return len(gap) >= 2 and gap[0] in "-¬" and gap[1:].isspace()

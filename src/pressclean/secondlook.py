"""Second looks that keep a clean idempotent: cleaning the output again finds nothing.

The spell stage decides each word once, between its neighbours as they were printed.
Two decisions would come out otherwise on a second clean: a repair that is itself a
rare word with a repair of its own ("feiiètro" → "fenètre", then "fenêtre"), and a word
kept before its next word was corrected ("deç chemina" → "deç chemins", then "des").
Both are weighed again here, within the same clean; a real word before a correction
is weighed again by ``knownwords.reconsider``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from pressclean.knownwords import RealSeen
from pressclean.offsets import Edit
from pressclean.tokens import Token, lm_form, starts_sentence

if TYPE_CHECKING:
    from pressclean.spell import Speller

#: the rules of repairs found by searching the lexicon, which ``settle`` looks at again
_SEARCHED = ("channel:glyph", "dictionary")


def settle(sp: Speller, edit: Edit, prev: str | None, nxt: str | None, conf: float | None,
           opens: bool) -> Edit:
    """``edit`` with its repair weighed once more as if it were printed, between the
    same neighbours; both rules are recorded ("channel:glyph+channel:glyph"). Only a
    one-word repair of the spell stage's glyph or dictionary search is: a split, an
    elision or a context decision is already weighed with its neighbours."""
    word = edit.replacement
    if sp.rules_mode or not word.isalpha() or edit.rule not in _SEARCHED:
        return edit
    again = sp.word_edit(Token(edit.start, edit.start + len(word), word), prev, nxt, conf,
                         opens)
    if again is None or again.replacement == word:
        return edit
    return dataclasses.replace(edit, replacement=again.replacement,
                               rule=f"{edit.rule}+{again.rule}")


def weigh_again(sp: Speller, text: str, seen: RealSeen, nxt_edit: Edit) -> list[Edit]:
    """The edit of a word kept before its next word was corrected (``seen``: the word
    as it was decided), weighed with the correction beside it; none if it stays."""
    _, tok, prev, conf = seen
    words = nxt_edit.replacement.split()
    if tok.elision or not words or sp.settled(tok.word):
        return []
    edit = sp.word_edit(tok, prev, lm_form(words[0]), conf, tok.word[:1].isupper()
                        and starts_sentence(text, tok.start))
    return [edit] if edit is not None else []

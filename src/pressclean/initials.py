"""The first word of a sentence misread as a number, a roman numeral or a lone capital.

"Il" begins more French press sentences than any other word, and its upright strokes
are what OCR engines misread most: "11 est", "II faut", "I] y a", "H existe", "fl n'y
a". Other digits have shapes of their own: "2 ont voté" is a count. The speller leaves
such forms alone elsewhere, as numbers, numerals, sigla or initials, so they get a look
of their own where a sentence begins and a lower-case word follows: "Il" (or "Ils") is
written when the learned channel finds the misreading likely enough and the next word
is likelier after it than in general. The word after "11" in "11 h." does not favour
"il", so times stay; "II." (a heading), a form with a letter more than the pronoun
("Sil", for "S'il") and a capital after an initial ("C. R. est") are never considered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressclean.offsets import Edit
from pressclean.tokens import Token, lm_word, starts_sentence

if TYPE_CHECKING:
    from pressclean.spell import Speller

#: glyphs peeled off a token's end that may be a misread letter ("I]", "1!")
_TRAILING_GLYPHS = "]!|"
#: one-letter words that do begin sentences ("A cette heure", "Y a-t-il")
_ONE_LETTER_WORDS = {"a", "à", "y", "ô"}
#: the words restored: the pronouns made of the strokes OCR confuses ("I", "l", "1",
#: "]", "!"); other first words have shapes of their own and are weighed as any word
_TARGETS = ("il", "ils")
#: log10 P(form | word) below this is no misreading worth undoing
MIN_CHANNEL = -5.2
#: the next word must favour the replacement over its own base rate by this (log10)
MIN_ASSOC = 0.0
MAX_LEN = 3


def initial_edit(sp: Speller, text: str, tok: Token, nxt: Token | None, stage: str,
                 ) -> Edit | None:
    """The repair of ``tok`` when it is a sentence's misread first word, else None.
    The score is the log10 margin by which channel and context cleared the bar."""
    if nxt is None or tok.elision or not nxt.text[:1].islower() \
            or not starts_sentence(text, tok.start):
        return None
    end = tok.end
    while end < len(text) and text[end] in _TRAILING_GLYPHS:
        end += 1
    if end < len(text) and not text[end].isspace():
        return None  # "II." a heading, "11," a figure: not a word followed by a word
    form = text[tok.start:end]
    if any(ch.isdigit() and ch != "1" for ch in form):
        return None  # "2 ont voté" is a count: only the upright strokes of "1" pass for "l"
    low = form.lower()
    if len(form) == 1:
        if form.islower() or low in _ONE_LETTER_WORDS:
            return None  # "n en est rien" lost an apostrophe, not an "Il"
    elif len(form) > MAX_LEN or not form.isupper() and _word_as_printed(sp, low):
        return None  # "Un", "En"; but "II" is a word only as a numeral
    if sp.lexicon.is_protected(form):
        return None
    after = lm_word(nxt)
    best: tuple[float, str] | None = None
    for word in _TARGETS:
        if len(form) > len(word):
            continue  # "Sil" lost an apostrophe ("S'il"): no stroke explains a letter more
        channel = sp.gen.channel.logp(word, low)
        if channel < MIN_CHANNEL:
            continue
        assoc = sp.real.assoc(word, after)  # log10 P(after | word) / P(after)
        if assoc < MIN_ASSOC:
            continue
        if best is None or channel + assoc > best[0]:
            best = (channel + assoc, word)
    if best is None:
        return None
    word = best[1]
    return Edit(tok.start, end, word[:1].upper() + word[1:], stage, "initial",
                round(best[0] - MIN_CHANNEL, 3))


def _word_as_printed(sp: Speller, low: str) -> bool:
    """A known word the model's training OCR did not mostly misread ("un", "en"; not
    "ll" or "ii", which stood for "il" as often as for themselves)."""
    if not sp.lexicon.common(low):
        return False
    row = sp.model.word_conf.get(low)
    return row is None or row.get(low, 0) > 0.6 * sum(row.values())

"""Which kind of weighing a word calls for, by its form alone: none (numbers, sigla,
names, protected words), a real-word confusion (a known word), a compound's, or the
full weighing against candidates (an unknown or rare word)."""

from __future__ import annotations

import enum

import regex

from pressclean.lexicon import Lexicon
from pressclean.tokens import has_letter, is_numberish, plain_case

_JOINERS = regex.compile(r"[/&+]")
#: a number and an abbreviation joined by a point: "h.10", "p.5", "art.12", "5.fr"
_ABBREVIATED_NUMBER = regex.compile(r"\p{L}[.:]\d|\d[.:]\p{L}")
#: a code of a few letters and a number: "F10", "A320", "x86", "l10n". In the training
#: OCR such a token was a misread number ("I920", "S68") ten times for once a word, so
#: reading its digits as letters ("F10" → "Flo") only invents a word. Not "11" alone,
#: the "n" or "u" of a word ("E11" for "En", "a11" for "au")
_CODE = regex.compile(r"^\p{L}{1,3}(?!11\p{L}?$)\d{2,}\p{L}?$")


class Route(enum.Enum):
    KEEP = 0  # nothing to weigh: numbers, sigla, names, protected words
    REAL = 1  # a known word: only a real-word confusion may change it
    COMPOUND = 2  # hyphenated
    WEIGH = 3  # unknown or rare: weighed against its candidates


def route(lexicon: Lexicon, word: str, rules_mode: bool) -> Route:
    """What kind of weighing ``word`` calls for in the rules stage (``rules_mode``) or
    the spell stage."""
    if not has_letter(word) or lexicon.is_protected(word) or is_numberish(word) \
            or _ABBREVIATED_NUMBER.search(word) or _CODE.match(word):
        return Route.KEEP
    if len(word) == 1:
        # one letter: only what the model saw it stand for ("e" for "le")
        if rules_mode or not word.islower():
            return Route.KEEP
        return Route.REAL
    if "-" in word:
        return Route.COMPOUND
    parts = _JOINERS.split(word)
    if len(parts) > 1 and all(not p or lexicon.common(p) or is_numberish(p)
                              for p in parts):
        return Route.KEEP  # "et/ou", "km/h", "R&D": words joined by a symbol
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return Route.KEEP  # sigla, headlines in capitals
    if word in lexicon.names:
        return Route.KEEP
    if lexicon.common(word.lower()):
        if rules_mode or not plain_case(word):
            return Route.KEEP
        return Route.REAL
    return Route.WEIGH

"""Word tokens with their offsets: what the correction stages look at.

A token is a maximal run of non-space characters with its surrounding punctuation
peeled off; glyphs OCR confuses with letters ("[", "|", "1", "0", "6", "¡", "/")
stay inside the token so the rules can repair them. French elisions ("l'", "qu'",
"jusqu'") are split from the word they attach to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from pressclean.lexicon import strip_accents

if TYPE_CHECKING:
    from pressclean.document import Word

#: a run of non-space characters: regex's \S+, with its Unicode White_Space spelled out so
#: the standard ``re`` (half the time on a long text) finds the same runs; unlike ``re``'s
#: own \s, the information separators U+001C–U+001F are not spaces
_RUN = re.compile("[^\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
#: punctuation peeled off a run's ends (never letters nor confusable glyphs)
_LEAD = "\"'«»“”‘’([{<>*.,;:!?…—–-"
_TRAIL = "\"'«»“”‘’)]}<>*.,;:!?…—–-"
_ELISION = regex.compile(r"^(?i:(jusqu|lorsqu|puisqu|quoiqu|qu|[ldsncjmt]))(['’])(?=\p{L})")
_LETTER = regex.compile(r"\p{L}")


class Token:
    """A word-like token: ``text[start:end]``; ``elision`` is e.g. ``"l'"`` or ``""``.

    A plain slotted class with ``word`` computed once: hundreds of thousands are made
    per megabyte, and every stage reads ``word``."""

    __slots__ = ("start", "end", "text", "elision", "word", "word_start")

    def __init__(self, start: int, end: int, text: str, elision: str = "") -> None:
        self.start = start
        self.end = end
        self.text = text
        self.elision = elision
        #: the token without its elided prefix
        self.word = text[len(elision):] if elision else text
        self.word_start = start + len(elision)

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r}, {self.elision!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self.text, self.elision) \
            == (other.start, other.end, other.text, other.elision)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text, self.elision))


def split_elision(s: str) -> tuple[str, str]:
    m = _ELISION.match(s)
    return (m.group(0), s[m.end():]) if m else ("", s)


def elided_word(printed: str) -> str:
    """The word of a printed form, its elision left off, as the language model knows
    it (``lm_plain``): what a correction leaves as the previous word ("l'Académie":
    "académie", "10": ``NUMBER``)."""
    return lm_plain(split_elision(printed)[1] or printed)


@lru_cache(maxsize=4)
def tokenize(text: str) -> tuple[Token, ...]:
    """Word-like tokens of ``text`` (runs with letters, digits or confusable glyphs).

    Cached for the last few texts: the rules and spell stages, and the document-adapted
    second pass, tokenize the same text again."""
    out: list[Token] = []
    for m in _RUN.finditer(text):
        s = m.start()
        run = m.group(0)
        if run.isalpha():  # most runs: a bare word, nothing to peel or split
            out.append(Token(s, m.end(), run))
            continue
        a = len(run) - len(run.lstrip(_LEAD))
        b = len(run.rstrip(_TRAIL))
        # keep a leading "[" / "(" when it is glued to lower-case letters: "[e", "[ien"
        if a > 0 and run[a - 1] in "[{|/" and a < len(run) and run[a].islower():
            a -= 1
        if a >= b:
            continue
        core = run[a:b]
        elision = split_elision(core)[0] if "'" in core or "’" in core else ""
        out.append(Token(s + a, s + b, core, elision))
    return tuple(out)


#: a blank line (only spaces between two line breaks): where a paragraph ends
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def paragraphs(text: str, toks: tuple[Token, ...]) -> list[tuple[int, int]]:
    """The tokens of each paragraph of ``text`` (split at blank lines), as index ranges
    ``(a, b)`` into ``toks`` that cover it in order."""
    cuts = [bisect_left(toks, m.end(), key=_start) for m in _BLANK_LINE.finditer(text)]
    bounds = [0, *(c for c in cuts if 0 < c < len(toks)), len(toks)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


def _start(tok: Token) -> int:
    return tok.start


def has_letter(s: str) -> bool:
    return bool(_LETTER.search(s))


def case_like(template: str, word: str) -> str:
    """Give ``word`` the case pattern of ``template`` (UPPER, Capitalised or lower),
    and a capital after an apostrophe or a hyphen where both have the same ones, so
    that a capital inside a name survives its repair ("0'Connelt" → "O'Connell")."""
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if letters and letters[0].isupper():
        word = word[:1].upper() + word[1:]
    marks = _JOINERS.findall(template)
    if marks and marks == _JOINERS.findall(word):
        parts = _JOINERS.split(word)
        starts = [p[:1] for p in _JOINERS.split(template)]
        word = parts[0] + "".join(m + (p[:1].upper() + p[1:] if s.isupper() else p)
                                  for m, p, s in zip(marks, parts[1:], starts[1:], strict=True))
    return word


#: what joins the parts of a compound or an elided name
_JOINERS = regex.compile(r"['’\-]")


#: a well-formed roman numeral ("XIV", "MDCCCLX"; not "IL", "IIV"), one letter or more
_ROMAN = (r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
#: numbers with an ordinal or unit suffix ("12e", "1er", "3°", "20fr"); roman numerals
#: in capitals, two letters or more, or ordinal ("XIV", "XVIe", "Ier", "Ve"), also read
#: with "l" for "I" ("XVl", "Xll"; not "Il", "Ile"); in lower case only from i, v and
#: x, three letters or more ("xixe"). A case-blind test made "il", "ville", "mille"
#: and "vide" numbers, which no stage would then correct nor propose.
_NUMBERISH = regex.compile(
    r"^\d[\d.,]*(?:er|re|e|ème|eme|o|os|°|bis|ter|fr|f|c|m|k|h|kg|km)?$|^\d{2,}"
    rf"|^(?:(?=[MDCLXVI]{{2}}){_ROMAN}(?:e|er|ème|E|ER|ÈME)?|I(?:er|re)|[VX](?:e|ème))$"
    r"|^(?=[^l]*l)(?!Il*(?:e|er|ème)?$)[MDCLXVI][MDCLXVIl]+(?:e|er|ème)?$"
    r"|^(?=[xvi]{3})x{0,3}(?:ix|iv|v?i{0,3})(?:e|er|ème)?$")
_ROMAN_ONLY = regex.compile(rf"^{_ROMAN}$")


def is_numberish(word: str) -> bool:
    """Numbers, ordinals ("12e", "XVIe") and roman numerals: never corrected as words."""
    return bool(_NUMBERISH.match(word))


def is_roman(word: str) -> bool:
    """Would ``word`` in capitals be a roman numeral of two letters or more? ("ii",
    "xi", "dix"; not "il", "vie", "m"): a lower-cased count ("II" counted as "ii") is
    no word to propose."""
    return len(word) > 1 and bool(_ROMAN_ONLY.match(word.upper()))


def as_printed(word: str, candidate: str) -> str:
    """``candidate`` in the case of ``word``; an unaccented printed capital stays so
    (capitals often went unaccented in print: "Etat" is not an error)."""
    out = case_like(word, candidate)
    if word[:1].isupper() and out[:1] != word[:1] and strip_accents(out[:1]) == word[:1]:
        out = word[:1] + out[1:]
    return out


def elided_as_printed(word: str, head: int, words: tuple[str, ...]) -> str:
    """An elision and its word, (elision, word), in the case ``word`` was printed in,
    its first ``head`` characters having stood for the elision: "VAcadémie" →
    "l'Académie", "Dintervenir" → "D'intervenir". A capital misread for the elision
    ("Vaffaire" for "l'affaire") is the glyph's shape, not a capital."""
    elision, rest = words
    printed = word[head:]
    if word[:1].isupper() and word[:1].lower() == elision[:1]:
        elision = elision[:1].upper() + elision[1:]
    return elision + as_printed(printed, rest)


def split_as_printed(word: str, words: tuple[str, ...]) -> str:
    """The pieces of a split ``word`` (each as long as the letters it was read from),
    each in the case it was printed in: "Egtised'Irtande" → "Eglise d'Irlande". A piece
    read as printed stays exactly so ("O'Connell"), unless its case is a misreading
    ("iL"); an elision keeps its apostrophe and stays glued to the word after it."""
    out, pos = [], 0
    upper = word.isupper()
    for w in words:
        printed = word[pos:pos + len(w)]
        pos += len(w)
        if not upper and printed.isupper():  # "ILapparait": a capital, not capitals
            printed = printed[:1] + printed[1:].lower()
        if w.endswith("'"):
            out.append(as_printed(printed[:-1], w[:-1]) + printed[-1])
            continue
        out.append(printed if printed.lower() == w and (printed.islower() or printed[0].isupper())
                   else as_printed(printed, w))
        out.append(" ")
    return "".join(out).rstrip(" ")


#: what may stand between a sentence end and its first word (quotes, dashes)
_OPENERS = "«\"“—–-("
_SENTENCE_ENDS = ".!?…"


def starts_sentence(text: str, start: int) -> bool:
    """Only openers and spaces between ``start`` and a sentence end, the text's start
    or a blank line (a line break alone may be a line of a transcription kept as is)."""
    i = start - 1
    while i >= 0 and (text[i] in _OPENERS or text[i] in " \t"):
        i -= 1
    if i < 0:
        return True
    if text[i] == "\n":  # a paragraph's start, or (lines kept) a line's: look further
        i -= 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        if i < 0 or text[i] == "\n":
            return True
    if text[i] not in _SENTENCE_ENDS:
        return False
    # the dot after an initial ("C. R. est arrivé") ends no sentence
    return not (text[i] == "." and i >= 1 and text[i - 1].isupper()
                and (i == 1 or not text[i - 2].isalpha()))


def plain_case(word: str) -> bool:
    """lower-case, or Capitalised as at the start of a sentence (not UPPER, not mIxed)."""
    return word.islower() or (word[:1].isupper() and word[1:].islower())


def lm_elision(elision: str) -> str:
    """An elision as the language model counts it: "L’" → "l'"."""
    return elision[:-1].lower() + "'"


#: what the language model counts every number as ("à 68 ans", "à 9 heures": "à <num>")
NUMBER = "<num>"
_NUMBER = regex.compile(r"^[\d.,]+$")


def lm_plain(word: str) -> str:
    """A word without elision as the language model knows it: lower-cased, a number as
    ``NUMBER`` (the model never saw "68" after "à", but "à <num>" 217 times)."""
    return NUMBER if word[:1].isdigit() and _NUMBER.match(word) else word.lower()


def lm_word(tok: Token) -> str:
    """The token as the language model knows it: its elision, else its word."""
    if tok.elision:
        return lm_elision(tok.elision)
    return lm_plain(tok.word)


def lm_form(word: str) -> str:
    """A printed word, e.g. a correction, as the language model knows it (``lm_word``):
    its elision split the way ``tokenize`` splits it ("l'Académie" → "l'")."""
    elision = split_elision(word)[0] if "'" in word or "’" in word else ""
    return lm_word(Token(0, len(word), word, elision))


#: how many OCR words ahead a token's own word is looked for
_LOOKAHEAD = 4


def token_confidences(toks: tuple[Token, ...], words: list[Word] | None) -> dict[int, float]:
    """OCR confidence of each token, where the input carried word confidences."""
    if not words:
        return {}
    # words are in source coordinates; the text here may have been re-flowed, so match
    # by order and surface form rather than offset. An OCR word may hold punctuation
    # ("l'industrie,") or more than one token ("Tech,son"): a token takes the
    # confidence of the next word, within a few, whose text contains it
    out: dict[int, float] = {}
    j = pos = 0
    for i, tok in enumerate(toks):
        for k in range(j, min(j + _LOOKAHEAD, len(words))):
            at = words[k].text.find(tok.text, pos if k == j else 0)
            if at >= 0:
                conf = words[k].conf
                if conf is not None:
                    out[i] = float(conf)
                j, pos = k, at + len(tok.text)
                break
    return out

"""French text analysis for the search index: the same steps on documents and queries.

Tokens are letter/digit runs; an elided article or pronoun ("l'", "d'", "qu'") is
dropped, then stop words, then case and accent folding, then Snowball French stemming.
Folding comes *before* stemming so "Besançon" and "besancon" reach the stemmer as the
same string: a reader who types no accents finds the accented word, always.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from pressclean.nlp import french_stemmer
from pressclean.wordlists import word_set

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_APOSTROPHES = "'’ʼ"
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'"})
_stem_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """Lowercase, without accents or ligatures: "Œuvre Éditée" -> "oeuvre editee"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LIGATURES).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(folded: str) -> str:
    """Snowball French stem of an already folded token (memoised: words repeat a lot)."""
    out = _stem_cache.get(folded)
    if out is None:
        out = french_stemmer().stemWord(folded)
        if len(_stem_cache) < 500_000:
            _stem_cache[folded] = out
    return out


def term_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for every indexed word of ``text``, offsets into ``text``."""
    elisions = word_set("fr/elisions.txt")
    stops = word_set("fr/stopwords.txt")
    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        end = m.end()
        if end < len(text) and text[end] in _APOSTROPHES and low in elisions:
            continue
        if low in stops:
            continue
        yield stem(fold(low)), m.start(), end


def terms(text: str) -> list[str]:
    """The analysed terms of ``text``, in order (what the index stores)."""
    return [t for t, _, _ in term_spans(text)]


def prefix_term(word: str) -> str:
    """The index prefix for a ``word*`` query: the folded word cut where its stem and
    it part ("entreprises*" -> "entrepris"), since the index holds stems."""
    folded = fold(word)
    stemmed = stem(folded)
    n = 0
    while n < min(len(folded), len(stemmed)) and folded[n] == stemmed[n]:
        n += 1
    return folded[:n] if n else folded

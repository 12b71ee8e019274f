"""French text analysis for the search index: the same steps on documents and queries.

Tokens are letter/digit runs, so an apostrophe splits "l'industrie"; the elided
articles and pronouns ("l", "d", "qu", "jusqu"...) are in the stop list and drop out
with the other stop words; then case and accent folding, then Snowball French stemming.
Folding comes *before* stemming so "Besançon" and "besancon" reach the stemmer as the
same string: a reader who types no accents finds the accented word, always.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from pressclean.nlp import french_stemmer
from pressclean.wordlists import word_set

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'"})
_stem_cache: dict[str, str] = {}
#: letters and digits (``\w`` without "_"): an apostrophe splits "l'industrie" in two
_TOKEN = re.compile(r"[^\W_]+")


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


class _TermCache(dict[str, str]):
    """Token -> indexed term ("" for a stop word or an elided "l'", "qu'"), computed
    once per distinct token: a run's vocabulary is small next to its running text."""

    def __missing__(self, word: str) -> str:
        low = word.lower()
        term = "" if low in word_set("fr/stopwords.txt") else stem(fold(low))
        if len(self) < 1_000_000:
            self[word] = term
        return term


_terms = _TermCache()


def term_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for every indexed word of ``text``, offsets into ``text``."""
    for m in _TOKEN.finditer(text):
        term = _terms[m.group()]
        if term:
            yield term, m.start(), m.end()


def terms(text: str) -> list[str]:
    """The analysed terms of ``text``, in order (what the index stores)."""
    return [t for t in map(_terms.__getitem__, _TOKEN.findall(text)) if t]


def prefix_term(word: str) -> str:
    """The index prefix for a ``word*`` query: the folded word cut where its stem and
    it part ("entreprises*" -> "entrepris"), since the index holds stems."""
    folded = fold(word)
    stemmed = stem(folded)
    n = 0
    while n < min(len(folded), len(stemmed)) and folded[n] == stemmed[n]:
        n += 1
    return folded[:n] if n else folded

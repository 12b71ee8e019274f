"""French text analysis for the search index: the same steps on documents and queries.

Tokens are letter/digit runs, so an apostrophe splits "l'industrie"; the elided
articles and pronouns ("l", "d", "qu", "jusqu"...) are in the stop list and drop out
with the other stop words; then case and accent folding, then Snowball French stemming.
Folding comes *before* stemming so "Besançon" and "besancon" reach the stemmer as the
same string: a reader who types no accents finds the accented word, always.

The chain is built once as a tantivy analyzer (:func:`analyzer`, run in Rust by the
index at indexing time and by queries); :func:`terms`/:func:`term_spans` are the same
steps in Python, for snippets and keywords, and a test keeps the two identical.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from pressclean.nlp import tantivy_module
from pressclean.wordlists import word_set

#: letters ASCII folding maps that Unicode decomposition leaves alone (tantivy's
#: ascii_fold does them, and the Python chain must agree with it)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'",
                            "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
                            "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i"})
_stem_cache: dict[str, str] = {}
#: letters and digits (``\w`` without "_"): an apostrophe splits "l'industrie" in two
_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lowercase, without accents or ligatures: "Œuvre Éditée" -> "oeuvre editee"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LIGATURES).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: the name the index knows the French analyzer by
ANALYZER_NAME = "fr_press"


@cache
def analyzer() -> Any:
    """The index's analysis chain as a tantivy analyzer (registered on every open)."""
    tv = tantivy_module()
    return (tv.TextAnalyzerBuilder(tv.Tokenizer.simple())
            .filter(tv.Filter.lowercase())
            .filter(tv.Filter.custom_stopword(sorted(word_set("fr/stopwords.txt"))))
            .filter(tv.Filter.ascii_fold())
            .filter(tv.Filter.stemmer("french"))
            .build())


@cache
def _stemmer() -> Any:
    tv = tantivy_module()
    return tv.TextAnalyzerBuilder(tv.Tokenizer.raw()).filter(tv.Filter.stemmer("french")).build()


def index_terms(text: str) -> list[str]:
    """The terms the index makes of ``text`` (queries use this, so they always agree)."""
    return list(analyzer().analyze(text))


def tokens_of(text: str) -> list[str]:
    """The raw tokens (words and numbers) of ``text``, as the index's tokenizer cuts them."""
    return _TOKEN.findall(text)


def index_positions(text: str) -> list[tuple[str, int]]:
    """(term, position) as the index stores them: a dropped stop word leaves a hole,
    so a phrase with "des" inside matches only with a word there."""
    return [(tok.text, tok.position) for tok in analyzer().pre_tokenize(text).tokens]


def stem(folded: str) -> str:
    """Snowball French stem of an already folded token (memoised: words repeat a lot)."""
    out = _stem_cache.get(folded)
    if out is None:
        out = _stemmer().analyze(folded)[0]
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

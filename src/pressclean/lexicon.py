"""The French lexicon: which words exist, how frequent they are, which are protected.

Built from wordfreq's French list (a real frequency source), cleaned of the accentless
web spellings it holds ("prefet", "besancon": dropped when an accented form is far more
frequent), widened with the historical spellings of 19th-century press ("enfans",
"étoit") and the imperfect subjunctives it writes ("travaillât"), the word counts
of the packaged model (a word only the model knows stays rare: its truth is small and
keeps OCR errors), and the user's ``dictionaries/``:

* ``regional.txt``  – places, trades, jargon (watch-making, micro-engineering, ...)
* ``names.txt``     – proper names (known, never corrected into something else)
* ``protected.txt`` – words and abbreviations never changed
* ``prefixes.txt``  – productive prefixes (packaged, widened by the user's): a form that
  glues one to a word is a compound, not a lost space ("transrégionale")

One word per line (``word`` or ``word<TAB>count``), ``#`` comments. The merged table is
cached on disk keyed by the content of its sources, so startup stays short.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pressclean.exceptions import DataFileError

#: an accentless form is dropped when an accented twin is this many times more frequent
ACCENT_TWIN_RATIO = 10.0
#: count scale: wordfreq frequencies are turned into counts per billion words
SCALE = 1e9
#: words below this count (per billion) are "rare": known, but correctable on evidence
RARE_COUNT = 100.0
#: the most a word gets from the model's counts alone (known, never common): the model
#: counted a few hundred thousand words of ground truth, where one sighting is 4,000
#: per billion and the truth keeps OCR errors ("monnaveurs", "hienfaitrice", seen twice);
#: a word the web list lacks is rarer than its floor (about 10 per billion) or a
#: misreading, and it must not outweigh the web list's rare words ("monnayeurs", 269)
MODEL_ONLY_MAX = 99.0
#: an imperfect subjunctive's count, as a share of its imperfect's (the median of the
#: few dozen verbs for which wordfreq holds both is about 1/270)
SUBJUNCTIVE_SHARE = 1 / 300
#: a verb's infinitive is at least this share of its imperfect's count
SUBJUNCTIVE_VERB_SHARE = 0.1
USER_FILES = ("regional.txt", "names.txt", "protected.txt", "prefixes.txt")
_VERSION = "6"


@lru_cache(maxsize=65536)
def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if unicodedata.category(c) != "Mn")


def cache_dir() -> Path:
    base = os.environ.get("PRESSCLEAN_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "pressclean" if base else Path.home() / ".cache" / "pressclean"


def read_cache(path: Path) -> Any:
    """A pickled cache file's content, or None when it is missing or unreadable."""
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a missing or corrupt cache is rebuilt
        return None


def write_cache(path: Path, value: object) -> None:
    """Write a cache file atomically; a cache that cannot be written is only slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


@dataclass
class Lexicon:
    """Word → count per billion (lower-case keys) plus names and protected words."""

    counts: dict[str, float] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    protected: set[str] = field(default_factory=set)
    fingerprint: str = ""
    #: productive prefixes ("trans", "micro"): never a word of their own before another
    prefixes: set[str] = field(default_factory=set)

    def count(self, word: str) -> float:
        return self.counts.get(word.lower(), 0.0)

    def known(self, word: str) -> bool:
        """Is ``word`` a word (any case), a listed name or a protected form?"""
        low = word.lower()
        return low in self.counts or word in self.names or word in self.protected

    def common(self, word: str) -> bool:
        """Known and not rare: such words are changed only on strong evidence."""
        return self.count(word) >= RARE_COUNT or word in self.names or word in self.protected

    def is_protected(self, word: str) -> bool:
        return word in self.protected or word.lower() in self.protected


def read_word_file(path: Path, text: str | None = None) -> dict[str, float]:
    """Parse a word list (``word`` or ``word<TAB>count`` per line); errors name the line."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(path, None, f"cannot read word list: {exc}") from exc
    words: dict[str, float] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("\t")
        word = unicodedata.normalize("NFC", parts[0].strip())
        if len(parts) > 2 or not word or " " in word:
            raise DataFileError(path, lineno, f"expected 'word' or 'word<TAB>count', got {raw!r}")
        try:
            words[word] = float(parts[1]) if len(parts) == 2 else 0.0
        except ValueError as exc:
            raise DataFileError(path, lineno, f"count is not a number: {parts[1]!r}") from exc
    return words


def _historical_variants(counts: dict[str, float]) -> dict[str, float]:
    """Spellings of 1800–1870 print regularly derived from modern ones.

    Plurals in -ants/-ents lost their t ("enfans", "départemens") and the imperfect
    was written -oit/-ois/-oient ("étoit"); both are words in old newspapers.
    """
    out: dict[str, float] = {}
    for word, c in counts.items():
        if c < RARE_COUNT or len(word) < 5:
            continue
        for old, new in (("ants", "ans"), ("ents", "ens"), ("aient", "oient"),
                         ("ait", "oit"), ("ais", "ois")):
            if word.endswith(old):
                variant = word[: -len(old)] + new
                if variant not in counts:
                    out[variant] = max(out.get(variant, 0.0), c / 50)
                break
        subjunctive = _imperfect_subjunctive(word, c, counts)
        if subjunctive and subjunctive not in counts:
            out[subjunctive] = max(out.get(subjunctive, 0.0), c * SUBJUNCTIVE_SHARE)
    return out


def _imperfect_subjunctive(word: str, count: float, counts: dict[str, float]) -> str | None:
    """The imperfect subjunctive (3rd person singular) of a regular verb, from its
    imperfect: "travaillait" → "travaillât", "finissait" → "finît".

    The press of the 19th century writes "qu'il travaillât" where today's web writes
    "travaille", so wordfreq holds the form for a few dozen verbs only, and a corrector
    without it turns a right word into another ("n'oubliât" → "n'oublie"). Only verbs
    whose infinitive is itself common next to its imperfect count (wordfreq's list
    holds "ser" and "dever", web noise that "serait" and "devait" would otherwise
    take for verbs of the first group).
    """
    for imperfect, ending in (("issait", "ît"), ("ait", "ât")):
        if not word.endswith(imperfect):
            continue
        stem = word[: -len(imperfect)]
        if ending == "ît":
            infinitive = stem + "ir"
        elif stem.endswith("ge"):  # "mangeait" → "manger"
            infinitive = stem[:-1] + "er"
        elif stem.endswith("ç"):  # "commençait" → "commencer"
            infinitive = stem[:-1] + "cer"
        else:
            infinitive = stem + "er"
        if counts.get(infinitive, 0.0) >= max(RARE_COUNT, count * SUBJUNCTIVE_VERB_SHARE):
            return stem + ending
    return None


def _base_counts() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    raw = get_frequency_dict("fr", wordlist="large")
    counts = {w: f * SCALE for w, f in raw.items() if any(ch.isalpha() for ch in w)}
    by_skeleton: dict[str, float] = {}
    twins: dict[str, list[str]] = {}
    for w, c in counts.items():
        if w != strip_accents(w):
            key = strip_accents(w)
            by_skeleton[key] = max(by_skeleton.get(key, 0.0), c)
            twins.setdefault(key, []).append(w)
    return {w: c for w, c in counts.items()
            if (by_skeleton.get(w, 0.0) < ACCENT_TWIN_RATIO * c if w == strip_accents(w)
                else not _accent_dropped(w, c, twins[strip_accents(w)], counts))}


def _accent_dropped(word: str, count: float, twins: list[str], counts: dict[str, float]) -> bool:
    """Whether ``word`` lacks an accent a far more frequent twin has and has none the
    twin lacks ("declaré" for "déclaré", "théatre" for "théâtre"): a web misspelling
    like the accentless ones, unless only the last letter differs ("désole",
    "désolé": a verb and its participle)."""
    marks = _accents(word)
    for twin in twins:
        if twin != word and counts[twin] >= ACCENT_TWIN_RATIO * count \
                and marks < _accents(twin) and twin[:-1] != word[:-1]:
            return True
    return False


def _accents(word: str) -> set[tuple[int, str]]:
    return {(i, ch) for i, ch in enumerate(word) if ch != strip_accents(ch)}


def _packaged(name: str) -> str:
    return resources.files("pressclean.data").joinpath(name).read_text(encoding="utf-8")


def _sources(dictionaries: Path | None) -> list[tuple[str, Path, str]]:
    srcs = [(name, Path(f"<package>/data/{name}"), _packaged(name))
            for name in ("historical.txt", "abbreviations.txt", "prefixes.txt")]
    if dictionaries is not None:
        for name in USER_FILES:
            p = dictionaries / name
            if p.is_file():
                srcs.append((name, p, p.read_text(encoding="utf-8")))
    return srcs


def load_lexicon(dictionaries: Path | None,
                 model_words: dict[str, float] | None = None) -> Lexicon:
    """Build (or load from cache) the lexicon with the user's dictionaries."""
    srcs = _sources(dictionaries)
    h = hashlib.sha256(_VERSION.encode())
    for name, _, text in srcs:
        h.update(name.encode() + b"\0" + text.encode())
    if model_words:
        h.update(repr(sorted(model_words.items())[:50]).encode() + str(len(model_words)).encode())
    key = h.hexdigest()[:16]
    cached = cache_dir() / f"lexicon-{key}.pickle"
    lex = read_cache(cached)
    if isinstance(lex, Lexicon):
        return lex
    counts = _base_counts()
    counts.update({w: c for w, c in _historical_variants(counts).items()})
    for w, c in (model_words or {}).items():
        counts[w] = max(counts[w], c) if w in counts else min(c, MODEL_ONLY_MAX)
    lex = Lexicon(counts=counts, fingerprint=key)
    for name, path, text in srcs:
        words = read_word_file(path, text)
        if name == "names.txt":
            lex.names.update(words)
        elif name in ("protected.txt", "abbreviations.txt"):
            lex.protected.update(words)
        elif name == "prefixes.txt":
            lex.prefixes.update(w.lower() for w in words)
        else:
            for w, c in words.items():
                counts[w.lower()] = max(counts.get(w.lower(), 0.0), c or RARE_COUNT)
    write_cache(cached, lex)
    return lex

"""Packaged word lists (stop words, month names, gazetteers): one entry a line.

Data is data: the lists live in ``pressclean/data/`` and are read here once, with
``#`` comments and blank lines skipped, and a malformed line reported with its file
and line number (:class:`DataFileError`) instead of silently producing a bad list.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files

from pressclean.exceptions import DataFileError


def _lines(name: str) -> list[tuple[int, str]]:
    """(line number, stripped NFC text) of every non-comment line of ``data/<name>``."""
    res = files("pressclean").joinpath("data", *name.split("/"))
    try:
        raw = res.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"pressclean/data/{name}", None, "missing data file") from exc
    out = []
    for n, line in enumerate(raw.splitlines(), start=1):
        text = unicodedata.normalize("NFC", line.split("#", 1)[0].strip())
        if text:
            out.append((n, text))
    return out


@cache
def word_set(name: str) -> frozenset[str]:
    """A set of lowercase single entries (spaces inside an entry are allowed)."""
    entries = set()
    for n, text in _lines(name):
        if "\t" in text:
            raise DataFileError(f"pressclean/data/{name}", n, "one entry a line, no tabs")
        entries.add(text.lower())
    return frozenset(entries)


@cache
def phrase_list(name: str) -> tuple[str, ...]:
    """Entries kept in file order and case (gazetteers of proper names)."""
    return tuple(text for _, text in _lines(name))


@cache
def int_map(name: str) -> dict[str, int]:
    """``word number`` lines (e.g. month names) as a lowercase word -> int mapping."""
    mapping: dict[str, int] = {}
    for n, text in _lines(name):
        parts = text.split()
        if len(parts) != 2 or not parts[1].isdigit():
            raise DataFileError(f"pressclean/data/{name}", n,
                                f"expected 'word number', got {text!r}")
        mapping[parts[0].lower()] = int(parts[1])
    return mapping

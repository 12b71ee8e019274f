"""The query language of ``pressclean search`` and its parser.

    besancon micronora        both words (any inflection, accents optional)
    "pôle des microtechniques" the phrase (a stop word inside stands for any stop word)
    micro*                    a word starting with "micro"
    "conseil rég*"            a phrase whose last word is a prefix
    -airbus                   documents without the word
    people:deschamps          the word in one field (title, text, people, places,
                              organisations)

A malformed query (open quote, a lone "*" or "-", an unknown field, nothing left to
search once stop words are gone) raises :class:`SearchIndexError` with one line saying
what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pressclean.analysis import index_positions, prefix_term, tokens_of
from pressclean.exceptions import SearchIndexError

FIELDS = ("title", "text", "people", "places", "organisations")
_MIN_PREFIX = 2
_CLAUSE = regex.compile(
    r'\s*(?P<neg>-)?(?:(?P<field>\p{L}+):)?(?:"(?P<phrase>[^"]*)"(?P<pstar>\*)?|(?P<word>[^\s"]+))')


@dataclass(frozen=True)
class Clause:
    """One part of a query: analysed ``terms`` at phrase ``offsets`` (stop words leave
    gaps, as in the index); ``prefix`` makes the last term a prefix."""

    terms: tuple[str, ...]
    offsets: tuple[int, ...]
    field: str | None = None
    prefix: bool = False
    negated: bool = False


def _positions(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    found = index_positions(text)
    first = found[0][1] if found else 0
    return tuple(t for t, _ in found), tuple(p - first for _, p in found)


def _clause(raw: str, field: str | None, neg: bool, star: bool) -> Clause | None:
    if field is not None and field not in FIELDS:
        raise SearchIndexError(f"unknown field {field!r} in the query "
                               f"(fields: {', '.join(FIELDS)})")
    if raw.endswith("*"):
        raw, star = raw[:-1], True
    if "*" in raw:
        raise SearchIndexError(f"'*' only ends a word (a prefix), not inside {raw!r}")
    if star:
        return _prefix_clause(raw, field, neg)
    analysed, offsets = _positions(raw)
    if not analysed:
        return None
    return Clause(analysed, offsets, field, False, neg)


def _prefix_clause(raw: str, field: str | None, neg: bool) -> Clause:
    """``word*`` or ``"some words pref*"``: the words before, then the prefix at the
    position it has in the text (counting the stop words before it)."""
    tokens = tokens_of(raw)
    if not tokens or len(tokens[-1]) < _MIN_PREFIX:
        raise SearchIndexError(f"a prefix needs at least {_MIN_PREFIX} letters before '*'")
    head = index_positions(" ".join(tokens[:-1]))
    found = [*head, (prefix_term(tokens[-1]), len(tokens) - 1)]
    first = found[0][1]
    return Clause(tuple(t for t, _ in found), tuple(p - first for _, p in found),
                  field, True, neg)


def parse_query(query: str) -> list[Clause]:
    """The clauses of ``query``; raises SearchIndexError when it is malformed."""
    if query.count('"') % 2:
        raise SearchIndexError('unbalanced quote in the query: close the phrase with "')
    clauses: list[Clause] = []
    pos = 0
    text = query.strip()
    while pos < len(text):
        m = _CLAUSE.match(text, pos)
        if m is None or m.end() == pos:
            raise SearchIndexError(f"cannot read the query near {text[pos:pos + 20]!r}")
        pos = m.end()
        quoted = m["phrase"] is not None
        raw = m["phrase"] if quoted else m["word"]
        if raw is None or (not raw.strip() and not quoted):
            raise SearchIndexError("a '-' or 'field:' must be followed by a word")
        clause = _clause(raw, m["field"], bool(m["neg"]), bool(m["pstar"]))
        if clause is not None:
            clauses.append(clause)
    if not [c for c in clauses if not c.negated]:
        raise SearchIndexError(f"nothing to search for in {query!r} "
                               "(empty, only stop words, or only excluded words)")
    return clauses

"""Queries against a run's index: hits with path, date, score and a snippet.

The query is parsed by :mod:`pressclean.querysyntax` and built into tantivy queries
over the pre-analysed fields; filters (date range, publication, entity) are required
clauses that do not score. Snippets are cut from the record's clean text on disk, with
the matched words marked, using the same analysis as the index so "entreprise" marks
"entreprises" and "besancon" marks "Besançon".
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from pressclean.analysis import fold, index_positions, term_spans
from pressclean.exceptions import SearchIndexError
from pressclean.index import date_number, open_index, schema
from pressclean.nlp import tantivy_module
from pressclean.querysyntax import Clause, parse_query

_TITLE_BOOST = 2.0
_SNIPPET_CHARS = 160
MARK_START, MARK_END = "**", "**"


@dataclass(frozen=True)
class Filters:
    """Restrictions that do not change scores: ISO dates, publication, entity name."""

    date_from: str | None = None
    date_to: str | None = None
    publication: str | None = None
    entity: str | None = None


@dataclass(frozen=True)
class Hit:
    path: str
    record: str
    date: str | None
    score: float
    title: str
    publication: str | None
    page: Any
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _field_query(clause: Clause, field: str) -> Any:
    tv = tantivy_module()
    sch = schema()
    if clause.prefix and len(clause.terms) == 1:
        return tv.Query.regex_query(sch, field, regex.escape(clause.terms[0]) + ".*")
    words = list(zip(clause.offsets, clause.terms, strict=True))
    if clause.prefix:
        return tv.Query.phrase_prefix_query(sch, field, words)
    if len(clause.terms) > 1:
        return tv.Query.phrase_query(sch, field, words)
    return tv.Query.term_query(sch, field, clause.terms[0])


def _clause_query(clause: Clause) -> Any:
    """A word or phrase: in the text, scored higher when it is also in the title."""
    tv = tantivy_module()
    if clause.field is not None:
        return _field_query(clause, clause.field)
    title = tv.Query.boost_query(_field_query(clause, "title"), _TITLE_BOOST)
    return tv.Query.boolean_query([(tv.Occur.Must, _field_query(clause, "text")),
                                   (tv.Occur.Should, title)])


def _filter_queries(filters: Filters) -> list[Any]:
    tv = tantivy_module()
    sch = schema()
    out = []
    lo, hi = date_number(filters.date_from), date_number(filters.date_to)
    for given, number in ((filters.date_from, lo), (filters.date_to, hi)):
        if given and number is None:
            raise SearchIndexError(f"not a date: {given!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if filters.date_to and hi is not None and len(filters.date_to) < 10:
        hi += 99 if len(filters.date_to) == 7 else 1199  # the whole month / year
    if lo is not None or hi is not None:
        out.append(tv.Query.range_query(sch, "date", tv.FieldType.Integer, lo, hi))
    if filters.publication:
        out.append(tv.Query.term_query(sch, "publication_key", fold(filters.publication)))
    if filters.entity:
        words = index_positions(filters.entity)
        if not words:
            raise SearchIndexError(f"nothing to match in the entity {filters.entity!r}")
        out.append(tv.Query.phrase_query(sch, "entities", [(p, t) for t, p in words])
                   if len(words) > 1 else tv.Query.term_query(sch, "entities", words[0][0]))
    return out


def build_query(query: str, filters: Filters) -> tuple[Any, list[Clause]]:
    tv = tantivy_module()
    clauses = parse_query(query)
    parts = [(tv.Occur.MustNot if c.negated else tv.Occur.Must, _clause_query(c))
             for c in clauses]
    parts += [(tv.Occur.Must, tv.Query.const_score_query(q, 0.0))
              for q in _filter_queries(filters)]
    return tv.Query.boolean_query(parts), clauses


def snippet(text: str, clauses: list[Clause], width: int = _SNIPPET_CHARS) -> str:
    """The passage of ``text`` with the most query words, matched words marked."""
    wanted = {t for c in clauses if not c.negated for t in c.terms[:-1] if c.prefix}
    wanted |= {t for c in clauses if not c.negated and not c.prefix for t in c.terms}
    prefixes = tuple(c.terms[-1] for c in clauses if c.prefix and not c.negated)
    hits = [(s, e) for t, s, e in term_spans(text)
            if t in wanted or (prefixes and t.startswith(prefixes))]
    if not hits:
        return " ".join(text[:width].split())
    starts = [s for s, _ in hits]
    best = max(range(len(hits)), key=lambda i: bisect_left(starts, starts[i] + width) - i)
    start = max(0, hits[best][0] - width // 4)
    end = min(len(text), start + width)
    pieces, pos = [], start
    for s, e in hits:
        if s >= start and e <= end:
            pieces += [text[pos:s], MARK_START, text[s:e], MARK_END]
            pos = e
    pieces.append(text[pos:end])
    body = " ".join("".join(pieces).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def _record_text(out_dir: Path, key: str) -> str:
    try:
        return str(json.loads((out_dir / key).read_text(encoding="utf-8"))["clean_text"])
    except (OSError, ValueError, KeyError):
        return ""


_OPEN: dict[Path, Any] = {}


def _opened(out_dir: Path) -> Any:
    """The index of ``out_dir``, opened once per process and reloaded to see new commits
    (a script or a server asking many queries pays the opening once)."""
    index = _OPEN.get(out_dir)
    if index is None:
        index = _OPEN[out_dir] = open_index(out_dir)
    else:
        index.reload()
    return index


def search(out_dir: Path, query: str, filters: Filters | None = None,
           limit: int = 10) -> tuple[int, list[Hit]]:
    """(number of matching documents, the best ``limit`` hits)."""
    index = _opened(out_dir.resolve())
    tv_query, clauses = build_query(query, filters or Filters())
    searcher = index.searcher()
    try:
        result = searcher.search(tv_query, limit=limit, count=True)
    except ValueError as exc:
        raise SearchIndexError(f"the query failed: {exc}") from exc
    hits = []
    for score, address in result.hits:
        display = json.loads(searcher.doc(address)["display"][0])
        text = _record_text(out_dir, display["record"])
        hits.append(Hit(path=display["path"], record=display["record"], date=display["date"],
                        score=round(float(score), 4), title=display["title"],
                        publication=display["publication"], page=display["page"],
                        snippet=snippet(text, clauses) if text else display["title"]))
    return int(result.count or 0), hits

"""Dates mentioned in French text: "le 2 juillet", "26 septembre 2012", "08/10/2025",
"du 22 au 25 septembre 2020", "septembre 2020", and years after a cue ("en 2019",
"d'ici 2030", from ``data/fr/year_cues.txt``; a bare number may be anything).

A date without a year is resolved against the issue date (``doc.meta["date"]``): the
year that puts it closest to the issue, a day ahead counting as two behind, since a
paper reports the recent past more than it announces. Without an issue date it stays
``--MM-DD`` (ISO 8601 month-day).
Month names come from ``data/fr/months.txt``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import regex

from pressclean.wordlists import int_map, word_set

_DAY = r"(?:1er|[0-3]?\d)"


@cache
def _patterns() -> tuple[regex.Pattern[str], ...]:
    months = sorted(int_map("fr/months.txt"), key=len, reverse=True)
    month = "(?P<month>" + "|".join(regex.escape(m) for m in months) + r")\.?"
    year = r"(?:\s+(?P<year>1[6-9]\d\d|20\d\d))?"
    textual = regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?P<day1>{_DAY})\s+(?:au|et|-|–)\s+)?(?P<day>{_DAY})\s+{month}{year}"
        r"(?![\p{L}])", regex.IGNORECASE)
    month_year = regex.compile(
        rf"(?<![\p{{L}}\d]){month}\s+(?P<year>1[6-9]\d\d|20\d\d)(?!\d)", regex.IGNORECASE)
    numeric = regex.compile(
        r"(?<![\d/.])(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:1[6-9]|20)\d\d)"
        r"(?![\d/])")
    cues = "|".join(regex.escape(c) for c in sorted(word_set("fr/year_cues.txt"), key=len,
                                                        reverse=True))
    year_only = regex.compile(rf"(?<![\p{{L}}])(?:{cues})\s+(?P<year>1[6-9]\d\d|20\d\d)(?![\d])",
                              regex.IGNORECASE)
    return textual, month_year, numeric, year_only


def _issue_date(meta_date: Any) -> dt.date | None:
    """The issue date from metadata ("2020-07-10", "2020-07", "2020"), else None."""
    if not meta_date:
        return None
    text = str(meta_date)
    for size, fill in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return dt.date.fromisoformat(text[:size] + fill)
        except ValueError:
            continue
    return None


def _resolve(day: int, month: int, year: int | None, issue: dt.date | None) -> str | None:
    """ISO date (or ``--MM-DD`` when no year is known); None if it is no real date."""
    if year is not None:
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if issue is None:
        return f"--{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    best: dt.date | None = None
    for y in (issue.year - 1, issue.year, issue.year + 1):
        try:
            cand = dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or _distance(cand, issue) < _distance(best, issue):
            best = cand
    return best.isoformat() if best else None


def _distance(day: dt.date, issue: dt.date) -> int:
    """Days from the issue, the future counting double: papers report more than announce."""
    delta = (day - issue).days
    return 2 * delta if delta > 0 else -delta


def _day(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def find_dates(text: str, issue_date: Any = None) -> list[dict[str, Any]]:
    """Every date mention, in text order: ``{"text", "date", "start", "end", "from"}``.

    ``from`` says how the year was found: "text", "issue date" or "none".
    """
    issue = _issue_date(issue_date)
    textual, month_year, numeric, year_only = _patterns()
    months = int_map("fr/months.txt")
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []

    def add(span: tuple[int, int], iso: str | None, year_known: bool) -> None:
        if iso is None or any(s < span[1] and span[0] < e for s, e in taken):
            return
        taken.append(span)
        source = "text" if year_known else ("issue date" if issue else "none")
        found.append({"text": text[span[0]:span[1]], "date": iso, "start": span[0],
                      "end": span[1], "from": source})

    for m in numeric.finditer(text):
        add(m.span(), _resolve(int(m["day"]), int(m["month"]), int(m["year"]), None), True)
    for m in textual.finditer(text):
        month = months[m["month"].lower()]
        year = int(m["year"]) if m["year"] else None
        if m["day1"]:
            first = _resolve(_day(m["day1"]), month, year, issue)
            add((m.start("day1"), m.end("day1")), first, year is not None)
        add((m.start("day"), m.end()), _resolve(_day(m["day"]), month, year, issue),
            year is not None)
    for m in month_year.finditer(text):
        add(m.span(), f"{int(m['year']):04d}-{months[m['month'].lower()]:02d}", True)
    for m in year_only.finditer(text):
        add((m.start("year"), m.end("year")), m["year"], True)
    return sorted(found, key=lambda d: d["start"])

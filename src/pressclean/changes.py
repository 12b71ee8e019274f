"""Corrections grouped into the changed regions a reader sees, and checked against text.

Stages edit in layers, so corrections can nest (a spell fix inside a reflowed
region) or overlap. Displays need disjoint regions: :func:`change_groups` merges
corrections whose source or output spans overlap, like ``EditLog.net_spans`` does, and
keeps which corrections each region holds. ``pressclean clean -o`` writes the clean text
and its corrections but not the source, so :func:`rebuild_source` recovers the source
from them (every ``before`` is a source slice, the rest is unchanged text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pressclean.document import Correction
from pressclean.exceptions import DataFileError


@dataclass(frozen=True)
class ChangeGroup:
    """One disjoint changed region and the indices of the corrections inside it."""

    in_start: int
    in_end: int
    out_start: int
    out_end: int
    members: tuple[int, ...]


def change_groups(corrections: Sequence[Correction]) -> list[ChangeGroup]:
    """Disjoint regions, in text order; nested or overlapping corrections share one."""
    order = sorted(range(len(corrections)),
                   key=lambda i: (corrections[i].in_start, corrections[i].in_end,
                                  corrections[i].out_start))
    groups: list[list[int]] = []  # [in_s, in_e, out_s, out_e, *members]
    for i in order:
        c = corrections[i]
        if groups:
            g = groups[-1]
            if c.in_start < g[1] or c.out_start < g[3]:
                g[1], g[3] = max(g[1], c.in_end), max(g[3], c.out_end)
                g.append(i)
                continue
        groups.append([c.in_start, c.in_end, c.out_start, c.out_end, i])
    return [ChangeGroup(g[0], g[1], g[2], g[3], tuple(g[4:])) for g in groups]


def check_corrections(source: str, clean: str, corrections: Sequence[Correction],
                      where: object) -> None:
    """Refuse corrections that do not index these texts (e.g. a .txt edited by hand)."""
    for n, c in enumerate(corrections, start=1):
        if not (0 <= c.in_start <= c.in_end <= len(source)
                and 0 <= c.out_start <= c.out_end <= len(clean)):
            raise DataFileError(where, None, f"correction {n} lies outside the text "
                                "(text and corrections do not belong together)")
        if source[c.in_start:c.in_end] != c.before:
            raise DataFileError(where, None, f"correction {n}: source text at "
                                f"{c.in_start}-{c.in_end} is not {c.before!r}")
        if clean[c.out_start:c.out_end] != c.after:
            raise DataFileError(where, None, f"correction {n}: clean text at "
                                f"{c.out_start}-{c.out_end} is not {c.after!r} "
                                "(was the clean text edited after the run?)")


def rebuild_source(clean: str, corrections: Sequence[Correction], where: object) -> str:
    """The source text ``corrections`` turned into ``clean``.

    Outside changed regions the source equals the clean text (shifted); inside, each
    correction's ``before`` is the source slice it covers. Inconsistent corrections
    raise :class:`DataFileError` naming ``where``.
    """
    parts: list[str] = []
    in_pos = out_pos = 0
    for g in change_groups(corrections):
        if g.in_start - in_pos != g.out_start - out_pos or g.out_start > len(clean):
            raise DataFileError(where, None, "corrections do not fit the clean text "
                                f"(region at output offset {g.out_start})")
        parts.append(clean[out_pos:g.out_start])
        chars: list[str | None] = [None] * (g.in_end - g.in_start)
        for i in g.members:
            c = corrections[i]
            if len(c.before) != c.in_end - c.in_start:
                raise DataFileError(where, None, f"correction at {c.in_start}-{c.in_end}: "
                                    f"{c.before!r} does not have that length")
            for k, ch in enumerate(c.before):
                chars[c.in_start - g.in_start + k] = ch
        if any(ch is None for ch in chars):
            raise DataFileError(where, None, "corrections leave a gap in the source "
                                f"text at {g.in_start}-{g.in_end}")
        parts.append("".join(ch for ch in chars if ch is not None))
        in_pos, out_pos = g.in_end, g.out_end
    parts.append(clean[out_pos:])
    source = "".join(parts)
    check_corrections(source, clean, corrections, where)
    return source

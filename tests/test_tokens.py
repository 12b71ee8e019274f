"""Tokens: the runs the stages look at."""

from __future__ import annotations

import sys

import regex

from pressclean.tokens import _RUN, tokenize


def test_runs_split_at_exactly_the_unicode_white_space_regex_knows() -> None:
    """``_RUN`` spells out regex's \\S+ for the standard ``re``: over every code point
    it finds the same runs (``re``'s own \\s would also split at U+001C–U+001F)."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    want = [m.span() for m in regex.finditer(r"\S+", every)]
    assert [m.span() for m in _RUN.finditer(every)] == want
    assert len(want) == 11  # the 25 white-space characters cut the code points in 11 runs


def test_tokens_keep_offsets_elisions_and_confusable_glyphs() -> None:
    text = "«\u00a0l'Académie\u202f» [e\x1cpôle, jusqu’au 12e"
    got = [(t.start, t.end, t.elision, t.word) for t in tokenize(text)]
    assert got == [(2, 12, "l'", "Académie"), (15, 22, "", "[e\x1cpôle"),
                   (24, 32, "jusqu’", "au"), (33, 36, "", "12e")]
    assert all(text[s:e].endswith(w) for s, e, _, w in got)

"""Tokens: the runs the stages look at."""

from __future__ import annotations

import sys

import pytest
import regex

from pressclean.model import lm_tokens
from pressclean.tokens import (
    _RUN,
    NUMBER,
    case_like,
    is_numberish,
    is_roman,
    lm_word,
    split_as_printed,
    tokenize,
)


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


@pytest.mark.parametrize(("word", "words", "printed"), [
    ("proximitéet", ("proximité", "et"), "proximité et"),
    ("Egtised'Irtande", ("eglise", "d'", "irlande"), "Eglise d'Irlande"),
    ("O'Connelltorsqu'iLa", ("o'connell", "lorsqu'", "il", "a"), "O'Connell lorsqu'il a"),
    ("ILapparait", ("il", "apparait"), "Il apparait"),  # a capital, not capitals
    ("del’espoir", ("de", "l'", "espoir"), "de l’espoir"),  # the printed apostrophe kept
])
def test_a_split_keeps_the_case_and_apostrophe_each_piece_was_printed_in(
        word: str, words: tuple[str, ...], printed: str) -> None:
    assert split_as_printed(word, words) == printed


@pytest.mark.parametrize("word", [
    "12", "1er", "3°", "20fr", "12e", "II", "XIV", "XVIe", "MDCCCLX", "Ier", "Ire", "Ve",
    "IIe", "XVl", "Xll", "xixe", "iii", "DIX"])
def test_numbers_ordinals_and_roman_numerals_are_numberish(word: str) -> None:
    assert is_numberish(word)


@pytest.mark.parametrize("word", [
    # words of roman letters that are no well-formed numeral, or not in capitals
    "il", "Il", "IL", "ville", "mille", "vide", "civil", "dix", "vie", "mi", "ci",
    # what OCR makes of "le" and "Il", and single-letter ordinals that are words
    "Ie", "Ill", "Ile", "Le", "De", "Ce", "Me", "iiv"])
def test_words_of_roman_letters_are_words(word: str) -> None:
    assert not is_numberish(word)


def test_a_lower_cased_count_of_a_roman_numeral_is_known_as_one() -> None:
    """The model counts words lower-cased: its "ii" was "II"; "il" never was one."""
    assert [w for w in ("ii", "xi", "dix", "mi", "il", "vie", "m", "ville") if is_roman(w)] \
        == ["ii", "xi", "dix", "mi"]


def test_the_speller_reads_numbers_as_the_model_counted_them() -> None:
    """The model counts every number as one word ("à <num>"); a number next to a word
    being weighed must be looked up the same way, or its context is never found."""
    text = "condamné à 50 francs, le 1er mai à 9 h. 30"
    counted = lm_tokens(text)
    assert counted == ["condamné", "à", NUMBER, "francs", "le", "1er", "mai", "à", NUMBER,
                       "h", NUMBER]
    assert [lm_word(t) for t in tokenize(text)] == counted


@pytest.mark.parametrize(("printed", "word", "written"), [
    ("Daus", "dans", "Dans"),
    ("DAUS", "dans", "DANS"),
    ("daus", "dans", "dans"),
    # a capital after an apostrophe or a hyphen survives the repair of the name
    ("0'Connelt", "o'connell", "O'Connell"),
    ("Saint-Etiene", "saint-étienne", "Saint-Étienne"),
    # ... and a part printed in lower case stays so
    ("L'eprès-midi", "l'après-midi", "L'après-midi"),
    # the parts do not match: only the first letter's case is given
    ("Saint Etiene", "saint-étienne", "Saint-étienne"),
])
def test_a_repair_is_written_in_the_case_it_was_printed_in(printed: str, word: str,
                                                            written: str) -> None:
    assert case_like(printed, word) == written

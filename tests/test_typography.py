"""One apostrophe style per page read by OCR."""

from __future__ import annotations

import regex

from pressclean.document import Word
from pressclean.pipeline import Cleaner
from pressclean.typography import apostrophe_edits

MIXED = "l’avion d’un homme qu'on aime, c'est l‘été."


def _ocr_words(text: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end(), conf=90.0) for m in regex.finditer(r"\S+", text)]


def test_curly_apostrophes_set_the_style_of_the_straight_ones() -> None:
    edits = apostrophe_edits(MIXED)
    assert [(MIXED[e.start:e.end], e.replacement, e.rule) for e in edits] == [
        ("'", "’", "apostrophe-style"), ("'", "’", "apostrophe-style"),
        ("‘", "’", "apostrophe-style")]


def test_a_stray_curly_apostrophe_sets_no_style() -> None:
    text = "l'avion d'un homme qu'on aime, c'est l'été d’Alice."
    assert apostrophe_edits(text) == []
    # a "‘" between letters is an apostrophe all the same, in the straight style here
    assert [e.replacement for e in apostrophe_edits("l'avion d'un l‘été")] == ["'"]


def test_a_few_curly_apostrophes_among_many_straight_ones_set_the_style() -> None:
    # a worn curly page: the engine kept 2 of its 20 apostrophes curly
    text = " ".join(["l'eau"] * 18 + ["d’un", "l’air"])
    edits = apostrophe_edits(text)
    assert len(edits) == 18 and {e.replacement for e in edits} == {"’"}
    # a long straight document with two strays keeps its straight apostrophes
    assert apostrophe_edits(" ".join(["l'eau"] * 98 + ["d’un", "l’air"])) == []


def test_quotes_and_apostrophes_outside_words_are_left_alone() -> None:
    assert apostrophe_edits("‘Oui’, dit-il, d’accord, c’est ’90.") == []


def test_only_text_read_from_a_page_is_restyled(cleaner: Cleaner) -> None:
    assert cleaner.clean_text(MIXED).clean_text == MIXED  # digital text may mix styles
    doc = cleaner.clean_text(MIXED, words=_ocr_words(MIXED))
    assert doc.clean_text == "l’avion d’un homme qu’on aime, c’est l’été."
    fixes = [c for c in doc.corrections if c.rule == "apostrophe-style"]
    assert len(fixes) == 3 and all(c.stage == "layout" for c in fixes)
    assert all(MIXED[c.in_start:c.in_end] == c.before for c in fixes)

"""The character model behind the prior of unknown forms (``wordshape``)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from pressclean.lexicon import Lexicon
from pressclean.pipeline import Cleaner
from pressclean.wordshape import ORDER, WordShape, load_word_shape

WORDS = ["maison", "raison", "saison", "liaison", "maisons", "raisons", "la", "de"]


def test_letters_of_the_words_it_learned_score_higher_than_unseen_ones() -> None:
    shape = WordShape.build(WORDS)
    assert shape.logp("poison", -99) > shape.logp("pxqzon", -99)
    # Witten–Bell gives an unseen continuation a share, never zero
    assert math.isfinite(shape.logp("zzz", -99))


def test_probabilities_of_the_next_letter_sum_to_one() -> None:
    shape = WordShape.build(WORDS)
    letters = sorted({c for w in WORDS for c in w} | {"$"})
    for history in ("^^^", "^ma", "ais", "xyz"):
        # the letters it saw, plus one share for every letter it never saw
        seen = sum(shape.next_p(history, c) for c in letters)
        assert seen + shape.next_p(history, "#") == pytest.approx(1.0), history


def test_a_letter_costs_at_most_the_floor() -> None:
    shape = WordShape.build(WORDS)
    # three symbols never seen (each under 1 in 10) cost the floor each; the end
    # after them (likelier) its own
    end = math.log10(shape.next_p("###", "$"))
    assert end > -1.0
    assert shape.logp("###", -1.0) == pytest.approx(-3.0 + end)
    assert shape.logp("###", -99) < -3.0 + end - 3


def test_an_apostrophe_parts_the_form_into_words() -> None:
    shape = WordShape.build(WORDS)
    assert shape.logp("de'la", -3.0) == pytest.approx(shape.logp("de", -3.0)
                                                      + shape.logp("la", -3.0))
    assert shape.logp("de’la", -3.0) == pytest.approx(shape.logp("de'la", -3.0))


def test_the_model_is_cached_on_disk_by_the_lexicon_fingerprint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSCLEAN_CACHE", str(tmp_path))
    lexicon = Lexicon(counts={w: 1000.0 for w in WORDS}, fingerprint="abc")
    built = load_word_shape(lexicon)
    files = list((tmp_path / "pressclean").glob(f"wordshape-abc-{ORDER}-*.pickle"))
    assert len(files) == 1
    lexicon.counts.clear()  # the cache, not the (now empty) lexicon, answers
    again = load_word_shape(lexicon)
    assert again.logp("maison", -3.0) == built.logp("maison", -3.0)


def test_french_looking_unknown_forms_are_likelier_words_than_misreadings(
        cleaner: Cleaner) -> None:
    prior = cleaner.resources.speller.prior
    # words the lexicon lacks, against OCR errors of about the same length
    for word, misread in [("coorganisés", "énorniitéss"), ("salpingites", "gouverneinen"),
                          ("taverjon", "ctientèl")]:
        assert prior(word)[0] > prior(misread)[0] + 1, (word, misread)
    # a symbol among letters costs more than a rare sequence of letters
    assert prior("mai5on")[0] < prior("maizon")[0] - 3

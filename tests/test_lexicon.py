"""The lexicon: wordfreq's French list, cleaned of the web's misspellings."""

from __future__ import annotations

import pytest

from pressclean.lexicon import Lexicon


@pytest.mark.parametrize(("misspelt", "word"), [
    ("prefet", "préfet"),  # no accent at all
    ("declaré", "déclaré"),  # an accent missing, the other one there
    ("verité", "vérité"),
    ("reservés", "réservés"),
])
def test_a_web_spelling_missing_an_accent_is_not_a_word(lexicon: Lexicon, misspelt: str,
                                                         word: str) -> None:
    assert lexicon.known(word)
    assert not lexicon.known(misspelt)


@pytest.mark.parametrize("word", [
    # a verb and its participle differ in their last letter only: both are words
    "désole", "dédie", "spécialise",
    # a historical spelling is a word
    "enfans", "tems",
])
def test_words_that_only_look_like_a_missing_accent_stay_words(lexicon: Lexicon,
                                                               word: str) -> None:
    assert lexicon.known(word)

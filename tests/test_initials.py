"""A sentence's first "Il" misread as a number, a numeral or a lone capital."""

from __future__ import annotations

import pytest

from pressclean.pipeline import Cleaner


@pytest.mark.parametrize(("ocr", "clean"), [
    ("La séance est levée. 11 est minuit.", "La séance est levée. Il est minuit."),
    ("II faut partir.", "Il faut partir."),
    ("Tout est dit. I] y a du monde.", "Tout est dit. Il y a du monde."),
    ("FIGARO. H n'y a que les bateleurs.", "FIGARO. Il n'y a que les bateleurs."),
    ("Il pleut.\n\n« II y a du vent », dit-il.", "Il pleut.\n\n« Il y a du vent », dit-il."),
])
def test_a_misread_first_il_is_restored(cleaner: Cleaner, ocr: str, clean: str) -> None:
    doc = cleaner.clean_text(ocr)
    assert doc.clean_text == clean
    [fix] = [c for c in doc.corrections if c.rule == "initial"]
    assert (fix.stage, fix.after) == ("spell", "Il")
    assert ocr[fix.in_start:fix.in_end] == fix.before


@pytest.mark.parametrize("text", [
    "Le train part à 10 h. 11 h. 30 arrivée à Dole.",  # a time: "h." does not follow "il"
    "CHAPITRE II. Les faits.",  # a numeral before a capital
    "II. Les faits sont connus.",  # a heading: the numeral ends with a dot
    "Napoléon II a régné peu.",  # mid-sentence numeral
    "Portena C. R est arrivé.",  # a capital after an initial starts no sentence
    "Fin. Sil était là, il viendrait.",  # a letter more than the pronoun
    "Fin. A cette heure il dort.",  # one-letter words that do start sentences
    "Le maire de\n11 communes a voté.",  # a line break inside a sentence (lines kept)
    "Fin. M le maire est venu.",  # an abbreviation, protected
    "Le vote. 2 ont voté pour, 7 contre.",  # a count: no digit but "1" looks like "l"
    "Fin. 4 sont partis.",
])
def test_numbers_numerals_and_initials_stay(cleaner: Cleaner, text: str) -> None:
    assert not [c for c in cleaner.clean_text(text).corrections if c.rule == "initial"]


def test_restoring_is_idempotent(cleaner: Cleaner) -> None:
    once = cleaner.clean_text("Tout est dit. 11 y a du monde.").clean_text
    assert cleaner.clean_text(once).clean_text == once


@pytest.mark.parametrize("text", [
    "Il me-sure ses mots.",  # "à mesure" is a likelier pair than "il mesure"
    "La salle se tait. Il me-sure ses mots.",
])
def test_a_sentence_s_first_il_is_kept_as_printed(cleaner: Cleaner, text: str) -> None:
    """"il" stood for "à" one time in twenty in training, but a sentence's first "Il"
    almost never did: weighed after the model's sentence start ``<s>``, not after the
    sentence before, "il" opens far more sentences than "à"."""
    assert cleaner.clean_text(text).clean_text == text

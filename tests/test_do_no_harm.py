"""Clean text stays clean; cleaning is idempotent; typography survives."""

from __future__ import annotations

import pytest

from pressclean.metrics import wer_counts
from pressclean.pipeline import Cleaner

from .conftest import SEEDS

CLEAN_SEEDS = ["001_article.txt", "002_article.txt", "003_article.txt", "004_article.txt"]


def test_clean_press_text_is_almost_untouched(cleaner: Cleaner) -> None:
    changed = total = 0
    for name in CLEAN_SEEDS:
        text = (SEEDS / name).read_text(encoding="utf-8")
        out = cleaner.clean_text(text).clean_text
        counts = wer_counts(text, out)
        changed += counts.errors
        total += counts.ref_len
    assert total > 2000
    assert changed / total <= 0.002


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_typographic_quotes_and_apostrophes_survive(cleaner: Cleaner, name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    out = cleaner.clean_text(text).clean_text
    for mark in "’«»—€":
        assert out.count(mark) == text.count(mark)


@pytest.mark.parametrize("name", [*CLEAN_SEEDS, "000_part1.ocr.txt"])
def test_cleaning_twice_equals_cleaning_once(cleaner: Cleaner, name: str) -> None:
    once = cleaner.clean_text((SEEDS / name).read_text(encoding="utf-8")).clean_text
    assert cleaner.clean_text(once).clean_text == once


def test_a_word_kept_before_a_correction_is_weighed_again_with_it(cleaner: Cleaner) -> None:
    # "deç" was weighed before "chemina"; with "chemins" beside it, it is "des": cleaning
    # the output again used to find that change still to make
    once = cleaner.clean_text("et sans parler deç chemina de fer de l'Etat")
    assert once.clean_text == "et sans parler des chemins de fer de l'Etat"
    assert [(c.before, c.after) for c in once.corrections] == [("deç", "des"),
                                                                 ("chemina", "chemins")]
    assert cleaner.clean_text(once.clean_text).clean_text == once.clean_text


def test_a_repair_is_weighed_again_as_if_it_were_printed(cleaner: Cleaner) -> None:
    # the glyph repair "fenètre" is a rare word whose own repair is "fenêtre": both are
    # made at once, under both rules, instead of one per clean
    once = cleaner.clean_text("Elle s'est jetée par la feiiètro de la cuisine.")
    assert once.clean_text == "Elle s'est jetée par la fenêtre de la cuisine."
    assert [(c.before, c.after, c.rule) for c in once.corrections] == [
        ("feiiètro", "fenêtre", "channel:glyph+channel:glyph")]
    assert cleaner.clean_text(once.clean_text).clean_text == once.clean_text


@pytest.mark.parametrize("text", [
    "M. Dupont, Mme Durand et MM. Lefèvre ont reçu 1 250 000 € le 26 septembre 2012.",
    "Le CNRS, l'ENSMM et FEMTO-ST travaillent à Besançon, rue Mégevand, n° 16.",
    "Les enfans des départemens avoient, en ce tems-là, des mœurs simples.",
    "Jean-Pierre Vuillemin et Xavier Chopard-Lallier dirigent la société Cheval Frères.",
    "Appuyez sur F10 ; le fichier s'ouvre sur un poste x86 de l'équipe l10n, vol AF66.",
])
def test_names_numbers_and_old_spellings_are_left_alone(cleaner: Cleaner, text: str) -> None:
    assert cleaner.clean_text(text).clean_text == text

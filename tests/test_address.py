"""Second-person forms are left as printed where the text speaks to "tu"."""

from __future__ import annotations

from pressclean.address import WINDOW, addressed
from pressclean.pipeline import Cleaner

PROSE = "Le maire a visité ta ville de Besançon."


def _changed(cleaner: Cleaner, text: str) -> list[tuple[str, str]]:
    return [(c.before, c.after) for c in cleaner.clean_text(text).corrections
            if c.stage != "layout"]


def test_in_prose_a_t_read_for_l_is_still_mended(cleaner: Cleaner) -> None:
    assert _changed(cleaner, PROSE) == [("ta", "la")]


def test_near_tu_or_toi_the_second_person_stays(cleaner: Cleaner) -> None:
    for text in ("Et toi, Figaro, quelles seront tes attributions ?",
                 "Tu sais que le maire a visité ta ville de Besançon.",
                 "Le maire a visité ta ville de Besançon, le sais-tu ?"):
        doc = cleaner.clean_text(text)
        assert doc.clean_text == text and not doc.corrections, text


def test_a_mark_too_far_away_or_the_form_itself_does_not_count(cleaner: Cleaner) -> None:
    far = "Tu le sais. " + "Il pleut. " * (WINDOW // 2 + 1) + PROSE
    assert ("ta", "la") in _changed(cleaner, far)
    text = "tu ta toi"
    # "tu" and "toi" mark each other; each is a mark for "ta", never for itself
    assert addressed(text) == frozenset({0, 1, 2})
    assert addressed("ta tu") == frozenset({0})
    assert addressed("ta") == frozenset()
    assert addressed("tu") == frozenset()


def test_an_elided_t_near_a_mark_is_a_second_person_form_too() -> None:
    # tokens: Tu(0) sais(1) t'avances(2) l'avenue(3) t’aime(4); "t'" and "t’" alike
    assert addressed("Tu sais, t'avances l'avenue t’aime") == frozenset({2, 4})
    assert addressed("Il sait, t'avances") == frozenset()
    assert addressed("tu dit-t'il") == frozenset()  # inside a longer token, not elided

"""Lost spaces: a merged form is split into words, a prefixed compound is not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pressclean.exceptions import DataFileError
from pressclean.lexicon import load_lexicon
from pressclean.pipeline import Cleaner
from pressclean.splits import Splitter


def _splitter(cleaner: Cleaner) -> Splitter:
    return cleaner.resources.speller.gen._splitter


@pytest.mark.parametrize(("form", "words"), [
    ("proximitéet", ("proximité", "et")),
    ("sansptomb", ("sans", "plomb")),  # a piece read through a glyph confusion
    ("duredepuis", ("dure", "depuis")),  # "du" + "re…": no compound, no better reading
    # a prefix glued to its word is one piece, whatever else lost its space
    ("microentreprisesde", ("microentreprises", "de")),
    ("lesinterentreprises", ("les", "interentreprises")),
])
def test_merged_words_are_split(cleaner: Cleaner, form: str, words: tuple[str, ...]) -> None:
    assert _splitter(cleaner).best(form) == words


@pytest.mark.parametrize(("form", "parts"), [
    ("transrégionale", ("trans", "régionale")),
    ("interentreprises", ("inter", "entreprises")),
    ("multiservices", ("multi", "services")),
    ("métacaractère", ("méta", "caractère")),
])
def test_a_productive_prefix_on_a_word_makes_a_compound_not_two_words(
        cleaner: Cleaner, form: str, parts: tuple[str, ...]) -> None:
    splitter = _splitter(cleaner)
    assert splitter.best(form) is None
    # the prefix list is what keeps them whole: both parts are common words
    bare = Splitter(dataclasses.replace(splitter.lexicon, prefixes=set()), splitter.channel,
                    splitter._vocabulary)
    assert bare.best(form) == parts


def test_a_lost_space_is_put_back_and_a_prefixed_compound_kept(cleaner: Cleaner) -> None:
    doc = cleaner.clean_text("Le prix de l'essence sansplomb a encore augmenté.")
    assert doc.clean_text == "Le prix de l'essence sans plomb a encore augmenté."
    assert [c.rule for c in doc.corrections] == ["split"]
    kept = "Une coopération transrégionale entre les pôles des microtechniques."
    assert cleaner.clean_text(kept).clean_text == kept


def test_the_user_s_prefixes_widen_the_packaged_list(tmp_path: Path) -> None:
    (tmp_path / "prefixes.txt").write_text("# mine\nnano\n", encoding="utf-8")
    lexicon = load_lexicon(tmp_path)
    assert {"nano", "trans", "micro"} <= lexicon.prefixes
    assert "sur" not in lexicon.prefixes  # a free-standing word: "surla" is "sur la"


def test_a_malformed_prefix_line_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "prefixes.txt").write_text("nano\nméta physique\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"prefixes.txt:2: expected 'word'"):
        load_lexicon(tmp_path)

"""English sentences in French text are left as printed; French ones are not taken for
English."""

from __future__ import annotations

import pytest

from pressclean.foreign import foreign_tokens
from pressclean.pipeline import Cleaner
from pressclean.tokens import tokenize

from .conftest import SEEDS


def test_an_english_sentence_is_left_as_printed_and_the_french_around_it_corrected(
        cleaner: Cleaner) -> None:
    text = ("Le maire a visité [e pa1ais. These features are useful when it is needed. "
            "It comes with a script. Il est rentré somrnes toute.")
    doc = cleaner.clean_text(text)
    assert doc.clean_text == ("Le maire a visité le palais. These features are useful when "
                              "it is needed. It comes with a script. Il est rentré "
                              "sommes toute.")
    assert all(c.before not in ("These", "is", "It") for c in doc.corrections)


def test_without_the_check_the_english_words_would_be_made_french(cleaner: Cleaner) -> None:
    """What the check prevents: the same words in a French sentence are corrected."""
    doc = cleaner.clean_text("Le jury a lu these et rapports.")
    assert doc.clean_text == "Le jury a lu thèse et rapports."


@pytest.mark.parametrize("seed", ["001_article.txt", "002_article.txt", "003_article.txt",
                                  "004_article.txt"])
def test_french_press_holds_no_english_sentence(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert tokenize(text)
    assert foreign_tokens(text) == frozenset()


def test_the_tokens_of_the_english_sentence_only_are_marked() -> None:
    text = "Il a dit : This is what we have. Puis il est parti."
    toks = tokenize(text)
    marked = {toks[i].word for i in foreign_tokens(text)}
    assert marked == {"This", "is", "what", "we", "have"}

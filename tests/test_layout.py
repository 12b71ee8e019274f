"""Layout: line-end hyphens rejoined where the word says so, lines reflowed into paragraphs."""

from __future__ import annotations

import pytest

from pressclean.layout import layout_edits
from pressclean.offsets import EditLog

from .conftest import SEEDS


def _layout(text: str, lexicon, reflow: bool = True) -> str:  # type: ignore[no-untyped-def]
    log = EditLog(text)
    return log.apply(layout_edits(text, lexicon, reflow=reflow))


@pytest.mark.parametrize(("source", "expected"), [
    ("cette compé-\ntence rare", "cette compétence rare"),
    ("la techni-\ncité du travail", "la technicité du travail"),
    ("c'est-à-\ndire ceci", "c'est-à-dire ceci"),
    ("le porte-\nparole du pôle", "le porte-parole du pôle"),
    ("Saint-\nOuen est loin", "Saint-Ouen est loin"),
    ("une compé¬\ntence", "une compétence"),
    ("essentiet-\nlement parisienne", "essentietlement parisienne"),
])
def test_line_end_hyphenation(lexicon, source: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _layout(source, lexicon) == expected


def test_keep_lines_only_rejoins_words(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "Pour bien identifier cette compé-\ntence et attirer la clientèle\nde luxe."
    assert _layout(text, lexicon, reflow=False) == (
        "Pour bien identifier cette compétence et attirer la clientèle\nde luxe.")


def test_reflow_keeps_headings_and_paragraphs(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le pôle des microtechniques\n"
        "Historiquement, le pays horloger est\n"
        "marqué par sa précision, sa minutie,\n"
        "sa capacité d'innovation dans le\n"
        "domaine de l'horlogerie.\n"
        "  Un nouveau président a été élu\n"
        "pour trois ans.\n"
        "\n"
        "Sauf que la crise économique de\n"
        "2008 est passée par là."
    )
    assert _layout(text, lexicon) == (
        "Le pôle des microtechniques\n"
        "Historiquement, le pays horloger est marqué par sa précision, sa minutie, "
        "sa capacité d'innovation dans le domaine de l'horlogerie.\n"
        "  Un nouveau président a été élu pour trois ans.\n"
        "\n"
        "Sauf que la crise économique de 2008 est passée par là."
    )


@pytest.mark.parametrize("name", ["001_article.txt", "002_article.txt",
                                  "003_article.txt", "004_article.txt"])
def test_paragraph_per_line_text_is_untouched(lexicon, name: str) -> None:  # type: ignore[no-untyped-def]
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert layout_edits(text, lexicon) == []

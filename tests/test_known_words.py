"""Known words: changed only on strong evidence, and recorded with their reason."""

from __future__ import annotations

import pytest

from pressclean.pipeline import Cleaner


@pytest.mark.parametrize(("ocr", "clean", "rule"), [
    # a rare word one glyph confusion from a far more frequent one that the context wants
    ("Une antre fois, il viendra.", "Une autre fois, il viendra.", "channel:twin"),
    # a confusion the model saw often, at the start of a sentence
    ("Ja guerre est finie.", "La guerre est finie.", "context"),
])
def test_a_known_word_is_changed_on_strong_evidence(cleaner: Cleaner, ocr: str, clean: str,
                                                     rule: str) -> None:
    doc = cleaner.clean_text(ocr)
    assert doc.clean_text == clean
    assert [c.rule for c in doc.corrections] == [rule]


@pytest.mark.parametrize("text", [
    "Le maïs pousse bien cette année.",
    "Il attaqua la ville au matin.",
    "Les tontes de moutons ont lieu au printemps.",
])
def test_a_known_word_the_context_accepts_is_left_alone(cleaner: Cleaner, text: str) -> None:
    assert cleaner.clean_text(text).clean_text == text

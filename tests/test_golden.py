"""Golden files: the whole cleaning of the real OCR sample, text and corrections."""

from __future__ import annotations

from pressclean.pipeline import Cleaner
from pressclean.writers import corrections_jsonl

from .conftest import ROOT, golden

SAMPLE = ROOT / "samples" / "ocr" / "pole-luxe-tech.txt"


def test_sample_clean_text_matches_golden(cleaner: Cleaner) -> None:
    doc = cleaner.clean_file(SAMPLE)
    assert doc.clean_text == golden("pole-luxe-tech.clean.txt", doc.clean_text)


def test_sample_corrections_match_golden(cleaner: Cleaner) -> None:
    doc = cleaner.clean_file(SAMPLE)
    text = corrections_jsonl(doc)
    assert text == golden("pole-luxe-tech.corrections.jsonl", text)


def test_keep_lines_golden(cleaner: Cleaner) -> None:
    from pressclean.pipeline import CleanOptions

    keep = Cleaner(CleanOptions(reflow=False), resources=cleaner.resources)
    doc = keep.clean_file(SAMPLE)
    assert doc.clean_text.count("\n") == doc.source_text.count("\n") - \
        doc.source_text.count("-\n")
    assert doc.clean_text == golden("pole-luxe-tech.keep-lines.txt", doc.clean_text)

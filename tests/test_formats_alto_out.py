"""ALTO out: corrected CONTENT, boxes and confidences kept, the OCR reading recoverable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from pressclean.document import Correction, Document
from pressclean.formats import read_document
from pressclean.formats.alto_out import NS, corrected_forms, write_alto

DATA = Path(__file__).parent / "data" / "layout"
A = f"{{{NS}}}"


def _corrected(src: Document) -> Document:
    """The sample page after two corrections: de-hyphenation and 'a' -> 'à'."""
    text = src.source_text
    assert text[17:19] == "-\n" and text[30:31] == "a"
    clean = text[:17] + text[19:30] + "à" + text[31:]
    assert clean == "Le pôle des microtechniques à élu\n\nLaurent Deschamps."
    fixes = [Correction(17, 19, 17, 17, "-\n", "", "layout", "dehyphenate", 1.0),
             Correction(30, 31, 28, 29, "a", "à", "spell", "lexicon", 0.9)]
    return Document(path="page.png", source_text=text, clean_text=clean, corrections=fixes,
                    words=src.words, meta=src.meta, source_format="image",
                    spans=[(17, 19, 17, 17), (30, 31, 28, 29)])


def test_alto_out_has_corrected_content_and_keeps_the_ocr_reading(tmp_path: Path) -> None:
    doc = _corrected(read_document(DATA / "page.hocr"))
    out = write_alto(doc, tmp_path / "page.alto.xml")
    root = ET.parse(out).getroot()
    strings = list(root.iter(f"{A}String"))
    assert [s.get("CONTENT") for s in strings] == [
        "Le", "pôle", "des", "micro", "techniques", "à", "élu", "Laurent", "Deschamps."]
    micro, techniques, a_grave = strings[3], strings[4], strings[5]
    assert micro.get("SUBS_TYPE") == "HypPart1"
    assert micro.get("SUBS_CONTENT") == "microtechniques"
    assert techniques.get("SUBS_TYPE") == "HypPart2"
    assert techniques.get("SUBS_CONTENT") == "microtechniques"
    line1 = root.find(f".//{A}TextLine")
    assert line1 is not None and line1[-1].tag == f"{A}HYP" and line1[-1].get("CONTENT") == "-"
    assert (a_grave.get("HPOS"), a_grave.get("VPOS"), a_grave.get("WIDTH"),
            a_grave.get("HEIGHT"), a_grave.get("WC")) == ("140", "50", "12", "25", "0.9500")
    alternatives = [(s.get("CONTENT"), alt.get("PURPOSE"), alt.text)
                    for s in strings for alt in s.iter(f"{A}ALTERNATIVE")]
    assert alternatives == [("à", "ocr", "a")]
    page = root.find(f".//{A}Page")
    assert page is not None and (page.get("WIDTH"), page.get("HEIGHT")) == ("1000", "800")
    steps = [p.findtext(f"{A}processingStepDescription") for p in root.iter(f"{A}Processing")]
    assert steps[1] is not None and steps[1].startswith("pressclean ")
    assert "2 corrections" in steps[1]


def test_written_alto_reads_back_with_the_same_boxes_and_confidences(tmp_path: Path) -> None:
    src = read_document(DATA / "page.alto-v2.xml")
    out = write_alto(_corrected(src), tmp_path / "page.alto.xml")
    back = read_document(out)
    assert back.source_text == "Le pôle des micro-\ntechniques à élu\n\nLaurent Deschamps."
    assert [(w.conf, w.box, w.block, w.line, w.hyphen_next) for w in back.words] == [
        (w.conf, w.box, w.block, w.line, w.hyphen_next) for w in src.words]


def test_uncorrected_document_writes_the_ocr_words_unchanged(tmp_path: Path) -> None:
    src = read_document(DATA / "page.hocr")
    root = ET.parse(write_alto(src, tmp_path / "o.xml")).getroot()
    assert [s.get("CONTENT") for s in root.iter(f"{A}String")] == [
        "Le", "pôle", "des", "micro", "techniques", "a", "élu", "Laurent", "Deschamps."]
    assert not list(root.iter(f"{A}ALTERNATIVE"))
    assert len(list(root.iter(f"{A}Processing"))) == 1


def test_words_merged_by_a_correction_share_one_form() -> None:
    src = read_document(DATA / "page.hocr")
    text = src.source_text
    start = text.index("Laurent")
    clean = text[:start] + "Laurent-Deschamps."
    doc = Document(path="p", source_text=text, clean_text=clean, words=src.words,
                   spans=[(start, len(text), start, len(clean))])
    assert corrected_forms(doc)[-2:] == ["Laurent-Deschamps.", ""]
    split = text[:start] + "Laurent Des champs."
    doc2 = Document(path="p", source_text=text, clean_text=split, words=src.words,
                    spans=[(start + 8, len(text), start + 8, len(split))])
    assert corrected_forms(doc2)[-2:] == ["Laurent", "Des champs."]

"""ALTO (v2, v3, v4) and hOCR, tidy or malformed, read into the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressclean.exceptions import BadInputError, EmptyInputError, UnsupportedFormatError
from pressclean.formats import SUPPORTED_SUFFIXES, is_scan, ocr_engine, read_document

DATA = Path(__file__).parent / "data" / "layout"

EXPECTED_TEXT = "Le pôle des micro-\ntechniques a élu\n\nLaurent Deschamps."
#: (text, conf, box, page, block, line, hyphen_next)
EXPECTED_WORDS = [
    ("Le", 96.0, (10, 20, 40, 45), 0, 0, 0, False),
    ("pôle", 91.0, (50, 20, 110, 45), 0, 0, 0, False),
    ("des", 88.0, (120, 20, 160, 45), 0, 0, 0, False),
    ("micro-", 72.0, (170, 20, 240, 45), 0, 0, 0, True),
    ("techniques", 80.0, (10, 50, 130, 75), 0, 0, 1, False),
    ("a", 95.0, (140, 50, 152, 75), 0, 0, 1, False),
    ("élu", 60.0, (160, 50, 200, 75), 0, 0, 1, False),
    ("Laurent", 93.0, (10, 100, 100, 125), 0, 1, 0, False),
    ("Deschamps.", 85.0, (110, 100, 240, 125), 0, 1, 0, False),
]

SAME_PAGE = [
    ("page.alto-v2.xml", "alto"),
    ("page.alto-v3.xml", "alto"),
    ("page.alto-v4.xml", "alto"),
    ("page.alto-truncated.xml", "alto"),
    ("page.hocr", "hocr"),
    ("page-sloppy.html", "hocr"),
]


@pytest.mark.parametrize(("name", "fmt"), SAME_PAGE)
def test_every_layout_format_reads_into_the_same_words(name: str, fmt: str) -> None:
    doc = read_document(DATA / name)
    assert doc.source_format == fmt
    assert doc.source_text == EXPECTED_TEXT
    got = [(w.text, w.conf, w.box, w.page, w.block, w.line, w.hyphen_next) for w in doc.words]
    assert got == EXPECTED_WORDS
    assert all(doc.source_text[w.start:w.end] == w.text for w in doc.words)
    assert doc.meta["pages"][0]["width"] == 1000
    assert doc.meta["pages"][0]["height"] == 800


def test_truncated_alto_keeps_the_words_before_the_fault_and_says_so() -> None:
    doc = read_document(DATA / "page.alto-truncated.xml")
    assert doc.meta["warnings"] == [
        "malformed XML (unclosed token: line 17, column 29); kept the words before it"]


def _alto(tmp_path: Path, strings: str, name: str = "x.xml") -> Path:
    path = tmp_path / name
    path.write_text('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page>'
                    f"<PrintSpace><TextBlock><TextLine>{strings}</TextLine></TextBlock>"
                    "</PrintSpace></Page></Layout></alto>", encoding="utf-8")
    return path


@pytest.mark.parametrize(("description", "engine", "known"), [
    ("<OCRProcessing><ocrProcessingStep><processingSoftware><softwareName>tesseract"
     "</softwareName><softwareVersion>4.1.1</softwareVersion></processingSoftware>"
     "</ocrProcessingStep></OCRProcessing>", "tesseract", "tesseract"),
    ("<Processing><processingSoftware><softwareName>ABBYY FineReader 11"
     "</softwareName></processingSoftware></Processing>", "ABBYY FineReader 11", None),
    ("", None, None),
])
def test_the_engine_an_alto_file_names_chooses_the_model(
        tmp_path: Path, description: str, engine: str | None, known: str | None) -> None:
    path = tmp_path / "x.xml"
    path.write_text('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description>'
                    f"{description}</Description><Layout><Page><PrintSpace><TextBlock>"
                    '<TextLine><String CONTENT="pôle" WC="0.9"/></TextLine></TextBlock>'
                    "</PrintSpace></Page></Layout></alto>", encoding="utf-8")
    doc = read_document(path)
    assert doc.meta.get("engine") == engine
    assert ocr_engine(doc) == known


def test_the_engine_an_hocr_file_names_chooses_the_model(tmp_path: Path) -> None:
    path = tmp_path / "x.hocr"
    path.write_text("<html><head><meta name='ocr-system' content='tesseract 5.3.0' /></head>"
                    "<body><div class='ocr_page' title='bbox 0 0 100 100'><span "
                    "class='ocr_line'><span class='ocrx_word' title='bbox 1 1 9 9; x_wconf "
                    "91'>pôle</span></span></div></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert doc.meta["engine"] == "tesseract 5.3.0"
    assert ocr_engine(doc) == "tesseract"
    assert ocr_engine(read_document(DATA / "page-sloppy.html")) is None  # none named


def test_alto_confidence_scales_and_bad_values(tmp_path: Path) -> None:
    doc = read_document(_alto(tmp_path, (
        '<String CONTENT="a" WC="0.5"/><String CONTENT="b" WC="87"/>'
        '<String CONTENT="c" WC="abc"/><String CONTENT="d" WC="-1"/>'
        '<String CONTENT="e" CC="0 0 9"/><String CONTENT="f" HPOS="x" VPOS="1"/>')))
    assert [(w.text, w.conf) for w in doc.words] == [
        ("a", 50.0), ("b", 87.0), ("c", None), ("d", None), ("e", 66.67), ("f", None)]
    assert all(w.box is None for w in doc.words)


def test_alto_with_entities_is_refused_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                    '<alto><Layout><Page><PrintSpace><TextBlock><TextLine>'
                    '<String CONTENT="&b;"/></TextLine></TextBlock></PrintSpace></Page>'
                    '</Layout></alto>', encoding="utf-8")
    with pytest.raises(BadInputError, match="XML refused for safety") as info:
        read_document(path)
    assert info.value.exit_code == 4


def test_alto_without_words_is_an_empty_input(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError, match="no words"):
        read_document(_alto(tmp_path, ""))


def test_alto_garbage_is_an_empty_input_with_the_parser_message(tmp_path: Path) -> None:
    path = tmp_path / "g.alto"
    path.write_bytes(b"<alto><<<\x00")
    with pytest.raises(EmptyInputError, match="malformed XML"):
        read_document(path)


def test_xml_that_is_neither_alto_nor_hocr_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match="neither ALTO nor hOCR"):
        read_document(path)


def test_hocr_without_words_is_an_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "empty.hocr"
    path.write_text("<html><body><div class='ocr_page' title='bbox 0 0 10 10'></div>"
                    "</body></html>", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="no words"):
        read_document(path)


def test_suffixes_and_scan_detection() -> None:
    for suffix in (".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf", ".xml",
                   ".hocr", ".html"):
        assert suffix in SUPPORTED_SUFFIXES
    assert is_scan("a/b.TIF") and is_scan("x.pdf") and is_scan("x.jpeg")
    assert not is_scan("x.alto.xml") and not is_scan("x.txt") and not is_scan("x.hocr")


def test_pdf_text_layer_is_used_and_reported(tmp_path: Path) -> None:
    content = (b"BT /F1 12 Tf 20 150 Td (Le Pole des micro-) Tj 0 -14 Td (techniques a elu.) Tj "
               b"ET BT /F1 12 Tf 20 80 Td (Second paragraphe ici.) Tj ET")
    pdf = (b"%%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
           b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
           b"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 400 200]"
           b"/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>> endobj\n"
           b"4 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj\n"
           b"5 0 obj <</Length %d>> stream\n%s\nendstream endobj\n"
           b"trailer <</Root 1 0 R>>\n%%%%EOF\n") % (len(content), content)
    path = tmp_path / "born-digital.pdf"
    path.write_bytes(pdf)
    doc = read_document(path)
    assert doc.source_format == "pdf-text"
    assert doc.meta["text_layer"] is True
    assert doc.source_text == "Le Pole des micro-\ntechniques a elu.\n\nSecond paragraphe ici."
    micro = doc.words[3]
    assert (micro.text, micro.hyphen_next, micro.line, micro.conf) == ("micro-", True, 0, None)
    assert [(w.block, w.line) for w in doc.words[4:]] == [(0, 1)] * 3 + [(1, 0)] * 3
    # boxes in pixels of the page seen at 300 dpi: "Le" at x = 20.9 pt, baseline 150 pt up
    assert doc.words[0].box == (87, 172, 137, 209)
    assert (doc.meta["pages"][0]["width"], doc.meta["pages"][0]["height"]) == (1667, 833)


def test_zero_page_pdf_is_an_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "zero.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <</Pages 2 0 R /Type/Catalog>> endobj\n"
                     b"2 0 obj <</Count 0/Kids[]/Type/Pages>> endobj\n"
                     b"trailer <</Root 1 0 R>>\n%%EOF\n")
    with pytest.raises(EmptyInputError, match="PDF has no pages"):
        read_document(path)


def test_broken_image_is_a_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(BadInputError, match="unreadable image"):
        read_document(path)

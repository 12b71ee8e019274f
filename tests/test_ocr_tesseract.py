"""Real Tesseract (fra) on small cuts of the sample scans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pressclean.formats import read_document
from pressclean.ocr import OcrOptions

pytestmark = pytest.mark.tesseract

SCANS = Path(__file__).resolve().parent.parent / "samples" / "scans"
#: words of the headline and of both columns of the top of 002 that Tesseract must get
EXPECTED = {"Centre", "gravité", "microtechniques", "Micronarc", "(Suisse),", "Minalogic",
            "transrégionale", "développement", "pragmatique"}


def _cut(tmp_path: Path, name: str = "cut.png", box: tuple[int, int, int, int] = (0, 0, 847, 330),
         fmt: str | None = None) -> Path:
    """Headline and the first lines of both columns of the 150 dpi sample."""
    img = Image.open(SCANS / "002_lowres_150dpi.jpg").crop(box)
    path = tmp_path / name
    if fmt == "PDF":
        img.save(path, resolution=150.0)
    else:
        img.save(path, dpi=(150, 150))
    return path


def test_tesseract_reads_a_two_column_scan_into_words_with_layout(tmp_path: Path) -> None:
    doc = read_document(_cut(tmp_path))
    assert doc.source_format == "image"
    texts = [w.text for w in doc.words]
    assert set(texts) >= EXPECTED, EXPECTED - set(texts)
    # columns one after the other, not read across the gutter
    text = doc.source_text
    assert text.index("Micronarc") < text.index("transrégionale") < text.index(
        "développement") < text.index("pragmatique")
    assert text.startswith("Centre de gravité des microtechniques au cœur de\n")
    for w in doc.words:
        assert text[w.start:w.end] == w.text
        assert w.conf is not None and 0 <= w.conf <= 100
        assert w.box is not None
        assert 0 <= w.box[0] < w.box[2] <= 847 and 0 <= w.box[1] < w.box[3] <= 330
        assert w.page == 0
    centre = doc.words[0]
    assert centre.text == "Centre" and centre.box is not None
    assert centre.box[0] < 80 and centre.box[1] < 70  # boxes are on the original 150 dpi image
    page = doc.meta["pages"][0]
    assert (page["width"], page["height"], page["dpi"]) == (847, 330, 150)
    assert page["preprocess"]["upscale"] == 2.0 and page["preprocess"]["denoise"] == "median3"
    assert page["engine"].startswith("tesseract ") and "-l fra --psm 3 --dpi 300" in page["engine"]


@pytest.mark.slow
def test_multi_page_tiff_pages_in_parallel_match_one_at_a_time(tmp_path: Path) -> None:
    top = Image.open(_cut(tmp_path, "a.png"))
    bottom = Image.open(_cut(tmp_path, "b.png", box=(0, 330, 847, 660)))
    tiff = tmp_path / "two.tif"
    top.save(tiff, dpi=(150, 150), save_all=True, append_images=[bottom])
    one = read_document(tiff, ocr=OcrOptions(jobs=1))
    two = read_document(tiff, ocr=OcrOptions(jobs=2))
    assert one.source_text == two.source_text
    assert one.words == two.words
    assert {w.page for w in one.words} == {0, 1}
    assert one.meta["page_count"] == 2
    assert one.source_text.index("Micronarc") < one.source_text.index("Cette initiative")


@pytest.mark.slow
def test_scanned_pdf_is_ocrd_from_its_embedded_page_image(tmp_path: Path) -> None:
    doc = read_document(_cut(tmp_path, "cut.pdf", fmt="PDF"))
    assert doc.source_format == "pdf"
    assert doc.meta["text_layer"] is False
    assert doc.meta["pages"][0]["dpi"] == 150
    assert doc.meta["pages"][0]["width"] == 847
    assert {w.text for w in doc.words} >= EXPECTED


def test_blank_page_is_an_empty_input(tmp_path: Path) -> None:
    from pressclean.exceptions import EmptyInputError

    path = tmp_path / "blank.png"
    Image.new("L", (600, 400), 250).save(path, dpi=(300, 300))
    with pytest.raises(EmptyInputError, match="no text found on the page"):
        read_document(path)

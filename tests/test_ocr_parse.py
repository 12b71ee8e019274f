"""Tesseract's image_to_data table into paragraphs, lines and words (no Tesseract run)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from PIL import Image

from pressclean.cli import main
from pressclean.formats._build import Page, assemble, mark_line_end_hyphens
from pressclean.ocr import blocks_from_data
from pressclean.preprocess import Prepared

LAYOUT = Path(__file__).parent / "data" / "layout"

# level, block, par, line, word, left, top, width, height, conf, text (as pytesseract gives)
ROWS = [
    (1, 0, 0, 0, 0, 0, 0, 2000, 1000, -1, ""),
    (2, 1, 0, 0, 0, 100, 100, 800, 200, -1, ""),
    (5, 1, 1, 1, 1, 100, 100, 120, 40, 95.5, "Le"),
    (5, 1, 1, 1, 2, 240, 100, 200, 40, 90, "micro-"),
    (5, 1, 1, 2, 1, 100, 160, 300, 40, 88, "techniques"),
    (5, 1, 1, 2, 2, 420, 160, 40, 40, -1, " "),
    (5, 1, 2, 1, 1, 100, 240, 200, 40, 70, "Bourgogne-"),
    (2, 2, 0, 0, 0, 1100, 100, 800, 200, -1, ""),
    (5, 2, 1, 1, 1, 1100, 100, 200, 40, 93, "Besançon"),
]


def _data() -> dict[str, list[Any]]:
    keys = ("level", "block_num", "par_num", "line_num", "word_num", "left", "top", "width",
            "height", "conf", "text")
    return {k: [row[i] for row in ROWS] for i, k in enumerate(keys)}


def test_image_to_data_rows_become_paragraphs_lines_and_words() -> None:
    prep = Prepared(image=Image.new("L", (2000, 1000)), dpi=300, scale=2.0,
                    source_size=(1000, 500))
    page = Page(blocks=blocks_from_data(_data(), prep))
    mark_line_end_hyphens(page)
    text, words = assemble([page])
    assert text == "Le micro-\ntechniques\n\nBourgogne-\n\nBesançon"
    assert [(w.text, w.conf, w.box, w.block, w.line, w.hyphen_next) for w in words] == [
        ("Le", 95.5, (50, 50, 110, 70), 0, 0, False),
        ("micro-", 90.0, (120, 50, 220, 70), 0, 0, True),
        ("techniques", 88.0, (50, 80, 200, 100), 0, 1, False),
        # a hyphen that ends its paragraph is not a word broken across lines
        ("Bourgogne-", 70.0, (50, 120, 150, 140), 1, 0, False),
        ("Besançon", 93.0, (550, 50, 650, 70), 2, 0, False),
    ]


def test_a_folder_input_stands_for_its_supported_files(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "page.hocr").write_bytes((LAYOUT / "page.hocr").read_bytes())
    (folder / "page.gt.txt").write_text("ground truth, not an input\n", encoding="utf-8")
    (folder / "notes.odt").write_bytes(b"PK")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ocr", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["page.alto.xml", "page.txt",
                                                     "page.words.tsv"]

"""``pressclean ocr``: outputs per input, failures.jsonl, exit codes, missing Tesseract."""

from __future__ import annotations

import json
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from pressclean.cli import main
from pressclean.formats import read_document

SCANS = Path(__file__).resolve().parent.parent / "samples" / "scans"
LAYOUT = Path(__file__).parent / "data" / "layout"
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-fra"


def _cut(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "cut.png"
    path.parent.mkdir(exist_ok=True)
    Image.open(SCANS / "002_lowres_150dpi.jpg").crop((0, 0, 847, 330)).save(path, dpi=(150, 150))
    return path


def _fake_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """A ``tesseract`` on PATH that runs ``script`` (sh), ahead of any real one."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    fake = fake_bin / "tesseract"
    fake.write_text("#!/bin/sh\n" + script)
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}/usr/bin{os.pathsep}/bin")


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Broken, truncated, blank and page-less inputs, with the error kind each must give."""
    folder.mkdir(exist_ok=True)
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 10)
    data = (SCANS / "002_lowres_150dpi.jpg").read_bytes()
    (folder / "truncated.jpg").write_bytes(data[: len(data) // 3])
    Image.new("L", (600, 400), 250).save(folder / "blank.png", dpi=(300, 300))
    (folder / "zero.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <</Pages 2 0 R /Type/Catalog>> endobj\n"
                                      b"2 0 obj <</Count 0/Kids[]/Type/Pages>> endobj\n"
                                      b"trailer <</Root 1 0 R>>\n%%EOF\n")
    return {"broken.png": "bad_input", "truncated.jpg": "bad_input",
            "blank.png": "empty_input", "zero.pdf": "empty_input"}


@pytest.mark.tesseract
def test_batch_writes_good_documents_and_lists_the_failures(tmp_path: Path) -> None:
    good = _cut(tmp_path)
    expected = _bad_inputs(tmp_path / "in")
    bad = [tmp_path / "in" / n for n in expected]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ocr", str(good), *map(str, bad),
                                       str(LAYOUT / "page.alto-v2.xml"), "-o", str(out),
                                       "-j", "2"])
    assert result.exit_code == 3, result.output
    records = [json.loads(ln) for ln in (out / "failures.jsonl").read_text().splitlines()]
    assert {Path(r["path"]).name: r["error"] for r in records} == expected
    messages = {Path(r["path"]).name: r["message"] for r in records}
    assert messages["zero.pdf"].endswith("zero.pdf: PDF has no pages")
    assert messages["blank.png"].endswith("blank.png: no text found on the page")
    assert "truncated" in messages["truncated.jpg"]
    assert "pressclean ocr: 2 written, 4 failed" in result.stderr

    doc = read_document(good)
    assert (out / "cut.txt").read_text(encoding="utf-8") == doc.source_text
    rows = (out / "cut.words.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "start\tend\tconf\tx0\ty0\tx1\ty1\tpage\tblock\tline\thyphen_next\ttext"
    first = rows[1].split("\t")
    assert first[0] == "0" and first[-1] == "Centre" and len(rows) == len(doc.words) + 1
    alto = ET.parse(out / "cut.alto.xml").getroot()
    contents = [s.get("CONTENT") for s in alto.iter() if s.tag.endswith("}String")]
    assert contents == [w.text for w in doc.words]
    # the ALTO input is read, not OCR'd, and its output stem drops ".alto"
    assert (out / "page.alto-v2.txt").read_text(encoding="utf-8").startswith("Le pôle des micro-\n")


def test_missing_tesseract_stops_with_the_install_command(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))
    scan = tmp_path / "page.png"
    Image.new("L", (100, 100), 255).save(scan)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ocr", str(scan), "-o", str(out)])
    assert result.exit_code == 5
    assert result.stderr.strip() == (
        "pressclean: Tesseract is not installed (no 'tesseract' on PATH); "
        f"install it with: {INSTALL}")
    assert not out.exists()


def test_tesseract_without_french_data_stops_with_the_install_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(tmp_path, monkeypatch, 'echo "List of available languages in /x (2):"\n'
                                           'echo eng\necho osd\n')
    scan = tmp_path / "page.tif"
    Image.new("L", (100, 100), 255).save(scan)
    result = CliRunner().invoke(main, ["ocr", str(scan), "-o", str(tmp_path / "out")])
    assert result.exit_code == 5
    assert result.stderr.strip() == (
        "pressclean: Tesseract has no 'fra' language data (installed: eng, osd); "
        f"install it with: {INSTALL}")


def test_layout_inputs_need_no_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ocr", str(LAYOUT / "page.hocr"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "page.txt").read_text(encoding="utf-8") == (
        "Le pôle des micro-\ntechniques a élu\n\nLaurent Deschamps.")
    assert not (out / "failures.jsonl").exists()


def test_one_unreadable_input_exits_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "broken.alto"
    bad.write_text("<alto><Layout></Layout></alto>", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ocr", str(bad), str(tmp_path / "nope.xml"), "-o", str(out)])
    assert result.exit_code == 4
    records = [json.loads(ln) for ln in (out / "failures.jsonl").read_text().splitlines()]
    assert [(Path(r["path"]).name, r["error"]) for r in records] == [
        ("broken.alto", "empty_input"), ("nope.xml", "bad_input")]
    assert records[1]["message"].endswith("nope.xml: no such file")


def test_tesseract_crash_is_an_ocr_failure_listed_with_its_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(tmp_path, monkeypatch,
                    'case "$1" in\n'
                    '  --list-langs) echo "List of available languages in /x (2):"; '
                    'echo eng; echo fra;;\n'
                    '  --version) echo "tesseract 5.3.0";;\n'
                    '  *) echo "Error in pixReadStream: corrupt page" >&2; exit 1;;\nesac\n')
    scan = tmp_path / "page.png"
    Image.new("L", (100, 100), 255).save(scan)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ocr", str(scan), "-o", str(out)])
    assert result.exit_code == 7
    (record,) = [json.loads(ln) for ln in (out / "failures.jsonl").read_text().splitlines()]
    assert record["error"] == "ocr_failed"
    assert record["message"] == (
        f"{scan} page 1: Tesseract failed: Error in pixReadStream: corrupt page")
    assert not (out / "page.txt").exists()

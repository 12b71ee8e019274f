"""``pressclean eval`` on files, folders and the ICDAR TSV."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressclean.cli import main
from pressclean.evaluate import Item, evaluate
from pressclean.exceptions import ExitCode

from .conftest import ICDAR, ROOT

SAMPLE_GT = ROOT / "samples" / "ocr" / "pole-luxe-tech.gt.txt"
SAMPLE_OCR = ROOT / "samples" / "ocr" / "pole-luxe-tech.txt"


def _eval(args: list[str]) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["eval", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_seed_sample_improves_below_two_percent_cer() -> None:
    data = _eval(["--gt", str(SAMPLE_GT), "--ocr", str(SAMPLE_OCR)])
    assert data["ocr_cer"] == pytest.approx(0.052, abs=0.001)
    assert data["cer"] <= 0.020
    assert data["better"] == 1 and data["worse"] == 0
    assert data["precision"] >= 0.9


def test_folders_are_matched_by_name(tmp_path: Path) -> None:
    gt, hyp = tmp_path / "gt", tmp_path / "hyp"
    gt.mkdir()
    hyp.mkdir()
    shutil.copy(SAMPLE_GT, gt / "a.gt.txt")
    shutil.copy(SAMPLE_GT, hyp / "a.txt")
    (gt / "unmatched.txt").write_text("rien", encoding="utf-8")
    data = _eval(["--gt", str(gt), "--hyp", str(hyp)])
    assert data["documents"] == 1 and data["cer"] == 0.0


def test_ocr_cleaned_now_can_be_cleaned_as_tesseract_read_it(tmp_path: Path) -> None:
    (tmp_path / "a.gt.txt").write_text("Il relut le titre du livre pendant quatre heures.\n",
                                       encoding="utf-8")
    (tmp_path / "a.txt").write_text("Il relut le ütre du livre pendant queire heures.\n",
                                    encoding="utf-8")
    base = _eval(["--gt", str(tmp_path), "--ocr", str(tmp_path)])
    tess = _eval(["--gt", str(tmp_path), "--ocr", str(tmp_path), "--ocr-engine", "tesseract"])
    assert base["cmer"] == base["ocr_cmer"] > 0  # the default model keeps both words
    assert tess["cmer"] == 0.0 and tess["better"] == 1


def test_tsv_rows_are_cleaned_and_scored() -> None:
    data = _eval(["--tsv", str(ICDAR / "dev.aligned.tsv"), "--limit", "60", "--no-correct"])
    assert data["documents"] == 60
    assert data["cmer"] == data["ocr_cmer"]
    assert data["better"] == data["worse"] == 0


def test_word_precision_bookkeeping() -> None:
    report = evaluate([Item("x", gt="le pays est beau", hyp="le pays et beau",
                            ocr="[e pays est beau")])
    # "[e" is not a word token after punctuation stripping; "est"→"et" broke a word
    assert report.broken_words == 1
    assert report.as_dict()["top_broken"] == ["est → et (1)"]
    report = evaluate([Item("y", gt="le pôle est beau", hyp="le pôle est beau",
                            ocr="le pôte est beau")])
    assert (report.changed_words, report.fixed_words, report.broken_words) == (1, 1, 0)


def test_a_space_after_a_glued_comma_is_no_word_change() -> None:
    report = evaluate([Item("z", gt="la guerre,comme la paix", hyp="la guerre, comme la paix",
                            ocr="la guerre,comme la paiz")])
    assert (report.changed_words, report.fixed_words, report.broken_words) == (1, 1, 0)


def test_usage_errors() -> None:
    result = CliRunner().invoke(main, ["eval", "--gt", str(SAMPLE_GT)])
    assert result.exit_code == ExitCode.USAGE
    assert "--gt needs --hyp, --ocr, both, or --run" in result.output

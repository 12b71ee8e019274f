"""``pressclean clean``: stdout and -o modes, exit codes, bad inputs isolated."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressclean.cli import main
from pressclean.exceptions import ExitCode

from .conftest import ROOT

OCR = "Historiquement, [e pays est marqué par sa précision.\n"


def _run(args: list[str], stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def test_one_file_to_stdout(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(OCR, encoding="utf-8")
    result = _run(["clean", str(f)])
    assert result.exit_code == 0
    assert result.stdout == "Historiquement, le pays est marqué par sa précision.\n"


def test_jobs_below_one_is_a_usage_error_that_names_the_option(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(OCR, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", "--jobs", "0", str(f), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2  # click's usage error, before anything is read or written
    assert "--jobs" in result.output and "0" in result.output
    assert not (tmp_path / "out").exists()


def test_stdin_to_stdout() -> None:
    result = _run(["clean", "-"], stdin=OCR)
    assert result.exit_code == 0
    assert result.stdout.startswith("Historiquement, le pays")


def test_text_tesseract_read_is_cleaned_with_its_model_on_request() -> None:
    """Plain text says nothing of its engine: the default model, unless --ocr-engine
    names Tesseract, whose "ü" for "ti" and "ei" for "at" that model knows."""
    text = "Il relut le ütre du livre pendant queire heures.\n"
    assert _run(["clean", "-"], stdin=text).stdout == text
    assert _run(["clean", "--ocr-engine", "other", "-"], stdin=text).stdout == text
    tess = _run(["clean", "--ocr-engine", "tesseract", "-"], stdin=text)
    assert tess.exit_code == 0
    assert tess.stdout == "Il relut le titre du livre pendant quatre heures.\n"


def test_output_dir_writes_text_and_corrections(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_text(OCR, encoding="utf-8")
    out = tmp_path / "out"
    result = _run(["clean", str(f), "-o", str(out)])
    assert result.exit_code == 0
    clean = (out / "page.txt").read_text(encoding="utf-8")
    records = [json.loads(line) for line in
               (out / "page.corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    assert clean.startswith("Historiquement, le pays")
    assert records == [{"in_start": 16, "in_end": 18, "out_start": 16, "out_end": 18,
                        "before": "[e", "after": "le", "stage": "rules", "rule": "bracket-l",
                        "score": records[0]["score"]}]
    for r in records:
        assert OCR[r["in_start"]:r["in_end"]] == r["before"]
        assert clean[r["out_start"]:r["out_end"]] == r["after"]


def test_bad_inputs_are_reported_and_others_written(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(OCR, encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le préfet de Besançon a été reçu.\n".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    out = tmp_path / "out"
    result = _run(["clean", str(good), str(empty), str(latin), str(binary), "-o", str(out)])
    assert result.exit_code == ExitCode.PARTIAL
    assert f"{empty}: empty file" in result.stderr
    assert f"{binary}: binary data" in result.stderr
    assert (out / "good.txt").read_text(encoding="utf-8").startswith("Historiquement, le")
    assert (out / "latin.txt").read_text(encoding="utf-8") == \
        "Le préfet de Besançon a été reçu.\n"
    assert not (out / "empty.txt").exists() and not (out / "scan.txt").exists()


def test_single_bad_input_has_its_own_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run(["clean", str(empty)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.stderr.strip() == f"pressclean: {empty}: empty file: no text to clean"


def test_several_files_need_output_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["clean", "a.txt", "b.txt"])
    assert result.exit_code == ExitCode.USAGE


@pytest.mark.parametrize(("name", "content"), [
    ("regional.txt", "Besançon\nLe Russey\n"),
    ("prefixes.txt", "nano\nméta physique\n"),
])
def test_malformed_dictionary_exits_with_data_code(tmp_path: Path, name: str,
                                                   content: str) -> None:
    d = tmp_path / "dicts"
    d.mkdir()
    (d / name).write_text(content, encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(OCR, encoding="utf-8")
    result = _run(["clean", str(f), "--dictionaries", str(d)])
    assert result.exit_code == ExitCode.BAD_DATA_FILE
    assert f"{d / name}:2:" in result.stderr


@pytest.mark.slow
def test_installed_command_runs() -> None:
    exe = Path(sys.executable).with_name("pressclean")
    proc = subprocess.run([str(exe), "clean", "-"], input=OCR, capture_output=True,
                          text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Historiquement, le pays")

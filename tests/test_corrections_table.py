"""The corrections of a run as a table (CSV, Parquet), and back as a decisions file."""

from __future__ import annotations

import csv
import importlib.util
import logging
from pathlib import Path

import pandas as pd
import pytest

from pressclean import corrections_table
from pressclean.corrections_table import COLUMNS, export_corrections
from pressclean.decisions import load_decisions
from pressclean.exceptions import EmptyInputError, ExitCode, MissingDependencyError

from . import review_helpers as rh

fake_stages = rh.fake_stages


@pytest.fixture
def run_dir(fake_stages: None, tmp_path: Path) -> Path:
    rh.write_run(tmp_path / "run", {"dir/a.txt": rh.SAMPLE, "b.txt": rh.HOSTILE})
    return tmp_path / "run"


def _expected_rows() -> list[dict[str, str]]:
    rows = []
    for key, text in (("b.txt", rh.HOSTILE), ("dir/a.txt", rh.SAMPLE)):
        for c in rh.make_cleaner().clean_text(text, path=key).corrections:
            rows.append({"document": key, "in_start": str(c.in_start), "in_end": str(c.in_end),
                         "out_start": str(c.out_start), "out_end": str(c.out_end),
                         "before": c.before, "after": c.after, "stage": c.stage,
                         "rule": c.rule, "score": str(c.score), "decision": ""})
    return rows


def test_csv_has_one_row_per_correction(run_dir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "corrections.csv"
    assert export_corrections(run_dir, dest) == 16
    with dest.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = list(reader)
    assert rows == _expected_rows()
    assert rows[0]["before"] == "[e" and rows[1]["before"] == "\n"  # newline kept, quoted


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None,
                    reason="pyarrow not installed (pip install 'pressclean[parquet]')")
def test_parquet_holds_the_same_table(run_dir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "corrections.parquet"
    assert export_corrections(run_dir, dest) == 16
    frame = pd.read_parquet(dest)
    assert tuple(frame.columns) == COLUMNS
    assert str(frame["in_start"].dtype) == "int64" and str(frame["score"].dtype) == "float64"
    assert frame.astype(str).to_dict("records") == [
        {**r, "score": str(float(r["score"]))} for r in _expected_rows()]


def test_parquet_without_pyarrow_is_a_clear_error(run_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(corrections_table.importlib.util, "find_spec",
                        lambda name, *a: None if name == "pyarrow" else real(name, *a))
    dest = tmp_path / "c.parquet"
    with pytest.raises(MissingDependencyError) as err:
        export_corrections(run_dir, dest)
    assert err.value.exit_code == ExitCode.MISSING_DEPENDENCY
    assert str(err.value) == (f"{dest}: Parquet output needs pyarrow: pip install "
                              "'pressclean[parquet]' (or pip install pyarrow), or write a "
                              ".csv instead")
    assert not dest.exists()


def test_the_table_with_a_decision_column_filled_is_a_decisions_file(
        run_dir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "corrections.csv"
    export_corrections(run_dir, dest)
    frame = pd.read_csv(dest, keep_default_na=False, dtype=str)
    frame.loc[frame["before"] == "entrcprises", "decision"] = "reject"
    frame.loc[(frame["rule"] == "glyph:[e") & (frame["document"] == "b.txt"), "decision"] = \
        "accept"
    frame.to_csv(dest, index=False)
    dec = load_decisions(dest)
    assert [(d.document, d.before, d.decision) for d in dec.corrections] == [
        ("b.txt", "[e", "accept"), ("dir/a.txt", "entrcprises", "reject")]
    again = rh.make_cleaner(dec).clean_text(rh.SAMPLE, path="dir/a.txt")
    assert again.clean_text == rh.SAMPLE_CLEAN.replace("entreprises", "entrcprises")


def test_an_unreadable_record_is_skipped_with_a_warning(run_dir: Path, tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture
                                                        ) -> None:
    (run_dir / "b.json").write_text("{broken", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert export_corrections(run_dir, tmp_path / "c.csv") == 12
    assert f"skipped unreadable output: {run_dir / 'b.json'}:1: unreadable record" in caplog.text


def test_an_empty_run_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError):
        export_corrections(tmp_path, tmp_path / "c.csv")
    assert not (tmp_path / "c.csv").exists()

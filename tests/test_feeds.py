"""Exports: Elasticsearch/OpenSearch bulk + mapping, Solr JSON, the archive table."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pressclean.cli import main
from pressclean.exceptions import ExitCode

from .seedrun import build_seed_run


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_run(tmp_path_factory.mktemp("run"))


def export(run_dir: Path, fmt: str, dest: Path) -> str:
    result = CliRunner().invoke(main, ["export", str(run_dir), "--format", fmt, "-o", str(dest)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("5 documents -> ")
    return dest.read_text(encoding="utf-8")


@pytest.mark.parametrize("engine", ["elasticsearch", "opensearch"])
def test_bulk_ndjson_is_valid(run_dir: Path, tmp_path: Path, engine: str) -> None:
    body = export(run_dir, engine, tmp_path / "feed.ndjson")
    assert body.endswith("\n") and not body.endswith("\n\n")
    lines = [json.loads(line) for line in body.splitlines()]
    assert len(lines) == 10
    actions, docs = lines[0::2], lines[1::2]
    assert all(list(a) == ["index"] and a["index"]["_index"] == "pressclean" for a in actions)
    assert len({a["index"]["_id"] for a in actions}) == 5
    assert all("index" not in d and d["text"] for d in docs)
    first = next(d for d in docs if d["path"] == "seeds/001_article.txt")
    assert "Laurent Deschamps" in first["people"] and "Besançon" in first["places"]
    assert first["date"] == "2020-07-10" and "2020-07-02" in first["dates_mentioned"]
    assert all(not str(d).startswith("--") for d in first["dates_mentioned"])


def test_mapping_has_french_folding_analyzer(run_dir: Path, tmp_path: Path) -> None:
    export(run_dir, "elasticsearch", tmp_path / "feed.ndjson")
    mapping = json.loads((tmp_path / "feed.mapping.json").read_text(encoding="utf-8"))
    analysis = mapping["settings"]["analysis"]
    chain = analysis["analyzer"]["french_folded"]["filter"]
    kinds = [analysis["filter"].get(f, {"type": f})["type"] for f in chain]
    assert kinds == ["elision", "lowercase", "stop", "asciifolding", "stemmer"]
    assert analysis["filter"]["french_stemmer"]["language"] == "light_french"
    assert mapping["mappings"]["properties"]["text"]["analyzer"] == "french_folded"


def test_solr_json(run_dir: Path, tmp_path: Path) -> None:
    docs = json.loads(export(run_dir, "solr", tmp_path / "solr.json"))
    assert len(docs) == 5
    doc = next(d for d in docs if d["path_s"] == "seeds/002_article.txt")
    assert doc["id"] == "seeds/002_article.json"
    assert "Gisselbrecht" in doc["text_txt_fr"] and doc["title_txt_fr"].startswith("Centre")
    assert doc["people_ss"] == ["Evelyne Gisselbrecht"]
    assert doc["date_dt"] == "2012-10-02T00:00:00Z" and doc["page_i"] == 1


def test_archive_table_csv_and_jsonl(run_dir: Path, tmp_path: Path) -> None:
    table = pd.read_csv(StringIO(export(run_dir, "csv", tmp_path / "docs.csv")))
    assert len(table) == 5 and table["path"].is_unique
    row = table.set_index("path").loc["seeds/000_part1.png"]
    assert row["corrections"] == 1 and row["publication"] == "L'Est Républicain"
    assert "Alain Boyer" in table.set_index("path").loc["seeds/001_article.txt", "people"]
    rows = [json.loads(line) for line in
            export(run_dir, "jsonl", tmp_path / "docs.jsonl").splitlines()]
    assert len(rows) == 5 and all("text" not in r for r in rows)
    second = next(r for r in rows if r["path"] == "seeds/002_article.txt")
    assert second["people"] == ["Evelyne Gisselbrecht"] and "Besançon" in second["places"]
    assert second["quality_after"] == 0.95 and second["dates_mentioned"] == ["2012-09-26"]


def test_export_bad_record_partial_others_written(tmp_path: Path) -> None:
    out = build_seed_run(tmp_path / "run")
    (out / "cut.json").write_text('{"schema": 1,', encoding="utf-8")
    dest = tmp_path / "docs.csv"
    result = CliRunner().invoke(main, ["export", str(out), "--format", "csv", "-o", str(dest)])
    assert result.exit_code == ExitCode.PARTIAL
    assert "cut.json: not a valid JSON record" in result.stderr
    assert len(pd.read_csv(dest)) == 5


def test_export_unknown_format_is_usage_error(run_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(run_dir), "--format", "xml",
                                       "-o", str(tmp_path / "x")])
    assert result.exit_code == ExitCode.USAGE

"""`pressclean index` and `pressclean search` as a user runs them: lines, codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressclean.cli import main
from pressclean.exceptions import ExitCode

from .seedrun import build_seed_run


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = build_seed_run(tmp_path_factory.mktemp("run"))
    result = CliRunner().invoke(main, ["index", str(out)])
    assert result.exit_code == 0, result.output
    assert "indexed 5 documents: 5 added, 0 updated, 0 unchanged" in result.output
    return out


def test_search_prints_one_hit_per_line(indexed: Path) -> None:
    result = CliRunner().invoke(main, ["search", "besancon micronora", "--in", str(indexed)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    path, date, score, snippet = lines[0].split("\t")
    assert (path, date) == ("seeds/001_article.txt", "2020-07-10")
    assert float(score) > 0 and "**Micronora**" in snippet
    assert "2 matching documents" in result.stderr


def test_search_json_and_filters(indexed: Path) -> None:
    result = CliRunner().invoke(main, ["search", "microtechniques", "--in", str(indexed),
                                       "--from", "2012", "--to", "2012-12", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["total"] == 1 and data["hits"][0]["path"] == "seeds/002_article.txt"
    result = CliRunner().invoke(main, ["search", "microtechniques", "--in", str(indexed),
                                       "--entity", "Evelyne Gisselbrecht", "--limit", "1"])
    assert result.stdout.startswith("seeds/002_article.txt\t")


@pytest.mark.parametrize("query, message", [
    ('"unclosed', "unbalanced quote"),
    ("author:x", "unknown field 'author'"),
    ("le la", "nothing to search for"),
])
def test_malformed_query_is_one_line_exit_8(indexed: Path, query: str, message: str) -> None:
    result = CliRunner().invoke(main, ["search", query, "--in", str(indexed)])
    assert result.exit_code == ExitCode.INDEX_ERROR == 8
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.output


def test_bad_date_filter(indexed: Path) -> None:
    result = CliRunner().invoke(main, ["search", "pôle", "--in", str(indexed), "--from", "juin"])
    assert result.exit_code == 8 and "not a date: 'juin'" in result.stderr


def test_missing_index_says_what_to_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["search", "micronora", "--in", str(tmp_path)])
    assert result.exit_code == 8
    assert f"run `pressclean index {tmp_path}`" in result.stderr


def test_index_bad_record_partial(tmp_path: Path) -> None:
    out = build_seed_run(tmp_path / "run")
    (out / "cut.json").write_text("{", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", str(out)])
    assert result.exit_code == ExitCode.PARTIAL
    assert "cut.json: not a valid JSON record" in result.stderr
    assert "5 added" in result.stdout
    found = CliRunner().invoke(main, ["search", "maillage", "--in", str(out)])
    assert found.stdout.startswith("seeds/000_part1.png\t2019-03-01\t")
    missing = CliRunner().invoke(main, ["index", str(tmp_path / "nope")])
    assert missing.exit_code == ExitCode.BAD_INPUT and "not a folder" in missing.stderr

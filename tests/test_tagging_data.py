"""The packaged word lists are validated on load: a bad line names its file and line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pressclean import wordlists
from pressclean.exceptions import DataFileError, ExitCode


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(wordlists, "files", lambda _pkg: tmp_path)
    for fn in (wordlists.int_map, wordlists.word_set, wordlists.phrase_list):
        fn.cache_clear()
    yield tmp_path / "data"
    for fn in (wordlists.int_map, wordlists.word_set, wordlists.phrase_list):
        fn.cache_clear()


def test_bad_month_line_names_file_and_line(fake_data: Path) -> None:
    (fake_data / "fr").mkdir(parents=True)
    (fake_data / "fr" / "months.txt").write_text("# months\njanvier 1\nfévrier deux\n",
                                                 encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        wordlists.int_map("fr/months.txt")
    assert str(err.value) == ("pressclean/data/fr/months.txt:3: "
                              "expected 'word number', got 'février deux'")
    assert err.value.exit_code == ExitCode.BAD_DATA_FILE


def test_missing_list_and_comments(fake_data: Path) -> None:
    (fake_data / "fr").mkdir(parents=True)
    (fake_data / "fr" / "stop.txt").write_text("Le  # article\n\n# note\nDU\n", encoding="utf-8")
    assert wordlists.word_set("fr/stop.txt") == frozenset({"le", "du"})
    with pytest.raises(DataFileError, match="missing data file"):
        wordlists.word_set("fr/absent.txt")


def test_packaged_lists_load() -> None:
    assert wordlists.int_map("fr/months.txt")["août"] == 8
    assert {"l", "qu", "de"} <= wordlists.word_set("fr/stopwords.txt")
    assert "Besançon" in wordlists.phrase_list("fr/places.txt")

"""The document's (and the archive's) own word pairs as context (``doccontext``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressclean.cli import main
from pressclean.pipeline import Cleaner

from .conftest import SEEDS

MISREAD = "De fait, te pôle a dû se séparer de sa directrice.\n"
ELSEWHERE = "Le pôle horloger grandit encore cette année.\n"


def test_counts_hold_trusted_pairs_the_model_never_saw(cleaner: Cleaner) -> None:
    pairs = cleaner.resources.speller.pair_counts([MISREAD + ELSEWHERE])
    assert pairs.pairs[("le", "pôle")] == 1
    # "te" is read for "le" too often to vouch for anything
    assert not any("te" in pair for pair in pairs.pairs)
    # a pair the model knows keeps the model's estimate: it is not counted at all
    assert ("de", "sa") not in pairs.pairs
    assert "de sa" in cleaner.resources.speller.model.bigrams


def test_the_occurrence_being_decided_is_left_out(cleaner: Cleaner) -> None:
    pairs = cleaner.resources.speller.pair_counts([ELSEWHERE])
    assert pairs.p("le", "pôle", own=True) == 0.0  # the only "le pôle" is this one
    assert pairs.p("le", "pôle", own=False) == 1.0  # another word here: "le" seen once


def test_a_pair_read_right_elsewhere_tips_a_close_call(cleaner: Cleaner) -> None:
    alone = cleaner.clean_text(MISREAD)
    assert "te pôle" in alone.clean_text
    both = cleaner.clean_text(MISREAD + ELSEWHERE)
    assert "le pôle a dû" in both.clean_text
    fix = [c for c in both.corrections if c.before == "te"]
    assert [(c.after, c.rule) for c in fix] == [("le", "context")]


def test_one_other_occurrence_never_overturns_a_word_read_right(cleaner: Cleaner) -> None:
    text = "Des clusters existent depuis longtemps. Les clusters collaborent déjà.\n"
    assert cleaner.clean_text(text).clean_text == text


def test_files_of_one_call_are_one_archive(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ELSEWHERE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MISREAD, encoding="utf-8")
    runner = CliRunner()
    alone = runner.invoke(main, ["clean", str(tmp_path / "b.txt")], catch_exceptions=False)
    assert alone.exit_code == 0 and "te pôle" in alone.output
    out = tmp_path / "out"
    both = runner.invoke(main, ["clean", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                "-o", str(out)], catch_exceptions=False)
    assert both.exit_code == 0
    assert (out / "b.txt").read_text(encoding="utf-8") == MISREAD.replace("te pôle", "le pôle")
    assert (out / "a.txt").read_text(encoding="utf-8") == ELSEWHERE


@pytest.mark.parametrize("name", ["001_article.txt", "002_article.txt", "003_article.txt",
                                  "004_article.txt"])
def test_clean_press_is_untouched_as_one_archive(cleaner: Cleaner, name: str) -> None:
    texts = {n: (SEEDS / n).read_text(encoding="utf-8") for n in
             ("001_article.txt", "002_article.txt", "003_article.txt", "004_article.txt")}
    archive = Cleaner(resources=cleaner.resources)
    archive.count_archive(texts.values())
    doc = archive.clean_text(texts[name])
    assert [c for c in doc.corrections if c.stage == "spell"] == []

"""``learn --archive``: frequent unknown forms near frequent known words of the archive."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from pressclean.cli import main


def test_archive_mining_proposes_repeated_variants(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "1925").mkdir(parents=True)
    page = ("Le conseil municipal s'est réuni plus tôt que prévu. "
            "Le maire a parlé plus longtemps. ") * 10
    noisy = "Le consei1 municipal a voté ptus de crédits ; le maire parle ptus fort. " * 3
    (archive / "1925" / "a.txt").write_text(page, encoding="utf-8")
    (archive / "1925" / "b.txt").write_text(noisy, encoding="utf-8")
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "proposals.csv"
    result = CliRunner().invoke(main, ["learn", "--archive", str(archive), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    variants = {(r["variant"], r["word"]) for r in rows if r["kind"] == "variant"}
    assert ("ptus", "plus") in variants
    ptus = next(r for r in rows if r["variant"] == "ptus")
    assert ptus["variant_count"] == "6" and ptus["confusions"] == "l→t"
    assert "maire parle ptus fort" in ptus["examples"]
    rules = {(r["variant"], r["word"]) for r in rows if r["kind"] == "rule"}
    assert ("t", "l") in rules


def test_pieces_of_hyphenated_words_are_not_variants(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    page = ("Il est très tard, très tard. " * 10
            + "Ces let-tres sont venues, et ces let-\ntres aussi. " * 3)
    (archive / "a.txt").write_text(page + "Le maire parle ptus fort, ptus fort. " * 2
                                   + "Il parle plus fort. " * 20, encoding="utf-8")
    out = tmp_path / "proposals.csv"
    result = CliRunner().invoke(main, ["learn", "--archive", str(archive), "-o", str(out)])
    assert result.exit_code == 0, result.output
    variants = {r["variant"] for r in csv.DictReader(out.open(encoding="utf-8"))
                if r["kind"] == "variant"}
    assert "ptus" in variants and "tres" not in variants  # "let-tres" is "lettres" cut


def test_learn_needs_exactly_one_source(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["learn", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "--pairs FILE|DIR or --archive DIR" in result.output

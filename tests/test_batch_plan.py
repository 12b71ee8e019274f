"""Planning a run: which files, in what order, under which output names, with what metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressclean.archive_meta import ArchiveMeta, load_path_patterns, load_sidecar, meta_from_path
from pressclean.batch import out_stems, plan
from pressclean.document import Correction, Document
from pressclean.exceptions import DataFileError
from pressclean.quality import document_quality, known_share


def test_out_stems_clash_rule() -> None:
    assert out_stems(["a.txt", "b.png"], top_level=False) == {"a.txt": "a", "b.png": "b"}
    assert out_stems(["a.png", "a.txt", "A.tif"], top_level=False) == {
        "a.png": "a.png", "a.txt": "a.txt", "A.tif": "A.tif"}
    assert out_stems(["failures.txt", "manifest.png", "x.txt"], top_level=True) == {
        "failures.txt": "failures.txt", "manifest.png": "manifest.png", "x.txt": "x"}
    assert out_stems(["manifest.txt"], top_level=False) == {"manifest.txt": "manifest"}


def test_plan_walks_sorted_skips_hidden_unsupported_and_out(tmp_path: Path) -> None:
    arch = tmp_path / "arch"
    for rel in ["b/2.txt", "b/1.txt", "a.txt", "c/d/e.png", ".hidden/x.txt", ".x.txt",
                "notes.md", "out/old.txt"]:
        (arch / rel).parent.mkdir(parents=True, exist_ok=True)
        (arch / rel).write_text("texte\n")
    jobs = list(plan(arch, arch / "out", ArchiveMeta(load_path_patterns())))
    assert [j.relpath for j in jobs] == ["a.txt", "b/1.txt", "b/2.txt", "c/d/e.png"]
    assert [j.out_stem for j in jobs] == ["a", "b/1", "b/2", "c/d/e"]
    assert Path(jobs[1].path) == (arch / "b/1.txt").resolve()


@pytest.mark.parametrize("rel, expected", [
    ("le-petit-comtois/1912/07/02/003.png",
     {"publication": "le-petit-comtois", "date": "1912-07-02", "page": 3}),
    ("fonds/l-est/1925/03/14/page-12.tif",
     {"publication": "l-est", "date": "1925-03-14", "page": 12}),
    ("le-jura/1931/11/05/une.txt", {"publication": "le-jura", "date": "1931-11-05"}),
    ("le-jura/1931/11/05.txt", {"publication": "le-jura", "date": "1931-11-05"}),
    ("le-jura/1931-11-05/p4.jpg", {"publication": "le-jura", "date": "1931-11-05", "page": 4}),
    ("le-jura_19311105_004.png", {"publication": "le-jura", "date": "1931-11-05", "page": 4}),
    ("x/le-jura-1931-11-05.txt", {"publication": "le-jura", "date": "1931-11-05"}),
    ("le-jura/1931/13/45/001.png", {}),  # not a date
    ("vrac/feuille.txt", {}),
])
def test_meta_from_path(rel: str, expected: dict[str, object]) -> None:
    meta = meta_from_path(rel, load_path_patterns())
    meta.pop("meta_source", None)
    assert meta == expected


def test_patterns_file_errors_name_the_line() -> None:
    with pytest.raises(DataFileError, match=r"p.tsv:3: bad regex"):
        load_path_patterns("# comment\nok\t(?P<year>\\d{4})\nbad\t(?P<year>[\n", "p.tsv")
    with pytest.raises(DataFileError, match=r"p.tsv:1: named groups must be among"):
        load_path_patterns("x\t(?P<author>.+)\n", "p.tsv")
    with pytest.raises(DataFileError, match=r"p.tsv:1: expected <name> TAB <regex>"):
        load_path_patterns("only-a-name\n", "p.tsv")


def test_sidecar_json_overrides_path(tmp_path: Path) -> None:
    side = tmp_path / "metadata.json"
    side.write_text(json.dumps([{"path": "le-jura/1931/11/05/001.png", "page": "7",
                                 "publication": "Le Jura", "cote": "JO-12"}]))
    meta = ArchiveMeta(load_path_patterns(), load_sidecar(side))
    got = meta.meta_for("le-jura/1931/11/05/001.png")
    assert (got["publication"], got["date"], got["page"], got["cote"]) == (
        "Le Jura", "1931-11-05", 7, "JO-12")
    assert meta.meta_for("autre.txt") == {}


def test_sidecar_errors(tmp_path: Path) -> None:
    csv_file = tmp_path / "m.csv"
    csv_file.write_text("chemin,date\na.txt,1931-01-01\n")
    with pytest.raises(DataFileError, match=r"m.csv:1: CSV header must have a 'path' column"):
        load_sidecar(csv_file)
    csv_file.write_text("path,page\na.txt,1\nb.txt,deux\n")
    with pytest.raises(DataFileError, match=r"m.csv:3: page 'deux' is not an integer"):
        load_sidecar(csv_file)
    csv_file.write_text("path\na.txt\na.txt\n")
    with pytest.raises(DataFileError, match=r"m.csv:3: path 'a.txt' listed twice"):
        load_sidecar(csv_file)
    js = tmp_path / "m.json"
    js.write_text("{not json")
    with pytest.raises(DataFileError, match=r"m.json:1: bad JSON"):
        load_sidecar(js)


class _Lex:
    def known(self, word: str) -> bool:
        return word.lower() in {"nous", "sommes", "le", "pôle"}


def test_quality_before_and_after() -> None:
    assert known_share("Nous somrnes 12 !", _Lex()) == (0.5, 2)
    assert known_share("1912 — 42", _Lex()) == (0.0, 0)
    doc = Document(path="d", source_text="Nous somrnes [e pôte",
                   clean_text="Nous sommes le pôle",
                   corrections=[Correction(5, 12, 5, 11, "somrnes", "sommes", "rules", "rn-m", 1),
                                Correction(13, 15, 12, 14, "[e", "le", "rules", "[e", 1),
                                Correction(16, 20, 15, 19, "pôte", "pôle", "spell", "lex", .9)])
    q = document_quality(doc, _Lex())
    # "[e" counts as the unknown word "e": the misread is scored, not hidden
    assert q == {"before": 0.25, "after": 1.0, "words_before": 4, "words_after": 4,
                 "corrections": 3, "corrections_by_stage": {"rules": 2, "spell": 1}}

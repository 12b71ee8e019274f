"""The index on disk: French analysis finds what readers type, incrementally updated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressclean.analysis import fold, index_terms, prefix_term, terms
from pressclean.exceptions import SearchIndexError
from pressclean.index import build_index
from pressclean.search import Filters, search

from .seedrun import OCR_FIXED, OCR_MISREAD, build_seed_run, seed_document, seed_text, write_record


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = build_seed_run(tmp_path_factory.mktemp("run"))
    report = build_index(out)
    assert (report.added, report.failures) == (5, [])
    return out


def paths(out: Path, query: str, **filters: str) -> set[str]:
    return {h.path for h in search(out, query, Filters(**filters), limit=50)[1]}


def test_analysis_folds_elides_stems() -> None:
    assert terms("L’industrie d'Entreprises à Besançon") == ["industr", "entrepris", "besancon"]
    assert terms("besancon") == terms("Besançon")
    assert fold("Œuvre ÉDITÉE") == "oeuvre editee"
    assert prefix_term("entreprises") == "entrepris"


@pytest.mark.parametrize("name", ["000_part1.ocr.txt", "001_article.txt", "002_article.txt",
                                  "003_article.txt", "004_article.txt"])
def test_python_analysis_is_the_index_analysis(name: str) -> None:
    """Snippets and keywords use the Python chain, the index tantivy's: they must agree."""
    text = seed_text(name) + " Œuvre ÉTÉ où Straße _x_ l’été d'Ørsted"
    assert terms(text) == index_terms(text)


def test_besancon_micronora_finds_the_articles_naming_both(run_dir: Path) -> None:
    assert paths(run_dir, "besancon micronora") == {"seeds/001_article.txt",
                                                     "seeds/002_article.txt"}


def test_inflection_and_surname(run_dir: Path) -> None:
    # every article says "entreprises" (000 too, in its OCR'd text)
    assert paths(run_dir, "entreprise") == {f"seeds/00{n}_article.txt" for n in "1234"} | {
        "seeds/000_part1.png"}
    assert paths(run_dir, "gisselbrecht") == {"seeds/002_article.txt"}
    assert paths(run_dir, "Deschamps") == {"seeds/001_article.txt"}


def test_word_fixed_by_correction_is_found(run_dir: Path) -> None:
    assert paths(run_dir, OCR_FIXED) == {"seeds/000_part1.png"}
    assert paths(run_dir, OCR_MISREAD) == set()


def test_phrase_prefix_exclusion_field(run_dir: Path) -> None:
    assert paths(run_dir, '"conseil régional"') == {"seeds/001_article.txt"}
    assert paths(run_dir, '"régional conseil"') == set()
    # a stop word inside a phrase keeps its place, as in the index
    assert paths(run_dir, '"pôle des microtechniques"') == {
        "seeds/001_article.txt", "seeds/002_article.txt", "seeds/004_article.txt"}
    assert paths(run_dir, '"pôle microtechniques"') == set()
    assert paths(run_dir, '"pole des micro*"') == paths(run_dir, '"pôle des microtechniques"')
    assert paths(run_dir, "Bourgogne-Fra*") == {"seeds/001_article.txt"}
    assert paths(run_dir, "horlog*") == {"seeds/003_article.txt", "seeds/000_part1.png"}
    assert paths(run_dir, '"espace collab*"') == {"seeds/003_article.txt"}
    assert paths(run_dir, "besancon -micronora") == {"seeds/003_article.txt",
                                                      "seeds/004_article.txt"}
    assert paths(run_dir, "people:boyer") == {"seeds/001_article.txt"}


def test_filters(run_dir: Path) -> None:
    assert paths(run_dir, "besancon", date_from="2020-01-01", date_to="2024") == {
        "seeds/001_article.txt", "seeds/003_article.txt"}
    assert paths(run_dir, "besancon", publication="l'est republicain") == {
        "seeds/001_article.txt"}
    assert paths(run_dir, "microtechniques", entity="alain boyer") == {"seeds/001_article.txt"}
    assert paths(run_dir, "microtechniques", entity="Franche-Comte") == {
        "seeds/001_article.txt", "seeds/004_article.txt"}


def test_hit_fields_and_snippet(run_dir: Path) -> None:
    total, hits = search(run_dir, "besancon micronora")
    assert total == 2
    top = hits[0]
    assert top.path == "seeds/001_article.txt" and top.date == "2020-07-10"
    assert "**Besançon**" in top.snippet and "**Micronora**" in top.snippet
    assert top.score > 0


def test_malformed_and_missing(run_dir: Path, tmp_path: Path) -> None:
    for bad in ('"open phrase', "*", "le la les", "foo:bar", "-micronora", "mi*cro"):
        with pytest.raises(SearchIndexError):
            search(run_dir, bad)
    with pytest.raises(SearchIndexError, match="run `pressclean index"):
        search(tmp_path, "micronora")


def test_incremental_reindex(tmp_path: Path) -> None:
    out = build_seed_run(tmp_path / "run")
    assert build_index(out).added == 5
    again = build_index(out)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    doc = seed_document("002")
    doc.clean_text = doc.clean_text.replace("Gisselbrecht", "Gisselbrecht-Zorglub")
    write_record(out, doc, use_spacy=False)
    (out / "seeds" / "004_article.json").unlink()
    third = build_index(out)
    assert (third.updated, third.removed, third.unchanged) == (1, 1, 3)
    assert paths(out, "zorglub") == {"seeds/002_article.txt"}
    assert paths(out, "TEMIS") == set()


def test_bad_record_reported_others_indexed(tmp_path: Path) -> None:
    out = build_seed_run(tmp_path / "run")
    (out / "broken.json").write_text('{"schema": 1, "clean_te', encoding="utf-8")
    (out / "other.json").write_text(json.dumps({"not": "a record"}), encoding="utf-8")
    report = build_index(out)
    assert report.added == 5 and len(report.failures) == 1
    assert "broken.json" in str(report.failures[0])
    assert paths(out, "micronora")

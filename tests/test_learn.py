"""Learning a model from aligned pairs, and loading it back."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pressclean.align import char_chunks
from pressclean.cli import main
from pressclean.exceptions import DataFileError
from pressclean.learn import ENGINE_WEIGHT
from pressclean.model import SENTENCE_START, Model, load_model


def test_char_chunks_group_insertions_not_substitutions() -> None:
    assert char_chunks("sommes", "somrnes") == [("m", "rn")]
    assert char_chunks("essaimer", "e66aimer") == [("s", "6"), ("s", "6")]
    assert char_chunks("alors", "ators") == [("l", "t")]


def test_learn_from_pair_files_and_clean_with_it(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    for i in range(4):
        (pairs / f"p{i}.ocr.txt").write_text("Le pôte des rnicrotechniques est a Besançon.",
                                             encoding="utf-8")
        (pairs / f"p{i}.gt.txt").write_text("Le pôle des microtechniques est à Besançon.",
                                            encoding="utf-8")
    model_path = tmp_path / "m.json.gz"
    result = CliRunner().invoke(main, ["learn", "--pairs", str(pairs), "-o", str(model_path)])
    assert result.exit_code == 0, result.output
    model = load_model(model_path)
    assert model.provenance["pairs"] == 4
    assert model.word_conf["pôte"] == {"pôle": 4}
    assert model.word_conf["a"] == {"à": 4}
    assert model.chunk_conf["l"] == {"t": 4}
    assert model.bigrams["pôle des"] == 4
    ocr = tmp_path / "x.txt"
    ocr.write_text("Le pôte des microtechniques.", encoding="utf-8")
    out = CliRunner().invoke(main, ["clean", str(ocr), "--model", str(model_path)])
    assert out.exit_code == 0
    assert "pôle" in out.stdout


def test_learn_from_several_pair_sources(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, ocr in ((first, "Le pôte est ici."), (second, "Île pôle est ici.")):
        folder.mkdir()
        (folder / "p.ocr.txt").write_text(ocr, encoding="utf-8")
        (folder / "p.gt.txt").write_text("Le pôle est ici.", encoding="utf-8")
    model_path = tmp_path / "m.json.gz"
    result = CliRunner().invoke(main, ["learn", "--pairs", str(first), "--pairs", str(second),
                                       "-o", str(model_path)])
    assert result.exit_code == 0, result.output
    model = load_model(model_path)
    assert model.provenance["pairs"] == 2
    assert model.provenance["source"] == "a + b"
    assert model.word_conf["pôte"] == {"pôle": 1}
    assert model.word_conf["île"] == {"le": 1}
    assert model.unigrams["pôle"] == 2


def test_an_engine_s_pairs_weigh_its_confusions_not_its_words(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, ocr in ((first, "Le pôte est ici."), (second, "Île pôle est ici.")):
        folder.mkdir()
        (folder / "p.ocr.txt").write_text(ocr, encoding="utf-8")
        (folder / "p.gt.txt").write_text("Le pôle est ici.", encoding="utf-8")
    model_path = tmp_path / "m.json.gz"
    result = CliRunner().invoke(main, ["learn", "--pairs", str(first), "--engine-pairs",
                                       str(second), "-o", str(model_path)])
    assert result.exit_code == 0, result.output
    model = load_model(model_path)
    assert model.provenance["source"] == "a + b (engine)"
    assert model.provenance["engine_pairs"] == 1
    assert model.provenance["engine_weight"] == ENGINE_WEIGHT == 10
    # the engine's misreading weighs ten times in the odds, the other's once; seen once
    # each, as evidence; the truth's words count once
    assert model.word_conf["île"] == {"le": 1} and model.engine_word_conf["île"] == {"le": 1}
    assert model.weighted_row("île") == {"le": ENGINE_WEIGHT}
    assert model.word_conf["pôte"] == model.weighted_row("pôte") == {"pôle": 1}
    assert "pôte" not in model.engine_word_conf
    assert model.unigrams["pôle"] == 2
    assert model.chunk_totals["ô"] == 1 + ENGINE_WEIGHT
    # a chunk confusion's rate is weighted, its sightings are not: an "î" inserted
    assert model.chunk_conf[""]["î"] == ENGINE_WEIGHT and model.chunk_seen("", "î") == 1
    assert model.chunk_seen("ô", "t") == 0 and model.chunk_seen("l", "t") == 1
    assert load_model(model_path).engine_word_conf == model.engine_word_conf  # saved


def _learn_one_pair(tmp_path: Path, ocr: str, truth: str) -> Model:
    """``pressclean learn`` on one pair of files, and the model it wrote."""
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    (pairs / "p.ocr.txt").write_text(ocr, encoding="utf-8")
    (pairs / "p.gt.txt").write_text(truth, encoding="utf-8")
    model_path = tmp_path / "m.json.gz"
    result = CliRunner().invoke(main, ["learn", "--pairs", str(pairs), "-o", str(model_path)])
    assert result.exit_code == 0, result.output
    return load_model(model_path)


def test_learn_counts_the_words_that_open_sentences(tmp_path: Path) -> None:
    model = _learn_one_pair(tmp_path, "Il part. M. Roux reste ici. A Paris, il pleut.",
                            "Il part. M. Roux reste ici. À Paris, il pleut.")
    # three sentences ("M." is an initial's dot, "il pleut" follows a comma)
    assert model.unigrams[SENTENCE_START] == 3
    assert {p: n for p, n in model.bigrams.items() if p.startswith("<s> ")} == {
        "<s> il": 1, "<s> m": 1, "<s> à": 1}
    assert "part m" not in model.bigrams  # a sentence's last word and the next's first
    # the marker is no word: not in the word confusions, nor in the words counted
    assert SENTENCE_START not in model.word_conf
    assert model.word_conf["a"] == {"à": 1}
    assert model.provenance["words"] == 10


def test_learn_counts_elisions_misread_glued_to_their_word(tmp_path: Path) -> None:
    model = _learn_one_pair(tmp_path, "Il parle de vacadémie et de rintérêt, puis dintervenir.",
                            "Il parle de l'académie et de l'intérêt, puis d'intervenir.")
    assert model.elision_conf == {"l'": {"v": 1, "r": 1}, "d'": {"d": 1}}
    assert model.elision_logp("l'", "v") is None  # seen once: too rare to propose


def test_learn_leaves_out_the_pairs_it_will_be_measured_on(tmp_path: Path) -> None:
    train, held = tmp_path / "train", tmp_path / "dev"
    train.mkdir()
    held.mkdir()
    shared = "Le pôle des microtechniques est à Besançon depuis vingt ans déjà."
    texts = {"a": ("Le pôte est ici.", "Le pôle est ici."),
             "b": (shared.replace("à", "a"), shared),  # a dev row as it is
             "c": ("Titre. " + shared, "Titre. " + shared)}  # a page holding a dev row
    for name, (ocr, gt) in texts.items():
        (train / f"{name}.ocr.txt").write_text(ocr, encoding="utf-8")
        (train / f"{name}.gt.txt").write_text(gt, encoding="utf-8")
    (held / "d.ocr.txt").write_text(shared, encoding="utf-8")
    (held / "d.gt.txt").write_text(shared, encoding="utf-8")
    model_path = tmp_path / "m.json.gz"
    result = CliRunner().invoke(main, ["learn", "--pairs", str(train), "--exclude", str(held),
                                       "-o", str(model_path)])
    assert result.exit_code == 0, result.output
    assert "left out 2 pairs" in result.output
    model = load_model(model_path)
    assert model.provenance["pairs"] == 1 and model.provenance["excluded_pairs"] == 2
    assert model.provenance["source"] == "train − dev"
    assert "besançon" not in model.unigrams and "a" not in model.word_conf


def test_an_exclusion_file_that_is_not_pairs_is_named_and_nothing_is_written(
        tmp_path: Path) -> None:
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    (pairs / "p.ocr.txt").write_text("Le pôte est ici.", encoding="utf-8")
    (pairs / "p.gt.txt").write_text("Le pôle est ici.", encoding="utf-8")
    bad = tmp_path / "dev.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    model_path = tmp_path / "m.json.gz"
    result = CliRunner().invoke(main, ["learn", "--pairs", str(pairs), "--exclude", str(bad),
                                       "-o", str(model_path)])
    assert result.exit_code == 6  # a data file error
    assert f"{bad}:1: expected a TSV with 'input' and 'output' columns" in result.output
    assert not model_path.exists()


def test_a_model_without_elision_counts_still_loads(tmp_path: Path) -> None:
    data = load_model().to_json()
    del data["elision_conf"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    assert load_model(old).elision_conf == {}


def test_packaged_model_has_provenance_and_no_text() -> None:
    model = load_model()
    # ICDAR 2017 train, and Tesseract reading renders of its truth (bench/render_pairs.py)
    assert model.provenance["source"] == ("train.aligned.tsv + tesseract-renders"
                                          " − dev.aligned.tsv")
    # ICDAR's train file holds every dev row: those (and render pages set from them)
    # are left out, so that measuring on dev is measuring on unseen text
    assert model.provenance["excluded_pairs"] >= 1628
    assert model.provenance["pairs"] > 8000
    assert not hasattr(model, "texts")


def test_packaged_tesseract_model_differs_only_in_its_confusions() -> None:
    default, tess = load_model(), load_model(engine="tesseract")
    assert tess.origin == "<package>/data/model-tesseract-fr.json.gz"
    assert default.origin == "<package>/data/model-press-fr.json.gz"
    assert load_model(engine="other").origin == default.origin  # any other engine
    assert tess.provenance["engine_weight"] == ENGINE_WEIGHT
    assert tess.provenance["engine_pairs"] >= 190
    assert tess.provenance["pairs"] == default.provenance["pairs"]
    # same words and word pairs: both build the same lexicon
    assert tess.unigrams == default.unigrams and tess.bigrams == default.bigrams
    # Tesseract sets accents on "a" and "ou" that were never printed
    def share(m: Model) -> float:
        row = m.weighted_row("à")
        return row["a"] / sum(row.values())
    assert share(tess) > 1.5 * share(default)
    assert tess.word_conf == default.word_conf  # sightings: the same evidence


def test_bad_model_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json.gz"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    try:
        load_model(bad)
    except DataFileError as exc:
        assert str(bad) in str(exc) and "not a pressclean model" in str(exc)
    else:
        raise AssertionError("a foreign file was accepted as a model")

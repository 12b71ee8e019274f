"""Loading run outputs for review, the page's data, and the page as written (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressclean.changes import change_groups, rebuild_source
from pressclean.cli import main
from pressclean.decisions import REJECT, CorrectionDecision, Decisions
from pressclean.document import Correction
from pressclean.exceptions import DataFileError, EmptyInputError, ExitCode
from pressclean.review import load_document, load_run
from pressclean.review_html import render_review
from pressclean.review_model import page_data, rule_stats
from pressclean.writers import write_clean_outputs

from . import review_helpers as rh

fake_stages = rh.fake_stages


@pytest.mark.parametrize("text", [rh.SAMPLE, rh.HOSTILE, "rien à corriger\n", "[e"])
def test_groups_are_disjoint_and_rebuild_the_source(fake_stages: None, text: str) -> None:
    doc = rh.make_cleaner().clean_text(text, path="a.txt")
    groups = change_groups(doc.corrections)
    assert sorted(i for g in groups for i in g.members) == list(range(len(doc.corrections)))
    for a, b in zip(groups, groups[1:], strict=False):
        assert a.in_end <= b.in_start and a.out_end <= b.out_start
    assert rebuild_source(doc.clean_text, doc.corrections, "x") == text


def test_nested_corrections_share_one_group(fake_stages: None) -> None:
    doc = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    [group] = [g for g in change_groups(doc.corrections)
               if doc.source_text[g.in_start:g.in_end] == "déve-\nlopement"]
    assert sorted(doc.corrections[i].rule for i in group.members) == \
        ["dehyphenate", "spell:lexicon"]
    assert doc.clean_text[group.out_start:group.out_end] == "développement"


def test_corrections_that_do_not_fit_the_text_are_refused() -> None:
    bad = [Correction(0, 2, 0, 2, "[e", "le", "rules", "r", 1.0)]
    with pytest.raises(DataFileError, match="x.jsonl: correction 1: clean text at 0-2 is not"):
        rebuild_source("la suite", bad, "x.jsonl")


def test_load_run_reads_run_records_and_clean_folders(fake_stages: None, tmp_path: Path) -> None:
    docs = rh.write_run(tmp_path / "run", {"dir/a.txt": rh.SAMPLE, "b.txt": rh.HOSTILE})
    (tmp_path / "run" / "manifest.json").write_text('{"documents": 2}', encoding="utf-8")
    (tmp_path / "run" / "failures.jsonl").write_text(
        '{"path": "c.png", "error": "ocr_failed", "message": "c.png: timeout"}\n',
        encoding="utf-8")
    run = load_run(tmp_path / "run")
    assert [d.key for d in run.documents] == ["b.txt", "dir/a.txt"]
    assert run.documents[1].source == rh.SAMPLE
    assert run.documents[1].corrections == docs["dir/a.txt"].corrections
    assert run.failures == [{"path": "c.png", "error": "ocr_failed",
                             "message": "c.png: timeout"}]
    assert run.problems == []

    out = tmp_path / "clean"
    write_clean_outputs(docs["dir/a.txt"], out, "a")
    [doc] = load_run(out).documents
    assert (doc.key, doc.source, doc.clean) == ("a", rh.SAMPLE, rh.SAMPLE_CLEAN)
    assert load_document(out / "a.txt").source == rh.SAMPLE


def test_an_unreadable_record_is_reported_and_the_others_still_load(
        fake_stages: None, tmp_path: Path) -> None:
    rh.write_run(tmp_path, {"a.txt": rh.SAMPLE, "b.txt": rh.SAMPLE})
    (tmp_path / "b.json").write_text('{"schema": 1, "source_text": "trunc', encoding="utf-8")
    run = load_run(tmp_path)
    assert [d.key for d in run.documents] == ["a.txt"]
    [problem] = run.problems
    assert str(problem).startswith(f"{tmp_path / 'b.json'}:1: unreadable record")


def test_an_empty_folder_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError) as err:
        load_run(tmp_path)
    assert err.value.exit_code == ExitCode.BAD_INPUT
    assert "holds no pressclean outputs" in str(err.value)


def test_rule_stats_count_and_show_examples(fake_stages: None, tmp_path: Path) -> None:
    rh.write_run(tmp_path, {"a.txt": rh.SAMPLE, "b.txt": rh.SAMPLE.replace("ators", "[e")})
    stats = {s.rule: s for s in rule_stats(load_run(tmp_path))}
    le = stats["glyph:[e"]
    assert (le.count, len(le.documents), le.mean_score, le.stages) == (5, 2, 0.9, {"rules"})
    assert le.examples == [("[e", "le", 5)]
    assert stats["glyph:ators"].count == 1
    assert stats["reflow"].examples == [("\n", " ", 6)]


def test_page_data_marks_decisions_and_lists_overruled(fake_stages: None,
                                                       tmp_path: Path) -> None:
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    [le] = [c for c in first.corrections if c.rule == "glyph:[e"][:1]
    dec = Decisions(rejected_rules={"glyph:rn"}, corrections=[CorrectionDecision(
        "a.txt", le.in_start, le.in_end, le.before, REJECT, le.after, le.rule)])
    rh.write_run(tmp_path, {"a.txt": rh.SAMPLE}, decisions=dec)
    run = load_run(tmp_path)
    # the run honoured the decisions: what it refused is in the record, for the report
    assert [(o[3], o[4], o[6], o[8]) for o in page_data(run)["over"]] == [
        ("[e", "le", "glyph:[e", "correction rejected"),
        ("rn", "m", "glyph:rn", "rule rejected")]
    stats = {s.rule: s for s in rule_stats(run)}
    assert (stats["glyph:rn"].count, stats["glyph:rn"].overruled) == (0, 1)
    # shown on a rerun's page: the file's verdicts mark the matching corrections
    data = page_data(load_run(tmp_path), Decisions(corrections=[CorrectionDecision(
        "a.txt", 0, 0, "", REJECT)] + [CorrectionDecision(
            "a.txt", c.in_start, c.in_end, c.before, "accept", c.after, c.rule)
            for c in first.corrections if c.rule == "glyph:ators"], rejected_rules={"x"}))
    marked = {(row[5], row[10]) for row in data["corr"] if row[10]}
    assert marked == {("ators", "accept")}
    assert data["rejectedRules"] == ["x"]


def test_hostile_text_is_escaped_in_the_written_page(fake_stages: None, tmp_path: Path) -> None:
    rh.write_run(tmp_path / "run", {"hostile.txt": rh.HOSTILE, "a.txt": rh.SAMPLE})
    (tmp_path / "run" / "failures.jsonl").write_text(json.dumps(
        {"path": "<b>x</b>.png", "error": "bad_input",
         "message": "<script>alert(3)</script>"}) + "\n", encoding="utf-8")
    html = render_review(load_run(tmp_path / "run"))
    # the only elements a document could add are absent; ours are the only scripts
    assert re.findall(r"<script\b[^>]*>", html) == [
        '<script type="application/json" id="review-data">', "<script>"]
    assert "<img" not in html and "<b>x" not in html and "alert(3)</script>" not in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;.png" in html
    # the rules table shows examples as text ("<<" read for «)
    assert "<del>&lt;&lt;</del>→<ins>«</ins>" in html
    # the data block is JSON with every < escaped, and holds the text intact
    block = html.split('id="review-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block
    data = json.loads(block)
    assert data["docs"][1]["source"] == rh.HOSTILE
    # only the page's own script may run (CSP by hash), nothing may load
    assert "script-src 'sha256-" in html and "default-src 'none'" in html


def test_review_command_writes_the_page(fake_stages: None, tmp_path: Path) -> None:
    rh.write_run(tmp_path / "run", {"a.txt": rh.SAMPLE})
    page = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["review", str(tmp_path / "run"), "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert f"{page}: 1 documents, 12 corrections" in result.output
    html = page.read_text(encoding="utf-8")
    assert '<a class="rule-link" href="#rule=glyph%3A%5Be">glyph:[e</a>' in html


def test_review_command_goes_on_past_an_unreadable_record(fake_stages: None,
                                                          tmp_path: Path) -> None:
    rh.write_run(tmp_path / "run", {"a.txt": rh.SAMPLE, "b.txt": rh.SAMPLE})
    (tmp_path / "run" / "b.json").write_text("{not json", encoding="utf-8")
    page = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["review", str(tmp_path / "run"), "--html", str(page)])
    assert result.exit_code == ExitCode.PARTIAL
    assert f"pressclean: {tmp_path / 'run' / 'b.json'}:1: unreadable record" in result.output
    html = page.read_text(encoding="utf-8")
    assert "Unreadable outputs (skipped)" in html
    assert json.loads(html.split('id="review-data">', 1)[1].split("</script>", 1)[0]
                      )["docs"][0]["key"] == "a.txt"


@pytest.mark.parametrize(("setup", "code", "message"), [
    ("empty", ExitCode.BAD_INPUT, "holds no pressclean outputs"),
    ("bad-decisions", ExitCode.BAD_DATA_FILE, "decisions.json:1: not valid JSON"),
])
def test_review_command_errors(fake_stages: None, tmp_path: Path, setup: str,
                               code: ExitCode, message: str) -> None:
    (tmp_path / "run").mkdir()
    args = ["review", str(tmp_path / "run"), "--html", str(tmp_path / "r.html")]
    if setup == "bad-decisions":
        rh.write_run(tmp_path / "run", {"a.txt": rh.SAMPLE})
        (tmp_path / "decisions.json").write_text("{oops", encoding="utf-8")
        args += ["--decisions", str(tmp_path / "decisions.json")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code
    assert message in result.output
    assert not (tmp_path / "r.html").exists()

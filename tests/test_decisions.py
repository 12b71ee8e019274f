"""Decisions files: formats, errors, and that later cleanings honour them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressclean.cli import main
from pressclean.decisions import (
    ACCEPT,
    REJECT,
    CorrectionDecision,
    Decisions,
    DocumentVeto,
    decisions_csv,
    document_matches,
    load_decisions,
    write_decisions,
)
from pressclean.exceptions import DataFileError, ExitCode
from pressclean.offsets import Edit

from . import review_helpers as rh

fake_stages = rh.fake_stages


def _decision(c, verdict: str, document: str = "a.txt") -> CorrectionDecision:
    return CorrectionDecision(document=document, in_start=c.in_start, in_end=c.in_end,
                              before=c.before, after=c.after, rule=c.rule, decision=verdict)


def _by_rule(doc, rule: str):
    return [c for c in doc.corrections if c.rule == rule]


def test_fake_stages_make_the_expected_text(fake_stages: None) -> None:
    doc = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    assert doc.clean_text == rh.SAMPLE_CLEAN
    assert {c.rule for c in doc.corrections} == {
        "reflow", "dehyphenate", "glyph:[e", "glyph:ators", "glyph:rn", "glyph:guillemets",
        "spell:lexicon"}


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_rejecting_one_correction_and_one_rule_reverts_exactly_those(
        fake_stages: None, tmp_path: Path, suffix: str) -> None:
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    [entreprises] = [c for c in first.corrections if c.before == "entrcprises"]
    dec = Decisions(rejected_rules={"glyph:ators"},
                    corrections=[_decision(entreprises, REJECT)])
    path = tmp_path / f"decisions{suffix}"
    write_decisions(dec, path)

    again = rh.make_cleaner(load_decisions(path)).clean_text(rh.SAMPLE, path="a.txt")

    reverted = {rh.key(entreprises)} | {rh.key(c) for c in _by_rule(first, "glyph:ators")}
    assert len(reverted) == 2
    assert {rh.key(c) for c in again.corrections} == \
        {rh.key(c) for c in first.corrections} - reverted
    assert again.clean_text == rh.SAMPLE_CLEAN.replace("entreprises", "entrcprises") \
        .replace("alors", "ators")
    overruled = {(o["before"], o["after"], o["rule"], o["reason"])
                 for o in again.meta["overruled"]}
    assert overruled == {("entrcprises", "entreprises", "spell:lexicon", "correction rejected"),
                         ("ators", "alors", "glyph:ators", "rule rejected")}


def test_rejecting_a_nested_spell_fix_keeps_the_layout_edit_under_it(
        fake_stages: None) -> None:
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    [nested] = [c for c in first.corrections if c.rule == "spell:lexicon"
                and c.after == "développement"]
    assert nested.before == "déve-\nlopement"  # spans the de-hyphenation
    dec = Decisions(corrections=[_decision(nested, REJECT)])
    again = rh.make_cleaner(dec).clean_text(rh.SAMPLE, path="a.txt")
    assert "le dévelopement des" in again.clean_text
    assert len(_by_rule(again, "dehyphenate")) == len(_by_rule(first, "dehyphenate"))
    assert [(o["before"], o["after"], o["rule"]) for o in again.meta["overruled"]] == \
        [("déve-\nlopement", "développement", "spell:lexicon")]


def test_an_accepted_correction_survives_its_rules_rejection(fake_stages: None) -> None:
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    le_fixes = _by_rule(first, "glyph:[e")
    assert len(le_fixes) == 2
    dec = Decisions(rejected_rules={"glyph:[e"}, corrections=[_decision(le_fixes[1], ACCEPT)])
    again = rh.make_cleaner(dec).clean_text(rh.SAMPLE, path="a.txt")
    assert [rh.key(c) for c in _by_rule(again, "glyph:[e")] == [rh.key(le_fixes[1])]
    assert "Besançon. [e développement" in again.clean_text
    assert "avec le mot" in again.clean_text


def test_decisions_follow_the_document_not_another_one(fake_stages: None) -> None:
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path="dir/a.txt")
    [entreprises] = [c for c in first.corrections if c.before == "entrcprises"]
    dec = Decisions(corrections=[_decision(entreprises, REJECT, document="dir/a.txt")])
    cleaner = rh.make_cleaner(dec)
    # the same file reached another way: absolute path (clean), stem (clean -o folder)
    for same in ("/archive/dir/a.txt", "dir/a.txt", "a.txt"):
        assert "entrcprises" in cleaner.clean_text(rh.SAMPLE, path=same).clean_text, same
    for other in ("dir/b.txt", "other/a.txt"):
        doc = cleaner.clean_text(rh.SAMPLE, path=other)
        assert "entrcprises" not in doc.clean_text, other
        assert "overruled" not in doc.meta


@pytest.mark.parametrize(("decided", "doc", "expected"), [
    ("dir/a.txt", "dir/a.txt", True),
    ("dir/a.txt", "/archive/dir/a.txt", True),
    ("/archive/dir/a.txt", "dir/a.txt", True),
    ("a", "samples/ocr/a.txt", True),
    ("ocr/a", "samples/ocr/a.txt", True),
    ("./dir/a.txt", "dir/a.txt", True),
    ("dir\\a.txt", "dir/a.txt", True),
    ("dir/a.txt", "dir/b.txt", False),
    ("x/a.txt", "dir/a.txt", False),
    ("a.png", "a.txt", False),
    ("", "a.txt", False),
])
def test_document_matching(decided: str, doc: str, expected: bool) -> None:
    assert document_matches(decided, doc) is expected


def test_csv_round_trip_keeps_awkward_text(tmp_path: Path) -> None:
    dec = Decisions(rejected_rules={"glyph:rn", "reflow"}, corrections=[
        CorrectionDecision("d/a.txt", 10, 15, 'a,"\nb', REJECT, after="x", rule="r1"),
        CorrectionDecision("d/b.txt", 0, 2, "[e", ACCEPT, after="le", rule="glyph:[e"),
    ])
    for name in ("d.csv", "d.json"):
        write_decisions(dec, tmp_path / name)
        back = load_decisions(tmp_path / name)
        assert back.rejected_rules == dec.rejected_rules
        assert back.corrections == dec.corrections
    assert decisions_csv(dec).splitlines()[:3] == [
        "decision,document,in_start,in_end,before,after,rule",
        "reject-rule,,,,,,glyph:rn",
        "reject-rule,,,,,,reflow",
    ]


def test_the_first_minimal_json_format_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"rejected_rules": ["glyph:rn"], "rejected": [
        {"path": "a.txt", "in_start": 3, "in_end": 5, "before": "[e"}]}), encoding="utf-8")
    dec = load_decisions(path)
    assert dec.rejected_rules == {"glyph:rn"}
    assert dec.corrections == [CorrectionDecision("a.txt", 3, 5, "[e", REJECT)]


def test_a_csv_with_undecided_rows_and_extra_columns_loads(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("document,in_start,in_end,out_start,before,after,stage,rule,score,decision\n"
                    "a.txt,3,5,3,[e,le,rules,glyph:[e,0.9,\n"
                    "a.txt,9,14,9,ators,alors,rules,glyph:ators,0.9,Reject\n"
                    ",,,,,,,glyph:rn,,reject-rule\n", encoding="utf-8")
    dec = load_decisions(path)
    assert dec.rejected_rules == {"glyph:rn"}
    assert dec.corrections == [CorrectionDecision("a.txt", 9, 14, "ators", REJECT,
                                                  after="alors", rule="glyph:ators")]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("d.csv", "decision,document,in_start,in_end,before,after,rule\n"
              "reject,a.txt,3,5,[e,le,r\nmaybe,a.txt,3,5,[e,le,r\n",
     "d.csv:3: row: decision 'maybe' is not one of reject, accept, reject-rule"),
    ("d.csv", "decision,document,before\nreject,a.txt,[e\n",
     "d.csv:1: decisions CSV lacks column(s) in_start, in_end, after, rule"),
    ("d.csv", "decision,document,in_start,in_end,before,after,rule\n"
              "reject,a.txt,3,9,[e,le,r\n",
     "d.csv:2: row: in_start..in_end (3..9) does not span 'before' '[e'"),
    ("d.csv", "decision,document,in_start,in_end,before,after,rule\n"
              "reject,a.txt,x,5,[e,le,r\n",
     "d.csv:2: row in_start: 'x' is not an offset (integer >= 0)"),
    ("d.csv", "decision,document,in_start,in_end,before,after,rule\nreject-rule,,,,,,\n",
     "d.csv:2: reject-rule row: 'rule' is empty"),
    ("d.json", '{"corrections": [\n{"decision": "reject"\n',
     "d.json:3: not valid JSON"),
    ("d.json", '{"corrections": [{"decision": "reject", "in_start": 1}]}',
     "d.json: corrections[0]: 'document' is missing"),
    ("d.json", '[1, 2]', "d.json: decisions JSON must be an object"),
])
def test_a_malformed_decisions_file_names_file_and_line(
        tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_decisions(path)
    assert str(err.value).startswith(str(tmp_path / message.split(":")[0]))
    assert message in str(err.value).replace(str(tmp_path) + "/", "")
    assert err.value.exit_code == ExitCode.BAD_DATA_FILE


def test_clean_command_honours_decisions(fake_stages: None, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(rh.SAMPLE, encoding="utf-8")
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path=str(src))
    [entreprises] = [c for c in first.corrections if c.before == "entrcprises"]
    dec = tmp_path / "decisions.csv"
    # filed under the stem, as a review of a `clean -o` folder names it
    write_decisions(Decisions(rejected_rules={"glyph:rn"},
                              corrections=[_decision(entreprises, REJECT, document="a")]), dec)
    result = CliRunner().invoke(main, ["clean", str(src), "-o", str(tmp_path / "out"),
                                       "--decisions", str(dec)])
    assert result.exit_code == 0, result.output
    clean = (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    assert clean == rh.SAMPLE_CLEAN.replace("entreprises", "entrcprises") \
        .replace("sommes", "somrnes")
    rows = [json.loads(line) for line in
            (tmp_path / "out" / "a.corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["rule"] for r in rows} == {c.rule for c in first.corrections} - {"glyph:rn"}
    assert len(rows) == len(first.corrections) - 2


def test_clean_command_refuses_a_bad_decisions_file(fake_stages: None, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(rh.SAMPLE, encoding="utf-8")
    dec = tmp_path / "decisions.csv"
    dec.write_text("decision,rule\nreject-rule,x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(src), "--decisions", str(dec)])
    assert result.exit_code == ExitCode.BAD_DATA_FILE
    assert f"{dec}:1: decisions CSV lacks column(s)" in result.output


def test_decisions_survive_a_rerun_with_changed_rules(fake_stages: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    [entreprises] = [c for c in first.corrections if c.before == "entrcprises"]
    dec = Decisions(rejected_rules={"glyph:ators"}, corrections=[_decision(entreprises, REJECT)])
    # a later version adds a rule that changes text before the rejected correction
    monkeypatch.setattr(rh, "_GLYPHS", [*rh._GLYPHS, ("glyph:pole", r"pôle", "pôles")])
    again = rh.make_cleaner(dec).clean_text(rh.SAMPLE, path="a.txt")
    assert again.clean_text == rh.SAMPLE_CLEAN.replace("entreprises", "entrcprises") \
        .replace("alors", "ators").replace("pôle", "pôles")
    assert sorted(o["reason"] for o in again.meta["overruled"]) == \
        ["correction rejected", "rule rejected"]


def test_a_rejected_rule_also_stops_the_edits_it_is_one_step_of() -> None:
    # an edit made in two steps names both rules; rejecting either refuses it, rejecting
    # a rule it does not use does not
    edit = Edit(0, 8, "monnayeurs", "spell", "channel:glyph+channel:twin")
    assert DocumentVeto([], {"channel:glyph"})(edit, 0, 8, "inounayeurs")
    assert DocumentVeto([], {"channel:twin"})(edit, 0, 8, "inounayeurs")
    assert not DocumentVeto([], {"dictionary"})(edit, 0, 8, "inounayeurs")
    assert not DocumentVeto([], {"channel"})(edit, 0, 8, "inounayeurs")
    rules_stage = Edit(0, 4, "site", "rules", "exclamation-l+l-t")
    veto = DocumentVeto([], {"l-t"})
    assert veto(rules_stage, 0, 4, "si!e")
    assert veto.overruled[0]["reason"] == "rule rejected"

"""Glyph rules are data: every example in the rule files is a test, and bad files are named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressclean.exceptions import DataFileError, ExitCode
from pressclean.offsets import EditLog
from pressclean.pipeline import Cleaner, CleanOptions
from pressclean.rules import COLUMNS, RuleSet, load_rules, text_rule_edits

RULES = load_rules(None)
CASES = [(r.id, a, b) for r in RULES.rules for a, b in r.examples]


def test_every_rule_has_examples() -> None:
    assert all(r.examples for r in RULES.rules)
    kinds = {r.kind for r in RULES.rules}
    assert kinds == {"text", "word"}


@pytest.mark.parametrize(("rule_id", "source", "expected"), CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_rule_example(cleaner: Cleaner, rule_id: str, source: str, expected: str) -> None:
    rule = RULES.get(rule_id)
    assert rule is not None
    only = RuleSet([rule])
    log = EditLog(source)
    if rule.kind == "text":
        out = log.apply(text_rule_edits(source, only))
    else:
        out = log.apply(cleaner.resources.speller.edits(source, rules=only))
    assert out == expected


def test_user_rules_override_and_disable(tmp_path: Path) -> None:
    header = "\t".join(COLUMNS)
    (tmp_path / "rules.tsv").write_text(
        f"{header}\n"
        "t-l\tword\tt\tl\toff here\t\tno\n"
        "tilde-dash\ttext\t~\t–\ttilde read for a dash\ta ~ b => a – b\tyes\n",
        encoding="utf-8")
    rules = load_rules(tmp_path)
    assert rules.get("t-l") is None
    assert rules.get("tilde-dash") is not None
    assert rules.get("rn-m") is not None


@pytest.mark.parametrize(("line", "message"), [
    ("x\tword\t(\tl\tbroken\t\tyes", "bad pattern"),
    ("x\tsometimes\tt\tl\td\t\tyes", "kind must be"),
    ("x\tword\tt\tl", "columns"),
    ("x\tword\tt\tl\td\tno arrow here\tyes", "lacks '=>'"),
])
def test_malformed_rule_file_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("\t".join(COLUMNS) + "\n# a comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_rules(None, (path,))
    assert f"{path}:3" in str(err.value) and message in str(err.value)
    assert err.value.exit_code == ExitCode.BAD_DATA_FILE


def test_rules_file_option_changes_cleaning(tmp_path: Path) -> None:
    path = tmp_path / "off.tsv"
    path.write_text("\t".join(COLUMNS) + "\nbracket-l\tword\t\\[\tl\toff\t\tno\n",
                    encoding="utf-8")
    with_rule = Cleaner(CleanOptions(spell=False)).clean_text("dans [e pays").clean_text
    without = Cleaner(CleanOptions(spell=False, rules_files=(path,))).clean_text(
        "dans [e pays").clean_text
    assert with_rule == "dans le pays"
    assert without == "dans [e pays"


@pytest.mark.parametrize("form", ["iiii", "rnrnm", "tilt", "æ", "", "été"])
def test_plain_text_rules_find_what_their_regex_finds(form: str) -> None:
    """A rule whose pattern is plain letters is applied with ``str.find``: the same
    matches, non-overlapping, as the regex it stands for."""
    plain = [r for r in RULES.word_rules if r.literal is not None]
    assert {r.id for r in plain} >= {"rn-m", "ii-n", "t-l"}
    for rule in plain:
        want = [(m.start(), m.end(), m.expand(rule.replacement))
                for m in rule.pattern.finditer(form)]
        assert rule.spans(form) == want


def test_a_pattern_with_regex_syntax_is_not_plain_text() -> None:
    assert RULES.get("one-l").literal is None  # type: ignore[union-attr]
    assert RULES.get("capital-i-l").literal is None  # type: ignore[union-attr]


@pytest.mark.parametrize("form", ["maison", "ab1c", "l[a", "Ila", "mai6on", "c0ur", "/", ""])
def test_rules_left_out_for_a_form_find_nothing_in_it(form: str) -> None:
    """Only word rules that cannot match are skipped: the regex rules' alternation
    finds a match wherever one of them would."""
    kept = {r.id for r in RULES.word_rules_for(form)}
    for rule in RULES.word_rules:
        if rule.id not in kept:
            assert rule.spans(form) == []
    assert any(r.spans(form) for r in RULES.word_rules) or form in ("maison", "/", "")


def test_a_group_reference_keeps_every_rule(tmp_path: Path) -> None:
    header = "\t".join(COLUMNS)
    (tmp_path / "rules.tsv").write_text(
        header + "\nrepeat\tword\t(q)\\1\tq\tdoubled q\tqq => q\tyes\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert [r.id for r in rules.word_rules_for("maison")] == [r.id for r in rules.word_rules]


def test_lost_superscripts_restored_with_their_rule_ids(cleaner: Cleaner) -> None:
    """Ordinals and "Il" for 11 are text rules: recorded, and a cardinal is left alone."""
    doc = cleaner.clean_text("Le 1 mai, à Il h. 30, dans le 16 arrondissement, 3 classes.")
    assert doc.clean_text == "Le 1er mai, à 11 h. 30, dans le 16e arrondissement, 3 classes."
    assert [(c.before, c.after, c.rule) for c in doc.corrections] == [
        ("1", "1er", "ordinal-first-day"), ("Il", "11", "eleven-il"),
        ("16", "16e", "ordinal-number")]


def _words_before(rule_id: str) -> list[str]:
    """The words a superscript rule's number must stand before (its lookahead's list)."""
    rule = RULES.get(rule_id)
    assert rule is not None
    return re.findall(r"\(\?= \(\?i?:([^()]+)\)", rule.pattern.pattern)[0].split("|")


def test_the_superscript_rules_share_their_lists() -> None:
    """The nouns and months are written out in several rules (a rule holds one pattern):
    an edit to one copy must be made to the others."""
    masculine, feminine = _words_before("ordinal-first-masculine"), \
        _words_before("ordinal-first-feminine")
    assert _words_before("ordinal-number") == masculine + feminine
    assert _words_before("eleven-il")[:-1] == _words_before("ordinal-first-day")

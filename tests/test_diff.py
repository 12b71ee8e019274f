"""``pressclean diff``: plain output golden-tested, colour on request, errors named.

Golden files are in tests/golden/diff/. After an intended change of the output,
regenerate with ``PRESSCLEAN_REGOLD=1 pytest tests/test_diff.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressclean.cli import main
from pressclean.exceptions import ExitCode
from pressclean.writers import write_clean_outputs

from . import review_helpers as rh

fake_stages = rh.fake_stages
GOLDEN = Path(__file__).parent / "golden" / "diff"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PRESSCLEAN_REGOLD"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def _diff(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def run_dir(fake_stages: None, tmp_path: Path) -> Path:
    rh.write_run(tmp_path / "run", {"dir/a.txt": rh.SAMPLE, "b.txt": rh.HOSTILE,
                                    "c.txt": "Rien à corriger.\n"})
    return tmp_path / "run"


@pytest.mark.parametrize(("args", "golden"), [
    ((), "sample_plain.txt"),
    (("--context", "0"), "sample_context0.txt"),
    (("-C", "1", "--stage", "spell"), "sample_context1_spell.txt"),
])
def test_plain_output_matches_golden(run_dir: Path, args: tuple[str, ...],
                                     golden: str) -> None:
    code, out, err = _diff(str(run_dir / "dir" / "a.txt"), *args)
    assert (code, err) == (0, "")
    _golden(golden, out)


def test_the_record_and_the_clean_folder_give_the_same_diff(run_dir: Path,
                                                            tmp_path: Path) -> None:
    doc = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    write_clean_outputs(doc, tmp_path / "clean", "a")
    source = tmp_path / "a.txt"
    source.write_text(rh.SAMPLE, encoding="utf-8")
    expected = (GOLDEN / "sample_plain.txt").read_text(encoding="utf-8")
    for args in ([str(tmp_path / "clean" / "a.txt")],
                 [str(source), "--clean", str(tmp_path / "clean" / "a.txt")],
                 [str(run_dir / "dir" / "a.json")]):
        assert _diff(*args) == (0, expected, ""), args


def test_hostile_text_is_shown_verbatim(run_dir: Path) -> None:
    code, out, _ = _diff(str(run_dir / "b.txt"), "-C", "0")
    assert code == 0
    assert out.splitlines()[0] == \
        "1: Titre <script>alert(1)</script> du [-[e-]{+le+}<glyph:[e> jour[-⏎-]{+ +}<reflow>"


def test_colour_strikes_before_and_greens_after(run_dir: Path) -> None:
    code, out, _ = _diff(str(run_dir / "b.txt"), "--color", "-C", "0")
    assert code == 0
    first = out.splitlines()[0]
    assert "[-" not in first and "{+" not in first
    assert "\x1b[31m\x1b[9m[e\x1b[0m" in first  # red, struck through
    assert "\x1b[32m\x1b[1mle\x1b[0m" in first  # green
    assert "\x1b[2m<glyph:[e>\x1b[0m" in first  # rule, dimmed


def test_a_document_without_corrections(run_dir: Path) -> None:
    assert _diff(str(run_dir / "c.txt")) == (0, "Rien à corriger.\n",
                                            "pressclean: c.txt: no corrections\n")
    assert _diff(str(run_dir / "c.txt"), "-C", "2") == (0, "",
                                                       "pressclean: c.txt: no corrections\n")


def test_errors_name_the_file_and_exit_with_their_code(run_dir: Path, tmp_path: Path) -> None:
    lone = tmp_path / "lone.txt"
    lone.write_text("texte\n", encoding="utf-8")
    code, _, err = _diff(str(lone))
    assert code == ExitCode.BAD_INPUT
    assert err == (f"pressclean: {lone}: no corrections beside it (expected lone.json from "
                   "`pressclean run` or lone.corrections.jsonl from `pressclean clean -o`)\n")

    code, _, err = _diff(str(lone), "--clean", str(run_dir / "dir" / "a.txt"))
    assert code == ExitCode.BAD_INPUT
    assert err.startswith(f"pressclean: {lone}: is not the input of {run_dir / 'dir' / 'a.txt'}")

    clean = tmp_path / "clean"
    write_clean_outputs(rh.make_cleaner().clean_text(rh.SAMPLE, path="a"), clean, "a")
    edited = rh.SAMPLE_CLEAN.replace("entreprises", "entreprizes")
    (clean / "a.txt").write_text(edited, encoding="utf-8")
    code, _, err = _diff(str(clean / "a.txt"))
    assert code == ExitCode.BAD_DATA_FILE
    assert err.startswith(f"pressclean: {clean / 'a.corrections.jsonl'}: ")
    assert "was the clean text edited after the run?" in err

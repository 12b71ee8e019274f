"""One long document's paragraphs on two cores: the same edits as on one, decided by
two processes, and a copy that fails costs nothing but time."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pressclean.offsets import Edit
from pressclean.parallel import MIN_CHARS, Team
from pressclean.tokens import paragraphs, tokenize

from .conftest import ICDAR, ROOT

RANGES = [(i, i + 1) for i in range(10)]


def _pid_edits(a: int, b: int) -> list[Edit]:
    """One edit per range, saying which process decided it."""
    return [Edit(a, b, str(os.getpid()), "test", "pid")]


def test_paragraphs_are_split_at_blank_lines() -> None:
    text = "Un mot.\nSuite du\n \n\nDeux mots ici.\n\nTrois"
    toks = tokenize(text)
    assert [[t.word for t in toks[a:b]] for a, b in paragraphs(text, toks)] == [
        ["Un", "mot", "Suite", "du"], ["Deux", "mots", "ici"], ["Trois"]]
    assert paragraphs("", ()) == []


def _in_a_fresh_process(case: str) -> None:
    """Run ``case`` of this module in a new interpreter. A process with other threads
    never forks (``Team``), and earlier tests of a session may leave some running."""
    proc = subprocess.run([sys.executable, "-c", f"from tests.test_parallel import {case}; "
                           f"{case}()"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def _shares_the_ranges_between_two_processes() -> None:
    with Team(2, MIN_CHARS) as team:
        size = team.size
        out = team.map_ranges(_pid_edits, RANGES)
    assert size == 2
    assert [(e.start, e.end) for e in out] == RANGES  # every range, in order
    lead, other = {e.replacement for e in out[:5]}, {e.replacement for e in out[5:]}
    assert lead == {str(os.getpid())}
    assert len(other) == 1 and other != lead


def _a_dead_copy_leaves_its_share_to_the_lead() -> None:
    lead = os.getpid()

    def decide(a: int, b: int) -> list[Edit]:
        if os.getpid() != lead:
            os._exit(3)
        return _pid_edits(a, b)

    with Team(2, MIN_CHARS) as team:
        size = team.size
        first = team.map_ranges(decide, RANGES)
        second = team.map_ranges(decide, RANGES)  # the team goes on without the copy
    assert size == 2
    assert first == second == [e for a, b in RANGES for e in _pid_edits(a, b)]


def _a_failing_lead_ends_the_copies_too() -> None:
    with pytest.raises(RuntimeError, match="lead"), Team(2, MIN_CHARS) as team:
        pids = list(team._pids)
        raise RuntimeError("lead")
    assert len(pids) == 1
    with pytest.raises(ChildProcessError):  # already reaped: no copy left running
        os.waitpid(pids[0], os.WNOHANG)


def test_a_team_of_two_shares_the_ranges_between_two_processes() -> None:
    _in_a_fresh_process("_shares_the_ranges_between_two_processes")


def test_a_copy_that_dies_leaves_its_share_to_the_lead() -> None:
    _in_a_fresh_process("_a_dead_copy_leaves_its_share_to_the_lead")


def test_the_lead_failing_ends_the_copies_too() -> None:
    _in_a_fresh_process("_a_failing_lead_ends_the_copies_too")


def test_short_texts_and_threaded_callers_are_cleaned_in_one_process() -> None:
    assert Team(2, MIN_CHARS - 1).size == 1
    assert Team(1, 10 * MIN_CHARS).size == 1
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert Team(2, MIN_CHARS).size == 1  # forking beside a thread is unsafe
    finally:
        stop.set()
        thread.join()


def _long_ocr(chars: int) -> str:
    """Real OCR text (dev rows, ten to a paragraph) of at least ``chars`` characters."""
    csv.field_size_limit(1 << 30)
    with (ICDAR / "dev.aligned.tsv").open(encoding="utf-8", newline="") as fh:
        rows = [r["input"] for r in csv.DictReader(fh, delimiter="\t",
                                                   quoting=csv.QUOTE_NONE)]
    paras, size = [], 0
    for i in range(0, len(rows), 10):
        paras.append(" ".join(rows[i:i + 10]))
        size += len(paras[-1]) + 2
        if size >= chars:
            break
    return "\n\n".join(paras) + "\n"


@pytest.mark.slow
def test_clean_jobs_2_writes_what_jobs_1_writes(tmp_path: Path) -> None:
    src = tmp_path / "volume.txt"
    src.write_text(_long_ocr(MIN_CHARS + 20_000), encoding="utf-8")
    exe = Path(sys.executable).with_name("pressclean")
    outs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        proc = subprocess.run([str(exe), "clean", "--jobs", str(jobs), str(src), "-o", str(out)],
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        assert ("on 2 processes" in proc.stderr) == (jobs == 2), proc.stderr
        outs[jobs] = [(out / name).read_bytes()
                      for name in ("volume.txt", "volume.corrections.jsonl")]
    assert outs[1] == outs[2]
    assert outs[2][1].count(b'"stage": "spell"') > 100  # a real document, really corrected

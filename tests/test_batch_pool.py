"""The local pool: a crashing or hanging document fails alone, the others are done."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from pressclean.document_job import Job, Outcome, RunSettings
from pressclean.pool import LocalPool


def misbehaving_work(job: Job, settings: RunSettings) -> Outcome:
    """Stands in for process_document; module-level so spawned workers import it."""
    if job.relpath == "crash":
        os.kill(os.getpid(), signal.SIGKILL)  # as a segfault or the OOM killer would
    if job.relpath == "hang":
        time.sleep(600)
    if job.relpath == "raise":
        raise RuntimeError("bug")  # escapes the work function: the worker dies with it
    Path(settings.out, job.out_stem).write_text(f"done by {os.getpid()}")
    return Outcome(job.relpath, True, outputs=[job.out_stem], pages=1)


def test_crash_and_timeout_fail_only_their_document(tmp_path: Path) -> None:
    names = ["a", "crash", "b", "hang", "c", "raise", "d", "e"]
    jobs = [Job(n, n, n) for n in names]
    pool = LocalPool(RunSettings(out=str(tmp_path)), jobs=2, timeout=3.0,
                     work=misbehaving_work)
    outcomes = {o.relpath: o for o in pool.run(iter(jobs))}

    assert set(outcomes) == set(names)
    assert outcomes["crash"].error == "crashed" and not outcomes["crash"].ok
    assert "worker process died (exit code -9)" in outcomes["crash"].message
    assert outcomes["hang"].error == "timeout"
    assert outcomes["hang"].message == "hang: took longer than the 3 s limit per document"
    assert outcomes["raise"].error == "crashed"
    for n in "abcde":
        assert outcomes[n].ok
        assert (tmp_path / n).read_text().startswith("done by ")
    assert pool._workers == []  # every worker stopped at the end


def test_jobs_are_pulled_lazily(tmp_path: Path) -> None:
    pulled: list[int] = []

    def stream():
        for i in range(50):
            pulled.append(i)
            yield Job(f"d{i}", "", f"d{i}")

    pool = LocalPool(RunSettings(out=str(tmp_path)), jobs=2, timeout=None,
                     work=misbehaving_work)
    results = pool.run(stream())
    first = next(results)
    assert first.ok and len(pulled) <= 3  # two workers busy, nothing queued ahead
    assert len([first, *results]) == 50

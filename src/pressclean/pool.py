"""A process pool where one document can crash or hang without harming the others.

``concurrent.futures`` loses every in-flight task when one worker dies and cannot
stop a task that hangs. Here each worker has its own pipe and does one document at a
time, so the parent always knows which document a worker holds and since when: a
worker that dies fails only its document (``crashed``), one that overruns the time
limit is killed and fails only its document (``timeout``), and a fresh worker takes
its place. Jobs are pulled from the iterator only when a worker is free, so an
archive of any size is never held in memory.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from pressclean.document_job import Job, Outcome, RunSettings, cleaner_for, process_document
from pressclean.exceptions import DocumentTimeoutError, PresscleanError, WorkerCrashError
from pressclean.formats import is_scan

#: the per-document function (module-level, so a spawned worker can import it)
Work = Callable[[Job, RunSettings], Outcome]
#: spawn, not fork: the parent runs a progress thread, and forking threads is unsafe
_CTX = mp.get_context("spawn")


def _worker_main(conn: Connection, settings: RunSettings, work: Work,
                 first: Job | None = None) -> None:
    """Load the Cleaner once (the one the ``first`` job needs: a scan's text is cleaned
    with its engine's model), then clean documents until the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one Tesseract thread per process
    options = settings.options
    if first is not None and is_scan(first.path) and options.model is None \
            and options.engine is None:
        options = replace(options, engine="tesseract")
    try:
        cleaner_for(options)
    except PresscleanError as exc:
        conn.send(("init_error", exc.kind, str(exc), int(exc.exit_code)))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(("done", work(job, settings)))
        except (BrokenPipeError, OSError):
            return


class WorkerInitError(PresscleanError):
    """A worker could not load the cleaning resources (carries the original code)."""

    def __init__(self, kind: str, message: str, exit_code: int) -> None:
        from pressclean.exceptions import ExitCode

        super().__init__(message)
        self.kind = kind
        self.exit_code = ExitCode(exit_code)


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    job: Job | None = None
    started: float = 0.0
    ready: bool = False


class LocalPool:
    """``jobs`` isolated worker processes; ``timeout`` seconds per document (None: no limit)."""

    def __init__(self, settings: RunSettings, jobs: int, timeout: float | None,
                 work: Work = process_document) -> None:
        self.settings = settings
        self.work = work
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self._workers: list[_Worker] = []
        self._first: Job | None = None  # the run's first job: which Cleaner to preload

    def _spawn(self) -> _Worker:
        parent, child = _CTX.Pipe()
        proc = _CTX.Process(target=_worker_main,
                            args=(child, self.settings, self.work, self._first), daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self._workers.append(w)
        return w

    def _retire(self, w: _Worker, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)
        w.conn.close()
        self._workers.remove(w)

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        """Yield one Outcome per job, in completion order."""
        todo = iter(jobs)
        first = next(todo, None)
        if first is None:  # nothing to do (a rerun with every document current)
            return
        todo = itertools.chain([first], todo)
        exhausted = False
        self._first = first
        for _ in range(self.jobs):
            self._spawn()
        try:
            while True:
                for w in self._workers:
                    if w.ready and w.job is None and not exhausted:
                        nxt = next(todo, None)
                        if nxt is None:
                            exhausted = True
                        elif not self._hand_out(w, nxt):
                            todo = itertools.chain([nxt], todo)  # another worker takes it
                if exhausted and all(w.job is None for w in self._workers):
                    return
                yield from self._wait_once()
        finally:
            self.close()

    def _hand_out(self, w: _Worker, job: Job) -> bool:
        """Send ``job`` to idle worker ``w``; False if ``w`` died meanwhile (it is noticed
        and replaced by the next wait, and the job goes to another worker)."""
        try:
            w.conn.send(job)
        except OSError:
            return False
        w.job, w.started = job, time.monotonic()
        return True

    def _wait_once(self) -> Iterator[Outcome]:
        busy = [w for w in self._workers if w.job is not None]
        limit = None
        if self.timeout is not None and busy:
            limit = max(0.0, min(w.started for w in busy) + self.timeout - time.monotonic())
        ready = set(wait([w.conn for w in self._workers]
                         + [w.proc.sentinel for w in self._workers], timeout=limit))
        for w in list(self._workers):
            if w.conn in ready:
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    msg = None
                if msg is not None:
                    yield from self._on_message(w, msg)
                    continue
            if w.conn in ready or w.proc.sentinel in ready:
                yield from self._on_death(w)
            elif (w.job is not None and self.timeout is not None
                  and time.monotonic() - w.started >= self.timeout):
                job = w.job
                self._retire(w, kill=True)
                self._spawn()
                err = DocumentTimeoutError(f"{job.relpath}: took longer than the "
                                           f"{self.timeout:g} s limit per document")
                yield Outcome.failed(job, err, seconds=float(self.timeout))

    def _on_message(self, w: _Worker, msg: tuple[Any, ...]) -> Iterator[Outcome]:
        if msg[0] == "ready":
            w.ready = True
        elif msg[0] == "init_error":
            raise WorkerInitError(msg[1], msg[2], msg[3])
        elif msg[0] == "done":
            w.job = None
            yield msg[1]

    def _on_death(self, w: _Worker) -> Iterator[Outcome]:
        job = w.job
        w.proc.join(timeout=5)
        code = w.proc.exitcode
        self._retire(w, kill=True)
        self._spawn()
        if job is not None:
            err = WorkerCrashError(f"{job.relpath}: the worker process died "
                                   f"(exit code {code}) while cleaning this document")
            yield Outcome.failed(job, err, seconds=time.monotonic() - w.started)
        elif not w.ready:
            raise WorkerCrashError(f"a worker process died while starting (exit code {code})")

    def close(self) -> None:
        """Stop every worker; called on normal end, error and Ctrl-C alike."""
        for w in list(self._workers):
            with contextlib.suppress(OSError):
                w.conn.send(None)
        deadline = time.monotonic() + 2
        for w in list(self._workers):
            w.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            self._retire(w, kill=True)

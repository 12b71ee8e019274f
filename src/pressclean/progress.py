"""What a batch run tells the person waiting for it, on stderr.

On a terminal: a rich progress bar (documents done of total, pages a second, time
left, failures so far). Otherwise (a log file, CI): plain lines, one every few
seconds, so the log stays readable. Failures are always named as they happen;
``--verbose`` adds one line per document (cleaned or skipped as unchanged),
``--quiet`` prints nothing but fatal errors. A summary closes the run.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any

from pressclean.batch import Summary
from pressclean.document_job import Outcome

QUIET, NORMAL, VERBOSE = 0, 1, 2
_LOG_EVERY = 10.0


def make_reporter(verbosity: int, stream: IO[str] | None = None) -> Reporter:
    stream = stream or sys.stderr
    if verbosity > QUIET and stream.isatty():
        return BarReporter(verbosity, stream)
    return Reporter(verbosity, stream)


class Reporter:
    """Plain-line reporter (stderr is not a terminal, or --quiet)."""

    def __init__(self, verbosity: int, stream: IO[str] | None = None) -> None:
        self.verbosity = verbosity
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0
        self.failed = 0
        self.pages = 0
        self._t0 = time.monotonic()
        self._last = self._t0

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def start(self, total: int) -> None:
        self.total = total
        self._t0 = self._last = time.monotonic()
        if self.verbosity >= NORMAL:
            self._line(f"pressclean run: {total} documents")

    def pages_per_second(self) -> float:
        elapsed = time.monotonic() - self._t0
        return self.pages / elapsed if elapsed > 0 else 0.0

    def eta(self) -> str:
        elapsed = time.monotonic() - self._t0
        if not self.done or self.done >= self.total:
            return "-"
        left = elapsed / self.done * (self.total - self.done)
        return time.strftime("%H:%M:%S", time.gmtime(left))

    def skipped(self, relpath: str) -> None:
        self.done += 1
        if self.verbosity >= VERBOSE:
            self._line(f"skipped (unchanged): {relpath}")
        self._tick()

    def finished(self, o: Outcome) -> None:
        self.done += 1
        self.pages += o.pages
        if not o.ok:
            self.failed += 1
            if self.verbosity >= NORMAL:
                self._line(f"failed ({o.error}): {o.message}")
        elif self.verbosity >= VERBOSE:
            self._line(f"cleaned: {o.relpath} ({o.pages} p., {o.words} words, "
                       f"{o.corrections} corrections, {o.seconds:.2f} s)")
        self._tick()

    def _tick(self) -> None:
        now = time.monotonic()
        if self.verbosity == NORMAL and now - self._last >= _LOG_EVERY:
            self._last = now
            self._line(f"{self.done}/{self.total} documents, "
                       f"{self.pages_per_second():.1f} pages/s, {self.failed} failed, "
                       f"time left {self.eta()}")

    def close(self) -> None:
        """Stop live output (the bar); plain lines need nothing."""

    def summary(self, s: Summary) -> None:
        self.close()
        if self.verbosity >= NORMAL:
            self._line(format_summary(s))


class BarReporter(Reporter):
    """The same counts drawn as a rich progress bar on a terminal."""

    def __init__(self, verbosity: int, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        super().__init__(verbosity, stream)
        self.console = Console(file=stream, stderr=True)
        self.bar = Progress(
            TextColumn("[bold]documents"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} pages/s"), TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            console=self.console, transient=False)
        self.task: Any = None

    def _line(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False)

    def start(self, total: int) -> None:
        super().start(total)
        self.task = self.bar.add_task("run", total=total, rate="0.0", failed=0)
        self.bar.start()

    def _tick(self) -> None:
        if self.task is not None:
            self.bar.update(self.task, completed=self.done, failed=self.failed,
                            rate=f"{self.pages_per_second():.1f}")

    def close(self) -> None:
        self.bar.stop()


def format_summary(s: Summary) -> str:
    return (f"documents: {s.total} ({s.cleaned} cleaned, {s.skipped} unchanged, "
            f"{s.failed} failed); pages: {s.pages}; words: {s.words}; "
            f"corrections: {s.corrections}; failures: {s.failed}; time: {s.seconds:.1f} s")

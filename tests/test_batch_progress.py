"""What a run prints: a bar on a terminal, plain lines otherwise, and the summary."""

from __future__ import annotations

import io

from pressclean.batch import Summary
from pressclean.document_job import Outcome
from pressclean.progress import NORMAL, QUIET, VERBOSE, BarReporter, Reporter, make_reporter


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _feed(rep: Reporter) -> None:
    rep.start(3)
    rep.skipped("a.txt")
    rep.finished(Outcome("b.png", True, pages=2, words=40, corrections=3, seconds=0.5))
    rep.finished(Outcome("c.txt", False, error="empty_input", message="c.txt: empty file"))
    rep.summary(Summary(total=3, cleaned=1, skipped=1, failed=1, pages=2, words=40,
                        corrections=3, seconds=1.25))


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    rep = make_reporter(VERBOSE, stream)
    assert type(rep) is Reporter
    _feed(rep)
    assert stream.getvalue().splitlines() == [
        "pressclean run: 3 documents",
        "skipped (unchanged): a.txt",
        "cleaned: b.png (2 p., 40 words, 3 corrections, 0.50 s)",
        "failed (empty_input): c.txt: empty file",
        "documents: 3 (1 cleaned, 1 unchanged, 1 failed); pages: 2; words: 40; "
        "corrections: 3; failures: 1; time: 1.2 s",
    ]


def test_normal_shows_failures_and_summary_only_and_quiet_nothing() -> None:
    stream = io.StringIO()
    _feed(make_reporter(NORMAL, stream))
    lines = stream.getvalue().splitlines()
    assert lines[1] == "failed (empty_input): c.txt: empty file" and len(lines) == 3
    quiet = _Tty()
    _feed(make_reporter(QUIET, quiet))
    assert quiet.getvalue() == ""


def test_bar_on_a_terminal() -> None:
    stream = _Tty()
    rep = make_reporter(NORMAL, stream)
    assert isinstance(rep, BarReporter)
    _feed(rep)
    out = stream.getvalue()
    assert "3/3" in out and "1 failed" in out and "pages/s" in out
    assert "failed (empty_input): c.txt: empty file" in out
    assert "documents: 3 (1 cleaned, 1 unchanged, 1 failed)" in out

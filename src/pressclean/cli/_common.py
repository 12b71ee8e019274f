"""Helpers shared by the command modules: error reporting and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

from pressclean.exceptions import ExitCode, PresscleanError


def fail(exc: PresscleanError) -> NoReturn:
    """Print the error on one line and exit with its code."""
    click.echo(f"pressclean: {exc}", err=True)
    sys.exit(int(exc.exit_code))


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn a PresscleanError escaping a command into its message and exit code."""
    try:
        yield
    except PresscleanError as exc:
        fail(exc)


def batch_exit_code(n_ok: int, failures: list[PresscleanError]) -> int:
    """Exit code of a call over several documents.

    All done: 0. Some failed, others written: PARTIAL (3). Every one failed: the code
    of the failure when they all share it (e.g. BAD_INPUT for one bad file), else FAILED.
    """
    if not failures:
        return int(ExitCode.OK)
    if n_ok:
        return int(ExitCode.PARTIAL)
    codes = {int(f.exit_code) for f in failures}
    return codes.pop() if len(codes) == 1 else int(ExitCode.FAILED)


def echo_err(message: str) -> None:
    click.echo(message, err=True)


ProgressFn = Callable[[str], None]

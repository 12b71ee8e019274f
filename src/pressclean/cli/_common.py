"""Helpers shared by the command modules: error reporting and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

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


F = TypeVar("F", bound=Callable[..., Any])


def cores() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def cleaning_options(f: F) -> F:
    """The options that choose how text is cleaned, shared by ``clean`` and ``run``:
    ``rules_files``, ``dictionaries``, ``model``, ``ocr_engine``, ``decisions``,
    ``keep_lines``, ``no_spell``."""
    options = [
        click.option("--rules", "rules_files", multiple=True,
                     type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Extra glyph-rule file (TSV); its rules override packaged ones "
                          "by id."),
        click.option("--dictionaries",
                     type=click.Path(exists=True, file_okay=False, path_type=Path),
                     help="User dictionaries folder (default: ./dictionaries)."),
        click.option("--model", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Correction model from `pressclean learn` (default: the packaged "
                          "one for the OCR engine, see --ocr-engine)."),
        click.option("--ocr-engine", type=click.Choice(["auto", "tesseract", "other"]),
                     default="auto", show_default=True,
                     help="The engine that read the text, for the packaged model: 'auto' "
                          "takes it from the input (a scan read here, an ALTO or hOCR file "
                          "naming it; plain text: 'other'); 'tesseract' for text Tesseract "
                          "read."),
        click.option("--decisions",
                     type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Reviewer decisions: rejected corrections and rules stay off."),
        click.option("--keep-lines/--reflow", default=False,
                     help="Keep the source's line breaks (default: reflow into paragraphs)."),
        click.option("--no-spell", is_flag=True, help="Glyph rules and layout only."),
    ]
    for option in reversed(options):
        f = option(f)
    return f

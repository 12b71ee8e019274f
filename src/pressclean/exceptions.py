"""One exception hierarchy; every class carries the process exit code it maps to.

Modelled on OCRmyPDF's ``exceptions.py``: the CLI catches :class:`PresscleanError`
and exits with ``exc.exit_code`` after printing ``str(exc)`` on one line, so a
script calling pressclean can tell *why* it failed from the code alone.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (documented in README)."""

    OK = 0
    #: a failure that stopped the whole call (nothing or almost nothing written)
    FAILED = 1
    #: bad command-line usage (click's own code)
    USAGE = 2
    #: some documents of a batch failed, the others were written
    PARTIAL = 3
    #: an input document cannot be read: empty, binary, undecodable, truncated
    BAD_INPUT = 4
    #: an outside tool (Tesseract, its French data, Chromium, ...) is missing
    MISSING_DEPENDENCY = 5
    #: a data file (rules, lexicon, model, decisions) is malformed
    BAD_DATA_FILE = 6
    #: the OCR engine crashed or timed out on a document
    OCR_FAILED = 7
    #: the search index is missing or a query is malformed
    INDEX_ERROR = 8


class PresscleanError(Exception):
    """Base class: a message for the user and an exit code."""

    exit_code: ExitCode = ExitCode.FAILED

    #: short machine-readable kind written in failures.jsonl (``error`` field)
    kind: str = "error"


class BadInputError(PresscleanError):
    """An input document is empty, binary or cannot be decoded."""

    exit_code = ExitCode.BAD_INPUT
    kind = "bad_input"

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class EmptyInputError(BadInputError):
    """The document holds no text (or no pages)."""

    kind = "empty_input"


class BinaryInputError(BadInputError):
    """The document is binary data, not text nor a supported image."""

    kind = "binary_input"


class UnsupportedFormatError(BadInputError):
    """The file type is not one pressclean reads."""

    kind = "unsupported_format"


class MissingDependencyError(PresscleanError):
    """An outside program or data package is not installed."""

    exit_code = ExitCode.MISSING_DEPENDENCY
    kind = "missing_dependency"


class DataFileError(PresscleanError):
    """A rules, lexicon, model or decisions file is malformed; names file and line."""

    exit_code = ExitCode.BAD_DATA_FILE
    kind = "bad_data_file"

    def __init__(self, path: object, line: int | None, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class OcrError(PresscleanError):
    """Tesseract failed or timed out on a document."""

    exit_code = ExitCode.OCR_FAILED
    kind = "ocr_failed"


class SearchIndexError(PresscleanError):
    """The search index is missing, corrupt, or a query is malformed."""

    exit_code = ExitCode.INDEX_ERROR
    kind = "index_error"


class DocumentTimeoutError(PresscleanError):
    """A document took longer than the per-document time limit of a batch run."""

    kind = "timeout"


class WorkerCrashError(PresscleanError):
    """The process cleaning a document died (segfault, out of memory, killed)."""

    kind = "crashed"

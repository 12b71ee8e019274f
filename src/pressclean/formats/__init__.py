"""One adapter per input format behind one entry point, :func:`read_document`.

A reader returns a :class:`~pressclean.document.Document` whose ``source_text`` is
the OCR text (NFC) and whose ``words`` carry confidences and boxes where the format
has them. Only plain text is read here so far; scans, PDFs, hOCR and ALTO come with
the OCR stage.
"""

from __future__ import annotations

from pathlib import Path

from pressclean.document import Document
from pressclean.exceptions import UnsupportedFormatError
from pressclean.textio import read_text

TEXT_SUFFIXES = frozenset({".txt"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES


def read_document(path: str | Path) -> Document:
    """Read any supported input into a Document (OCR runs here for images)."""
    p = Path(path)
    if p.suffix.lower() in TEXT_SUFFIXES or str(path) == "-":
        text, encoding = read_text(path)
        return Document(path=str(path), source_text=text, source_format="text",
                        meta={"encoding": encoding})
    raise UnsupportedFormatError(p, f"unsupported file type {p.suffix or '(none)'!r}")

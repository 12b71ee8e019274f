"""The per-document record written as ``OUT/<doc>.json`` and read by review, index
and export. One place defines its shape so writers and readers agree.

Schema (``schema`` = 1)::

    {
      "schema": 1,
      "path": "<input path relative to the archive>",
      "source_format": "text" | "image" | "pdf" | "alto" | "hocr",
      "pressclean_version": "...",
      "source_text": "<the OCR text as read, NFC: the original is never lost>",
      "clean_text": "<the corrected text, same as the .txt>",
      "corrections": [{in_start, in_end, out_start, out_end, before, after,
                       stage, rule, score}, ...],
      "quality": {"before": float, "after": float, ...},
      "meta": {"encoding": ..., "publication": ..., "date": ..., "page": ..., ...,
               "overruled": [{in_start, in_end, before, after, stage, rule, score,
                              reason}, ...]},   # only when --decisions refused edits
      "tags": {"title": ..., "dates": [...], "people": [...], "places": [...],
               "organisations": [...], "keywords": [...], "language": ...}
    }
"""

from __future__ import annotations

from typing import Any

from pressclean import __version__
from pressclean.document import Correction, Document

SCHEMA = 1


def document_record(doc: Document, relpath: str, quality: dict[str, Any] | None = None,
                    tags: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON-ready record of a cleaned document."""
    return {
        "schema": SCHEMA,
        "path": relpath,
        "source_format": doc.source_format,
        "pressclean_version": __version__,
        "source_text": doc.source_text,
        "clean_text": doc.clean_text,
        "corrections": [c.to_dict() for c in doc.corrections],
        "quality": quality or {},
        "meta": doc.meta,
        "tags": tags or {},
    }


def document_from_record(record: dict[str, Any]) -> Document:
    """Rebuild the Document (text and corrections) a record describes."""
    return Document(
        path=record["path"], source_text=record["source_text"],
        clean_text=record["clean_text"],
        corrections=[Correction.from_dict(c) for c in record.get("corrections", [])],
        meta=dict(record.get("meta", {})), source_format=record.get("source_format", "text"),
    )

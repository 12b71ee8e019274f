"""Finding and reading the per-document records (``OUT/<doc>.json``) of a run.

Index and export read a run folder the same way: every ``.json`` below OUT that is a
document record (it has ``schema`` and ``clean_text``); the run's own files
(``manifest.json``) and pressclean's index folder are not documents.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressclean.exceptions import BadInputError

#: folder inside OUT that holds the search index (never scanned for records)
INDEX_DIRNAME = ".pressclean-index"
_NOT_RECORDS = {"manifest.json"}


@dataclass(frozen=True)
class RecordFile:
    """A record on disk: its OUT-relative key ("a/b.json"), bytes' hash and content."""

    key: str
    path: Path
    sha256: str
    record: dict[str, Any]


def record_paths(out_dir: Path) -> list[Path]:
    """Every candidate record file below ``out_dir``, sorted (stable run order)."""
    found = []
    for path in out_dir.rglob("*.json"):
        rel = path.relative_to(out_dir)
        if rel.parts[0] == INDEX_DIRNAME or (len(rel.parts) == 1 and rel.name in _NOT_RECORDS):
            continue
        found.append(path)
    return sorted(found)


def parse_record(data: bytes, path: Path) -> dict[str, Any] | None:
    """The record in ``data`` (read from ``path``); None for JSON that is not a document
    record. Raises BadInputError for a file that is not valid JSON (a truncated write)."""
    try:
        record = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(path, f"not a valid JSON record ({exc})") from exc
    if not isinstance(record, dict) or "clean_text" not in record or "schema" not in record:
        return None
    return record


def read_record(path: Path, out_dir: Path) -> RecordFile | None:
    """The record at ``path`` with its key and hash (see :func:`parse_record`)."""
    data = path.read_bytes()
    record = parse_record(data, path)
    if record is None:
        return None
    return RecordFile(key=path.relative_to(out_dir).as_posix(), path=path,
                      sha256=hashlib.sha256(data).hexdigest(), record=record)


def iter_records(out_dir: Path, failures: list[BadInputError] | None = None
                 ) -> Iterator[RecordFile]:
    """The run's records in path order; unreadable ones go to ``failures`` (or raise)."""
    for path in record_paths(out_dir):
        try:
            rec = read_record(path, out_dir)
        except BadInputError as exc:
            if failures is None:
                raise
            failures.append(exc)
            continue
        if rec is not None:
            yield rec

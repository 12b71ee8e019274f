"""Publication, issue date and page of an archive document, from its path or a sidecar.

Archives are usually filed as ``<title>/<yyyy>/<mm>/<dd>/<page>``; the patterns that
read such paths are data (``data/path_patterns.tsv``), so a new filing scheme is one
line, not a code change. When the path says nothing, or says it wrongly, a *sidecar*
metadata file gives the values per document and wins over the path.

Sidecar format (CSV or JSON, UTF-8), found as ``--metadata FILE``, else
``ARCHIVE/metadata.csv|json``, else ``<ARCHIVE>.metadata.csv|json`` beside the folder:

- CSV: a header row with a ``path`` column (relative to ARCHIVE, ``/`` separators,
  with the extension) and any of ``publication``, ``date`` (``YYYY-MM-DD``), ``page``
  (integer); other columns are copied into the record's ``meta`` as strings; empty
  cells are ignored.
- JSON: ``{"<path>": {"publication": ..., "date": ..., "page": ...}, ...}`` or a list
  of such objects each with a ``"path"`` key.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import regex

from pressclean.exceptions import DataFileError

_PATTERNS_FILE = "path_patterns.tsv"
_GROUPS = frozenset({"publication", "year", "month", "day", "page"})
SIDECAR_NAMES = ("metadata.csv", "metadata.json")


@dataclass(frozen=True)
class PathPattern:
    name: str
    regex: Any


def load_path_patterns(text: str | None = None, source: str = _PATTERNS_FILE
                       ) -> list[PathPattern]:
    """Parse the patterns file (packaged one by default); errors name file and line."""
    if text is None:
        text = (resources.files("pressclean") / "data" / _PATTERNS_FILE).read_text("utf-8")
    patterns: list[PathPattern] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise DataFileError(source, lineno, "expected <name> TAB <regex>")
        try:
            compiled = regex.compile(parts[1].strip())
        except regex.error as exc:
            raise DataFileError(source, lineno, f"bad regex: {exc}") from exc
        groups = set(compiled.groupindex)
        if not groups or not groups <= _GROUPS:
            raise DataFileError(source, lineno, f"named groups must be among "
                                                f"{sorted(_GROUPS)}, got {sorted(groups)}")
        patterns.append(PathPattern(parts[0].strip(), compiled))
    return patterns


def meta_from_path(relpath: str, patterns: list[PathPattern]) -> dict[str, Any]:
    """Publication/date/page read from ``relpath`` by the first matching pattern."""
    stem = str(PurePosixPath(relpath).with_suffix(""))
    for pat in patterns:
        m = pat.regex.fullmatch(stem)
        if m is None:
            continue
        g = m.groupdict()
        meta: dict[str, Any] = {}
        if g.get("publication"):
            meta["publication"] = g["publication"]
        if g.get("year") and g.get("month") and g.get("day"):
            try:
                meta["date"] = dt.date(int(g["year"]), int(g["month"]), int(g["day"])).isoformat()
            except ValueError:
                continue  # 2012/13/45 is not a date: try the next pattern
        if g.get("page"):
            meta["page"] = int(g["page"])
        if meta:
            meta["meta_source"] = f"path:{pat.name}"
            return meta
    return {}


def find_sidecar(archive: Path, explicit: Path | None = None) -> Path | None:
    """The sidecar file to use: explicit, inside the archive root, or beside it."""
    if explicit is not None:
        return explicit
    candidates = [archive / n for n in SIDECAR_NAMES]
    candidates += [archive.parent / f"{archive.name}.{n}" for n in SIDECAR_NAMES]
    return next((c for c in candidates if c.is_file()), None)


def _clean_fields(fields: dict[str, Any], source: str, line: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "path" or value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "date":
            try:
                out["date"] = dt.date.fromisoformat(str(value).strip()).isoformat()
            except ValueError as exc:
                raise DataFileError(source, line, f"date {value!r} is not YYYY-MM-DD") from exc
        elif key == "page":
            try:
                out["page"] = int(str(value).strip())
            except ValueError as exc:
                raise DataFileError(source, line, f"page {value!r} is not an integer") from exc
        else:
            out[str(key)] = value.strip() if isinstance(value, str) else value
    return out


def load_sidecar(path: Path) -> dict[str, dict[str, Any]]:
    """Per-document metadata keyed by archive-relative path (``/`` separators)."""
    source = str(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(source, None, f"cannot read metadata file: {exc}") from exc
    table: dict[str, dict[str, Any]] = {}

    def add(key: Any, fields: dict[str, Any], line: int | None) -> None:
        if not isinstance(key, str) or not key.strip():
            raise DataFileError(source, line, "missing 'path'")
        key = PurePosixPath(key.strip().replace("\\", "/")).as_posix()
        if key in table:
            raise DataFileError(source, line, f"path {key!r} listed twice")
        table[key] = _clean_fields(fields, source, line) | {"meta_source": "sidecar"}

    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise DataFileError(source, getattr(exc, "lineno", None), f"bad JSON: {exc}") from exc
        items = data.items() if isinstance(data, dict) else (
            (d.get("path") if isinstance(d, dict) else None, d) for d in data)
        for n, (key, fields) in enumerate(items, 1):
            if not isinstance(fields, dict):
                raise DataFileError(source, None, f"entry {n}: expected an object")
            add(key, fields, None)
        return table
    reader = csv.DictReader(raw.splitlines())
    if reader.fieldnames is None or "path" not in reader.fieldnames:
        raise DataFileError(source, 1, "CSV header must have a 'path' column")
    for row in reader:
        add(row.get("path"), dict(row), reader.line_num)
    return table


@dataclass
class ArchiveMeta:
    """Gives each document its metadata: sidecar entry over path pattern."""

    patterns: list[PathPattern]
    sidecar: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, archive: Path, metadata: Path | None = None) -> ArchiveMeta:
        sidecar = find_sidecar(archive, metadata)
        return cls(load_path_patterns(), load_sidecar(sidecar) if sidecar else {})

    def meta_for(self, relpath: str) -> dict[str, Any]:
        meta = meta_from_path(relpath, self.patterns)
        extra = self.sidecar.get(relpath)
        if extra:
            meta = meta | extra
        return meta

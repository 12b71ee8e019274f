"""Reading what a run wrote, for people who review it (diff, HTML report, tables).

Two kinds of output folder are understood: ``pressclean run`` writes one record per
document (``OUT/<doc>.json``, schema in :mod:`pressclean.record`) holding source text,
clean text and corrections; ``pressclean clean -o DIR`` writes ``DIR/<stem>.txt`` and
``DIR/<stem>.corrections.jsonl``, from which the source is rebuilt. A document whose
files cannot be read is reported and skipped: the others are still reviewed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressclean.changes import ChangeGroup, change_groups, check_corrections, rebuild_source
from pressclean.document import Correction
from pressclean.exceptions import BadInputError, DataFileError, EmptyInputError
from pressclean.record import document_from_record

JSONL_SUFFIX = ".corrections.jsonl"


@dataclass
class ReviewDocument:
    """One document as a reviewer sees it."""

    #: the name decisions are filed under: the archive path of a run record, or the
    #: output stem of a ``clean -o`` folder
    key: str
    source: str
    clean: str
    corrections: list[Correction]
    #: edits a decisions file refused on the run that wrote this (``meta["overruled"]``)
    overruled: list[dict[str, Any]] = field(default_factory=list)
    origin: Path | None = None

    @property
    def groups(self) -> list[ChangeGroup]:
        return change_groups(self.corrections)


@dataclass
class RunContents:
    """Every readable document of an output folder, and what could not be read."""

    root: Path
    documents: list[ReviewDocument]
    #: ``failures.jsonl`` records of the run (documents that produced no output)
    failures: list[dict[str, Any]] = field(default_factory=list)
    #: output files that exist but cannot be read, skipped
    problems: list[DataFileError] = field(default_factory=list)


def load_run(run_dir: Path) -> RunContents:
    """All documents under ``run_dir``; an empty or absent folder is a BadInputError."""
    root = Path(run_dir)
    if not root.is_dir():
        raise BadInputError(root, "not a folder of pressclean outputs")
    run = RunContents(root=root, documents=[])
    for path in _output_files(root):
        try:
            doc = _load_output(path, root)
        except DataFileError as exc:
            run.problems.append(exc)
            continue
        if doc is not None:
            run.documents.append(doc)
    run.failures = _load_failures(root / "failures.jsonl", run.problems)
    if not run.documents and not run.problems and not run.failures:
        raise EmptyInputError(root, "holds no pressclean outputs (<doc>.json records of "
                              "`pressclean run` or *.corrections.jsonl of `pressclean clean`)")
    run.documents.sort(key=lambda d: d.key)
    return run


def load_document(path: Path) -> ReviewDocument:
    """The document behind one output file: ``X.txt``, ``X.json`` or ``X.corrections.jsonl``."""
    path = Path(path)
    stem = _strip(path.name)
    for candidate in (path.with_name(stem + ".json"), path.with_name(stem + JSONL_SUFFIX)):
        if candidate.is_file():
            doc = _load_output(candidate, path.parent)
            if doc is not None:
                return doc
    raise BadInputError(path, f"no corrections beside it (expected {stem}.json from "
                        f"`pressclean run` or {stem}{JSONL_SUFFIX} from `pressclean clean -o`)")


def read_corrections_jsonl(path: Path) -> list[Correction]:
    """Corrections written one per line by ``pressclean clean -o``."""
    result = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, f"cannot read: {exc}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            result.append(Correction.from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise DataFileError(path, n, f"not a correction record: {exc}") from exc
    return result


def _strip(name: str) -> str:
    for suffix in (JSONL_SUFFIX, ".json", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _output_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue  # temporary files of atomic writes, caches
        if path.name.endswith(JSONL_SUFFIX) or (path.suffix == ".json"):
            yield path


def _load_output(path: Path, root: Path) -> ReviewDocument | None:
    """A ReviewDocument, or None for JSON that is not a document record (manifest)."""
    if path.name.endswith(JSONL_SUFFIX):
        return _load_clean_output(path, root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataFileError(path, getattr(exc, "lineno", None),
                            f"unreadable record: {exc}") from exc
    if not isinstance(data, dict) or "schema" not in data or "source_text" not in data:
        return None
    try:
        doc = document_from_record(data)
    except (KeyError, TypeError) as exc:
        raise DataFileError(path, None, f"incomplete record: missing {exc}") from exc
    source, clean, corrections = doc.source_text, doc.clean_text, doc.corrections
    check_corrections(source, clean, corrections, path)
    overruled = doc.meta.get("overruled", [])
    return ReviewDocument(key=doc.path, source=source, clean=clean, corrections=corrections,
                          overruled=list(overruled) if isinstance(overruled, list) else [],
                          origin=path)


def _load_clean_output(path: Path, root: Path) -> ReviewDocument:
    txt = path.with_name(_strip(path.name) + ".txt")
    try:
        clean = txt.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(txt, None, f"clean text beside {path.name} unreadable: "
                            f"{exc}") from exc
    corrections = read_corrections_jsonl(path)
    source = rebuild_source(clean, corrections, path)
    key = txt.relative_to(root).with_suffix("").as_posix() if txt.is_relative_to(root) \
        else txt.stem
    return ReviewDocument(key=key, source=source, clean=clean, corrections=corrections,
                          origin=txt)


def _load_failures(path: Path, problems: list[DataFileError]) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    failures = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            problems.append(DataFileError(path, n, f"not JSON: {exc}"))
            continue
        if isinstance(item, dict):
            failures.append(item)
    return failures

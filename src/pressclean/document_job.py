"""The per-document function of a batch run, shared by the local pool and Dask.

``process_document(job, settings)`` reads one input, cleans, tags and scores it,
writes its outputs atomically and returns an :class:`Outcome`. It never raises for a
bad document: every failure becomes an Outcome the parent records, so one document
can never stop the others. The Cleaner (lexicon, rules, model) is loaded once per
process and reused (:func:`cleaner_for`), which is what makes a Dask worker or a pool
process cheap per document.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pressclean import formats, record, tagging
from pressclean.exceptions import (
    DataFileError,
    ExitCode,
    MissingDependencyError,
    PresscleanError,
)
from pressclean.formats.alto_out import write_alto
from pressclean.manifest import sha256_file
from pressclean.pipeline import Cleaner, CleanOptions
from pressclean.quality import document_quality
from pressclean.textio import FILE_MODE, write_atomic

#: errors that would repeat on every document: they stop the run instead
FATAL = (MissingDependencyError, DataFileError)


def is_scan(path: str | Path) -> bool:
    """True for inputs that are page images (they also get an ``.alto.xml``)."""
    return formats.is_scan(path)


@dataclass(frozen=True)
class RunSettings:
    """What every worker needs besides the job: where to write and how to clean."""

    out: str
    options: CleanOptions = field(default_factory=CleanOptions)


@dataclass(frozen=True)
class Job:
    """One input: its path relative to the archive, where it is, its output stem."""

    relpath: str
    path: str
    #: output name relative to OUT without extension ("dir/a", or "dir/a.png" on a clash)
    out_stem: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """What happened to one document; small and picklable (goes back to the parent)."""

    relpath: str
    ok: bool
    outputs: list[str] = field(default_factory=list)
    sha256: str = ""
    size: int = 0
    mtime_ns: int = 0
    pages: int = 0
    words: int = 0
    corrections: int = 0
    seconds: float = 0.0
    error: str = ""
    message: str = ""
    exit_code: int = 0
    fatal: bool = False

    @classmethod
    def failed(cls, job: Job, exc: PresscleanError, **kw: Any) -> Outcome:
        return cls(job.relpath, False, error=exc.kind, message=str(exc),
                   exit_code=int(exc.exit_code), fatal=isinstance(exc, FATAL), **kw)


_CLEANERS: dict[bytes, Cleaner] = {}
_LOCK = threading.Lock()


def cleaner_for(options: CleanOptions) -> Cleaner:
    """This process's Cleaner for ``options``, loaded on first use only."""
    key = pickle.dumps(options)
    with _LOCK:
        if key not in _CLEANERS:
            _CLEANERS[key] = Cleaner(options)
            _CLEANERS[key].preload()
        return _CLEANERS[key]


def _page_count(doc: Any) -> int:
    pages = doc.meta.get("pages")
    if isinstance(pages, int) and pages > 0:
        return pages
    return len({w.page for w in doc.words}) or 1


def _write_alto(doc: Any, target: Path) -> None:
    """ALTO through the OCR stage's writer, made atomic here whatever it does."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write_alto(doc, tmp)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def process_document(job: Job, settings: RunSettings) -> Outcome:
    """Read → OCR where needed → clean → tag → score → write; failures returned."""
    t0 = time.monotonic()
    path = Path(job.path)
    stat: dict[str, Any] = {}
    try:
        st = path.stat()
        stat = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha256_file(path)}
        doc = formats.read_document(path)
        options = settings.options
        if options.model is None and options.engine is None:
            options = replace(options, engine=formats.ocr_engine(doc))
        cleaner = cleaner_for(options)
        cleaned = cleaner.clean_text(doc.source_text, path=job.relpath, words=doc.words)
        # (which model: a scan's text is cleaned with its engine's, ``formats.ocr_engine``)
        cleaned.meta = {**cleaned.meta, **doc.meta, **job.meta,
                        "model": cleaner.resources.model.origin}
        cleaned.source_format = doc.source_format
        tags = tagging.tag_document(cleaned)
        quality = document_quality(cleaned, cleaner.resources.lexicon)
        rec = record.document_record(cleaned, job.relpath, quality, tags)
        out = Path(settings.out)
        outputs = [f"{job.out_stem}.json", f"{job.out_stem}.txt"]
        write_atomic(out / outputs[0], json.dumps(rec, ensure_ascii=False, indent=1) + "\n")
        if is_scan(path):
            outputs.append(f"{job.out_stem}.alto.xml")
            _write_alto(cleaned, out / outputs[-1])
        write_atomic(out / outputs[1], cleaned.clean_text)
    except PresscleanError as exc:
        return Outcome.failed(job, exc, seconds=time.monotonic() - t0, **stat)
    except Exception as exc:  # a bug on one document must not end the run: record it
        return Outcome(job.relpath, False, error="internal_error",
                       message=f"{job.relpath}: {type(exc).__name__}: {exc}",
                       exit_code=int(ExitCode.FAILED), seconds=time.monotonic() - t0, **stat)
    return Outcome(job.relpath, True, outputs=outputs, pages=_page_count(cleaned),
                   words=quality["words_after"], corrections=len(cleaned.corrections),
                   seconds=time.monotonic() - t0, **stat)

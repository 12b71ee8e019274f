"""``OUT/manifest.json``: what each output was made from, so a rerun redoes only the rest.

A document is *current* when its input bytes (SHA-256), its metadata, and the run's
fingerprint (pressclean and Tesseract versions, cleaning settings, hashes of the
rules, lexicons, model and decisions) are all unchanged and its outputs exist.
Unchanged size and mtime stand in for the hash, as in git's index; when they differ
the content is hashed again, so a ``touch`` costs a read, not a redo.

Crash safety: the working copy is an SQLite table (``OUT/.manifest.sqlite``) where
each document is committed as it finishes, so ``kill -9`` loses at most the documents
in flight. ``manifest.json`` and ``OUT/failures.jsonl`` are exported from it every few
seconds and at the end, each by an atomic rename. Failed documents are never current:
a rerun tries them again.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import asdict
from importlib import metadata, resources
from pathlib import Path
from typing import IO, Any, BinaryIO

from pressclean import __version__
from pressclean.exceptions import DataFileError, PresscleanError
from pressclean.pipeline import CleanOptions
from pressclean.resources import find_dictionaries
from pressclean.textio import stream_atomic

SCHEMA = 1
MANIFEST = "manifest.json"
FAILURES = "failures.jsonl"
STATE = ".manifest.sqlite"
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _hash_tree(root: Path) -> dict[str, str]:
    """Hash of every visible file under ``root`` (lexicons, rules...), by relative path."""
    out: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and not any(part.startswith(".") for part in rel.split("/")):
            out[rel] = sha256_file(p)
    return out


def _packaged_data_hash() -> str:
    h = hashlib.sha256()
    data = resources.files("pressclean") / "data"
    if data.is_dir():
        for entry in sorted(data.iterdir(), key=lambda e: e.name):
            if entry.is_file():
                h.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return h.hexdigest()


def tesseract_version() -> str | None:
    """Recorded, not required: a text-only run works without Tesseract.

    Asks the binary directly: importing pytesseract would pull in pandas (~1 s) for
    every run. (To move into ``tools.py`` beside the other Tesseract wrappers.)
    """
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        proc = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (proc.stdout or proc.stderr).strip().splitlines()
    return first[0].removeprefix("tesseract ").strip() if first else None


def run_info(options: CleanOptions) -> dict[str, Any]:
    """Everything besides the input that decides an output, and its fingerprint."""
    dicts = find_dictionaries(options.dictionaries)
    settings = {k: ([str(x) for x in v] if isinstance(v, tuple) else
                    str(v) if isinstance(v, Path) else v)
                for k, v in asdict(options).items()}
    try:
        wordfreq = metadata.version("wordfreq")
    except metadata.PackageNotFoundError:
        wordfreq = None
    res = {
        "packaged_data": _packaged_data_hash(),
        "dictionaries": _hash_tree(dicts) if dicts else {},
        "rules_files": {str(p): sha256_file(p) for p in options.rules_files},
        "model": sha256_file(options.model) if options.model else None,
        "decisions": sha256_file(options.decisions) if options.decisions else None,
        "wordfreq": wordfreq,
    }
    info = {"pressclean_version": __version__, "tesseract_version": tesseract_version(),
            "settings": settings, "resources": res}
    blob = json.dumps(info, sort_keys=True, ensure_ascii=False).encode()
    return info | {"fingerprint": hashlib.sha256(blob).hexdigest()}


def meta_hash(meta: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(meta, sort_keys=True).encode()).hexdigest()[:16]


def _dump_atomic(path: Path, write: Any) -> None:
    """Stream text into ``path`` atomically (see :func:`textio.stream_atomic`)."""

    def as_text(fh: BinaryIO) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8")
        write(text)
        text.flush()
        text.detach()  # the binary file stays open for stream_atomic to fsync

    stream_atomic(path, as_text)


def _manifest_documents(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, entry) pairs of a manifest.json, read a line at a time (the layout
    :meth:`Manifest.export` writes), falling back to a whole-file parse."""
    try:
        with open(path, encoding="utf-8") as fh:
            in_docs = False
            for line in fh:
                if line.startswith(' "documents": {'):
                    in_docs = True
                elif in_docs and line.startswith('  "'):
                    yield from json.loads("{" + line.strip().rstrip(",") + "}").items()
        if in_docs:
            return
    except ValueError:
        pass
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise DataFileError(path, None, f"unreadable manifest ({exc}); "
                                        "delete it or rerun with --force") from exc
    if isinstance(data, dict) and data.get("schema") == SCHEMA:
        yield from data.get("documents", {}).items()


def load_entries(out: Path) -> dict[str, dict[str, Any]]:
    """Every document entry of a run folder (for tests and tools; a run streams them)."""
    if (out / STATE).exists():
        db = sqlite3.connect(out / STATE)
        try:
            return {p: json.loads(e) for p, e in db.execute("SELECT path, entry FROM docs")}
        finally:
            db.close()
    return dict(_manifest_documents(out / MANIFEST)) if (out / MANIFEST).exists() else {}


class Manifest:
    """The run's record of documents done and failed, kept safe against kill -9.

    The working copy is an SQLite table (``OUT/.manifest.sqlite``): each document is
    committed as it finishes, lookups are by key, and nothing grows in memory with the
    archive. ``manifest.json`` and ``failures.jsonl`` are exported from it, streamed and
    atomically, every few seconds and at the end. If the SQLite file is lost, the next
    run rebuilds it from ``manifest.json``.
    """

    def __init__(self, out: Path, info: dict[str, Any], force: bool = False) -> None:
        self.out = out
        self.info = info
        self.force = force
        out.mkdir(parents=True, exist_ok=True)
        fresh = not (out / STATE).exists()
        self.db = sqlite3.connect(out / STATE, isolation_level=None, timeout=1.0)
        try:
            # exclusive: no shared-memory file (works on NFS) and one run per OUT at a time
            self.db.execute("PRAGMA locking_mode=EXCLUSIVE")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # safe against kill -9
            # a small page cache: lookups are by key, and memory must not grow with
            # the archive (the OS file cache holds the rest)
            self.db.execute("PRAGMA cache_size=-256")
            self.db.execute("CREATE TABLE IF NOT EXISTS docs (path TEXT PRIMARY KEY, "
                            "status TEXT NOT NULL, entry TEXT NOT NULL, seen INTEGER)")
            self.db.execute("UPDATE docs SET seen = 0")
        except sqlite3.OperationalError as exc:
            self.db.close()
            raise PresscleanError(f"{out}: cannot open the run state ({exc}); is another "
                                  "pressclean run writing to this folder?") from exc
        if fresh and (out / MANIFEST).exists():
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO docs VALUES (?, ?, ?, 0)",
                    ((p, e.get("status", ""), json.dumps(e, ensure_ascii=False))
                     for p, e in _manifest_documents(out / MANIFEST)))
        self._last_export = time.monotonic()
        self._export_cost = 0.0
        self.export()

    def previous(self, relpath: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT entry FROM docs WHERE path = ?", (relpath,)).fetchone()
        return json.loads(row[0]) if row else None

    def is_current(self, relpath: str, path: Path, mhash: str) -> bool:
        """True when ``relpath`` was done from these bytes, metadata and fingerprint."""
        self.db.execute("UPDATE docs SET seen = 1 WHERE path = ?", (relpath,))
        e = self.previous(relpath)
        if (self.force or e is None or e.get("status") != "ok"
                or e.get("fingerprint") != self.info["fingerprint"]
                or e.get("meta_hash") != mhash
                or not all((self.out / o).is_file() for o in e.get("outputs", []))):
            return False
        st = path.stat()
        if (st.st_size, st.st_mtime_ns) == (e.get("size"), e.get("mtime_ns")):
            return True
        if st.st_size != e.get("size") or sha256_file(path) != e.get("sha256"):
            return False
        self.record(relpath, e | {"mtime_ns": st.st_mtime_ns})  # touched, not changed
        return True

    def record(self, relpath: str, entry: dict[str, Any]) -> None:
        """Note one finished (or failed) document; committed before this returns."""
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, 1)",
                        (relpath, entry.get("status", ""), json.dumps(entry, ensure_ascii=False)))
        if time.monotonic() - self._last_export > max(5.0, 20 * self._export_cost):
            self.export()

    def export(self) -> None:
        """Write manifest.json and failures.jsonl from the table, streamed and atomic."""
        t0 = time.monotonic()
        head = json.dumps({"schema": SCHEMA} | self.info, ensure_ascii=False, indent=1)

        def write_manifest(fh: IO[str]) -> None:
            fh.write(head[:-2] + ',\n "documents": {')
            rows = self.db.execute("SELECT path, entry FROM docs ORDER BY path")
            for n, (p, e) in enumerate(rows):
                fh.write(("," if n else "") + "\n  " + json.dumps(p, ensure_ascii=False)
                         + ": " + e)
            fh.write("\n }\n}\n")

        def write_failures(fh: IO[str]) -> None:
            rows = self.db.execute("SELECT path, entry FROM docs WHERE status != 'ok' "
                                   "ORDER BY path")
            for p, e in rows:
                entry = json.loads(e)
                rec = {"path": p, "error": entry.get("error"), "message": entry.get("message")}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

        _dump_atomic(self.out / MANIFEST, write_manifest)
        _dump_atomic(self.out / FAILURES, write_failures)
        self._last_export = time.monotonic()
        self._export_cost = self._last_export - t0

    def close(self, complete: bool) -> None:
        """Final export; a complete walk also forgets inputs no longer in the archive
        (their outputs stay on disk: nothing is deleted)."""
        if complete:
            self.db.execute("DELETE FROM docs WHERE seen = 0")
        self.export()
        self.db.close()

"""``OUT/manifest.json``: what each output was made from, so a rerun redoes only the rest.

A document is *current* when its input bytes (SHA-256), its metadata, and the run's
fingerprint (pressclean and Tesseract versions, cleaning settings, hashes of the
rules, lexicons, model and decisions) are all unchanged and its outputs exist.
Unchanged size and mtime stand in for the hash, as in git's index; when they differ
the content is hashed again, so a ``touch`` costs a read, not a redo.

Crash safety: each finished document is appended as one line to
``OUT/.manifest.journal.jsonl`` (a torn last line after ``kill -9`` is ignored) and the
journal is regularly compacted into ``manifest.json`` by an atomic rename.
``OUT/failures.jsonl`` is written the same way from the failed entries. Failed
documents are never current: a rerun tries them again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from importlib import metadata, resources
from pathlib import Path
from typing import IO, Any

from pressclean import __version__
from pressclean.exceptions import DataFileError
from pressclean.pipeline import CleanOptions
from pressclean.resources import find_dictionaries
from pressclean.textio import FILE_MODE

SCHEMA = 1
MANIFEST = "manifest.json"
FAILURES = "failures.jsonl"
JOURNAL = ".manifest.journal.jsonl"
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
    """Stream into a temporary file beside ``path``, fsync, rename: never half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_journal(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                yield json.loads(line)
            except ValueError:  # torn last line of a killed run
                continue


def load_entries(out: Path) -> dict[str, dict[str, Any]]:
    """Per-document entries of ``out``: manifest.json updated by the journal."""
    entries: dict[str, dict[str, Any]] = {}
    path = out / MANIFEST
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise DataFileError(path, None, f"unreadable manifest ({exc}); "
                                            "delete it or rerun with --force") from exc
        if data.get("schema") == SCHEMA:
            entries = data.get("documents", {})
    for rec in _read_journal(out / JOURNAL):
        entries[rec.pop("path")] = rec
    return entries


class Manifest:
    """The run's record of documents done and failed, kept safe against kill -9."""

    def __init__(self, out: Path, info: dict[str, Any], force: bool = False) -> None:
        self.out = out
        self.info = info
        self.force = force
        out.mkdir(parents=True, exist_ok=True)
        self.entries = {} if force else load_entries(out)
        self._seen: set[str] = set()
        self._journal: IO[str] = open(  # noqa: SIM115 (kept open for the run)
            out / JOURNAL, "a", encoding="utf-8")
        self._last_compact = time.monotonic()
        self._compact_cost = 0.0
        self.compact()

    def is_current(self, relpath: str, path: Path, mhash: str) -> bool:
        """True when ``relpath`` was done from these bytes, metadata and fingerprint."""
        self._seen.add(relpath)
        e = self.entries.get(relpath)
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

    def previous(self, relpath: str) -> dict[str, Any] | None:
        return self.entries.get(relpath)

    def record(self, relpath: str, entry: dict[str, Any]) -> None:
        """Note one finished (or failed) document; durable once the line is flushed."""
        self._seen.add(relpath)
        self.entries[relpath] = entry
        self._journal.write(json.dumps({"path": relpath} | entry, ensure_ascii=False) + "\n")
        self._journal.flush()
        now = time.monotonic()
        if now - self._last_compact > max(5.0, 20 * self._compact_cost):
            self.compact()

    def failures(self) -> Iterable[tuple[str, dict[str, Any]]]:
        return ((p, e) for p, e in self.entries.items() if e.get("status") != "ok")

    def compact(self) -> None:
        """Fold the journal into manifest.json and rewrite failures.jsonl, atomically."""
        t0 = time.monotonic()
        head = {"schema": SCHEMA} | self.info

        def write_manifest(fh: IO[str]) -> None:
            fh.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "documents": {')
            for n, (p, e) in enumerate(sorted(self.entries.items())):
                fh.write(("," if n else "") + "\n  " + json.dumps(p, ensure_ascii=False)
                         + ": " + json.dumps(e, ensure_ascii=False))
            fh.write("\n }\n}\n")

        def write_failures(fh: IO[str]) -> None:
            for p, e in sorted(self.failures()):
                rec = {"path": p, "error": e.get("error"), "message": e.get("message")}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

        _dump_atomic(self.out / MANIFEST, write_manifest)
        _dump_atomic(self.out / FAILURES, write_failures)
        self._journal.truncate(0)
        self._journal.seek(0)
        self._last_compact = time.monotonic()
        self._compact_cost = self._last_compact - t0

    def close(self, complete: bool) -> None:
        """Final compaction; a complete walk also forgets inputs no longer in the archive
        (their outputs stay on disk: nothing is deleted)."""
        if complete:
            self.entries = {p: e for p, e in self.entries.items() if p in self._seen}
        self.compact()
        self._journal.close()
        (self.out / JOURNAL).unlink(missing_ok=True)

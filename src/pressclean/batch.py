"""``pressclean run``: walk an archive, plan each document's outputs, run them, record.

The walk is a stream (one folder listed at a time, sorted, so runs are repeatable);
the engine (local process pool or Dask) pulls jobs from it only as workers free up,
so memory stays flat however large the archive.

Output names mirror the archive: ``dir/a.png`` → ``OUT/dir/a.txt``, ``a.json``,
``a.alto.xml``. When several inputs of one folder share a stem (``a.txt`` and
``a.png``; compared case-insensitively, so the outputs never clash on any file
system), *each* of them is named after its full file name instead: ``OUT/dir/a.txt.txt``,
``OUT/dir/a.png.txt``... The same applies at the top level to inputs named
``manifest.*`` or ``failures.*``, whose stems are reserved for the run's own files.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pressclean import formats
from pressclean.archive_meta import ArchiveMeta
from pressclean.document_job import Job, Outcome, RunSettings
from pressclean.exceptions import ExitCode, PresscleanError
from pressclean.manifest import FAILURES, MANIFEST, Manifest, meta_hash, run_info

_RESERVED_STEMS = frozenset({Path(MANIFEST).stem, Path(FAILURES).stem})


#: ground truth kept beside its input (``page.gt.txt`` next to ``page.png``) is not input
GROUND_TRUTH_SUFFIX = ".gt.txt"


def input_suffixes() -> frozenset[str]:
    """File types a run takes: what ``formats`` reads."""
    return frozenset(formats.SUPPORTED_SUFFIXES)


def _walk_dirs(archive: Path, skip: Path | None) -> Iterator[tuple[Path, list[str]]]:
    """(folder, sorted input file names) for every folder, depth first, in name order.

    Hidden files and folders (``.git``, ``.DS_Store``, our temporary files) and the
    output folder itself (when it lies inside the archive) are left out.
    """
    suffixes = input_suffixes()
    stack = [archive]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        files = [e.name for e in entries if not e.name.startswith(".")
                 and e.is_file() and Path(e.name).suffix.lower() in suffixes
                 and not e.name.lower().endswith(GROUND_TRUTH_SUFFIX)]
        yield folder, files
        subdirs = [Path(e.path) for e in entries if not e.name.startswith(".")
                   and e.is_dir(follow_symlinks=False)]
        stack.extend(d for d in reversed(subdirs) if skip is None or d.resolve() != skip)


def out_stems(names: list[str], top_level: bool) -> dict[str, str]:
    """Output stem per input name of one folder, by the clash rule of this module."""
    taken = Counter(Path(n).stem.casefold() for n in names)
    if top_level:
        taken.update(s for s in _RESERVED_STEMS)
    return {n: n if taken[Path(n).stem.casefold()] > 1 else Path(n).stem for n in names}


def plan(archive: Path, out: Path, meta: ArchiveMeta) -> Iterator[Job]:
    """Every input of the archive as a Job, streamed."""
    skip = out.resolve()
    root = archive.resolve()
    for folder, names in _walk_dirs(root, skip):
        rel_dir = folder.relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        for name, stem in out_stems(names, top_level=not prefix).items():
            rel = prefix + name
            yield Job(rel, str(folder / name), prefix + stem, meta.meta_for(rel))


def count_inputs(archive: Path, out: Path) -> int:
    return sum(len(names) for _, names in _walk_dirs(archive.resolve(), out.resolve()))


def sweep_temporaries(out: Path) -> int:
    """Remove temporary files a killed run left (``.<name>.<random>.tmp``)."""
    removed = 0
    for folder, _dirs, files in os.walk(out):
        for name in files:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(folder, name).unlink(missing_ok=True)
                removed += 1
    return removed


class Engine(Protocol):
    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]: ...


class Reporter(Protocol):
    def start(self, total: int) -> None: ...
    def skipped(self, relpath: str) -> None: ...
    def finished(self, outcome: Outcome) -> None: ...


@dataclass
class Summary:
    total: int = 0
    cleaned: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    words: int = 0
    corrections: int = 0
    seconds: float = 0.0
    failure_codes: Counter[int] | None = None

    def add(self, o: Outcome) -> None:
        if o.ok:
            self.cleaned += 1
            self.pages += o.pages
            self.words += o.words
            self.corrections += o.corrections
        else:
            self.failed += 1
            self.failure_codes = (self.failure_codes or Counter()) + Counter([o.exit_code])

    def failures(self) -> list[PresscleanError]:
        """Stand-ins carrying each failure's exit code, for ``batch_exit_code``."""
        out: list[PresscleanError] = []
        for code, n in (self.failure_codes or Counter()).items():
            err = PresscleanError("failed document")
            err.exit_code = ExitCode(code)
            out += [err] * n
        return out


def _entry(o: Outcome, fingerprint: str, mhash: str) -> dict[str, object]:
    entry: dict[str, object] = {"status": "ok" if o.ok else "failed", "sha256": o.sha256,
                                "size": o.size, "mtime_ns": o.mtime_ns,
                                "fingerprint": fingerprint, "meta_hash": mhash,
                                "seconds": round(o.seconds, 3)}
    if o.ok:
        entry |= {"outputs": o.outputs, "pages": o.pages, "words": o.words,
                  "corrections": o.corrections}
    else:
        entry |= {"error": o.error, "message": o.message}
    return entry


def run_batch(archive: Path, settings: RunSettings, engine: Engine,
              reporter: Reporter, force: bool = False,
              metadata: Path | None = None) -> Summary:
    """Run every input of ``archive`` not already current in ``settings.out``.

    Raises the fatal error (missing Tesseract, bad rules file...) that stopped the run,
    after recording what was done, so a rerun carries on from there.
    """
    t0 = time.monotonic()
    out = Path(settings.out)
    meta = ArchiveMeta.load(archive, metadata)
    manifest = Manifest(out, run_info(settings.options), force=force)
    fingerprint = manifest.info["fingerprint"]
    sweep_temporaries(out)
    summary = Summary(total=count_inputs(archive, out))
    reporter.start(summary.total)
    hashes: dict[str, str] = {}

    def todo() -> Iterator[Job]:
        for job in plan(archive, out, meta):
            mhash = meta_hash(job.meta)
            if manifest.is_current(job.relpath, Path(job.path), mhash):
                summary.skipped += 1
                reporter.skipped(job.relpath)
                continue
            hashes[job.relpath] = mhash
            yield job

    complete = False
    try:
        for outcome in engine.run(todo()):
            prev = manifest.previous(outcome.relpath) or {}
            manifest.record(outcome.relpath,
                            _entry(outcome, fingerprint, hashes.pop(outcome.relpath, "")))
            _drop_stale_outputs(out, prev, outcome)
            summary.add(outcome)
            reporter.finished(outcome)
            if outcome.fatal:
                raise _fatal(outcome)
        complete = True
    finally:
        manifest.close(complete)
        summary.seconds = time.monotonic() - t0
    return summary


def _drop_stale_outputs(out: Path, prev: dict[str, object], o: Outcome) -> None:
    """Outputs of an earlier run under names this run no longer uses (a new clash)."""
    old = prev.get("outputs")
    if o.ok and isinstance(old, list):
        for name in set(old) - set(o.outputs):
            (out / name).unlink(missing_ok=True)


def _fatal(o: Outcome) -> PresscleanError:
    err = PresscleanError(o.message)
    err.kind = o.error
    err.exit_code = ExitCode(o.exit_code)
    return err

"""``pressclean run ARCHIVE -o OUT [--jobs N] [--engine local|dask]``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pressclean.cli._common import (
    batch_exit_code,
    cleaning_options,
    cores,
    echo_err,
    reported_errors,
)


@click.command()
@click.argument("archive", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Output folder; mirrors ARCHIVE (.txt, .json, .alto.xml per document).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=cores, show_default="cores",
              help="Documents cleaned in parallel (worker processes).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Local process pool, or a dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler to join (e.g. tcp://host:8786); none: a LocalCluster.")
@click.option("--timeout", type=click.FloatRange(min=0), default=600.0, show_default=True,
              help="Seconds allowed per document before it is failed (0: no limit; "
                   "local engine).")
@click.option("--force", is_flag=True, help="Redo every document, even unchanged ones.")
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Sidecar CSV/JSON with publication, date, page per path "
                   "(default: ARCHIVE/metadata.csv|json if present).")
@cleaning_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but fatal errors.")
@click.option("-v", "--verbose", is_flag=True, help="One line per document.")
def run(archive: Path, out: Path, jobs: int, engine: str, scheduler: str | None,
        timeout: float, force: bool, metadata: Path | None, rules_files: tuple[Path, ...],
        dictionaries: Path | None, model: Path | None, ocr_engine: str, decisions: Path | None,
        keep_lines: bool, no_spell: bool, quiet: bool, verbose: bool) -> None:
    """Clean a whole archive folder tree into OUT; rerun to resume.

    Exit code 0: all done; 3: some documents failed (listed in OUT/failures.jsonl),
    the others were written.
    """
    from pressclean import progress
    from pressclean.batch import run_batch
    from pressclean.document_job import RunSettings
    from pressclean.pipeline import CleanOptions
    from pressclean.resources import find_dictionaries

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    if out.resolve() == archive.resolve():
        raise click.UsageError("OUT must not be ARCHIVE: outputs would overwrite inputs")
    found = find_dictionaries(dictionaries)
    # Resolved here so every worker (spawned, or on another machine) uses the same files.
    options = CleanOptions(reflow=not keep_lines,
                           rules_files=tuple(p.resolve() for p in rules_files),
                           dictionaries=found.resolve() if found else None,
                           model=model.resolve() if model else None,
                           engine=None if ocr_engine == "auto" else ocr_engine,
                           decisions=decisions.resolve() if decisions else None,
                           spell=not no_spell)
    settings = RunSettings(out=str(out.resolve()), options=options)
    reporter = progress.make_reporter(progress.QUIET if quiet else
                                      progress.VERBOSE if verbose else progress.NORMAL)
    with reported_errors():
        try:
            if engine == "dask":
                from pressclean.dask_engine import DaskEngine

                with DaskEngine(settings, scheduler, jobs) as dask:
                    summary = run_batch(archive, settings, dask, reporter, force, metadata)
            else:
                from pressclean.pool import LocalPool

                pool = LocalPool(settings, jobs, timeout or None)
                summary = run_batch(archive, settings, pool, reporter, force, metadata)
        finally:
            reporter.close()
    reporter.summary(summary)
    if summary.total == 0 and not quiet:
        echo_err(f"pressclean: no supported input files in {archive}")
    sys.exit(batch_exit_code(summary.cleaned + summary.skipped, summary.failures()))

"""``pressclean index OUT [--rebuild]``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pressclean.cli._common import batch_exit_code, echo_err, reported_errors


@click.command("index")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Drop the index and index every document again.")
def index_cmd(out_dir: Path, rebuild: bool) -> None:
    """Build or update the full-text index of a run (stored in OUT/.pressclean-index).

    Only documents whose record changed since the last call are indexed again."""
    from pressclean.index import build_index

    with reported_errors():
        report = build_index(out_dir, rebuild=rebuild)
    for exc in report.failures:
        echo_err(f"pressclean: {exc}")
    click.echo(f"indexed {report.indexed} documents: {report.added} added, "
               f"{report.updated} updated, {report.unchanged} unchanged, "
               f"{report.removed} removed, {len(report.failures)} unreadable")
    sys.exit(batch_exit_code(report.indexed, list(report.failures)))

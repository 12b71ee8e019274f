"""``pressclean export OUT --format FMT -o FILE``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pressclean.cli._common import batch_exit_code, echo_err, reported_errors
from pressclean.exceptions import PresscleanError
from pressclean.feeds import FORMATS


@click.command("export")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice([*FORMATS, "corrections"]),
              help="Search-engine feed, archive table (csv, jsonl) or corrections table.")
@click.option("-o", "--output", "dest", required=True, type=click.Path(path_type=Path),
              help="File to write (elasticsearch/opensearch also write FILE's .mapping.json).")
@click.option("--index-name", default="pressclean", show_default=True,
              help="Index named in the bulk action lines.")
def export_cmd(out_dir: Path, fmt: str, dest: Path, index_name: str) -> None:
    """Export a run: bulk feeds for Elasticsearch/OpenSearch, Solr JSON, a table."""
    if fmt == "corrections":
        with reported_errors():
            try:  # written by the review work; imported here so other formats never need it
                from pressclean.corrections_table import export_corrections
            except ImportError as missing:
                raise PresscleanError("--format corrections is not available in this "
                                      "version of pressclean") from missing
            export_corrections(out_dir, dest)
        return
    from pressclean.feeds import export_run

    with reported_errors():
        n_docs, failures, written = export_run(out_dir, fmt, dest, index_name=index_name)
    for failure in failures:
        echo_err(f"pressclean: {failure}")
    click.echo(f"{n_docs} documents -> {', '.join(str(p) for p in written)}")
    sys.exit(batch_exit_code(n_docs, list(failures)))

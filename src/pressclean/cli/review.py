"""``pressclean review OUT --html FILE``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pressclean.cli._common import echo_err, reported_errors


@click.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--html", "html_path", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Write the review page here (one self-contained file).")
@click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Show these decisions on the page (to carry on a review).")
@click.option("--title", help="Page title (default: the folder's name).")
def review(out: Path, html_path: Path, decisions: Path | None, title: str | None) -> None:
    """Write a static HTML page to review every correction of a run in OUT.

    Exit code 0: every output read; 3: some outputs could not be read (named on
    stderr and on the page), the page shows the others.
    """
    from pressclean.decisions import load_decisions
    from pressclean.exceptions import ExitCode
    from pressclean.review import load_run
    from pressclean.review_html import write_review

    with reported_errors():
        dec = load_decisions(decisions) if decisions is not None else None
        run = load_run(out)
        write_review(run, html_path, dec, title)
    for problem in run.problems:
        echo_err(f"pressclean: {problem}")
    n = sum(len(d.corrections) for d in run.documents)
    echo_err(f"{html_path}: {len(run.documents)} documents, {n} corrections")
    sys.exit(int(ExitCode.PARTIAL) if run.problems else int(ExitCode.OK))

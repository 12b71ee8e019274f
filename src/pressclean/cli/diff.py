"""``pressclean diff OUT/<doc>.txt`` and ``pressclean diff INPUT --clean OUTPUT``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pressclean.cli._common import echo_err, reported_errors


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--clean", "clean_path", type=click.Path(exists=True, dir_okay=False,
                                                       path_type=Path),
              help="PATH is the input file and this its clean output (.txt with its .json "
                   "or .corrections.jsonl beside it).")
@click.option("-C", "--context", type=click.IntRange(min=0), default=None, metavar="N",
              help="Only changed lines and N lines around them (default: whole document).")
@click.option("--color/--no-color", default=None,
              help="Colour the changes (default: when stdout is a terminal and NO_COLOR "
                   "is unset); plain [-old-]{+new+}<rule> markers otherwise.")
@click.option("--stage", "stages", multiple=True, metavar="STAGE",
              help="Only corrections of this stage (repeatable), e.g. --stage spell.")
def diff(path: Path, clean_path: Path | None, context: int | None, color: bool | None,
         stages: tuple[str, ...]) -> None:
    """Show the corrections of one document inline: OUT/<doc>.txt (or .json)."""
    from pressclean.diffview import DiffOptions, render_diff
    from pressclean.exceptions import BadInputError
    from pressclean.review import load_document
    from pressclean.textio import read_text

    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    with reported_errors():
        doc = load_document(clean_path or path)
        if clean_path is not None:
            source, _ = read_text(path)
            if source != doc.source:
                raise BadInputError(path, f"is not the input of {clean_path}: its text "
                                    "differs from the source its corrections were made on")
        if not doc.corrections:
            echo_err(f"pressclean: {doc.key}: no corrections")
        text = render_diff(doc, DiffOptions(context=context, color=color, stages=stages))
    click.echo(text, nl=False, color=color)

"""The ``pressclean`` command: a thin click layer that parses and calls the library.

Each command lives in its own module of this package and is registered below.
Library errors (:class:`~pressclean.exceptions.PresscleanError`) become one line on
stderr and their exit code; nothing here holds pipeline logic.
"""

from __future__ import annotations

import click

from pressclean import __version__
from pressclean.cli.clean import clean
from pressclean.cli.diff import diff
from pressclean.cli.evaluate import eval_cmd
from pressclean.cli.export import export_cmd
from pressclean.cli.index import index_cmd
from pressclean.cli.learn import learn
from pressclean.cli.ocr import ocr_cmd
from pressclean.cli.review import review
from pressclean.cli.run import run
from pressclean.cli.search import search_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pressclean")
def main() -> None:
    """Turn scanned French newspapers into clean, searchable text."""


main.add_command(clean)
main.add_command(eval_cmd)
main.add_command(learn)
main.add_command(diff)
main.add_command(review)
main.add_command(run)
main.add_command(ocr_cmd)
main.add_command(index_cmd)
main.add_command(search_cmd)
main.add_command(export_cmd)

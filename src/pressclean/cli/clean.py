"""``pressclean clean FILE... [-o DIR]``."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import click

from pressclean.cli._common import (
    batch_exit_code,
    cleaning_options,
    cores,
    echo_err,
    reported_errors,
)
from pressclean.exceptions import PresscleanError


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write DIR/<stem>.txt and DIR/<stem>.corrections.jsonl per input.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=cores, show_default="cores",
              help="Processes a long document's paragraphs are corrected in (texts under "
                   "100,000 characters use one).")
@cleaning_options
def clean(files: tuple[str, ...], out_dir: Path | None, jobs: int,
          rules_files: tuple[Path, ...], dictionaries: Path | None, model: Path | None,
          ocr_engine: str, decisions: Path | None, keep_lines: bool, no_spell: bool) -> None:
    """Clean OCR text files. One FILE (or -) without -o: clean text to stdout."""
    from pressclean.pipeline import Cleaner, CleanOptions
    from pressclean.writers import write_clean_outputs

    if out_dir is None and len(files) != 1:
        raise click.UsageError("several FILEs need -o DIR")
    options = CleanOptions(reflow=not keep_lines, rules_files=rules_files,
                           dictionaries=dictionaries, model=model, decisions=decisions,
                           spell=not no_spell, jobs=jobs,
                           engine=None if ocr_engine == "auto" else ocr_engine)
    with reported_errors():
        cleaner = Cleaner(options)
        cleaner.preload()
    if len(files) > 1:  # the files are one archive: each is weighed with the others' pairs
        cleaner.count_archive(_readable(files))
    failures: list[PresscleanError] = []
    n_ok = 0
    for name in files:
        try:
            doc = cleaner.clean_file(name)
        except PresscleanError as exc:
            echo_err(f"pressclean: {exc}")
            failures.append(exc)
            continue
        n_ok += 1
        if out_dir is None:
            sys.stdout.write(doc.clean_text)
            sys.stdout.flush()
        else:
            stem = "stdin" if name == "-" else Path(name).stem
            txt, _ = write_clean_outputs(doc, out_dir, stem)
            by_stage = Counter(c.stage for c in doc.corrections)
            detail = ", ".join(f"{k} {v}" for k, v in sorted(by_stage.items()))
            shared = doc.meta.get("processes")
            echo_err(f"{name} → {txt}: {len(doc.corrections)} corrections"
                     + (f" ({detail})" if detail else "")
                     + (f", on {shared} processes" if shared else ""))
    sys.exit(batch_exit_code(n_ok, failures))


def _readable(files: tuple[str, ...]) -> Iterator[str]:
    """The text of each file that can be read (the others are reported when cleaned);
    stdin only once, when it is cleaned."""
    from pressclean.textio import read_text

    for name in files:
        if name == "-":
            continue
        try:
            yield read_text(name)[0]
        except PresscleanError:
            continue

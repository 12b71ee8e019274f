"""``pressclean learn``: a correction model from aligned OCR and ground truth."""

from __future__ import annotations

from pathlib import Path

import click

from pressclean.cli._common import reported_errors


@click.command()
@click.option("--pairs", type=click.Path(exists=True, path_type=Path),
              help="ICDAR-style TSV (input/output columns) or a folder of X.ocr.txt + X.gt.txt.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Model file to write (gzip JSON; load it with `clean --model`).")
def learn(pairs: Path | None, output: Path) -> None:
    """Learn confusion statistics and word counts from OCR aligned with its truth."""
    from pressclean.learn import learn_model, read_pairs

    if pairs is None:
        raise click.UsageError("give --pairs FILE|DIR")
    with reported_errors():
        model = learn_model(read_pairs(pairs), source=pairs.name)
        model.save(output)
    prov = model.provenance
    click.echo(f"learned from {prov['pairs']} pairs ({prov['words']} words): "
               f"{len(model.unigrams)} word types, {len(model.bigrams)} word pairs, "
               f"{sum(len(r) for r in model.word_conf.values())} word confusions, "
               f"{sum(len(r) for r in model.chunk_conf.values())} character confusions "
               f"→ {output}")

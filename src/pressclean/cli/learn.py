"""``pressclean learn``: a correction model from aligned OCR and ground truth."""

from __future__ import annotations

import itertools
from pathlib import Path

import click

from pressclean.cli._common import reported_errors


@click.command()
@click.option("--pairs", type=click.Path(exists=True, path_type=Path), multiple=True,
              help="ICDAR-style TSV (input/output columns) or a folder of X.ocr.txt + X.gt.txt "
                   "(repeat to learn from several, e.g. two OCR engines).")
@click.option("--engine-pairs", type=click.Path(exists=True, path_type=Path), multiple=True,
              help="Pairs read by the OCR engine the model is for: their confusions count "
                   "ten times (learned with --pairs from other engines, e.g. "
                   "src/pressclean/data/model-tesseract-fr.json.gz).")
@click.option("--exclude", type=click.Path(exists=True, path_type=Path), multiple=True,
              help="Pairs (TSV or folder) to measure on later: training pairs whose truth is "
                   "one of theirs, or holds one, are left out.")
@click.option("--archive", type=click.Path(exists=True, path_type=Path),
              help="Folder of OCR text (or a TSV's OCR column) to mine for variants.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Model file (with --pairs) or proposals CSV (with --archive).")
@click.option("--top", type=int, default=200, show_default=True,
              help="How many variant proposals to keep (--archive).")
def learn(pairs: tuple[Path, ...], engine_pairs: tuple[Path, ...], exclude: tuple[Path, ...],
          archive: Path | None, output: Path, top: int) -> None:
    """Learn a model from OCR aligned with its truth (--pairs), or mine an archive
    without truth for variant and rule proposals (--archive)."""
    from pressclean.learn import Exclusion, learn_model, read_pairs
    from pressclean.model import SENTENCE_START

    if bool(pairs or engine_pairs) == (archive is not None):
        raise click.UsageError("give --pairs FILE|DIR or --archive DIR")
    if archive is not None:
        _mine(archive, output, top)
        return
    with reported_errors():
        held = (Exclusion(itertools.chain.from_iterable(read_pairs(p) for p in exclude))
                if exclude else None)
        source = " + ".join([p.name for p in pairs]
                            + [f"{p.name} (engine)" for p in engine_pairs])
        if exclude:
            source += " − " + " − ".join(p.name for p in exclude)
        model = learn_model(itertools.chain.from_iterable(read_pairs(p) for p in pairs),
                            source=source, exclude=held,
                            engine=itertools.chain.from_iterable(read_pairs(p)
                                                                 for p in engine_pairs))
        model.save(output)
    prov = model.provenance
    if held is not None:
        click.echo(f"left out {held.skipped} pairs whose truth is in "
                   + ", ".join(p.name for p in exclude))
    click.echo(f"learned from {prov['pairs']} pairs ({prov['words']} words): "
               f"{len(model.unigrams.keys() - {SENTENCE_START})} word types, "
               f"{model.sentences} sentences, "
               f"{len(model.bigrams)} word pairs, "
               f"{sum(len(r) for r in model.word_conf.values())} word confusions, "
               f"{sum(len(r) for r in model.chunk_conf.values())} character confusions "
               f"→ {output}")


def _mine(archive: Path, output: Path, top: int) -> None:
    from pressclean.mining import archive_texts, mine, write_proposals
    from pressclean.pipeline import Cleaner

    with reported_errors():
        cleaner = Cleaner()
        speller = cleaner.resources.speller
        proposals, rules = mine(archive_texts(archive), cleaner.resources.lexicon, speller.gen,
                                top=top)
        write_proposals(output, proposals, rules)
    click.echo(f"{len(proposals)} variant proposals and {len(rules)} confusion rules → {output}")
    for p in proposals[:10]:
        click.echo(f"  {p.variant} → {p.word}  ({p.variant_count}×, {p.confusions})")

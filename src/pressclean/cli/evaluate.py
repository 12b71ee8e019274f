"""``pressclean eval``: CER, WER and cMER against ground truth."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import click

from pressclean.cli._common import reported_errors


@click.command("eval")
@click.option("--gt", type=click.Path(exists=True, path_type=Path),
              help="Ground-truth file or folder (matched to --hyp/--ocr by name).")
@click.option("--hyp", type=click.Path(exists=True, path_type=Path),
              help="Corrected text file or folder; omit to clean --ocr now.")
@click.option("--ocr", type=click.Path(exists=True, path_type=Path),
              help="Raw OCR file or folder: the baseline (and the input when --hyp is omitted).")
@click.option("--run", "run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A `pressclean run` output: its records' OCR and clean text against --gt.")
@click.option("--tsv", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="ICDAR-style TSV (input = OCR, output = truth); rows are cleaned now.")
@click.option("--model", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Correction model to clean with (default: the packaged one).")
@click.option("--ocr-engine", type=click.Choice(["other", "tesseract"]), default="other",
              show_default=True,
              help="The engine that read the OCR cleaned now: 'tesseract' cleans with the "
                   "packaged model for its confusions.")
@click.option("--no-correct", is_flag=True, help="Score the OCR itself (no cleaning).")
@click.option("--strict-layout", is_flag=True,
              help="Compare line breaks and line-end hyphens too (default: text only).")
@click.option("--limit", type=int, default=0, help="Only the first N TSV rows.")
@click.option("--show-worse", type=int, default=0, help="List the N documents made worst.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def eval_cmd(gt: Path | None, hyp: Path | None, ocr: Path | None, run_dir: Path | None,
             tsv: Path | None,
             model: Path | None, ocr_engine: str, no_correct: bool, strict_layout: bool,
             limit: int,
             show_worse: int, as_json: bool) -> None:
    """CER, WER and cMER of cleaned text against ground truth.

    \b
    pressclean eval --gt seeds/000_part1.gt.txt --ocr seeds/000_part1.ocr.txt
    pressclean eval --gt GT_DIR --hyp OUT_DIR [--ocr OCR_DIR]
    pressclean eval --gt samples --run OUT      (truth as X.gt.txt beside inputs)
    pressclean eval --tsv dev.aligned.tsv
    """
    from pressclean.evaluate import Item, evaluate
    from pressclean.evaluation_inputs import file_items, run_items, tsv_items

    if (tsv is None) == (gt is None):
        raise click.UsageError("give either --tsv FILE or --gt PATH")
    if gt is not None and hyp is None and ocr is None and run_dir is None:
        raise click.UsageError("--gt needs --hyp, --ocr, both, or --run")
    with reported_errors():
        items: Iterable[Item]
        if tsv is not None:
            items = tsv_items(tsv, model, clean=not no_correct, limit=limit, engine=ocr_engine)
        elif run_dir is not None:
            assert gt is not None
            items = run_items(gt, run_dir, normalise_layout=not strict_layout)
        else:
            assert gt is not None
            items = file_items(gt, hyp, ocr, model, clean=not no_correct,
                               normalise_layout=not strict_layout, engine=ocr_engine)
        report = evaluate(items)
    data = report.as_dict()
    if show_worse:
        data["worst"] = [name for _, name in report.worst[:show_worse]]
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"documents   {data['documents']}")
    for key in ("cer", "wer", "cmer"):
        line = f"{key.upper():<11} {data[key]:.4f}"
        if f"ocr_{key}" in data:
            line += f"   (OCR {data[f'ocr_{key}']:.4f})"
        click.echo(line)
    if "better" in data:
        click.echo(f"cMER change {data['cmer_change']:+.1%}")
        click.echo(f"documents   {data['better']} better, {data['worse']} worse")
        click.echo(f"words       {data['words_changed']} changed, {data['words_fixed']} now "
                   f"right ({data['precision']:.1%}), {data['words_broken']} broken")
        if data["top_missed"]:
            click.echo("most missed " + "; ".join(data["top_missed"][:10]))
        if data["top_broken"]:
            click.echo("most broken " + "; ".join(data["top_broken"][:10]))
    for name in data.get("worst", []):
        click.echo(f"worse: {name}")

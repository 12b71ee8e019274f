"""``pressclean eval --gt ... --hyp ...`` (placeholder until metrics land)."""

from __future__ import annotations

import click


@click.command("eval")
def eval_cmd() -> None:
    """CER, WER and cMER against ground truth."""
    raise click.UsageError("not yet available")

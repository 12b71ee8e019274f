"""``pressclean search QUERY --in OUT [filters] [--json] [--limit N]``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pressclean.cli._common import reported_errors


@click.command("search")
@click.argument("query")
@click.option("--in", "out_dir", required=True, type=click.Path(path_type=Path),
              help="The run folder (indexed with `pressclean index OUT`).")
@click.option("--from", "date_from", metavar="DATE",
              help="Issues on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE",
              help="Issues on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--publication", metavar="P", help="Only this publication (accents/case ignored).")
@click.option("--entity", metavar="E",
              help="Only documents naming this person, place or organisation.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object: total and hits.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1))
def search_cmd(query: str, out_dir: Path, date_from: str | None, date_to: str | None,
               publication: str | None, entity: str | None, as_json: bool, limit: int) -> None:
    """Search a run. One hit a line: path, date, score, snippet (**matches** marked).

    QUERY: words (all required, any inflection, accents optional), "a phrase", prefix*,
    -excluded, field:word (title, text, people, places, organisations)."""
    from pressclean.search import Filters, search

    filters = Filters(date_from, date_to, publication, entity)
    with reported_errors():
        total, hits = search(out_dir, query, filters, limit=limit)
    if as_json:
        click.echo(json.dumps({"query": query, "total": total,
                               "hits": [h.to_dict() for h in hits]}, ensure_ascii=False))
        return
    for hit in hits:
        click.echo(f"{hit.path}\t{hit.date or '-'}\t{hit.score:.3f}\t{hit.snippet}")
    click.echo(f"{total} matching document{'s' if total != 1 else ''}", err=True)

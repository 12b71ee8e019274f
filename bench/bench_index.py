"""Benchmark of the search index: indexing speed and query latency.

    PYTHONPATH=src python bench/bench_index.py [--index-docs 1000] [--query-docs 100000]
                                               [--keep DIR]

Synthetic run folders are built from the seed articles' sentences, shuffled (each
document ~20 sentences, ~2.5 kB, with tags and an issue date), written as records the
way `pressclean run` does; then `build_index` is timed over them (reading the records,
French analysis, tantivy), and `search` (query, filters, snippets of the 10 hits read
from the records) is timed on the large index.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from pressclean.index import build_index
from pressclean.search import Filters, search
from shared_data import SEEDS  # bench/, the folder this script runs from

PEOPLE = ["Laurent Deschamps", "Alain Boyer", "Sandra Liardon", "Evelyne Gisselbrecht"]
PLACES = ["Besançon", "Dijon", "Morteau", "Belfort", "Pirey", "Doubs", "Franche-Comté"]
PUBLICATIONS = ["L'Est Républicain", "Le Progrès", "La Presse de Gray"]
QUERIES = [("besancon micronora", Filters()), ("entreprise", Filters()),
           ('"pôle des microtechniques"', Filters()), ("horlog*", Filters()),
           ("deschamps", Filters(date_from="1950", date_to="1960")),
           ("innovation", Filters(publication="le progres", entity="Dijon"))]


def sentences() -> list[str]:
    text = " ".join((SEEDS / f"00{n}_article.txt").read_text(encoding="utf-8")
                    for n in "1234")
    return [s.strip() + "." for s in text.replace("\n", " ").split(". ") if len(s) > 30]


def write_run(out: Path, n_docs: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = sentences()
    for i in range(n_docs):
        text = " ".join(rng.sample(pool, 20)) + f" Référence unique mot{i}."
        year = 1900 + i % 100
        rec = {"schema": 1, "path": f"synth/{i // 1000:03d}/doc{i:06d}.txt",
               "source_format": "text", "source_text": text, "clean_text": text,
               "corrections": [], "quality": {"before": 0.9, "after": 0.95},
               "meta": {"publication": PUBLICATIONS[i % 3], "date": f"{year}-0{1 + i % 9}-15",
                        "page": 1 + i % 8},
               "tags": {"title": text[:60], "people": rng.sample(PEOPLE, 2),
                        "places": rng.sample(PLACES, 3), "organisations": ["Pôle"],
                        "dates": [], "keywords": []}}
        dest = out / "synth" / f"{i // 1000:03d}" / f"doc{i:06d}.json"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")


def bench_indexing(n_docs: int, tmp: Path) -> None:
    out = tmp / f"run{n_docs}"
    write_run(out, n_docs)
    t0 = time.perf_counter()
    report = build_index(out)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = build_index(out)
    rerun = time.perf_counter() - t0
    print(f"indexing: {report.added} documents in {elapsed:.2f} s = "
          f"{report.added / elapsed:,.0f} documents/s; rerun with nothing changed "
          f"({again.unchanged} unchanged) {rerun:.2f} s")


def bench_queries(n_docs: int, tmp: Path, repeats: int = 20, keep: Path | None = None) -> None:
    out = keep or tmp / f"run{n_docs}"
    if not (out / ".pressclean-index").is_dir():
        write_run(out, n_docs)
        t0 = time.perf_counter()
        report = build_index(out)
        elapsed = time.perf_counter() - t0
        print(f"index of {report.added:,} documents built in {elapsed:.1f} s "
              f"({report.added / elapsed:,.0f} documents/s)")
    for query, filters in QUERIES:
        search(out, query, filters)  # warm the OS cache and the index reader
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            total, hits = search(out, query, filters)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(f"query {query!r} {filters if filters != Filters() else ''}: {total:,} matches, "
              f"median {statistics.median(times):.1f} ms, "
              f"p95 {times[int(0.95 * len(times)) - 1]:.1f} ms (top 10 with snippets)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-docs", type=int, default=1000)
    parser.add_argument("--query-docs", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="build the large run in DIR and reuse it on the next call")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.index_docs:
            bench_indexing(args.index_docs, Path(tmp))
        if args.query_docs:
            bench_queries(args.query_docs, Path(tmp), keep=args.keep)


if __name__ == "__main__":
    main()

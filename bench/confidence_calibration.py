"""How often Tesseract is wrong at each confidence: the table behind ``confidence.tsv``.

Renders truth paragraphs of ICDAR train (rows 2,000 on, as ``render_pairs.py`` does, but
other pages: its own random seed) as aged scans, reads them with pressclean's OCR stage,
aligns the words read with the words set, and counts per band of five confidence points
how many words were read and how many of them wrong::

    python bench/confidence_calibration.py --pages 80 > src/pressclean/data/confidence.tsv

The speller turns the table into how much a word's confidence raises or lowers the odds
that it was misread (``pressclean.confidence``).
"""

from __future__ import annotations

import argparse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein

# bench/, run from there
from render_pairs import FIRST_ROW, _pages, random_spec, read_back, scans_module, train_truth

BAND = 5
SEED = 1717


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    scans = scans_module()
    truth = train_truth()
    rng = np.random.default_rng(SEED)
    pages = _pages(truth, 4 * args.pages)
    picks = rng.choice(len(pages), size=args.pages, replace=False)
    jobs = []
    for i in picks:
        jobs.append((random_spec(scans, f"page{i:04d}", rng), pages[i]))
    read: Counter[int] = Counter()
    wrong: Counter[int] = Counter()

    def one(job: tuple[Any, list[str]]) -> tuple[list[tuple[str, float]], list[str]]:
        spec, pars = job
        _, words = read_back(scans, spec, pars)
        return ([(w.text, w.conf) for w in words if w.conf is not None],
                " ".join(pars).split())

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for words, gold in pool.map(one, jobs):
            for op in Levenshtein.opcodes([w for w, _ in words], gold):
                for _, conf in words[op.src_start:op.src_end]:
                    band = min(int(conf) // BAND * BAND, 100 - BAND)
                    read[band] += 1
                    wrong[band] += op.tag != "equal"
    print(f"# Tesseract's words by confidence band: read, misread. {args.pages} aged renders "
          f"of ICDAR train truth (rows {FIRST_ROW}+), {date.today()}:")
    print("# python bench/confidence_calibration.py "
          f"--pages {args.pages} > src/pressclean/data/confidence.tsv")
    for band in range(0, 100, BAND):
        print(f"{band}\t{read[band]}\t{wrong[band]}")


if __name__ == "__main__":
    main()

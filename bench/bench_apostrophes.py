"""How Tesseract reads apostrophes: the evidence behind ``typography``'s thresholds.

Run: ``.venv/bin/python bench/bench_apostrophes.py [--pages 16]`` (needs Tesseract; reads
../shared/data). Sets ICDAR train truth (rows 2,000 onwards, the pages after those
``render_pairs.py`` makes for the model) as aged scans twice, once with straight
apostrophes and once with curly ones, reads each back with the OCR stage and counts
the apostrophes between letters it wrote, and which documents ``page_style``
calls typographic. A straight page should never be called so (a stray "’" is
what ``MIN_CURLY`` guards against); a curly page should, however few of its "’" the
engine kept.
"""

from __future__ import annotations

import argparse
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from pressclean.typography import BETWEEN_LETTERS, page_style

# (bench/, the folder this script runs from)
from render_pairs import _pages, random_spec, read_back, scans_module, train_truth

#: the pages the packaged model was learned from (``render_pairs.py --pages 200``, as
#: README's "The model" says), skipped here
MODEL_PAGES = 200


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=16)
    args = ap.parse_args()
    scans = scans_module()
    truth = train_truth()
    rng = np.random.default_rng(7)
    jobs = []
    for i, pars in enumerate(_pages(truth, MODEL_PAGES + args.pages)[MODEL_PAGES:]):
        spec = random_spec(scans, f"page{i:02d}", rng)
        for style in ("'", "’"):
            jobs.append((spec, [BETWEEN_LETTERS.sub(style, p) for p in pars], style))

    def one(job: tuple[Any, list[str], str]) -> tuple[str, int, int, int, bool]:
        spec, pars, style = job
        text, _ = read_back(scans, spec, pars)
        marks = BETWEEN_LETTERS.findall(text)
        return style, sum(len(BETWEEN_LETTERS.findall(p)) for p in pars), marks.count("’"), \
            len(marks), page_style(marks) == "’"

    totals: dict[str, list[int]] = {"'": [0, 0, 0, 0], "’": [0, 0, 0, 0]}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for style, printed, read_curly, read, called in pool.map(one, jobs):
            t = totals[style]
            t[0] += 1
            t[1] += printed
            t[2] += read_curly
            t[3] += called
            print(f"printed {style}: {printed:3d} apostrophes, {read_curly:3d} of {read:3d} "
                  f"read '’', called typographic: {'yes' if called else 'no'}")
    for style, (pages, printed, read_curly, typographic) in totals.items():
        print(f"pages printed with {style}: {pages}, {printed} apostrophes, {read_curly} read "
              f"'’'; {typographic} of {pages} pages called typographic")


if __name__ == "__main__":
    main()

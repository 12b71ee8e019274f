"""Tesseract's own confusions: render ground-truth text as aged scans, read them back
with pressclean's OCR stage, and write the (OCR, truth) pairs ``learn --pairs`` reads.

The packaged model's confusions were learned from ICDAR 2017, whose OCR came from
another engine; text read by the OCR stage has Tesseract's confusions ("Île" for "le",
"i'" for "l'"). This makes pairs for those from the truth side of ICDAR train rows
2,000 onwards (rows 0–1,999 are the held-out tuning split), set and aged the way
``samples/make_scans.py`` sets the sample scans, with resolution, wear and skew drawn
at random per page (a fixed seed: reruns give the same pages)::

    python bench/render_pairs.py -o /tmp/pairs --pages 200
    pressclean learn --pairs /tmp/pairs -o /tmp/tesseract.json.gz

Nothing here is shipped: the pairs hold running text and stay outside the tree.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from pressclean.document import Word
from pressclean.formats._build import assemble
from pressclean.learn import read_pairs
from pressclean.ocr import OcrOptions, PageImage, ocr_page
from shared_data import ICDAR  # bench/, the folder this script runs from

HERE = Path(__file__).resolve().parent
FIRST_ROW = 2000
WORDS_PER_PAGE = 350


def scans_module() -> Any:
    """``samples/make_scans.py``, loaded as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("make_scans", HERE.parent / "samples" /
                                                  "make_scans.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_scans"] = mod
    spec.loader.exec_module(mod)
    return mod


def train_truth() -> list[str]:
    """The truth side of ICDAR train from ``FIRST_ROW`` on (rows before it are the
    held-out tuning split)."""
    return [gt for _, gt in read_pairs(ICDAR / "train.aligned.tsv")][FIRST_ROW:]


def read_back(scans: Any, spec: Any, pars: list[str]) -> tuple[str, list[Word]]:
    """Set ``pars`` on the page ``spec`` describes, age it with the page's own noise,
    and read it back with the OCR stage: its text and its words."""
    ink = scans._ink_pages(spec, pars)[0]
    image = scans._age(spec, ink, np.random.default_rng(spec.rng_seed))
    return assemble([ocr_page(PageImage(image, spec.dpi, spec.name), OcrOptions())])


def _pages(rows: list[str], n: int) -> list[list[str]]:
    """Consecutive truth paragraphs, about WORDS_PER_PAGE words a page."""
    pages: list[list[str]] = []
    current: list[str] = []
    words = 0
    for par in rows:
        par = " ".join(par.split())
        if len(par) < 120:  # short rows would be set as bold subheadings
            continue
        current.append(par)
        words += len(par.split())
        if words >= WORDS_PER_PAGE:
            pages.append(current)
            current, words = [], 0
            if len(pages) == n:
                break
    return pages


def random_spec(scans: Any, name: str, rng: np.random.Generator) -> Any:
    """A page's look drawn at random: resolution, skew, fading, wear, grain, and the
    seed of its own noise (the draws in this order, so a fixed ``rng`` gives the same
    pages on every run)."""
    return scans.ScanSpec(
        name, "", int(rng.choice([150, 200, 300])),
        float(rng.uniform(-1.5, 1.5)), float(rng.uniform(0.05, 0.55)),
        float(rng.choice([0.0, 0.02, 0.06, 0.10])), float(rng.uniform(4, 14)), "png",
        1, int(rng.integers(1 << 30)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--pages", type=int, default=200)  # as the packaged model
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    scans = scans_module()
    truth = train_truth()
    rng = np.random.default_rng(2026)
    jobs = []
    for i, pars in enumerate(_pages(truth, args.pages)):
        jobs.append((random_spec(scans, f"page{i:04d}", rng), pars))
    args.out.mkdir(parents=True, exist_ok=True)

    def one(job: tuple[Any, list[str]]) -> None:
        spec, pars = job
        text, _ = read_back(scans, spec, pars)
        stem = args.out / spec.name
        stem.with_suffix(".ocr.txt").write_text(text, encoding="utf-8")
        stem.with_suffix(".gt.txt").write_text("\n".join(pars) + "\n", encoding="utf-8")

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for n, _ in enumerate(pool.map(one, jobs), 1):
            print(f"\r{n}/{len(jobs)} pages", end="", flush=True)
    print()


if __name__ == "__main__":
    main()

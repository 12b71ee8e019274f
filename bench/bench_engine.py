"""One engine's confusions weighed apart: Tesseract scans of held-out text cleaned with
models whose Tesseract confusions count once (pooled with the other engine's) or
more (``learn --engine-pairs``, ``pressclean.learn.ENGINE_WEIGHT``).

    python bench/render_pairs.py -o /tmp/tesseract-renders --pages 200   # once, ~7 min
    python bench/bench_engine.py --renders /tmp/tesseract-renders [--weights 1,3,10]

Every model learns from ICDAR train rows 2,000 onwards and from the renders (set from
the truth of those rows). The scans are set from the truth of rows 0–1,999, the
held-out split, aged as the renders are (fixed seeds), read once by the OCR stage and
cleaned with each model, the words' confidences included, as ``pressclean run`` cleans
a scan. About 4 minutes on two cores.
"""

from __future__ import annotations

import argparse
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from pressclean.document import Word
from pressclean.evaluate import Item, evaluate
from pressclean.learn import learn_model, read_pairs
from pressclean.pipeline import Cleaner, CleanOptions
from render_pairs import FIRST_ROW, _pages, random_spec, read_back, scans_module
from shared_data import ICDAR  # bench/, the folder this script runs from


def held_out_scans(pages: int, jobs: int) -> list[tuple[str, list[Word], str]]:
    """(OCR text, OCR words, truth) of ``pages`` scans set from rows 0–1,999."""
    scans = scans_module()
    truth = [gt for _, gt in read_pairs(ICDAR / "train.aligned.tsv")][:FIRST_ROW]
    rng = np.random.default_rng(99)
    jobs_ = [(random_spec(scans, f"held{i:03d}", rng), pars)
             for i, pars in enumerate(_pages(truth, pages))]

    def one(job: tuple[Any, list[str]]) -> tuple[str, list[Word], str]:
        spec, pars = job
        text, words = read_back(scans, spec, pars)
        return text, words, "\n".join(pars) + "\n"

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, jobs_))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--renders", type=Path, required=True,
                    help="pairs written by bench/render_pairs.py (rows 2,000+)")
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--weights", default="1,3,10")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    rows = list(read_pairs(ICDAR / "train.aligned.tsv"))[FIRST_ROW:]
    renders = list(read_pairs(args.renders))
    pages = held_out_scans(args.pages, args.jobs)
    print(f"{len(pages)} held-out scans; models from {len(rows)} ICDAR rows and "
          f"{len(renders)} render pages")
    for weight in (int(w) for w in args.weights.split(",")):
        model = learn_model(rows, "bench", engine=renders, engine_weight=weight)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.json.gz"
            model.save(path)
            cleaner = Cleaner(CleanOptions(model=path))
        items = [Item(str(i), gt, cleaner.clean_text(text, words=words).clean_text, text)
                 for i, (text, words, gt) in enumerate(pages)]
        d = evaluate(items).as_dict()
        print(f"engine confusions x{weight:<3} cMER {d['ocr_cmer']:.4f} -> {d['cmer']:.4f} "
              f"({d['cmer_change']:+.1%}), {d['better']} better / {d['worse']} worse; "
              f"{d['words_changed']} words changed, {d['words_fixed']} right, "
              f"{d['words_broken']} broken")


if __name__ == "__main__":
    main()

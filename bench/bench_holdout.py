"""The tuning set-up: learn on ICDAR train rows 2,000+, measure on rows 0–1,999.

Run: ``.venv/bin/python bench/bench_holdout.py [PAIRS_DIR]`` (reads ../shared/data; writes
the held-out model to a temporary folder). With ``PAIRS_DIR`` (Tesseract's readings of
renders, from ``bench/render_pairs.py``; their truth is from rows 2,000+ only) the model
is learned the way the packaged one is. The decision thresholds in ``spell.SpellParams``
were chosen on this split, never on dev.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pressclean.evaluate import Item, evaluate
from pressclean.learn import learn_model, read_pairs
from pressclean.pipeline import Cleaner, CleanOptions

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "icdar2017-fr-periodical"
HELD_OUT = 2000


def main() -> None:
    rows = list(read_pairs(DATA / "train.aligned.tsv"))
    renders = list(read_pairs(Path(sys.argv[1]))) if len(sys.argv) > 1 else []
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "model.json.gz"
        learn_model(rows[HELD_OUT:] + renders, f"train.aligned.tsv[{HELD_OUT}:]").save(model)
        cleaner = Cleaner(CleanOptions(model=model))
        cleaner.count_archive(ocr for ocr, _ in rows[:HELD_OUT])  # as `pressclean eval` does
        report = evaluate(Item(str(i), gt, cleaner.clean_text(ocr).clean_text, ocr)
                          for i, (ocr, gt) in enumerate(rows[:HELD_OUT]))
    d = report.as_dict()
    print(f"held-out rows {d['documents']}: cMER {d['ocr_cmer']:.4f} -> {d['cmer']:.4f} "
          f"({d['cmer_change']:+.1%}), {d['better']} rows better, {d['worse']} worse; "
          f"{d['words_changed']} words changed, {d['words_fixed']} now right, "
          f"{d['words_broken']} broken")


if __name__ == "__main__":
    main()

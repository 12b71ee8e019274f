"""The tuning set-up: learn on ICDAR train rows 2,000+, measure on rows 0–1,999.

Run: ``.venv/bin/python bench/bench_holdout.py [--late] [--group N] [PAIRS_DIR]`` (reads
../shared/data; writes the held-out model to a temporary folder). With ``PAIRS_DIR``
(Tesseract's readings of renders, from ``bench/render_pairs.py``; their truth is from
rows 2,000+ only) the model is learned the way the packaged one is. The decision
thresholds in ``spell.SpellParams`` were chosen on this split, never on dev.

``--late`` holds out rows 6,000–7,916 instead and learns on rows 0–5,999: the train rows
nearest dev in the file, and like it in kind. Rows 7,917 onwards are dev's rows (the
train file holds all of dev) and are never used here.

``--group N`` cleans the held-out rows as documents of N consecutive rows (joined by a
blank line, as `bench_clean.py` builds its text): an archive's pages are longer than an
ICDAR row, and what a document teaches about its own OCR (``Channel.adapted``) only
shows on a page's worth of text.

``--truth`` cleans the held-out rows' ground truth instead of their OCR and counts the
words changed: harm done to text that is nearly clean, of the same kind (the truth keeps
some OCR errors, so not every change is a harm; the changes are printed to be read).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pressclean.evaluate import Item, evaluate
from pressclean.learn import learn_model, read_pairs
from pressclean.pipeline import Cleaner, CleanOptions
from shared_data import ICDAR  # bench/, the folder this script runs from

HELD_OUT = 2000
#: the late split: held-out rows LATE_FROM..DEV_FROM-1, learned on the rows before
LATE_FROM, DEV_FROM = 6000, 7917


def main() -> None:
    args = sys.argv[1:]
    late, truth = "--late" in args, "--truth" in args
    group = 1
    if "--group" in args:
        at = args.index("--group")
        group = int(args[at + 1])
        del args[at:at + 2]
    args = [a for a in args if a not in ("--late", "--truth")]
    rows = list(read_pairs(ICDAR / "train.aligned.tsv"))
    renders = list(read_pairs(Path(args[0]))) if args else []
    if late:
        learn_rows, held, name = rows[:LATE_FROM], rows[LATE_FROM:DEV_FROM], f"[:{LATE_FROM}]"
    else:
        learn_rows, held, name = rows[HELD_OUT:], rows[:HELD_OUT], f"[{HELD_OUT}:]"
    if group > 1:
        held = [("\n\n".join(o for o, _ in held[i:i + group]),
                 "\n\n".join(t for _, t in held[i:i + group]))
                for i in range(0, len(held), group)]
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "model.json.gz"
        learn_model(learn_rows + renders, f"train.aligned.tsv{name}").save(model)
        cleaner = Cleaner(CleanOptions(model=model))
        if truth:
            _clean_truth(cleaner, [gt for _, gt in held])
            return
        cleaner.count_archive(ocr for ocr, _ in held)  # as `pressclean eval` does
        report = evaluate(Item(str(i), gt, cleaner.clean_text(ocr).clean_text, ocr)
                          for i, (ocr, gt) in enumerate(held))
    d = report.as_dict()
    print(f"held-out {'rows' if group == 1 else f'documents of {group} rows'} "
          f"{d['documents']}: cMER {d['ocr_cmer']:.4f} -> {d['cmer']:.4f} "
          f"({d['cmer_change']:+.1%}), {d['better']} rows better, {d['worse']} worse; "
          f"{d['words_changed']} words changed, {d['words_fixed']} now right, "
          f"{d['words_broken']} broken")


def _clean_truth(cleaner: Cleaner, truths: list[str]) -> None:
    cleaner.count_archive(truths)
    words, changes = 0, []
    for text in truths:
        words += len(text.split())
        changes += [f"{c.before} → {c.after} ({c.rule})"
                    for c in cleaner.clean_text(text).corrections if c.stage != "layout"]
    print(f"held-out truth, {len(truths)} rows: {len(changes)} changes in {words} words "
          f"({len(changes) / words:.2%})")
    print("; ".join(changes))


if __name__ == "__main__":
    main()

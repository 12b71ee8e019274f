"""Cleaning twice gives what cleaning once gave: how many ICDAR rows a second clean
still changes, and what it changes.

Run: ``.venv/bin/python bench/bench_idempotence.py`` (reads ../shared/data). Cleans
the OCR of train rows 0–7,916 (the rows that are not dev's) with the packaged model,
then cleans each output again, and prints the rows whose text the second clean changed
with its corrections. Clean press text is checked the same way by
``tests/test_do_no_harm.py``; OCR text is where decisions made in one order (a word
before the correction of its neighbour) could come out otherwise the second time.
"""

from __future__ import annotations

from itertools import islice

from pressclean.learn import read_pairs
from pressclean.pipeline import Cleaner
from shared_data import ICDAR  # bench/, the folder this script runs from

ROWS = 7917


def main() -> None:
    cleaner = Cleaner()
    cleaner.preload()
    changed = 0
    for i, (ocr, _) in enumerate(islice(read_pairs(ICDAR / "train.aligned.tsv"), ROWS)):
        once = cleaner.clean_text(ocr).clean_text
        again = cleaner.clean_text(once)
        if again.clean_text != once:
            changed += 1
            print(f"row {i}: " + "; ".join(f"{c.before} → {c.after} ({c.rule})"
                                           for c in again.corrections))
    print(f"rows a second clean changes: {changed} of {ROWS}")


if __name__ == "__main__":
    main()

"""How many of the words ``eval`` counts as broken on ICDAR dev are misreadings the
ground truth kept: the truth (and the OCR) a form the lexicon does not know, the
correction a word it does.

Run: ``.venv/bin/python bench/bench_truth_noise.py`` (reads ../shared/data). The
ICDAR truth was corrected by hand to a varying standard; where it kept the OCR's
error ("ptiblier"), repairing the word counts against the corrector.
"""

from __future__ import annotations

import regex

from pressclean.evaluate import Item, evaluate
from pressclean.learn import read_pairs
from pressclean.pipeline import Cleaner
from shared_data import ICDAR  # bench/, the folder this script runs from


def main() -> None:
    cleaner = Cleaner()
    cleaner.preload()
    lexicon = cleaner.resources.lexicon
    rows = list(read_pairs(ICDAR / "dev.aligned.tsv"))
    report = evaluate(Item(str(i), gt, cleaner.clean_text(ocr).clean_text, ocr)
                      for i, (ocr, gt) in enumerate(rows))

    def known(word: str) -> bool:
        parts = regex.findall(r"\p{L}+", word.lower())
        return bool(parts) and all(lexicon.known(p) for p in parts)

    kept = {pair: n for pair, n in report.broken.items() if not known(pair[0]) and known(pair[1])}
    total = sum(report.broken.values())
    n_kept = sum(kept.values())
    print(f"dev: {total} words counted broken; in {n_kept} ({n_kept / total:.0%}) the truth "
          f"is a form the lexicon does not know and the correction a word it does")
    print("those: " + "; ".join(f"{a} → {b}" for a, b in sorted(kept)))
    print("the others: " + "; ".join(f"{a} → {b}" for a, b in sorted(report.broken)
                                     if (a, b) not in kept))


if __name__ == "__main__":
    main()

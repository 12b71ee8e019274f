"""Every quality and speed number README's tables give, one command after another.

Run: ``make bench`` (or ``.venv/bin/python bench/run_all.py [--quick]``). Each step
prints the command it runs, as README writes it, then that command's own output; a
step that fails is reported and the others still run (the exit code is then 1).
``--quick`` skips the steps that take more than a few minutes (the scans of other
faces, the apostrophe renders and the 1 MB speed run). Reads ../shared/data beside the project.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from shared_data import ICDAR  # bench/, the folder this script runs from

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CLI = [str(Path(PY).parent / "pressclean")]

#: (what, command, slow)
STEPS: list[tuple[str, list[str], bool]] = [
    ("seed 000 part 1", CLI + ["eval", "--gt", "samples/ocr/pole-luxe-tech.gt.txt",
                               "--ocr", "samples/ocr/pole-luxe-tech.txt"], False),
    ("ICDAR 2017 fr dev", CLI + ["eval", "--tsv", str(ICDAR / "dev.aligned.tsv")], False),
    ("held-out train, rows 0-1,999", [PY, "bench/bench_holdout.py"], False),
    ("held-out train, rows 6,000-7,916", [PY, "bench/bench_holdout.py", "--late"], False),
    ("held-out train, rows 0-1,999, ten to a document",
     [PY, "bench/bench_holdout.py", "--group", "10"], False),
    ("held-out train, rows 6,000-7,916, ten to a document",
     [PY, "bench/bench_holdout.py", "--late", "--group", "10"], False),
    ("nearly clean text", [PY, "bench/bench_holdout.py", "--late", "--truth"], False),
    ("truth noise on dev", [PY, "bench/bench_truth_noise.py"], False),
    ("cleaning twice", [PY, "bench/bench_idempotence.py"], False),
    ("scans of other faces", [PY, "bench/bench_fonts.py"], True),
    ("apostrophes Tesseract keeps", [PY, "bench/bench_apostrophes.py", "--pages", "40"], True),
    ("speed and memory, 1 MB", [PY, "bench/bench_clean.py"], True),
]


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    failed = []
    for what, cmd, slow in STEPS:
        if quick and slow:
            continue
        shown = " ".join(Path(c).name if c in (PY, CLI[0]) else c for c in cmd)
        print(f"\n== {what}: {shown}", flush=True)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, check=False)
        print(f"-- {time.perf_counter() - start:.0f} s, exit {done.returncode}", flush=True)
        if done.returncode != 0:
            failed.append(what)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

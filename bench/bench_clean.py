"""Speed and memory of ``pressclean clean`` on 1 MB of real OCR text.

Run: ``.venv/bin/python bench/bench_clean.py`` (reads
../shared/data/icdar2017-fr-periodical; the text is assembled at run time and never
stored). Prints startup time with a warm cache, words per second (median of three fresh
processes) on one core and on every core this process may use (``pressclean clean``'s
default ``--jobs``: the paragraphs shared out, ``parallel``), peak memory of the main
process and of its copy (and of all of them together, shared pages counted once), and
the time plain symspellpy (every unknown word looked up in wordfreq's French list) takes
on the same text, for scale. ``--jobs N`` measures N processes instead of every core;
``--ocr-engine tesseract`` cleans with the model for text Tesseract read.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pressclean.cli._common import cores  # the default of pressclean clean --jobs
from shared_data import ICDAR  # bench/, the folder this script runs from

ROOT = Path(__file__).resolve().parents[1]
SIZE = 1_000_000
RUNS = 3
#: the --ocr-engine measured (set once from the command line)
ENGINE = ["other"]


def build_text(path: Path) -> None:
    """About 1 MB of OCR text: TSV rows grouped ten to a paragraph."""
    csv.field_size_limit(1 << 30)
    rows: list[str] = []
    for name in ("train.aligned.tsv", "dev.aligned.tsv"):
        with (ICDAR / name).open(encoding="utf-8", newline="") as fh:
            rows += [r["input"] for r in csv.DictReader(fh, delimiter="\t",
                                                        quoting=csv.QUOTE_NONE)]
    out, size = [], 0
    for i in range(0, len(rows), 10):
        para = " ".join(rows[i:i + 10])
        out.append(para)
        size += len(para.encode("utf-8")) + 2
        if size >= SIZE:
            break
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")


_MEASURE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pressclean.pipeline import Cleaner, CleanOptions
cleaner = Cleaner(CleanOptions(jobs=int(sys.argv[2]), engine=sys.argv[3]))
cleaner.preload()
t1 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
t2 = time.perf_counter()
doc = cleaner.clean_text(text)
t3 = time.perf_counter()
print(json.dumps({"startup_s": t1 - t0, "clean_s": t3 - t2, "words": len(text.split()),
                  "corrections": len(doc.corrections), "clean": doc.clean_text,
                  "processes": doc.meta.get("processes", 1),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "copy_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

_PLAIN = r"""
import json, sys, time, regex
from symspellpy import SymSpell, Verbosity
from wordfreq import get_frequency_dict
t0 = time.perf_counter()
sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
for w, f in get_frequency_dict("fr", wordlist="large").items():
    sym.create_dictionary_entry(w, int(f * 1e9) + 1)
t1 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
n = 0
for m in regex.finditer(r"\p{L}+", text):
    w = m.group(0).lower()
    if w not in sym.words:
        sym.lookup(w, Verbosity.CLOSEST, 2)
        n += 1
t2 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "lookup_s": t2 - t1, "unknown": n}))
"""


def _run(code: str, path: Path, *args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", code, str(path), *args], capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _pss_kb(pid: int) -> int:
    """A process's proportional set size: its pages, a shared page split among sharers."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
    except (OSError, StopIteration, ValueError):
        return 0


def _peak_pss_mb(path: Path, jobs: int) -> float | None:
    """Peak memory of one more (untimed) run and its copies together, pages shared by
    copy-on-write counted once: sampled from outside every 0.1 s (Linux ``/proc``)."""
    if not Path("/proc/self/smaps_rollup").exists():
        return None
    proc = subprocess.Popen([sys.executable, "-c", _MEASURE, str(path), str(jobs), ENGINE[0]],
                            stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/task/{proc.pid}/children", encoding="ascii") as fh:
                kids = [int(k) for k in fh.read().split()]
        except OSError:
            kids = []
        peak = max(peak, _pss_kb(proc.pid) + sum(_pss_kb(k) for k in kids))
        time.sleep(0.1)
    return peak / 1024


def _measure(path: Path, jobs: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The median run of three fresh processes (nothing learned from the text carries
    over between them), and all three: a shared machine's speed drifts from run to run."""
    runs = sorted((_run(_MEASURE, path, str(jobs), ENGINE[0]) for _ in range(RUNS)),
                  key=lambda r: r["clean_s"])
    median = runs[len(runs) // 2]
    median["pss_mb"] = _peak_pss_mb(path, jobs)
    return median, runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=cores(),
                        help="processes of the second measure (default: the cores, as "
                             "pressclean clean's --jobs)")
    parser.add_argument("--ocr-engine", choices=("other", "tesseract"), default="other",
                        help="the packaged model to clean with (as pressclean clean's)")
    args = parser.parse_args()
    jobs, ENGINE[0] = args.jobs, args.ocr_engine
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ocr-1mb.txt"
        build_text(path)
        size = path.stat().st_size
        _run(_MEASURE, path, "1", ENGINE[0])  # warms the lexicon and SymSpell caches
        measures = [(1, *_measure(path, 1))]
        if jobs > 1:
            measures.append((jobs, *_measure(path, jobs)))
        plain = _run(_PLAIN, path)
    m = measures[0][1]
    print(f"text                {size / 1e6:.2f} MB, {m['words']:.0f} words")
    print(f"startup (warm)      {m['startup_s']:.2f} s")
    for n, m, runs in measures:
        label = "clean, 1 process" if n == 1 else f"clean, {m['processes']} processes"
        print(f"{label:<20}{m['clean_s']:.2f} s = {m['words'] / m['clean_s']:,.0f} words/s"
              f" ({m['corrections']:.0f} corrections; median of {RUNS} runs, "
              f"{m['words'] / runs[-1]['clean_s']:,.0f}–{m['words'] / runs[0]['clean_s']:,.0f})")
        print(f"{'  peak memory':<20}{m['peak_mb']:.0f} MB"
              + (f" (and {m['copy_peak_mb']:.0f} MB in its copy, pages shared with it"
                 " counted in both)" if n > 1 else ""))
        if m["pss_mb"] is not None:
            print(f"{'  all processes':<20}{m['pss_mb']:.0f} MB at the peak (proportional set"
                  " size: a shared page counted once; one more run, sampled every 0.1 s)")
    if len(measures) > 1:
        same = measures[0][1]["clean"] == measures[1][1]["clean"]
        print(f"same clean text     {'yes' if same else 'NO: the paragraphs decided apart differ'}")
    print(f"plain symspellpy    {plain['lookup_s']:.2f} s for {plain['unknown']:.0f} unknown "
          f"words (+{plain['load_s']:.1f} s to build its index)")


if __name__ == "__main__":
    main()

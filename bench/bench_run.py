"""Benchmarks of ``pressclean run``: parallel speed-up and memory on large archives.

    python bench/bench_run.py speedup [--pages 12]
    python bench/bench_run.py memory [--counts 1000 10000]

``speedup``: 1 vs 2 jobs on an OCR-bound archive of generated 300 dpi page scans.
When the OCR stage is present (``formats.is_scan``) the whole ``pressclean run``
command is timed; otherwise the same process pool (``pool.LocalPool``) is timed with
a per-document function that runs ``tesseract -l fra`` on each page, which is the
part that dominates an OCR run.

``memory``: N small text documents through ``pressclean run -j 2``; a subprocess
reports, with ``resource.getrusage``, the peak RSS of the main process and of the
largest worker, so memory can be compared between N = 1,000 and N = 10,000.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

from pressclean import formats  # noqa: E402
from pressclean.document_job import Job, Outcome, RunSettings  # noqa: E402
from pressclean.pool import LocalPool  # noqa: E402

LINES = [
    "Le pôle des microtechniques de Besançon accueille de nouvelles entreprises",
    "et les horlogers de Morteau préparent le salon de l'automne prochain.",
    "La vallée du Doubs garde une tradition industrielle très ancienne,",
    "et les élèves du lycée découvrent les métiers de la précision.",
]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def make_scans(folder: Path, pages: int) -> None:
    """A4-like 300 dpi pages of serif text (about 40 lines each)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 34)
    for p in range(pages):
        img = Image.new("L", (2480, 2400), 255)
        draw = ImageDraw.Draw(img)
        for i in range(40):
            draw.text((120, 100 + i * 55), LINES[(i + p) % len(LINES)], fill=0, font=font)
        sub = folder / f"journal/1912/07/{p % 3 + 1:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        img.save(sub / f"{p:03d}.png", dpi=(300, 300))


def tesseract_page(job: Job, settings: RunSettings) -> Outcome:
    """OCR-bound stand-in for process_document: one ``tesseract`` call per page."""
    env = os.environ | {"OMP_THREAD_LIMIT": "1"}
    text = subprocess.run(["tesseract", job.path, "stdout", "-l", "fra"], env=env,
                          capture_output=True, text=True, check=True).stdout
    return Outcome(job.relpath, True, pages=1, words=len(text.split()))


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _time_run(archive: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of all the processes the run started)."""
    with tempfile.TemporaryDirectory() as out:
        cpu0 = _children_cpu()
        t0 = time.perf_counter()
        if hasattr(formats, "is_scan"):
            subprocess.run([sys.executable, "-c", "from pressclean.cli import main; main()",
                            "run", str(archive), "-o", out, "-j", str(jobs), "-q"],
                           env=_env(), check=True)
        else:
            pages = sorted(archive.rglob("*.png"))
            todo = [Job(str(p), str(p), p.stem) for p in pages]
            results = list(LocalPool(RunSettings(out=out), jobs, None, tesseract_page).run(todo))
            assert all(r.ok for r in results)
        return time.perf_counter() - t0, _children_cpu() - cpu0


def speedup(pages: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        make_scans(archive, pages)
        what = "pressclean run" if hasattr(formats, "is_scan") else "LocalPool + tesseract"
        load = os.getloadavg()[0]
        (t1, c1), (t2, c2) = _time_run(archive, 1), _time_run(archive, 2)
        print(f"{what}, {pages} pages of 300 dpi scans, {os.cpu_count()} cores, "
              f"load average before: {load:.1f} (other processes compete when > 0)")
        for jobs, wall, cpu in ((1, t1, c1), (2, t2, c2)):
            print(f"{jobs} job{'s' * (jobs > 1)}: {wall:.1f} s, {pages / wall:.2f} pages/s, "
                  f"cores used (CPU time / wall) {cpu / wall:.2f}, "
                  f"CPU {cpu / pages:.2f} s/page")
        print(f"speed-up 2 jobs / 1 job: {t1 / t2:.2f}x")


_MEASURE = """
import json, resource, sys
from pressclean.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code,
    "main_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def memory(counts: list[int]) -> None:
    for n in counts:
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "archive"
            for i in range(n):
                sub = archive / f"journal/{1900 + i // 3000}/{i // 250 % 12 + 1:02d}"
                sub.mkdir(parents=True, exist_ok=True)
                (sub / f"{i:05d}.txt").write_text(LINES[i % 4] + "\n" + LINES[(i + 1) % 4],
                                                  encoding="utf-8")
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", _MEASURE, "run", str(archive),
                                   "-o", str(Path(tmp) / "out"), "-j", "2", "-q"],
                                  env=_env(), capture_output=True, text=True, check=True)
            seconds = time.perf_counter() - t0
            res = json.loads(proc.stdout.strip().splitlines()[-1])
            assert res["code"] == 0, proc.stderr
            print(f"{n:>6} documents: main process peak {res['main_kb'] / 1024:.1f} MiB, "
                  f"largest worker peak {res['worker_kb'] / 1024:.1f} MiB, "
                  f"{seconds:.1f} s ({n / seconds:.0f} documents/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sp = sub.add_parser("speedup")
    sp.add_argument("--pages", type=int, default=12)
    mp = sub.add_parser("memory")
    mp.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    if args.what == "speedup":
        speedup(args.pages)
    else:
        memory(args.counts)


if __name__ == "__main__":
    main()

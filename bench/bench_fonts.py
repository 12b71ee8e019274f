"""Scans of other faces: the seed articles set in fonts the training renders never
used, read and cleaned by ``pressclean run``, scored against the text as set.

Run: ``.venv/bin/python bench/bench_fonts.py`` (needs Tesseract and the DejaVu and
Liberation fonts of Debian's ``fonts-dejavu-core`` and ``fonts-liberation``; reads
../shared/data/seeds; works in a temporary folder). The packaged model learned
Tesseract's confusions from Liberation Serif renders (``bench/render_pairs.py``); this
checks that cleaning still helps, and does no harm, on other faces.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from render_pairs import scans_module  # bench/, the folder this script runs from
from shared_data import SEEDS  # bench/, the folder this script runs from

FONTS = {
    "dejavu-serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "dejavu-sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "liberation-sans": ("liberation/LiberationSans-Regular.ttf",
                        "liberation/LiberationSans-Bold.ttf"),
}
#: (seed, dpi, fade, dropout): a clean page, then increasingly worn ones
PAGES = (("001_article.txt", 300, 0.05, 0.0), ("002_article.txt", 200, 0.2, 0.02),
         ("003_article.txt", 200, 0.4, 0.06), ("004_article.txt", 150, 0.3, 0.04))


def main() -> None:
    scans = scans_module()
    fonts = Path("/usr/share/fonts/truetype")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "scans", Path(tmp) / "out"
        for face, (regular, bold) in FONTS.items():
            scans.FONT_REGULAR, scans.FONT_BOLD = fonts / regular, fonts / bold
            for i, (seed, dpi, fade, dropout) in enumerate(PAGES):
                scans.make_scan(scans.ScanSpec(f"{face}-{seed[:3]}", seed, dpi, 0.3, fade,
                                               dropout, 6.0, "png", 1, 10 + i), SEEDS, src)
        bin_dir = Path(sys.executable).parent
        subprocess.run([bin_dir / "pressclean", "run", src, "-o", out, "--jobs", "2"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([bin_dir / "pressclean", "eval", "--gt", src, "--run", out], check=True)


if __name__ == "__main__":
    main()

"""Render realistic newspaper scans of the seed articles, with their ground truth.

The images are committed (``samples/scans/``), so neither the demo nor the tests need
this script; it is here so anyone can see, and re-run, how they were made::

    python samples/make_scans.py [--seeds ../shared/data/seeds] [--out samples/scans]

Each page is set in a serif face (Liberation Serif, Debian ``fonts-liberation``) in
two justified columns under a headline, at 4x the target resolution, then aged the
way real archive scans are: faded and uneven ink with broken strokes, paper tone and
grain, dust specks, a slight blur, skew, and finally sampled down to 150–300 dpi and
saved as the archive formats we meet (bilevel TIFF G4, greyscale JPEG/PNG, PDF).
The ``.gt.txt`` beside each scan is the text exactly as rendered, in reading order.
A fixed random seed per scan makes the output reproducible.
"""

from __future__ import annotations

import argparse
import math
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
FONT_REGULAR = FONT_DIR / "LiberationSerif-Regular.ttf"
FONT_BOLD = FONT_DIR / "LiberationSerif-Bold.ttf"
INSTALL_FONTS = "apt-get install fonts-liberation"
#: web-page chrome left in the seed files: not part of any article
CHROME = {"top of page", "bottom of page", "Rechercher", "• violetteclaudie"}
OVERSAMPLE = 4


@dataclass(frozen=True)
class ScanSpec:
    """How one sample scan looks: resolution, wear, and how it is stored."""

    name: str
    seed: str
    dpi: int
    skew_deg: float
    fade: float  # 0 crisp black ink .. 1 nearly gone
    dropout: float  # share of ink pixels lost to wear (broken strokes)
    grain: float  # std-dev of paper/scanner noise, grey levels
    fmt: str  # "tiff-g4" | "jpg" | "png" | "pdf"
    pages: int = 1
    rng_seed: int = 0


SCANS = (
    ScanSpec("001_clean_300dpi", "001_article.txt", 300, 0.4, 0.05, 0.0, 4, "tiff-g4", 2, 1),
    ScanSpec("002_lowres_150dpi", "002_article.txt", 150, -0.8, 0.15, 0.02, 7, "jpg", 1, 2),
    ScanSpec("003_worn_200dpi", "003_article.txt", 200, 1.4, 0.55, 0.10, 14, "png", 1, 3),
    ScanSpec("004_worn_lowres_150dpi", "004_article.txt", 150, -1.1, 0.45, 0.06, 12, "pdf", 1, 4),
)

# Page geometry in points (1/72 inch), like a narrow regional-paper cutting.
PAGE_W = 400.0
MARGIN = 24.0
GUTTER = 14.0
BODY_PT = 9.5
LEADING = 11.5
HEAD_PT = 15.0
SUBHEAD_MAX = 100  # a paragraph this short is set as a bold subheading


@dataclass
class Line:
    words: list[str]
    bold: bool
    justify: bool
    indent: float


def _paragraphs(seed_text: str) -> list[str]:
    text = unicodedata.normalize("NFC", seed_text)
    return [p.strip() for p in text.splitlines() if p.strip() and p.strip() not in CHROME]


def _wrap(par: str, font: ImageFont.FreeTypeFont, width: float, bold: bool,
          indent: float) -> list[Line]:
    lines: list[Line] = []
    current: list[str] = []
    for word in par.split():
        trial = " ".join([*current, word])
        avail = width - (indent if not lines else 0.0)
        if current and font.getlength(trial) > avail:
            lines.append(Line(current, bold, True, indent if not lines else 0.0))
            current = [word]
        else:
            current.append(word)
    lines.append(Line(current, bold, False, indent if not lines else 0.0))
    return lines


def _draw_line(draw: ImageDraw.ImageDraw, line: Line, x: float, y: float, width: float,
               font: ImageFont.FreeTypeFont) -> None:
    x += line.indent
    width -= line.indent
    if not line.justify or len(line.words) == 1:
        draw.text((x, y), " ".join(line.words), font=font, fill=255)
        return
    total = sum(font.getlength(w) for w in line.words)
    gap = (width - total) / (len(line.words) - 1)
    for w in line.words:
        draw.text((x, y), w, font=font, fill=255)
        x += font.getlength(w) + gap


def _ink_pages(spec: ScanSpec, paragraphs: list[str]) -> list[np.ndarray]:
    """Ink coverage (0..1) of each page at OVERSAMPLE x target dpi."""
    scale = spec.dpi * OVERSAMPLE / 72.0
    body = ImageFont.truetype(str(FONT_REGULAR), round(BODY_PT * scale))
    bold = ImageFont.truetype(str(FONT_BOLD), round(BODY_PT * scale))
    head = ImageFont.truetype(str(FONT_BOLD), round(HEAD_PT * scale))
    col_w = (PAGE_W - 2 * MARGIN - GUTTER) / 2 * scale
    headline = paragraphs[0] if len(paragraphs[0]) <= SUBHEAD_MAX else None
    body_pars = paragraphs[1:] if headline else paragraphs
    lines: list[Line] = []
    for par in body_pars:
        is_sub = len(par) <= SUBHEAD_MAX
        lines += _wrap(par, bold if is_sub else body, col_w, is_sub,
                       0.0 if is_sub else 1.2 * BODY_PT * scale)
    per_col = math.ceil(len(lines) / (2 * spec.pages))
    head_lines = _wrap(headline, head, (PAGE_W - 2 * MARGIN) * scale, True, 0.0) if headline else []
    head_h = len(head_lines) * HEAD_PT * 1.25 * scale + (LEADING * scale if head_lines else 0)
    page_h = 2 * MARGIN * scale + head_h + per_col * LEADING * scale
    pages = []
    for p in range(spec.pages):
        img = Image.new("L", (round(PAGE_W * scale), round(page_h)), 0)
        draw = ImageDraw.Draw(img)
        y0 = MARGIN * scale
        if p == 0:
            for hl in head_lines:
                hl.justify = False
                _draw_line(draw, hl, MARGIN * scale, y0, (PAGE_W - 2 * MARGIN) * scale, head)
                y0 += HEAD_PT * 1.25 * scale
            y0 += LEADING * scale
        for c in range(2):
            chunk = lines[(2 * p + c) * per_col:(2 * p + c + 1) * per_col]
            x = (MARGIN + c * ((PAGE_W - 2 * MARGIN - GUTTER) / 2 + GUTTER)) * scale
            for i, ln in enumerate(chunk):
                _draw_line(draw, ln, x, y0 + i * LEADING * scale, col_w,
                           bold if ln.bold else body)
        pages.append(np.asarray(img, dtype=np.float32) / 255.0)
    return pages


def _smooth_noise(rng: np.random.Generator, shape: tuple[int, int], cell: int) -> np.ndarray:
    """Low-frequency noise in 0..1: uneven inking and paper tone across the page."""
    small = rng.random((max(2, shape[0] // cell), max(2, shape[1] // cell)))
    img = Image.fromarray((small * 255).astype(np.uint8)).resize(
        (shape[1], shape[0]), Image.Resampling.BICUBIC)
    return np.asarray(img, dtype=np.float32) / 255.0


def _age(spec: ScanSpec, ink: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """Worn ink on toned paper, sampled down to the scan resolution, grain and skew."""
    if spec.dropout:
        holes = _smooth_noise(rng, ink.shape, 3 * OVERSAMPLE) < spec.dropout * 2.2
        ink = np.where(holes & (rng.random(ink.shape) < 0.8), ink * 0.15, ink)
    strength = 1.0 - spec.fade * (0.35 + 0.65 * _smooth_noise(rng, ink.shape, 60 * OVERSAMPLE))
    paper = 232.0 + 14.0 * _smooth_noise(rng, ink.shape, 120 * OVERSAMPLE)
    grey = paper - ink * strength * (paper - 22.0)
    hi = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8))
    w, h = hi.size[0] // OVERSAMPLE, hi.size[1] // OVERSAMPLE
    img = hi.resize((w, h), Image.Resampling.BOX).filter(ImageFilter.GaussianBlur(0.5))
    arr = np.asarray(img, dtype=np.float32)
    arr = arr + rng.normal(0.0, spec.grain, arr.shape)
    specks = rng.random(arr.shape) < 0.0004 * (1 + spec.fade * 4)
    arr[specks] = rng.uniform(30, 120, int(specks.sum()))
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return img.rotate(spec.skew_deg, resample=Image.Resampling.BICUBIC, expand=True,
                      fillcolor=238)


def _save(spec: ScanSpec, pages: list[Image.Image], out: Path) -> Path:
    dpi = (spec.dpi, spec.dpi)
    if spec.fmt == "tiff-g4":
        path = out / f"{spec.name}.tif"
        bilevel = [p.point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages]
        bilevel[0].save(path, compression="group4", dpi=dpi, save_all=True,
                        append_images=bilevel[1:])
    elif spec.fmt == "jpg":
        path = out / f"{spec.name}.jpg"
        pages[0].save(path, quality=72, dpi=dpi)
    elif spec.fmt == "png":
        path = out / f"{spec.name}.png"
        # 32 grey levels: what an archive's greyscale PNG export keeps, a third the size
        pages[0].point(lambda v: (v // 8) * 8 + 4).save(path, dpi=dpi, optimize=True)
    elif spec.fmt == "pdf":
        path = out / f"{spec.name}.pdf"
        fixed = time.gmtime(1_767_225_600)  # 2026-01-01: byte-identical reruns
        pages[0].save(path, resolution=float(spec.dpi), quality=70, save_all=True,
                      append_images=pages[1:], creationDate=fixed, modDate=fixed)
    else:
        raise ValueError(f"unknown format {spec.fmt!r}")
    return path


def make_scan(spec: ScanSpec, seeds: Path, out: Path) -> Path:
    """Render, age and save one scan and its ground truth; return the image path."""
    paragraphs = _paragraphs((seeds / spec.seed).read_text(encoding="utf-8"))
    rng = np.random.default_rng(spec.rng_seed)
    pages = [_age(spec, ink, rng) for ink in _ink_pages(spec, paragraphs)]
    out.mkdir(parents=True, exist_ok=True)
    path = _save(spec, pages, out)
    (out / f"{spec.name}.gt.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=Path, default=here.parent.parent / "shared/data/seeds")
    ap.add_argument("--out", type=Path, default=here / "scans")
    args = ap.parse_args()
    if not FONT_REGULAR.exists():
        raise SystemExit(f"Liberation Serif not found; install it with: {INSTALL_FONTS}")
    for spec in SCANS:
        path = make_scan(spec, args.seeds, args.out)
        print(f"{path}  {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()

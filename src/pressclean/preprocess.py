"""Make poor scans readable before Tesseract sees them, and record what was done.

Each step is a plain function on a PIL image and can be switched off
(:class:`PreprocessOptions`); ``bench/bench_ocr.py --steps`` measures what each one
changes in CER on the sample scans, and only steps that helped are on by default
(numbers in docs/notes-ocr.md). Every step that changes geometry (upscaling, deskew)
is remembered in :class:`Prepared`, so word boxes map back to the original image,
which is the one a viewer shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image, ImageFilter, ImageOps

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class PreprocessOptions:
    """Which steps run. Defaults are the ones the benchmark showed to help."""

    #: 3x3 median filter at the scan's own resolution, first: grain and dust go
    #: before upscaling would enlarge them into letter-sized blobs
    denoise: bool = True
    #: scans below ``upscale_below`` dpi are enlarged to ``target_dpi``
    upscale: bool = True
    target_dpi: int = 300
    upscale_below: int = 250
    #: rotate text lines level (search within ±max_skew degrees); smaller skews than
    #: ``min_skew`` are left to Tesseract, which copes, while resampling would blur
    deskew: bool = True
    max_skew: float = 5.0
    min_skew: float = 2.0
    #: Sauvola adaptive threshold (window in pixels at target dpi, k)
    binarise: bool = False
    sauvola_window: int = 41
    sauvola_k: float = 0.2


@dataclass
class Prepared:
    """The image Tesseract reads and how to map its coordinates back."""

    image: Image.Image
    dpi: int
    scale: float = 1.0
    angle: float = 0.0
    #: size of the original (pre-processing) image
    source_size: tuple[int, int] = (0, 0)
    steps: dict[str, Any] = field(default_factory=dict)

    def to_source(self, box: Box) -> Box:
        """A box on the processed image, as a box on the original image."""
        x0, y0, x1, y1 = (float(v) for v in box)
        if self.angle:
            w, h = self.image.size
            cx, cy = w / 2.0, h / 2.0
            a = math.radians(self.angle)
            cos_a, sin_a = math.cos(a), math.sin(a)
            xs, ys = [], []
            for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
                dx, dy = x - cx, y - cy
                # undo a counter-clockwise rotation (image y axis points down)
                xs.append(cx + dx * cos_a - dy * sin_a)
                ys.append(cy + dx * sin_a + dy * cos_a)
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        sw, sh = self.source_size
        s = self.scale
        return (max(0, round(x0 / s)), max(0, round(y0 / s)),
                min(sw, round(x1 / s)), min(sh, round(y1 / s)))


def preprocess(image: Image.Image, dpi: int | None,
               options: PreprocessOptions | None = None) -> Prepared:
    """Greyscale, then each enabled step in a fixed order; returns the record."""
    opts = options or PreprocessOptions()
    grey = to_grey(image)
    known_dpi = dpi if dpi and dpi >= 50 else None
    prep = Prepared(image=grey, dpi=known_dpi or opts.target_dpi, source_size=image.size,
                    steps={"grey": image.mode != "L", "dpi_in": known_dpi})
    if opts.denoise:
        prep.image = prep.image.filter(ImageFilter.MedianFilter(3))
        prep.steps["denoise"] = "median3"
    if opts.upscale and known_dpi and known_dpi < opts.upscale_below:
        prep.scale = opts.target_dpi / known_dpi
        prep.image = upscale(prep.image, prep.scale)
        prep.dpi = opts.target_dpi
        prep.steps["upscale"] = round(prep.scale, 3)
    if opts.deskew:
        found = find_skew(prep.image, opts.max_skew)
        prep.steps["skew_found_deg"] = found
        if abs(found) >= opts.min_skew:
            prep.angle = found
            prep.image = rotate(prep.image, found)
            prep.steps["deskew_deg"] = found
    if opts.binarise:
        window = max(15, round(opts.sauvola_window * prep.dpi / 300) | 1)
        prep.image = sauvola(prep.image, window, opts.sauvola_k)
        prep.steps["binarise"] = f"sauvola w={window} k={opts.sauvola_k}"
    return prep


def to_grey(image: Image.Image) -> Image.Image:
    """8-bit greyscale; transparency flattened on white, palette and 1-bit expanded."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = ImageOps.autocontrast(image.convert("I").point(lambda v: v / 256).convert("L"))
    return image.convert("L")


def upscale(image: Image.Image, factor: float) -> Image.Image:
    """Enlarge with Lanczos: Tesseract reads best at ~300 dpi (x-height ~20 px)."""
    w, h = image.size
    return image.resize((round(w * factor), round(h * factor)), Image.Resampling.LANCZOS)


def rotate(image: Image.Image, angle: float) -> Image.Image:
    """Rotate counter-clockwise by ``angle`` degrees, same size, corners filled white."""
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)


def find_skew(image: Image.Image, max_skew: float = 5.0) -> float:
    """The rotation (degrees) that makes text lines horizontal.

    Projection-profile search on a ~1000 px wide thumbnail: text rows are sharpest
    (largest variance between neighbouring row sums) when lines are level.
    Coarse 0.25° steps, then 0.05° around the best; 0 when no angle wins clearly.
    """
    thumb = image.copy()
    thumb.thumbnail((1000, 1000))
    ink = np.asarray(thumb, dtype=np.float32)
    ink = (ink < ink.mean() - ink.std()).astype(np.uint8) * 255
    ink_img = Image.fromarray(ink)

    def score(angle: float) -> float:
        rows = np.asarray(ink_img.rotate(angle, resample=Image.Resampling.NEAREST),
                          dtype=np.float64).sum(axis=1)
        return float(np.sum(np.diff(rows) ** 2))

    coarse = np.arange(-max_skew, max_skew + 1e-9, 0.25)
    scores = [score(a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    fine_scores = [score(a) for a in fine]
    best = float(fine[int(np.argmax(fine_scores))])
    if max(fine_scores) <= score(0.0) * 1.01:
        return 0.0
    return round(best, 2)


def sauvola(image: Image.Image, window: int = 41, k: float = 0.2,
            r: float = 128.0) -> Image.Image:
    """Sauvola adaptive threshold: a local mean/std threshold that follows faded ink.

    T = m * (1 + k * (s / r - 1)) over a ``window`` square, computed with integral
    images so it costs O(pixels) whatever the window.
    """
    a = np.asarray(image, dtype=np.float64)
    pad = window // 2
    p = np.pad(a, pad + 1, mode="reflect")
    s1 = p.cumsum(0).cumsum(1)
    s2 = (p * p).cumsum(0).cumsum(1)
    h, w = a.shape

    def box_sum(s: np.ndarray) -> np.ndarray:
        return (s[window:window + h, window:window + w] - s[0:h, window:window + w]
                - s[window:window + h, 0:w] + s[0:h, 0:w])

    n = float(window * window)
    mean = box_sum(s1) / n
    var = np.maximum(box_sum(s2) / n - mean * mean, 0.0)
    thresh = mean * (1.0 + k * (np.sqrt(var) / r - 1.0))
    return Image.fromarray(np.where(a > thresh, 255, 0).astype(np.uint8))

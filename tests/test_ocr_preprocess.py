"""Preprocessing steps: what they do to pixels, what they record, and box mapping."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from pressclean.preprocess import (
    Prepared,
    PreprocessOptions,
    find_skew,
    preprocess,
    rotate,
    sauvola,
)


def _dark_bbox(img: Image.Image) -> tuple[int, int, int, int]:
    a = np.asarray(img) < 128
    ys, xs = np.nonzero(a)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def _text_like(size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """Rows of word-sized bars, like lines of print."""
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    rng = np.random.default_rng(0)
    for y in range(80, size[1] - 80, 40):
        x = 80
        while x < size[0] - 160:
            w = int(rng.integers(30, 110))
            draw.rectangle((x, y, x + w, y + 14), fill=0)
            x += w + 18
    return img


def test_boxes_map_back_through_upscaling() -> None:
    prep = Prepared(image=Image.new("L", (400, 200)), dpi=300, scale=2.0,
                    source_size=(200, 100))
    assert prep.to_source((100, 50, 200, 80)) == (50, 25, 100, 40)


def test_boxes_map_back_through_rotation() -> None:
    img = Image.new("L", (600, 400), 255)
    ImageDraw.Draw(img).rectangle((380, 250, 439, 279), fill=0)
    original = _dark_bbox(img)
    turned = rotate(img, 3.0)
    moved = _dark_bbox(turned)
    assert moved != original
    back = Prepared(image=turned, dpi=300, angle=3.0, source_size=(600, 400)).to_source(moved)
    assert all(abs(a - b) <= 4 for a, b in zip(back, original, strict=True)), (back, original)


@pytest.mark.parametrize("skew", [-3.0, 2.5])
def test_find_skew_recovers_the_rotation_that_levels_the_lines(skew: float) -> None:
    skewed = _text_like().rotate(skew, fillcolor=255, resample=Image.Resampling.BICUBIC)
    assert find_skew(skewed) == pytest.approx(-skew, abs=0.15)
    assert find_skew(_text_like()) == 0.0


def test_sauvola_follows_uneven_paper_where_one_threshold_cannot() -> None:
    w, h = 400, 200
    paper = np.tile(np.linspace(110, 245, w), (h, 1))
    ink = np.zeros((h, w), dtype=bool)
    ink[60:70, 20:380] = True  # one faint stroke across the whole gradient
    grey = np.where(ink, paper - 70, paper).astype(np.uint8)
    out = np.asarray(sauvola(Image.fromarray(grey), window=41, k=0.2))
    assert (out[ink] == 0).mean() > 0.95
    background = ~ink
    background[50:80, :] = False  # the window's halo around the stroke
    assert (out[background] == 255).mean() > 0.97
    global_threshold = grey < grey.mean()
    assert global_threshold[background].mean() > 0.2  # what a single threshold does


def test_preprocess_records_each_choice() -> None:
    img = _text_like((600, 450)).convert("RGB")
    prep = preprocess(img, 150, PreprocessOptions(binarise=True))
    assert prep.image.mode == "L"
    assert prep.image.size == (1200, 900)
    assert prep.dpi == 300
    assert prep.steps == {"grey": True, "dpi_in": 150, "denoise": "median3", "upscale": 2.0,
                          "skew_found_deg": 0.0, "binarise": "sauvola w=41 k=0.2"}
    unknown = preprocess(img.convert("L"), None)
    assert unknown.image.size == (600, 450) and unknown.steps["dpi_in"] is None
    assert "upscale" not in unknown.steps and unknown.steps["grey"] is False

"""Raster inputs (PNG, JPEG, TIFF with any number of pages) as page images.

Every frame is fully decoded here, so a truncated or corrupt file fails as a
:class:`BadInputError` naming the file and the page, before any OCR starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, ImageSequence, UnidentifiedImageError

from pressclean.exceptions import BadInputError, EmptyInputError
from pressclean.ocr import PageImage

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})


def load_pages(path: Path) -> list[PageImage]:
    """Decode every page of an image file, with the resolution it declares."""
    try:
        with Image.open(path) as img:
            pages = []
            for n, frame in enumerate(ImageSequence.Iterator(img), start=1):
                try:
                    frame.load()
                    copy = frame.copy()
                except (OSError, SyntaxError, ValueError) as exc:
                    raise BadInputError(path, f"page {n}: unreadable image data ({exc})") from exc
                pages.append(PageImage(copy, image_dpi(frame.info), f"{path} page {n}"))
    except UnidentifiedImageError as exc:
        raise BadInputError(path, "not an image Pillow can read (corrupt or wrong type)") from exc
    except Image.DecompressionBombError as exc:
        raise BadInputError(path, f"image too large to read safely ({exc})") from exc
    except (OSError, SyntaxError) as exc:
        raise BadInputError(path, f"unreadable image ({exc})") from exc
    if not pages:
        raise EmptyInputError(path, "image file holds no pages")
    for n, page in enumerate(pages, start=1):
        if page.image.width < 8 or page.image.height < 8:
            raise EmptyInputError(path, f"page {n} is {page.image.width}x{page.image.height}"
                                        " pixels: nothing to read")
    return pages


def image_dpi(info: dict[Any, Any]) -> int | None:
    """Horizontal dpi from Pillow's ``info`` (None when absent or a placeholder 1/72)."""
    dpi = info.get("dpi")
    if isinstance(dpi, tuple) and dpi and isinstance(dpi[0], (int, float)):
        value = round(float(dpi[0]))
        return value if value > 72 else None
    return None

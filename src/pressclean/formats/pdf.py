"""PDF inputs: the scanned page images inside, or the PDF's own text layer.

A page holding one image that covers it (what scanners and archives write) gives
that image at its native resolution, as OCRmyPDF does, so preprocessing sees the
real scan; other pages are rendered at 300 dpi. A PDF whose every page already has
text (born-digital, or OCR'd before) is not OCR'd again: its text is used and the
Document says so (``source_format="pdf-text"``, ``meta["text_layer"] = True``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pressclean.exceptions import BadInputError, EmptyInputError
from pressclean.ocr import PageImage
from pressclean.textio import nfc
from pressclean.tools import pdfium

PDF_SUFFIXES = frozenset({".pdf"})
RENDER_DPI = 300
#: a page with fewer characters than this in its text layer is treated as a scan
MIN_TEXT_CHARS = 20


def open_pdf(path: Path) -> Any:
    """Open a PDF, turning pdfium's failures into BadInputError / EmptyInputError."""
    lib = pdfium()
    try:
        pdf = lib.PdfDocument(str(path))
    except lib.PdfiumError as exc:
        head = path.read_bytes()[:1 << 16] if path.is_file() else b""
        if head.startswith(b"%PDF") and b"/Count 0" in head:
            raise EmptyInputError(path, "PDF has no pages") from exc
        raise BadInputError(path, f"unreadable PDF ({exc})") from exc
    if len(pdf) == 0:
        raise EmptyInputError(path, "PDF has no pages")
    return pdf


def text_layer(pdf: Any) -> list[str] | None:
    """Each page's text when every page has a real text layer, else None."""
    texts = []
    for page in pdf:
        text = nfc(page.get_textpage().get_text_bounded()).replace("\r\n", "\n")
        if len(text.strip()) < MIN_TEXT_CHARS:
            return None
        texts.append(text.strip())
    return texts


def load_pages(path: Path, pdf: Any) -> list[PageImage]:
    """Each page as an image: its single full-page scan if it has one, else rendered."""
    import pypdfium2.raw as raw

    pages = []
    for n, page in enumerate(pdf, start=1):
        label = f"{path} page {n}"
        try:
            pages.append(_scan_image(page, raw, label) or _render(page, label))
        except Exception as exc:  # pdfium raises its own and plain errors for broken streams
            raise BadInputError(path, f"page {n}: cannot rasterise ({exc})") from exc
    return pages


def _scan_image(page: Any, raw: Any, label: str) -> PageImage | None:
    images = list(page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    if len(images) != 1:
        return None
    width_pt, height_pt = page.get_size()
    left, bottom, right, top = images[0].get_bounds()
    if (right - left) < 0.9 * width_pt or (top - bottom) < 0.9 * height_pt:
        return None
    image = images[0].get_bitmap(render=False).to_pil()
    dpi = round(image.width / ((right - left) / 72.0))
    return PageImage(image, dpi, label)


def _render(page: Any, label: str) -> PageImage:
    bitmap = page.render(scale=RENDER_DPI / 72.0, grayscale=True)
    return PageImage(bitmap.to_pil(), RENDER_DPI, label)

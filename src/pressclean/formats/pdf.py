"""PDF inputs: the scanned page images inside, or the PDF's own text layer.

A page holding one image that covers it (what scanners and archives write) gives
that image at its native resolution, as OCRmyPDF does, so preprocessing sees the
real scan; other pages are rendered at 300 dpi. A PDF whose every page already has
text (born-digital, or OCR'd before) is not OCR'd again: its text is used and the
Document says so (``source_format="pdf-text"``, ``meta["text_layer"] = True``), with
word boxes from the text layer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pressclean.exceptions import BadInputError, EmptyInputError
from pressclean.formats._build import Box, Line, Page, RawWord
from pressclean.ocr import PageImage
from pressclean.textio import nfc
from pressclean.tools import pdfium

PDF_SUFFIXES = frozenset({".pdf"})
RENDER_DPI = 300
#: the resolution text-layer boxes are expressed in (pixels of a 300 dpi scan)
TEXT_DPI = 300
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


def text_layer(pdf: Any) -> list[Page] | None:
    """Each page's words from its text layer when every page has one, else None.

    Boxes are given in pixels at ``TEXT_DPI`` (the page as if scanned at that
    resolution) so the ALTO written for it works like a scan's. pdfium marks a word
    hyphenated at a line end with U+FFFE: it becomes the printed hyphen and
    ``hyphen_next``. A vertical gap taller than most of a line starts a new block.
    """
    pages = []
    for page in pdf:
        textpage = page.get_textpage()
        n = textpage.count_chars()
        text = nfc(textpage.get_text_range()) if n else ""
        if len(text.strip()) < MIN_TEXT_CHARS:
            return None
        width_pt, height_pt = page.get_size()
        scale = TEXT_DPI / 72.0
        lines = _lines(textpage, text, min(n, len(text)), height_pt, scale)
        pages.append(Page(blocks=_blocks_by_gap(lines), info={
            "width": round(width_pt * scale), "height": round(height_pt * scale),
            "dpi": TEXT_DPI, "engine": "pdf text layer"}))
    return pages


def _lines(textpage: Any, text: str, n: int, height_pt: float, scale: float) -> list[Line]:
    lines: list[Line] = [[]]
    chars: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []

    def end_word(hyphen: bool = False) -> None:
        if chars:
            x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
            box = (round(x0), round(y0), round(x1), round(y1))
            lines[-1].append(RawWord("".join(chars) + ("-" if hyphen else ""), None, box,
                                     hyphen_next=hyphen))
        chars.clear()
        boxes.clear()

    for i in range(n):
        ch = text[i]
        if ch in "\r\n\ufffe":
            end_word(hyphen=ch == "\ufffe")
            if lines[-1]:
                lines.append([])
        elif ch.isspace():
            end_word()
        else:
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append(ch)
            boxes.append((left * scale, (height_pt - top) * scale,
                          right * scale, (height_pt - bottom) * scale))
    end_word()
    return [ln for ln in lines if ln]


def _blocks_by_gap(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    prev: Box | None = None
    for line in lines:
        box = _union([w.box for w in line if w.box])
        if prev is None or box is None or box[1] - prev[3] > 0.8 * (prev[3] - prev[1]):
            blocks.append([])
        blocks[-1].append(line)
        prev = box or prev
    return blocks


def _union(boxes: list[Box | None]) -> Box | None:
    real = [b for b in boxes if b]
    if not real:
        return None
    return (min(b[0] for b in real), min(b[1] for b in real),
            max(b[2] for b in real), max(b[3] for b in real))


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

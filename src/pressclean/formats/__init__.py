"""One adapter per input format behind one entry point, :func:`read_document`.

A reader returns a :class:`~pressclean.document.Document` whose ``source_text`` is
the OCR text (NFC: words joined by spaces, lines by ``"\\n"``, blocks and pages
separated by a blank line) and whose ``words`` carry offsets into it, confidences
(0–100), boxes (pixels of the page image), page/block/line and ``hyphen_next``.
Then the caller cleans it with the words::

    doc = read_document(path)
    clean = Cleaner().clean_text(doc.source_text, path=str(path), words=doc.words)

| suffix | reader | ``source_format`` |
| --- | --- | --- |
| .txt | plain OCR text (encoding detected) | text |
| .png .jpg .jpeg .tif .tiff | preprocessing + Tesseract (fra), every TIFF page | image |
| .pdf | its page scans OCR'd, or its text layer when every page has one | pdf / pdf-text |
| .xml .alto | ALTO v2–v4 (sniffed; an .xml with hOCR inside reads as hOCR) | alto |
| .hocr .html .htm | hOCR | hocr |

``meta["pages"]`` lists per page: width, height, dpi, engine and the preprocessing
steps applied (OCR'd pages). Missing Tesseract/fra data raises
MissingDependencyError (fatal for a batch: every later scan would fail too); every
other reader error is a PresscleanError about this one document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressclean.document import Document
from pressclean.exceptions import BadInputError, EmptyInputError, UnsupportedFormatError
from pressclean.formats._build import Page, assemble, page_infos
from pressclean.textio import read_text

if TYPE_CHECKING:  # pressclean.ocr needs Pillow and numpy: imported only for scans
    from pressclean.ocr import OcrOptions

TEXT_SUFFIXES = frozenset({".txt"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
PDF_SUFFIXES = frozenset({".pdf"})
ALTO_SUFFIXES = frozenset({".xml", ".alto"})
HOCR_SUFFIXES = frozenset({".hocr", ".html", ".htm"})
SCAN_SUFFIXES = IMAGE_SUFFIXES | PDF_SUFFIXES
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | SCAN_SUFFIXES | ALTO_SUFFIXES | HOCR_SUFFIXES

_SNIFF_BYTES = 16384


def is_scan(path: str | Path) -> bool:
    """True for page images and PDFs: the documents whose run output has an .alto.xml."""
    return Path(path).suffix.lower() in SCAN_SUFFIXES


def needs_tesseract(paths: list[str | Path]) -> bool:
    """Whether any of these inputs will be OCR'd (check Tesseract once, up front)."""
    return any(is_scan(p) for p in paths)


def ocr_engine(doc: Document) -> str | None:
    """The OCR engine that read ``doc``, where the input names one the packaged models
    know ("tesseract": the OCR stage's, or in an ALTO or hOCR file's description);
    None for plain text, a PDF's text layer or another engine."""
    named = [doc.meta.get("engine")] + [i.get("engine") for i in doc.meta.get("pages") or []
                                        if isinstance(i, dict)]
    return "tesseract" if any("tesseract" in str(n).lower() for n in named if n) else None


def read_document(path: str | Path, *, ocr: OcrOptions | None = None) -> Document:
    """Read any supported input into a Document; scans are OCR'd here.

    ``ocr`` chooses the OCR settings (default: fra, psm 3, preprocessing on, one
    page at a time: a batch caller runs documents in parallel itself).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES or str(path) == "-":
        text, encoding = read_text(path)
        return Document(path=str(path), source_text=text, source_format="text",
                        meta={"encoding": encoding})
    if suffix in IMAGE_SUFFIXES:
        from pressclean.formats import images
        from pressclean.ocr import ocr_pages

        pages = ocr_pages(images.load_pages(p), ocr)
        return _from_pages(p, pages, "image", {"engine": "tesseract"})
    if suffix in PDF_SUFFIXES:
        return _read_pdf(p, ocr)
    if suffix in ALTO_SUFFIXES | HOCR_SUFFIXES:
        return _read_layout(p, suffix)
    raise UnsupportedFormatError(p, f"unsupported file type {p.suffix or '(none)'!r}")


def _read_pdf(p: Path, ocr: OcrOptions | None) -> Document:
    from pressclean.formats import pdf
    from pressclean.ocr import ocr_pages

    doc = pdf.open_pdf(p)
    try:
        layer = pdf.text_layer(doc)
        if layer is not None:
            return _from_pages(p, layer, "pdf-text", {"engine": "pdf text layer",
                                                      "text_layer": True})
        pages = ocr_pages(pdf.load_pages(p, doc), ocr)
    finally:
        doc.close()
    return _from_pages(p, pages, "pdf", {"engine": "tesseract", "text_layer": False})


def _read_layout(p: Path, suffix: str) -> Document:
    from pressclean.formats import alto, hocr

    try:
        with p.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise BadInputError(p, f"cannot read: {exc}") from exc
    if alto.looks_like_alto(head):
        pages, meta = alto.read_alto(p)
        return _from_pages(p, pages, "alto", meta)
    if suffix in HOCR_SUFFIXES or hocr.looks_like_hocr(head):
        pages, meta = hocr.read_hocr(p)
        return _from_pages(p, pages, "hocr", meta)
    raise UnsupportedFormatError(p, "XML file that is neither ALTO nor hOCR")


def _from_pages(p: Path, pages: list[Page], fmt: str, meta: dict[str, Any]) -> Document:
    text, words = assemble(pages)
    if not words:
        raise EmptyInputError(p, f"no text found on {_n_pages(len(pages))}")
    infos = page_infos(pages)
    empty = [i + 1 for i, info in enumerate(infos) if not info["words"]]
    meta = dict(meta, pages=infos, page_count=len(pages))
    if empty:
        meta["empty_pages"] = empty
    return Document(path=str(p), source_text=text, words=words, source_format=fmt, meta=meta)


def _n_pages(n: int) -> str:
    return "the page" if n == 1 else f"any of the {n} pages"

"""Tesseract (through pytesseract, French) on page images, pages in parallel.

One Tesseract thread per process (``OMP_THREAD_LIMIT=1``, see :mod:`pressclean.tools`)
and ``jobs`` pages at a time: on a 2-core machine two single-threaded Tesseracts
beat one Tesseract with two OpenMP threads. Threads suffice for the parallelism since
each page's work is a Tesseract subprocess plus numpy/Pillow code that drops the GIL.

Page segmentation defaults to ``--psm 3`` (automatic layout analysis, no OSD): it
finds newspaper columns and returns them one after the other in reading order,
where ``--psm 4``/``6`` would read straight across the gutter.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from pressclean.exceptions import MissingDependencyError, OcrError
from pressclean.formats._build import Page, RawWord, mark_line_end_hyphens
from pressclean.preprocess import Prepared, PreprocessOptions, preprocess
from pressclean.tools import TESSERACT_INSTALL, tesseract, tesseract_version


@dataclass(frozen=True)
class OcrOptions:
    """How pages are read. ``preprocess=None`` hands Tesseract the raw image."""

    lang: str = "fra"
    psm: int = 3
    jobs: int = 1
    #: seconds per page before Tesseract is stopped (a stuck page must not stop a run)
    timeout: float = 300.0
    preprocess: PreprocessOptions | None = field(default_factory=PreprocessOptions)


@dataclass(frozen=True)
class PageImage:
    """A page to read: the image and its resolution when the file says it."""

    image: Image.Image
    dpi: int | None
    label: str


def ocr_pages(pages: Sequence[PageImage], options: OcrOptions | None = None) -> list[Page]:
    """Read every page (``options.jobs`` at a time); results keep page order."""
    opts = options or OcrOptions()
    tesseract(opts.lang)
    tesseract_version()
    if opts.jobs <= 1 or len(pages) <= 1:
        return [ocr_page(p, opts) for p in pages]
    with ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        return list(pool.map(lambda p: ocr_page(p, opts), pages))


def ocr_page(page: PageImage, options: OcrOptions) -> Page:
    """Preprocess one page, run Tesseract, map the words back to the original image."""
    import pytesseract

    if options.preprocess is not None:
        prep = preprocess(page.image, page.dpi, options.preprocess)
    else:
        prep = Prepared(image=page.image, dpi=page.dpi or 300, source_size=page.image.size,
                        steps={"none": True, "dpi_in": page.dpi})
    pytesseract.pytesseract.tesseract_cmd = tesseract(options.lang)
    config = f"--psm {options.psm} --dpi {prep.dpi}"
    try:
        data = pytesseract.image_to_data(prep.image, lang=options.lang, config=config,
                                         output_type=pytesseract.Output.DICT,
                                         timeout=options.timeout)
    except pytesseract.TesseractNotFoundError as exc:
        raise MissingDependencyError(
            f"Tesseract is not installed; install it with: {TESSERACT_INSTALL}") from exc
    except pytesseract.TesseractError as exc:
        raise OcrError(f"{page.label}: Tesseract failed: {exc.message.strip()}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise OcrError(f"{page.label}: Tesseract timed out after {options.timeout:g}s") from exc
    result = Page(blocks=blocks_from_data(data, prep), info={
        "width": page.image.width, "height": page.image.height, "dpi": page.dpi,
        "engine": f"tesseract {tesseract_version()} -l {options.lang} {config}",
        "preprocess": prep.steps,
    })
    mark_line_end_hyphens(result)
    return result


def blocks_from_data(data: dict[str, list[Any]], prep: Prepared) -> list[list[list[RawWord]]]:
    """Group ``image_to_data`` word rows by paragraph and line, in Tesseract's order."""
    blocks: list[list[list[RawWord]]] = []
    last_par: tuple[int, int] | None = None
    last_line: tuple[int, int, int] | None = None
    for i, level in enumerate(data["level"]):
        text = str(data["text"][i]).strip()
        if int(level) != 5 or not text:
            continue
        par = (int(data["block_num"][i]), int(data["par_num"][i]))
        line = (*par, int(data["line_num"][i]))
        if par != last_par:
            blocks.append([])
            last_par, last_line = par, None
        if line != last_line:
            blocks[-1].append([])
            last_line = line
        x, y = int(data["left"][i]), int(data["top"][i])
        box = prep.to_source((x, y, x + int(data["width"][i]), y + int(data["height"][i])))
        blocks[-1][-1].append(RawWord(text, float(data["conf"][i]), box))
    return blocks

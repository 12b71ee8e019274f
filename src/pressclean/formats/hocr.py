"""hOCR in (Tesseract, OCRopus, Kraken...): words, ``x_wconf`` and ``bbox``.

Read with the standard library's forgiving HTML parser, not an XML parser: hOCR in
the wild is as often HTML as XHTML, with unclosed tags and stray markup, and the
HTML parser expands only the fixed HTML character references (nothing external).
Structure comes from the classes alone: ``ocr_page`` → ``ocr_par`` (or
``ocr_carea`` when there are no paragraphs) → ``ocr_line``/``ocrx_line`` and kin →
``ocrx_word``. A new word or line closes an unclosed one, so a sloppy file gives the
same words as a tidy one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pressclean.exceptions import BadInputError, EmptyInputError
from pressclean.formats._build import Box, Page, RawWord, mark_line_end_hyphens
from pressclean.textio import decode_bytes

_LINE_CLASSES = {"ocr_line", "ocrx_line", "ocr_textfloat", "ocr_header", "ocr_caption"}
_VOID = {"br", "meta", "img", "link", "hr", "input", "col", "area", "base", "wbr"}
_BBOX = re.compile(r"\bbbox\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+"
                   r"(-?\d+(?:\.\d+)?)")
_WCONF = re.compile(r"\bx_wconf\s+(-?\d+(?:\.\d+)?)")


def _bbox(title: str) -> Box | None:
    m = _BBOX.search(title)
    return tuple(round(float(v)) for v in m.groups()) if m else None  # type: ignore[return-value]


def _wconf(title: str) -> float | None:
    m = _WCONF.search(title)
    return float(m.group(1)) if m else None


class _HocrParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pages: list[Page] = []
        self.stack: list[tuple[str, str]] = []  # (tag, role)
        self.has_par = False
        self.word: list[str] | None = None
        self.word_title = ""
        self.system = ""  # <meta name="ocr-system">: the engine that wrote the file

    # structure -------------------------------------------------------------
    def _page(self) -> Page:
        if not self.pages:
            self.pages.append(Page())
        return self.pages[-1]

    def _new_block(self) -> None:
        page = self._page()
        if not page.blocks or page.blocks[-1]:
            page.blocks.append([])

    def _new_line(self) -> None:
        page = self._page()
        if not page.blocks:
            page.blocks.append([])
        if not page.blocks[-1] or page.blocks[-1][-1]:
            page.blocks[-1].append([])

    def _end_word(self) -> None:
        if self.word is None:
            return
        text = "".join(self.word).strip()
        self.word = None
        if not text:
            return
        page = self._page()
        if not page.blocks or not page.blocks[-1]:
            self._new_line()
        page.blocks[-1][-1].append(RawWord(text, _wconf(self.word_title), _bbox(self.word_title)))

    # parser callbacks --------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("name", "").lower() == "ocr-system":
            self.system = " ".join(a.get("content", "").split())
        classes = set(a.get("class", "").split())
        role = ""
        if "ocr_page" in classes:
            self._end_word()
            box = _bbox(a.get("title", ""))
            info: dict[str, object] = {"id": a.get("id")}
            if box:
                info.update(width=box[2] - box[0], height=box[3] - box[1])
            self.pages.append(Page(info=info))
            role = "page"
        elif "ocr_par" in classes or ("ocr_carea" in classes and not self.has_par):
            self._end_word()
            self.has_par = self.has_par or "ocr_par" in classes
            self._new_block()
            role = "block"
        elif classes & _LINE_CLASSES:
            self._end_word()
            self._new_line()
            role = "line"
        elif "ocrx_word" in classes:
            self._end_word()
            self.word, self.word_title = [], a.get("title", "")
            role = "word"
        if tag not in _VOID:
            self.stack.append((tag, role))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, role = self.stack.pop()
            if role == "word":
                self._end_word()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.word is not None:
            self.word.append(data)


def read_hocr(path: Path) -> tuple[list[Page], dict[str, Any]]:
    """The pages of an hOCR file (boxes and confidences as the file gives them)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInputError(path, f"cannot read: {exc}") from exc
    text, _ = decode_bytes(data, str(path))
    parser = _HocrParser()
    parser.feed(text)
    parser.close()
    parser._end_word()
    pages = parser.pages
    for page in pages:
        page.blocks = [[ln for ln in b if ln] for b in page.blocks]
        page.blocks = [b for b in page.blocks if b]
        mark_line_end_hyphens(page)
    if not any(p.blocks for p in pages):
        raise EmptyInputError(path, "no words (class ocrx_word) in the hOCR file")
    meta: dict[str, Any] = {"measurement_unit": "pixel"}
    if parser.system:
        meta["engine"] = parser.system
    return pages, meta


def looks_like_hocr(head: bytes) -> bool:
    """Sniff an .html/.xml file's first bytes for hOCR markers."""
    low = head.lower()
    return b"ocr_page" in low or b"ocrx_word" in low or b"ocr-system" in low

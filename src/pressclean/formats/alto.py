"""ALTO XML (v2, v3, v4) in: words, confidences, boxes and layout hyphenation.

Elements are matched by local name, so every ALTO namespace (and none) reads alike.
The file is parsed safely (defusedxml: no entity expansion, no DTD or network
fetches) and as a stream, so a truncated or malformed file still yields every word
before the fault, with a warning in ``meta``; a file with no readable word fails.

Confidences: ``WC`` (0–1) is rescaled to 0–100; a file that wrote 0–100 is taken
as is; without ``WC`` the per-character ``CC`` digits (0 best – 9 worst) are used.
Hyphenation: a ``String`` followed by ``HYP`` or marked ``SUBS_TYPE="HypPart1"``
is the first half of a word broken across lines (``Word.hyphen_next``); its text
carries the printed hyphen, as the page showed it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from pressclean.exceptions import BadInputError, EmptyInputError
from pressclean.formats._build import HYPHENS, Box, Page, RawWord
from pressclean.formats._build import Line as _Line


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _num(attrs: dict[str, str], name: str) -> float | None:
    try:
        value = float(attrs[name])
    except (KeyError, ValueError):
        return None
    return value if value == value else None


def _box(attrs: dict[str, str]) -> Box | None:
    x, y, w, h = (_num(attrs, k) for k in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
    if x is None or y is None or w is None or h is None or w < 0 or h < 0:
        return None
    return (round(x), round(y), round(x + w), round(y + h))


def _conf(attrs: dict[str, str]) -> float | None:
    wc = _num(attrs, "WC")
    if wc is not None and 0 <= wc <= 1:
        return wc * 100
    if wc is not None and 1 < wc <= 100:
        return wc
    digits = [int(c) for c in attrs.get("CC", "") if c.isdigit()]
    if digits:
        return 100 * (1 - sum(digits) / (9 * len(digits)))
    return None


#: elements naming the software that made the file (ALTO 2–4: ``processingSoftware``
#: holds ``softwareName``; Tesseract's and pressclean's own ALTO describe the step)
_SOFTWARE = ("softwareName", "processingStepDescription")


class _Reader:
    """Collects pages as the parser streams element ends."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.block: list[_Line] = []
        self.line: _Line = []
        self.unit = "pixel"
        self.page_info: dict[str, object] = {}
        self.software: list[str] = []  # what the file says produced it

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "Page":
            self.page_info = {"width": _int(attrs, "WIDTH"), "height": _int(attrs, "HEIGHT"),
                              "id": attrs.get("ID"),
                              "physical_img_nr": attrs.get("PHYSICAL_IMG_NR")}

    def end(self, name: str, attrs: dict[str, str], text: str | None) -> None:
        if name == "MeasurementUnit" and text:
            self.unit = text.strip()
        elif name in _SOFTWARE and text and text.strip():
            self.software.append(" ".join(text.split()))
        elif name == "String":
            word = attrs.get("CONTENT", "")
            hyp1 = attrs.get("SUBS_TYPE") == "HypPart1"
            if hyp1 and not word.endswith(HYPHENS):
                word += "-"
            self.line.append(RawWord(word, _conf(attrs), _box(attrs), hyphen_next=hyp1))
        elif name == "HYP" and self.line:
            last = self.line[-1]
            mark = attrs.get("CONTENT") or "-"
            text_ = last.text if last.text.endswith(HYPHENS) else last.text + mark
            self.line[-1] = RawWord(text_, last.conf, last.box, hyphen_next=True)
        elif name == "TextLine":
            self.flush_line()
        elif name == "TextBlock":
            self.flush_block()
        elif name == "Page":
            self.flush_page()

    def flush_line(self) -> None:
        if self.line:
            self.block.append(self.line)
        self.line = []

    def flush_block(self) -> None:
        self.flush_line()
        if self.block:
            self.current_page().blocks.append(self.block)
        self.block = []

    def current_page(self) -> Page:
        if not self.pages or self.pages[-1].info.get("closed"):
            self.pages.append(Page(info=dict(self.page_info)))
        return self.pages[-1]

    def flush_page(self) -> None:
        self.flush_block()
        page = self.current_page()
        page.info.update(self.page_info)
        page.info["closed"] = True
        self.page_info = {}


def _int(attrs: dict[str, str], name: str) -> int | None:
    value = _num(attrs, name)
    return round(value) if value is not None else None


def read_alto(path: Path) -> tuple[list[Page], dict[str, Any]]:
    """The pages of an ALTO file and what ``meta`` should say about it."""
    reader = _Reader()
    warnings: list[str] = []
    try:
        for event, elem in iterparse(str(path), events=("start", "end"),
                                     forbid_dtd=False, forbid_entities=True,
                                     forbid_external=True):
            name = _local(elem.tag)
            if event == "start":
                reader.start(name, dict(elem.attrib))
            else:
                reader.end(name, dict(elem.attrib), elem.text)
                if name in ("String", "TextLine"):
                    elem.clear()
    except DefusedXmlException as exc:
        raise BadInputError(path, f"XML refused for safety: {exc}") from exc
    except ParseError as exc:
        warnings.append(f"malformed XML ({exc}); kept the words before it")
    except OSError as exc:
        raise BadInputError(path, f"cannot read: {exc}") from exc
    reader.flush_page()
    pages = [p for p in reader.pages if p.blocks or p.info.get("width")]
    for p in pages:
        p.info.pop("closed", None)
    if not any(p.blocks for p in pages):
        reason = warnings[0] if warnings else "no words (String elements) in the ALTO file"
        raise EmptyInputError(path, reason)
    meta: dict[str, Any] = {"measurement_unit": reader.unit}
    if reader.software:
        meta["engine"] = "; ".join(dict.fromkeys(reader.software))
    if warnings:
        meta["warnings"] = warnings
    return pages, meta


def looks_like_alto(head: bytes) -> bool:
    """Sniff an .xml file's first bytes for an ALTO root element."""
    low = head.lower()
    return b"<alto" in low or b":alto" in low

"""ALTO v4 out: the corrected words on the page, boxes and confidences kept.

A viewer highlights a search hit on the page image from ``HPOS/VPOS/WIDTH/HEIGHT``;
``CONTENT`` holds the corrected word and, whenever it differs from what the OCR read,
the OCR's reading stays in ``<ALTERNATIVE PURPOSE="ocr">``, so nothing is lost.
Words hyphenated across lines get ``SUBS_TYPE``/``SUBS_CONTENT`` (the whole
corrected word, what search should match) and an ``HYP`` element.

The corrected form of a word is ``doc.clean_text[doc.to_clean(w.start, w.end)]``.
When a correction merged words (a clean span shared by several OCR words), the
clean tokens are given back one per word if their counts match; otherwise the first
word carries the merged form and the others an empty ``CONTENT`` (their OCR reading
still in ALTERNATIVE).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from pressclean import __version__
from pressclean.document import Document, Word
from pressclean.formats._build import HYPHENS
from pressclean.textio import write_atomic

NS = "http://www.loc.gov/standards/alto/ns-v4#"
SCHEMA = "http://www.loc.gov/standards/alto/v4/alto-4-2.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def corrected_forms(doc: Document) -> list[str]:
    """Each word's corrected form, in word order (its OCR text when not cleaned)."""
    if not doc.clean_text and not doc.spans:
        return [w.text for w in doc.words]
    spans = [doc.to_clean(w.start, w.end) for w in doc.words]
    forms = [""] * len(doc.words)
    i = 0
    while i < len(spans):
        j, end = i + 1, spans[i][1]
        while j < len(spans) and spans[j][0] < end:
            end = max(end, spans[j][1])
            j += 1
        text = doc.clean_text[spans[i][0]:end].strip()
        tokens = text.split()
        if j - i == 1:
            forms[i] = text
        elif len(tokens) == j - i:
            forms[i:j] = tokens
        else:
            forms[i:j] = [text] + [""] * (j - i - 1)
        i = j
    return forms


def alto_tree(doc: Document) -> ET.ElementTree:
    """The ALTO document for ``doc`` (see module docstring for the mapping)."""
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_q("alto"), {f"{{{XSI}}}schemaLocation": f"{NS} {SCHEMA}"})
    _description(root, doc)
    layout = ET.SubElement(root, _q("Layout"))
    forms = corrected_forms(doc)
    indexed = list(enumerate(doc.words))
    pages_info = doc.meta.get("pages") or []
    by_page = {p: list(ws) for p, ws in groupby(indexed, key=lambda iw: iw[1].page)}
    n_pages = max([len(pages_info), *(p + 1 for p in by_page)])
    for p in range(n_pages):
        info = pages_info[p] if p < len(pages_info) else {}
        _page(layout, p, info, by_page.get(p, []), doc.words, forms)
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def write_alto(doc: Document, path: str | Path) -> Path:
    """Write ``doc`` as ALTO v4 to ``path`` (atomically); returns the path."""
    root = alto_tree(doc).getroot()
    assert root is not None
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    write_atomic(path, data)
    return Path(path)


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None,
         **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, _q(name), attrs)
    if text is not None:
        el.text = text
    return el


def _description(root: ET.Element, doc: Document) -> None:
    desc = _sub(root, "Description")
    _sub(desc, "MeasurementUnit", str(doc.meta.get("measurement_unit", "pixel")))
    src = _sub(desc, "sourceImageInformation")
    _sub(src, "fileName", Path(doc.path).name)
    engines = sorted({str(i.get("engine")) for i in doc.meta.get("pages") or []
                      if i.get("engine")})
    steps = [("ocr", "contentGeneration", "; ".join(engines) or f"read from {doc.source_format}")]
    if doc.clean_text:
        steps.append(("pressclean", "contentModification",
                      f"pressclean {__version__}: {len(doc.corrections)} corrections; "
                      'a changed String keeps the OCR reading in ALTERNATIVE PURPOSE="ocr"'))
    for ident, category, text in steps:
        proc = _sub(desc, "Processing", ID=ident)
        _sub(proc, "processingCategory", category)
        _sub(proc, "processingStepDescription", text)


def _page(layout: ET.Element, p: int, info: dict[str, object],
          words: list[tuple[int, Word]], all_words: list[Word], forms: list[str]) -> None:
    attrs = {"ID": f"P{p + 1}", "PHYSICAL_IMG_NR": str(p + 1)}
    for key, name in (("width", "WIDTH"), ("height", "HEIGHT")):
        if isinstance(info.get(key), int):
            attrs[name] = str(info[key])
    page = _sub(layout, "Page", **attrs)
    space = _sub(page, "PrintSpace")
    for b, block_words in groupby(words, key=lambda iw: iw[1].block):
        bw = list(block_words)
        block = _sub(space, "TextBlock", ID=f"P{p + 1}_B{b + 1}", **_box_attrs(bw))
        for ln, line_words in groupby(bw, key=lambda iw: iw[1].line):
            lw = list(line_words)
            line = _sub(block, "TextLine", ID=f"P{p + 1}_B{b + 1}_L{ln + 1}", **_box_attrs(lw))
            for k, (i, w) in enumerate(lw):
                if k:
                    _sub(line, "SP")
                _string(line, i, w, all_words, forms)


def _box_attrs(words: list[tuple[int, Word]]) -> dict[str, str]:
    boxes = [w.box for _, w in words if w.box]
    if not boxes:
        return {}
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return {"HPOS": str(x0), "VPOS": str(y0), "WIDTH": str(x1 - x0), "HEIGHT": str(y1 - y0)}


def _string(line: ET.Element, i: int, w: Word, words: list[Word], forms: list[str]) -> None:
    content, original = forms[i], w.text
    attrs = {"CONTENT": content}
    hyphen_mark = ""
    second_half = i > 0 and words[i - 1].hyphen_next
    if w.hyphen_next and i + 1 < len(words):
        hyphen_mark = content[-1] if content.endswith(HYPHENS) else "-"
        content = content.rstrip("".join(HYPHENS)) if content.endswith(HYPHENS) else content
        original = original.rstrip("".join(HYPHENS))
        attrs.update(CONTENT=content, SUBS_TYPE="HypPart1",
                     SUBS_CONTENT=_joined(content, forms[i + 1]))
    elif second_half:
        first = forms[i - 1].rstrip("".join(HYPHENS))
        attrs.update(SUBS_TYPE="HypPart2", SUBS_CONTENT=_joined(first, content))
    if w.box:
        x0, y0, x1, y1 = w.box
        attrs.update(HPOS=str(x0), VPOS=str(y0), WIDTH=str(x1 - x0), HEIGHT=str(y1 - y0))
    if w.conf is not None:
        attrs["WC"] = f"{w.conf / 100:.4f}"
    el = _sub(line, "String", **attrs)
    if content != original:
        _sub(el, "ALTERNATIVE", original, PURPOSE="ocr")
    if hyphen_mark:
        _sub(line, "HYP", CONTENT=hyphen_mark)


def _joined(first: str, second: str) -> str:
    """The whole word of a hyphenated pair; when a correction already merged the
    halves, the first holds the merged word and the second is empty."""
    return first + second


def iter_strings(tree: ET.ElementTree) -> Iterator[ET.Element]:
    """Every ``String`` element, in order (for tests and tools reading our output)."""
    root = tree.getroot()
    return iter(()) if root is None else root.iter(_q("String"))

"""Turn a page/block/line/word structure into ``source_text`` and offset-carrying Words.

Every layout reader (Tesseract, ALTO, hOCR) fills the same nested lists and calls
:func:`assemble`, so the text convention is defined once: words joined by a space,
lines by ``"\\n"``, blocks (paragraphs) and pages separated by a blank line. A Word's
``block`` counts blocks within its page and ``line`` counts lines within its block.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pressclean.document import Word
from pressclean.textio import nfc

HYPHENS = ("-", "¬", "\u2010", "\u00ad")

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class RawWord:
    """A word as a reader found it, before it has an offset."""

    text: str
    conf: float | None = None
    box: Box | None = None
    hyphen_next: bool = False


Line = list[RawWord]
Block = list[Line]


@dataclass
class Page:
    """One page: its blocks and what the reader knows about the page image."""

    blocks: list[Block] = field(default_factory=list)
    #: width, height (pixels of the source image), dpi, preprocessing choices ...
    info: dict[str, object] = field(default_factory=dict)


def mark_line_end_hyphens(page: Page) -> None:
    """Flag a block's line-final word ending in a hyphen as hyphenated across lines.

    For Tesseract and hOCR the page layout is the evidence: the word ends its line
    and the block goes on. Whether the hyphen is kept (compound) or dropped is the
    layout stage's decision, made with the lexicon.
    """
    for block in page.blocks:
        for line in block[:-1]:
            if line and len(line[-1].text) > 1 and line[-1].text.endswith(HYPHENS):
                line[-1] = replace(line[-1], hyphen_next=True)


def conf_0_100(value: float | None) -> float | None:
    """A confidence clamped to 0–100; None when absent or meaningless (Tesseract's -1)."""
    if value is None or value != value or value < 0:
        return None
    return round(min(float(value), 100.0), 2)


def assemble(pages: list[Page]) -> tuple[str, list[Word]]:
    """Lay the words out as text and give each its offsets (text is NFC)."""
    parts: list[str] = []
    words: list[Word] = []
    pos = 0
    for page_no, page in enumerate(pages):
        block_no = 0
        for block in page.blocks:
            lines = [[w for w in line if nfc(w.text).strip()] for line in block]
            lines = [line for line in lines if line]
            if not lines:
                continue
            if parts:
                parts.append("\n\n")
                pos += 2
            for line_no, line in enumerate(lines):
                if line_no:
                    parts.append("\n")
                    pos += 1
                for k, raw in enumerate(line):
                    if k:
                        parts.append(" ")
                        pos += 1
                    text = "".join(nfc(raw.text).split())
                    words.append(Word(text=text, start=pos, end=pos + len(text),
                                      conf=conf_0_100(raw.conf), box=raw.box, page=page_no,
                                      block=block_no, line=line_no,
                                      hyphen_next=raw.hyphen_next))
                    parts.append(text)
                    pos += len(text)
            block_no += 1
    return "".join(parts), words


def page_infos(pages: list[Page]) -> list[dict[str, object]]:
    """The per-page facts a Document keeps in ``meta["pages"]`` (used by the ALTO writer)."""
    return [dict(p.info, words=sum(len(ln) for b in p.blocks for ln in b)) for p in pages]

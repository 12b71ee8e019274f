"""Builds run folders (OUT/<doc>.json records) from the seed articles for the tagging,
index, search and export tests, without the `run` command: Document -> tag_document ->
document_record, as the run writes them."""

from __future__ import annotations

import json
from pathlib import Path

from pressclean.document import Correction, Document
from pressclean.record import document_record
from pressclean.tagging import tag_document

#: ../shared beside the checkout, as developers and CI have it
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seeds"
CLEAN_SEEDS = ("001", "002", "003", "004")
#: issue metadata given to the seed articles (publication, date, page)
SEED_META = {
    "001": {"publication": "L'Est Républicain", "date": "2020-07-10", "page": 3},
    "002": {"publication": "Le Journal des Microtechniques", "date": "2012-10-02", "page": 1},
    "003": {"publication": "France Horlogerie", "date": "2024-05-15", "page": 2},
    "004": {"publication": "TEMIS News", "date": "2025-10-08", "page": 5},
}
OCR_MISREAD, OCR_FIXED = "mailtage", "maillage"


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def seed_document(num: str) -> Document:
    text = seed_text(f"{num}_article.txt")
    return Document(path=f"seeds/{num}_article.txt", source_text=text, clean_text=text,
                    meta=dict(SEED_META[num]))


def ocr_document() -> Document:
    """Seed 000 part 1 as OCR'd, with one correction recorded by hand: the word
    "maillage", misread "mailtage", exists only in the clean text."""
    source = seed_text("000_part1.ocr.txt")
    start = source.index(OCR_MISREAD)
    end = start + len(OCR_MISREAD)
    clean = source[:start] + OCR_FIXED + source[end:]
    fix = Correction(start, end, start, start + len(OCR_FIXED), OCR_MISREAD, OCR_FIXED,
                     "spell", "test", 1.0)
    return Document(path="seeds/000_part1.png", source_text=source, clean_text=clean,
                    corrections=[fix], meta={"publication": "L'Est Républicain",
                                             "date": "2019-03-01", "page": 7},
                    source_format="image", spans=[(start, end, start, start + len(OCR_FIXED))])


def write_record(out: Path, doc: Document, use_spacy: bool | None = None) -> Path:
    rel = Path(doc.path).with_suffix(".json")
    dest = out / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    rec = document_record(doc, doc.path, {"before": 0.9, "after": 0.95},
                          tag_document(doc, use_spacy=use_spacy))
    dest.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return dest


def build_seed_run(out: Path) -> Path:
    """OUT with the four clean seed articles and the corrected OCR article."""
    for num in CLEAN_SEEDS:
        write_record(out, seed_document(num))
    write_record(out, ocr_document())
    (out / "manifest.json").write_text('{"documents": 5}', encoding="utf-8")
    return out

"""Writing the outputs of ``pressclean clean``: clean text and corrections JSONL."""

from __future__ import annotations

import json
from pathlib import Path

from pressclean.document import Document
from pressclean.textio import write_atomic


def corrections_jsonl(doc: Document) -> str:
    """One JSON object per correction, one per line, in source order."""
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in doc.corrections)


def write_clean_outputs(doc: Document, out_dir: Path, stem: str) -> tuple[Path, Path]:
    """``DIR/<stem>.txt`` and ``DIR/<stem>.corrections.jsonl``, each written atomically."""
    txt = out_dir / f"{stem}.txt"
    jsonl = out_dir / f"{stem}.corrections.jsonl"
    write_atomic(txt, doc.clean_text)
    write_atomic(jsonl, corrections_jsonl(doc))
    return txt, jsonl

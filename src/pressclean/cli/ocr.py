"""``pressclean ocr INPUT... -o DIR``: OCR only, raw text plus word layout per input.

Per input: ``DIR/<stem>.txt`` (the OCR text, exactly ``Document.source_text``),
``DIR/<stem>.words.tsv`` (one word a row: offsets, confidence, box, page/block/line,
hyphenation) and ``DIR/<stem>.alto.xml`` (ALTO v4 of the uncorrected OCR). Inputs that
fail go to ``DIR/failures.jsonl`` (path, error, message) and the rest carry on.
"""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pressclean.cli._common import batch_exit_code, echo_err, reported_errors
from pressclean.document import Document
from pressclean.exceptions import MissingDependencyError, PresscleanError
from pressclean.textio import write_atomic

if TYPE_CHECKING:
    from pressclean.ocr import OcrOptions

_TSV_HEADER = ("start", "end", "conf", "x0", "y0", "x1", "y1", "page", "block", "line",
               "hyphen_next", "text")


@click.command("ocr")
@click.argument("inputs", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for <stem>.txt, <stem>.words.tsv, <stem>.alto.xml, failures.jsonl.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Pages (or documents) read at a time, one Tesseract thread each.")
@click.option("--psm", type=click.IntRange(0, 13), default=3, show_default=True,
              help="Tesseract page segmentation mode (3: automatic, finds columns).")
@click.option("--no-preprocess", is_flag=True,
              help="Give Tesseract the raw image (no denoise/upscale/deskew).")
def ocr_cmd(inputs: tuple[Path, ...], out_dir: Path, jobs: int, psm: int,
            no_preprocess: bool) -> None:
    """OCR scans (PNG, JPEG, TIFF, PDF) or read hOCR/ALTO/text into text + word layout."""
    from pressclean.formats import SUPPORTED_SUFFIXES, needs_tesseract
    from pressclean.ocr import OcrOptions
    from pressclean.tools import tesseract

    files = _expand(inputs, SUPPORTED_SUFFIXES)
    base = OcrOptions(psm=psm, jobs=jobs)
    if no_preprocess:
        base = replace(base, preprocess=None)
    with reported_errors():
        if needs_tesseract(list(files)):
            tesseract(base.lang)
    # one document: its pages in parallel; several: documents in parallel
    per_doc = base if len(files) == 1 else replace(base, jobs=1)
    failures: list[tuple[Path, PresscleanError]] = []
    stems: set[str] = set()
    n_ok = 0
    with ThreadPoolExecutor(max_workers=1 if len(files) == 1 else jobs) as pool:
        results = pool.map(lambda f: _read(f, per_doc), files)
        for path, result in zip(files, results, strict=True):
            if isinstance(result, MissingDependencyError):
                with reported_errors():
                    raise result
            if isinstance(result, PresscleanError):
                echo_err(f"pressclean: {result}")
                failures.append((path, result))
                continue
            _write(result, out_dir, _unique_stem(path, stems))
            n_ok += 1
    _write_failures(out_dir, failures)
    if failures:
        echo_err(f"pressclean ocr: {n_ok} written, {len(failures)} failed "
                 f"(see {out_dir / 'failures.jsonl'})")
    sys.exit(batch_exit_code(n_ok, [exc for _, exc in failures]))


def _expand(inputs: tuple[Path, ...], suffixes: frozenset[str]) -> list[Path]:
    """Files as given; a folder stands for its supported files, recursively, sorted."""
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file()
                          and f.suffix.lower() in suffixes and not f.name.endswith(".gt.txt"))
        else:
            out.append(p)
    return out


def _read(path: Path, options: OcrOptions) -> Document | PresscleanError:
    from pressclean.exceptions import BadInputError
    from pressclean.formats import read_document

    if not path.exists():
        return BadInputError(path, "no such file")
    try:
        return read_document(path, ocr=options)
    except PresscleanError as exc:
        return exc


def _unique_stem(path: Path, used: set[str]) -> str:
    """``<stem>``, or ``<stem>-<suffix>``/``<stem>-N`` when two inputs share a stem."""
    stem = path.stem
    for double in (".alto", ".hocr"):
        if stem.lower().endswith(double) and len(stem) > len(double):
            stem = stem[: -len(double)]
    candidates = [stem, f"{stem}-{path.suffix.lstrip('.').lower()}"]
    candidates += [f"{stem}-{n}" for n in range(2, 10_000)]
    for c in candidates:
        if c not in used:
            used.add(c)
            return c
    raise RuntimeError("too many inputs with the same name")


def words_tsv(doc: Document) -> str:
    """The word table: one header row, then one row per word (empty cell: unknown)."""
    rows = ["\t".join(_TSV_HEADER)]
    for w in doc.words:
        box = [str(v) for v in w.box] if w.box else ["", "", "", ""]
        conf = "" if w.conf is None else f"{w.conf:g}"
        rows.append("\t".join([str(w.start), str(w.end), conf, *box, str(w.page),
                               str(w.block), str(w.line), str(int(w.hyphen_next)), w.text]))
    return "\n".join(rows) + "\n"


def _write(doc: Document, out_dir: Path, stem: str) -> None:
    from pressclean.formats.alto_out import write_alto

    write_atomic(out_dir / f"{stem}.txt", doc.source_text)
    if doc.words:
        write_atomic(out_dir / f"{stem}.words.tsv", words_tsv(doc))
        write_alto(doc, out_dir / f"{stem}.alto.xml")


def _write_failures(out_dir: Path, failures: list[tuple[Path, PresscleanError]]) -> None:
    target = out_dir / "failures.jsonl"
    if not failures:
        target.unlink(missing_ok=True)
        return
    lines = [json.dumps({"path": str(p), "error": exc.kind, "message": str(exc)},
                        ensure_ascii=False) for p, exc in failures]
    write_atomic(target, "\n".join(lines) + "\n")

"""The embedded full-text index of a run, stored in ``OUT/.pressclean-index/``.

Engine: tantivy (PyPI ``tantivy``). Text fields are analysed by the French chain of
:mod:`pressclean.analysis` (stop words with the elided "l'", "qu'"..., case and accent
folding, Snowball French stems), registered on the index each time it is opened and run
in Rust while indexing; queries are analysed by the very same analyzer.

Incremental: ``state.json`` beside the index keeps each record file's SHA-256; a rerun
re-indexes only records whose bytes changed, adds new ones and deletes vanished ones.
A change of analysis (``ANALYSIS_VERSION``) rebuilds the index from scratch.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pressclean.analysis import ANALYZER_NAME, analyzer, fold
from pressclean.exceptions import BadInputError, SearchIndexError
from pressclean.nlp import tantivy_module
from pressclean.runrecords import INDEX_DIRNAME, parse_record, record_paths
from pressclean.textio import write_atomic

ANALYSIS_VERSION = 2
_STATE = "state.json"
_TANTIVY_DIR = "tantivy"
ENTITY_KINDS = ("people", "places", "organisations")
_WRITER_HEAP = 64_000_000
#: indexing threads (tantivy needs >= 15 MB of heap each; the machines have 2 cores)
_WRITER_THREADS = 2


@cache
def schema() -> Any:
    """Fields: French-analysed text fields, exact keys for filters, integers for date
    (YYYYMMDD) and page, stored display values."""
    tv = tantivy_module()
    sb = tv.SchemaBuilder()
    sb.add_text_field("key", stored=True, tokenizer_name="raw")
    for name in ("title", "text", "entities", *ENTITY_KINDS):
        sb.add_text_field(name, tokenizer_name=ANALYZER_NAME)
    sb.add_text_field("publication_key", tokenizer_name="raw")
    sb.add_integer_field("date", stored=True, indexed=True, fast=True)
    sb.add_integer_field("page", stored=True, indexed=True)
    sb.add_text_field("display", stored=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


def index_dir(out_dir: Path) -> Path:
    return out_dir / INDEX_DIRNAME


def date_number(value: Any) -> int | None:
    """The YYYYMMDD number of an ISO date: 2020-07-10 -> 20200710, 2020-07 -> 20200701,
    2020 -> 20200101 (None when it is no date)."""
    text = str(value or "")
    digits = text[:10].replace("-", "")
    if not digits.isdigit() or len(digits) not in (4, 6, 8):
        return None
    return int(digits.ljust(6, "0")[:4] + (digits[4:6] or "01") + (digits[6:8] or "01"))


def _document(key: str, rec: dict[str, Any]) -> Any:
    """The tantivy document of one record."""
    tv = tantivy_module()
    meta = rec.get("meta") or {}
    tags = rec.get("tags") or {}
    doc = tv.Document()
    doc.add_text("key", key)
    doc.add_text("title", tags.get("title") or "")
    doc.add_text("text", rec.get("clean_text") or "")
    for kind in ENTITY_KINDS:
        for name in tags.get(kind) or []:  # one value each: no phrase spans two names
            doc.add_text(kind, str(name))
            doc.add_text("entities", str(name))
    if meta.get("publication"):
        doc.add_text("publication_key", fold(str(meta["publication"])))
    number = date_number(meta.get("date"))
    if number is not None:
        doc.add_integer("date", number)
    if str(meta.get("page", "")).isdigit():
        doc.add_integer("page", int(meta["page"]))
    display = {"path": rec.get("path") or key, "record": key, "title": tags.get("title") or "",
               "date": meta.get("date"), "publication": meta.get("publication"),
               "page": meta.get("page")}
    doc.add_text("display", json.dumps(display, ensure_ascii=False))
    return doc


@dataclass
class IndexReport:
    """What one ``pressclean index`` did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failures: list[BadInputError] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        return self.added + self.updated + self.unchanged


def _load_state(idir: Path) -> dict[str, str] | None:
    """Record key -> hash of what is indexed; None when there is no usable index."""
    try:
        state = json.loads((idir / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("analysis") != ANALYSIS_VERSION or not (idir / _TANTIVY_DIR).is_dir():
        return None
    return dict(state.get("docs", {}))


def open_index(out_dir: Path, create: bool = False) -> Any:
    """The tantivy index inside ``out_dir`` (created when ``create``)."""
    tv = tantivy_module()
    tdir = index_dir(out_dir) / _TANTIVY_DIR
    if not create and not (tdir / "meta.json").is_file():
        raise SearchIndexError(f"no search index in {out_dir}: run `pressclean index {out_dir}`")
    tdir.mkdir(parents=True, exist_ok=True)
    try:
        index = tv.Index(schema(), path=str(tdir))
    except ValueError as exc:
        raise SearchIndexError(f"cannot open the index in {tdir}: {exc}; "
                               f"rebuild it with `pressclean index {out_dir} --rebuild`") from exc
    index.register_tokenizer(ANALYZER_NAME, analyzer())
    return index


def build_index(out_dir: Path, rebuild: bool = False) -> IndexReport:
    """Index (or update the index of) the run in ``out_dir``; returns what changed."""
    if not out_dir.is_dir():
        raise BadInputError(out_dir, "not a folder (give the OUT folder of `pressclean run`)")
    idir = index_dir(out_dir)
    state = None if rebuild else _load_state(idir)
    if state is None and idir.exists():
        shutil.rmtree(idir)
        state = {}
    state = state or {}
    index = open_index(out_dir, create=True)
    try:
        writer = index.writer(heap_size=_WRITER_HEAP, num_threads=_WRITER_THREADS)
    except ValueError as exc:
        raise SearchIndexError(f"the index in {idir} is busy (another `pressclean index`?): "
                               f"{exc}") from exc
    report, new_state = IndexReport(), {}
    for path in record_paths(out_dir):
        key = path.relative_to(out_dir).as_posix()
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if state.get(key) == digest:
            report.unchanged += 1
            new_state[key] = digest
            continue
        try:
            rec = parse_record(data, path)
        except BadInputError as exc:
            report.failures.append(exc)
            rec = None
        if key in state:
            writer.delete_documents_by_term("key", key)
        if rec is None:
            report.removed += key in state
            continue
        writer.add_document(_document(key, rec))
        new_state[key] = digest
        if key in state:
            report.updated += 1
        else:
            report.added += 1
    for key in set(state) - set(new_state):
        if not (out_dir / key).exists():
            writer.delete_documents_by_term("key", key)
            report.removed += 1
    writer.commit()
    writer.wait_merging_threads()
    write_atomic(idir / _STATE, json.dumps({"analysis": ANALYSIS_VERSION, "docs": new_state},
                                           indent=0, sort_keys=True))
    return report

"""Exports of a run for other tools: search-engine feeds and the archive table.

- Elasticsearch / OpenSearch: bulk NDJSON (an action line, then the document line, a
  final newline) plus the index settings and mapping (``data/feeds/
  elasticsearch_index.json``: a French analyzer with elision, stop words, ASCII folding
  and the light French stemmer), both engines read the same two files.
- Solr: a JSON array of documents whose text fields end in ``_txt_fr`` (the French
  dynamic field of Solr's default configset), names in ``_ss``, date in ``_dt``.
- The archive table (csv, jsonl): one row per document with its metadata (pandas).
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from pressclean.exceptions import BadInputError
from pressclean.runrecords import RecordFile, iter_records
from pressclean.textio import write_atomic

ENTITY_KINDS = ("people", "places", "organisations")
FORMATS = ("elasticsearch", "opensearch", "solr", "jsonl", "csv")
_ISO_FULL = 10
#: scalar fields and their Solr dynamic-field suffix (string, float, int)
_SOLR_SCALARS = {"language": "_s", "quality_before": "_f", "quality_after": "_f",
                 "corrections": "_i"}


def _iso_dates(values: list[Any]) -> list[str]:
    """Mentioned dates an engine can parse (YYYY, YYYY-MM, YYYY-MM-DD), no duplicates."""
    out: list[str] = []
    for v in values:
        d = str(v.get("date") if isinstance(v, dict) else v or "")
        if d and d[:4].isdigit() and d not in out:
            out.append(d)
    return out


def flat_document(rf: RecordFile) -> dict[str, Any]:
    """The engine-neutral fields of one record (also a row of the archive table)."""
    rec = rf.record
    meta, tags, quality = rec.get("meta") or {}, rec.get("tags") or {}, rec.get("quality") or {}
    page = meta.get("page")
    return {
        "path": rec.get("path") or rf.key,
        "record": rf.key,
        "title": tags.get("title") or "",
        "publication": meta.get("publication"),
        "date": meta.get("date"),
        "page": int(str(page)) if str(page).isdigit() else None,
        **{kind: list(tags.get(kind) or []) for kind in ENTITY_KINDS},
        "keywords": list(tags.get("keywords") or []),
        "dates_mentioned": _iso_dates(tags.get("dates") or []),
        "language": tags.get("language"),
        "quality_before": quality.get("before"),
        "quality_after": quality.get("after"),
        "corrections": len(rec.get("corrections") or []),
        "text": rec.get("clean_text") or "",
    }


def mapping_json() -> str:
    """Index settings and mappings for Elasticsearch and OpenSearch (packaged data)."""
    res = files("pressclean").joinpath("data", "feeds", "elasticsearch_index.json")
    return res.read_text(encoding="utf-8")


def mapping_path(dest: Path) -> Path:
    """Where the mapping goes beside a bulk file: feed.ndjson -> feed.mapping.json."""
    return dest.with_name(dest.stem + ".mapping.json")


def bulk_ndjson(docs: list[dict[str, Any]], index_name: str) -> str:
    """Bulk API body: ``{"index": {...}}`` then the document, one JSON a line."""
    lines = []
    for doc in docs:
        body = {k: v for k, v in doc.items() if k != "record" and v not in (None, [], "")}
        lines.append(json.dumps({"index": {"_index": index_name, "_id": doc["record"]}}))
        lines.append(json.dumps(body, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def solr_json(docs: list[dict[str, Any]]) -> str:
    """Solr update JSON: dynamic-field names of the default configset."""
    out = []
    for doc in docs:
        solr: dict[str, Any] = {"id": doc["record"], "path_s": doc["path"],
                                "title_txt_fr": doc["title"], "text_txt_fr": doc["text"]}
        for kind in (*ENTITY_KINDS, "keywords"):
            if doc[kind]:
                solr[f"{kind}_ss"] = doc[kind]
                solr[f"{kind}_txt_fr"] = " ; ".join(doc[kind])
        if doc["publication"]:
            solr["publication_s"] = doc["publication"]
        if doc["date"] and len(str(doc["date"])) >= _ISO_FULL:
            solr["date_dt"] = f"{str(doc['date'])[:_ISO_FULL]}T00:00:00Z"
        if doc["page"] is not None:
            solr["page_i"] = doc["page"]
        for key, suffix in _SOLR_SCALARS.items():
            if doc[key] is not None:
                solr[key + suffix] = doc[key]
        out.append(solr)
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def archive_table(docs: list[dict[str, Any]], fmt: str) -> str:
    """One row per document (no full text): csv joins lists with "; ", jsonl keeps them."""
    import pandas as pd

    rows = [{k: v for k, v in d.items() if k != "text"} for d in docs]
    frame = pd.DataFrame(rows)
    if fmt == "jsonl":
        clean = frame.astype(object).where(frame.notna(), None)  # NaN is not JSON: null
        return "".join(json.dumps(row, ensure_ascii=False) + "\n"
                       for row in clean.to_dict(orient="records"))
    for col in (*ENTITY_KINDS, "keywords", "dates_mentioned"):
        if col in frame:
            frame[col] = frame[col].map("; ".join)
    return str(frame.to_csv(index=False))


def export_run(out_dir: Path, fmt: str, dest: Path, index_name: str = "pressclean"
               ) -> tuple[int, list[BadInputError], list[Path]]:
    """Write ``fmt`` for the run in ``out_dir`` to ``dest``.

    Returns (documents written, unreadable records, files written)."""
    if not out_dir.is_dir():
        raise BadInputError(out_dir, "not a folder (give the OUT folder of `pressclean run`)")
    failures: list[BadInputError] = []
    docs = [flat_document(rf) for rf in iter_records(out_dir, failures)]
    written = [dest]
    if fmt in ("elasticsearch", "opensearch"):
        write_atomic(dest, bulk_ndjson(docs, index_name))
        write_atomic(mapping_path(dest), mapping_json())
        written.append(mapping_path(dest))
    elif fmt == "solr":
        write_atomic(dest, solr_json(docs))
    elif fmt in ("csv", "jsonl"):
        write_atomic(dest, archive_table(docs, fmt))
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return len(docs), failures, written

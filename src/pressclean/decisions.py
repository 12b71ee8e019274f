"""A reviewer's decisions: corrections rejected or accepted, rules rejected.

Later runs honour them through the EditLog veto: a rejected correction stays reverted,
a rejected rule stays off, an accepted correction survives its rule's rejection.
Formats (CSV or JSON, by suffix) are documented in docs/notes-review.md.

A correction is keyed by (document, source start, source end, before[, rule]): the
source text does not change between runs of the same document, so the key survives a
rerun, whatever stages or models changed. ``after`` is kept for people reading the
file but not matched: a later stage may have edited inside it.

Documents are matched by path suffix, component-wise (``dir/a.txt`` matches
``/archive/dir/a.txt``), and a key without extension matches by stem (``a`` from a
``clean -o`` folder matches ``samples/a.txt``), so a decision taken on a review of
``run`` outputs applies to ``clean`` of the same file and back.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pressclean.exceptions import DataFileError
from pressclean.offsets import Edit
from pressclean.textio import write_atomic

REJECT, ACCEPT, REJECT_RULE = "reject", "accept", "reject-rule"
_VERDICTS = (REJECT, ACCEPT)
#: CSV columns a decisions file must have (others, e.g. from the corrections export,
#: are ignored)
CSV_COLUMNS = ("decision", "document", "in_start", "in_end", "before", "after", "rule")
FORMAT_VERSION = 1


@dataclass(frozen=True)
class CorrectionDecision:
    """A verdict on one correction; ``rule`` None (old files) matches any rule."""

    document: str
    in_start: int
    in_end: int
    before: str
    decision: str
    after: str = ""
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"decision": self.decision, "document": self.document,
                "in_start": self.in_start, "in_end": self.in_end, "before": self.before,
                "after": self.after, "rule": self.rule}


@dataclass
class Decisions:
    """Everything a decisions file says."""

    rejected_rules: set[str] = field(default_factory=set)
    corrections: list[CorrectionDecision] = field(default_factory=list)

    _by_stem: dict[str, list[CorrectionDecision]] = field(default_factory=dict, init=False,
                                                          repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)

    def for_document(self, doc_key: str) -> list[CorrectionDecision]:
        """The correction decisions filed under ``doc_key`` (see module doc)."""
        if self._indexed != len(self.corrections):  # one pass, not one per document
            self._by_stem = defaultdict(list)
            for d in self.corrections:
                self._by_stem[_stem(d.document)].append(d)
            self._indexed = len(self.corrections)
        return [d for d in self._by_stem.get(_stem(doc_key), [])
                if document_matches(d.document, doc_key)]

    def veto_for(self, doc_key: str) -> DocumentVeto | None:
        """A veto for the EditLog of document ``doc_key``, or None if nothing applies."""
        mine = self.for_document(doc_key)
        if not mine and not self.rejected_rules:
            return None
        return DocumentVeto(mine, self.rejected_rules)


class DocumentVeto:
    """The veto of one document; remembers what it overruled, for the report."""

    def __init__(self, decisions: list[CorrectionDecision], rejected_rules: set[str]) -> None:
        self._rejected = {(d.in_start, d.in_end, d.before) for d in decisions
                          if d.decision == REJECT}
        self._accepted: dict[tuple[int, int, str], set[str | None]] = defaultdict(set)
        for d in decisions:
            if d.decision == ACCEPT:
                self._accepted[(d.in_start, d.in_end, d.before)].add(d.rule)
        self._rules = rejected_rules
        #: the edits refused, as records for ``doc.meta["overruled"]``
        self.overruled: list[dict[str, Any]] = []

    def __call__(self, edit: Edit, start: int, end: int, before: str) -> bool:
        span = (start, end, before)
        if span in self._rejected:
            reason = "correction rejected"
        elif self._rule_rejected(edit.rule) and not self._is_accepted(span, edit.rule):
            reason = "rule rejected"
        else:
            return False
        self.overruled.append({"in_start": start, "in_end": end, "before": before,
                               "after": edit.replacement, "stage": edit.stage,
                               "rule": edit.rule, "score": round(edit.score, 4),
                               "reason": reason})
        return True

    def _rule_rejected(self, rule: str) -> bool:
        """A rejected rule, alone or as one step of an edit made of several
        ("exclamation-l+l-t", "channel:glyph+channel:twin")."""
        return rule in self._rules or "+" in rule and any(
            part in self._rules for part in rule.split("+"))

    def _is_accepted(self, span: tuple[int, int, str], rule: str) -> bool:
        rules = self._accepted.get(span, set())
        return rule in rules or None in rules


def document_matches(decided: str, doc_key: str) -> bool:
    """Does a decision filed under ``decided`` concern the document ``doc_key``?

    The shorter path must be a component-wise suffix of the longer; a last component
    without extension matches the other's stem.
    """
    a, b = _parts(decided), _parts(doc_key)
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    if a[:-1] != b[len(b) - len(a):-1]:
        return False
    x, y = a[-1], b[-1]
    return (x == y or (not PurePosixPath(x).suffix and PurePosixPath(y).stem == x)
            or (not PurePosixPath(y).suffix and PurePosixPath(x).stem == y))


def _stem(key: str) -> str:
    parts = _parts(key)
    return PurePosixPath(parts[-1]).stem if parts else ""


def _parts(key: str) -> tuple[str, ...]:
    return tuple(p for p in PurePosixPath(key.replace("\\", "/")).parts if p not in (".", "/"))


# -- reading -------------------------------------------------------------------------

def load_decisions(path: Path) -> Decisions:
    """Read a decisions file (``.csv``, else JSON); a malformed one names file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, f"cannot read decisions: {exc}") from exc
    if path.suffix.lower() == ".csv":
        return _from_csv(text, path)
    return _from_json(text, path)


def _verdict(value: object, path: Path, where: int | None, what: str) -> str:
    v = str(value or "").strip().lower()
    allowed = (*_VERDICTS, REJECT_RULE)
    if v not in allowed:
        raise DataFileError(path, where, f"{what}: decision {value!r} is not one of "
                            + ", ".join(allowed))
    return v


def _offset(value: object, path: Path, where: int | None, what: str) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        n = -1
    if n < 0:
        raise DataFileError(path, where, f"{what}: {value!r} is not an offset (integer >= 0)")
    return n


def _correction(item: dict[str, Any], verdict: str, path: Path, line: int | None,
                what: str) -> CorrectionDecision:
    doc = item.get("document", item.get("path"))
    if not doc or not isinstance(doc, str):
        raise DataFileError(path, line, f"{what}: 'document' is missing")
    before = item.get("before")
    if not isinstance(before, str):
        raise DataFileError(path, line, f"{what}: 'before' is missing")
    start = _offset(item.get("in_start"), path, line, f"{what} in_start")
    end = _offset(item.get("in_end"), path, line, f"{what} in_end")
    if end - start != len(before):
        raise DataFileError(path, line, f"{what}: in_start..in_end ({start}..{end}) does "
                            f"not span 'before' {before!r}")
    rule = item.get("rule") or None
    return CorrectionDecision(document=doc, in_start=start, in_end=end, before=before,
                              decision=verdict, after=str(item.get("after") or ""),
                              rule=str(rule) if rule is not None else None)


def _from_csv(text: str, path: Path) -> Decisions:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(path, 1, "decisions CSV lacks column(s) " + ", ".join(missing)
                            + "; header must have " + ",".join(CSV_COLUMNS))
    dec = Decisions()
    for row in reader:
        line = reader.line_num
        if not (row.get("decision") or "").strip():
            continue  # a corrections export row nobody decided on
        verdict = _verdict(row["decision"], path, line, "row")
        if verdict == REJECT_RULE:
            if not (row.get("rule") or "").strip():
                raise DataFileError(path, line, "reject-rule row: 'rule' is empty")
            dec.rejected_rules.add(row["rule"].strip())
        else:
            dec.corrections.append(_correction(row, verdict, path, line, "row"))
    return dec


def _from_json(text: str, path: Path) -> Decisions:
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        raise DataFileError(path, line, f"not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, None, "decisions JSON must be an object")
    dec = Decisions()
    for n, item in enumerate(data.get("rules", [])):
        if not isinstance(item, dict) or not item.get("rule"):
            raise DataFileError(path, None, f"rules[{n}]: needs a 'rule'")
        verdict = _verdict(item.get("decision", REJECT_RULE), path, None, f"rules[{n}]")
        if verdict not in (REJECT, REJECT_RULE):
            raise DataFileError(path, None, f"rules[{n}]: only 'reject' applies to a rule")
        dec.rejected_rules.add(str(item["rule"]))
    dec.rejected_rules.update(str(r) for r in data.get("rejected_rules", []))
    items = [(f"corrections[{n}]", it) for n, it in enumerate(data.get("corrections", []))]
    # the first, minimal format: {"rejected": [{"path", "in_start", "in_end", "before"}]}
    items += [(f"rejected[{n}]", {**it, "decision": REJECT}) if isinstance(it, dict)
              else (f"rejected[{n}]", it) for n, it in enumerate(data.get("rejected", []))]
    for what, item in items:
        if not isinstance(item, dict):
            raise DataFileError(path, None, f"{what}: must be an object")
        verdict = _verdict(item.get("decision"), path, None, what)
        if verdict == REJECT_RULE:
            raise DataFileError(path, None, f"{what}: put rule rejections under 'rules'")
        dec.corrections.append(_correction(item, verdict, path, None, what))
    return dec


# -- writing -------------------------------------------------------------------------

def decisions_json(dec: Decisions) -> str:
    """The JSON form (what the HTML report's "download JSON" button writes too)."""
    data = {"pressclean_decisions": FORMAT_VERSION,
            "rules": [{"rule": r, "decision": REJECT} for r in sorted(dec.rejected_rules)],
            "corrections": [d.to_dict() for d in dec.corrections]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def decisions_csv(dec: Decisions) -> str:
    """The CSV form: one row per rule rejected, then one per correction decided."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for rule in sorted(dec.rejected_rules):
        writer.writerow({"decision": REJECT_RULE, "rule": rule})
    for d in dec.corrections:
        writer.writerow({**d.to_dict(), "rule": d.rule or ""})
    return buf.getvalue()


def write_decisions(dec: Decisions, path: Path) -> None:
    """Write ``dec`` as CSV (``.csv``) or JSON (anything else), atomically."""
    path = Path(path)
    write_atomic(path, decisions_csv(dec) if path.suffix.lower() == ".csv"
                 else decisions_json(dec))

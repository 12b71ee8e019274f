"""A reviewer's decisions: corrections and rules rejected, honoured by later runs.

Minimal first version (JSON only): ``{"rejected_rules": [...], "rejected":
[{"path":..., "in_start":..., "in_end":..., "before":..., "after":...}]}``. The
review work extends the format (CSV, accepted corrections, reporting).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pressclean.exceptions import DataFileError
from pressclean.offsets import Edit, Veto


@dataclass
class Decisions:
    rejected_rules: set[str] = field(default_factory=set)
    #: (document key, source start, source end, before) of rejected corrections
    rejected: set[tuple[str, int, int, str]] = field(default_factory=set)

    def veto_for(self, doc_key: str) -> Veto | None:
        """A veto for the EditLog of document ``doc_key``, or None if nothing applies."""
        spans = {(s, e, b) for k, s, e, b in self.rejected if k == doc_key}
        if not spans and not self.rejected_rules:
            return None

        def veto(edit: Edit, start: int, end: int, before: str) -> bool:
            return edit.rule in self.rejected_rules or (start, end, before) in spans

        return veto


def load_decisions(path: Path) -> Decisions:
    """Read a decisions JSON file; a malformed one names the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(path, None, f"cannot read decisions: {exc}") from exc
    dec = Decisions(rejected_rules=set(data.get("rejected_rules", [])))
    for item in data.get("rejected", []):
        dec.rejected.add((item["path"], int(item["in_start"]), int(item["in_end"]),
                          item["before"]))
    return dec

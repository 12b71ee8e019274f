"""The view model of the HTML review: rule statistics and the page's inline data.

Kept apart from rendering so it can be tested as data. Corrections travel to the page
as compact arrays (one per correction, field order in :data:`CORRECTION_FIELDS`) inside
one JSON block, so a run with thousands of corrections stays a page the browser filters
and paginates without a server.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pressclean.decisions import ACCEPT, REJECT, Decisions
from pressclean.review import ReviewDocument, RunContents

#: field order of one correction in the page data (``corr`` rows)
CORRECTION_FIELDS = ("doc", "in_start", "in_end", "out_start", "out_end", "before", "after",
                     "stage", "rule", "score", "decision")
#: field order of one overruled edit (``over`` rows)
OVERRULED_FIELDS = ("doc", "in_start", "in_end", "before", "after", "stage", "rule", "score",
                    "reason")
EXAMPLES_PER_RULE = 3


@dataclass
class RuleStat:
    """How one rule did over the run."""

    rule: str
    stages: set[str] = field(default_factory=set)
    count: int = 0
    documents: set[str] = field(default_factory=set)
    scores: list[float] = field(default_factory=list)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    overruled: int = 0

    @property
    def mean_score(self) -> float | None:
        return round(sum(self.scores) / len(self.scores), 3) if self.scores else None

    @property
    def examples(self) -> list[tuple[str, str, int]]:
        """The most frequent (before, after) pairs with their counts."""
        return [(b, a, n) for (b, a), n in self.pairs.most_common(EXAMPLES_PER_RULE)]


def rule_stats(run: RunContents) -> list[RuleStat]:
    """Per rule: corrections, documents, scores, examples, overruled; most used first."""
    stats: dict[str, RuleStat] = {}
    for doc in run.documents:
        for c in doc.corrections:
            st = stats.setdefault(c.rule, RuleStat(c.rule))
            st.stages.add(c.stage)
            st.count += 1
            st.documents.add(doc.key)
            st.scores.append(c.score)
            st.pairs[(c.before, c.after)] += 1
        for o in doc.overruled:
            rule = str(o.get("rule", "?"))
            stats.setdefault(rule, RuleStat(rule)).overruled += 1
            stats[rule].stages.add(str(o.get("stage", "")))
    return sorted(stats.values(), key=lambda s: (-s.count, -s.overruled, s.rule))


def _decision_of(doc: ReviewDocument, decisions: Decisions | None) -> dict[int, str]:
    """Correction index -> "accept"/"reject", as a decisions file marks them."""
    if decisions is None:
        return {}
    spans: dict[tuple[int, int, str], list[tuple[str | None, str]]] = defaultdict(list)
    for d in decisions.for_document(doc.key):
        spans[(d.in_start, d.in_end, d.before)].append((d.rule, d.decision))
    marks = {}
    for i, c in enumerate(doc.corrections):
        verdicts = spans.get((c.in_start, c.in_end, c.before), [])
        if any(v == REJECT for _, v in verdicts):
            marks[i] = REJECT
        elif any(v == ACCEPT and r in (None, c.rule) for r, v in verdicts):
            marks[i] = ACCEPT
    return marks


def page_data(run: RunContents, decisions: Decisions | None = None) -> dict[str, Any]:
    """Everything the page's script needs, JSON-ready."""
    docs: list[dict[str, Any]] = []
    corr: list[list[Any]] = []
    over: list[list[Any]] = []
    for d_idx, doc in enumerate(run.documents):
        marks = _decision_of(doc, decisions)
        base = len(corr)
        for i, c in enumerate(doc.corrections):
            corr.append([d_idx, c.in_start, c.in_end, c.out_start, c.out_end, c.before,
                         c.after, c.stage, c.rule, c.score, marks.get(i, "")])
        groups = [[g.in_start, g.in_end, g.out_start, g.out_end, [base + m for m in g.members]]
                  for g in doc.groups]
        docs.append({"key": doc.key, "source": doc.source, "clean": doc.clean,
                     "groups": groups})
        for o in doc.overruled:
            over.append([d_idx, o.get("in_start"), o.get("in_end"), str(o.get("before", "")),
                         str(o.get("after", "")), str(o.get("stage", "")),
                         str(o.get("rule", "")), o.get("score"), str(o.get("reason", ""))])
    rejected_rules = sorted(decisions.rejected_rules) if decisions else []
    # Names the page's saved decisions in the browser: a new run or decisions file
    # makes a new page state instead of mixing with an old one.
    digest = hashlib.sha256()
    for doc in run.documents:
        digest.update(f"{doc.key}\0{len(doc.corrections)}\0".encode())
    digest.update("".join(c[10] or "-" for c in corr).encode())
    digest.update("\0".join(rejected_rules).encode())
    return {"runId": digest.hexdigest()[:16], "fields": CORRECTION_FIELDS,
            "overFields": OVERRULED_FIELDS, "docs": docs, "corr": corr, "over": over,
            "rules": sorted({c[8] for c in corr} | {o[6] for o in over}),
            "stages": sorted({c[7] for c in corr} | {o[5] for o in over}),
            "rejectedRules": rejected_rules}

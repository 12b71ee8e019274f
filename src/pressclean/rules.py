"""Glyph-confusion rules, kept as data: ``data/rules.tsv`` plus user overrides.

Two kinds of rule:

* ``text`` rules rewrite the text wherever their pattern matches; the pattern itself is
  precise enough to be safe ("((" before a word is an opening guillemet).
* ``word`` rules undo one glyph confusion inside a word ("t" read for "l"); up to two
  applications per word propose repaired forms, and a repair is kept only when the
  repaired word is in the lexicon and wins the same weighing of channel and context as
  any other candidate (``spell``), so a rule never turns a word into another blindly.

Files are TSV with a header ``id kind pattern replacement description examples enabled``;
``examples`` holds ``input => output`` pairs separated by ``||`` that the test suite
runs. Later files override earlier ones by id (``enabled`` = ``no`` switches one off):
the packaged file, then ``dictionaries/rules.tsv``, then each ``--rules FILE``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from pressclean.exceptions import DataFileError
from pressclean.offsets import Edit
from pressclean.tokens import is_numberish

if TYPE_CHECKING:
    from pressclean.document import Word
    from pressclean.lexicon import Lexicon
    from pressclean.resources import Resources
    from pressclean.spell import Speller

STAGE = "rules"
#: characters that make a pattern more than plain text
_SPECIAL = regex.compile(r"[\\.^$*+?{}\[\]|()&~-]|\s")
#: a reference to a group inside a pattern (by number or name)
_GROUP_REF = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[&|(]|\(\?\d|\(\?R")
COLUMNS = ("id", "kind", "pattern", "replacement", "description", "examples", "enabled")
KINDS = ("text", "word")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    pattern: regex.Pattern[str]
    replacement: str
    description: str
    examples: tuple[tuple[str, str], ...]
    source: str
    #: the pattern as plain text, when it is only that and the replacement has no group
    #: reference ("rn" for "m"): found with ``str.find``, several times faster than a
    #: regex on the short forms word rules are tried on
    literal: str | None = None

    def apply_at(self, m: regex.Match[str]) -> str:
        return m.expand(self.replacement)

    def spans(self, form: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each match in ``form``, left to right and not
        overlapping, as ``finditer`` finds them."""
        lit = self.literal
        if lit is None:
            return [(m.start(), m.end(), self.apply_at(m)) for m in self.pattern.finditer(form)]
        out = []
        i = form.find(lit)
        while i >= 0:
            out.append((i, i + len(lit), self.replacement))
            i = form.find(lit, i + len(lit))
        return out


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    _word_cache: tuple[list[Rule], list[Rule], regex.Pattern[str] | None] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def text_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.kind == "text"]

    @property
    def word_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.kind == "word"]

    def word_rules_for(self, form: str) -> list[Rule]:
        """The word rules that may match ``form``: the plain-text ones, and the regex
        ones only if their alternation matches somewhere (one search instead of one
        per rule; most forms hold no "1", "[" or "0" for them to find)."""
        cached = self._word_cache  # (worked out at the first word: a set is not changed)
        if cached is None:
            rules = self.word_rules
            cached = self._word_cache = (
                rules, [r for r in rules if r.literal is not None],
                _alternation([r for r in rules if r.literal is None]))
        rules, plain, any_match = cached
        return rules if any_match is None or any_match.search(form) else plain

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _alternation(rules: list[Rule]) -> regex.Pattern[str] | None:
    """One pattern matching wherever any of ``rules`` does, or None for none to join
    or where joining them could change what one matches (a group reference would count
    the others' groups)."""
    if not rules or any(_GROUP_REF.search(r.pattern.pattern) for r in rules):
        return None
    try:
        return regex.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules), regex.V1)
    except regex.error:
        return None


def parse_rules(text: str, source: str) -> list[tuple[Rule | None, str]]:
    """Parse a rules TSV; returns (rule, id) pairs, rule None for a disabled id."""
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        raise DataFileError(source, 1, f"header must be: {' '.join(COLUMNS)}")
    out: list[tuple[Rule | None, str]] = []
    for lineno, row in enumerate(reader, 2):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if len(row) != len(COLUMNS):
            raise DataFileError(source, lineno, f"expected {len(COLUMNS)} tab-separated "
                                                f"columns, found {len(row)}")
        rid, kind, pattern, repl, desc, examples, enabled = row
        if enabled.strip().lower() in ("no", "false", "0", "off"):
            out.append((None, rid.strip()))
            continue
        if kind not in KINDS:
            raise DataFileError(source, lineno, f"kind must be one of {KINDS}, not {kind!r}")
        try:
            compiled = regex.compile(pattern, regex.V1)
        except regex.error as exc:
            raise DataFileError(source, lineno, f"bad pattern {pattern!r}: {exc}") from exc
        pairs = []
        for ex in filter(None, (e.strip() for e in examples.split("||"))):
            if "=>" not in ex:
                raise DataFileError(source, lineno, f"example {ex!r} lacks '=>'")
            a, b = ex.split("=>", 1)
            pairs.append((a.strip(), b.strip()))
        literal = pattern if pattern and not _SPECIAL.search(pattern) \
            and "\\" not in repl else None
        out.append((Rule(rid.strip(), kind, compiled, repl, desc, tuple(pairs),
                         f"{source}:{lineno}", literal), rid.strip()))
    return out


def load_rules(dictionaries: Path | None, extra: tuple[Path, ...] = ()) -> RuleSet:
    """Packaged rules, then ``dictionaries/rules.tsv``, then each extra file."""
    sources = [("<package>/data/rules.tsv",
                resources.files("pressclean.data").joinpath("rules.tsv").read_text("utf-8"))]
    files = ([dictionaries / "rules.tsv"] if dictionaries else []) + list(extra)
    for p in files:
        if p.is_file():
            try:
                sources.append((str(p), p.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise DataFileError(p, None, f"cannot read rules: {exc}") from exc
    by_id: dict[str, Rule | None] = {}
    for source, text in sources:
        for rule, rid in parse_rules(text, source):
            by_id[rid] = rule
    return RuleSet([r for r in by_id.values() if r is not None])


def rule_edits(text: str, resources: Resources, speller: Speller | None = None,
               words: list[Word] | None = None) -> list[Edit]:
    """The rules stage: text rules where they match; word rules where the speller's
    weighing (channel and context, as for any candidate) prefers the repaired word
    (words the OCR read with high confidence are left alone)."""
    edits = text_rule_edits(text, resources.rules)
    taken = [(e.start, e.end) for e in edits]
    for e in (speller or resources.speller).edits(text, words, rules=resources.rules):
        if not any(s < e.end and e.start < t for s, t in taken):
            edits.append(e)
    return edits


def text_rule_edits(text: str, rules: RuleSet) -> list[Edit]:
    return [Edit(m.start(), m.end(), rule.apply_at(m), STAGE, rule.id)
            for rule in rules.text_rules for m in rule.pattern.finditer(text)]


def word_variants(word: str, rules: RuleSet, lexicon: Lexicon,
                  min_count: float) -> list[tuple[str, str]]:
    """Known words reachable from ``word`` by one or two word rules, with rule ids."""
    letters = sum(c.isalpha() for c in word)
    if len(word) < 2 or letters <= sum(c.isdigit() for c in word) or is_numberish(word):
        return []
    found: dict[str, str] = {}
    frontier: list[tuple[str, tuple[str, ...]]] = [(word, ())]
    for _ in range(2):
        nxt: list[tuple[str, tuple[str, ...]]] = []
        for form, ids in frontier:
            for rule in rules.word_rules_for(form):
                for start, end, repl in rule.spans(form):
                    variant = form[:start] + repl + form[end:]
                    if variant == form or variant in found:
                        continue
                    new_ids = ids + (rule.id,)
                    nxt.append((variant, new_ids))
                    if lexicon.count(variant.strip("()")) >= min_count:
                        found[variant] = "+".join(dict.fromkeys(new_ids))
        if len(nxt) > 300:
            break
        frontier = nxt
    return list(found.items())

"""Mining an archive for OCR variants without ground truth, the way TICCL does.

In a large archive an OCR error repeats: the same misreading of the same word turns up
in many pages. A frequent form the lexicon does not know, one or two known confusions
away from a frequent known word *of the same archive*, is proposed as a variant of that
word; the confusions behind the accepted pairs, counted over the archive, become
proposed glyph rules. Everything is a proposal, with counts and examples, for a person
to accept into ``dictionaries/``.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from pressclean.align import char_chunks
from pressclean.candidates import CandidateGenerator
from pressclean.lexicon import Lexicon
from pressclean.textio import read_text

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}\d]*")
#: two pieces of a word joined by a hyphen (or a line-end hyphen and its line break)
_HYPHENATED = regex.compile(r"(?<![\p{L}\p{M}\d])(\p{L}[\p{L}\p{M}\d]*)-\n?(\p{L}[\p{L}\p{M}\d]*)")
#: a variant must be seen this often, and its word this many times more often
MIN_VARIANT_COUNT = 2
MIN_RATIO = 3.0


@dataclass
class Proposal:
    variant: str
    word: str
    variant_count: int
    word_count: int
    confusions: str
    score: float
    examples: list[str] = field(default_factory=list)


def archive_texts(root: Path) -> Iterable[str]:
    """Texts of an archive: every .txt file under ``root`` (or the OCR column of a TSV)."""
    if root.is_file() and root.suffix == ".tsv":
        from pressclean.learn import read_pairs

        for ocr, _ in read_pairs(root):
            yield ocr
        return
    for path in sorted(root.rglob("*.txt")):
        try:
            yield read_text(path)[0]
        except Exception:  # noqa: BLE001 - an unreadable file is skipped, not fatal
            continue


def mine(texts: Iterable[str], lexicon: Lexicon, generator: CandidateGenerator,
         top: int = 200) -> tuple[list[Proposal], list[tuple[str, str, int]]]:
    """Variant proposals and the confusions (truth, OCR, count) they share."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        pieces = _hyphenation_pieces(text, lexicon)
        for m in _WORD.finditer(text):
            if m.start() in pieces:
                continue
            w = m.group(0).lower()
            counts[w] += 1
            if len(examples[w]) < 3 and not lexicon.known(w):
                examples[w].append(text[max(0, m.start() - 30):m.end() + 30].replace("\n", " "))
    proposals: list[Proposal] = []
    for form, n in counts.items():
        if n < MIN_VARIANT_COUNT or lexicon.known(form) or len(form) < 3:
            continue
        best: Proposal | None = None
        for cand in generator.for_form(form):
            if len(cand.words) != 1:
                continue
            word = cand.words[0]
            m = counts.get(word, 0)
            if m < MIN_RATIO * n:
                continue
            score = cand.channel + 0.5 * (len(str(m)) - 1)
            if best is None or score > best.score:
                chunks = char_chunks(word, form)
                best = Proposal(form, word, n, m, " ".join(f"{t or '∅'}→{o or '∅'}"
                                                            for t, o in chunks),
                                round(score, 3), examples.get(form, []))
        if best is not None:
            proposals.append(best)
    proposals.sort(key=lambda p: (p.variant_count * 10 ** p.score), reverse=True)
    rules: Counter[tuple[str, str]] = Counter()
    for p in proposals:
        for t, o in char_chunks(p.word, p.variant):
            rules[(t, o)] += p.variant_count
    return proposals[:top], [(t, o, n) for (t, o), n in rules.most_common(50)]


def _hyphenation_pieces(text: str, lexicon: Lexicon) -> set[int]:
    """Starts of the pieces of words cut by a hyphen whose pieces join into a known word
    ("let-tres", "Alle-magne"): halves of a word, not words of the archive (ICDAR's
    text keeps its line-end hyphens in the line). "cetui-ci" is a compound: counted."""
    starts: set[int] = set()
    for m in _HYPHENATED.finditer(text):
        if lexicon.known(m.group(1) + m.group(2)):
            starts.update((m.start(1), m.start(2)))
    return starts


def write_proposals(path: Path, proposals: list[Proposal],
                    rules: list[tuple[str, str, int]]) -> None:
    """One CSV: variant proposals first, then the confusion rules they suggest."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["kind", "variant", "word", "variant_count", "word_count", "confusions",
                    "score", "examples"])
        for p in proposals:
            w.writerow(["variant", p.variant, p.word, p.variant_count, p.word_count,
                        p.confusions, p.score, " | ".join(p.examples)])
        for truth, ocr, n in rules:
            w.writerow(["rule", ocr, truth, n, "", f"{truth or '∅'}→{ocr or '∅'}", "", ""])

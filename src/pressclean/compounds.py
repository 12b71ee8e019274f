"""Hyphenated words: compounds of words ("franc-comtois", "dix-sept") and words cut by
in-line hyphenation, a line-end hyphen whose line break was lost ("mil-lions").

A compound the lexicon knows, or whose parts join into a known word, is left as
printed. Otherwise, the cut word is weighed whole ("pro-venaut" as "provenaut", so
"provenant") and the hyphen put back where it was; failing that, a compound with a
common word for a part has its unknown part corrected in the context of the others.
A cut word none of whose pieces is a common word is never corrected piece by piece: "lapi-daient" is
not "lapi-datent". A compound of known words the model never saw may have a part misread
into another known word ("iui-même", "combattrait-ii"): it is repaired when one likely
confusion makes it a compound the model saw ("lui-même"), or makes its first or last part
one that many compounds of the model's truth have and the printed part none has
("combattrait-il": "-il" ends "dit-il", "a-t-il", "est-il"...).
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from pressclean.offsets import Edit
from pressclean.spellparams import STAGE
from pressclean.tokens import Token, as_printed, split_elision
from pressclean.unknownwords import weigh

if TYPE_CHECKING:
    from pressclean.lexicon import Lexicon
    from pressclean.model import Model
    from pressclean.spell import Speller

#: a compound the model's truth holds this often is one it saw
SEEN_COMPOUND = 2
#: a first or last part this many different seen compounds have is a productive one
PRODUCTIVE_PART = 5
#: the costliest confusion (log10) a misread part of a known-word compound is undone by,
#: into a word this many times more frequent ("ajouta-t-il" is not "ajoute-t-il")
PART_MAX_COST = 3.0
PART_RATIO = 10.0


class CompoundStats:
    """The hyphenated words of the model's truth that are compounds (not words cut by
    a hyphen, whose joined form is common), and how many have each first and last
    part. Counted on first use."""

    def __init__(self, model: Model, lexicon: Lexicon) -> None:
        self._model, self._lexicon = model, lexicon
        self._seen: set[str] | None = None
        self.heads: Counter[str] = Counter()
        self.tails: Counter[str] = Counter()

    def seen(self) -> set[str]:
        if self._seen is None:
            self._seen = {w for w, n in self._model.unigrams.items()
                          if "-" in w and n >= SEEN_COMPOUND and w[0].isalpha()
                          and not self._lexicon.common(w.replace("-", ""))}
            for w in self._seen:
                parts = w.split("-")
                self.heads[parts[0]] += 1
                self.tails[parts[-1]] += 1
        return self._seen


def compound_edit(sp: Speller, tok: Token, prev: str | None, nxt: str | None) -> Edit | None:
    """The correction of a hyphenated token, or None to leave it as printed."""
    word = tok.word
    parts = word.split("-")
    lex = sp.lexicon
    if (len(parts) > 3 or not word[0].islower() or lex.known(word)
            or lex.known("".join(parts))):
        return None
    # (a part may hold an elision: "trompe-l'oeil" is "trompe" and "l'" "oeil")
    unknown = [i for i, p in enumerate(parts) if p and not lex.known(split_elision(p)[1] or p)]
    if sp.rules_mode:
        return None  # compounds are weighed whole, by the spell stage
    if not unknown:
        return _misread_part(sp, tok, parts)
    if any(len(parts[i]) < 3 for i in unknown):
        return None
    # a known compound whose parts each are a likely misreading ("firanc-conrtois")
    edit = _known_compound(sp, tok, parts, unknown)
    if edit is None and len(parts) == 2 and all(p.isalpha() for p in parts):
        edit = _cut_word(sp, tok, parts, prev, nxt)
    if edit is not None or not any(lex.common(p.lower()) for p in parts):
        return edit
    fixed = list(parts)
    edits = []
    for i in unknown:
        start = tok.word_start + sum(len(p) + 1 for p in parts[:i])
        sub = Token(start, start + len(parts[i]), parts[i])
        left = fixed[i - 1].lower() if i else prev
        right = parts[i + 1].lower() if i + 1 < len(parts) else nxt
        edit = sp.word_edit(sub, left, right)
        if edit is not None and " " not in edit.replacement:
            fixed[i] = edit.replacement
            edits.append(edit)
    if not edits:
        return None
    return Edit(tok.word_start, tok.end, "-".join(fixed), edits[0].stage, edits[0].rule,
                min(e.score for e in edits))


def _cut_word(sp: Speller, tok: Token, parts: list[str], prev: str | None,
              nxt: str | None) -> Edit | None:
    """Weigh the two pieces as the one word they would join into; the hyphen goes
    back at the same place in the repaired word."""
    joined = parts[0] + parts[1]
    low = joined.lower()
    cands = sp.gen.glyph_repairs(low)
    if not cands:
        return None
    edit = weigh(sp, tok, joined, low, prev, nxt, cands)
    if edit is None:
        return None
    repaired = edit.replacement
    cut = _map_position(low, repaired.lower(), len(parts[0]))
    if not 0 < cut < len(repaired):
        return None
    return Edit(edit.start, edit.end, repaired[:cut] + "-" + repaired[cut:], edit.stage,
                edit.rule, edit.score)


def _map_position(src: str, dest: str, pos: int) -> int:
    """Where position ``pos`` of ``src`` falls in ``dest``, by their edit alignment."""
    for op in Levenshtein.opcodes(src, dest):
        if op.src_start <= pos < op.src_end:
            return op.dest_start + min(pos - op.src_start, op.dest_end - op.dest_start)
    return len(dest)


def _known_compound(sp: Speller, tok: Token, parts: list[str], unknown: list[int]
                    ) -> Edit | None:
    options: list[list[tuple[str, float]]] = []
    for i, part in enumerate(parts):
        if i not in unknown:
            options.append([(part.lower(), 0.0)])
            continue
        cands = [(c.text, c.channel) for c in sp.gen.for_form(part.lower())
                 if c.how != "split"][:6]
        options.append(cands or [(part.lower(), 0.0)])
    best: tuple[float, str] | None = None
    for combo in itertools.product(*options):
        joined = "-".join(w for w, _ in combo)
        if not sp.lexicon.known(joined):
            continue
        score = sum(c for _, c in combo) + sp.lm.log_uni(joined)
        if best is None or score > best[0]:
            best = (score, joined)
    keep = sp.p.oov_logp * len(unknown)  # each unknown part a word we do not know
    if best is None or best[0] < keep + sp.p.margin:
        return None
    return Edit(tok.word_start, tok.end, as_printed(tok.word, best[1]), STAGE,
                "channel:glyph", round(best[0] - keep, 3))


def _misread_part(sp: Speller, tok: Token, parts: list[str]) -> Edit | None:
    """A compound of known words the model never saw, one of whose parts one likely
    confusion (of the same length) makes a far more frequent word that makes a seen
    compound, or a productive first or last part where the printed one is none. Then
    the other parts, one at a time, as long as the compound is not one the model saw
    ("etaient-its" → "etaient-ils" → "étaient-ils"), so that cleaning twice changes
    nothing more."""
    seen = sp.compound_stats.seen()
    low = [p.lower() for p in parts]
    if "-".join(low) in seen or sp.model.unigrams.get("-".join(low), 0):
        return None
    cost, fixed = 0.0, set[int]()
    while "-".join(low) not in seen:
        found = _best_part(sp, low, fixed)
        if found is None:
            break
        i, low[i], channel = found
        fixed.add(i)
        cost += channel
    if not fixed:
        return None
    return Edit(tok.word_start, tok.end, as_printed(tok.word, "-".join(low)), STAGE,
                "channel:glyph", round(cost / len(fixed) + PART_MAX_COST, 3))


def _best_part(sp: Speller, low: list[str], fixed: set[int]) -> tuple[int, str, float] | None:
    """(index, repair, log10 channel) of the likeliest repair of one part not yet
    ``fixed`` that ``_misread_part`` accepts, or None."""
    stats = sp.compound_stats
    seen = stats.seen()
    best: tuple[int, str, float] | None = None
    for i, part in enumerate(low):
        if i in fixed:
            continue
        edge = stats.heads if i == 0 else stats.tails if i == len(low) - 1 else None
        for cand in sp.gen.glyph_repairs(part):
            word = cand.words[0]
            if len(word) != len(part) or cand.channel < -PART_MAX_COST \
                    or sp.lexicon.count(word) < PART_RATIO * sp.lexicon.count(part):
                continue
            productive = edge is not None and edge[word] >= PRODUCTIVE_PART \
                and edge[part] == 0
            if ("-".join(low[:i] + [word] + low[i + 1:]) in seen or productive) \
                    and (best is None or cand.channel > best[2]):
                best = (i, word, cand.channel)
    return best

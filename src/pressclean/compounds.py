"""Hyphenated words: compounds of words ("franc-comtois", "dix-sept") and words cut by
in-line hyphenation, a line-end hyphen whose line break was lost ("mil-lions").

A compound the lexicon knows, or whose parts join into a known word, is left as
printed. Otherwise, the cut word is weighed whole ("pro-venaut" as "provenaut", so
"provenant") and the hyphen put back where it was; failing that, a compound with a
common word for a part has its unknown part corrected in the context of the others.
A cut word none of whose pieces is a common word is never corrected piece by piece: "lapi-daient" is
not "lapi-datent".
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from pressclean.offsets import Edit
from pressclean.spellparams import STAGE
from pressclean.tokens import Token, as_printed
from pressclean.unknownwords import weigh

if TYPE_CHECKING:
    from pressclean.spell import Speller


def compound_edit(sp: Speller, tok: Token, prev: str | None, nxt: str | None) -> Edit | None:
    """The correction of a hyphenated token, or None to leave it as printed."""
    word = tok.word
    parts = word.split("-")
    lex = sp.lexicon
    if (len(parts) > 3 or not word[0].islower() or lex.known(word)
            or lex.known("".join(parts))):
        return None
    unknown = [i for i, p in enumerate(parts) if p and not lex.known(p)]
    if not unknown or any(len(parts[i]) < 3 for i in unknown):
        return None
    if sp.rules_mode:
        return None  # compounds are weighed whole, by the spell stage
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

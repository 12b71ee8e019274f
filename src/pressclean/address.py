"""Text addressed to "tu": where a second-person word is what was printed.

OCR reads "l" as "t" so often that in press prose "ta", "te" and "tes" are most often a
misread "la", "le" and "les" (and an elided "t'" a misread "l'"), and the real-word
stage changes them on their neighbours' evidence. But dialogue, letters and plays
address someone as "tu", and there "ta lettre" and "tes attributions" are what was
printed: word pairs cannot tell the two apart, the person the text speaks to can. A
second-person form is left as printed when a word that marks address ("tu", "toi"; lists
in ``data/fr/address_*.txt``) stands within ``WINDOW`` words of it, the form itself
aside. On ICDAR train rows 0–7,916, aligned word by word, none of the 164 "ta", "te" and
"tes" that stood for "la", "le" and "les" had such a word in its row; 27 of the 82 that
were printed so did.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

import regex

from pressclean.tokens import lm_elision, tokenize
from pressclean.wordlists import word_set

#: words on either side within which a mark of address counts
WINDOW = 50


def _pattern(words: frozenset[str]) -> regex.Pattern[str]:
    """The words standing alone ("dis-tu" holds "tu"; "tutelle" and "l'ta" do not), and
    the elisions ("t'", listed with its apostrophe) before the word they elide into."""
    alone = sorted((w for w in words if not w.endswith("'")), key=len, reverse=True)
    elided = sorted(regex.escape(w[:-1]) + "['’]" for w in words if w.endswith("'"))
    parts = [r"(?:" + "|".join(alone) + r")(?![\p{L}'’])"] if alone else []
    parts += [r"(?:" + "|".join(elided) + r")(?=\p{L})"] if elided else []
    return regex.compile(r"(?i)(?<![\p{L}'’])(?:" + "|".join(parts) + ")")


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    return (_pattern(word_set("fr/address_marks.txt")),
            _pattern(word_set("fr/address_forms.txt")))


@lru_cache(maxsize=4)
def addressed(text: str) -> frozenset[int]:
    """Indexes of the tokens of ``text`` (``tokenize``) that are second-person forms
    near a mark of address (another token than themselves), to be left as printed. Two
    regex passes over the text: most press text has no mark, and the tokens are looked
    at only where one is. Cached for the last few texts, as ``tokenize`` is: the rules
    and spell stages and the document-adapted pass look at the same text."""
    marks_re, forms_re = _patterns()
    mark_at = [m.start() for m in marks_re.finditer(text)]
    if not mark_at:
        return frozenset()
    toks = tokenize(text)
    starts = [t.start for t in toks]

    def token_at(c: int) -> int:
        return bisect_right(starts, c) - 1

    marks = [token_at(c) for c in mark_at]
    out = set()
    for m in forms_re.finditer(text):
        i = token_at(m.start())
        if i < 0:
            continue
        tok = toks[i]
        own = lm_elision(tok.elision) if tok.elision else tok.word.lower()
        if tok.start != m.start() or own != m.group().lower().replace("’", "'"):
            continue  # inside a longer token ("ta-t-il"), not a word of its own
        k = bisect_left(marks, i - WINDOW)
        while k < len(marks) and marks[k] <= i + WINDOW:
            if marks[k] != i:
                out.add(i)
                break
            k += 1
    return frozenset(out)

"""Passages in English (a quotation, a manual's untranslated paragraph): the French
lexicon would "correct" their words ("these" → "thèse", "is" → "ils"), so the speller
leaves them as printed.

A sentence is English when it holds at least ``MIN_DISTINCT`` different English
function words (``data/en/function_words.txt``, none of them French words) and twice as
many of them as French ones (``data/fr/function_words.txt``, elided words counted,
words both languages have not: ``data/en/shared_words.txt``), or two different ones and
no French one ("It comes with a script."); a sentence ends at ".!?…:;", a guillemet or
a line end. On the OCR and the truth of ICDAR train
(7,917 rows of French press) one is, in a concert programme ("The sounds of peace",
"Over the mountains"), and none in Tesseract's readings of 200 rendered pages; on
Debian's French reference, which keeps some paragraphs in English, about 170 are.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex

from pressclean.tokens import tokenize
from pressclean.wordlists import word_set

#: different English function words a sentence needs to be taken for English
MIN_DISTINCT = 3
_SENTENCE = regex.compile(r"[^.!?…:;«»“”\n]+(?:[.!?…:;«»“”]+|\n|$)")
_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
#: elisions, counted as the French words they are ("l'", "qu'")
_ELIDED = regex.compile(r"(?i)(?:[ldjmnst]|qu)['’](?=\p{L})")


@lru_cache(maxsize=4)
def foreign_tokens(text: str) -> frozenset[int]:
    """Indexes of the tokens of ``text`` (``tokenize``) in English sentences. Cached for
    the last few texts, as ``tokenize`` is: the rules and spell stages and the
    document-adapted pass look at the same text."""
    english = word_set("en/function_words.txt")
    french = word_set("fr/function_words.txt") - word_set("en/shared_words.txt")
    spans = []
    for m in _SENTENCE.finditer(text):
        words = [w.lower().replace("’", "'") for w in _WORD.findall(m.group())]
        en = [w for w in words if w in english]
        if len(set(en)) < 2:
            continue
        fr = sum(w in french for w in words) + len(_ELIDED.findall(m.group()))
        if not fr or len(set(en)) >= MIN_DISTINCT and len(en) >= 2 * fr:
            spans.append((m.start(), m.end()))
    if not spans:
        return frozenset()
    toks = tokenize(text)
    starts = [t.start for t in toks]
    out: set[int] = set()
    for start, end in spans:
        i = bisect_left(starts, start)
        while i < len(toks) and toks[i].start < end:
            out.add(i)
            i += 1
    return frozenset(out)

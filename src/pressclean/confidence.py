"""What an OCR word's confidence says about whether it was misread.

``data/confidence.tsv`` counts, per band of five confidence points, how many words
Tesseract read and how many of them were wrong (``bench/confidence_calibration.py``:
aged renders of training truth). From it comes a likelihood ratio: how much likelier a
misreading is at this confidence than on an average word. A real-word confusion's
training odds ("à" stood for "a" 123 times in 5,078) are an average over every
confidence; multiplied by the ratio they fit the word at hand: "à" read at 62 is
misread a hundred times more often than "à" read at 96.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from pressclean.exceptions import DataFileError

FILE = "confidence.tsv"
BAND = 5
#: a band's rate is taken over neighbouring bands until this many words were read
_MIN_READ = 40
#: the ratio only ever raises the odds of a misreading, and by at most 100: lowering the
#: odds in the 90s cost fixes on the font bench ("ia" → "la" read at 91). A word read
#: at ``SpellParams.trusted_conf`` or more is left alone unless it is a real-word
#: confusion, whose odds then fall by its band's own ratio (``doubt``)
_MIN_LOG, _MAX_LOG = 0.0, 2.0


def parse_table(text: str, where: str = FILE) -> dict[int, tuple[int, int]]:
    """band → (words read, words misread); errors name the file and line."""
    table: dict[int, tuple[int, int]] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        try:
            band, read, wrong = (int(p) for p in parts)
        except ValueError as exc:
            raise DataFileError(where, lineno, "expected band<TAB>read<TAB>misread "
                                               f"(integers), got {raw!r}") from exc
        if band % BAND or not 0 <= band < 100 or not 0 <= wrong <= read or band in table:
            raise DataFileError(where, lineno, f"bad or repeated band {raw!r}")
        table[band] = (read, wrong)
    if not table or sum(r for r, _ in table.values()) == 0:
        raise DataFileError(where, None, "no words counted")
    return table


class ConfidenceModel:
    """log10 likelihood ratio of a misreading, by the word's confidence (0–100)."""

    def __init__(self, table: dict[int, tuple[int, int]]) -> None:
        read = sum(r for r, _ in table.values())
        wrong = sum(w for _, w in table.values())
        base = _odds(wrong, read)
        self._log_ratio: dict[int, float] = {}
        self._raw: dict[int, float] = {}
        for band in range(0, 100, BAND):
            r, w, width = 0, 0, 0
            while r < _MIN_READ and width <= 100:
                lo, hi = band - width * BAND, band + width * BAND
                r = sum(table.get(b, (0, 0))[0] for b in range(max(lo, 0), hi + 1, BAND))
                w = sum(table.get(b, (0, 0))[1] for b in range(max(lo, 0), hi + 1, BAND))
                width += 1
            lr = math.log10(_odds(w, r) / base)
            self._raw[band] = lr
            self._log_ratio[band] = min(_MAX_LOG, max(_MIN_LOG, lr))

    def log_ratio(self, conf: float | None) -> float:
        """How much likelier (log10) a misreading is at ``conf`` than on average; 0.0
        when the input gave no confidence."""
        if conf is None:
            return 0.0
        band = min(int(conf) // BAND * BAND, 100 - BAND)
        return self._log_ratio[max(band, 0)]


    def doubt(self, conf: float) -> float:
        """log10 of how much rarer than average a misreading is at ``conf`` (negative
        in the 90s)."""
        return self._raw[max(min(int(conf) // BAND * BAND, 100 - BAND), 0)]


def _odds(wrong: int, read: int) -> float:
    p = (wrong + 0.5) / (read + 1.0)
    return p / (1.0 - p)


@lru_cache(maxsize=1)
def load_confidence_model() -> ConfidenceModel:
    text = resources.files("pressclean.data").joinpath(FILE).read_text(encoding="utf-8")
    return ConfidenceModel(parse_table(text))

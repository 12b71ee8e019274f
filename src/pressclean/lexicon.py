"""The French lexicon (placeholder until the real one lands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Lexicon:
    freq: dict[str, float] = field(default_factory=dict)

    def known(self, word: str) -> bool:
        return word.lower() in self.freq


def load_lexicon(dictionaries: Path | None) -> Lexicon:
    from wordfreq import get_frequency_dict

    return Lexicon(dict(get_frequency_dict("fr", wordlist="large")))

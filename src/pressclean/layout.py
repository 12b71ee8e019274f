"""Layout normalisation (placeholder until the real one lands)."""

from __future__ import annotations

from typing import Any

from pressclean.offsets import Edit


def layout_edits(text: str, lexicon: Any, reflow: bool = True, words: Any = None) -> list[Edit]:
    return []

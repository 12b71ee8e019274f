"""Dictionary correction (placeholder until the real one lands)."""

from __future__ import annotations

from typing import Any

from pressclean.offsets import Edit


def spell_edits(text: str, resources: Any, log: Any, words: Any) -> list[Edit]:
    return []

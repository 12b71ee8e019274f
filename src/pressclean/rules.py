"""Glyph-confusion rules (placeholder until the real ones land)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressclean.offsets import Edit


@dataclass
class RuleSet:
    rules: list[Any] = field(default_factory=list)


def load_rules(dictionaries: Path | None, extra: tuple[Path, ...]) -> RuleSet:
    return RuleSet()


def rule_edits(text: str, resources: Any) -> list[Edit]:
    return []

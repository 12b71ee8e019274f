"""Shared fixtures: one Cleaner per session (loading the lexicon is the slow part)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pressclean.pipeline import Cleaner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SEEDS = SHARED / "seeds"
ICDAR = SHARED / "icdar2017-fr-periodical"
GOLDEN = Path(__file__).parent / "golden"
#: set PRESSCLEAN_UPDATE_GOLDEN=1 to rewrite golden files after a deliberate change
UPDATE_GOLDEN = os.environ.get("PRESSCLEAN_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.fixture(scope="session")
def lexicon(cleaner: Cleaner):  # type: ignore[no-untyped-def]
    return cleaner.resources.lexicon


def golden(name: str, actual: str) -> str:
    """The stored golden text (rewritten first when updating)."""
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")

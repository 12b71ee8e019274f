"""Everything the cleaner loads once: lexicon, glyph rules, model, decisions.

Loading is the slow part of a run (the lexicon index); a :class:`Resources` is built
once per process (or per Dask worker) and shared by every document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressclean.decisions import Decisions
    from pressclean.lexicon import Lexicon
    from pressclean.model import Model
    from pressclean.pipeline import CleanOptions
    from pressclean.rules import RuleSet
    from pressclean.spell import Speller

_CHECKOUT_DICTIONARIES = Path(__file__).resolve().parents[2] / "dictionaries"


def find_dictionaries(explicit: Path | None = None) -> Path | None:
    """The user dictionaries folder: --dictionaries, $PRESSCLEAN_DICTIONARIES,
    ./dictionaries, or the source checkout's dictionaries/ (first that exists)."""
    candidates: list[Path] = []
    if explicit is not None:
        return explicit
    if os.environ.get("PRESSCLEAN_DICTIONARIES"):
        candidates.append(Path(os.environ["PRESSCLEAN_DICTIONARIES"]))
    candidates += [Path("dictionaries"), _CHECKOUT_DICTIONARIES]
    return next((c for c in candidates if c.is_dir()), None)


@dataclass
class Resources:
    """Loaded data shared by all documents of a run."""

    lexicon: Lexicon
    rules: RuleSet
    model: Model
    speller: Speller
    decisions: Decisions | None = None
    dictionaries: Path | None = None


def load_resources(options: CleanOptions) -> Resources:
    """Load lexicon, rules, model and decisions as ``options`` say."""
    from pressclean.candidates import CandidateGenerator
    from pressclean.channel import Channel, load_glyph_prior
    from pressclean.lexicon import load_lexicon
    from pressclean.model import load_model
    from pressclean.rules import load_rules
    from pressclean.spell import Speller

    dicts = find_dictionaries(options.dictionaries)
    model = load_model(options.model, options.engine)
    lexicon = load_lexicon(dicts, {w: n * model.per_billion for w, n in model.unigrams.items()
                                   if n >= 2 and w.isalpha()})
    rules = load_rules(dicts, options.rules_files)
    channel = Channel(model, load_glyph_prior())
    speller = Speller(lexicon, model, CandidateGenerator(lexicon, channel))
    decisions = None
    if options.decisions is not None:
        from pressclean.decisions import load_decisions

        decisions = load_decisions(options.decisions)
    return Resources(lexicon=lexicon, rules=rules, model=model, speller=speller,
                     decisions=decisions, dictionaries=dicts)

"""Where the benchmarks find the dev data: ``../shared/data`` beside the project, as the
workplace lays it out, or the folder ``PRESSCLEAN_SHARED_DATA`` names."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("PRESSCLEAN_SHARED_DATA")
              or Path(__file__).resolve().parents[2] / "shared" / "data")
#: ICDAR 2017 French periodicals, aligned (train and dev TSV)
ICDAR = SHARED / "icdar2017-fr-periodical"
#: the seed press articles (001–004 clean; 000 part 1 OCR and its truth)
SEEDS = SHARED / "seeds"

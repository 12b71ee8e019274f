"""Every correction of a run as one table, for people who review in a spreadsheet.

One row per correction: document, offsets, before, after, stage, rule, score, and an
empty ``decision`` column. Filling that column with ``reject`` / ``accept`` (or
``reject-rule``) makes the same file a decisions file for ``--decisions``: the
columns it needs (:data:`pressclean.decisions.CSV_COLUMNS`) are all here.
"""

from __future__ import annotations

import importlib.util
import io
import logging
from pathlib import Path

import pandas as pd

from pressclean.exceptions import MissingDependencyError
from pressclean.review import load_run
from pressclean.textio import write_atomic

_log = logging.getLogger(__name__)

COLUMNS = ("document", "in_start", "in_end", "out_start", "out_end", "before", "after",
           "stage", "rule", "score", "decision")


def corrections_frame(run_dir: Path) -> pd.DataFrame:
    """The corrections of every readable document under ``run_dir``, in text order."""
    run = load_run(run_dir)
    for problem in run.problems:  # skipped, but never silently
        _log.warning("pressclean: skipped unreadable output: %s", problem)
    rows = [(doc.key, c.in_start, c.in_end, c.out_start, c.out_end, c.before, c.after,
             c.stage, c.rule, c.score, "")
            for doc in run.documents for c in doc.corrections]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"in_start": "int64", "in_end": "int64", "out_start": "int64",
                         "out_end": "int64", "score": "float64"})


def export_corrections(run_dir: Path, dest: Path) -> int:
    """Write the table to ``dest`` (Parquet if it ends in .parquet, else CSV); rows written.

    Parquet needs pyarrow; without it this raises MissingDependencyError before
    anything is written.
    """
    dest = Path(dest)
    parquet = dest.suffix.lower() == ".parquet"
    if parquet and importlib.util.find_spec("pyarrow") is None:
        raise MissingDependencyError(
            f"{dest}: Parquet output needs pyarrow: pip install 'pressclean[parquet]' "
            "(or pip install pyarrow), or write a .csv instead")
    frame = corrections_frame(run_dir)
    if parquet:
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False, engine="pyarrow")
        write_atomic(dest, buf.getvalue())
    else:
        write_atomic(dest, frame.to_csv(index=False, lineterminator="\n"))
    return len(frame)

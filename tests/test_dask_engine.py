"""The Dask engine gives the same outputs as the local pool, on a real LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressclean.batch import run_batch
from pressclean.dask_engine import DaskEngine
from pressclean.document_job import RunSettings
from pressclean.pool import LocalPool
from pressclean.progress import QUIET, Reporter

from .test_run_cli import run_cli

pytest.importorskip("distributed")


def _archive(root: Path) -> None:
    docs = {
        "le-jura/1931/11/05/001.txt": "Le pôle de Besançon\nLes entreprises de la vallée.\n",
        "le-jura/1931/11/05/002.txt": "Morteau prépare son salon.\n",
        "vrac/latin1.txt": "Café crème à Noël.\n".encode("latin-1"),
        "vrac/vide.txt": b"",
        "vrac/a.txt": "un\n",
        "vrac/a.TXT": "deux\n",
    }
    for rel, data in docs.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            (root / rel).write_bytes(data)
        else:
            (root / rel).write_text(data, encoding="utf-8")


def _outputs(out: Path) -> dict[str, str]:
    """Every output file but the manifest (it records timings) and the hidden run state."""
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "manifest.json" and not p.name.startswith(".")}


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _archive(archive)
    local = RunSettings(out=str(tmp_path / "local"))
    s1 = run_batch(archive, local, LocalPool(local, 2, 60), Reporter(QUIET))
    dask = RunSettings(out=str(tmp_path / "dask"))
    with DaskEngine(dask, None, jobs=2, processes=False) as engine:
        s2 = run_batch(archive, dask, engine, Reporter(QUIET))

    assert (s1.cleaned, s1.failed) == (s2.cleaned, s2.failed) == (5, 1)
    local_out, dask_out = _outputs(tmp_path / "local"), _outputs(tmp_path / "dask")
    assert local_out == dask_out
    assert "vrac/a.TXT.txt" in dask_out and dask_out["vrac/latin1.txt"] == "Café crème à Noël.\n"
    rec = json.loads(dask_out["le-jura/1931/11/05/001.json"])
    assert rec["meta"]["date"] == "1931-11-05" and rec["tags"]["title"] == "Le pôle de Besançon"
    assert json.loads(dask_out["failures.jsonl"])["path"] == "vrac/vide.txt"
    m1 = json.loads((tmp_path / "local/manifest.json").read_text())
    m2 = json.loads((tmp_path / "dask/manifest.json").read_text())
    assert m1["fingerprint"] == m2["fingerprint"]
    assert {k: v["sha256"] for k, v in m1["documents"].items()} == {
        k: v["sha256"] for k, v in m2["documents"].items()}


@pytest.mark.slow
def test_cli_dask_engine_process_workers(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _archive(archive)
    run_cli("run", archive, "-o", tmp_path / "local", "-j", "1", "-q", check_code=3)
    proc = run_cli("run", archive, "-o", tmp_path / "dask", "--engine", "dask", "-j", "1", "-v",
                   check_code=3)
    assert "cleaned: vrac/latin1.txt" in proc.stderr
    assert _outputs(tmp_path / "local") == _outputs(tmp_path / "dask")
    again = run_cli("run", archive, "-o", tmp_path / "dask", "--engine", "dask", "-j", "1",
                    "-v", check_code=3)
    assert again.stderr.count("skipped (unchanged): ") == 5

"""The manifest: what counts as unchanged, and surviving a kill at any moment."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pressclean.exceptions import PresscleanError
from pressclean.manifest import STATE, Manifest, load_entries, meta_hash, run_info, sha256_file
from pressclean.pipeline import CleanOptions

INFO = {"fingerprint": "fp1", "pressclean_version": "x", "settings": {"reflow": True}}


def _done(m: Manifest, rel: str, src: Path, out_name: str) -> None:
    (m.out / out_name).write_text("sortie")
    st = src.stat()
    m.record(rel, {"status": "ok", "sha256": sha256_file(src), "size": st.st_size,
                   "mtime_ns": st.st_mtime_ns, "fingerprint": "fp1", "meta_hash": "m",
                   "outputs": [out_name]})


def test_current_follows_content_not_mtime(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("bonjour")
    m = Manifest(tmp_path / "out", INFO)
    assert not m.is_current("a.txt", src, "m")
    _done(m, "a.txt", src, "a.txt")
    assert m.is_current("a.txt", src, "m")
    os.utime(src, ns=(1, 1))  # touched: rehashed, same bytes, still current
    assert m.is_current("a.txt", src, "m")
    src.write_text("bonsoir")  # same size, new bytes
    assert not m.is_current("a.txt", src, "m")
    assert not m.is_current("a.txt", src, "other-meta")
    m.close(complete=True)


def _check(out: Path, src: Path, rel: str, info: dict[str, object] = INFO,
           force: bool = False) -> bool:
    m = Manifest(out, info, force=force)
    try:
        return m.is_current(rel, src, "m")
    finally:
        m.close(complete=False)


def _one_done_one_failed(tmp_path: Path, error: str, message: str
                         ) -> tuple[Path, Path, Manifest]:
    """A manifest (left open) where a.txt was cleaned and b.txt failed with ``error``."""
    src = tmp_path / "a.txt"
    src.write_text("bonjour")
    out = tmp_path / "out"
    m = Manifest(out, INFO)
    _done(m, "a.txt", src, "a.txt")
    m.record("b.txt", {"status": "failed", "error": error, "message": message})
    return src, out, m


def test_not_current_when_output_missing_fingerprint_changed_or_failed(tmp_path: Path) -> None:
    src, out, m = _one_done_one_failed(tmp_path, "empty_input", "b.txt: vide")
    m.close(complete=False)
    assert _check(out, src, "a.txt")
    assert not _check(out, src, "b.txt")  # failures are retried
    assert not _check(out, src, "a.txt", INFO | {"fingerprint": "fp2"})
    assert not _check(out, src, "a.txt", force=True)
    (out / "a.txt").unlink()
    assert not _check(out, src, "a.txt")


def test_state_survives_kill_and_is_rebuilt_from_manifest_json(tmp_path: Path) -> None:
    src, out, m = _one_done_one_failed(tmp_path, "binary_input", "b: binaire")
    m.db.close()  # as kill -9: no export, the exported manifest.json is behind
    assert json.loads((out / "manifest.json").read_text())["documents"] == {}
    entries = load_entries(out)
    assert set(entries) == {"a.txt", "b.txt"} and entries["a.txt"]["status"] == "ok"
    m2 = Manifest(out, INFO)
    assert m2.is_current("a.txt", src, "m")
    m2.close(complete=True)
    # the complete walk only saw a.txt (b.txt vanished from the archive): forgotten
    data = json.loads((out / "manifest.json").read_text())
    assert list(data["documents"]) == ["a.txt"] and data["fingerprint"] == "fp1"
    assert data["settings"] == {"reflow": True} and data["pressclean_version"] == "x"
    assert (out / "failures.jsonl").read_text() == ""
    (out / STATE).unlink()  # state lost: manifest.json is enough to resume
    assert _check(out, src, "a.txt")


def test_one_run_per_output_folder(tmp_path: Path) -> None:
    m = Manifest(tmp_path, INFO)
    with pytest.raises(PresscleanError, match="is another pressclean run writing"):
        Manifest(tmp_path, INFO)
    m.close(complete=False)
    Manifest(tmp_path, INFO).close(complete=False)


def test_failures_jsonl_written_from_failed_entries(tmp_path: Path) -> None:
    out = tmp_path / "out"
    m = Manifest(out, INFO)
    m.record("z.png", {"status": "failed", "error": "ocr_failed", "message": "z.png: crash"})
    m.record("b.txt", {"status": "failed", "error": "empty_input", "message": "b.txt: vide"})
    m.close(complete=False)
    lines = [json.loads(x) for x in (out / "failures.jsonl").read_text().splitlines()]
    assert lines == [{"path": "b.txt", "error": "empty_input", "message": "b.txt: vide"},
                     {"path": "z.png", "error": "ocr_failed", "message": "z.png: crash"}]


def test_run_info_fingerprint_tracks_settings_and_data_files(tmp_path: Path) -> None:
    model = tmp_path / "model.bin"
    model.write_bytes(b"v1")
    base = run_info(CleanOptions(model=model))
    assert base["resources"]["model"] == sha256_file(model)
    assert base["pressclean_version"] and "settings" in base
    assert run_info(CleanOptions(model=model))["fingerprint"] == base["fingerprint"]
    assert run_info(CleanOptions(model=model, reflow=False))["fingerprint"] != base["fingerprint"]
    model.write_bytes(b"v2")
    assert run_info(CleanOptions(model=model))["fingerprint"] != base["fingerprint"]
    assert meta_hash({"a": 1, "b": 2}) == meta_hash({"b": 2, "a": 1})

"""``pressclean run`` end to end, as a subprocess: kill -9 and resume, failures, reruns."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pressclean.manifest import load_entries

SRC = Path(__file__).resolve().parents[1] / "src"
SENTENCES = [
    "Le pôle des microtechniques de Besançon accueille de nouvelles entreprises.",
    "À Morteau, les horlogers préparent le salon de l'automne avec élégance.",
    "La vallée du Doubs garde une tradition industrielle très ancienne.",
    "Les élèves du lycée découvrent les métiers de la précision.",
]


def run_cli(*args: str | Path, check_code: int | None = None
            ) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-c", "from pressclean.cli import main; main()",
                           *map(str, args)], capture_output=True, text=True, env=_env(),
                          timeout=300)
    if check_code is not None:
        assert proc.returncode == check_code, proc.stderr
    return proc


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def article(i: int) -> str:
    lines = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(12)]
    return f"Article numéro {i}\n" + "\n".join(lines * 6) + "\n"


def make_mixed_archive(root: Path, n_good: int) -> dict[str, str]:
    """Good text documents in nested folders plus the bad ones; returns good rel paths
    mapped to the output stem each must get."""
    good: dict[str, str] = {}
    for i in range(n_good):
        rel = f"le-petit-comtois/1912/07/{i % 9 + 1:02d}/{i:03d}.txt"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(article(i), encoding="utf-8")
        good[rel] = rel[:-4]
    (root / "divers").mkdir()
    (root / "divers/latin1.txt").write_bytes(
        "Le café de la gare, très fréquenté, ferme à Noël.\n".encode("latin-1"))
    good["divers/latin1.txt"] = "divers/latin1"
    (root / "divers/vide.txt").write_bytes(b"")
    (root / "divers/abime.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x10truncated")
    (root / "divers/profond/plus").mkdir(parents=True)
    (root / "divers/profond/plus/binaire.txt").write_bytes(bytes(range(256)) * 4)
    (root / "divers/notes.md").write_text("pas un document d'archive\n", encoding="utf-8")
    (root / ".cache").mkdir()
    (root / ".cache/ignored.txt").write_text("caché\n", encoding="utf-8")
    return good


BAD = {"divers/vide.txt": "empty_input", "divers/profond/plus/binaire.txt": "binary_input",
       "divers/abime.png": None}


def _kill_when_started(cmd: list[str], log: Path, min_done: int) -> None:
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=_env())
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if log.read_text().count("cleaned: ") >= min_done:
                break
            assert proc.poll() is None, "the run ended before it could be killed"
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL


def test_kill9_then_rerun_finishes_without_redoing(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    good = make_mixed_archive(archive, n_good=300)
    cmd = [sys.executable, "-c", "from pressclean.cli import main; main()",
           "run", str(archive), "-o", str(out), "--jobs", "2", "--verbose"]
    _kill_when_started(cmd, tmp_path / "first.log", min_done=10)

    done_before = {p for p, e in load_entries(out).items() if e["status"] == "ok"}
    assert 0 < len(done_before) < len(good), "killed part-way: some done, not all"
    mtimes = {p: (out / f"{good[p]}.txt").stat().st_mtime_ns for p in done_before}

    second = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=300)
    assert second.returncode == 3, second.stderr  # PARTIAL: some documents failed

    # finished before the kill: skipped, outputs untouched
    for p in done_before:
        assert f"skipped (unchanged): {p}\n" in second.stderr
        assert (out / f"{good[p]}.txt").stat().st_mtime_ns == mtimes[p]
    cleaned_now = {ln.split(": ", 1)[1].split(" (")[0]
                   for ln in second.stderr.splitlines() if ln.startswith("cleaned: ")}
    assert cleaned_now == set(good) - done_before

    # every good document: exactly one non-empty clean text, plus its record
    texts = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert texts == sorted(f"{stem}.txt" for stem in good.values())
    for rel, stem in good.items():
        assert (out / f"{stem}.txt").read_text(encoding="utf-8").strip()
        rec = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
        assert rec["path"] == rel
    assert "Le café de la gare, très fréquenté, ferme à Noël." in (
        out / "divers/latin1.txt").read_text(encoding="utf-8")
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")], "half-written files"

    failures = [json.loads(ln) for ln in (out / "failures.jsonl").read_text().splitlines()]
    assert sorted(f["path"] for f in failures) == sorted(BAD)
    for f in failures:
        assert f["message"] and f["error"] == (BAD[f["path"]] or f["error"])
        assert f"failed ({f['error']}): " in second.stderr

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["documents"]) == set(good) | set(BAD)
    assert manifest["pressclean_version"] and "resources" in manifest


def test_record_meta_from_path_and_sidecar(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    (archive / "l-est-republicain/1925/03/14").mkdir(parents=True)
    (archive / "l-est-republicain/1925/03/14/p2.txt").write_text(article(1), encoding="utf-8")
    (archive / "vrac").mkdir()
    (archive / "vrac/feuille.txt").write_text(article(2), encoding="utf-8")
    (archive / "metadata.csv").write_text(
        "path,publication,date,page,fonds\nvrac/feuille.txt,Le Jura,1931-11-05,4,AD25\n",
        encoding="utf-8")
    run_cli("run", archive, "-o", out, "-j", "1", "-q", check_code=0)
    meta = json.loads((out / "l-est-republicain/1925/03/14/p2.json").read_text())["meta"]
    assert (meta["publication"], meta["date"], meta["page"]) == (
        "l-est-republicain", "1925-03-14", 2)
    rec = json.loads((out / "vrac/feuille.json").read_text())
    assert rec["meta"]["publication"] == "Le Jura"
    assert (rec["meta"]["date"], rec["meta"]["page"], rec["meta"]["fonds"]) == (
        "1931-11-05", 4, "AD25")
    assert rec["quality"]["words_after"] > 0 and 0 <= rec["quality"]["after"] <= 1
    assert rec["tags"]["title"] == "Article numéro 2"


def test_bad_sidecar_names_file_and_line(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(article(0), encoding="utf-8")
    (archive / "metadata.csv").write_text("path,date\na.txt,1931-13-45\n", encoding="utf-8")
    proc = run_cli("run", archive, "-o", tmp_path / "out", check_code=6)
    assert "metadata.csv:2: date '1931-13-45' is not YYYY-MM-DD" in proc.stderr


def test_same_stem_inputs_both_kept(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    (archive / "a.txt").write_text("première version\n", encoding="utf-8")
    (archive / "a.TXT").write_text("seconde version\n", encoding="utf-8")
    (archive / "manifest.txt").write_text("un document nommé manifest\n", encoding="utf-8")
    run_cli("run", archive, "-o", out, "-j", "1", "-q", check_code=0)
    assert (out / "a.txt.txt").read_text(encoding="utf-8") == "première version\n"
    assert (out / "a.TXT.txt").read_text(encoding="utf-8") == "seconde version\n"
    assert json.loads((out / "a.TXT.json").read_text())["path"] == "a.TXT"
    assert (out / "manifest.txt.txt").read_text(encoding="utf-8").startswith("un document")
    assert json.loads((out / "manifest.json").read_text())["schema"] == 1


def test_rerun_redoes_only_changed_and_force_redoes_all(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    for name in ("un", "deux", "trois"):
        (archive / f"{name}.txt").write_text(article(len(name)), encoding="utf-8")
    run_cli("run", archive, "-o", out, "-j", "2", "-q", check_code=0)
    (archive / "deux.txt").write_text("Texte changé.\n", encoding="utf-8")
    os.utime(archive / "un.txt")  # touched, same bytes: not redone
    proc = run_cli("run", archive, "-o", out, "-j", "2", "-v", check_code=0)
    assert "cleaned: deux.txt" in proc.stderr
    assert "skipped (unchanged): un.txt" in proc.stderr
    assert "skipped (unchanged): trois.txt" in proc.stderr
    assert (out / "deux.txt").read_text(encoding="utf-8") == "Texte changé.\n"
    assert "documents: 3 (1 cleaned, 2 unchanged, 0 failed)" in proc.stderr
    forced = run_cli("run", archive, "-o", out, "--force", "-v", check_code=0)
    assert forced.stderr.count("cleaned: ") == 3 and "skipped" not in forced.stderr


def test_settings_change_redoes_documents(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    (archive / "un.txt").write_text(article(1), encoding="utf-8")
    run_cli("run", archive, "-o", out, "-q", check_code=0)
    proc = run_cli("run", archive, "-o", out, "--keep-lines", "-v", check_code=0)
    assert "cleaned: un.txt" in proc.stderr
    settings = json.loads((out / "manifest.json").read_text())["settings"]
    assert settings["reflow"] is False


def test_all_failed_and_usage_errors(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "vide.txt").write_bytes(b"")
    proc = run_cli("run", archive, "-o", tmp_path / "out", check_code=4)
    assert "failed (empty_input): " in proc.stderr
    assert json.loads((tmp_path / "out/failures.jsonl").read_text())["path"] == "vide.txt"
    same = run_cli("run", archive, "-o", archive, check_code=2)
    assert "OUT must not be ARCHIVE" in same.stderr
    sched = run_cli("run", archive, "-o", tmp_path / "o2", "--scheduler", "tcp://x:1",
                    check_code=2)
    assert "--scheduler needs --engine dask" in sched.stderr


def test_bad_data_file_stops_the_run_with_its_code(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "un.txt").write_text(article(3), encoding="utf-8")
    bad = tmp_path / "decisions.json"
    bad.write_text("{pas du json")
    proc = run_cli("run", archive, "-o", tmp_path / "out", "--decisions", bad, check_code=6)
    assert f"pressclean: {bad}:1: not valid JSON" in proc.stderr
    assert not (tmp_path / "out/un.txt").exists()


def test_quiet_prints_nothing_and_summary_by_default(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "un.txt").write_text(article(3), encoding="utf-8")
    quiet = run_cli("run", archive, "-o", tmp_path / "q", "-q", check_code=0)
    assert quiet.stderr == "" and quiet.stdout == ""
    normal = run_cli("run", archive, "-o", tmp_path / "n", check_code=0)
    assert "pressclean run: 1 documents" in normal.stderr
    assert "documents: 1 (1 cleaned, 0 unchanged, 0 failed); pages: 1; words: " in normal.stderr


@pytest.mark.tesseract
def test_scan_in_archive_gets_text_and_alto(tmp_path: Path) -> None:
    """A PIL-made scan beside text files: OCRed, cleaned, with its ALTO."""
    from PIL import Image, ImageDraw, ImageFont

    archive, out = tmp_path / "archive", tmp_path / "out"
    (archive / "journal/1912/07/02").mkdir(parents=True)
    img = Image.new("L", (1400, 300), 255)
    serif = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    font = (ImageFont.truetype(str(serif), 48) if serif.exists()
            else ImageFont.load_default(size=48))
    ImageDraw.Draw(img).text((40, 100), "Le pôle de Besançon", fill=0, font=font)
    img.save(archive / "journal/1912/07/02/001.png", dpi=(300, 300))
    (archive / "journal/1912/07/02/002.txt").write_text(article(5), encoding="utf-8")
    run_cli("run", archive, "-o", out, "-j", "2", "-q", check_code=0)
    text = (out / "journal/1912/07/02/001.txt").read_text(encoding="utf-8")
    assert "Besan" in text  # OCR ran; its accuracy is the OCR stage's tests' business
    assert (out / "journal/1912/07/02/001.alto.xml").read_text(encoding="utf-8").strip()
    assert not (out / "journal/1912/07/02/002.alto.xml").exists()
    # the scan was cleaned with the model of the engine that read it, the text without
    models = {n: json.loads((out / f"journal/1912/07/02/{n}.json").read_text(
        encoding="utf-8"))["meta"]["model"] for n in ("001", "002")}
    assert models == {"001": "<package>/data/model-tesseract-fr.json.gz",
                      "002": "<package>/data/model-press-fr.json.gz"}

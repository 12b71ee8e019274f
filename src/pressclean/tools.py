"""Every outside program pressclean runs is checked here, in one place.

Each function finds its tool, checks what pressclean needs from it (a binary, its
language data, a Python binding) and raises :class:`MissingDependencyError` with the
exact command that installs it, so a user never meets a bare ``FileNotFoundError``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from types import ModuleType

from pressclean.exceptions import MissingDependencyError

TESSERACT_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-fra"
PDFIUM_INSTALL = "pip install 'pypdfium2>=4'"


def tesseract(lang: str = "fra") -> str:
    """Path of the ``tesseract`` binary, checked to have ``lang`` data installed.

    ``OMP_THREAD_LIMIT=1`` is set (unless the user set it) because pressclean runs
    pages in parallel itself: Tesseract's own OpenMP threads would fight over the cores.
    """
    exe = shutil.which("tesseract")
    if exe is None:
        raise MissingDependencyError(
            f"Tesseract is not installed (no 'tesseract' on PATH); install it with: "
            f"{TESSERACT_INSTALL}")
    langs = _languages(exe)
    if lang not in langs:
        have = ", ".join(sorted(langs)) or "none"
        raise MissingDependencyError(
            f"Tesseract has no {lang!r} language data (installed: {have}); install it with: "
            f"{TESSERACT_INSTALL}")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return exe


@lru_cache(maxsize=8)
def _languages(exe: str) -> frozenset[str]:
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                             timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MissingDependencyError(
            f"Tesseract at {exe} does not run ({exc}); reinstall it with: "
            f"{TESSERACT_INSTALL}") from exc
    lines = (out.stdout + out.stderr).splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and " " not in ln.strip())


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Tesseract's version line, recorded with every OCR'd document."""
    import pytesseract

    pytesseract.pytesseract.tesseract_cmd = tesseract()
    return str(pytesseract.get_tesseract_version())


def pdfium() -> ModuleType:
    """The pypdfium2 module (renders PDF pages and reads their text layer)."""
    try:
        import pypdfium2
    except ImportError as exc:
        raise MissingDependencyError(
            f"reading PDF needs pypdfium2; install it with: {PDFIUM_INSTALL}") from exc
    return pypdfium2

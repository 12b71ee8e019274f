"""Headless Chromium for the review page tests: no network, a throwaway profile.

Skips (with the reason shown by ``-ra``) only when no Chromium binary can be found;
``make test`` installs Debian's ``chromium`` (Makefile APT_PACKAGES).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-extensions", "--disable-default-apps", "--mute-audio",
          "--window-size=1400,1000")


def chromium() -> str:
    found = next((p for p in map(shutil.which, _NAMES) if p), None)
    if found is None:
        pytest.skip("chromium not found: install it with `apt-get install chromium` "
                    "(the Makefile's APT_PACKAGES does)")
    return found


def _run(args: list[str], profile: Path) -> str:
    cmd = [chromium(), *_FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(page: Path, fragment: str, profile: Path) -> str:
    """The DOM after the page's script ran, for ``page#fragment``."""
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    return _run(["--dump-dom", url], profile)


def screenshot(page: Path, fragment: str, dest: Path, profile: Path) -> None:
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    _run([f"--screenshot={dest}", url], profile)

"""Harm on clean modern French prose that is no press and mixes in English: the prose
paragraphs of Debian's French FAQ and reference, cleaned as text, every change listed.

Run: ``.venv/bin/python bench/bench_prose.py [--ocr-engine tesseract] [--cache DIR]``.
Fetches ``debian-faq-fr`` and ``debian-reference-fr`` with ``apt-get download`` (Debian's
package registry; once, into ``--cache``, default ``/tmp/pressclean-prose``), takes from
their plain-text editions the paragraphs that are prose (25 words or more, nearly all
words of letters, ending a sentence; no command lines), and counts what cleaning them
changes. The text is typed, not read from paper: every change is a harm, or an error
of the source. The reference keeps some paragraphs in English, which the French
lexicon would "correct" ("these" → "thèse") but for ``pressclean.foreign``.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import tempfile
from pathlib import Path

import regex

from pressclean.pipeline import Cleaner, CleanOptions

PACKAGES = {"debian-faq-fr": "usr/share/doc/debian/FAQ/debian-faq.fr.txt.gz",
            "debian-reference-fr": "usr/share/debian-reference/debian-reference.fr.txt.gz"}
_WORD = regex.compile(r"\S+")
_LETTERS = regex.compile(r"^[\p{L}'’\-]+[,.;:!?»)]*$|^[«(][\p{L}'’\-]+$")


def fetch(cache: Path) -> dict[str, str]:
    """The plain-text edition of each package, downloaded and unpacked once."""
    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    for package, member in PACKAGES.items():
        text_file = cache / f"{package}.txt"
        if not text_file.exists():
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(["apt-get", "download", package], cwd=tmp, check=True,
                               capture_output=True)
                deb = next(Path(tmp).glob(f"{package}_*.deb"))
                subprocess.run(["dpkg-deb", "-x", str(deb), tmp + "/x"], check=True)
                text_file.write_bytes(gzip.decompress((Path(tmp) / "x" / member).read_bytes()))
        out[package] = text_file.read_text(encoding="utf-8")
    return out


def prose(text: str) -> list[str]:
    """Paragraphs of running text: 25 words or more, 90 % of them letters, ending a
    sentence, no shell prompt or path."""
    out = []
    for block in regex.split(r"\n\s*\n", text):
        words = _WORD.findall(block)
        if len(words) < 25 or not block.rstrip().endswith((".", "!", "?", "»")):
            continue
        if sum(bool(_LETTERS.match(w)) for w in words) < 0.9 * len(words):
            continue
        if regex.search(r"^\s*[$#] |/usr/|/etc/", block, flags=regex.M):
            continue
        out.append(" ".join(words))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/pressclean-prose"))
    ap.add_argument("--ocr-engine", default=None, choices=("tesseract",))
    args = ap.parse_args()
    cleaner = Cleaner(CleanOptions(engine=args.ocr_engine))
    cleaner.preload()
    for package, text in fetch(args.cache).items():
        paragraphs = prose(text)
        words = sum(len(p.split()) for p in paragraphs)
        changes = []
        for par in paragraphs:
            for c in cleaner.clean_text(par).corrections:
                if c.stage != "layout":
                    left = par[max(0, c.in_start - 30):c.in_start]
                    changes.append(f"  {c.before!r} → {c.after!r} ({c.rule}) | …{left}"
                                   f"[{c.before}]{par[c.in_end:c.in_end + 25]}…")
        print(f"{package}: {len(paragraphs)} prose paragraphs, {words} words, "
              f"{len(changes)} changed ({len(changes) / max(1, words):.2%})")
        print("\n".join(changes))


if __name__ == "__main__":
    main()

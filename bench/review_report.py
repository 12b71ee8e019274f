"""How long `pressclean review` takes on a large run, and how big the page gets.

Builds a synthetic run (documents of invented OCR text with one correction every few
words, recorded through EditLog like the real stages), then times loading it, rendering
the page and, when Chromium is installed, opening it headless until its script is done.

    python bench/review_report.py [--docs 200] [--per-doc 50]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from pressclean import record
from pressclean.document import Document
from pressclean.offsets import Edit, EditLog
from pressclean.review import load_run
from pressclean.review_html import write_review
from pressclean.textio import write_atomic

_LINE = "[e pôle des microtechniques ators créé à Besançon, nous somrnes fiers de"


def _document(n: int, per_doc: int) -> Document:
    text = "\n".join(f"{_LINE} {n}-{k}" for k in range(per_doc // 3 + 1)) + "\n"
    log = EditLog(text)
    log.apply([Edit(m.start(), m.end(), " ", "layout", "reflow")
               for m in re.finditer(r"\n(?=.)", text)])
    log.apply([Edit(m.start(), m.end(), r, "rules", f"glyph:{m.group()}", 0.9)
               for m in re.finditer(r"\[e|ators|somrnes", log.text)
               for r in [{"[e": "le", "ators": "alors", "somrnes": "sommes"}[m.group()]]])
    return Document(path=f"d{n}.txt", source_text=text, clean_text=log.text,
                    corrections=log.corrections()[:per_doc])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--per-doc", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = Path(tmp) / "run"
        n_corr = 0
        for n in range(args.docs):
            doc = _document(n, args.per_doc)
            n_corr += len(doc.corrections)
            write_atomic(run / f"d{n:05}.json",
                         json.dumps(record.document_record(doc, doc.path), ensure_ascii=False))
        t0 = time.perf_counter()
        contents = load_run(run)
        t1 = time.perf_counter()
        page = Path(tmp) / "review.html"
        write_review(contents, page)
        t2 = time.perf_counter()
        print(f"{args.docs} documents, {n_corr} corrections")
        print(f"load run:    {t1 - t0:6.2f} s")
        print(f"render page: {t2 - t1:6.2f} s  ({page.stat().st_size / 1e6:.1f} MB)")
        browser = shutil.which("chromium")
        if browser:
            t3 = time.perf_counter()
            out = subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 f"--user-data-dir={Path(tmp) / 'profile'}", "--dump-dom", page.as_uri()],
                capture_output=True, text=True, check=True, timeout=600).stdout
            ready = 'data-ready="true"' in out
            print(f"chromium open + script + DOM dump: {time.perf_counter() - t3:6.2f} s "
                  f"(script finished: {ready})")


if __name__ == "__main__":
    main()

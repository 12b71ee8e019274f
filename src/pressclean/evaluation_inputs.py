"""Building evaluation items: reading truth/OCR files or TSV rows and cleaning them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pressclean.evaluate import Item, match_files
from pressclean.learn import read_pairs
from pressclean.offsets import EditLog
from pressclean.pipeline import Cleaner, CleanOptions
from pressclean.textio import read_text


def tsv_items(path: Path, model: Path | None, clean: bool, limit: int = 0,
              engine: str | None = None) -> Iterator[Item]:
    """One item per TSV row; the OCR (``input``) is cleaned unless ``clean`` is False
    (with the packaged model for ``engine`` when ``model`` is None)."""
    cleaner = Cleaner(CleanOptions(model=model, engine=engine)) if clean else None
    rows = list(read_pairs(path))[:limit or None]
    if cleaner is not None:
        cleaner.preload()
        cleaner.count_archive(ocr for ocr, _ in rows)  # the rows are one archive
    for n, (ocr, gt) in enumerate(rows):
        hyp = cleaner.clean_text(ocr, path=f"row {n}").clean_text if cleaner else ocr
        yield Item(f"row {n}", gt, hyp, ocr)


def file_items(gt: Path, hyp: Path | None, ocr: Path | None, model: Path | None,
               clean: bool, normalise_layout: bool, engine: str | None = None) -> list[Item]:
    """Items from files or folders; with no ``hyp`` the OCR files are cleaned now.

    Unless ``normalise_layout`` is off, both sides go through the same layout stage
    (line-end hyphens rejoined, lines reflowed) so that a ground truth transcribed line
    for line is compared with reflowed output on its words, not its line breaks.
    """
    cleaner = Cleaner(CleanOptions(model=model, engine=engine))
    items = match_files(gt, hyp or ocr or gt, ocr, lambda p: read_text(p)[0])
    if hyp is None and clean:
        cleaner.count_archive(item.ocr for item in items if item.ocr is not None)
    out = []
    for item in items:
        hyp_text = item.hyp
        if hyp is None and item.ocr is not None and clean:
            hyp_text = cleaner.clean_text(item.ocr, path=item.name).clean_text
        if normalise_layout:
            item = Item(item.name, _reflow(cleaner, item.gt), _reflow(cleaner, hyp_text),
                        _reflow(cleaner, item.ocr) if item.ocr is not None else None)
        else:
            item = Item(item.name, item.gt, hyp_text, item.ocr)
        out.append(item)
    return out


def _reflow(cleaner: Cleaner, text: str) -> str:
    from pressclean.layout import layout_edits

    log = EditLog(text)
    return log.apply(layout_edits(text, cleaner.resources.lexicon, reflow=True))


def run_items(gt: Path, run_dir: Path, normalise_layout: bool) -> list[Item]:
    """Items from a ``pressclean run`` output: each record's OCR text (``source_text``)
    and clean text against the ground truth of the same relative name in ``gt``."""
    import json

    from pressclean.evaluate import text_files

    truths = text_files(gt, truth=True) if gt.is_dir() else {gt.stem: gt}
    cleaner = Cleaner() if normalise_layout else None
    out = []
    for rec_path in sorted(run_dir.rglob("*.json")):
        if rec_path.name == "manifest.json":
            continue
        try:
            rec = json.loads(rec_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(rec, dict) or "source_text" not in rec:
            continue
        key = str(Path(rec["path"]).with_suffix("").as_posix())
        truth = truths.get(key)
        if truth is None:
            continue
        gt_text = read_text(truth)[0]
        ocr, hyp = rec["source_text"], rec["clean_text"]
        if cleaner is not None:
            gt_text, ocr, hyp = (_reflow(cleaner, t) for t in (gt_text, ocr, hyp))
        out.append(Item(key, gt_text, hyp, ocr))
    return out

"""The review page in a real browser (headless Chromium): it renders, its filters work,
and nothing from a document runs."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

from pressclean.decisions import Decisions
from pressclean.review import load_run
from pressclean.review_html import write_review

from . import review_helpers as rh
from .review_browser import dump_dom

pytestmark = pytest.mark.browser
fake_stages = rh.fake_stages


class Dom(HTMLParser):
    """What the tests look at in a dumped DOM."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict[str, str]] = []
        self.tags: list[str] = []
        self.attrs_seen: set[str] = set()
        self.body: dict[str, str] = {}
        self.text: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self.attrs_seen.update(a)
        if tag == "body":
            self.body = a
        if tag == "tr" and "corr-row" in a.get("class", "").split():
            self.rows.append(a)
        self._open.append((tag, a.get("id")))
        if a.get("id"):
            self.text.setdefault(a["id"], "")

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self._open:
            if ident:
                self.text[ident] += data


def _page(tmp_path: Path, docs: dict[str, str], decisions: Decisions | None = None) -> Path:
    rh.write_run(tmp_path / "run", docs)
    page = tmp_path / "review.html"
    write_review(load_run(tmp_path / "run"), page, decisions)
    return page


def _open(html: Path, tmp_path: Path, **fragment: str) -> Dom:
    dom = Dom(dump_dom(html, urlencode(fragment), tmp_path / "profile"))
    assert dom.body.get("data-ready") == "true", "the page's script did not finish"
    return dom


def test_hostile_text_shows_as_text_and_nothing_runs(fake_stages: None, tmp_path: Path) -> None:
    page = _page(tmp_path, {"a.txt": rh.SAMPLE, "hostile.txt": rh.HOSTILE})
    dom = _open(page, tmp_path, view="1")
    source = dom.text["pane-source"].replace("⏎\n", "\n")
    assert "Titre <script>alert(1)</script> du [e jour" in source
    assert "<img src=x onerror=alert(1)> et" in source
    assert "<script>alert(1)</script>" in dom.text["pane-clean"]
    assert dom.text["view-title"] == "hostile.txt"
    assert "img" not in dom.tags
    assert dom.tags.count("script") == 2  # the page's data block and its own script
    assert "data-pwned" not in dom.attrs_seen and "onerror" not in dom.attrs_seen


def test_the_page_renders_every_correction_with_its_rule(fake_stages: None,
                                                         tmp_path: Path) -> None:
    page = _page(tmp_path, {"a.txt": rh.SAMPLE, "b.txt": rh.HOSTILE})
    dom = _open(page, tmp_path)
    assert dom.text["corr-count"] == "16 of 16 corrections match"
    assert len(dom.rows) == 16
    assert {r["data-rule"] for r in dom.rows} >= {"glyph:[e", "spell:lexicon", "reflow"}


@pytest.mark.parametrize(("fragment", "expected"), [
    ({"rule": "glyph:[e"}, {("a.txt", "glyph:[e"): 2, ("b.txt", "glyph:[e"): 1}),
    ({"stage": "spell"}, {("a.txt", "spell:lexicon"): 2}),
    ({"doc": "b.txt", "rule": "glyph:ators"}, {("b.txt", "glyph:ators"): 1}),
    ({"min": "0.9", "max": "0.9", "doc": "a.txt"},
     {("a.txt", "glyph:[e"): 2, ("a.txt", "glyph:ators"): 1, ("a.txt", "glyph:rn"): 1,
      ("a.txt", "glyph:guillemets"): 2}),
    ({"min": "0.615", "max": "0.95", "doc": "a.txt"},
     {("a.txt", "glyph:[e"): 2, ("a.txt", "glyph:ators"): 1, ("a.txt", "glyph:rn"): 1,
      ("a.txt", "glyph:guillemets"): 2, ("a.txt", "spell:lexicon"): 1}),
    ({"q": "entrc"}, {("a.txt", "spell:lexicon"): 1}),
])
def test_filters_in_the_url_apply_on_load(fake_stages: None, tmp_path: Path,
                                          fragment: dict[str, str],
                                          expected: dict[tuple[str, str], int]) -> None:
    page = _page(tmp_path, {"a.txt": rh.SAMPLE, "b.txt": rh.HOSTILE})
    dom = _open(page, tmp_path, **fragment)
    seen: dict[tuple[str, str], int] = {}
    for row in dom.rows:
        seen[(row["data-doc"], row["data-rule"])] = seen.get(
            (row["data-doc"], row["data-rule"]), 0) + 1
    assert seen == expected
    assert dom.text["corr-count"] == f"{sum(expected.values())} of 16 corrections match"


def test_decisions_from_a_file_show_and_filter(fake_stages: None, tmp_path: Path) -> None:
    first = rh.make_cleaner().clean_text(rh.SAMPLE, path="a.txt")
    [ators] = [c for c in first.corrections if c.rule == "glyph:ators"]
    from pressclean.decisions import CorrectionDecision

    dec = Decisions(rejected_rules={"glyph:guillemets"}, corrections=[CorrectionDecision(
        "a.txt", ators.in_start, ators.in_end, ators.before, "reject", ators.after, ators.rule)])
    page = _page(tmp_path, {"a.txt": rh.SAMPLE}, dec)
    dom = _open(page, tmp_path, decision="reject")
    assert sorted((r["data-rule"], r["data-status"]) for r in dom.rows) == [
        ("glyph:ators", "reject"), ("glyph:guillemets", "rule"), ("glyph:guillemets", "rule")]
    assert dom.text["dec-count"] == "1 correction decision, 1 rule rejected"
    assert len(_open(page, tmp_path, decision="undecided").rows) == 12 - 3


@pytest.mark.slow
def test_thousands_of_corrections_are_paginated(fake_stages: None, tmp_path: Path) -> None:
    docs = {f"p{n}.txt": "[e mot ators " * 1000 + "\n" for n in range(3)}
    page = _page(tmp_path, docs)
    dom = _open(page, tmp_path, page="2")
    assert dom.text["corr-count"] == "6000 of 6000 corrections match"
    assert [int(r["data-cid"]) for r in dom.rows] == list(range(100, 200))
    assert "page 2 of 60" in dom.text["corr-pager"]
    last = _open(page, tmp_path, rule="glyph:ators", doc="p2.txt", page="10")
    assert [int(r["data-cid"]) for r in last.rows] == list(range(4001, 6000, 2))[900:]


def test_what_decisions_overruled_is_listed(fake_stages: None, tmp_path: Path) -> None:
    rh.write_run(tmp_path / "run", {"a.txt": rh.SAMPLE},
                 decisions=Decisions(rejected_rules={"glyph:[e", "glyph:rn"}))
    page = tmp_path / "review.html"
    write_review(load_run(tmp_path / "run"), page)
    dom = _open(page, tmp_path)
    assert dom.text["over-count"] == "3 changes were refused"
    body = dom.text["over-body"]
    assert body.count("rule rejected") == 3
    assert body.count("glyph:[e") == 2 and body.count("glyph:rn") == 1
    assert dom.text["corr-count"] == "9 of 9 corrections match"

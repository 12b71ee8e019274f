"""A reviewer's session in headless Chromium, driven by Selenium: filter with the form,
reject a correction and a rule with the buttons, download the decisions, and check a
new cleaning honours exactly those."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pressclean.decisions import load_decisions
from pressclean.review import load_run
from pressclean.review_html import write_review

from . import review_helpers as rh
from .review_browser import chromium

pytestmark = pytest.mark.browser
fake_stages = rh.fake_stages
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed "
                                "(pip install -e '.[dev]')")

_DOWNLOAD_HOOK = """
window.__saved = [];
URL.createObjectURL = function (blob) { window.__saved.push(blob); return 'about:blank'; };
HTMLAnchorElement.prototype.click = function () { window.__savedName = this.download; };
"""
_READ_SAVED = "var done = arguments[0]; window.__saved.pop().text().then(done);"


@pytest.fixture
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    from selenium.webdriver.chrome.service import Service

    binary = chromium()
    driver_path = shutil.which("chromedriver")
    if driver_path is None:
        pytest.skip("chromedriver not found: install it with `apt-get install "
                    "chromium-driver` (the Makefile's APT_PACKAGES does)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def _rows(driver) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(r.get_attribute("data-doc"), r.get_attribute("data-rule"))
            for r in driver.find_elements("css selector", "tr.corr-row")]


def test_a_review_session_ends_in_a_decisions_file_the_next_run_honours(
        fake_stages: None, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import Select, WebDriverWait

    first = {k: rh.make_cleaner().clean_text(t, path=k)
             for k, t in (("a.txt", rh.SAMPLE), ("b.txt", rh.HOSTILE))}
    rh.write_run(tmp_path / "run", {"a.txt": rh.SAMPLE, "b.txt": rh.HOSTILE})
    page = tmp_path / "review.html"
    write_review(load_run(tmp_path / "run"), page)
    browser.get(page.as_uri())
    assert browser.find_element("css selector", "body").get_attribute("data-ready") == "true"
    assert len(_rows(browser)) == 16

    # the form filters, and the filter lands in the URL (shareable)
    Select(browser.find_element("name", "rule")).select_by_value("glyph:ators")
    assert _rows(browser) == [("a.txt", "glyph:ators"), ("b.txt", "glyph:ators")]
    assert "rule=glyph%3Aators" in browser.execute_script("return location.hash")
    browser.find_element("id", "clear-filters").click()
    assert len(_rows(browser)) == 16
    # a rule's name in the rules table filters on it
    browser.find_element("link text", "glyph:[e").click()
    WebDriverWait(browser, 20).until(  # hashchange is delivered as a task of its own
        lambda d: d.find_element("id", "corr-count").text.startswith("3 of"))
    assert _rows(browser) == [("a.txt", "glyph:[e")] * 2 + [("b.txt", "glyph:[e")]
    browser.find_element("id", "clear-filters").click()

    # reject one correction, found by its text
    browser.find_element("name", "q").send_keys("entrc")
    [row] = browser.find_elements("css selector", "tr.corr-row")
    row.find_element("css selector", "button.reject").click()
    browser.find_element("id", "clear-filters").click()
    # reject a whole rule from the rules table
    browser.find_element("css selector", '.reject-rule[data-rule="glyph:rn"]').click()
    assert browser.find_element("id", "dec-count").text == \
        "1 correction decision, 1 rule rejected"

    # the side-by-side view opens on the document of a correction
    view = browser.find_elements("css selector", 'tr.corr-row[data-doc="b.txt"] button')[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", view)
    view.click()
    assert browser.find_element("id", "view-section").is_displayed()
    assert "<script>alert(1)</script>" in browser.find_element("id", "pane-source").text

    saved = {}
    for button, name in (("dl-csv", "decisions.csv"), ("dl-json", "decisions.json")):
        browser.execute_script(_DOWNLOAD_HOOK)
        browser.find_element("id", button).click()
        assert browser.execute_script("return window.__savedName") == name
        (tmp_path / name).write_text(browser.execute_async_script(_READ_SAVED),
                                     encoding="utf-8")
        saved[name] = load_decisions(tmp_path / name)
    assert saved["decisions.csv"] == saved["decisions.json"]

    dec = saved["decisions.csv"]
    again = {k: rh.make_cleaner(dec).clean_text(t, path=k)
             for k, t in (("a.txt", rh.SAMPLE), ("b.txt", rh.HOSTILE))}
    assert again["a.txt"].clean_text == rh.SAMPLE_CLEAN.replace("entreprises", "entrcprises") \
        .replace("sommes", "somrnes")
    assert {rh.key(c) for c in first["a.txt"].corrections} - \
        {rh.key(c) for c in again["a.txt"].corrections} == {
            rh.key(c) for c in first["a.txt"].corrections
            if c.before in ("entrcprises", "rn")}
    assert again["b.txt"].clean_text == first["b.txt"].clean_text

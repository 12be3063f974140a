"""The HTML report: every section present, article text escaped, and (in real headless Chromium)
citations reveal their sentence while nothing from article text runs."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storydesk.render.html import marked_paragraphs, render_html, safe_url
from tests.digest_factory import HOSTILE, hostile_digest

SECTIONS = ("summary", "conflicts", "facts", "quotes", "timeline", "entities", "sources", "reuse", "texts")


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def report() -> str:
    return render_html(hostile_digest())


def test_render_html_has_every_section(report):
    for section in SECTIONS:
        assert f'id="{section}"' in report, section
    assert "Where the sources disagree" in report and "discrepancy" in report
    assert "<svg" in report and "shares 100% of its text" in report


def test_render_html_escapes_article_text(report):
    parser = TagCollector()
    parser.feed(report)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags
    assert not any(k.startswith("on") for _, attrs in parser.tags for k in attrs)
    assert "&lt;script&gt;" in report
    assert "&amp;amp; Fish &amp;lt;3" in report, "entities in text must show as written"
    assert 'href="javascript:' not in report
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in report


def test_render_html_is_self_contained(report):
    assert not re.search(r'(src|href)="(https?:)?//', report.replace('href="https://wire.example/fire"', ""))
    assert "default-src 'none'" in report
    assert "@media (prefers-color-scheme: dark)" in report and "@media print" in report


def test_render_html_safe_url_and_marked_paragraphs():
    assert safe_url("https://x.example/a") == "https://x.example/a"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    text = "one two\n\nthree four"
    assert marked_paragraphs(text, [(4, 7), (9, 14), (0, 2)]) == [
        [("on", True), ("e ", False), ("two", True)],
        [("three", True), (" four", False)],
    ]


def _chromium_driver(tmp_path: Path):
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("Debian chromium/chromium-driver not installed (make test installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,2000", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = _chromium_driver(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def test_render_html_in_chromium_citation_reveals_sentence_and_no_script_runs(browser, tmp_path, report):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    page.write_text(report, encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.title.startswith("Fire at Port Calder"), "a script from article text changed the title"
    assert browser.execute_script("return document.querySelectorAll('script').length") == 0
    assert browser.execute_script("return document.querySelectorAll('[onerror]').length") == 0
    for section in SECTIONS:
        assert browser.find_element(By.ID, section).is_displayed() or section == "texts"

    cite = browser.find_element(By.CSS_SELECTOR, "#summary .cite")
    tip = cite.find_element(By.CSS_SELECTOR, ".tip")
    assert not tip.is_displayed()
    ActionChains(browser).move_to_element(cite).perform()
    assert tip.is_displayed()
    assert "A fire swept through two warehouses" in tip.text
    ActionChains(browser).move_by_offset(0, 600).perform()
    # Keyboard: focusing the marker shows the sentence too.
    browser.execute_script("arguments[0].focus()", cite)
    assert tip.is_displayed()

    hostile_text = browser.find_element(By.CSS_SELECTOR, "#summary .summary p:nth-of-type(2)").text
    assert HOSTILE in hostile_text, "hostile text must show as written"
    browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_render_html_example_report_in_chromium(browser, tmp_path, example_digest):
    from selenium.webdriver.common.by import By

    page = tmp_path / "example.html"
    page.write_text(render_html(example_digest), encoding="utf-8")
    browser.set_window_size(390, 1800)  # a phone
    browser.get(page.as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == example_digest.story.headline
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 400, f"page scrolls sideways on a phone ({width}px)"
    browser.save_screenshot(str(tmp_path / "example-phone.png"))
    browser.set_window_size(1280, 2000)

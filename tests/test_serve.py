"""`storydesk serve` end to end: a real server process on loopback over a real store, real HTTP, real
headless Chromium. Front page, search, a story page, a citation revealing its sentence, a phone's
width, the keyboard; hostile article text stays inert; the API matches the digest schema; bad
requests get 4xx and never a traceback; a run writing to the store does not stop the server."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from storydesk.runners.update import update_store
from storydesk.store import StoryStore
from tests.conftest import ROOT, validate
from tests.digest_factory import HOSTILE
from tests.test_cluster import BUDGET, DRILL
from tests.test_render_html import _chromium_driver
from tests.test_store import write_jsonl

pytestmark = pytest.mark.slow
HOSTILE_SOURCE = "Evil <b>Outlet</b>"


def hostile_harbor_fire(path: Path) -> Path:
    """The bundled example's five articles, one of them carrying script, markup and a javascript: link."""
    records = [json.loads(line) for line in (ROOT / "examples" / "harbor-fire.jsonl").read_text().splitlines()]
    for record in records:
        if record["id"] == "independent-report":
            record["title"] += f" {HOSTILE}"
            record["source"] = HOSTILE_SOURCE
            record["url"] = "javascript:alert(1)"
            record["text"] += f"\n\nLocal view: {HOSTILE} &amp; Fish &lt;3 chips, a reader wrote to the newspaper."
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, store: Path, log: Path):
        self.port = free_port()
        self.log = log
        self._log_handle = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "storydesk", "serve", "--store", str(store), "--port", str(self.port)],
            stdout=self._log_handle, stderr=subprocess.STDOUT, cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/api/stories")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not start: {log.read_text()}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, method: str = "GET") -> tuple[int, dict, str]:
        """One request with the path sent exactly as given (no client-side normalising)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8")
        finally:
            connection.close()

    def json(self, path: str):
        status, headers, body = self.get(path)
        assert status == 200 and headers["content-type"].startswith("application/json"), (path, status, body[:200])
        return json.loads(body)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self._log_handle.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    store_path = folder / "news.db"
    update_store([hostile_harbor_fire(folder / "fire.jsonl"), write_jsonl(folder / "budget.jsonl", BUDGET)], store_path)
    return store_path


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    live = LiveServer(store, tmp_path_factory.mktemp("log") / "server.log")
    yield live
    live.stop()
    assert "Traceback" not in live.log.read_text(), live.log.read_text()


@pytest.fixture(scope="module")
def stories(store) -> dict[str, str]:
    """headline -> story id of the digested stories."""
    with StoryStore(store) as opened:
        return {c.headline: c.id for c in opened.find_stories() if c.has_digest}


@pytest.fixture(scope="module")
def fire_id(stories) -> str:
    return next(i for h, i in stories.items() if "warehouses" in h.lower())


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = _chromium_driver(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


# -- HTTP and the API ---------------------------------------------------------------------------------


def test_serve_api_matches_the_digest_schema_and_the_stored_digest(server, store, stories, fire_id, schema):
    listed = server.json("/api/stories")
    assert {s["id"] for s in listed["stories"]} == set(stories.values())
    fire = next(s for s in listed["stories"] if s["id"] == fire_id)
    assert fire["articles"] == 5 and fire["independent_sources"] == 3 and fire["conflicts"] >= 1 and fire["lead"]
    for story_id in stories.values():
        digest = server.json(f"/api/stories/{quote(story_id)}")
        validate(digest, schema)
        with StoryStore(store) as opened:
            assert digest == opened.digest_dict(story_id)
    found = server.json("/api/search?q=night+watchman")
    assert [s["id"] for s in found["stories"]] == [fire_id] and "watchman" in found["stories"][0]["snippet"].lower()
    assert server.json("/api/search?q=watchman&since=2030-01-01")["stories"] == []
    assert server.json("/api/stories?limit=1")["stories"][0]["id"] in stories.values()
    spec = server.json("/openapi.json")
    assert {"/api/stories", "/api/stories/{story_id}", "/api/search"} <= set(spec["paths"])
    assert spec["components"]["schemas"]["Digest"]["required"] == schema["required"]
    refs = re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(spec))
    assert refs and all(name in spec["components"]["schemas"] for name in refs)
    status, _, page = server.get("/api")
    assert status == 200 and "/api/search" in page


@pytest.mark.parametrize("path, status", [
    ("/story/no-such-story", 404),
    ("/api/stories/no-such-story", 404),
    ("/story/..%2F..%2Fetc%2Fpasswd", 404),
    ("/story/../../etc/passwd", 404),
    ("/static/..%2F..%2F..%2Fpyproject.toml", 404),
    ("/static/../app.py", 404),
    ("/api/stories/%00", 404),
    ("/story/%ff%fe", 404),
    ("/search?q=" + "a" * 5000, 414),
    ("/" + "x" * 3000, 414),
    ("/search?since=yesterday", 400),
    ("/api/search?q=%22%22", 400),
    ("/api/search", 400),
    ("/api/stories?limit=0", 400),
    ("/api/stories?limit=99999999999999999999", 400),
    ("/?page=-1", 400),
    ("/?page=%00", 400),
    ("/docs", 404),
])
def test_serve_bad_requests_get_4xx_without_traceback(server, path, status):
    got, headers, body = server.get(path)
    assert got == status, (path, got, body[:300])
    assert "Traceback" not in body and "File \"" not in body
    assert headers["content-security-policy"].startswith("default-src 'none'")
    if path.startswith("/api/") and got != 414:
        assert "error" in json.loads(body)


def test_serve_hostile_text_in_a_search_snippet_stays_text(server):
    status, _, page = server.get("/search?q=pwned")
    assert status == 200 and '<mark>pwned</mark>' in page
    assert "<script" not in page and "&lt;script&gt;" in page and "<img" not in page
    found = server.json("/api/search?q=pwned")["stories"][0]
    assert "<script>" in found["snippet"]  # JSON carries the text as written; only HTML escapes it


def test_serve_post_is_refused_and_pages_carry_the_strict_policy(server):
    assert server.get("/", method="POST")[0] == 405
    status, headers, body = server.get("/")
    assert status == 200 and "script-src" not in headers["content-security-policy"]  # default-src 'none' covers it
    assert "<script" not in body and 'href="http' not in body and 'src="http' not in body


# -- in a real browser ---------------------------------------------------------------------------------


def test_serve_in_chromium_front_search_story_citation_keyboard_phone(server, browser, fire_id, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(1280, 1400)
    browser.get(server.url + "/")
    headlines = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".story h3 a")]
    assert len(headlines) == 2
    assert browser.find_element(By.CSS_SELECTOR, ".story.disputed .flag").text.startswith("sources disagree")

    # search with the keyboard: type into the box, press Enter
    box = browser.find_element(By.ID, "q")
    box.send_keys("night watchman", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "/search" in b.current_url)
    results = browser.find_elements(By.CSS_SELECTOR, ".story h3 a")
    marked = {m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, ".snippet mark")}
    assert len(results) == 1 and marked == {"night", "watchman"}
    results[0].click()
    WebDriverWait(browser, 10).until(lambda b: "/story/" in b.current_url)
    assert browser.current_url.endswith("/story/" + quote(fire_id))

    # hostile text is shown as text and nothing from it runs
    assert "pwned" not in browser.title
    assert browser.execute_script("return document.querySelectorAll('script, [onerror], iframe, object').length") == 0
    assert HOSTILE in browser.execute_script("return document.getElementById('texts').textContent")
    assert HOSTILE_SOURCE in browser.find_element(By.ID, "sources").text
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    # nothing is loaded from anywhere but this server
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(u.startswith(server.url + "/") for u in loaded), loaded
    assert browser.execute_script(
        "return getComputedStyle(document.querySelector('.cite .tip')).display") == "none", "the site CSS did not load"

    # a citation reveals its evidence on hover, and on keyboard focus (Tab)
    cite = browser.find_element(By.CSS_SELECTOR, "#summary .cite")
    tip = cite.find_element(By.CSS_SELECTOR, ".tip")
    assert not tip.is_displayed()
    ActionChains(browser).move_to_element(cite).perform()
    assert tip.is_displayed() and len(tip.text) > 20
    ActionChains(browser).move_by_offset(0, 700).perform()
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(60):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.execute_script("return document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("Tab never reached a citation")
    focused_tip = browser.execute_script("return document.activeElement.querySelector('.tip')")
    assert focused_tip.is_displayed() and focused_tip.text

    # a phone: no sideways scrolling on the front page or the story page
    browser.set_window_size(390, 844)
    for path in ("/", f"/story/{quote(fire_id)}", "/search?q=fire"):
        browser.get(server.url + path)
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400, f"{path} scrolls sideways on a phone ({width}px)"
    browser.save_screenshot(str(tmp_path / "story-phone.png"))
    browser.set_window_size(1280, 1400)


# -- a run writing while the server answers ------------------------------------------------------------


def test_serve_keeps_answering_while_a_run_writes_and_shows_the_new_story(server, store, tmp_path):
    failures: list[str] = []
    answered = 0
    done = threading.Event()

    def reader() -> None:
        nonlocal answered
        while not done.is_set():
            for path in ("/", "/search?q=fire", "/api/stories"):
                status, _, body = server.get(path)
                answered += 1
                if status != 200:
                    failures.append(f"{path}: {status} {body[:200]}")

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        report = update_store([write_jsonl(tmp_path / "drill.jsonl", DRILL[:2], day="2024-03-11")], store)
    finally:
        done.set()
        thread.join()
    assert report.added == 2 and len(report.digested) == 1
    assert not failures and answered > 3, failures
    new_id = report.digested[0]
    front = server.get("/")[2]
    assert f'href="/story/{new_id}"' in front and "latest" in front  # on reload: the new day's story, first
    assert server.json("/api/stories")["stories"][0]["id"] == new_id
    assert server.json("/api/search?q=evacuation+drill")["stories"][0]["id"] == new_id

"""News where it lives: URLs from a real HTTP server on loopback, feeds, sitemaps, web archives,
news-please records, and articles in other languages."""

from __future__ import annotations

import gzip
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.reader import ReadOptions, read_articles, read_documents
from storydesk.sources.urls import Fetcher, FetchOptions

runner = CliRunner()

PARAGRAPH = ("Firefighters battled a blaze at the Northgate Dock warehouses through the night, and officials said "
             "four firefighters were treated for smoke inhalation at Port Averly General Hospital on Friday. ")


def page(title: str, body: str = PARAGRAPH * 3) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body}</p></article></body></html>").encode()


class Site:
    """A small news site on 127.0.0.1: pages, a feed, sitemaps, robots.txt, and hostile answers."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_):
                pass

            def do_GET(self):  # noqa: N802 (the stdlib's name)
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                if self.path == "/loop":
                    self.send_response(302)
                    self.send_header("Location", "/loop")
                    self.end_headers()
                    return
                if self.path == "/huge":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    chunk = b"<p>" + b"x" * 65_536 + b"</p>"
                    try:
                        for _ in range(800):  # 50 MB if nobody stops reading
                            self.wfile.write(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                if self.path == "/slow":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    try:
                        for _ in range(30):
                            self.wfile.write(b"<p>drip</p>")
                            self.wfile.flush()
                            time.sleep(0.1)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                status, headers, body = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"no"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            **headers: str) -> str:
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, body)
        return self.url + path

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def site():
    server = Site()
    server.add("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    yield server
    server.close()


def fetch_options(tmp_path, **changes) -> FetchOptions:
    return FetchOptions(**{"cache": tmp_path / "cache", "per_host_interval": 0.0, "retries": 1, **changes})


def test_sources_url_is_fetched_once_then_read_from_the_cache(site, tmp_path):
    url = site.add("/news/fire", page("Harbor fire injures four firefighters"))
    options = ReadOptions(fetch=fetch_options(tmp_path))
    articles, problems = read_articles([url], options)
    assert [a.title for a in articles] == ["Harbor fire injures four firefighters"] and not problems
    assert articles[0].url == url and articles[0].id.endswith("/news/fire")
    again, _ = read_articles([url], options)
    offline, _ = read_articles([url], ReadOptions(fetch=fetch_options(tmp_path, offline=True)))
    assert again[0].text == articles[0].text == offline[0].text
    assert site.hits["/news/fire"] == 1


def test_sources_offline_never_touches_the_network(site, tmp_path):
    url = site.add("/news/other", page("Other"))
    _, problems = read_articles([url], ReadOptions(fetch=fetch_options(tmp_path, offline=True)))
    assert "--offline" in problems[0].message and "/news/other" not in site.hits


@pytest.mark.parametrize("path, message", [
    ("/private/memo", "robots.txt"),
    ("/loop", "redirect"),
    ("/huge", "MB limit"),
    ("/slow", "too slow"),
    ("/photo.png", "content type image/png"),
    ("/broken-gzip", "compressed answer is broken"),
    ("/missing", "HTTP 404"),
    ("/error", "server error 500"),
])
def test_sources_hostile_answers_are_one_problem_each(site, tmp_path, path, message):
    site.add("/private/memo", page("Secret"))
    site.add("/photo.png", b"\x89PNG\r\n", "image/png")
    site.add("/broken-gzip", b"not gzip at all", "text/html", **{"Content-Encoding": "gzip"})
    site.add("/error", b"oops", "text/plain", status=500)
    good = site.add("/news/fire", page("Harbor fire"))
    options = fetch_options(tmp_path, deadline=1.0, max_bytes=2 * 1024 * 1024)
    documents, _, problems = read_documents([site.url + path, good], options)
    assert [d.url for d in documents] == [good]
    assert len(problems) == 1 and message in problems[0].message and problems[0].where == site.url + path


def test_sources_fetches_run_concurrently_and_politely(site, tmp_path):
    urls = [site.add(f"/news/{n}", page(f"Story {n}")) for n in range(6)]
    with Fetcher(fetch_options(tmp_path, per_host_interval=0.05)) as fetcher:
        started = time.monotonic()
        results = list(fetcher.fetch_many(urls))
        elapsed = time.monotonic() - started
    assert [r.url for r in results] == urls
    assert elapsed >= 5 * 0.05  # one host: requests spaced, never all at once


def feed(entries: list[tuple[str, str, str | None]]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>Fri, 08 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>Teaser for {title}.</description>"
        + (f"<content:encoded><![CDATA[<p>{content}</p>]]></content:encoded>" if content else "")
        + "</item>" for title, link, content in entries)
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Harbor Gazette</title>{items}</channel></rss>").encode()


def test_sources_feed_entries_become_articles_with_titles_and_dates(site, tmp_path):
    linked = site.add("/news/linked", page("Dock reopens after fire"))
    path = tmp_path / "gazette.rss"
    path.write_bytes(feed([("Full story in the feed", site.url + "/news/full", PARAGRAPH * 4),
                           ("Dock reopens after fire", linked, None)]))
    articles, problems = read_articles([path], ReadOptions(fetch=fetch_options(tmp_path)))
    assert [a.title for a in articles] == ["Full story in the feed", "Dock reopens after fire"], problems
    assert all(a.published.date().isoformat() == "2024-03-08" for a in articles)
    assert site.hits.get("/news/linked") == 1 and "/news/full" not in site.hits


def test_sources_feed_offline_keeps_teasers_and_says_so(site, tmp_path):
    path = tmp_path / "gazette.rss"
    path.write_bytes(feed([("Dock reopens after fire", site.url + "/news/never-fetched", None)]))
    documents, _, problems = read_documents([path], fetch_options(tmp_path, offline=True))
    assert documents[0].content == "Teaser for Dock reopens after fire."
    assert "only the listing's teaser" in problems[0].message


def test_sources_sitemap_index_and_news_sitemap_from_a_url(site, tmp_path):
    story = site.add("/news/a", page("Harbor fire"))
    site.add("/sitemap-news.xml", (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>' + story + "</loc><news:news>"
        "<news:publication_date>2024-03-09</news:publication_date><news:title>Harbor fire</news:title>"
        "</news:news></url></urlset>").encode(), "application/xml")
    index = site.add("/sitemap.xml", (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>'
        + site.url + "/sitemap-news.xml</loc></sitemap></sitemapindex>").encode(), "application/xml")
    documents, _, problems = read_documents([index], fetch_options(tmp_path))
    assert [d.url for d in documents] == [story] and not problems
    assert documents[0].published.date().isoformat() == "2024-03-09"


def warc_file(path, records: list[tuple[str, int, str, bytes]], truncate: int = 0) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, status, content_type, body in records:
        headers = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    data = buffer.getvalue()
    path.write_bytes(data[:-truncate] if truncate else data)


def test_sources_warc_reads_html_200_once_each(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    warc_file(archive, [
        ("https://gazette.example/fire", 200, "text/html", page("Harbor fire")),
        ("https://gazette.example/missing", 404, "text/html", page("Not found")),
        ("https://gazette.example/logo.png", 200, "image/png", b"\x89PNG"),
        ("https://gazette.example/fire", 200, "text/html", page("Harbor fire")),  # the same page again
        ("https://mirror.example/fire", 200, "text/html", page("Harbor fire")),  # same payload, other URL
        ("https://herald.example/dock", 200, "text/html; charset=utf-8", page("Dock closed")),
    ])
    documents, _, problems = read_documents([archive])
    assert [d.url for d in documents] == ["https://gazette.example/fire", "https://herald.example/dock"]
    assert [p.message for p in problems] == ["2 pages already read under the same URL or payload were skipped"]


def test_sources_truncated_warc_keeps_what_came_before(tmp_path):
    archive = tmp_path / "cut.warc.gz"
    warc_file(archive, [("https://gazette.example/fire", 200, "text/html", page("Harbor fire")),
                        ("https://herald.example/dock", 200, "text/html", page("Dock closed" * 50))], truncate=300)
    documents, _, problems = read_documents([archive])
    assert [d.url for d in documents] == ["https://gazette.example/fire"]
    assert any("damaged or truncated" in p.message for p in problems)


def test_sources_warc_record_without_target_uri_is_reported_not_a_crash(tmp_path):
    # warcio raises AttributeError (not one of its own errors) on a response record with no
    # WARC-Target-URI: the archive is damaged, and the records before it are kept.
    archive = tmp_path / "odd.warc"
    warc_file(archive, [("https://gazette.example/fire", 200, "text/html", page("Harbor fire"))])
    with archive.open("ab") as handle:
        handle.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nshort\r\n\r\n")
    documents, _, problems = read_documents([archive])
    assert [d.url for d in documents] == ["https://gazette.example/fire"]
    assert [p.message for p in problems if "damaged" in p.message] == [
        "archive damaged or truncated after record 1 (AttributeError: 'NoneType' object has no attribute "
        "'startswith'); the 1 records before it were read"]


def test_sources_a_folder_reads_its_web_archives_beside_its_articles(tmp_path):
    (tmp_path / "crawl").mkdir()
    warc_file(tmp_path / "crawl" / "part-1.warc.gz", [("https://gazette.example/fire", 200, "text/html", page("Harbor fire"))])
    (tmp_path / "crawl" / "note.txt").write_text("Harbor fire\n\n" + PARAGRAPH * 2)
    documents, _, problems = read_documents([tmp_path / "crawl"])
    assert sorted(d.url or d.id for d in documents) == ["https://gazette.example/fire", "note"]
    assert not problems


def test_sources_a_folder_of_nothing_readable_names_what_it_looks_for(tmp_path):
    (tmp_path / "notes.doc").write_bytes(b"x")
    _, _, problems = read_documents([tmp_path])
    assert [p.message for p in problems] == [
        "directory holds no articles (.htm, .html, .jsonl, .ndjson, .text, .txt, .xhtml, or web archives .arc, .warc)"]


def test_sources_news_please_records(tmp_path):
    corpus = tmp_path / "ccnews.jsonl.gz"
    record = {"url": "https://gazette.example/fire", "title": "Harbor fire", "maintext": PARAGRAPH * 2,
              "date_publish": "2024-03-09 10:05:00", "source_domain": "gazette.example", "language": "en"}
    with gzip.open(corpus, "wt") as handle:
        handle.write(json.dumps(record) + "\n")
    articles, problems = read_articles([corpus])
    assert not problems and articles[0].source == "gazette.example"
    assert articles[0].published.isoformat().startswith("2024-03-09T10:05")


GERMAN = ("Vier Feuerwehrleute wurden bei dem Großbrand im Hafen von Hamburg verletzt, wie die Polizei am Freitag "
          "mitteilte. Das Feuer brach in einer Lagerhalle aus und griff schnell auf zwei weitere Gebäude über.")


def test_sources_other_languages_are_reported_not_misread(tmp_path):
    (tmp_path / "de1.txt").write_text("Hafenbrand\n\n" + GERMAN)
    (tmp_path / "de2.txt").write_text("Hafenbrand\n\n" + GERMAN.replace("Vier", "Sechs"))
    (tmp_path / "en.txt").write_text("Harbor fire\n\n" + PARAGRAPH * 2)
    out = tmp_path / "d.json"
    result = runner.invoke(app, ["digest", str(tmp_path), "--no-models", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.count("written in German (de)") == 2
    digest = json.loads(out.read_text())
    assert {a["id"]: a["language"] for a in digest["articles"]} == {"en": "en", "de1": "de", "de2": "de"}
    assert all(s["sources"] == ["en"] for s in digest["summary"])
    only_german = runner.invoke(app, ["digest", str(tmp_path / "de1.txt"), str(tmp_path / "de2.txt"), "--no-models"])
    assert only_german.exit_code == 1 and "no article in a language storydesk reads" in only_german.output


def test_sources_cli_urls_file(site, tmp_path):
    url = site.add("/news/fire", page("Harbor fire injures four firefighters"))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's stories\n{url}\n\n")
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(app, ["clean", "--urls", str(listing), "--cache", str(tmp_path / "cache"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["url"] == url
    assert runner.invoke(app, ["clean"]).exit_code == 2

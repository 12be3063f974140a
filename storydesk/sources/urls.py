"""Pages fetched from the web, politely, and kept on disk so a re-run fetches nothing twice.

httpx with timeouts (and an overall deadline per page, against servers that drip), retries on
connection errors and 5xx answers, robots.txt obeyed, one request per host at a time at most
every `per_host_interval` seconds, a user agent that names storydesk, a size limit read as the
page streams in, a bounded number of redirects. Successful pages are cached under
`FetchOptions.cache`; with `offline`, only the cache is read and nothing touches the network.
Every failure is a Problem naming the URL; none stops the others.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from storydesk.ingest import decode_bytes, looks_like_html, source_from_url
from storydesk.model import Problem, RawDocument
from storydesk.sources.feeds import Listing, listing_kind, parse_listing, teaser_document
from storydesk.version import __version__

USER_AGENT = f"storydesk/{__version__} (news digests)"
# A news page is well under this; a larger answer is a dump, a video or an attack.
MAX_PAGE_BYTES = 20 * 1024 * 1024
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/rss+xml", "application/atom+xml",
              "application/xml", "text/xml")
MAX_SITEMAPS = 50  # child sitemaps followed from one index (an index of a whole site lists thousands)


def default_cache() -> Path:
    return Path(os.environ.get("STORYDESK_CACHE") or Path.home() / ".cache" / "storydesk" / "pages")


@dataclass(frozen=True)
class FetchOptions:
    cache: Path = field(default_factory=default_cache)
    offline: bool = False  # read only the cache: never touch the network
    timeout: float = 20.0  # seconds to connect, and between two reads
    deadline: float = 60.0  # seconds for one page in all (a server that drips a byte at a time)
    retries: int = 2  # after a connection error or a 5xx answer, with a growing pause
    per_host_interval: float = 1.0  # seconds between two requests to one host
    connections: int = 8
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = 5
    robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    content_type: str
    body: bytes
    from_cache: bool = False


class Fetcher:
    """Fetches pages for one run; thread-safe, reuses connections, remembers robots.txt per host."""

    def __init__(self, options: FetchOptions | None = None):
        self.options = options or FetchOptions()
        self._client = None
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_) -> None:
        if self._client is not None:
            self._client.close()

    def fetch_many(self, urls: Iterable[str]) -> Iterator[Fetched | Problem]:
        """Fetch concurrently (`connections` at once); results come back in the order given."""
        urls = list(dict.fromkeys(urls))
        if len(urls) <= 1:
            yield from (self.fetch(u) for u in urls)
            return
        with ThreadPoolExecutor(max_workers=self.options.connections) as pool:
            yield from pool.map(self.fetch, urls)

    def fetch(self, url: str) -> Fetched | Problem:
        cached = self._from_cache(url)
        if cached is not None:
            return cached
        if self.options.offline:
            return Problem(url, "not in the page cache, and --offline forbids fetching it", fatal=True)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return Problem(url, "not an http(s) URL", fatal=True)
        if not self._allowed(url):
            return Problem(url, "robots.txt of the site disallows fetching it; skipped", fatal=True)
        result: Fetched | Problem = Problem(url, "not fetched", fatal=True)
        for attempt in range(self.options.retries + 1):
            result, retry = self._get(url)
            if not retry:
                break
            time.sleep(0.5 * 2 ** attempt)
        if isinstance(result, Fetched):
            self._to_cache(result)
        return result

    # -- one request ----------------------------------------------------------------------------

    def _client_for_run(self):
        import httpx

        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    headers={"User-Agent": self.options.user_agent}, follow_redirects=True,
                    max_redirects=self.options.max_redirects, timeout=httpx.Timeout(self.options.timeout),
                    limits=httpx.Limits(max_connections=self.options.connections))
            return self._client

    def _get(self, url: str) -> tuple[Fetched | Problem, bool]:
        """(result, worth retrying)."""
        import httpx

        self._wait_turn(url)
        started = time.monotonic()
        try:
            with self._client_for_run().stream("GET", url) as response:
                if response.status_code >= 500:
                    return Problem(url, f"server error {response.status_code}", fatal=True), True
                if response.status_code != 200:
                    return Problem(url, f"HTTP {response.status_code}; skipped", fatal=True), False
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if content_type and not content_type.startswith(PAGE_TYPES):
                    return Problem(url, f"not a page (content type {content_type}); skipped", fatal=True), False
                declared = int(response.headers.get("content-length") or 0)
                if declared > self.options.max_bytes:
                    return self._too_big(url, declared), False
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.options.max_bytes:
                        return self._too_big(url, len(body)), False
                    if time.monotonic() - started > self.options.deadline:
                        return Problem(url, f"server too slow: page not complete after {self.options.deadline:.0f} s; "
                                            "skipped", fatal=True), False
                return Fetched(url, str(response.url), content_type, bytes(body)), False
        except httpx.TooManyRedirects:
            return Problem(url, f"more than {self.options.max_redirects} redirects (a redirect loop?); skipped",
                           fatal=True), False
        except httpx.DecodingError as exc:
            return Problem(url, f"the server's compressed answer is broken ({exc}); skipped", fatal=True), False
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            return Problem(url, f"cannot fetch ({type(exc).__name__}: {exc or 'no answer'})", fatal=True), True
        except httpx.HTTPError as exc:
            return Problem(url, f"cannot fetch ({type(exc).__name__}: {exc})", fatal=True), False

    def _too_big(self, url: str, size: int) -> Problem:
        return Problem(url, f"page is over {size / 1024 / 1024:.0f} MB, past the {self.options.max_bytes // 1024 // 1024} "
                            "MB limit for one article; not read", fatal=True)

    def _wait_turn(self, url: str) -> None:
        """One request at a time per host, `per_host_interval` apart."""
        host = urlsplit(url).netloc
        with self._lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:
            pause = self._last_request.get(host, 0.0) + self.options.per_host_interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._last_request[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        if not self.options.robots:
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = root in self._robots
        if not known:
            rules = None
            result, _ = self._get(f"{root}/robots.txt")
            if isinstance(result, Fetched):
                rules = RobotFileParser()
                rules.parse(result.body.decode("utf-8", "replace").splitlines())
            with self._lock:  # no robots.txt (or none readable): everything is allowed
                self._robots[root] = rules
        rules = self._robots[root]
        return rules is None or rules.can_fetch(self.options.user_agent, url)

    # -- the page cache ---------------------------------------------------------------------------

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8", "replace")).hexdigest()
        folder = self.options.cache / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def _from_cache(self, url: str) -> Fetched | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return Fetched(url, meta["final_url"], meta["content_type"], body_path.read_bytes(), from_cache=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not cached, or a damaged entry: fetched again

    def _to_cache(self, page: Fetched) -> None:
        meta_path, body_path = self._paths(page.url)
        try:
            meta_path.parent.mkdir(parents=True, exist_ok=True)
            body_path.write_bytes(page.body)  # the body first: a meta file always has its body
            meta_path.write_text(json.dumps({"url": page.url, "final_url": page.final_url,
                                             "content_type": page.content_type, "fetched": time.time()}))
        except OSError:
            pass  # an unwritable cache costs a re-fetch next time, nothing else


def fetch_documents(urls: Iterable[str], options: FetchOptions | None = None) -> tuple[list[RawDocument], list[Problem]]:
    """Pages, feeds and sitemaps at `urls` as raw documents (a feed's or sitemap's pages fetched too)."""
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    with Fetcher(options) as fetcher:
        for result in fetcher.fetch_many(urls):
            if isinstance(result, Problem):
                problems.append(result)
                continue
            kind = listing_kind(result.body) if "html" not in result.content_type else None
            if kind:
                listing = parse_listing(result.body, result.url)
                _follow_index(listing, fetcher)
                found, found_problems = read_listing(listing, fetcher, result.url)
                documents += found
                problems += found_problems
            else:
                item = page_document(result)
                (problems if isinstance(item, Problem) else documents).append(item)
    return documents, problems


def read_listing(listing: Listing, fetcher: Fetcher | None, where: str) -> tuple[list[RawDocument], list[Problem]]:
    """A feed's or sitemap's documents: its own, and its pages fetched (or their teasers, offline)."""
    documents, problems = list(listing.documents), list(listing.problems)
    if not listing.pages:
        return documents, problems
    results = fetcher.fetch_many(p.url for p in listing.pages) if fetcher else [None] * len(listing.pages)
    for page, result in zip(listing.pages, results, strict=True):
        if isinstance(result, Fetched):
            item = page_document(result, title=page.title, published=page.published)
            if isinstance(item, RawDocument):
                documents.append(item)
                continue
            result = item
        teaser = teaser_document(page, where)
        reason = result.message if isinstance(result, Problem) else "fetching is off"
        if teaser is not None:
            documents.append(teaser)
            problems.append(Problem(page.url, f"{reason}: only the listing's teaser is read"))
        else:
            problems.append(Problem(page.url, reason, fatal=True))
    return documents, problems


def page_document(page: Fetched, title: str | None = None, published=None) -> RawDocument | Problem:
    try:
        text, _ = decode_bytes(page.body)
    except ValueError as exc:
        return Problem(page.url, f"{exc}; skipped", fatal=True)
    if not text.strip():
        return Problem(page.url, "empty page; skipped", fatal=True)
    is_html = page.content_type != "text/plain" or looks_like_html(text)
    return RawDocument(id=page.url.split("://", 1)[-1].rstrip("/"), content=text, is_html=is_html, title=title,
                       url=page.final_url, source=source_from_url(page.final_url), published=published,
                       path=page.url)


def _follow_index(listing: Listing, fetcher: Fetcher) -> None:
    """A sitemap index's child sitemaps, read into `listing` (one level, at most MAX_SITEMAPS)."""
    if len(listing.sitemaps) > MAX_SITEMAPS:
        listing.problems.append(Problem("sitemap index", f"lists {len(listing.sitemaps)} sitemaps; the first "
                                                         f"{MAX_SITEMAPS} are read"))
    for result in fetcher.fetch_many(listing.sitemaps[:MAX_SITEMAPS]):
        if isinstance(result, Problem):
            listing.problems.append(result)
            continue
        child = parse_listing(result.body, result.url)
        listing.documents += child.documents
        listing.pages += child.pages
        listing.problems += child.problems

"""RSS/Atom feeds (feedparser) and XML sitemaps (lxml), from a file or fetched bytes.

A feed entry that carries its article (`content:encoded`, Atom `content`) becomes a document with
the entry's title, date and link; an entry with only a teaser names a page to fetch, and when
fetching is off, its teaser is kept as the text with a warning (never silently a full article).
A sitemap lists pages to fetch (and child sitemaps), with the news extension's title and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from storydesk.ingest import parse_datetime, source_from_url
from storydesk.model import Problem, RawDocument

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rss.gz", ".atom.gz", ".xml.gz")
_ROOT = re.compile(rb"<\s*(rss|feed|rdf:RDF|urlset|sitemapindex)\b", re.I)
# An entry's content shorter than this many words is a teaser, not the article.
MIN_ARTICLE_WORDS = 80


@dataclass
class Listing:
    """What a feed or sitemap holds: documents ready to read, and pages still to fetch."""

    documents: list[RawDocument] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps of a sitemap index
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """A page to fetch, with what the listing already says of it."""

    url: str
    title: str | None = None
    published: datetime | None = None
    teaser: str | None = None  # an entry's summary, the text of last resort


def listing_kind(data: bytes) -> str | None:
    """"feed", "sitemap", "sitemapindex" or None, from the XML's root element."""
    match = _ROOT.search(data[:4096])
    if not match:
        return None
    root = match.group(1).lower().decode()
    return {"urlset": "sitemap", "sitemapindex": "sitemapindex"}.get(root, "feed")


def parse_listing(data: bytes, where: str) -> Listing:
    kind = listing_kind(data)
    if kind == "feed":
        return parse_feed(data, where)
    if kind in ("sitemap", "sitemapindex"):
        return parse_sitemap(data, where)
    return Listing(problems=[Problem(where, "not an RSS/Atom feed or a sitemap", fatal=True)])


def parse_feed(data: bytes, where: str) -> Listing:
    import feedparser

    parsed = feedparser.parse(data)
    listing = Listing()
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        listing.problems.append(Problem(where, f"feed has no entries{reason}", fatal=True))
        return listing
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        title = (entry.get("title") or "").strip() or None
        published = _entry_date(entry)
        content = max((c.get("value", "") for c in entry.get("content", [])), key=len, default="")
        teaser = entry.get("summary") or ""
        if len(_words(content)) >= MIN_ARTICLE_WORDS:
            listing.documents.append(RawDocument(
                id=_entry_id(entry, link, where, number), content=content, is_html=True, title=title, url=link,
                source=source_from_url(link) or outlet, published=published, path=f"{where} entry {number}"))
        elif link:
            listing.pages.append(Page(link, title, published, teaser or content or None))
        else:
            listing.problems.append(Problem(f"{where} entry {number}", "entry has no article text and no link; skipped",
                                            fatal=True))
    return listing


def parse_sitemap(data: bytes, where: str) -> Listing:
    from lxml import etree

    listing = Listing()
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                                                             huge_tree=False))
    except etree.XMLSyntaxError as exc:
        listing.problems.append(Problem(where, f"sitemap is not XML ({exc}); skipped", fatal=True))
        return listing
    if root is None:
        listing.problems.append(Problem(where, "sitemap is empty", fatal=True))
        return listing
    for node in root:
        if not isinstance(node.tag, str):
            continue
        loc = _child_text(node, "loc")
        if not loc:
            continue
        if etree.QName(root).localname == "sitemapindex":
            listing.sitemaps.append(loc)
            continue
        listing.pages.append(Page(loc, _child_text(node, "title"),
                                  parse_datetime(_child_text(node, "publication_date") or _child_text(node, "lastmod"))))
    if not listing.pages and not listing.sitemaps:
        listing.problems.append(Problem(where, "sitemap lists no pages", fatal=True))
    return listing


def teaser_document(page: Page, where: str) -> RawDocument | None:
    """A page that cannot be fetched, as its teaser (the caller warns that it is only a teaser)."""
    if not page.teaser:
        return None
    return RawDocument(id=page.url.split("://", 1)[-1].rstrip("/"), content=page.teaser, is_html=True,
                       title=page.title, url=page.url, source=source_from_url(page.url), published=page.published,
                       path=where)


def _child_text(node, name: str) -> str | None:
    """Text of the first descendant named `name` in any namespace (sitemaps mix news:, image:...)."""
    for child in node.iter():
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == name and child.text:
            return child.text.strip()
    return None


def _entry_date(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*value[:6], tzinfo=UTC)
    return None


def _entry_id(entry, link: str | None, where: str, number: int) -> str:
    if link:
        return link.split("://", 1)[-1].rstrip("/")
    return str(entry.get("id") or f"{where}-{number}")


def _words(html: str) -> list[str]:
    return re.sub(r"<[^>]+>", " ", html).split()

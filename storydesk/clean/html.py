"""HTML to main text: trafilatura, guarded against huge pages and short (failed) extractions.

All calls into trafilatura and lxml live here. Whatever comes out is plain text with one
paragraph per line, which the plain-text cleaner then goes over (extractors let captions,
"Read more" links and comment spam through).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# trafilatura's time grows faster than linearly with page size (measured: 2 MB 2 s, 8 MB 10 s,
# 19 MB 43 s). Script, style and SVG blocks are most of a big page and carry no text, so they
# are cut first; a page still larger than this goes to the plain block-text path (about a second
# for 20 MB) instead of trafilatura.
MAX_TRAFILATURA_CHARS = 3_000_000
# When trafilatura's output is this much shorter than the page's prose, it likely missed the
# article (a wrong container was picked); favor_recall is tried, then the whole page as text.
# Chosen on the aeb pages: below 25% the recall retry helped more often than it hurt.
SHORT_OUTPUT_RATIO = 0.25
SHORT_OUTPUT_CHARS = 400

_DEAD_BLOCKS = re.compile(r"<(script|style|svg|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote",
               "figcaption", "pre", "section", "article", "header", "footer", "dd", "dt", "tr", "br")


@dataclass(frozen=True)
class Extracted:
    text: str  # one paragraph per line
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    note: str | None = None  # how the text was got, when not the usual way (for a Problem)
    whole_page: bool = False  # True when `text` is the whole page, menus and all, not the article
    page: str = ""  # all visible text of the page, one block a line: what the extractor chose from


def extract_html(html: str, url: str | None = None) -> Extracted:
    """The page's main text and metadata; never raises on bad markup."""
    html = _DEAD_BLOCKS.sub(" ", html)
    if len(html) > MAX_TRAFILATURA_CHARS:
        text, title = page_text(html)
        size = len(html) / 1_000_000
        return Extracted(text, title, whole_page=True, page=text,
                         note=f"page is {size:.0f} MB of markup: took its text block by block "
                              "instead of running the main-text extractor")
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=True,
                                          with_metadata=True)
    except Exception as exc:  # trafilatura raises on some malformed pages; fall back, say why
        text, title = page_text(html)
        return Extracted(text, title, whole_page=True, page=text,
                         note=f"main-text extractor failed ({type(exc).__name__}); used the page text")
    text = (doc.text if doc is not None else "") or ""
    whole, page_title = page_text(html)
    whole_page = False
    if len(text) < SHORT_OUTPUT_CHARS or len(text) < SHORT_OUTPUT_RATIO * _prose_chars(whole):
        retry = trafilatura.extract(html, url=url, include_comments=False, favor_recall=True) or ""
        if len(retry) > len(text):
            text = retry
        if len(text) < SHORT_OUTPUT_CHARS and _prose_chars(whole) > len(text):
            # Nothing usable found: the plain-text cleaner looks for the body in the whole page.
            text, whole_page = whole, True
    if doc is None:
        return Extracted(text, page_title, whole_page=whole_page, page=whole)
    return Extracted(text, doc.title or page_title, doc.date, doc.url, doc.sitename, whole_page=whole_page, page=whole)


def page_text(html: str) -> tuple[str, str | None]:
    """All visible text, one block element per line, and the <title> (like html-text does)."""
    try:
        import lxml.html

        root = lxml.html.document_fromstring(html)
    except Exception:  # unparseable: strip tags with a regex rather than give up
        text = re.sub(r"<[^>]+>", "\n", html)
        return "\n".join(t.strip() for t in text.split("\n") if t.strip()), None
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else None
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    body = root.find(".//body")
    text = (body if body is not None else root).text_content()
    lines = (re.sub(r"\s+", " ", t).strip() for t in text.split("\n"))
    return "\n".join(t for t in lines if t), title or None


def _prose_chars(text: str) -> int:
    return sum(len(t) for t in text.split("\n") if len(t.split()) >= 12)

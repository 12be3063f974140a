"""HTML to main text: trafilatura, guarded against huge pages and short (failed) extractions.

All calls into trafilatura and lxml live here. Whatever comes out is plain text with one
paragraph per line, which the plain-text cleaner then goes over (extractors let captions,
"Read more" links and comment spam through).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

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
# trafilatura's fallback extractors (justext's neighbour search) and htmldate's date search are
# quadratic in a page's blocks: 8,900 blocks took 24 s and 17,800 took 43 s. Past this many, both
# are skipped (fast=True, no metadata: the <title> is still read); the aeb pages have at most
# 693 blocks, so it changes nothing there.
MAX_FALLBACK_BLOCKS = 2_000
# A parse whose text holds under half the words of the markup with its tags stripped lost the
# rest (libxml2 drops elements nested past its depth limit); a page of a few words is no test.
LOST_TEXT_SHARE = 0.5
MIN_LOST_WORDS = 50

# Characters XML (and so lxml) refuses: C0 controls but tab and newlines, and the non-characters.
# A form feed or vertical tab separates like a line break; the rest are dropped.
_LINE_BREAK_CONTROLS = re.compile(r"[\f\v]")
_BAD_XML_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DEAD_OPENING = re.compile(r"<(script|style|svg|noscript|template)\b|<!--", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|h[1-6]|td|th|blockquote|figcaption|pre|section|article|header|footer|"
                        r"dd|dt|tr|br|title)\b[^>]*>", re.I)
_INLINE_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote",
                         "figcaption", "pre", "section", "article", "header", "footer", "dd", "dt", "tr", "br"})


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
    html = drop_dead_blocks(xml_safe(html))
    if len(html) > MAX_TRAFILATURA_CHARS:
        text, title = page_text(html)
        size = len(html) / 1_000_000
        return Extracted(text, title, whole_page=True, page=text,
                         note=f"page is {size:.0f} MB of markup: took its text block by block "
                              "instead of running the main-text extractor")
    tree = parse_html(html)
    whole, page_title = page_text(html, tree)
    if _parse_lost_text(html, whole):
        text, _ = page_text(html, None, regex=True)
        return Extracted(text, page_title, whole_page=True, page=text,
                         note="page is nested deeper than the HTML parser reads: took its text block by block "
                              "instead of running the main-text extractor")
    try:
        import trafilatura

        # The page is parsed once (trafilatura copies the tree it is given). Dates are looked for
        # first without htmldate's extensive search, which sends leftover strings to dateparser
        # across every locale (about 2 s a process); only a page with no date found gets it.
        fast = whole.count("\n") + 1 > MAX_FALLBACK_BLOCKS
        doc = trafilatura.bare_extraction(tree if tree is not None else html, url=url, include_comments=False,
                                          include_tables=True, with_metadata=not fast, fast=fast,
                                          date_extraction_params=_date_params())
    except Exception as exc:  # trafilatura raises on some malformed pages; fall back, say why
        return Extracted(whole, page_title, whole_page=True, page=whole,
                         note=f"main-text extractor failed ({type(exc).__name__}); used the page text")
    text = (doc.text if doc is not None else "") or ""
    whole_page = False
    if len(text) < SHORT_OUTPUT_CHARS or len(text) < SHORT_OUTPUT_RATIO * _prose_chars(whole):
        retry = trafilatura.extract(tree if tree is not None else html, url=url, include_comments=False,
                                    favor_recall=True, with_metadata=False, fast=fast) or ""
        if len(retry) > len(text):
            text = retry
        if len(text) < SHORT_OUTPUT_CHARS and _prose_chars(whole) > len(text):
            # Nothing usable found: the plain-text cleaner looks for the body in the whole page.
            text, whole_page = whole, True
    if doc is None:
        return Extracted(text, page_title, whole_page=whole_page, page=whole)
    date = doc.date or (None if fast else _extensive_date(tree, doc.url))
    return Extracted(text, doc.title or page_title, date, doc.url, doc.sitename, whole_page=whole_page, page=whole)


def _date_params(extensive: bool = False) -> dict:
    from trafilatura.settings import set_date_params

    return set_date_params(extensive=extensive)


def _extensive_date(tree, url: str | None) -> str | None:
    """The date as trafilatura's default (extensive) search finds it, for a page the fast one missed."""
    if tree is None:
        return None
    try:
        from htmldate import find_date

        return find_date(tree, url=url, **_date_params(extensive=True))
    except Exception:  # a date is metadata: its failure must not cost the article
        return None


def xml_safe(html: str) -> str:
    """The markup without characters lxml refuses (a form feed in a page lost the whole page)."""
    return _BAD_XML_CHARS.sub("", _LINE_BREAK_CONTROLS.sub("\n", html))


def drop_dead_blocks(html: str) -> str:
    """Script, style, SVG and template blocks and comments cut out: no text, most of a big page.

    One pass, linear in the page: a block's end is searched for once, and a kind of block
    never closed is left alone from there on (a regex search per unclosed `<script>` to the
    end of the page made this quadratic: 512 KB of them took minutes).
    """
    pieces: list[str] = []
    position = 0
    unclosed: set[str] = set()
    lowered = html.lower()
    for match in _DEAD_OPENING.finditer(html):
        if match.start() < position:
            continue  # inside a block already cut
        tag = (match.group(1) or "!--").lower()
        if tag in unclosed:
            continue
        closing = "-->" if tag == "!--" else f"</{tag}"
        end = lowered.find(closing, match.end())
        if end < 0:
            unclosed.add(tag)
            continue
        end = lowered.find(">", end + len(closing) - 1) + 1 if tag != "!--" else end + 3
        if end <= 0:
            unclosed.add(tag)
            continue
        pieces.append(html[position:match.start()])
        pieces.append(" ")
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def parse_html(html: str):
    """The lxml tree of a page, with no limit on nesting depth (libxml2 stops at 255 levels and
    drops what is deeper: a page nested deeper lost its body); None when it cannot be parsed."""
    try:
        import lxml.html

        parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                      remove_comments=True, remove_pis=True, huge_tree=True)
        try:
            tree = lxml.html.fromstring(html, parser=parser)
        except ValueError:  # "Unicode strings with encoding declaration are not supported"
            tree = lxml.html.fromstring(html.encode("utf-8", "replace"), parser=parser)
    except Exception:
        return None
    return tree if tree is not None and len(tree) else None


def page_text(html: str, tree=None, regex: bool = False) -> tuple[str, str | None]:
    """All visible text, one block element per line, and the <title> (like html-text does).

    The tree is only read, never changed, so trafilatura can be given the same parse.
    `regex=True` (or markup lxml cannot parse) reads the text with regular expressions instead.
    """
    root = None if regex else tree if tree is not None else parse_html(html)
    if root is None:  # unparseable: strip tags with a regex rather than give up
        text = unescape(_INLINE_TAG.sub(" ", _BLOCK_TAG.sub("\n", html)))
        lines = (re.sub(r"\s+", " ", t).strip() for t in text.split("\n"))
        return "\n".join(t for t in lines if t), None
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else None
    body = root.find(".//body")
    lines = (re.sub(r"\s+", " ", t).strip() for t in "".join(_visible_text(body if body is not None else root))
             .split("\n"))
    return "\n".join(t for t in lines if t), title or None


def _visible_text(root) -> list[str]:
    """The text of `root` in document order, with a line break around every block element."""
    from lxml import etree

    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(el.tag, str) and el.tag in _BLOCK_TAGS
        if event == "start":
            if block and el.tag != "br":
                parts.append("\n")
            if el.text and isinstance(el.tag, str):
                parts.append(el.text)
        else:
            if block:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    return parts


def _parse_lost_text(html: str, whole: str) -> bool:
    """Whether the parse dropped most of the page's words (markup nested past the parser's limit)."""
    words = len(_INLINE_TAG.sub(" ", html).split())
    return words >= MIN_LOST_WORDS and len(whole.split()) < LOST_TEXT_SHARE * words


def _prose_chars(text: str) -> int:
    return sum(len(t) for t in text.split("\n") if len(t.split()) >= 12)

"""HTML to main text: trafilatura, guarded against huge pages and short (failed) extractions.

All calls into trafilatura and lxml live here. Whatever comes out is plain text with one
paragraph per line, which the plain-text cleaner then goes over (extractors let captions,
"Read more" links and comment spam through).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
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
# are skipped (fast=True, no date looked for); the aeb pages have at most
# 693 blocks, so it changes nothing there.
MAX_FALLBACK_BLOCKS = 2_000
# trafilatura compares its own extraction with readability's and justext's on every page (a
# quarter of its time); the line cleaner after it removes much of what that comparison guards
# against, so the passes go without it (`fast`), unless the fast output is mostly menus
# (MIN_PROSE_SHARE). Measured on the aeb pages (bench_clean.py --repeat 5, shared machine): HTML
# F1 tune 0.972 -> 0.976, held-out (later) 0.963 -> 0.963; CPU 1.57x -> about 1.3x trafilatura's
# defaults. Keeping the comparison for the favor_recall retry made tune worse (0.967: the retry
# of short pages took more boilerplate). The date search is unchanged.
FIRST_PASS_FAST = True
# ... unless the fast pass's output is under this share prose (lines of 12 words or more): a
# menu taken for the article (one aeb tune page: 8 %; the next lowest, a short teaser, 33 %).
MIN_PROSE_SHARE = 0.25
METADATA_FIELDS = frozenset({"title", "date", "url", "sitename"})
MAX_METADATA_CHARS = 10_000  # as trafilatura clips its metadata strings
# A parse whose text holds under half the words of the markup with its tags stripped lost the
# rest (libxml2 drops elements nested past its depth limit); a page of a few words is no test.
LOST_TEXT_SHARE = 0.5
MIN_LOST_WORDS = 50

# Characters XML (and so lxml) refuses: C0 controls but tab and newlines, and the non-characters.
# A form feed or vertical tab separates like a line break; the rest are dropped.
_XML_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
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


def extract_html(html: str, url: str | None = None, wanted: frozenset[str] = METADATA_FIELDS) -> Extracted:
    """The page's main text and the `wanted` metadata (see `page_metadata`); never raises on bad markup."""
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
    huge = whole.count("\n") + 1 > MAX_FALLBACK_BLOCKS
    meta = page_metadata(tree, url, wanted - {"date"} if huge else wanted)
    try:
        import trafilatura

        # The page is parsed once (trafilatura copies the tree it is given), and trafilatura
        # extracts no metadata: its author, category, tag and licence searches cost more than
        # its main-text extraction's third and nothing here reads them (`page_metadata`). Its
        # comparison with the fallback extractors is skipped (`fast`, see FIRST_PASS_FAST).
        doc = trafilatura.bare_extraction(tree if tree is not None else html, url=meta.get("url") or url,
                                          include_comments=False, include_tables=True, with_metadata=False,
                                          fast=FIRST_PASS_FAST or huge)
        if FIRST_PASS_FAST and not huge and doc is not None and _mostly_menu(doc.text or ""):
            # The fast pass took a menu for the article: the extractor with its comparison decides.
            doc = trafilatura.bare_extraction(tree if tree is not None else html, url=meta.get("url") or url,
                                              include_comments=False, include_tables=True, with_metadata=False)
    except Exception as exc:  # trafilatura raises on some malformed pages; fall back, say why
        return Extracted(whole, meta.get("title") or page_title, meta.get("date"), meta.get("url"),
                         meta.get("sitename"), whole_page=True, page=whole,
                         note=f"main-text extractor failed ({type(exc).__name__}); used the page text")
    text = (doc.text if doc is not None else "") or ""
    whole_page = False
    if len(text) < SHORT_OUTPUT_CHARS or len(text) < SHORT_OUTPUT_RATIO * _prose_chars(whole):
        retry = trafilatura.extract(tree if tree is not None else html, url=url, include_comments=False,
                                    favor_recall=True, with_metadata=False, fast=FIRST_PASS_FAST or huge) or ""
        if len(retry) > len(text):
            text = retry
        if len(text) < SHORT_OUTPUT_CHARS and _prose_chars(whole) > len(text):
            # Nothing usable found: the plain-text cleaner looks for the body in the whole page.
            text, whole_page = whole, True
    return Extracted(text, meta.get("title") or page_title, meta.get("date"), meta.get("url"), meta.get("sitename"),
                     whole_page=whole_page, page=whole)


def page_metadata(tree, url: str | None, wanted: frozenset[str] = METADATA_FIELDS) -> dict[str, str]:
    """The page's title, date, canonical URL and site name, as trafilatura finds them, only those wanted.

    trafilatura's own metadata pass also looks for authors, categories, tags and a licence (1.6 of
    the 4.3 CPU-s its extraction took on the aeb pages); the date is htmldate's fast search only:
    its extensive search sends leftover strings to dateparser across every locale. A page with no
    date found gets none here; the byline (or the record) may still give one.
    """
    if tree is None or not wanted:
        return {}
    try:
        from htmldate import find_date
        from trafilatura.metadata import META_URL, examine_meta, extract_meta_json, extract_sitename, extract_title
        from trafilatura.metadata import extract_url as find_url
        from trafilatura.utils import line_processing

        meta = examine_meta(tree)
        try:
            meta = extract_meta_json(tree, meta)
        except Exception:  # trafilatura's JSON-LD reader has bugs of its own: the meta tags still count
            pass
        found: dict[str, str | None] = {"url": meta.url or find_url(tree, url)}
        if "title" in wanted:
            found["title"] = meta.title or extract_title(tree)
        if "date" in wanted:
            found["date"] = find_date(tree, url=found["url"], **_date_params())
        if "sitename" in wanted:
            sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@")
            if sitename and "." not in sitename and not sitename[0].isupper():
                sitename = sitename.title()
            if not sitename and found["url"] and (match := META_URL.match(found["url"])):
                sitename = match[1]
            found["sitename"] = sitename
    except Exception:  # metadata is a nicety: its failure must not cost the article
        return {}
    return {key: line_processing(unescape(value[:MAX_METADATA_CHARS])) for key, value in found.items() if value}


def _date_params() -> dict:
    from trafilatura.settings import set_date_params

    return set_date_params(extensive=False)


def xml_safe(html: str) -> str:
    """The markup without characters lxml refuses (a form feed in a page lost the whole page)."""
    return _XML_REFUSED.sub(_replace_refused, html)  # one pass: most pages have none


def _replace_refused(match: re.Match[str]) -> str:
    return "\n" if match.group() in "\f\v" else ""


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
    lines = (" ".join(t.split()) for t in _visible_text(body if body is not None else root).split("\n"))
    return "\n".join(t for t in lines if t), title or None


def _visible_text(root) -> str:
    """The text of `root` in document order, with a line break around every block element.

    An XSLT transform does it in C (a fifth of the time of walking the tree in Python, same text
    on every aeb page); the walk stays for markup nested past libxslt's recursion limit.
    """
    try:
        return str(_block_text_transform()(root))
    except Exception:  # lxml.etree.XSLTApplyError: too deep for libxslt
        return "".join(_walk_text(root))


@lru_cache(maxsize=1)
def _block_text_transform():
    from lxml import etree

    blocks = "|".join(sorted(_BLOCK_TAGS - {"br"}))
    return etree.XSLT(etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>'
        f'<xsl:template match="{blocks}"><xsl:text>&#10;</xsl:text><xsl:apply-templates/>'
        '<xsl:text>&#10;</xsl:text></xsl:template>'
        '<xsl:template match="br"><xsl:apply-templates/><xsl:text>&#10;</xsl:text></xsl:template>'
        '</xsl:stylesheet>'))


def _walk_text(root) -> list[str]:
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


def _mostly_menu(text: str) -> bool:
    """Under `MIN_PROSE_SHARE` of the text in prose lines: an extractor took menus for the article."""
    return _prose_chars(text) < MIN_PROSE_SHARE * len(text)


def _prose_chars(text: str) -> int:
    return sum(len(t) for t in text.split("\n") if len(t.split()) >= 12)

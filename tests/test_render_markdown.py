"""Markdown renders as GitHub-flavoured Markdown with the same sections as the HTML report."""

from __future__ import annotations

from markdown_it import MarkdownIt

from storydesk.render.markdown import md_escape, render_markdown
from tests.digest_factory import HOSTILE, hostile_digest

SECTIONS = ("Summary", "Where the sources disagree", "Facts and their support", "Who said what", "Timeline",
            "People, organizations, places", "Sources", "Shared copy", "The articles, cleaned")


def gfm_html(markdown: str) -> str:
    # commonmark + GFM tables and strikethrough; html stays enabled, as on GitHub, so escaping is tested.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def test_render_markdown_has_the_report_sections():
    md = render_markdown(hostile_digest())
    html = gfm_html(md)
    for title in SECTIONS:
        assert f"<h2>{title}</h2>" in html, title
    assert html.count("<table>") >= 5


def test_render_markdown_tables_keep_their_shape():
    md = render_markdown(hostile_digest())
    for block in md.split("\n\n"):
        rows = [r for r in block.splitlines() if r.startswith("|")]
        if rows:
            widths = {r.replace("\\|", "").count("|") for r in rows}
            assert len(widths) == 1, block


def test_render_markdown_escapes_hostile_text():
    md = render_markdown(hostile_digest())
    html = gfm_html(md)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;amp; Fish &amp;lt;3" in html  # entities in article text show as written
    assert "javascript:" not in html.split("<h2>The articles")[0] or "href=\"javascript" not in html


def test_render_markdown_escape_roundtrip():
    text = "a *b* [c](d) <e> `f` | g # h & i"
    rendered = gfm_html(md_escape(text))
    assert rendered.strip() == "<p>a *b* [c](d) &lt;e&gt; `f` | g # h &amp; i</p>"
    assert HOSTILE not in gfm_html(md_escape(HOSTILE))


def test_render_markdown_plain_ampersand_reads_as_written():
    # Real digests read "Law &amp; Justice party" in the .md file itself (ta120): a bare "&"
    # cannot start an entity, so only an "&" that would read as one is escaped.
    assert md_escape("Law & Justice, S&P 500, AT&T") == "Law & Justice, S&P 500, AT&T"
    assert md_escape("Fish &lt;3 &copy;") == "Fish &amp;lt;3 &amp;copy;"
    for text in ("Law & Justice", "AT&T;", "a &b; c", "&#x41;", "&#169;"):
        assert gfm_html(md_escape(text)).strip() == "<p>" + text.replace("&", "&amp;") + "</p>"

"""Clean stage: from raw pages and scraped text to an article body, recording what was removed.

Walking-skeleton version: HTML goes through trafilatura; plain text keeps its paragraphs and
takes a short first line as the title. The boilerplate classifier arrives with issue 3.
"""

from __future__ import annotations

import re

from storydesk.ingest import parse_datetime, source_from_url
from storydesk.model import Article, Problem, RawDocument, Removed

_MAX_TITLE_WORDS = 25


def clean_documents(documents: list[RawDocument]) -> tuple[list[Article], list[Problem]]:
    """Clean every document; one with no body left is reported, not dropped silently."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for doc in documents:
        article = clean_document(doc)
        if not article.text.strip():
            problems.append(Problem(doc.path or doc.id, "no article body found after cleaning; article left out", fatal=True))
            continue
        articles.append(article)
    return articles, problems


def clean_document(doc: RawDocument) -> Article:
    if doc.is_html:
        return _clean_html(doc)
    return _clean_text(doc)


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def _clean_text(doc: RawDocument) -> Article:
    text = _normalize(doc.content)
    title = doc.title
    removed: list[Removed] = []
    if title is None:
        first, _, rest = text.partition("\n")
        if first and len(first.split()) <= _MAX_TITLE_WORDS and not first.rstrip().endswith((".", '"', "”")):
            title, text = first.strip(), rest.strip()
    return Article(
        id=doc.id, text=text, title=title, source=doc.source, url=doc.url,
        path=doc.path, published=doc.published, removed=tuple(removed),
    )


def _clean_html(doc: RawDocument) -> Article:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        doc.content, url=doc.url, include_comments=False, include_tables=False, with_metadata=True,
    )
    body, title, published, url, source = "", doc.title, doc.published, doc.url, doc.source
    if extracted is not None:
        body = extracted.text or ""
        title = title or extracted.title
        published = published or parse_datetime(extracted.date)
        url = url or extracted.url
        source = source or extracted.sitename or source_from_url(url)
    # trafilatura puts one paragraph per line; the rest of storydesk reads blank-line paragraphs.
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    return Article(
        id=doc.id, text=text, title=title, source=source, url=url,
        path=doc.path, published=published,
    )

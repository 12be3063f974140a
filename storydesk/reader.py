"""One way in: every command, the store and the Python API read articles through here.

    read_articles(inputs, ReadOptions(published=...)) -> (articles, problems)

ingest (files, directories, JSONL, `-` for stdin) -> clean (or taken as they are with `raw`) ->
a missing publication date filled in from `ReadOptions.published`, and only then: the date an
article carries itself (its record, its page's metadata, its byline) always wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from storydesk.clean import clean_documents
from storydesk.ingest import read_inputs, read_stdin
from storydesk.model import Article, Problem, RawDocument

STDIN = "-"
# Articles cleaned together: boilerplate lines that several articles share are recognised within
# one batch, and a batch bounds memory on a corpus.
CLEAN_BATCH = 500

Input = str | Path | RawDocument | Article


@dataclass(frozen=True)
class ReadOptions:
    """How inputs become articles; defaults in one place."""

    published: datetime | None = None  # for articles that carry no date of their own
    raw: bool = False  # the text is clean already: take it as it is
    batch: int = CLEAN_BATCH


def read_documents(inputs: Iterable[Input]) -> tuple[list[RawDocument], list[Article], list[Problem]]:
    """The raw documents under `inputs` (paths, `-`, RawDocuments), and any Articles given as they are."""
    documents: list[RawDocument] = []
    articles: list[Article] = []
    paths: list[str | Path] = []
    problems: list[Problem] = []
    for item in inputs:
        if isinstance(item, RawDocument):
            documents.append(item)
        elif isinstance(item, Article):
            articles.append(item)
        elif str(item) == STDIN:
            result = read_stdin()
            documents.extend(result.documents)
            problems.extend(result.problems)
        else:
            paths.append(item)
    if paths:
        result = read_inputs(paths)
        documents.extend(result.documents)
        problems.extend(result.problems)
    return documents, articles, problems


def prepare(documents: Sequence[RawDocument], options: ReadOptions) -> tuple[list[Article], list[Problem]]:
    """Clean one batch of documents (or take them as they are) and date the undated ones."""
    if options.raw:
        articles = [Article(id=d.id, text=d.content, title=d.title, source=d.source, url=d.url, path=d.path,
                            published=d.published) for d in documents if d.content.strip()]
        problems = [Problem(d.path or d.id, "empty text; article left out", fatal=True)
                    for d in documents if not d.content.strip()]
    else:
        articles, problems = clean_documents(list(documents))
    return with_default_date(articles, options.published), problems


def with_default_date(articles: list[Article], published: datetime | None) -> list[Article]:
    """`published` for the articles that carry no date of their own; the others are unchanged."""
    if published is None:
        return articles
    return [a if a.published else replace(a, published=published) for a in articles]


def read_articles(inputs: Iterable[Input] | Input, options: ReadOptions | None = None) -> tuple[list[Article], list[Problem]]:
    """Every article under `inputs`, cleaned and dated, with what went wrong on the way."""
    problems: list[Problem] = []
    articles = list(iter_articles(inputs, problems, options))
    return articles, problems


def iter_articles(inputs: Iterable[Input] | Input, problems: list[Problem],
                  options: ReadOptions | None = None) -> Iterator[Article]:
    """Articles in input order, cleaned a batch at a time (corpus commands); problems go to `problems`."""
    options = options or ReadOptions()
    if isinstance(inputs, (str, Path, RawDocument, Article)):
        inputs = [inputs]
    documents, given, read_problems = read_documents(inputs)
    problems.extend(read_problems)
    yield from with_default_date(given, options.published)
    for _, articles, batch_problems in iter_batches(documents, options):
        problems.extend(batch_problems)
        yield from articles


def iter_batches(documents: Sequence[RawDocument], options: ReadOptions
                 ) -> Iterator[tuple[Sequence[RawDocument], list[Article], list[Problem]]]:
    """(documents, their articles, problems) a batch of `options.batch` at a time."""
    for first in range(0, len(documents), options.batch):
        batch = documents[first:first + options.batch]
        articles, problems = prepare(batch, options)
        yield batch, articles, problems


def article_record(article: Article) -> dict:
    """One line of `storydesk clean`: the body, its title and everything taken out."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "removed": [{"line": r.line, "text": r.text, "kind": r.kind} for r in article.removed],
    }


def left_out_record(problem: Problem) -> dict | None:
    """The `storydesk clean` line of an article cleaning left out: no text, its reason, and every
    line of it with its kind, so nothing is lost silently; None for other problems."""
    if problem.article is None:
        return None
    return {
        "id": problem.article,
        "title": None,
        "text": "",
        "left_out": problem.message,
        "removed": [{"line": r.line, "text": r.text, "kind": r.kind} for r in problem.removed],
    }

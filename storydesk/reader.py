"""One way in: every command, the store and the Python API read articles through here.

    read_articles(inputs, ReadOptions(published=...)) -> (articles, problems)

ingest (files, directories, JSONL, `-` for stdin; URLs, feeds, sitemaps and web archives through
`storydesk.sources`) -> clean (or taken as they are with `raw`) -> the language told ->
a missing publication date filled in from `ReadOptions.published`, and only then: the date an
article carries itself (its record, its page's metadata, its byline) always wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from storydesk.clean import clean_documents
from storydesk.ingest import MAX_ARTICLE_BYTES, expand_paths, read_inputs, read_stdin, unique_ids
from storydesk.language import article_language
from storydesk.model import Article, Problem, RawDocument
from storydesk.sources.feeds import FEED_SUFFIXES, listing_kind, parse_listing
from storydesk.sources.urls import Fetcher, FetchOptions, fetch_documents, read_listing
from storydesk.sources.warc import is_warc, iter_warc

STDIN = "-"
# Articles cleaned together: boilerplate lines that several articles share are recognised within
# one batch, and a batch bounds memory on a corpus.
CLEAN_BATCH = 500

Input = str | Path | RawDocument | Article
# Web archives a folder may hold beside its articles (`ingest`'s suffix: ".gz" dropped). Feeds
# in a folder are not followed: reading a folder must not fetch from the network.
FOLDER_ARCHIVES = frozenset({".warc", ".arc"})


@dataclass(frozen=True)
class ReadOptions:
    """How inputs become articles; defaults in one place."""

    published: datetime | None = None  # for articles that carry no date of their own
    raw: bool = False  # the text is clean already: take it as it is
    batch: int = CLEAN_BATCH
    fetch: FetchOptions | None = None  # how URLs are fetched (None: the defaults; offline=True: cache only)


def read_documents(inputs: Iterable[Input], fetch: FetchOptions | None = None
                   ) -> tuple[list[RawDocument], list[Article], list[Problem]]:
    """The raw documents under `inputs` (paths, `-`, URLs, feeds, archives, RawDocuments), and any
    Articles given as they are. Documents keep the order of the inputs."""
    documents: list[RawDocument] = []
    articles: list[Article] = []
    problems: list[Problem] = []
    files: list[str | Path] = []

    def flush_files() -> None:
        if files:
            result = read_inputs(files)
            documents.extend(result.documents)
            problems.extend(result.problems)
            files.clear()

    for item in inputs:
        if isinstance(item, (RawDocument, Article)):
            flush_files()
            (documents if isinstance(item, RawDocument) else articles).append(item)
            continue
        name = str(item)
        if Path(name).is_dir():  # its web archives go to the archive reader, the rest to ingest
            found, walk_problems = expand_paths([item], archives=FOLDER_ARCHIVES)
            problems.extend(walk_problems)
            for path in found:
                if is_warc(path):
                    flush_files()
                    archived, archive_problems = _split(iter_warc(path))
                    documents.extend(archived)
                    problems.extend(archive_problems)
                else:
                    files.append(path)
            continue
        source = _source_of(name)
        if source is None:
            files.append(item)
            continue
        flush_files()
        found, found_problems = source(name, fetch)
        documents.extend(found)
        problems.extend(found_problems)
    flush_files()
    return unique_ids(documents, problems), articles, problems


def _source_of(name: str):
    """The adapter that reads `name`, or None for the files `storydesk.ingest` reads."""
    if name == STDIN:
        return lambda _, __: _as_lists(read_stdin())
    if name.startswith(("http://", "https://")):
        return lambda url, fetch: fetch_documents([url], fetch)
    path = Path(name)
    if is_warc(path):
        return lambda _, __: _split(iter_warc(path))
    if path.name.lower().endswith(FEED_SUFFIXES) and path.is_file():
        return _read_listing_file
    return None


def _read_listing_file(name: str, fetch: FetchOptions | None) -> tuple[list[RawDocument], list[Problem]]:
    path = Path(name)
    try:
        data = _read_maybe_gzip(path)
    except OSError as exc:
        return [], [Problem(name, f"cannot read: {exc.strerror or exc}", fatal=True)]
    if listing_kind(data) is None:  # an .xml that is no feed: perhaps an article saved as XML
        result = read_inputs([path])
        return result.documents, result.problems
    listing = parse_listing(data, name)
    with Fetcher(fetch) as fetcher:
        return read_listing(listing, fetcher, name)


def _read_maybe_gzip(path: Path) -> bytes:
    import gzip

    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as handle:
            return handle.read(MAX_ARTICLE_BYTES)
    return path.read_bytes()[:MAX_ARTICLE_BYTES]


def _split(items) -> tuple[list[RawDocument], list[Problem]]:
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    for item in items:
        (problems if isinstance(item, Problem) else documents).append(item)
    return documents, problems


def _as_lists(result) -> tuple[list[RawDocument], list[Problem]]:
    return result.documents, result.problems


def prepare(documents: Sequence[RawDocument], options: ReadOptions) -> tuple[list[Article], list[Problem]]:
    """Clean one batch of documents (or take them as they are) and date the undated ones."""
    if options.raw:
        articles = [Article(id=d.id, text=d.content, title=d.title, source=d.source, url=d.url, path=d.path,
                            published=d.published) for d in documents if d.content.strip()]
        problems = [Problem(d.path or d.id, "empty text; article left out", fatal=True)
                    for d in documents if not d.content.strip()]
    else:
        articles, problems = clean_documents(list(documents))
    articles = [replace(a, language=article_language(a.text)) for a in articles]
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
    documents, given, read_problems = read_documents(inputs, options.fetch)
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
    if problem.article is None or not problem.fatal:
        return None
    return {
        "id": problem.article,
        "title": None,
        "text": "",
        "left_out": problem.message,
        "removed": [{"line": r.line, "text": r.text, "kind": r.kind} for r in problem.removed],
    }

"""The one place where the stages are composed into a digest.

    ingest -> clean -> segment -> reuse -> extract -> align -> summarize

Each stage is a plain function over `storydesk.model` records. A stage that fails on
unexpected input does not take the digest down: its failure is recorded as a Problem naming
the stage, and the digest carries that stage's empty result (unless `Options.strict`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from storydesk import align, extract, reuse, segment, summarize
from storydesk.align.text import clip
from storydesk.embed import encode_ahead
from storydesk.errors import ModelMissing
from storydesk.language import SUPPORTED, language_name
from storydesk.model import (
    Alignment,
    Article,
    Digest,
    Extraction,
    Problem,
    RawDocument,
    ReuseReport,
    Sentence,
    Story,
)
from storydesk.reader import ReadOptions, iter_articles

T = TypeVar("T")

# The longest news articles run to about 20,000 words (~130,000 characters). A body far longer is
# a dump or a book, and the model stages (NER at ~450 sentences/s) would take minutes on it, so
# the digest reads its first part, cut at a paragraph break, and says so.
MAX_DIGEST_CHARS = 200_000
# One digest reads at most this many articles / characters of text: measured with
# benchmarks/bench_digest_scale.py (see README), the digest costs about half a CPU-second and
# 7 MB per article; past this, minutes and gigabytes for what is many stories, not one.
MAX_STORY_ARTICLES = 300
MAX_STORY_CHARS = 1_500_000
# A headline made from a sentence (untitled articles) is cut to this, at a word boundary.
HEADLINE_CHARS = 160


@dataclass(frozen=True)
class Options:
    """Every knob of a digest run, with its default in one place."""

    published: datetime | None = None  # publication date for articles that carry none
    words: int = summarize.DEFAULT_WORDS  # summary length target
    story_id: str | None = None
    strict: bool = False  # raise stage errors instead of recording them (tests, debugging)
    # False: digest without the model packages, on purpose: no entities, quotes, facts or
    # conflicts, and the digest says so. True (default): a missing model is an error (ModelMissing).
    models: bool = True
    max_articles: int = MAX_STORY_ARTICLES  # more is refused (StoryTooBig), not a stall


class StoryTooBig(Exception):
    """More articles (or text) than one digest reads in reasonable time and memory."""


def check_story_size(articles: Sequence[Article], max_articles: int) -> None:
    """Raise StoryTooBig, saying what to do instead, when the articles are too many for one digest."""
    characters = sum(len(a.text) for a in articles)
    if len(articles) <= max_articles and characters <= MAX_STORY_CHARS:
        return
    raise StoryTooBig(
        f"{len(articles):,} articles ({characters:,} characters) are too many for one digest (the limit is "
        f"{max_articles:,} articles or {MAX_STORY_CHARS:,} characters; a digest's time and memory grow with "
        "them). A digest is one story: group the articles into stories first, with `storydesk cluster "
        "ARTICLES --out stories.jsonl`, or keep them in a store, `storydesk run ARTICLES --store news.db`, "
        "which digests each story on its own."
    )


class NothingToDigest(Exception):
    """No article could be read: the problems say why."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("no article could be read")


def digest(
    inputs: Iterable[str | Path | RawDocument | Article] | str | Path,
    options: Options | None = None,
    reading: ReadOptions | None = None,
    **overrides,
) -> Digest:
    """Digest one story from paths (files, directories, JSONL, `-`), raw documents or articles.

    `digest(["a.txt", "b.html"], published=datetime(2024, 3, 10))` is the Python API; keyword
    arguments override fields of `options`; `reading` says how inputs are read (URL fetching,
    raw text). Raises NothingToDigest when no article is readable.
    """
    options = options or Options()
    if overrides:
        options = replace(options, **overrides)
    problems: list[Problem] = []
    reading = replace(reading or ReadOptions(), published=options.published)
    articles = _run_stage("clean", lambda: list(iter_articles(inputs, problems, reading)), [], options, problems)
    if not articles:
        raise NothingToDigest(problems)
    check_story_size(articles, options.max_articles)
    return digest_articles(articles, options, problems)


def digest_articles(articles: list[Article], options: Options, problems: list[Problem] | None = None) -> Digest:
    """The stages after cleaning, for callers that already hold clean articles (the store, batch)."""
    problems = problems if problems is not None else []
    articles, other_languages = english_only(articles, problems)
    if not articles:
        raise NothingToDigest(problems)
    articles = [cap_article_length(a, problems) for a in articles]
    sentences: list[Sentence] = _run_stage(
        "segment", lambda: [s for a in articles for s in segment.split_sentences(a)], [], options, problems
    )
    reuse_report: ReuseReport = _run_stage(
        "reuse", lambda: reuse.find_wire_copy(articles, sentences), ReuseReport(), options, problems
    )
    if options.models:
        ahead = encode_ahead([s.text for s in sentences])  # the align stage's vectors, beside extract
        extraction: Extraction = _run_stage(
            "extract", lambda: extract.extract(articles, sentences), Extraction(), options, problems
        )
        # While the encoder thread finishes the vectors (onnxruntime computes without the GIL), this
        # thread does the align stage's part that needs no vectors and the summary's part that
        # needs no alignment: two cores at work instead of both encoding and then one aligning and
        # summarizing. A failure here is met again, and recorded, in its own stage, which then
        # does that part itself.
        aligning = _groundwork(lambda: align.groundwork(articles, sentences, extraction, reuse_report))
        prepared = _groundwork(lambda: summarize.groundwork(articles, sentences))
        # The model calls left are shared with this thread; a failure (a missing model) is raised
        # again by the align stage's own call.
        ahead.join()
        alignment: Alignment = _run_stage(
            "align", lambda: align.align_facts(articles, sentences, extraction, reuse_report, aligning), Alignment(),
            options, problems,
        )
    else:
        prepared = None
        extraction, alignment = Extraction(), Alignment()
        problems.append(Problem("stages extract, align", "skipped (--no-models): no entities, quotes, facts, "
                                "conflicts or timeline; the summary cannot hold back a disputed claim"))
    summary = _run_stage("summarize", lambda: _summary(articles, sentences, alignment, reuse_report, options, problems,
                                                       prepared), [], options, problems)
    return Digest(
        story=make_story(articles, options.story_id, lead=summary[0].text if summary else None),
        articles=tuple(articles) + tuple(other_languages),
        sentences=tuple(sentences),
        reuse=reuse_report,
        extraction=extraction,
        alignment=alignment,
        summary=tuple(summary),
        problems=tuple(problems),
    )


def _groundwork(make: Callable[[], T]) -> T | None:
    """A stage's groundwork made ahead, or None when it fails (the stage then meets the failure itself)."""
    try:
        return make()
    except Exception:
        return None


def _summary(articles: list[Article], sentences: list[Sentence], alignment: Alignment, reuse_report: ReuseReport,
             options: Options, problems: list[Problem], prepared: summarize.Groundwork | None = None) -> list:
    """The cited summary; without the models on purpose (--no-models) and no parser installed, none,
    and the digest says why (its citation check and lead read the dependency parse)."""
    try:
        return summarize.summarize(articles, sentences, alignment, reuse_report, words=options.words,
                                   prepared=prepared)
    except ModelMissing:
        if options.models:
            raise
        problems.append(Problem("stage summarize", "skipped (--no-models): the summary needs the spaCy parser "
                                "(its citation check and lead), and the model is not installed"))
        return []


def summarize_articles(articles: list[Article], words: int = summarize.DEFAULT_WORDS) -> list:
    """The cited summary alone, for batches of stories: clean articles -> segment -> reuse ->
    summarize. It skips extract and align (NER and fact grouping, most of a digest's time); the
    summary's support then comes from sentence similarity and the reuse stage's copy groups."""
    problems: list[Problem] = []
    articles = [cap_article_length(a, problems) for a in articles]
    sentences = [s for a in articles for s in segment.split_sentences(a)]
    return summarize.summarize(articles, sentences, Alignment(), reuse.find_wire_copy(articles, sentences), words=words)


def english_only(articles: list[Article], problems: list[Problem]) -> tuple[list[Article], list[Article]]:
    """(articles the stages can read, articles in another language): the latter are reported and
    listed in the digest, not misread by English rules and models."""
    readable = [a for a in articles if a.language in SUPPORTED or a.language is None]
    others = [a for a in articles if not (a.language in SUPPORTED or a.language is None)]
    for article in others:
        problems.append(Problem(article.path or article.id, f"written in {language_name(article.language)} "
                                f"({article.language}); storydesk reads English only, so it is listed but not digested",
                                fatal=True))
    if others and not readable:
        problems.append(Problem("digest", "no article in a language storydesk reads (English)", fatal=True))
    return readable, others


def cap_article_length(article: Article, problems: list[Problem], limit: int = MAX_DIGEST_CHARS) -> Article:
    """The article cut to `limit` characters at a paragraph break, with a warning; unchanged if shorter."""
    if len(article.text) <= limit:
        return article
    cut = article.text.rfind("\n\n", 0, limit)
    cut = cut if cut > limit // 2 else limit
    problems.append(Problem(article.path or article.id, f"article body is {len(article.text):,} characters; the digest "
                            f"reads its first {cut:,} (`storydesk clean` keeps all of it)"))
    return replace(article, text=article.text[:cut])


def _run_stage(name: str, run: Callable[[], T], empty: T, options: Options, problems: list[Problem]) -> T:
    try:
        return run()
    except ModelMissing:  # not a stage bug: the digest would silently lose facts and conflicts
        raise
    except Exception as exc:  # a stage bug must not lose the user's whole digest
        if options.strict:
            raise
        problems.append(Problem(f"stage {name}", f"failed ({type(exc).__name__}: {exc}); its results are left out"))
        return empty


def make_story(articles: Sequence[Article], story_id: str | None = None, lead: str | None = None) -> Story:
    """Headline: the title that shares most words with the other titles (the story's consensus).

    Without titles, the summary's lead sentence (`lead`) when there is one: an article's first
    line is often a side detail or a caption in scraped text; failing both, that first line."""
    titles = [a.title for a in articles if a.title]
    if titles:
        vocab = Counter(w for t in titles for w in set(_words(t)))
        headline = max(titles, key=lambda t: (sum(vocab[w] - 1 for w in set(_words(t))), -len(t)))
    elif lead:
        headline = clip(lead, HEADLINE_CHARS)
    else:
        headline = clip(articles[0].text.strip().split("\n")[0], HEADLINE_CHARS)
    dates = sorted(a.published for a in articles if a.published)
    slug = "-".join(_words(headline)[:8]) or "story"
    return Story(
        id=story_id or slug,
        headline=headline,
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())

"""The story store's update loop (`storydesk run`): read, skip what the store has seen, cluster, digest.

An article already stored (by id) is skipped, and so is one cleaning left out before (its reason
is kept in the store); new ones join their stories through the clusterer's saved state, and only
the stories that gained an article are digested again. Each batch of articles is one
transaction and each digest is committed on its own, so an interrupted run loses at most the
batch in flight and the next run carries on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storydesk.cluster import ClusterOptions
from storydesk.model import Article, Problem, RawDocument
from storydesk.pipeline import NothingToDigest, Options, digest_articles, english_only
from storydesk.reader import Input, ReadOptions, iter_batches, read_documents, with_default_date
from storydesk.runners.clustering import ASSIGN_BATCH, Progress
from storydesk.store import StoryStore


@dataclass
class RunReport:
    added: int = 0
    skipped: int = 0  # ids already in the store, or left out by an earlier run
    digested: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def update_store(
    inputs: Iterable[Input],
    store_path: str | Path,
    *,
    read_options: ReadOptions | None = None,
    cluster_options: ClusterOptions | None = None,
    digest_options: Options | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Add the new articles under `inputs` to the store, then digest every story that changed.

    Never raises on bad input: unreadable files and records are in the report's problems.
    """
    read_options = read_options or ReadOptions(batch=ASSIGN_BATCH)
    report = RunReport()
    documents, given, problems = read_documents(inputs, read_options.fetch)
    report.problems.extend(problems)
    with StoryStore(store_path, cluster_options) as store:
        ids = [d.id for d in documents] + [a.id for a in given]
        known = store.known_ids(ids)
        fresh = [d for d in documents if d.id not in known]
        given = [a for a in given if a.id not in known]
        report.skipped = len(ids) - len(fresh) - len(given)
        if given:
            store.add_articles(with_default_date(given, read_options.published))
            report.added += len(given)
        done = 0
        for batch, articles, batch_problems in iter_batches(fresh, read_options):
            # Articles in a language the stages cannot read are remembered as left out, with why.
            articles, _ = english_only(articles, batch_problems)
            report.problems.extend(batch_problems)
            store.add_articles(articles)
            store.record_left_out(left_out(batch, articles, batch_problems))
            report.added += len(articles)
            done += len(batch)
            if progress:
                progress("clustering", done, len(fresh))
        stale = store.stale_stories()
        options = digest_options or Options()
        for count, story_id in enumerate(stale, start=1):
            story_problems: list[Problem] = []
            try:
                digest = digest_articles(store.story_articles(story_id), replace(options, story_id=story_id),
                                         story_problems)
            except NothingToDigest:
                story_problems.append(Problem("digest", "nothing in the story could be digested; left stale"))
            else:
                store.save_digest(story_id, digest)
                report.digested.append(story_id)
            report.problems.extend(Problem(f"story {story_id}: {p.where}", p.message) for p in story_problems)
            if progress:
                progress("digesting", count, len(stale))
    return report


def left_out(batch: Sequence[RawDocument], articles: Sequence[Article], problems: Sequence[Problem]):
    """(id, reason, path) of each document of the batch that cleaning did not turn into an article."""
    kept = {a.id for a in articles}
    reasons = {p.where: p.message for p in problems if p.fatal}
    for doc in batch:
        if doc.id not in kept:
            yield doc.id, reasons.get(doc.path or doc.id, "left out by cleaning"), doc.path

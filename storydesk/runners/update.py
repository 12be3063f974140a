"""The story store's update loop (`storydesk run`): read, skip what the store has seen, cluster, digest.

An article already stored (by id) is skipped, and so is one cleaning left out before (its reason
is kept in the store); new ones join their stories through the clusterer's saved state, and only
the stories that gained an article are digested again. Each batch of articles is one
transaction and each digest is committed on its own, so an interrupted run loses at most the
batch in flight and the next run carries on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storydesk.cluster import ClusterOptions
from storydesk.cluster.drift import Split
from storydesk.cluster.stream import Merge
from storydesk.model import Article, Problem, RawDocument
from storydesk.pipeline import Options, english_only
from storydesk.reader import Input, ReadOptions, iter_batches, read_documents, with_default_date
from storydesk.runners.clustering import ASSIGN_BATCH, Progress
from storydesk.runners.digests import digest_stories
from storydesk.store import LOCK_WAIT_SECONDS, StoryStore


@dataclass
class RunReport:
    added: int = 0
    skipped: int = 0  # ids already in the store, or left out by an earlier run
    digested: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)  # stories that met and were folded into one
    splits: list[Split] = field(default_factory=list)  # stories whose members drifted apart, cut in two


def update_store(
    inputs: Iterable[Input],
    store_path: str | Path,
    *,
    read_options: ReadOptions | None = None,
    cluster_options: ClusterOptions | None = None,
    digest_options: Options | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    lock_wait: float = LOCK_WAIT_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> RunReport:
    """Add the new articles under `inputs` to the store, then digest every story that changed
    (in `jobs` worker processes when above 1: storydesk.runners.digests).

    Never raises on bad input: unreadable files and records are in the report's problems. One
    run writes to a store at a time: another waits up to `lock_wait` seconds (see StoryStore).
    """
    read_options = read_options or ReadOptions(batch=ASSIGN_BATCH)
    report = RunReport()
    documents, given, problems = read_documents(inputs, read_options.fetch)
    report.problems.extend(problems)
    with StoryStore(store_path, cluster_options, writer=True, lock_wait=lock_wait, on_wait=on_wait) as store:
        known, fresh, report.skipped = add_given_and_skip_known(store, documents, given, read_options, report)
        done = 0
        for batch, articles, batch_problems in iter_batches_in_place(documents, known, read_options):
            # Articles in a language the stages cannot read are remembered as left out, with why.
            articles, _ = english_only(articles, batch_problems)
            report.problems.extend(batch_problems)
            store.add_articles(articles, left_out=list(left_out(batch, articles, batch_problems)))
            report.added += len(articles)
            done += len(batch)
            if progress:
                progress("clustering", done, len(fresh))
        report.merges = list(store.merges)
        report.splits = list(store.splits)
        stale = store.stale_stories()
        results = digest_stories(store, stale, digest_options or Options(), jobs=jobs)
        for count, result in enumerate(results, start=1):
            if result.digest is not None:
                store.save_digest(result.story_id, result.digest)
                report.digested.append(result.story_id)
            report.problems.extend(Problem(f"story {result.story_id}: {p.where}", p.message) for p in result.problems)
            if progress:
                progress("digesting", count, len(stale))
    return report


def add_given_and_skip_known(store: StoryStore, documents: Sequence[RawDocument], given: Sequence[Article],
                             options: ReadOptions, report) -> tuple[set[str], list[RawDocument], int]:
    """Store the Articles given as they are (new ones only); return the ids the store knew, the new
    documents, and how many inputs were skipped as known (`run` and `batch` alike)."""
    ids = [d.id for d in documents] + [a.id for a in given]
    known = store.known_ids(ids)
    fresh = [d for d in documents if d.id not in known]
    new_given = [a for a in given if a.id not in known]
    if new_given:
        store.add_articles(with_default_date(new_given, options.published))
        report.added += len(new_given)
    return known, fresh, len(ids) - len(fresh) - len(new_given)


def batches_in_place(documents: Sequence[RawDocument], known: set[str], size: int) -> list[list[RawDocument]]:
    """The new documents in batches cut at fixed positions of the input (every `size` documents,
    counting the known ones), so a run resumed after an interruption places the same batches as
    one that never stopped (the clusterer weighs each batch's words before placing it)."""
    batches = ([d for d in documents[first:first + size] if d.id not in known] for first in range(0, len(documents), size))
    return [batch for batch in batches if batch]


def iter_batches_in_place(documents: Sequence[RawDocument], known: set[str], options: ReadOptions):
    for fresh in batches_in_place(documents, known, options.batch):
        yield from iter_batches(fresh, replace(options, batch=len(fresh)))


def left_out(batch: Sequence[RawDocument], articles: Sequence[Article], problems: Sequence[Problem]):
    """(id, reason, path) of each document of the batch that cleaning did not turn into an article."""
    kept = {a.id for a in articles}
    reasons = {p.where: p.message for p in problems if p.fatal}
    for doc in batch:
        if doc.id not in kept:
            yield doc.id, reasons.get(doc.path or doc.id, "left out by cleaning"), doc.path

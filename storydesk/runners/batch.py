"""Batch mode on Dask: `storydesk run` for corpora beyond one process or one machine.

The work that dominates (cleaning pages, digesting stories) runs as Dask tasks on a
LocalCluster, or on any scheduler given by address; what must see articles in order (skipping
ids the store knows, clustering the stream) runs on the driver, in the same batches as `run`.
So the same input gives the same stories and the same digests as `run`, whatever the cluster.

    out/stories.db        the story store (`storydesk stories --store out/stories.db`)
    out/assignments.jsonl one {"id", "story"} a line, in input order
    out/digests.jsonl     one digest (storydesk.digest/1) a line, by story id
    out/problems.jsonl    one {"where", "message", "fatal"} a line
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storydesk.model import Article, Digest, Problem, RawDocument
from storydesk.pipeline import NothingToDigest, Options, digest_articles, english_only
from storydesk.reader import Input, ReadOptions, prepare, read_documents
from storydesk.runners.clustering import ASSIGN_BATCH, Progress
from storydesk.runners.update import add_given_and_skip_known, batches_in_place, left_out
from storydesk.store import StoryStore

STORE_NAME = "stories.db"
SCHEDULER_TIMEOUT = "10s"  # to reach a scheduler given by address; a wrong address fails in seconds


class DaskMissing(RuntimeError):
    """The batch mode's extra is not installed."""


@dataclass
class BatchReport:
    added: int = 0
    skipped: int = 0
    stories: int = 0
    digested: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    workers: int = 0


def clean_partition(batch: Sequence[RawDocument], options: ReadOptions) -> tuple[list[Article], list[Problem]]:
    """A task: one batch of raw documents cleaned, dated and told its language."""
    return prepare(batch, options)


def digest_story(story_id: str, articles: list[Article], options: Options) -> tuple[str, Digest | None, list[Problem]]:
    """A task: one story's digest (models load once per worker process, on its first story)."""
    problems: list[Problem] = []
    try:
        return story_id, digest_articles(articles, replace(options, story_id=story_id), problems), problems
    except NothingToDigest:
        return story_id, None, problems + [Problem("digest", "nothing in the story could be digested")]


def run_batch(
    inputs: Iterable[Input],
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    read_options: ReadOptions | None = None,
    digest_options: Options | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Read, clean (tasks), cluster (driver), digest (tasks) into `out_dir`; see the module doc."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise DaskMissing("batch mode needs Dask: `pip install 'storydesk[batch]'`") from None
    read_options = read_options or ReadOptions(batch=ASSIGN_BATCH)
    digest_options = digest_options or Options()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BatchReport()
    documents, given, problems = read_documents(inputs, read_options.fetch)
    report.problems.extend(problems)

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None, silence_logs=50)
    try:
        with Client(scheduler or cluster, timeout=SCHEDULER_TIMEOUT) as client, \
                StoryStore(out / STORE_NAME, writer=True) as store:
            report.workers = len(client.scheduler_info().get("workers", {}))
            known, _, report.skipped = add_given_and_skip_known(store, documents, given, read_options, report)
            # The batches `run` would cut, so the clusterer sees what `run` sees.
            batches = batches_in_place(documents, known, read_options.batch)
            options_future = client.scatter(read_options, broadcast=True)
            futures = client.map(clean_partition, batches, [options_future] * len(batches), pure=False)
            # Cleaned in parallel, placed in input order: the clusterer sees what `run` sees.
            for done, (batch, future) in enumerate(zip(batches, futures, strict=True), start=1):
                articles, batch_problems = future.result()
                future.release()
                articles, _ = english_only(articles, batch_problems)
                report.problems.extend(batch_problems)
                store.add_articles(articles, left_out=list(left_out(batch, articles, batch_problems)))
                report.added += len(articles)
                if progress:
                    progress("clustering", done, len(batches))
            stale = store.stale_stories()
            digest_futures = [client.submit(digest_story, story_id, store.story_articles(story_id), digest_options,
                                            pure=False) for story_id in stale]
            for done, future in enumerate(as_completed(digest_futures), start=1):
                story_id, digest, story_problems = future.result()
                report.problems.extend(Problem(f"story {story_id}: {p.where}", p.message) for p in story_problems)
                if digest is not None:
                    store.save_digest(story_id, digest)
                    report.digested.append(story_id)
                if progress:
                    progress("digesting", done, len(stale))
            _write_outputs(store, out, report)
    finally:
        if cluster is not None:
            cluster.close()
    return report


def _write_outputs(store: StoryStore, out: Path, report: BatchReport) -> None:
    assignments = store.assignments()
    report.stories = len(set(assignments.values()))
    with (out / "assignments.jsonl").open("w", encoding="utf-8") as handle:
        for article, story in assignments.items():
            handle.write(json.dumps({"id": article, "story": story}, ensure_ascii=False) + "\n")
    with (out / "digests.jsonl").open("w", encoding="utf-8") as handle:
        for row in sorted(store.stories(), key=lambda r: r.id):
            stored = store.digest_dict(row.id)
            if stored is not None:
                handle.write(json.dumps(stored, ensure_ascii=False).encode("utf-8", "replace").decode() + "\n")
    with (out / "problems.jsonl").open("w", encoding="utf-8") as handle:
        for problem in report.problems:
            handle.write(json.dumps({"where": problem.where, "message": problem.message, "fatal": problem.fatal},
                                    ensure_ascii=False).encode("utf-8", "replace").decode() + "\n")


"""Digest a store's stale stories, in this process or in worker processes (`storydesk run --jobs N`).

Workers are separate processes (the stages are CPU-bound Python): each loads spaCy and the
encoder once, on its first story, and digests whole stories. This process stays the only
writer of the SQLite file: it reads each story's articles and the sentence vectors the store
kept for them, and saves each digest, with the vectors made for it, as it comes back, so the
store never embeds a sentence twice (a story that gains an article is re-digested with only
the new article's sentences encoded).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace

from storydesk.errors import ModelMissing
from storydesk.model import Article, Digest, Problem
from storydesk.pipeline import NothingToDigest, Options, digest_articles
from storydesk.store import StoryStore

# Stories handed to the workers ahead of the results: enough that none waits, few enough that
# the articles read ahead stay a small part of memory.
QUEUED_PER_WORKER = 2


@dataclass(frozen=True)
class StoryJob:
    story_id: str
    articles: list[Article]
    options: Options
    model: str | None = None  # the encoder's model_id() the stored vectors belong to
    vectors: dict[str, bytes] = field(default_factory=dict)  # sentence text -> float32 bytes


@dataclass
class StoryResult:
    story_id: str
    digest: Digest | None
    problems: list[Problem]
    vectors: dict[str, bytes] = field(default_factory=dict)  # made for this digest, not given
    missing_model: str | None = None  # a model package was missing: the run stops


def digest_story(job: StoryJob) -> StoryResult:
    """One story's digest, the stored vectors put in the encoder's cache first (runs in a worker)."""
    encoder = None
    if job.model is not None:
        import numpy as np

        from storydesk.embed import get_encoder

        encoder = get_encoder()
        encoder.remember({t: np.frombuffer(v, dtype=np.float32) for t, v in job.vectors.items()})
    problems: list[Problem] = []
    try:
        digest = digest_articles(job.articles, replace(job.options, story_id=job.story_id), problems)
    except NothingToDigest:
        problems.append(Problem("digest", "nothing in the story could be digested; left stale"))
        return StoryResult(job.story_id, None, problems)
    except ModelMissing as exc:
        return StoryResult(job.story_id, None, problems, missing_model=exc.package)
    made = {}
    if encoder is not None:
        made = {t: v.tobytes() for t, v in encoder.cached(s.text for s in digest.sentences).items()
                if t not in job.vectors}
    return StoryResult(job.story_id, digest, problems, made)


def digest_stories(
    store: StoryStore, story_ids: Sequence[str], options: Options, jobs: int = 1
) -> Iterator[StoryResult]:
    """Digest each story (with `jobs` worker processes when above 1), saving each result's new
    sentence vectors; yields results as they finish (in `story_ids` order with one job)."""
    model = _model_id() if options.models else None
    if jobs <= 1:
        for story_id in story_ids:
            yield _finish(store, model, digest_story(_job(store, story_id, options, model)))
        return
    import multiprocessing

    # Every worker runs one thread of numerical code: the workers themselves fill the cores.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    # Largest stories first, so no large one starts last while the other workers sit idle.
    sizes = {s.id: s.articles for s in store.stories()}
    queue = iter(sorted(story_ids, key=lambda s: -sizes.get(s, 0)))
    # "spawn": a fresh interpreter per worker; forking a process that may hold model threads can hang.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        running: set[Future] = set()
        while True:
            for story_id in queue:
                running.add(pool.submit(digest_story, _job(store, story_id, options, model)))
                if len(running) >= jobs * QUEUED_PER_WORKER:
                    break
            if not running:
                return
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield _finish(store, model, future.result())


def _job(store: StoryStore, story_id: str, options: Options, model: str | None) -> StoryJob:
    articles = store.story_articles(story_id)
    vectors: dict[str, bytes] = {}
    if model is not None:
        from storydesk.segment import split_sentences

        vectors = store.sentence_vectors(model, {s.text for a in articles for s in split_sentences(a)})
    return StoryJob(story_id, articles, options, model, vectors)


def _finish(store: StoryStore, model: str | None, result: StoryResult) -> StoryResult:
    if result.missing_model is not None:
        raise ModelMissing(result.missing_model)
    if model is not None and result.vectors:
        store.save_sentence_vectors(model, result.vectors)
    return result


def _model_id() -> str | None:
    from storydesk.embed import model_id

    try:
        return model_id()
    except ModelMissing:
        return None  # the digest itself says which package is missing

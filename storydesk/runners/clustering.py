"""A stream of articles into stories: the one loop behind `storydesk cluster` and `storydesk run`.

Both read, clean and assign in the same batches, so the same input gives the same stories
whichever command runs it (the clusterer counts a batch's words into its IDF before placing it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from storydesk.cluster import Assignment, ClusterOptions, Merge, Split, StoryClusterer
from storydesk.model import Problem
from storydesk.reader import Input, ReadOptions, iter_batches, read_documents, with_default_date

# Articles cleaned and placed together: the clusterer sees a batch's words before placing it, and
# the store commits one batch per transaction (small enough that an interruption redoes little).
ASSIGN_BATCH = 200

Progress = Callable[[str, int, int], None]  # (stage, done, total); total 0 when unknown


def cluster_articles(
    inputs: Iterable[Input],
    problems: list[Problem],
    read_options: ReadOptions | None = None,
    cluster_options: ClusterOptions | None = None,
    progress: Progress | None = None,
    moves: list[Merge | Split] | None = None,
) -> Iterator[Assignment]:
    """Every readable article's story as first placed, in input order (online: each joins the
    closest recent story). Stories merged or split later are added to `moves` once the stream is
    read (`storydesk.cluster.final_stories` gives each article its story after them)."""
    read_options = read_options or ReadOptions(batch=ASSIGN_BATCH)
    documents, given, read_problems = read_documents(inputs, read_options.fetch)
    problems.extend(read_problems)
    clusterer = StoryClusterer(cluster_options)
    done = 0
    if given:
        yield from clusterer.assign(with_default_date(given, read_options.published))
    for _, articles, batch_problems in iter_batches(documents, read_options):
        problems.extend(batch_problems)
        yield from clusterer.assign(articles)
        done += len(articles)
        if progress:
            progress("clustering", done, 0)
    if moves is not None:
        moves.extend(clusterer.moves)

"""Drift: a story whose members no longer hang together is cut in two.

An online clusterer joins each article to the closest story of the moment, so a story can chain:
an article about a second happening with the same people joins because its words are close
enough, the next reports of that second happening join it, and the story ends up holding two
events. The clusterer keeps each member's own (unit) word and name vectors, and after some
joins compares the members pairwise with the join formula. Grouped by average link into two
parts, a story whose two parts are less alike than SPLIT_THRESHOLD (on average, member to
member) drifted apart: the part without the story's first article leaves as a new story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Members a story keeps vectors for; a story that grows past this is no longer checked for drift
# (long-running stories are the ones a reader follows: they are not cut after the fact).
MAX_MEMBERS = 64
# A story is checked after each join from this size on (two members cannot drift: the second
# joined because it was close to the first), every join up to DENSE_CHECKS_UP_TO members, then
# every CHECK_EVERY joins.
MIN_SPLIT_SIZE = 4
# Each part of a split has at least this many members. A lone member far from the rest is usually
# one event told another way (the study itself beside its coverage, a transcript): on the tune half,
# letting single members leave split only stories that were one event.
MIN_PART_SIZE = 2
DENSE_CHECKS_UP_TO = 16
CHECK_EVERY = 4


@dataclass(frozen=True)
class Member:
    """What a story remembers of one member article: its weighted unit vectors as at joining."""

    article: str
    term_keys: np.ndarray  # int64, hashed terms
    term_weights: np.ndarray  # float64, the article's L2-normalised TF-IDF weights
    name_keys: np.ndarray
    name_weights: np.ndarray
    time: float | None
    signature: np.ndarray | None
    embedding: np.ndarray | None = None

    @classmethod
    def of(cls, article: str, terms: dict[int, float], names: dict[int, float], time: float | None,
           signature: np.ndarray | None, embedding: np.ndarray | None = None) -> Member:
        return cls(article, *_arrays(terms), *_arrays(names), time, signature, embedding)


@dataclass(frozen=True)
class Split:
    """Story `source` drifted apart: the articles in `articles` left it for the new story `target`."""

    source: str
    target: str
    articles: tuple[str, ...]
    cohesion: float  # average similarity between the two parts, member to member (below the threshold)


def due_for_check(size: int, tracked: int) -> bool:
    """Whether a story of `size` articles, `tracked` of them with vectors, is checked after this join."""
    if tracked != size or size < MIN_SPLIT_SIZE:
        return False
    return size <= DENSE_CHECKS_UP_TO or size % CHECK_EVERY == 0


def pairwise_similarity(members: Sequence[Member], name_weight: float, name_offset: float,
                        min_word_similarity: float) -> np.ndarray:
    """Member-to-member similarity with the clusterer's join formula (words, then names on top)."""
    words = _gram([m.term_keys for m in members], [m.term_weights for m in members])
    names = _gram([m.name_keys for m in members], [m.name_weights for m in members])
    named = np.array([len(m.name_keys) > 0 for m in members])
    with_names = words + name_weight * (names - name_offset)
    # as the clusterer scores: a member that names no one is judged by its words
    return np.where((words < min_word_similarity) | ~np.outer(named, named), words, with_names)


def split_in_two(similarity: np.ndarray) -> tuple[np.ndarray, float]:
    """Average-link agglomeration down to two groups: (mask of the group without member 0, their link).

    With fewer than two members the mask is empty and the link infinite.
    """
    count = len(similarity)
    if count < 2:
        return np.zeros(count, dtype=bool), float("inf")
    link = similarity.astype(np.float64)  # summed similarity between groups (divided by sizes when compared)
    np.fill_diagonal(link, 0.0)
    size = np.ones(count)
    label = np.arange(count)
    alive = np.ones(count, dtype=bool)
    for _ in range(count - 2):
        mean = link / np.outer(size, size)
        mean[~alive, :] = -np.inf
        mean[:, ~alive] = -np.inf
        np.fill_diagonal(mean, -np.inf)
        i, j = np.unravel_index(int(np.argmax(mean)), mean.shape)
        i, j = min(i, j), max(i, j)
        link[i] += link[j]
        link[:, i] += link[:, j]
        link[i, i] = 0.0
        size[i] += size[j]
        alive[j] = False
        label[label == j] = i
    first, second = np.flatnonzero(alive)
    between = float(link[first, second] / (size[first] * size[second]))
    return label != label[0], between


def _arrays(vector: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
    keys = np.fromiter(vector, dtype=np.int64, count=len(vector))
    weights = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
    return keys, weights


def _gram(keys: list[np.ndarray], weights: list[np.ndarray]) -> np.ndarray:
    """Dot products of sparse vectors given as (keys, weights), through one dense member x key matrix."""
    vocabulary, columns = np.unique(np.concatenate(keys), return_inverse=True)
    matrix = np.zeros((len(keys), len(vocabulary)))
    rows = np.repeat(np.arange(len(keys)), [len(k) for k in keys])
    matrix[rows, columns] = np.concatenate(weights)
    return matrix @ matrix.T

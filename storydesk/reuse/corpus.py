"""Reuse over a corpus: LSH candidates, then passage alignment of the closest ones.

    find_reuse(articles) -> iterator of ReusePair

Articles arrive in order; each is indexed and compared with the earlier articles it shares an
LSH bucket with. The MAX_PARTNERS most similar of those with estimated Jaccard similarity of at
least MIN_SIMILARITY are aligned, so a text copied a thousand times costs a bounded amount per
copy instead of a million alignments.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

import numpy as np

from storydesk.model import Article, ReusePair
from storydesk.reuse import pair_reuse
from storydesk.reuse.minhash import BANDS, NUM_PERM, ROWS, LSHIndex, MinHasher
from storydesk.reuse.passages import Vocabulary, tokenize

# Estimated Jaccard (over 4-word shingles) from which a pair is aligned: a wire copy with light
# edits scores 0.5-0.9; two articles sharing one paragraph out of ten about 0.1, which the
# LSH bands rarely surface anyway. Pairs below are not worth an alignment.
MIN_SIMILARITY = 0.1
# Each article is aligned with at most this many of its most similar earlier candidates: copy
# groups are connected components, so a text copied a thousand times stays one group through
# each copy's nearest copies, at a bounded cost per article.
MAX_PARTNERS = 5
# Aligning needs each candidate's tokens; keep the most recent ones (copies cluster in time).
TOKEN_CACHE = 20_000


def find_reuse(
    articles: Iterable[Article],
    max_partners: int = MAX_PARTNERS,
    min_similarity: float = MIN_SIMILARITY,
    num_perm: int = NUM_PERM,
    bands: int = BANDS,
    rows: int = ROWS,
) -> Iterator[ReusePair]:
    """Pairs of articles that share passages, each pair once (earlier article as `a`)."""
    hasher = MinHasher(num_perm)
    index = LSHIndex(num_perm, bands, rows)
    vocabulary = Vocabulary()
    kept: dict[int, tuple] = {}
    order: deque[int] = deque()
    for article in articles:
        tokens = tokenize(article.text, vocabulary)
        number, candidates = index.add_and_query(hasher.signature(tokens.shingles))
        kept[number] = (article.id, tokens)
        order.append(number)
        if len(order) > TOKEN_CACHE:
            kept.pop(order.popleft(), None)
        candidates = [c for c in candidates if c in kept]
        if not candidates:
            continue
        similarity = index.similarity(number, candidates)
        best = np.argsort(-similarity)[:max_partners]
        for position in best.tolist():
            if similarity[position] < min_similarity:
                break
            other_id, other_tokens = kept[candidates[position]]
            pair = pair_reuse(other_id, article.id, other_tokens, tokens)
            if pair.passages:
                yield pair

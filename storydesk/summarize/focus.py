"""What the story is: the articles that are about it, and the sentence that tells its news first.

Scraped clusters carry pages about something else: a web-archive notice, a charity's letters
about another disaster, the day's other Senate story. An article that shares almost no words
with any other article of the story is left out of the summary (its sentences stay in the
digest's other sections).

The lead is the news: what the opening sentences of most independent outlets say. Each
candidate among the first `LEAD_SENTENCES` of its article is scored by how closely it matches
the opening sentences of every other independent source (copies of one wire story count once),
and the best one opens the summary.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from storydesk.model import Article, ReuseReport
from storydesk.summarize.candidates import Candidate
from storydesk.summarize.text import content_terms

# An article is off the story when its TF-IDF cosine to every other article is below both
# OFF_TOPIC_SIMILARITY and OFF_TOPIC_SHARE of the story's median (so round-ups of loosely related
# items, where every article is far from the others, keep them all). Read on the 40 real clusters
# (benchmarks/gold/real/): the off-topic pages (archive notices, a charity's earthquake letters,
# another Senate story, a TV station's headline list) sit at 0.00-0.11, articles on the story at
# 0.15-0.71; a Sunday-show round-up's items at 0.07-0.22 with a median of 0.12.
OFF_TOPIC_SIMILARITY = 0.12
OFF_TOPIC_SHARE = 0.6
# Opening sentences of an article that may lead the summary, and that other articles' candidates
# are compared with: news puts what happened in its first two or three sentences.
LEAD_SENTENCES = 3
# A candidate's lead score is scaled by its place among its article's openings: the first
# sentence of a news story is written to carry its news.
LEAD_POSITION_WEIGHTS = (1.0, 0.8, 0.6)


def off_topic_articles(articles: list[Article]) -> set[str]:
    """Ids of the articles that share almost nothing with the rest of the story."""
    if len(articles) < 3:
        return set()
    vectors = {a.id: Counter(content_terms(a.text)) for a in articles}
    df = Counter(t for v in vectors.values() for t in v)
    idf = {t: math.log((len(vectors) + 1) / d) + 1.0 for t, d in df.items()}
    norms = {a: math.sqrt(sum((tf * idf[t]) ** 2 for t, tf in v.items())) for a, v in vectors.items()}

    def cosine(a: str, b: str) -> float:
        if not norms[a] or not norms[b]:
            return 0.0
        small, large = sorted((vectors[a], vectors[b]), key=len)
        return sum(tf * large[t] * idf[t] ** 2 for t, tf in small.items() if t in large) / (norms[a] * norms[b])

    closest = {a: max(cosine(a, b) for b in vectors if b != a) for a in vectors}
    median = float(np.median(list(closest.values())))
    return {a for a, s in closest.items() if s < OFF_TOPIC_SIMILARITY and s < OFF_TOPIC_SHARE * median}


def lead_index(cands: list[Candidate], sims: np.ndarray, reuse: ReuseReport) -> int | None:
    """The candidate that best states what the other independent sources open with, or None
    when no other source has an opening to compare with."""
    position: Counter[str] = Counter()
    openings: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        if position[c.article] < LEAD_SENTENCES:
            openings.setdefault(c.article, []).append(i)
        position[c.article] += 1
    sources = _independent_sources(list(openings), reuse)
    if len(sources) < 2:
        return None
    best, best_score = None, -1.0
    for own in sources:
        for article in own:
            for k, i in enumerate(openings[article]):
                score = LEAD_POSITION_WEIGHTS[k] * float(np.mean([max(sims[i, j] for a in other for j in openings[a])
                                                                  for other in sources if other is not own]))
                if score > best_score:
                    best, best_score = i, score
    return best


def _independent_sources(article_ids: list[str], reuse: ReuseReport) -> list[list[str]]:
    """The articles grouped by source: one group per copy group of the reuse stage, one per other article."""
    groups: list[list[str]] = []
    placed: set[str] = set()
    for group in reuse.copy_groups:
        members = [a for a in article_ids if a in group]
        if members:
            groups.append(members)
            placed.update(members)
    groups.extend([a] for a in article_ids if a not in placed)
    return groups

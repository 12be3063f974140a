"""What the story is about: the articles that are on it (the lead sentence is chosen in `lead.py`).

Scraped clusters carry pages about something else: a web-archive notice, a charity's letters
about another disaster, the day's other Senate story. An article that shares almost no words
with any other article of the story is left out of the summary (its sentences stay in the
digest's other sections).
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from storydesk.model import Article
from storydesk.summarize.text import content_terms

# An article is off the story when its TF-IDF cosine to every other article is below both
# OFF_TOPIC_SIMILARITY and OFF_TOPIC_SHARE of the story's median (so round-ups of loosely related
# items, where every article is far from the others, keep them all). Read on the 40 real clusters
# (benchmarks/gold/real/): the off-topic pages (archive notices, a charity's earthquake letters,
# another Senate story, a TV station's headline list) sit at 0.00-0.11, articles on the story at
# 0.15-0.71; a Sunday-show round-up's items at 0.07-0.22 with a median of 0.12.
OFF_TOPIC_SIMILARITY = 0.12
OFF_TOPIC_SHARE = 0.6


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

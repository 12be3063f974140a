"""A second opinion from the sentence encoder on a lone article's title and lead (issue 21, round 8).

Off by default (`ClusterOptions(second_opinion=True)` turns it on). At a batch's end, a lone
article that the second chance left alone, whose words match the best of its candidate stories
at SECOND_OPINION_FLOOR or more but under the join threshold, is folded into that story when the
embedding of its title and lead (storydesk.embed: MiniLM int8, loaded on first use) reaches
SECOND_OPINION_BAR in cosine with the mean of the story's first members' lead embeddings. Only
those articles and those members are ever encoded.

Chosen on the tune half of the event gold and the five fresh draws
(benchmarks/gold/cluster/round8_tried.py, README there): floor 0.03-0.08 at bar 0.5 score the
same (tune pairwise F1 0.945 -> 0.947; fresh3 0.945 -> 0.989, fresh 0.915 -> 0.904, the other draws
unchanged); bar 0.45 and 0.55 lose on the tune half or give nothing. Not a clear win, and the
encoder reads about half of all articles (a lead every ~1/60 CPU-second): clustering runs ~9x
slower (92 against 815-825 articles per CPU-second on 10,000 perturbed articles; peak 600 against
406 MB), hence off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from storydesk.model import Article

# The lead: the title, then the body up to the first sentence end past this many characters (two or
# three sentences of news copy; never more than twice this). MiniLM reads 128 tokens.
LEAD_CHARS = 350
# A story is represented by the mean of its first members' lead embeddings (as many as it keeps).
STORY_LEADS = 8
# Words from here up to the join threshold ask the encoder (see the module docstring).
SECOND_OPINION_FLOOR = 0.05
SECOND_OPINION_BAR = 0.5
# Leads kept for articles still to be compared (oldest dropped first): a story's early members are
# rarely older than the clusterer's idle horizon, and 50,000 leads of ~400 characters is ~25 MB.
MAX_LEADS = 50_000
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def article_lead(article: Article, chars: int = LEAD_CHARS) -> str:
    """The article's title and its opening sentences, about `chars` characters of body."""
    text = article.text.strip()
    cut = next((m.start() for m in _SENTENCE_END.finditer(text) if m.start() >= chars), len(text))
    body = text[:min(cut, 2 * chars)]
    return f"{article.title}. {body}" if article.title else body


class LeadOpinion:
    """Keeps the leads of recent articles and compares them with the sentence encoder on demand."""

    def __init__(self, max_leads: int = MAX_LEADS):
        self.max_leads = max_leads
        self._leads: dict[str, str] = {}
        self.asked: set[str] = set()  # articles whose lead the encoder was asked for (of those kept)

    def add(self, articles: Sequence[Article]) -> None:
        for article in articles:
            self._leads[article.id] = article_lead(article)
        while len(self._leads) > self.max_leads:
            oldest = next(iter(self._leads))
            del self._leads[oldest]
            self.asked.discard(oldest)

    def agrees(self, article: str, members: Sequence[str]) -> bool:
        """Whether the article's lead is close enough in meaning to the members' (SECOND_OPINION_BAR)."""
        similarity = self.similarity(article, members)
        return similarity is not None and similarity >= SECOND_OPINION_BAR

    def similarity(self, article: str, members: Sequence[str]) -> float | None:
        """Cosine of the article's lead embedding with the mean of the first members' (None: no leads)."""
        known = [m for m in members[:STORY_LEADS] if m in self._leads]
        if article not in self._leads or not known:
            return None
        from storydesk.embed import get_encoder

        self.asked.update([article, *known])
        vectors = get_encoder().encode([self._leads[article], *(self._leads[m] for m in known)])
        total = vectors[1:].sum(axis=0)
        return float(vectors[0] @ total) / (float(np.linalg.norm(total)) or 1.0)

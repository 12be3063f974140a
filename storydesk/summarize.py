"""Summarize stage: a short account whose every sentence cites the articles that state it.

Walking skeleton: lead sentences, round-robin over articles, each citing its own article
(issue 7 replaces this with the real selection and verification).
"""

from __future__ import annotations

from storydesk.model import Alignment, Article, ReuseReport, Sentence, SummarySentence

DEFAULT_WORDS = 120


def summarize(
    articles: list[Article],
    sentences: list[Sentence],
    alignment: Alignment,
    reuse: ReuseReport,
    words: int = DEFAULT_WORDS,
) -> list[SummarySentence]:
    by_article: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    summary: list[SummarySentence] = []
    used = 0
    for rank in range(max((len(v) for v in by_article.values()), default=0)):
        for article in articles:
            pool = by_article.get(article.id, [])
            if rank < len(pool) and used < words:
                s = pool[rank]
                summary.append(SummarySentence(text=s.text, sources=(s.article,), evidence=(s.span,)))
                used += len(s.text.split())
    return summary

"""Reuse stage: which articles share (wire) copy, and what each one adds.

Walking skeleton: no reuse found yet, every article fully original (issue 4 fills this in).
"""

from __future__ import annotations

from storydesk.model import Article, ReuseReport, Sentence, Span


def find_wire_copy(articles: list[Article], sentences: list[Sentence]) -> ReuseReport:
    return ReuseReport(
        pairs=(),
        originality={a.id: 1.0 for a in articles},
        original_spans={a.id: (Span(a.id, 0, len(a.text)),) for a in articles},
    )

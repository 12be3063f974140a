"""Align stage: facts across sources, conflicts between them, and the timeline."""

from __future__ import annotations

import numpy as np

from storydesk.align.conflicts import find_conflicts
from storydesk.align.facts import group_facts
from storydesk.model import Alignment, Article, Extraction, ReuseReport, Sentence
from storydesk.timeline import build_timeline


def _embeddings(sentences: list[Sentence]) -> np.ndarray:
    if not sentences:
        return np.zeros((0, 384), dtype=np.float32)
    from storydesk.embed import embed

    return embed([s.text for s in sentences])


def align_facts(
    articles: list[Article],
    sentences: list[Sentence],
    extraction: Extraction,
    reuse: ReuseReport,
) -> Alignment:
    vectors = _embeddings(sentences)
    facts, unique = group_facts(articles, sentences, vectors, reuse, extraction.quantities, extraction.quotes)
    conflicts = find_conflicts(sentences, vectors, extraction, articles)
    return Alignment(
        facts=facts,
        conflicts=conflicts,
        timeline=build_timeline(articles, sentences, extraction.dates, reuse),
        unique_facts=unique,
    )


__all__ = ["align_facts", "find_conflicts", "group_facts"]

"""Align stage: facts across sources, conflicts between them, and the timeline.

Walking skeleton: facts and conflicts not aligned yet (issue 6 fills this in).
"""

from __future__ import annotations

from storydesk.model import Alignment, Article, Extraction, ReuseReport, Sentence
from storydesk.timeline import build_timeline


def align_facts(
    articles: list[Article],
    sentences: list[Sentence],
    extraction: Extraction,
    reuse: ReuseReport,
) -> Alignment:
    return Alignment(timeline=build_timeline(articles, sentences, extraction.dates, reuse))

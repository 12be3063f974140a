"""Extract stage: entities, quotes, quantities and dates, each with evidence offsets.

Walking skeleton: nothing extracted yet (issue 5 fills this in).
"""

from __future__ import annotations

from storydesk.model import Article, Extraction, Sentence


def extract(articles: list[Article], sentences: list[Sentence]) -> Extraction:
    return Extraction()

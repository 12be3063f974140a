"""Direct quotes with their speakers, merged across the outlets that carry them (issue 5)."""

from __future__ import annotations

from storydesk.model import Article, Entity, Quote, Sentence


def find_quotes(articles: list[Article], sentences: list[Sentence], entities: list[Entity]) -> list[Quote]:
    return []

"""People, organizations and places, every surface form of one entity merged (issue 5)."""

from __future__ import annotations

from storydesk.model import Article, Entity, Sentence


def find_entities(articles: list[Article], sentences: list[Sentence]) -> list[Entity]:
    return []

"""Extract stage: entities, quotes, quantities and dates, each with evidence offsets.

    extract(articles, sentences) -> Extraction

One module per kind of item, each a pure function over cleaned articles and their sentences:
entities first (quotes name their speaker as a merged entity), then quotes, quantities, dates.
"""

from __future__ import annotations

from storydesk.extract.dates import find_dates
from storydesk.extract.entities import find_entities
from storydesk.extract.quantities import find_quantities
from storydesk.extract.quotes import find_quotes
from storydesk.model import Article, Extraction, Sentence

__all__ = ["extract", "find_dates", "find_entities", "find_quantities", "find_quotes"]


def extract(articles: list[Article], sentences: list[Sentence]) -> Extraction:
    entities = find_entities(articles, sentences)
    return Extraction(
        entities=tuple(entities),
        quotes=tuple(find_quotes(articles, sentences, entities)),
        quantities=tuple(find_quantities(articles, sentences)),
        dates=tuple(find_dates(articles, sentences)),
    )

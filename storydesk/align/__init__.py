"""Align stage: facts across sources, conflicts between them, and the timeline."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storydesk.align.conflicts import WithoutVectors, find_conflicts, without_vectors
from storydesk.align.facts import group_facts
from storydesk.model import Alignment, Article, Extraction, ReuseReport, Sentence, TimelineEntry
from storydesk.timeline import build_timeline


def _embeddings(sentences: list[Sentence]) -> np.ndarray:
    if not sentences:
        return np.zeros((0, 384), dtype=np.float32)
    from storydesk.embed import embed

    return embed([s.text for s in sentences])


@dataclass(frozen=True)
class Groundwork:
    """The align stage's part that needs no sentence vectors: the timeline and the conflicts of
    the kinds that read no similarity. The pipeline makes it while the encoder thread finishes
    the vectors (`groundwork`)."""

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    extraction: Extraction
    reuse: ReuseReport
    timeline: tuple[TimelineEntry, ...]
    conflicts: WithoutVectors


def groundwork(articles: list[Article], sentences: list[Sentence], extraction: Extraction,
               reuse: ReuseReport) -> Groundwork:
    """`align_facts`'s part that needs no vectors (see `Groundwork`); `align_facts` given it skips
    that part and gives the same alignment."""
    return Groundwork(tuple(articles), tuple(sentences), extraction, reuse,
                      build_timeline(articles, sentences, extraction.dates, reuse),
                      without_vectors(sentences, extraction))


def align_facts(
    articles: list[Article],
    sentences: list[Sentence],
    extraction: Extraction,
    reuse: ReuseReport,
    prepared: Groundwork | None = None,
) -> Alignment:
    """Facts, conflicts and timeline; `prepared` is `groundwork(...)` of the same inputs made
    earlier (ignored if made of other ones)."""
    if prepared is not None and not (prepared.articles == tuple(articles) and prepared.sentences == tuple(sentences)
                                     and prepared.extraction is extraction and prepared.reuse is reuse):
        prepared = None
    vectors = _embeddings(sentences)
    facts, unique = group_facts(articles, sentences, vectors, reuse, extraction.quantities, extraction.quotes)
    conflicts = find_conflicts(sentences, vectors, extraction, articles, prepared.conflicts if prepared else None)
    return Alignment(
        facts=facts,
        conflicts=conflicts,
        timeline=prepared.timeline if prepared else build_timeline(articles, sentences, extraction.dates, reuse),
        unique_facts=unique,
    )


__all__ = ["Groundwork", "align_facts", "find_conflicts", "group_facts", "groundwork"]

"""The story's timeline: dated events, merged across the articles that report them (issue 5)."""

from __future__ import annotations

from storydesk.model import Article, DateMention, ReuseReport, Sentence, TimelineEntry


def build_timeline(
    articles: list[Article], sentences: list[Sentence], dates: tuple[DateMention, ...], reuse: ReuseReport
) -> tuple[TimelineEntry, ...]:
    return ()

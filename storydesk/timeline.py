"""The story's timeline: dated events, merged across the articles that report them.

Each resolved date (day or month precision; a bare year is background, not an event) dates the
sentence it sits in. Sentences about the same date that share enough content words, or that
come from articles sharing wire copy, are one entry with all their sources.
"""

from __future__ import annotations

import re

from storydesk.model import Article, DateMention, ReuseReport, Sentence, TimelineEntry

# Two sentences dated the same day describe the same event when this share of their content
# words is shared (wire copies of one sentence score 0.7-1.0, a rewrite 0.25-0.5).
SAME_EVENT_OVERLAP = 0.25
MAX_EVENT_CHARS = 220
_STOP = set("the a an and or of to in on at by for with from as is was were be been has have had it its this that "
            "said says after before their they he she his her on early late friday saturday sunday monday tuesday "
            "wednesday thursday".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def build_timeline(
    articles: list[Article], sentences: list[Sentence], dates: tuple[DateMention, ...], reuse: ReuseReport
) -> tuple[TimelineEntry, ...]:
    by_key = {(s.article, s.index): s for s in sentences}
    groups: list[dict] = []
    for mention in dates:
        if mention.precision == "year" or mention.sentence is None:
            continue
        sentence = by_key.get((mention.span.article, mention.sentence))
        if sentence is None:
            continue
        words = _words(sentence.text)
        for group in groups:
            if group["date"] != mention.date:
                continue
            overlap = len(words & group["words"]) / max(1, min(len(words), len(group["words"])))
            if overlap >= SAME_EVENT_OVERLAP:
                if sentence.article not in group["sources"]:
                    group["sources"].append(sentence.article)
                    group["evidence"].append(sentence.span)
                break
        else:
            groups.append({"date": mention.date, "words": words, "sentence": sentence, "date_text": mention.text,
                           "sources": [sentence.article], "evidence": [sentence.span]})
    groups.sort(key=lambda g: (g["date"], -len(g["sources"])))
    return tuple(
        TimelineEntry(date=g["date"], text=_event_text(g["sentence"].text), sources=tuple(g["sources"]),
                      date_text=g["date_text"], evidence=tuple(g["evidence"]))
        for g in groups
    )


def _event_text(text: str) -> str:
    text = re.sub(r"^[A-Z][A-Z .]+(?:\([^)]*\))?\s+[—–-]+\s+", "", text.strip())  # dateline
    return text if len(text) <= MAX_EVENT_CHARS else text[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + " …"

"""Dates in the text, resolved against the article's publication date.

    "on Friday" (published Sunday 2024-03-10) -> 2024-03-08 day;  "last month" -> 2024-02 month;
    "May last year" -> 2023-05;  "Feb. 12" -> the 12 February nearest before publication;
    "in 2019" -> 2019 year

A bare weekday means the most recent one on or before publication ("next Friday" looks ahead).
Without a publication date only absolute dates resolve: relative ones are skipped, never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from storydesk.model import Article, DateMention, Sentence, Span

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = {name: i + 1 for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")]) for name in names}
# Capitalized month names only: "may" and "march" are also a verb and a noun.
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DATE = re.compile(
    rf"\b(?:(?P<md>{_MONTH}\s+(?P<md_day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>(?:19|20)\d\d))?)"
    rf"|(?P<dm>(?P<dm_day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<dm_year>(?:19|20)\d\d))?)"
    rf"|(?P<my>(?P<my_month>{_MONTH})\s+(?:(?P<my_year>(?:19|20)\d\d)|(?P<my_rel>last|next|this)\s+year))"
    rf"|(?P<wd>(?:(?P<wd_rel>last|next|this|on|early|late)\s+)?(?P<weekday>{_WEEKDAY})(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald)))"
    rf"|(?P<rel>yesterday|today|tonight|(?:last|next|this)\s+(?:month|year|week))"
    rf"|(?:in|since|by|of)\s+(?P<year>(?:19|20)\d\d)\b)",
)


# A bare weekday after these words, in the same sentence, is the coming one ("will hold a protest
# on Monday", "sailings suspended until Monday"); otherwise news means the one just past.
FUTURE = re.compile(r"\b(?:will|would|until|till|due|expected|plans?|planned|scheduled|going to|should|is to|are to)\b", re.I)
FUTURE_WINDOW = 60


def find_dates(articles: list[Article], sentences: list[Sentence]) -> list[DateMention]:
    by_article: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    found = []
    for article in articles:
        pool = by_article.get(article.id, [])
        starts = [s.start for s in pool]
        published = article.published.date() if article.published else None
        for mention in dates_in(article.text, published, article.id):
            index = bisect_right(starts, mention.span.start) - 1
            found.append(DateMention(mention.date, mention.precision, mention.text, mention.span,
                                     pool[index].index if index >= 0 else None))
    return found


def dates_in(text: str, published: date | None, article: str = "") -> list[DateMention]:
    """Every date in `text` that resolves, at the precision the words support."""
    results = []
    for match in DATE.finditer(text):
        before = re.split(r"[.!?,;]\s", text[max(0, match.start() - FUTURE_WINDOW):match.start()])[-1]
        resolved = resolve(match, published, forward=bool(FUTURE.search(before)))
        if resolved is None:
            continue
        iso, precision = resolved
        start, end = match.span()
        if match.group("year"):
            start = match.start("year")
        words = text[start:end]
        if match.group("wd_rel") in ("on",):
            start += 3
            words = text[start:end]
        results.append(DateMention(iso, precision, words, Span(article, start, end)))
    return results


def resolve(match: re.Match, published: date | None, forward: bool = False) -> tuple[str, str] | None:
    """The ISO date and precision of one match; `forward` when the sentence looks ahead."""
    g = match.group
    if g("md") or g("dm"):
        month = _month(g("md") or g("dm"))
        day = int(g("md_day") or g("dm_day"))
        year = g("md_year") or g("dm_year")
        if year:
            return _day(int(year), month, day)
        if published is None:
            return None
        candidate = _day(published.year, month, day)
        if candidate and candidate[0] > (published + timedelta(days=31)).isoformat():
            candidate = _day(published.year - 1, month, day)  # "Dec. 28" in a January article
        return candidate
    if g("my"):
        month = _month(g("my_month"))
        if g("my_year"):
            return f"{int(g('my_year')):04d}-{month:02d}", "month"
        if published is None:
            return None
        year = published.year + {"last": -1, "next": 1, "this": 0}[g("my_rel")]
        return f"{year:04d}-{month:02d}", "month"
    if g("wd"):
        if published is None:
            return None
        target = WEEKDAYS.index(g("weekday").lower())
        relation = (g("wd_rel") or "").lower()
        back = (published.weekday() - target) % 7
        if relation == "next" or (forward and relation != "last"):
            day = published + timedelta(days=(target - published.weekday()) % 7 or 7)
        elif relation == "last" and back == 0:
            day = published - timedelta(days=7)
        else:
            day = published - timedelta(days=back)
        return day.isoformat(), "day"
    if g("rel"):
        if published is None:
            return None
        words = g("rel").lower().split()
        if words == ["yesterday"]:
            return (published - timedelta(days=1)).isoformat(), "day"
        if words[0] in ("today", "tonight"):
            return published.isoformat(), "day"
        step = {"last": -1, "next": 1, "this": 0}[words[0]]
        if words[1] == "year":
            return f"{published.year + step:04d}", "year"
        if words[1] == "month":
            month_index = published.year * 12 + published.month - 1 + step
            return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"
        return None  # "last week": no single day or month
    if g("year"):
        return f"{int(g('year')):04d}", "year"
    return None


def _month(words: str) -> int:
    return next(MONTH_NAMES[w] for w in (t.strip(".,").lower() for t in words.split()) if w in MONTH_NAMES)


def _day(year: int, month: int, day: int) -> tuple[str, str] | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None

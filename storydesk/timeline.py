"""The story's timeline: dated events, merged across the articles that report them (issue 5).

    build_timeline(articles, sentences, dates, reuse) -> tuple[TimelineEntry, ...]

Each resolved date mention names an event: the clause of its sentence that carries the date
(the whole sentence when it holds one date), trimmed of datelines and trailing attribution
("..., officials said"). Mentions from different articles with the same date are one entry
when they describe the same event: their content words overlap enough, or the two sentences
sit in copy the articles share (the ReuseReport's passages). Entries are sorted by date; the
publication dateline ("WASHINGTON, March 9 (Reuters) -") is not an event and is skipped.

One expression, one date in a story (`story_dates`): "Tuesday" in two articles telling the same
event may resolve to two days, each right for its own article's publication date as extraction
reads it (wire copy run again a week later, or a preview read in the past tense). The timeline
dates such an event once; align's conflicts can ask `story_dates` the same question.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from storydesk.extract.dates import MONTH_NAME
from storydesk.lexicon import DATE_WORDS, REPORTING_PATTERN, STOP_WORDS, WEEKDAY_PATTERN
from storydesk.model import Article, DateMention, ReuseReport, Sentence, Span, TimelineEntry

# Share of the smaller event's content words the other must also have (overlap coefficient,
# words cut to 5-letter stems) for two same-day mentions to be one event. Chosen on the
# harbor-fire example: the same event told in different words scores 0.33-0.6 there, different
# events on the same day 0.0-0.2.
SAME_EVENT_OVERLAP = 0.3
# An event needs a content word besides its date ("Today" alone on a line is page furniture).
MIN_EVENT_WORDS = 1
# A single shared word is chance, however short the clauses ("home" in two unrelated clauses).
MIN_SHARED_WORDS = 2
# Share of a sentence a shared-copy passage must cover for the two sentences to count as one text.
SHARED_COPY_COVER = 0.5
# Events longer than this are cut at a word boundary (a timeline line, not a paragraph).
MAX_EVENT_CHARS = 240

# Words that say nothing about which event a line reports: function and date words, and the
# story's stock nouns and small numbers.
_STOPWORDS = STOP_WORDS | DATE_WORDS | frozenset(
    "officials official people one two three four five six seven eight nine ten".split())
_WORD = re.compile(r"[a-z][a-z'’-]+")
_DATELINE = re.compile(rf"^[A-Z][A-Z .,'’-]+(?:,?\s*{MONTH_NAME}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*(?:\([^)]*\))?\s*[—–-]+\s*")
_ATTRIBUTION = re.compile(
    r",\s*(?:according\s+to\s+[^,]+|(?:the\s+|a\s+)?[A-Za-z'’. -]{1,40}?\s+(?:said|says|reported|added|told\s+\w+))"
    r"\s*[.!?]?[\"”]?\s*$"
)
_CLAUSE_BREAK = re.compile(r"[;,]\s+|\s+[—–]\s+")
_CONJUNCTION = re.compile(r"\s+(?:and|but|or|while|then)\s+")
# Two dates of one event: "in 2011 or 2012", "June and July", "Monday through Wednesday".
_ALTERNATIVE_DATES = re.compile(r"\s*(?:or|and|to|through|until|[-–/])\s*")
# Between two independent clauses ("..., and three-quarters of the dock remained closed on Saturday").
_COORDINATION = re.compile(r";\s+|,\s+(?:and|but|while|as)\s+")
# A clause with fewer content words than this is too thin to stand as the event alone ("On Friday").
MIN_CLAUSE_WORDS = 3
# Two readings of one relative expression ("Tuesday") for the same event are compared only this
# far apart, when no shared copy joins the sentences: one week is the step between two readings
# of a weekday against two publication dates; further apart, the same words are more likely a
# recurring event (a weekly meeting) than a misread one. Shared copy joins them at any distance.
MAX_READING_SHIFT_DAYS = 7
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WEEKDAY_WORD = re.compile(rf"\b(?:{WEEKDAY_PATTERN.lower()})\b")
_WHICH = re.compile(r"^(?:(?:last|this|next|early|late|on)\s+)+|\s+(?:morning|afternoon|evening|night)$")


@dataclass
class _Event:
    date: str
    date_text: str
    article: str
    start: int
    end: int
    text: str
    words: frozenset[str]
    order: tuple  # (publication, article position, offset): the earliest telling leads


def build_timeline(
    articles: list[Article], sentences: list[Sentence], dates: tuple[DateMention, ...], reuse: ReuseReport
) -> tuple[TimelineEntry, ...]:
    """Dated events sorted by date, each with the articles that report it and the evidence spans."""
    position = {a.id: i for i, a in enumerate(articles)}
    events = _events(articles, sentences, dates, story_dates(articles, sentences, dates, reuse))
    entries = []
    shared = {(i, j) for i, j in _shared_copy(reuse, events) if events[i].date == events[j].date}
    for group in _merge(events, shared):
        group.sort(key=lambda e: e.order)
        lead = group[0]  # the earliest published telling gives the entry its words
        sources = sorted({e.article for e in group}, key=position.__getitem__)
        entries.append((lead.date, -len(sources), lead.order[1:], TimelineEntry(
            date=lead.date, text=lead.text, sources=tuple(sources), date_text=lead.date_text,
            evidence=tuple(Span(e.article, e.start, e.end) for e in group),
        )))
    entries.sort(key=lambda item: item[:3])
    return tuple(entry for *_, entry in entries)


def _events(articles: list[Article], sentences: list[Sentence], dates: tuple[DateMention, ...],
            story: dict[Span, str] | None = None) -> list[_Event]:
    """One event per date of each sentence (the story's date for it, see `story_dates`): its
    clause, trimmed, with the words to compare it by."""
    story = story or {}
    by_id = {a.id: a for a in articles}
    position = {a.id: i for i, a in enumerate(articles)}
    sentence_at = {(s.article, s.index): s for s in sentences}
    per_sentence: dict[tuple[str, int], list[DateMention]] = defaultdict(list)
    for mention in dates:
        if mention.span.article in by_id and mention.sentence is not None:
            per_sentence[(mention.span.article, mention.sentence)].append(mention)
    events: list[_Event] = []
    for key, mentions in per_sentence.items():
        sentence = sentence_at.get(key)
        if sentence is None:
            continue
        article = by_id[key[0]]
        published = article.published or datetime.max
        published = published if published.tzinfo else published.replace(tzinfo=UTC)
        if _is_furniture(article.text, sentence):
            continue  # a photo caption or the page's own dates: nothing happened on them
        mentions = [m for m in _finest(mentions) if not _is_dateline(m, sentence, article)]
        for mention, (seg_start, seg_end) in zip(mentions, _segments(sentence, mentions), strict=True):
            start, end = _trim(article.text, *_own_clause(sentence, mention, seg_start, seg_end), mention.span)
            if (seg_start, seg_end) != (sentence.start, sentence.end) and not _stands_alone(article.text[start:end]):
                start, end = _trim(article.text, sentence.start, sentence.end, mention.span)
            text = article.text[start:end]
            if len(_content_words(text)) < MIN_EVENT_WORDS:
                continue  # a bare date ("Today", "May 2011" as a line of its own) describes no event
            # Compared on the whole part of the sentence about this date: a narrowed clause
            # ("most were allowed to return home") is too short to recognise the same event by.
            words = _content_words(article.text[seg_start:seg_end])
            events.append(_Event(story.get(mention.span, mention.date), mention.text, article.id, start, end, text, words,
                                 (published, position[article.id], start)))
    return events


# A part of a sentence opening on a verb has lost its subject ("tweeted early Monday"); one with
# no verb at all is a list's item or a time phrase ("The Revenant in 2016", "Earlier on Wednesday").
_OPENS_ON_VERB = re.compile(rf"(?:[a-z]+ed|{REPORTING_PATTERN})\b")
_VERB = re.compile(rf"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|"
                   rf"did|does|do|[a-z]{{2,}}ed|{REPORTING_PATTERN})\b")


def _stands_alone(text: str) -> bool:
    """Whether a part of a sentence cut between two dates reads as an event by itself."""
    return bool(_VERB.search(text)) and not _OPENS_ON_VERB.match(text)


def _finest(mentions: list[DateMention]) -> list[DateMention]:
    """One mention per date in a sentence, dropping a coarser one a finer one falls inside
    ("last month, on Feb. 12": the event is dated 2024-02-12, not also 2024-02)."""
    kept: dict[str, DateMention] = {}
    for mention in sorted(mentions, key=lambda m: m.span.start):
        kept.setdefault(mention.date, mention)
    dates = list(kept)
    return [m for d, m in kept.items() if not any(o != d and o.startswith(d + "-") for o in dates)]


# Page metadata ("Published on Dec 29, 2016", "(Updated ...)", a review's "Reviewed at ...") and
# the AP caption opening ("In this June 21, 2018, photo, ...").
_METADATA = re.compile(r"^\W*(?:Published|Updated|Posted|Last updated|First published|Reviewed at|Copyright|©)\b"
                       r"|^In this\b[^.]{0,40}\b(?:photo|file photo|image|picture|video|handout)\b", re.I)
# A caption ends its paragraph with the picture's credit: "Name/Getty Images", "NAME / Reuters",
# "(Photo: Name/Agency)", "(Associated Press)", "Handout via REUTERS".
_CREDIT = re.compile(r"(?:[/|]\s*(?:[A-Z][\w.]*\s*){1,4}|\b(?:Getty Images|AP Photo|AP Images|via (?:REUTERS|Reuters|AP|AFP|Getty Images))"
                     r"|\((?:Photo|Image|Credit|Picture)s?:[^)]*\)|\((?:Associated Press|AP|Reuters|AFP|Getty Images)\))\s*$")


def _is_furniture(text: str, sentence: Sentence) -> bool:
    """A photo caption or page metadata: the sentence opens like one, or its paragraph ends in a
    picture credit."""
    if _METADATA.search(sentence.text):
        return True
    end = text.find("\n", sentence.end)
    paragraph_end = text[sentence.end:end if end >= 0 else len(text)].rstrip()
    tail = text[sentence.start:sentence.end] + paragraph_end
    return bool(_CREDIT.search(tail[-120:]))


def _is_dateline(mention: DateMention, sentence: Sentence, article: Article) -> bool:
    """A date in the opening dateline ("PORT AVERLY, March 9 (Reuters) -"): nothing happened on it."""
    if sentence.index != 0:
        return False
    before = article.text[sentence.start:mention.span.start]
    after = article.text[mention.span.end:mention.span.end + 20]
    return not re.search(r"[a-z]", before) and bool(re.match(r"\s*(?:\([^)]*\)\s*)?[—–-]", after))


def _segments(sentence: Sentence, mentions: list[DateMention]) -> list[tuple[int, int]]:
    """(start, end) in the article of the part of the sentence about each mention, cut between dates:
    at the last clause break between two, else before a conjunction between them ("born in June
    2013 and the second child was born in July 2014"); two dates joined by a conjunction alone
    ("in 2011 or 2012") share one part."""
    offset = sentence.start
    cuts: list[int | None] = []
    for left, right in zip(mentions, mentions[1:], strict=False):
        gap = sentence.text[left.span.end - offset:right.span.start - offset]
        if _ALTERNATIVE_DATES.fullmatch(gap):
            cuts.append(None)
            continue
        breaks = [left.span.end + m.start() for m in _CLAUSE_BREAK.finditer(gap)] or \
                 [left.span.end + m.start() for m in _CONJUNCTION.finditer(gap)]
        cuts.append(breaks[-1] if breaks else right.span.start)
    bounds = [sentence.start, *(c for c in cuts if c is not None), sentence.end]
    parts = list(zip(bounds, bounds[1:], strict=False))
    segments, k = [], 0
    for i in range(len(mentions)):
        segments.append(parts[k])
        k += i < len(cuts) and cuts[i] is not None
    return segments


def _own_clause(sentence: Sentence, mention: DateMention, start: int, end: int) -> tuple[int, int]:
    """Narrow (start, end) to the coordinated clause holding the mention, if it can stand alone."""
    offset = sentence.start
    piece = sentence.text[start - offset:end - offset]
    joints = list(_COORDINATION.finditer(piece))
    lefts = [start] + [start + m.end() for m in joints]
    rights = [start + m.start() for m in joints] + [end]
    for left, right in zip(lefts, rights, strict=True):
        if left <= mention.span.start < right:
            if (left, right) != (start, end) and len(_content_words(sentence.text[left - offset:right - offset])) >= MIN_CLAUSE_WORDS:
                return left, right
            break
    return start, end


def _trim(text: str, start: int, end: int, date: Span | None = None) -> tuple[int, int]:
    """Strip a dateline, leading connectives and punctuation, and trailing attribution; a piece
    still too long keeps its first MAX_EVENT_CHARS, or, when the date stands beyond them, the
    clause holding the date (from the comma before it, to the comma after)."""
    piece = text[start:end]
    dateline = _DATELINE.match(piece)
    if dateline:
        start += dateline.end()
    lead = re.match(r"[\s,;:—–-]*(?:(?:and|but|or|while|when|then)\s+)?", text[start:end])
    start += lead.end()
    attribution = _ATTRIBUTION.search(text[start:end])
    if attribution and attribution.start() > 20:
        end = start + attribution.start()
    while end > start and text[end - 1] in " ,;:.—–-":
        end -= 1
    if end - start > MAX_EVENT_CHARS and date is not None and date.end > start + MAX_EVENT_CHARS:
        # "..., a thesis supported in part by the House Select Committee on Assassinations in 1979,
        # died on Tuesday ..." (Multi-News ta096): the first 240 characters stopped at "the House".
        after = text.find(",", date.end, end)
        end = after if after != -1 and after - date.end <= MAX_EVENT_CHARS // 4 else end
        floor = max(start, end - MAX_EVENT_CHARS)
        before = text.rfind(", ", floor, date.start)
        start = before + 2 if before != -1 else text.find(" ", floor, date.start) + 1 or floor
    if end - start > MAX_EVENT_CHARS:
        cut = text.rfind(" ", start, start + MAX_EVENT_CHARS)
        end = cut if cut > start else start + MAX_EVENT_CHARS
    return start, end


def _content_words(text: str) -> frozenset[str]:
    words = (w.strip("'’-") for w in _WORD.findall(text.lower()))
    return frozenset(w[:5] for w in words if len(w) > 2 and w not in _STOPWORDS)


def _shared_copy(reuse: ReuseReport, spans: Sequence[_Event | Sentence]) -> set[tuple[int, int]]:
    """Pairs of indices into `spans` (events or sentences) whose two spans lie in copy two articles share."""
    pairs: set[tuple[int, int]] = set()
    index: dict[str, list[int]] = defaultdict(list)
    for i, span in enumerate(spans):
        index[span.article].append(i)
    for pair in reuse.pairs:
        for passage in pair.passages:
            in_a = [i for i in index.get(pair.a, ()) if _covered(spans[i], passage.a_start, passage.a_end)]
            in_b = [i for i in index.get(pair.b, ()) if _covered(spans[i], passage.b_start, passage.b_end)]
            for i in in_a:
                # Where span i sits in b's copy of the passage (offsets shift a little with edits).
                shift = passage.b_start - passage.a_start
                mapped = (spans[i].start + shift, spans[i].end + shift)
                pairs.update((min(i, j), max(i, j)) for j in in_b if _covered(spans[j], *mapped))
    return pairs


def _covered(span: _Event | Sentence, start: int, end: int) -> bool:
    overlap = min(end, span.end) - max(start, span.start)
    return overlap >= SHARED_COPY_COVER * (span.end - span.start)


def _components(count: int, joined: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of `count` items under the `joined` pairs (union-find), each in index
    order, ordered by their first item."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in joined:
        parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        groups[root(i)].append(i)
    return list(groups.values())


def _merge(events: list[_Event], shared: set[tuple[int, int]]) -> list[list[_Event]]:
    """Same-date events joined when they share copy or enough content words."""
    by_date: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        by_date[event.date].append(i)
    joined = ((i, j) for members in by_date.values() for n, i in enumerate(members) for j in members[n + 1:]
              if (i, j) in shared or _overlap(events[i].words, events[j].words) >= SAME_EVENT_OVERLAP)
    return [[events[i] for i in group] for group in _components(len(events), joined)]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return shared / min(len(a), len(b))


# ---- one expression, one date in a story ---------------------------------------------------------

def story_dates(
    articles: list[Article], sentences: list[Sentence], dates: tuple[DateMention, ...], reuse: ReuseReport
) -> dict[Span, str]:
    """The one date the story gives each relative date mention that another article, telling the
    same event in the same words, resolved to another day: {mention span: the story's date}.

    Extraction reads every article against its own publication date and keeps that reading (a
    reader of that article on that day would understand it so). Two such readings of one
    expression for one event cannot both be the event's date, so the story keeps the surest:
    the reading nearest its own article's publication (a weekday one day back is almost never
    wrong; one six days back is where a tense or a late re-run misleads), the earlier publication
    on a tie (the first telling is nearest the event). Same event: the two sentences lie in
    shared copy (any distance apart: wire copy run again weeks later), or they share content
    words as the timeline's same-event rule asks and the readings are at most a week apart.
    Mentions absent from the result keep their own date."""
    published = {a.id: a.published.date() for a in articles if a.published}
    by_key = {(s.article, s.index): s for s in sentences}
    relative = [(m, key, by_key[(m.span.article, m.sentence)]) for m in dates
                if m.span.article in published and m.sentence is not None and (m.span.article, m.sentence) in by_key
                and (key := _expression(m)) is not None]
    if len(relative) < 2:
        return {}
    shared = _shared_copy(reuse, [s for _, _, s in relative])
    words = [_content_words(s.text) for _, _, s in relative]
    same_words: dict[tuple[str, str], list[int]] = defaultdict(list)  # only one expression's readings are compared
    for i, (m, key, _) in enumerate(relative):
        same_words[(key, m.precision)].append(i)

    def same_event(i: int, j: int) -> bool:
        a, b = relative[i][0], relative[j][0]
        return a.span.article != b.span.article and (
            (i, j) in shared or (_overlap(words[i], words[j]) >= SAME_EVENT_OVERLAP
                                 and _apart_days(a.date, b.date) <= MAX_READING_SHIFT_DAYS))

    joined = ((i, j) for members in same_words.values() for n, i in enumerate(members) for j in members[n + 1:]
              if same_event(i, j))
    out: dict[Span, str] = {}
    for group in ([relative[i][0] for i in members] for members in _components(len(relative), joined)):
        if len({m.date for m in group}) < 2:
            continue
        surest = min(group, key=lambda m: (_apart_days(m.date, published[m.span.article].isoformat()),
                                           published[m.span.article], m.span.start))
        out.update((m.span, surest.date) for m in group)
    return out


def _expression(mention: DateMention) -> str | None:
    """The words that needed the publication date, folded ("early Tuesday", "last Tuesday" and
    "Tuesday night" are all "tuesday"); None for a date whose year is written."""
    words = " ".join(mention.text.lower().split())
    if _YEAR_WRITTEN.search(words):
        return None
    weekday = _WEEKDAY_WORD.search(words)
    return weekday.group() if weekday else _WHICH.sub("", words) or None


def _apart_days(a: str, b: str) -> int:
    """Days between two ISO dates at their precision's first day ("2024-03" is March 1)."""
    def first_day(iso: str) -> date:
        parts = [int(p) for p in iso.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])
    return abs((first_day(a) - first_day(b)).days)


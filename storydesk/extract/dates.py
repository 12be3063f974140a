"""Dates in the text, resolved against each article's publication date (issue 5).

    find_dates(articles, sentences) -> list[DateMention]

A compact rule set rather than dateparser: news dates come in a dozen shapes, and rules written
for them are predictable (dateparser's `search_dates` also reads "may", "march" and "second" as
dates; see benchmarks/bench_numbers_dates.py for both side by side). Resolution, given the
article's publication day P:
- a weekday ("Friday", "early Friday", "Friday evening") is the most recent such day on or before
  P; "last Friday" is strictly before P; "next Friday", or any weekday after "will"/"is due to" in
  the same sentence, is the next one on or after P;
- "yesterday", "today", "tonight", "last night", "tomorrow" are days around P;
- "last month" / "this month" / "next month" give the month, "last year" etc. the year;
- "last week" gives a month only when that whole week lies inside one month, else nothing: a
  week is not a date, and a wrong month is worse than none;
- "Feb. 12", "12 February", "in February" take the year that puts them at or before P (after
  it in a future-tense sentence), or the year written in the same sentence;
- "May last year" -> P's year - 1; "last May" -> the most recent May before P's month;
- full dates ("March 9, 2024", "9 March 2024", "2024-03-09"), "May 2023" and "in 2019" need no P.
Without a publication date only those absolute forms resolve; relative ones are skipped, never
guessed. Not dates: "may" and "march" as words (months need a day, a year or a preposition),
a weekday in a name ("Sunday Times", "Super Tuesday"), habitual "on Fridays".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storydesk.model import Article, DateMention, Sentence, Span

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# Capitalized month names, full or abbreviated ("Sept", "Feb."): lower-case "may"/"march" are words.
MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
              r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_MONTH = rf"{MONTH_NAME}\.?"  # "Feb." as written
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_PREP = r"(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]hrough|[Dd]uring|[Bb]efore|[Aa]fter|[Oo]f|[Ee]arly|[Ll]ate|[Tt]o|[Bb]etween)"
_NUMBER_WORD = r"(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2})"

_PATTERNS = [
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"),
    # 12-29-2016 or 29/12/2016: only when the day is over 12, so that day and month cannot be swapped.
    ("num_mdy", rf"\b(?P<m>0?[1-9]|1[0-2])(?P<sep>[-/])(?P<d>1[3-9]|2\d|3[01])(?P=sep)(?P<y>{_YEAR})\b"),
    ("num_dmy", rf"\b(?P<d>1[3-9]|2\d|3[01])(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>{_YEAR})\b"),
    ("mdy", rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
    ("dmy", rf"\b(?:{_WEEKDAY},?\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
    ("my", rf"\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    ("month_rel_year", rf"\b(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
    ("rel_month", rf"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<mon>{_MONTH})\b"),
    ("md", rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?![:,.]?\d)"),
    ("dm", rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<d>{_DAY})(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?(?P<mon>{_MONTH})\b"),
    ("month", rf"(?:\b{_PREP}\s+(?:(?:early|late|mid)[-\s])?|\b[Mm]id-)(?P<text>(?P<mon>{_MONTH}))\b"),
    ("weekday", rf"(?P<text>\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s+)?(?P<wd>{_WEEKDAY})\b(?!s\b){_PART}?)"),
    ("day_word", rf"(?P<text>\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow){_PART}?|\b(?:[Ll]ast|[Tt]his)\s+(?P<part>night|morning|afternoon|evening)\b)"),
    ("rel_period", r"(?P<text>\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\s+this|[Ll]ater\s+this)\s+(?P<unit>week|month|year)\b)"),
    ("ago", rf"(?P<text>\b(?P<n>{_NUMBER_WORD})\s+(?P<unit>days?|months?|years?)\s+ago\b)"),
    ("year", rf"\b(?:{_PREP}|[Ss]ince\s+(?:early|late|mid-?))\s+(?:(?:early|late|mid)[-\s])?(?P<text>(?P<y>{_YEAR}))\b(?![-–/]\d)(?!\s*(?:%|percent))"),
    # "for 2016", but not "for 2000 people"
    ("year", rf"\b[Ff]or\s+(?P<text>(?P<y>{_YEAR}))\b(?![-–/,.]?\d)(?!\s+(?:[a-z]+s|people|men|women|children|staff|police)\b)"),
    # the second year of a range: "between 2013 and 2014"
    ("year", rf"\b{_YEAR}\s+(?:and|or|to|through|until|[-–])\s+(?P<text>(?P<y>{_YEAR}))\b(?![-–/,.]?\d)"),
    # a range written with a hyphen: "in 1920-1937", both years
    ("year", rf"\b{_PREP}\s+(?P<text>(?P<y>{_YEAR}))(?=[-–]{_YEAR}\b)"),
    ("year", rf"\b{_YEAR}[-–](?P<text>(?P<y>{_YEAR}))\b(?![-–/]\d)"),
    # a year used as an adjective: "a 2012 report", "Sam Raimi's 1981 original", "the 2012 election cycle",
    # "the 2004 Indian Ocean tsunami" (the determiner or possessive before it is checked in
    # _plausible: a pattern starting there is slow)
    # the first of two years before one noun: "the 1980 and 2008 eruption cycles" (Multi-News ta243)
    ("year_pair", rf"(?<=\s)(?P<text>(?P<y>{_YEAR}))\s+(?:and|or)\s+{_YEAR}\s+(?P<noun>[A-Za-z][a-z-]+)\b"),
    ("year_attr", rf"(?<=\s)(?P<text>(?P<y>{_YEAR}))\s+(?P<noun>[A-Za-z][a-z-]+)\b"),
    # "the November elections", "the November ballot"
    ("month", rf"\b[Tt]he\s+(?P<text>(?P<mon>{MONTH_NAME}))\s+(?=[a-z])"),
]
# What an adjectival year may not stand before: counted things ("the 2000 troops", "a 2000 percent rise").
_COUNTED = frozenset({"people", "men", "women", "children", "staff", "police", "personnel", "percent", "per", "cattle",
                      "feet", "foot", "head", "strong", "odd", "plus", "more", "or", "and", "to"})
# What stands before an adjectival year: "the", "a(n)" or a possessive, and up to two words.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y)|\w['’]s)\s+(?:[\w-]+\s+){0,2}$")
# After an adjectival year and a capitalised word, the rest of the name and then a head that is
# no plural or verb in -s ("the 2004 Indian Ocean tsunami", "an 1866 Liberty $20 gold piece").
_NAME_THEN_HEAD = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}\s+(?:\$\d|[a-z][a-z-]*(?<!s)\b)")
# Plurals that are events, not counts, after an adjectival year ("the 2012 elections").
_EVENT_PLURALS = frozenset({"elections", "olympics", "games", "championships", "finals", "playoffs", "awards", "protests",
                            "riots", "attacks", "talks", "floods", "midterms", "primaries", "hearings"})
# Every pattern needs one of these; most sentences have none and are skipped at once.
_MAY_DATE = re.compile(r"\d|day|night|morning|month|week|year|[Tt]omorrow|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# Ordered: where two patterns match overlapping text, the longer match wins, then the earlier pattern.
_COMPILED = [(name, re.compile(pattern)) for name, pattern in _PATTERNS]
# A verb of the future before the date: "will meet on Tuesday" looks forward from publication;
# so does reported future ("said workers would strike on Monday"), but not "would have".
_FUTURE = re.compile(r"\b(?:will|'ll|’ll|shall|would(?!\s+have)|should(?!\s+have)|is\s+due|are\s+due|(?:is|are)\s+scheduled|scheduled\s+for|"
                     r"(?:is|are)\s+expected\s+to|expects?\s+to|intends?\s+to|hopes?\s+to|aims?\s+to|upcoming|plans?\s+to|planning\s+to|(?:is|are)\s+set\s+(?:to|for)|"
                     r"(?:is|are)\s+going\s+to|(?:is|are)\s+forecast|forecast\s+for|next)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n")
# "suspended until Tuesday", "adjourned until Feb. 3": the date the suspension runs to is ahead.
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:after\s+)?(?:the\s+)?(?:early\s+|late\s+)?$", re.I)
# A past-tense verb right before the date: "disclosed Tuesday", "said on Monday" look back whatever
# a relative clause earlier in the sentence says ("The agency, which will ..., disclosed Tuesday").
# Participles that look ahead ("expected", "scheduled") are left out.
_PAST_VERB_BEFORE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bto )(?<!\bwill )"  # "will be announced Thursday" looks ahead
    r"\b(?!(?:expected|scheduled|planned|slated|set|due|needed|intended)\b)"
    r"(?:[a-z]+ed|said|told|was|were|met|took|made|gave|began|came|went|found|left|held|sent|spoke|wrote|saw|won|"
    r"lost|fell|rose|struck|shot|killed|quit|hit)\s+(?:on\s+|early\s+|late\s+|last\s+)?$")
# A named weekday with a date may lie on the other side of publication than the tense says when it
# is this near ("closed on Monday, December 25" in a story of December 20): half a year.
WEEKDAY_OTHER_SIDE_DAYS = 183
# A past-tense verb between the future verb and the date: "who will retire, said on Friday".
# (Not "announced", "started": after "will be" they are passive participles.)
_PAST_MARKER = re.compile(r"\b(?:said|says|was|were|had|did|told|began)\b", re.I)
# Function words that may stand capitalized before a weekday at a sentence start ("On Friday").
_OPENERS = {"on", "by", "since", "until", "till", "from", "before", "after", "through", "early", "late",
            "last", "next", "this", "and", "or", "but", "as", "of", "between", "that", "then"}
# The Gregorian weekday pattern repeats every 28 years (within a century), so a named weekday
# pins a month/day to one year in this window or none.
WEEKDAY_YEARS = 28
# Kinds whose year is written out: a month and day later in the same sentence takes it.
_WRITTEN_YEAR_KINDS = frozenset({"iso", "mdy", "dmy", "num_mdy", "num_dmy", "my", "year"})
# "On July 25" without a publication date takes the year of a dated month this many sentences back.
STORY_YEAR_SENTENCES = 2
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}


def find_dates(articles: list[Article], sentences: list[Sentence]) -> list[DateMention]:
    """Every resolvable date in the sentences, in text order, each with the span of its words."""
    published = {a.id: (a.published.date() if a.published else None) for a in articles}
    found: list[DateMention] = []
    # Without a publication date, "On July 25" takes the year of a dated month in the sentences
    # just before ("by July 1955, the base was ready. On July 25, ..."): a story told in the past.
    story_year: dict[str, tuple[int, int]] = {}  # article -> (year, index of the sentence giving it)
    for sentence in sentences:
        if sentence.article not in published:
            continue
        day = published[sentence.article]
        year, at = story_year.get(sentence.article, (None, -99))
        inherited = year if day is None and sentence.index - at <= STORY_YEAR_SENTENCES else None
        here = dates_in(sentence.text, day, sentence.article, sentence.start, sentence.index, inherited)
        found.extend(here)
        years = {int(d.date[:4]) for d in here if d.precision in ("day", "month")}
        if len(years) == 1:
            story_year[sentence.article] = (years.pop(), sentence.index)
    return found


def dates_in(text: str, published: date | None, article: str = "", offset: int = 0,
             sentence: int | None = None, story_year: int | None = None) -> list[DateMention]:
    """The dates in one sentence, resolved against `published` (None: absolute dates only, and
    a month and day in the year `story_year` when the sentences before give one)."""
    if not _MAY_DATE.search(text):
        return []
    found: list[DateMention] = []
    written: list[tuple[int, int]] = []  # (position, year) of each date with a written year so far
    for kind, match in _matches(text):
        groups = match.groupdict()
        start, end = match.span("text") if groups.get("text") is not None else match.span()
        if not _plausible(kind, text, start, end, groups):
            continue
        # Tense and a written year are read in this date's own sentence (callers may pass a whole text).
        opens = _sentence_start(text, start)
        before = text[opens:start]
        future = bool(_UNTIL.search(before)) or (
            bool(_FUTURE.search(before)) and not _PAST_MARKER.search(before, _last_future(before))
            and not _PAST_VERB_BEFORE.search(before))
        years = {y for at, y in written if at >= opens}
        context_year = years.pop() if len(years) == 1 else None
        try:
            resolved = _resolve(kind, groups, published, future, context_year, story_year)
        except (OverflowError, ValueError):  # relative to a date near year 1 or 9999 (ingest reports those)
            continue
        if resolved is None:
            continue
        iso, precision = resolved
        if kind in _WRITTEN_YEAR_KINDS:
            written.append((start, int(iso[:4])))
        found.append(DateMention(date=iso, precision=precision, text=text[start:end],
                                 span=Span(article, offset + start, offset + end), sentence=sentence))
    return found


def _matches(text: str) -> list[tuple[str, re.Match]]:
    """Non-overlapping matches of all patterns, longest first, in text order."""
    candidates = []
    for rank, (kind, pattern) in enumerate(_COMPILED):
        for m in pattern.finditer(text):
            start, end = m.span("text") if m.groupdict().get("text") is not None else m.span()
            candidates.append((start, end, rank, kind, m))  # compared on the date's own words
    chosen: list[tuple[int, str, re.Match]] = []
    taken: list[tuple[int, int]] = []
    for start, end, _rank, kind, match in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            chosen.append((start, kind, match))
    # in the order of the dates' own words ("the 1980 and 2008 ..." has two matches opening at 1980)
    return [(kind, match) for _, kind, match in sorted(chosen, key=lambda c: c[0])]


def _plausible(kind: str, text: str, start: int, end: int, groups: dict) -> bool:
    """False for a weekday inside a name ("Sunday Times", "Super Tuesday") or 'may'-like words,
    and for a number before a counted noun taken for a year ("the 2000 troops")."""
    if kind == "year_pair":  # two years before one noun are never a count of it ("the 2004 and 2008 elections")
        return bool(_DETERMINER_BEFORE.search(text, max(0, start - 60), start))
    if kind == "year_attr":
        noun = groups["noun"].lower()
        if groups["noun"][:1].isupper() and not _NAME_THEN_HEAD.match(text, end):
            return False  # "the popular 1955 Burger returns": a name, not "the 2004 Indian Ocean tsunami"
        # "-ss", "-us", "-is" end singulars ("stimulus", "crisis"); other plurals are counts
        return (noun not in _COUNTED and (not noun.endswith("s") or noun in _EVENT_PLURALS or noun.endswith(("ss", "us", "is")))
                and bool(_DETERMINER_BEFORE.search(text, max(0, start - 60), start)))
    if kind == "day_word":
        # "told NBC's Today:", 'told "Today"', "The Tonight Show" (Multi-News ta034): a capital
        # inside a sentence makes the word a programme's name, not a day.
        opening = text[_sentence_start(text, start):start]
        return not (text[start].isupper() and not re.fullmatch(r"[\s\"'“‘(\[—–-]*", opening))
    if kind != "weekday":
        return True
    after = text[end:end + 30]
    if re.match(r"\s+(?!(?:" + MONTH_NAME + r")\b)[A-Z][a-z]", after):
        return False  # "Sunday Times", "Monday Night Football"
    before = re.search(r"(\S+)\s+$", text[:start])
    if before and text[start:start + 3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        word = before.group(1).strip("\"'“‘(")
        if word[:1].isupper() and word.lower() not in _OPENERS:
            return False  # "Bloody Sunday", "Black Friday", "Super Tuesday" (also at a sentence start)
    return True


def _last_future(text: str) -> int:
    """Where the last future marker in `text` ends (0 when there is none)."""
    last = 0
    for m in _FUTURE.finditer(text):
        last = m.end()
    return last


def _sentence_start(text: str, position: int) -> int:
    """Start of the sentence holding `position`: after the last full stop or line break before it."""
    boundary = 0
    for m in _SENTENCE_END.finditer(text, 0, position):
        boundary = m.end()
    return boundary


def _resolve(kind: str, g: dict, published: date | None, future: bool, context_year: int | None,
             story_year: int | None = None):
    """(ISO date, precision) or None when the text does not pin a date down."""
    if kind in ("iso", "mdy", "dmy", "num_mdy", "num_dmy"):
        month = int(g["m"]) if kind in ("iso", "num_mdy", "num_dmy") else _month(g["mon"])
        return _day(int(g["y"]), month, _day_number(g["d"]))
    if kind == "my":
        return f"{int(g['y']):04d}-{_month(g['mon']):02d}", "month"
    if kind in ("year", "year_attr", "year_pair"):
        return g["y"], "year"
    if published is None:
        if kind in ("md", "dm") and (context_year or story_year):
            return _day(context_year or story_year, _month(g["mon"]), _day_number(g["d"]))
        return None  # everything below is relative to the publication date
    if kind == "month_rel_year":
        year = published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return f"{year:04d}-{_month(g['mon']):02d}", "month"
    if kind == "rel_month":
        month, rel = _month(g["mon"]), g["rel"].lower()
        if rel == "last":
            year = published.year if month < published.month else published.year - 1
        elif rel == "next":
            year = published.year if month > published.month else published.year + 1
        else:
            year = published.year
        return f"{year:04d}-{month:02d}", "month"
    if kind in ("md", "dm"):
        month, day = _month(g["mon"]), _day_number(g["d"])
        if context_year:
            return _day(context_year, month, day)
        if g.get("wd"):  # "Friday, March 13": the nearest year in which March 13 is a Friday
            return _nearest_day(published, month, day, future, WEEKDAYS[g["wd"].lower()])
        return _nearest_day(published, month, day, future)
    if kind == "month":
        month = _month(g["mon"])
        if context_year:
            return f"{context_year:04d}-{month:02d}", "month"
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        return _weekday(published, WEEKDAYS[g["wd"].lower()], (g["rel"] or "").lower(), future)
    if kind == "day_word":
        word = (g["word"] or "").lower()
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}.get(word)
        if shift is None:  # "last night" is the night before; "this morning" is today
            shift = -1 if "last" in g["text"].lower() else 0
        return (published + timedelta(days=shift)).isoformat(), "day"
    if kind == "rel_period":
        return _period(published, g["text"].lower().split(), g["unit"])
    if kind == "ago":
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].rstrip("s")
        if unit == "day":
            return (published - timedelta(days=n)).isoformat(), "day"
        if unit == "month":
            months = published.year * 12 + published.month - 1 - n
            return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
        return f"{published.year - n:04d}", "year"
    return None


def _weekday(published: date, weekday: int, rel: str, future: bool):
    if rel == "next" or (future and rel not in ("last",)) or rel == "this" and future:
        delta = (weekday - published.weekday()) % 7
        if rel == "next" and delta == 0:
            delta = 7
        return (published + timedelta(days=delta)).isoformat(), "day"
    delta = (published.weekday() - weekday) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return (published - timedelta(days=delta)).isoformat(), "day"


def _period(published: date, words: list[str], unit: str):
    forward = "next" in words  # "later this year" and "earlier this week" are this period
    back = "last" in words
    if unit == "year":
        return f"{published.year + (1 if forward else -1 if back else 0):04d}", "year"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + (1 if forward else -1 if back else 0)
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    monday = published - timedelta(days=published.weekday())
    first = monday + timedelta(days=7 if forward else -7 if back else 0)
    last = published if "earlier" in words else first + timedelta(days=6)
    if first.month != last.month:
        return None  # the week straddles two months: no honest month to give
    return f"{first.year:04d}-{first.month:02d}", "month"


def _nearest_day(published: date, month: int, day: int, future: bool, weekday: int | None = None):
    """The occurrence of month/day nearest publication: on or before it (on or after if future),
    falling on `weekday` when the text names one (searched over one 28-year calendar cycle, and
    on the other side of publication too when that one is within WEEKDAY_OTHER_SIDE_DAYS)."""
    if weekday is not None:
        candidates = []
        for year in range(published.year - WEEKDAY_YEARS, published.year + WEEKDAY_YEARS + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate.weekday() == weekday:
                candidates.append(candidate)
        ahead = [c for c in candidates if c >= published]
        behind = [c for c in candidates if c <= published]
        wanted, other = (min(ahead, default=None), max(behind, default=None)) if future else \
            (max(behind, default=None), min(ahead, default=None))
        if other is not None and abs((other - published).days) <= WEEKDAY_OTHER_SIDE_DAYS and (
                wanted is None or abs((other - published).days) < abs((wanted - published).days)):
            wanted = other
        return (wanted.isoformat(), "day") if wanted else None
    step = 1 if future else -1
    for year in (published.year, published.year + step):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate >= published) if future else (candidate <= published):
            return candidate.isoformat(), "day"
    return None


def _day(year: int, month: int, day: int):
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None  # "Feb. 30": not a date


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]

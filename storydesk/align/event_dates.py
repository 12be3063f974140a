"""Date conflicts by event frame: one person's act given two days.

Outlets tell when someone was arrested, charged or died in sentences worded too far apart for the
sentence-level date rule ("On June 17, detectives executed a search warrant at the home of Dwight
Smith, who was arrested" / "Smith was arrested June 18", ta161 of the real gold). A frame here is
a person (the surname of the one the act befalls) and the class of the act; two articles that each
give the frame one day, and not the same one, disagree. A sentence opening with "A day later" or
"The next day" gives the day after the last day its article named in the sentences just before. Days are
compared by month and day: an article with no publication date leaves "June 17" without a year
(the extract stage does not resolve it), and two outlets on one story mean the same year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storydesk.align.frames import parse
from storydesk.align.text import sentence_claim
from storydesk.extract.dates import MONTH_NAME, MONTHS
from storydesk.lexicon import MONTHS as MONTH_NAMES
from storydesk.model import Conflict, Extraction, Sentence, Span

# Acts whose day an outlet can get wrong, by class; a closed list, so that "said on Monday" or
# "visited on June 3" never make a frame.
_ACT_CLASSES = {
    "arrest": "arrest detain apprehend",
    "charge": "charge indict",
    "convict": "convict",
    "sentence": "sentence",
    "release": "release free",
    "die": "die",
}
ACT_CLASS = {lemma: name for name, lemmas in _ACT_CLASSES.items() for lemma in lemmas.split()}
_TOPIC = {"arrest": "was arrested", "charge": "was charged", "convict": "was convicted",
          "sentence": "was sentenced", "release": "was released", "die": "died"}
# A cheap look at the words before any parse: most dated sentences tell no such act.
_MAY_ACT = re.compile(r"\b(?:arrest|detain|apprehend|charg|indict|convict|sentenc|releas|freed|died|dies)", re.I)
_DAY_AFTER = re.compile(r"^\W*(?:(?:a|one) day later|the (?:next|following) day)\b", re.I)
_DAY_BEFORE = re.compile(r"^\W*(?:(?:a|one) day (?:earlier|before)|the (?:previous|preceding) day|the day before)\b",
                         re.I)
# "June 17", "Sept. 3": a month and a day (a year after it is allowed and not read).
_MONTH_DAY = re.compile(rf"\b(?P<month>{MONTH_NAME})\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!:)")
# How many sentences back a relative day may find the day it counts from.
RELATIVE_REACH = 2
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "that"})


def _acts(text: str) -> list[tuple[str, str, int, int]]:
    """(surname, act class, start, end of the act's clause) for every listed act that befalls one
    named person."""
    found = []
    for token in parse([text])[0]:
        act = ACT_CLASS.get(token.lemma_.lower())
        if act is None or token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
            continue
        # Whom the act befalls: the passive subject ("Smith was arrested"), the object of an active
        # verb ("detectives arrested Johnson"), the subject of "died".
        roles = {"nsubj"} if act == "die" else {"nsubjpass", "dobj"}
        subject = next((c for c in token.children if c.dep_ in roles), None)
        if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
            subject = token.head  # "Dwight Smith, who was arrested"
        if subject is None or subject.pos_ != "PROPN" or any(c.dep_ == "conj" for c in subject.children):
            continue  # no one named, or two people ("Smith and Johnson were arrested")
        found.append((subject.text, act, token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)))
    return found


def _days_in(sentence: Sentence, resolved: dict[tuple[str, int], list[tuple[str, Span]]]) -> list[tuple[str, Span]]:
    """(MM-DD, span) of every month and day the sentence names; the extract stage's resolved days
    first ("on Tuesday" read against a publication date), then any "June 17" it left unresolved."""
    found = [(iso[5:], span) for iso, span in resolved.get((sentence.article, sentence.index), [])]
    covered = [span for _, span in found]
    for m in _MONTH_DAY.finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        if any(c.start <= start < c.end for c in covered):
            continue
        found.append((f"{MONTHS[m.group('month').lower()]:02d}-{int(m.group('day')):02d}",
                      Span(sentence.article, start, end)))
    return found


def _relative_day(sentence: Sentence, earlier: list[list[tuple[str, Span]]]) -> tuple[str, Span] | None:
    """The day "A day later" (or before) stands for, from the nearest earlier sentence giving one day."""
    match = _DAY_AFTER.match(sentence.text) or _DAY_BEFORE.match(sentence.text)
    if match is None:
        return None
    step = 1 if _DAY_AFTER.match(sentence.text) else -1
    for days in earlier[:RELATIVE_REACH]:
        if len({day for day, _ in days}) == 1:
            month, day = (int(x) for x in days[0][0].split("-"))
            moved = date(2001, month, day) + timedelta(days=step)  # a year with no Feb. 29: months and days only
            return f"{moved.month:02d}-{moved.day:02d}", Span(sentence.article, sentence.start + match.start(),
                                                              sentence.start + match.end())
    return None


def _shown(day: str) -> str:
    month, number = (int(x) for x in day.split("-"))
    return f"{MONTH_NAMES[month - 1]} {number}"


def event_date_conflicts(sentences: list[Sentence], extraction: Extraction) -> list[Conflict]:
    resolved: dict[tuple[str, int], list[tuple[str, Span]]] = {}
    for d in extraction.dates:
        if d.precision == "day" and d.sentence is not None:
            resolved.setdefault((d.span.article, d.sentence), []).append((d.date, d.span))
    given: dict[tuple[str, str, str], dict[str, tuple[Sentence, Span]]] = {}  # (article, surname, act) -> day
    recent: dict[str, list[list[tuple[str, Span]]]] = {}  # per article, the days of its last sentences
    for s in sentences:
        days = _days_in(s, resolved)
        earlier = recent.setdefault(s.article, [])
        relative = None if days else _relative_day(s, earlier)
        for surname, act, start, end in _acts(s.text) if (days or relative) and _MAY_ACT.search(s.text) else ():
            # One day in the sentence is the act's; of two or more, the one inside the act's clause
            # ("Johnson was arrested June 17 and was being held ... postponed to July 6").
            own = days if len({day for day, _ in days}) <= 1 else \
                [(day, span) for day, span in days if s.start + start <= span.start < s.start + end]
            day = relative or (own[0] if len({d for d, _ in own}) == 1 else None)
            if day is not None:
                given.setdefault((s.article, surname, act), {})[day[0]] = (s, day[1])
        earlier.insert(0, days)
        del earlier[RELATIVE_REACH:]
    found, seen = [], set()
    frames = sorted(given)
    for n, (article_a, surname, act) in enumerate(frames):
        for article_b, surname_b, act_b in frames[n + 1:]:
            if (surname_b, act_b) != (surname, act) or article_b == article_a:
                continue
            days_a, days_b = given[(article_a, surname, act)], given[(article_b, surname, act)]
            # Each outlet gives the act one day, and not the other's.
            if len(days_a) != 1 or len(days_b) != 1 or set(days_a) == set(days_b):
                continue
            key = (surname, act, frozenset(days_a) | frozenset(days_b))
            if key in seen:
                continue
            seen.add(key)
            claims = tuple(sentence_claim(_shown(value), sentence, span)
                           for value, (sentence, span) in (*days_a.items(), *days_b.items()))
            found.append(Conflict(id="", topic=f"when {surname} {_TOPIC[act]}", kind="date", claims=claims))
    return found


# A person's memoir given two years ("his 2012 memoir" / "his 2011 autobiography, My Infamous
# Life", ta021 of the real gold). Only works a person writes once: an artist has many albums and
# films, so "his 2011 album" / "his 2012 album" may be two.
_MEMOIR = re.compile(r"\b(?:his|her|their)\s+(?P<year>(?:19|20)\d\d)\s+(?:memoir|autobiography)\b", re.I)


def memoir_year_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    """Two articles each giving a memoir one year, and not the same one."""
    given: dict[str, dict[str, tuple[Sentence, Span]]] = {}
    for s in sentences:
        for m in _MEMOIR.finditer(s.text):
            given.setdefault(s.article, {}).setdefault(m.group("year"), (s, Span(s.article, s.start + m.start("year"),
                                                                                 s.start + m.end("year"))))
    found, seen = [], set()
    for a, b in ((a, b) for a in sorted(given) for b in sorted(given) if a < b):
        if len(given[a]) != 1 or len(given[b]) != 1 or set(given[a]) == set(given[b]):
            continue
        years = frozenset(given[a]) | frozenset(given[b])
        if years in seen:
            continue
        seen.add(years)
        claims = tuple(sentence_claim(year, sentence, span)
                       for year, (sentence, span) in (*given[a].items(), *given[b].items()))
        found.append(Conflict(id="", topic="year of the memoir", kind="date", claims=claims))
    return found

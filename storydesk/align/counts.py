"""Counts the extract stage does not read as quantities, for the conflict finder: how many times
something happened ("shot once" / "struck twice", ta032 of benchmarks/gold/align/real) and a
measure or count written as an adjective ("her 13-hour filibuster" / "11 hours of talk", ta230;
"a 30-car pileup"); a toll with its noun left out ("killed two and wounded 30"); "twin" bombs;
and one doer of an act ("a man confronted Price" / "confronted by two men", ta161).

They become plain `Quantity` records (noun "time", or the unit), so the quantity rules (same
point, same words next to the value, an outlet giving both values) decide as for any count.
"""

from __future__ import annotations

import re

from storydesk.align.count_frames import misparsed_verb, noun_class
from storydesk.align.frames import parse
from storydesk.extract.numbers import looks_plural, singular, word_value
from storydesk.model import Quantity, Sentence, Span

_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
# "three times", "12 times": the count must be a number word or digits.
_N_TIMES = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+) times\b", re.I)
_ONCE = re.compile(r"\b(?P<w>once|twice|thrice)\b", re.I)
# What makes "once"/"three times" something else than a count of events: a multiplier ("three
# times the size", "twice as many"), a rate ("twice a week"), "once again", "at once", "once the
# storm passed" (a conjunction opening a clause), "many times".
_MULTIPLIER_AFTER = re.compile(r"\s*(?:the|as|that|a|an|per|every|each|more|less|over|again|before\s+\w+\s+than)\b"
                               r"|\s*\w+er\s+than\b", re.I)
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:at|all|many|several|some|few|other|those|these|of)\s*$", re.I)
# Durations, weights, lengths and counts written as adjectives: "a 13-hour filibuster", "the
# 18.6-pound boat", "a 30-car pileup" (against "25-vehicle": one noun class, align/count_frames.py).
# Not ages ("13-year-old").
# Lengths of texts too ("a nearly 6,000-word manifesto" / "a 5,500-word letter", ta026).
_HYPHEN_MEASURE = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d{1,4}(?:\.\d+)?|[a-z]+)-(?P<unit>minute|hour|day|week|month|"
                             r"year|pound|ounce|foot|inch|mile|meter|metre|ton|acre|story|car|vehicle|truck|word|page)"
                             r"\b(?!-old)", re.I)
# A toll told with its noun left out: "an explosion killed two and wounded 30" (ta076 of the real
# gold). Only right after a verb of killing or wounding, and only when no noun follows the number
# (then the extract stage has the count) and it is no part ("killed two of the gunmen").
_TOLL = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures)\s+"
                   r"(?P<q>(?:at least|more than|about|nearly|some|an estimated)\s+)?(?P<n>\d{1,3}(?:,\d{3})*|[a-z]+)"
                   r"(?=\s*(?:[,.;:]|$|\s(?:and|in|on|at|near|during|when|while|after|before|as|across|including)\b))",
                   re.I)
# ...and "an attack that left seven dead" (pairs3 ta027): a toll with its noun left out after "left".
_LEFT_DEAD = re.compile(r"\bleft\s+(?P<q>(?:at least|more than|about|nearly|some|an estimated)\s+)?"
                        r"(?P<n>\d{1,3}(?:,\d{3})*|[a-z]+)\s+dead\b", re.I)
# "twin car bombs", "twin blasts": two of the plural noun at most one word later (ta076).
_TWIN = re.compile(r"\btwin\s+(?:[a-z-]+\s+)?(?P<noun>[a-z]+s)\b", re.I)
# "a man confronted Price" against "confronted by two men" (ta161): one person doing the act, a
# count of one only as the doer of a verb (its subject, or "by a man"); quantities.py compares it
# only within one event frame (the same verb), never on wording alone.
_LONE = re.compile(r"\b(?P<a>an?) (?P<noun>man|woman|person|gunman|gunwoman|suspect|shooter|attacker|assailant)\b", re.I)
LONE_AGENT_NOUNS = frozenset("man woman person gunman gunwoman suspect shooter attacker assailant".split())
# One of each thing in a list under one article, as what a verb acts on: "The Coast Guard
# dispatched a helicopter, plane and boat" (one boat) against "dispatched ... two 27-foot boats"
# (tune ta164). Compared, like a lone doer, only within one verb frame.
LISTED_ONE = re.compile(r"\b(?P<a>an?) (?P<items>[a-z]+(?:, [a-z]+)*,? and [a-z]+)\b")
# A count with a measure between number and noun, which the extract stage leaves out: "two 27-foot
# boats" (ta164).
_MEASURED_COUNT = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+) (?:\d{1,4}(?:\.\d+)?|[a-z]+)-(?:foot|meter|metre|inch|ton|pound|"
                             r"mile)(?:-long)? (?P<noun>[a-z]+s)\b", re.I)
_QUALIFIER_BEFORE = {"nearly": "<", "almost": "<", "about": "~", "around": "~", "roughly": "~",
                     "approximately": "~", "some": "~", "an estimated": "~", "more than": ">", "over": ">", "at least": ">="}


def _qualifier(before: str) -> str:
    tail = before.lower().rstrip()
    return next((q for words, q in _QUALIFIER_BEFORE.items() if tail.endswith(" " + words) or tail == words), "=")


def _number(word: str) -> float | None:
    word = word.replace(",", "") if word[:1].isdigit() else word
    if word.replace(".", "", 1).isdigit():
        return float(word)
    value = word_value(word.lower())
    return float(value) if value is not None else None


def word_counts(sentences: list[Sentence], counted: tuple[Quantity, ...] = ()) -> tuple[Quantity, ...]:
    """The counts written as words; a lone doer ("a man") only where another article counts two or
    more of its noun in `counted` (the extract stage's counts), so other sentences are not parsed."""
    found = []
    for s in sentences:
        text = s.text
        for m in _ONCE.finditer(text):
            # "Once the storm passed": a sentence-opening "once" is a conjunction.
            if m.start() == 0 or _MULTIPLIER_AFTER.match(text, m.end()) or _NOT_A_COUNT_BEFORE.search(text[:m.start()]):
                continue
            if text[:m.start()].rstrip().endswith((",", ";", ":", "(", "—")) and m.group("w").lower() == "once":
                continue  # ", once a star": a clause of its own
            found.append(_quantity(s, m.start(), m.end(), _TIMES_WORDS[m.group("w").lower()], "time", "="))
        for m in _N_TIMES.finditer(text):
            value = _number(m.group("n"))
            if value is None or value < 2 or _MULTIPLIER_AFTER.match(text, m.end()) \
                    or _NOT_A_COUNT_BEFORE.search(text[:m.start()]):
                continue
            found.append(_quantity(s, m.start(), m.end(), value, "time", _qualifier(text[:m.start()])))
        for m in _HYPHEN_MEASURE.finditer(text):
            value = _number(m.group("n"))
            if value is None:
                continue
            found.append(_quantity(s, m.start(), m.end(), value, m.group("unit").lower(), _qualifier(text[:m.start()])))
        for m in _TWIN.finditer(text):
            if looks_plural(m.group("noun")):
                found.append(_quantity(s, m.start(), m.end(), 2, singular(m.group("noun")), "="))
        for m in [*_TOLL.finditer(text), *_LEFT_DEAD.finditer(text)]:
            value = _number(m.group("n").replace(",", ""))
            if value is None or value < 1:
                continue
            qualifier = _qualifier(m.group("q").strip()) if m.group("q") else "="
            found.append(_quantity(s, m.start("q") if m.group("q") else m.start("n"), m.end("n"), value, "people",
                                   qualifier))
        for m in _MEASURED_COUNT.finditer(text):
            value = _number(m.group("n"))
            if value is not None and value >= 2 and looks_plural(m.group("noun")):
                found.append(_quantity(s, m.start(), m.end(), value, singular(m.group("noun").lower()),
                                       _qualifier(text[:m.start()])))
    return tuple(found) + _lone_agents(sentences, counted) + _listed_ones(sentences, counted + tuple(found))


def _listed_ones(sentences: list[Sentence], counted: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """One of each thing a list names under one article ("a helicopter, plane and boat"), where the
    list is what a verb acts on and another article counts two or more of the thing."""
    several = {}
    for q in counted:
        if q.value >= 2:
            several.setdefault(noun_class(q.noun), set()).add(q.span.article)
    found = []
    for s in sentences:
        for m in LISTED_ONE.finditer(s.text):
            items = [w for w in re.split(r",? and |, ", m.group("items")) if w]
            wanted = [w for w in items if several.get(noun_class(w), set()) - {s.article}]
            if not wanted:
                continue
            doc = parse([s.text])[0]
            first = next((t for t in doc if t.idx == m.start("items")), None)
            if first is None or first.dep_ != "dobj" or first.head.pos_ != "VERB":
                continue
            found.extend(_quantity(s, m.start(), m.end(), 1, noun.lower(), "=") for noun in wanted)
    return tuple(found)


def _lone_agents(sentences: list[Sentence], counted: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    several = {}  # counted noun class -> the articles counting two or more
    for q in counted:
        if q.value >= 2:
            several.setdefault(noun_class(q.noun), set()).add(q.span.article)
    found = []
    for s in sentences:
        matches = [m for m in _LONE.finditer(s.text)
                   if several.get(noun_class(m.group("noun")), set()) - {s.article}]
        if not matches:
            continue
        doc = parse([s.text])[0]
        for m in matches:
            noun = next((t for t in doc if t.idx == m.start("noun")), None)
            doer = noun is not None and (noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" or (
                noun.dep_ == "pobj" and noun.head.dep_ == "agent") or misparsed_verb(noun) is not None)
            if doer:
                found.append(_quantity(s, m.start(), m.end(), 1, m.group("noun").lower(), "="))
    return tuple(found)


def multiplier(sentence: Sentence, q: Quantity) -> bool:
    """A count of times that multiplies ("4.3 times more likely", "three times the size"): a ratio,
    not how often something happened (the extract stage reads "4.3 times" as a count; pairs ta190
    set it against "bullied at least once")."""
    return noun_class(q.noun) == "time" and q.text.lower().endswith("times") \
        and bool(_MULTIPLIER_AFTER.match(sentence.text, q.span.end - sentence.start))


def _quantity(s: Sentence, start: int, end: int, value: float, noun: str, qualifier: str) -> Quantity:
    return Quantity(value=value, noun=noun, qualifier=qualifier, text=s.text[start:end],
                    span=Span(s.article, s.start + start, s.start + end), sentence=s.index)

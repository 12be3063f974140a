"""Conflicts over a person's age and over an ordinal ("the 17th floor" / "the 15th-floor shaft").

Neither is a count the extract stage reads: an age is written "29-year-old Geraldine Alcorn" or
"Geraldine Alcorn, 28,"; an ordinal names which one of a series ("the second line of the anthem"
/ "the third line"). Two articles disagree when they give one person two ages, or one point two
ordinals of the same noun, and neither article also gives the other's value.
"""

from __future__ import annotations

import re
from itertools import combinations

from storydesk.align.text import context, sentence_claim, shared_context, topic_stems
from storydesk.extract.numbers import word_value
from storydesk.model import Conflict, Sentence, Span

_NAME = r"(?P<name>(?:[A-Z][a-z'’-]+ ){0,2}[A-Z][a-z'’-]+)"
_AGE_WORD = r"(?P<age>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)"
_AGE_BEFORE = re.compile(rf"\b{_AGE_WORD}-year-old (?:(?:[a-z]+ ){{0,2}})?{_NAME}")
# "Kevin Johnson, 25," or, in a list of names, "Kevin Deon Johnson, 24;" (ta161 of the real gold).
_AGE_AFTER = re.compile(rf"\b{_NAME}, (?P<age>\d{{1,3}})[,;]")
_FULL_NAME = re.compile(r"\b[A-Z][a-z'’-]+ (?:[A-Z]\. )?[A-Z][a-z'’-]+\b")
_NOT_NAMES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday The A An In On At By For And But He She It They We".split())
_ORDINAL_WORDS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1)}
_ORDINAL = re.compile(r"\b(?P<ord>\d{1,3})(?:st|nd|rd|th)[- ](?P<noun>[a-z]+)|\b(?P<word>"
                      + "|".join(_ORDINAL_WORDS) + r") (?P<noun2>[a-z]+)")
# Ordinal nouns worth comparing: places in a series an article can get wrong. ("first time",
# "second half", "third quarter" are idioms or periods, not points in a series.)
ORDINAL_NOUNS = frozenset("floor line paragraph row round lap stage story storey level grade place term".split())


def _age(text: str) -> int | None:
    value = int(text) if text.isdigit() else word_value(text.lower().replace("-", " "))
    return int(value) if value is not None and 0 < value < 120 else None


def _ages(sentences: list[Sentence]) -> list[tuple[int, str, int, Span]]:
    """(sentence index, name as written, age, span of the age) for every age given to a name."""
    found = []
    for n, s in enumerate(sentences):
        for pattern in (_AGE_BEFORE, _AGE_AFTER):
            for m in pattern.finditer(s.text):
                name, age = m.group("name"), _age(m.group("age"))
                if age is None or name.split()[0] in _NOT_NAMES:
                    continue
                start, end = m.span("age")
                found.append((n, name, age, Span(s.article, s.start + start, s.start + end)))
    return found


def _first_and_last(name: str) -> str:
    words = name.split()
    return f"{words[0]} {words[-1]}"


def age_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    ages = _ages(sentences)
    # Every full name of the story, aged or not: "Pasztor, 29" is ambiguous beside Amber and Rene.
    full_names = {m.group(0) for s in sentences for m in _FULL_NAME.finditer(s.text)
                  if m.group(0).split()[0] not in _NOT_NAMES} | {name for _, name, _, _ in ages if len(name.split()) > 1}

    by_surname: dict[str, set[str]] = {}
    for full in full_names:  # indexed once: `person` runs for every pair of ages
        by_surname.setdefault(full.split()[-1], set()).add(full)

    def person(name: str) -> str | None:
        """The full name a name stands for, a middle name left out ("Kevin Deon Johnson" is
        "Kevin Johnson"); a bare surname only when one full name carries it."""
        if len(name.split()) > 1:
            return _first_and_last(name)
        matches = {_first_and_last(full) for full in by_surname.get(name, set())}
        return next(iter(matches)) if len(matches) == 1 else None

    given: dict[tuple[str, str], set[int]] = {}
    for n, name, age, _ in ages:
        if (who := person(name)) is not None:
            given.setdefault((sentences[n].article, who), set()).add(age)
    found, seen = [], set()
    for (i, name_a, a, span_a), (j, name_b, b, span_b) in combinations(ages, 2):
        who = person(name_a)
        if who is None or who != person(name_b) or a == b or sentences[i].article == sentences[j].article:
            continue
        # An outlet that also gives the other age does not disagree with it (its own slip).
        if b in given.get((sentences[i].article, who), set()) or a in given.get((sentences[j].article, who), set()):
            continue
        key = (who, frozenset((a, b)))
        if key in seen:
            continue
        seen.add(key)
        found.append(Conflict(id="", topic=f"age of {who}", kind="quantity", claims=(
            sentence_claim(a, sentences[i], span_a), sentence_claim(b, sentences[j], span_b))))
    return found


def _ordinals(sentences: list[Sentence]) -> list[tuple[int, str, int, Span]]:
    found = []
    for n, s in enumerate(sentences):
        for m in _ORDINAL.finditer(s.text):
            noun = m.group("noun") or m.group("noun2")
            value = int(m.group("ord")) if m.group("ord") else _ORDINAL_WORDS[m.group("word").lower()]
            if noun.rstrip("s") not in ORDINAL_NOUNS:
                continue
            found.append((n, noun.rstrip("s"), value, Span(s.article, s.start + m.start(), s.start + m.end())))
    return found


def ordinal_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    """Two ordinals of one noun for one point: the words next to them must share a stem that is not
    the story's topic ("pulled", "change"), and neither article may give the other's ordinal."""
    ordinals = _ordinals(sentences)
    topic = topic_stems(sentences)
    given: dict[tuple[str, str], set[int]] = {}
    for n, noun, value, _ in ordinals:
        given.setdefault((sentences[n].article, noun), set()).add(value)
    found, seen = [], set()
    for (i, noun_a, a, span_a), (j, noun_b, b, span_b) in combinations(ordinals, 2):
        if noun_a != noun_b or a == b or sentences[i].article == sentences[j].article:
            continue
        if b in given[(sentences[i].article, noun_a)] or a in given[(sentences[j].article, noun_b)]:
            continue
        shared = shared_context(context(sentences[i], span_a, topic), context(sentences[j], span_b, topic))
        if not shared:
            continue
        key = (noun_a, frozenset((a, b)))
        if key in seen:
            continue
        seen.add(key)
        found.append(Conflict(id="", topic=f"which {noun_a}: " + " ".join(shared), kind="quantity", claims=(
            sentence_claim(sentences[i].text[span_a.start - sentences[i].start:span_a.end - sentences[i].start],
                           sentences[i], span_a),
            sentence_claim(sentences[j].text[span_b.start - sentences[j].start:span_b.end - sentences[j].start],
                           sentences[j], span_b))))
    return found

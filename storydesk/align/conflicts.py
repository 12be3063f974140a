"""Conflicts: two articles on the same point with incompatible values.

Precision over recall: a conflict is reported only when both sides are about the same thing
(same counted noun, semantically similar sentences) and the values cannot both be true.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import combinations

import numpy as np

from storydesk.align.statements import _STOP, _WORD, clip, statement_conflicts, stem
from storydesk.extract.numbers import word_value
from storydesk.model import Article, Claim, Conflict, DateMention, Extraction, Quantity, Sentence, Span

# Sentence cosine above which two sentences carrying the same counted noun are taken to report
# the same count. Checked on the tune half of benchmarks/gold/align (bench_align.py): the planted
# pairs sit at 0.60 and above, the nearest pair about a different point of the same noun
# ("about 80 people were on the bridge" / "fourteen people were hurt") at 0.53.
SAME_POINT_COSINE = 0.60
# Two dates are the same point when the words next to them share a stem ("last inspected in April"
# / "last inspected in September") and the sentences are this similar. Tune half: the planted
# pairs sit at 0.61-0.69; without the shared-word test a different event of the same story
# ("arrested two men on Monday" / "broke into the museum on Sunday") reached 0.63.
SAME_DATE_POINT_COSINE = 0.55
# Words either side of a date that say what happened on it.
DATE_CONTEXT_WORDS = 6
# A word found in more than this share of the story's sentences is the story's topic ("fire",
# "warehouses", "dock"), not what happened on a date: it does not tie two dates together.
# Set on the tune half and harbor-fire: the anchors of the planted date pairs ("inspected",
# "detected", "peak") stay under 15%; the scene words of the false harbor-fire pairs are above 20%.
DATE_TOPIC_SHARE = 0.15
# ...and a word in this many sentences or fewer never is (short stories, tests).
DATE_TOPIC_MIN = 4
# A dated mention this far from publication, in another year, marks another event: "a similar
# bridge collapsed in 2019, injuring 22 people" is not a rival count for this week's collapse.
OTHER_TIME_DAYS = 90

# Words that make a count cumulative or per-period: "40 a day" and "400 in total" are not rivals.
# ("overnight" says when, not how often, and "a total of 9,412" is just a count: neither is one.)
_SCOPE_WORDS = {
    "daily": re.compile(r"\b(a|per|each) day\b|\bdaily\b", re.I),
    "total": re.compile(r"\b(in total|so far|since|cumulative|altogether|to date)\b", re.I),
}
_BARE_YEAR = re.compile(r"(?<![\d$£€.,])\b((?:19|20)\d\d)\b(?![\d,.]\d)")
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday morning afternoon "
    "evening night early late last next this week month year today yesterday tomorrow".split())


def _noun_key(noun: str) -> str:
    word = noun.lower().strip()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _scope(text: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _SCOPE_WORDS.items() if pattern.search(text))


def _compatible(a: Quantity, b: Quantity) -> bool:
    """True when one value can be read as a bound that the other satisfies ("at least 4" vs 6)."""
    for bound, exact in ((a, b), (b, a)):
        v = exact.value
        if bound.qualifier == ">=" and v >= bound.value:
            return True
        if bound.qualifier == ">" and v > bound.value:
            return True
        if bound.qualifier == "<=" and v <= bound.value:
            return True
        if bound.qualifier == "<" and v < bound.value:
            return True
        if bound.qualifier == "~" and abs(v - bound.value) <= 0.2 * max(abs(bound.value), 1):
            return True
    return False


def _claim(value: str | float | None, sentence: Sentence, span: Span | None = None) -> Claim:
    evidence = span or Span(sentence.article, sentence.start, sentence.end)
    return Claim(value=value, text=sentence.text, sources=(sentence.article,), evidence=(evidence,))


def _quantity_conflicts(
    sentences: list[Sentence],
    index: dict[tuple[str, int], int],
    sims: np.ndarray,
    quantities: tuple[Quantity, ...],
    other_times: dict[int, frozenset[str]],
) -> list[Conflict]:
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        if q.sentence is not None and (q.span.article, q.sentence) in index:
            by_sentence.setdefault(index[(q.span.article, q.sentence)], []).append(q)
    found: list[Conflict] = []
    seen: set[tuple] = set()
    for (i, qs_i), (j, qs_j) in combinations(by_sentence.items(), 2):
        si, sj = sentences[i], sentences[j]
        if si.article == sj.article or sims[i, j] < SAME_POINT_COSINE or _scope(si.text) != _scope(sj.text):
            continue
        if other_times.get(i, frozenset()) != other_times.get(j, frozenset()):
            continue  # one count is tied to another year: another event
        for a in qs_i:
            for b in qs_j:
                if _noun_key(a.noun) != _noun_key(b.noun) or a.value == b.value:
                    continue
                # "four of the six" next to "six": the other side's count of the same thing is in
                # this sentence too ("two warehouses" is not answered by "two of whom", firefighters).
                values_i = _values_of(qs_i, a.noun)
                values_j = _values_of(qs_j, a.noun)
                if a.upper is not None or b.upper is not None or b.value in values_i or a.value in values_j:
                    continue
                key = (_noun_key(a.noun), frozenset({a.value, b.value}), frozenset({si.article, sj.article}))
                if key in seen:
                    continue
                seen.add(key)
                found.append(
                    Conflict(
                        id="",
                        topic=f"number of {_plural(a.noun)}",
                        kind="quantity",
                        claims=(_claim(_shown(a), si, a.span), _claim(_shown(b), sj, b.span)),
                        severity="discrepancy" if _compatible(a, b) else "contradiction",
                    )
                )
    return found


def _values_of(quantities: list[Quantity], noun: str) -> set[float]:
    key = _noun_key(noun)
    same = [q for q in quantities if _noun_key(q.noun) == key]
    return {q.value for q in same} | {q.upper for q in same if q.upper is not None}


def _shown(q: Quantity) -> str | float | int:
    """The value as a claim shows it: 6, or ">=4" when the article gave a bound."""
    if q.qualifier != "=":
        return f"{q.qualifier}{q.value:g}"
    return int(q.value) if float(q.value).is_integer() else q.value


def _plural(noun: str) -> str:
    irregular = {"person": "people", "child": "children", "man": "men", "woman": "women"}
    if noun in irregular.values():
        return noun  # quantities count "people" as written
    if noun in irregular or noun.endswith("s"):
        return irregular.get(noun, noun)
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def _outside_quotes(quantities: tuple[Quantity, ...], extraction: Extraction) -> tuple[Quantity, ...]:
    """Numbers a speaker says inside a quote ("Four of my firefighters were hurt") are the
    speaker's words, not the outlet's count: they are not set against other outlets' counts."""
    quoted: dict[str, list[Span]] = {}
    for quote in extraction.quotes:
        for span in quote.evidence:
            quoted.setdefault(span.article, []).append(span)
    return tuple(q for q in quantities
                 if not any(s.start <= q.span.start < s.end for s in quoted.get(q.span.article, ())))


def _date_conflicts(
    sentences: list[Sentence], index: dict[tuple[str, int], int], sims: np.ndarray, extraction: Extraction
) -> list[Conflict]:
    counts = Counter(key for s in sentences for key in {stem(w) for w in _WORD.findall(s.text)})
    topic = {key for key, n in counts.items() if n > max(DATE_TOPIC_MIN, DATE_TOPIC_SHARE * len(sentences))}
    dated = [
        (index[(d.span.article, d.sentence)], d)
        for d in extraction.dates
        if d.sentence is not None and (d.span.article, d.sentence) in index
    ]
    dates_of: dict[int, set[str]] = {}
    for i, d in dated:
        dates_of.setdefault(i, set()).add(d.date)
    found = []
    for (i, a), (j, b) in combinations(dated, 2):
        if sentences[i].article == sentences[j].article or a.precision != b.precision or a.date == b.date:
            continue
        # A sentence that gives both dates tells two events apart; it is no rival to either.
        if b.date in dates_of[i] or a.date in dates_of[j] or sims[i, j] < SAME_DATE_POINT_COSINE:
            continue
        context_a, context_b = _date_context(sentences[i], a, topic), _date_context(sentences[j], b, topic)
        shared = [word for key, word in context_a if key in {k for k, _ in context_b}]
        if not shared:
            continue
        found.append(
            Conflict(
                id="",
                topic="date: " + " ".join(dict.fromkeys(shared)),
                kind="date",
                claims=(_claim(a.date, sentences[i], a.span), _claim(b.date, sentences[j], b.span)),
            )
        )
    return found


def _date_context(sentence: Sentence, mention: DateMention, topic: set[str]) -> list[tuple[str, str]]:
    """(stem, word) of the words next to a date that say what happened on it: not names (where
    and who), not the story's topic words, not function, number or date words."""
    start, end = mention.span.start - sentence.start, mention.span.end - sentence.start
    before = _WORD.findall(sentence.text[:start])[-DATE_CONTEXT_WORDS:]
    after = _WORD.findall(sentence.text[end:])[:DATE_CONTEXT_WORDS]
    return [(stem(w), w.lower()) for w in before + after
            if w.lower() not in _DATE_WORDS and w.lower() not in _STOP and w[0].islower() and stem(w) not in topic
            and word_value(w) is None]


def _other_times(
    sentences: list[Sentence], extraction: Extraction, index: dict[tuple[str, int], int], published: dict[str, date]
) -> dict[int, frozenset[str]]:
    """Per sentence, the years of the dates it gives that lie well away from its publication."""
    out: dict[int, set[str]] = {}
    for d in extraction.dates:
        day = published.get(d.span.article)
        if day is None or d.sentence is None or (d.span.article, d.sentence) not in index:
            continue
        first, last = _period(d.date, d.precision)
        distance = 0 if first <= day <= last else min(abs((day - first).days), abs((day - last).days))
        if first.year != day.year and distance > OTHER_TIME_DAYS:
            out.setdefault(index[(d.span.article, d.sentence)], set()).add(d.date[:4])
    # A year the date rules leave alone ("in the 2021 election") still marks another time.
    for n, s in enumerate(sentences):
        day = published.get(s.article)
        for year in _BARE_YEAR.findall(s.text) if day else ():
            if abs(int(year) - day.year) > 1:
                out.setdefault(n, set()).add(year)
    return {i: frozenset(years) for i, years in out.items()}


def _period(iso: str, precision: str) -> tuple[date, date]:
    year = int(iso[:4])
    if precision == "year":
        return date(year, 1, 1), date(year, 12, 31)
    month = int(iso[5:7])
    if precision == "month":
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    return date.fromisoformat(iso), date.fromisoformat(iso)


def _attribution_conflicts(extraction: Extraction, sentences: list[Sentence]) -> list[Conflict]:
    found = []
    by_key = {(s.article, s.index): s for s in sentences}
    for quote in extraction.quotes:
        speakers: dict[str, list] = {}
        for m in quote.mentions:
            if m.speaker:
                speakers.setdefault(m.speaker, []).append(m)
        if len(speakers) < 2:
            continue
        claims = []
        for speaker, mentions in speakers.items():
            text = next(
                (by_key[(m.article, m.sentence)].text for m in mentions if (m.article, m.sentence) in by_key),
                mentions[0].text,
            )
            claims.append(
                Claim(
                    value=speaker,
                    text=text,
                    sources=tuple(dict.fromkeys(m.article for m in mentions)),
                    evidence=tuple(m.span for m in mentions),
                )
            )
        found.append(Conflict(id="", topic=f"who said “{clip(quote.text)}”", kind="attribution", claims=tuple(claims)))
    return found


def _merge(conflicts: list[Conflict]) -> list[Conflict]:
    """One conflict per point: pairwise findings on the same topic and values become one, sides merged by value."""
    merged: dict[tuple, dict] = {}
    for c in conflicts:
        key = (c.kind, c.topic, frozenset(str(claim.value) for claim in c.claims))
        entry = merged.setdefault(key, {"conflict": c, "claims": {}})
        for claim in c.claims:
            side = entry["claims"].setdefault(str(claim.value), [claim.value, claim.text, [], []])
            side[2].extend(a for a in claim.sources if a not in side[2])
            side[3].extend(e for e in claim.evidence if e not in side[3])
    out = []
    for entry in merged.values():
        c = entry["conflict"]
        claims = tuple(
            Claim(value=v, text=t, sources=tuple(src), evidence=tuple(ev)) for v, t, src, ev in entry["claims"].values()
        )
        out.append(Conflict(id="", topic=c.topic, kind=c.kind, claims=claims, severity=c.severity))
    return out


def find_conflicts(
    sentences: list[Sentence], vectors: np.ndarray, extraction: Extraction, articles: Sequence[Article] = ()
) -> tuple[Conflict, ...]:
    """Typed conflicts between articles, numbered c1, c2, ... in the order found.

    `articles` give publication dates, so a count tied to another year ("in 2019, 22 people")
    is not set against this event's count; without them that check is skipped."""
    if not sentences:
        return ()
    sims = vectors @ vectors.T
    index = {(s.article, s.index): n for n, s in enumerate(sentences)}
    published = {a.id: a.published.date() for a in articles if a.published}
    other_times = _other_times(sentences, extraction, index, published)
    found = _merge(
        _quantity_conflicts(sentences, index, sims, _outside_quotes(extraction.quantities, extraction), other_times)
        + _date_conflicts(sentences, index, sims, extraction)
        + _attribution_conflicts(extraction, sentences)
        + statement_conflicts(sentences, sims)
    )
    return tuple(
        Conflict(id=f"c{n + 1}", topic=c.topic, kind=c.kind, claims=c.claims, severity=c.severity)
        for n, c in enumerate(found)
    )

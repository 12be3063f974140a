"""Conflicts: two articles on the same point with incompatible values.

Precision over recall: a conflict is reported only when both sides are about the same thing
(same counted noun, semantically similar sentences) and the values cannot both be true.
"""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np

from storydesk.model import Claim, Conflict, Extraction, Quantity, Sentence, Span

# Sentence cosine above which two sentences carrying the same counted noun are taken to report
# the same count. Provisional, set by hand and checked only against the near-miss tests in
# tests/test_align.py; not yet tuned on a gold set.
SAME_POINT_COSINE = 0.60
# Statements (denied vs claimed) need a closer match: polarity flips are rare and costly when wrong.
# Provisional, like SAME_POINT_COSINE.
SAME_STATEMENT_COSINE = 0.70

# Words that make a count cumulative or per-period: "40 a day" and "400 in total" are not rivals.
_SCOPE_WORDS = {
    "daily": re.compile(r"\b(a|per|each) day\b|\bdaily\b|\bovernight\b", re.I),
    "total": re.compile(r"\b(in total|total|so far|since|cumulative|altogether|to date)\b", re.I),
}
_DENY = re.compile(r"\b(den(y|ies|ied)|rejected|disowned)\b", re.I)
_CLAIM = re.compile(r"\b(claim(s|ed)?|admitted|took) (responsibility|credit)\b", re.I)
_NEGATION = re.compile(r"\b(not|no|never|n't)\b", re.I)


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
    sentences: list[Sentence], index: dict[tuple[str, int], int], sims: np.ndarray, quantities: tuple[Quantity, ...]
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


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


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
    dated = [
        (index[(d.span.article, d.sentence)], d)
        for d in extraction.dates
        if d.sentence is not None and (d.span.article, d.sentence) in index
    ]
    found = []
    for (i, a), (j, b) in combinations(dated, 2):
        if sentences[i].article == sentences[j].article or a.precision != b.precision or a.date == b.date:
            continue
        if sims[i, j] < SAME_STATEMENT_COSINE:
            continue
        found.append(
            Conflict(
                id="",
                topic="date",
                kind="date",
                claims=(_claim(a.date, sentences[i], a.span), _claim(b.date, sentences[j], b.span)),
            )
        )
    return found


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
        found.append(Conflict(id="", topic=f"who said “{_clip(quote.text)}”", kind="attribution", claims=tuple(claims)))
    return found


def _statement_conflicts(sentences: list[Sentence], sims: np.ndarray) -> list[Conflict]:
    denies = [i for i, s in enumerate(sentences) if _DENY.search(s.text) and not _CLAIM.search(s.text)]
    claims = [
        i
        for i, s in enumerate(sentences)
        if _CLAIM.search(s.text) and not _DENY.search(s.text) and not _NEGATION.search(s.text)
    ]
    found = []
    for i in denies:
        for j in claims:
            if sentences[i].article != sentences[j].article and sims[i, j] >= SAME_STATEMENT_COSINE:
                found.append(
                    Conflict(
                        id="",
                        topic="responsibility",
                        kind="statement",
                        claims=(_claim("denied", sentences[i]), _claim("claimed", sentences[j])),
                    )
                )
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


def find_conflicts(sentences: list[Sentence], vectors: np.ndarray, extraction: Extraction) -> tuple[Conflict, ...]:
    """Typed conflicts between articles, numbered c1, c2, ... in the order found."""
    if not sentences:
        return ()
    sims = vectors @ vectors.T
    index = {(s.article, s.index): n for n, s in enumerate(sentences)}
    found = _merge(
        _quantity_conflicts(sentences, index, sims, _outside_quotes(extraction.quantities, extraction))
        + _date_conflicts(sentences, index, sims, extraction)
        + _attribution_conflicts(extraction, sentences)
        + _statement_conflicts(sentences, sims)
    )
    return tuple(
        Conflict(id=f"c{n + 1}", topic=c.topic, kind=c.kind, claims=c.claims, severity=c.severity)
        for n, c in enumerate(found)
    )

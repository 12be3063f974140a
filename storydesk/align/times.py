"""Time-of-day conflicts: one moment told at two clock times ("at about 11:45 a.m." / "around
10:30 a.m.", ta017 of benchmarks/gold/align/real). The extract stage resolves days, not hours, so
the times are read here from the sentences.

Two times are the same moment when their sentences are about one point (embedding similarity),
share a word next to the time that is not the story's topic, and do not give the event to two
named people ("Zirkle pulled up at 2:17 a.m." / "King arrived at 3:25 a.m." are two arrivals).
An outlet that gives the other time anywhere does not disagree with it (it tells two events).
"""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np

from storydesk.align.frames import parse
from storydesk.align.text import context, sentence_claim, shared_context, topic_stems
from storydesk.model import Conflict, Sentence, Span

# Sentence cosine above which two sentences giving a time are taken to tell one moment: the same
# bar as counts (quantities.SAME_POINT_COSINE), checked on ta017 (the pair sits at 0.67) and on
# two events of one afternoon ("dropped off about 1 p.m." / "reported missing at 5:30 p.m.", 0.55).
SAME_TIME_COSINE = 0.60
# Times this close are one time told roughly ("around 11:40 a.m." / "about 11:45 a.m.").
AGREEING_MINUTES = 20
_TIME = re.compile(r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?", re.I)


def _times(sentence: Sentence) -> list[tuple[int, Span, str]]:
    """(minutes after midnight, span, words) of every clock time in a sentence."""
    found = []
    for m in _TIME.finditer(sentence.text):
        hour = int(m.group("hour")) % 12 + (12 if m.group("half").lower() == "p" else 0)
        minutes = hour * 60 + int(m.group("minute") or 0)
        found.append((minutes, Span(sentence.article, sentence.start + m.start(), sentence.start + m.end()),
                      m.group(0)))
    return found


def _apart(a: int, b: int) -> bool:
    gap = abs(a - b)
    return min(gap, 24 * 60 - gap) > AGREEING_MINUTES


def _named_subject(text: str) -> str | None:
    """The proper name the sentence's main verb has as its subject ("Zirkle pulled up"), if any."""
    doc = parse([text])[0]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    return subject.text.lower() if subject is not None and subject.pos_ == "PROPN" else None


def time_conflicts(sentences: list[Sentence], sims: np.ndarray) -> list[Conflict]:
    timed = [(n, t) for n, s in enumerate(sentences) for t in _times(s)]
    if len(timed) < 2:
        return []
    told: dict[str, list[int]] = {}
    for n, (minutes, _, _) in timed:
        told.setdefault(sentences[n].article, []).append(minutes)
    topic = topic_stems(sentences)
    found = []
    for (i, (a, span_a, words_a)), (j, (b, span_b, words_b)) in combinations(timed, 2):
        si, sj = sentences[i], sentences[j]
        if si.article == sj.article or not _apart(a, b) or sims[i, j] < SAME_TIME_COSINE:
            continue
        if any(not _apart(b, t) for t in told[si.article]) or any(not _apart(a, t) for t in told[sj.article]):
            continue
        shared = shared_context(context(si, span_a, topic), context(sj, span_b, topic))
        if not shared:
            continue
        names = _named_subject(si.text), _named_subject(sj.text)
        if None not in names and names[0] != names[1]:
            continue
        found.append(Conflict(id="", topic="time: " + " ".join(shared), kind="date",
                              claims=(sentence_claim(words_a, si, span_a), sentence_claim(words_b, sj, span_b))))
    return found

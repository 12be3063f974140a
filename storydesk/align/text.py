"""Word-level helpers shared by the conflict finders: stems, the words next to a value, claims."""

from __future__ import annotations

import re
from collections import Counter

from storydesk.extract.numbers import word_value
from storydesk.model import Claim, Sentence, Span

# Words either side of a value (a date, a sum of money) that say what the value is about.
CONTEXT_WORDS = 6
# A word found in more than this share of the story's sentences is the story's topic ("fire",
# "warehouses", "dock"), not what a value is about: it does not tie two values together.
# Set on the tune half of benchmarks/gold/align and harbor-fire: the anchors of the planted date
# pairs ("inspected", "detected", "peak") stay under 15% of sentences; the scene words of the
# false harbor-fire date pairs ("warehouses", "dock") are above 20%.
TOPIC_SHARE = 0.15
# ...and a word in this many sentences or fewer never is (short stories, tests).
TOPIC_MIN = 4

_CLAUSE_BREAK = re.compile(r"[,;:()—]|\band\b|\bbut\b")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
STOP = frozenset(
    "a an the of to in on at for and or but is are was were be been by with from that this it its as he she they "
    "his her their said says has have had which who will would could should also there any how what when where why "
    "much many more most than then so very just".split())
DATE_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday morning afternoon "
    "evening night early late last next this week month year today yesterday tomorrow".split())


def stem(word: str) -> str:
    """A crude stem that makes 'peaked'/'peak', 'arrests'/'arrested', 'conceded'/'concede' meet."""
    word = word.lower().strip("'’-")
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


def stems(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOP}


def topic_stems(sentences: list[Sentence]) -> set[str]:
    """Stems so common in the story that they say nothing about one value (see TOPIC_SHARE)."""
    counts = Counter(key for s in sentences for key in {stem(w) for w in WORD.findall(s.text)})
    return {key for key, n in counts.items() if n > max(TOPIC_MIN, TOPIC_SHARE * len(sentences))}


def context(sentence: Sentence, span: Span, topic: set[str]) -> dict[str, str]:
    """{stem: word} of the words next to a value, in its own clause, that say what it is about:
    not names (where and who), not the story's topic words, not function, number or date words."""
    start, end = span.start - sentence.start, span.end - sentence.start
    before = _CLAUSE_BREAK.split(sentence.text[:start])[-1]
    after = _CLAUSE_BREAK.split(sentence.text[end:], maxsplit=1)[0]
    near = WORD.findall(before)[-CONTEXT_WORDS:] + WORD.findall(after)[:CONTEXT_WORDS]
    return {stem(w): w.lower() for w in near
            if w[0].islower() and w not in STOP and w not in DATE_WORDS and stem(w) not in topic
            and word_value(w) is None}


def shared_context(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return [word for key, word in a.items() if key in b]


def clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def sentence_claim(value: str | float | None, sentence: Sentence, span: Span | None = None) -> Claim:
    """One side of a conflict: a value, the sentence giving it, and where (the value's own span)."""
    evidence = span or Span(sentence.article, sentence.start, sentence.end)
    return Claim(value=value, text=sentence.text, sources=(sentence.article,), evidence=(evidence,))

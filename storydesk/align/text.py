"""Word-level helpers shared by the conflict finders: stems, the words next to a value, claims."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from storydesk import lexicon
from storydesk.extract.numbers import word_value
from storydesk.lexicon import DATE_WORDS, REPORTING_VERBS, SOURCING_WORDS
from storydesk.lexicon import STOP_WORDS as STOP
from storydesk.model import Claim, Sentence, Span

# Content words either side of a value (a date, a sum of money) that say what it is about: the
# verb and its object or subject ("inspectors visited the terminal last month, on Feb. 12").
CONTEXT_WORDS = 4
# A word found in more than this share of the story's sentences is the story's topic ("fire",
# "warehouses", "dock"), not what a value is about: it does not tie two values together.
# Set on the tune half of benchmarks/gold/align and harbor-fire: the anchors of the planted date
# pairs ("inspected", "detected", "peak") stay under 15% of sentences; the scene words of the
# false harbor-fire date pairs ("warehouses", "dock") are above 20%.
TOPIC_SHARE = 0.15
# ...and a word in this many sentences or fewer never is (short stories, tests).
TOPIC_MIN = 4

# Another event starts at a temporal conjunction ("on Saturday, a day after a fire tore through");
# a clause also ends at punctuation, "and", "but".
# "According to the indictment" names the source, not the event.
_EVENT_BREAK = re.compile(r"\b(?:after|before|since|until|when|while|according\s+to)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()—]|\band\b|\bbut\b|\b(?:after|before|since|until|when|while|according\s+to)\b", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=100_000)  # pairs of values read the same words again and again
def stem(word: str) -> str:
    """A crude key that makes 'peaked'/'peak', 'arrests'/'arrested', 'conceded'/'concede' meet: the
    shared stem cut to five letters (values are compared by the few words next to them, so a
    looser key finds the pair and the clause check keeps out chance matches)."""
    return lexicon.stem(word.lower().strip("'’-"))[:5]


# Stems of reporting verbs: "claiming they owe $27,000" and "claimed he paid $40,000" share how
# they are told, not what the sum is.
_REPORTING = frozenset(stem(v) for v in REPORTING_VERBS + SOURCING_WORDS)


def stems(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOP}


def topic_stems(sentences: list[Sentence]) -> set[str]:
    """Stems so common in the story that they say nothing about one value (see TOPIC_SHARE)."""
    counts = Counter(key for s in sentences for key in {stem(w) for w in WORD.findall(s.text)})
    return {key for key, n in counts.items() if n > max(TOPIC_MIN, TOPIC_SHARE * len(sentences))}


def context(
    sentence: Sentence, span: Span, topic: set[str], clause: bool = False, size: int = CONTEXT_WORDS
) -> dict[str, str]:
    """{stem: word} of the words next to a value that say what it is about: not names (where and
    who), not the story's topic words, not function, number or date words. With `clause`, only
    words of the value's own clause ("three people were stabbed, and 12 people were arrested");
    without, a window across commas ("inspectors visited the terminal last month, on Feb. 12").
    `size` content words are taken on each side."""
    start, end = span.start - sentence.start, span.end - sentence.start
    breaks = _CLAUSE_BREAK if clause else _EVENT_BREAK
    before, after = breaks.split(sentence.text[:start])[-1], breaks.split(sentence.text[end:], maxsplit=1)[0]
    near = _content(WORD.findall(before))[-size:] + _content(WORD.findall(after))[:size]
    return {stem(w): w for w in near if stem(w) not in topic}


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w[0].islower() and w not in STOP and w not in DATE_WORDS and word_value(w) is None
            and stem(w) not in _REPORTING]


def shared_context(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return [word for key, word in a.items() if key in b]


def clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def sentence_claim(value: str | float | None, sentence: Sentence, span: Span | None = None) -> Claim:
    """One side of a conflict: a value, the sentence giving it, and where (the value's own span)."""
    evidence = span or Span(sentence.article, sentence.start, sentence.end)
    return Claim(value=value, text=sentence.text, sources=(sentence.article,), evidence=(evidence,))

"""Conflicts over a person's academic rank and over a street block (kind "other").

Neither is a count or a date: "Matthew Kanan, an assistant professor" / "Matthew Kanan, an
associate professor" (ta056 of the real gold) gives one person two ranks; "in the 3000 block of
West Florence Avenue" / "in the 3300 block of West Florence Avenue" (ta161) puts one place on two
blocks. Two articles disagree when each gives the person (or the street) one value, the values
differ, and neither article also gives the other's: a story may name two blocks of one avenue
(where a shooting was, where the gunman fled), but then one outlet names both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import combinations

from storydesk.align.frames import surname
from storydesk.align.text import sentence_claim
from storydesk.model import Conflict, Sentence, Span

_NAME = r"(?P<name>(?:[A-Z][a-z'’-]+ |[A-Z]\. ){0,2}[A-Z][a-z'’-]+)"
# A closed set of ranks: the words that make two titles of one profession differ.
_RANK = r"(?P<rank>assistant|associate|full|adjunct|visiting|clinical|emeritus)"
_RANK_AFTER = re.compile(rf"\b{_NAME}, (?:an? |the )?{_RANK} professor\b")
_RANK_BEFORE = re.compile(rf"\b{_RANK.replace('assistant', '[Aa]ssistant').replace('associate', '[Aa]ssociate')} "
                          rf"[Pp]rofessor {_NAME}")
# "the 3000 block of West Florence Avenue": the street is the key, the block number the value.
_BLOCK = re.compile(r"\b(?P<rank>\d{2,5}) block of (?P<name>(?:[A-Z][\w.'’-]* ){0,3}[A-Z][\w.'’-]*)")


def _ranks(s: Sentence) -> Iterator[tuple[str, str, int, int]]:
    for pattern in (_RANK_AFTER, _RANK_BEFORE):
        for m in pattern.finditer(s.text):
            yield surname(m.group("name")), m.group("rank").lower(), *m.span("rank")


def _blocks(s: Sentence) -> Iterator[tuple[str, str, int, int]]:
    for m in _BLOCK.finditer(s.text):
        yield m.group("name").rstrip(".").lower(), m.group("rank"), *m.span("rank")


def _conflicts(sentences: list[Sentence], read: Callable[[Sentence], Iterator[tuple[str, str, int, int]]],
               topic: Callable[[str], str]) -> list[Conflict]:
    given: dict[tuple[str, str], dict[str, tuple[Sentence, Span]]] = {}  # (article, key) -> value -> where
    for s in sentences:
        for key, value, start, end in read(s):
            given.setdefault((s.article, key), {}).setdefault(value, (s, Span(s.article, s.start + start, s.start + end)))
    found, seen = [], set()
    for (article_a, key_a), (article_b, key_b) in combinations(sorted(given), 2):
        if key_a != key_b or article_a == article_b:
            continue
        values_a, values_b = given[(article_a, key_a)], given[(article_b, key_b)]
        if len(values_a) != 1 or len(values_b) != 1 or set(values_a) == set(values_b):
            continue
        pair = (key_a, frozenset(values_a) | frozenset(values_b))
        if pair in seen:
            continue
        seen.add(pair)
        claims = tuple(sentence_claim(value, s, span) for value, (s, span) in (*values_a.items(), *values_b.items()))
        found.append(Conflict(id="", topic=topic(key_a), kind="other",
                              claims=claims))
    return found


def title_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    """One person given two academic ranks, one street place on two blocks, by two articles."""
    return (_conflicts(sentences, _ranks, lambda key: f"rank of {key.title()}")
            + _conflicts(sentences, _blocks, lambda key: f"block of {key.title()}"))

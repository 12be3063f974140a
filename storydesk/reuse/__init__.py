"""Reuse stage: which articles share (wire) copy, and what each one adds.

    find_wire_copy(articles, sentences) -> ReuseReport

Inside one story every pair of articles is aligned (`passages.shared_passages`); for a corpus,
`corpus.find_reuse` first draws candidate pairs from MinHash LSH (`minhash.py`) so the cost
grows with the number of articles, not the number of pairs.
"""

from __future__ import annotations

import re
from itertools import combinations

from storydesk.model import Article, ReusePair, ReuseReport, Sentence, Span
from storydesk.reuse.passages import (
    Tokens,
    Vocabulary,
    aligned_runs,
    covered_mask,
    covered_share,
    runs_to_passages,
    tokenize,
)

__all__ = ["find_wire_copy", "pair_reuse", "COPY_SHARE"]

# Two articles are one source when one carries at least this share of the other's body: a
# lightly edited wire copy shares 80-95%, a rewrite that keeps two quotes and a phrase 0-15%.
COPY_SHARE = 0.4
# Original text shorter than this (a changed word between two shared passages) is not an addition.
MIN_ORIGINAL_WORDS = 6


def pair_reuse(a: str, b: str, a_tokens: Tokens, b_tokens: Tokens) -> ReusePair:
    """The passages articles `a` and `b` (ids) share and the share of each one's words they cover."""
    runs = aligned_runs(a_tokens, b_tokens)
    # Kept runs never overlap, so a side's covered words are the sum of its run lengths.
    return ReusePair(
        a=a,
        b=b,
        share_a=round(float((runs[:, 1] - runs[:, 0]).sum()) / len(a_tokens), 4) if len(runs) else 0.0,
        share_b=round(float((runs[:, 3] - runs[:, 2]).sum()) / len(b_tokens), 4) if len(runs) else 0.0,
        passages=tuple(runs_to_passages(a_tokens, b_tokens, runs)),
    )


def find_wire_copy(articles: list[Article], sentences: list[Sentence] | None = None) -> ReuseReport:
    """Align every pair of the story's articles; originality and additions follow from the passages."""
    vocabulary = Vocabulary()
    tokens = {a.id: tokenize(a.text, vocabulary) for a in articles}
    pairs = [pair_reuse(a.id, b.id, tokens[a.id], tokens[b.id]) for a, b in combinations(articles, 2)]
    pairs = [p for p in pairs if p.passages]

    shared: dict[str, list[tuple[int, int]]] = {a.id: [] for a in articles}
    for pair in pairs:
        shared[pair.a].extend((p.a_start, p.a_end) for p in pair.passages)
        shared[pair.b].extend((p.b_start, p.b_end) for p in pair.passages)
    originality = {a.id: round(1.0 - covered_share(tokens[a.id], shared[a.id]), 4) if len(tokens[a.id]) else 1.0
                   for a in articles}
    original_spans = {a.id: tuple(_uncovered_spans(a, tokens[a.id], shared[a.id])) for a in articles}
    return ReuseReport(
        pairs=tuple(pairs),
        originality=originality,
        original_spans=original_spans,
        copy_groups=tuple(copy_groups([a.id for a in articles], pairs)),
    )


def copy_groups(ids: list[str], pairs: list[ReusePair], threshold: float = COPY_SHARE) -> list[frozenset[str]]:
    """Connected components of the pairs where one article carries `threshold` of the other."""
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        if max(pair.share_a, pair.share_b) >= threshold:
            parent[root(pair.a)] = root(pair.b)
    groups: dict[str, set[str]] = {}
    for i in ids:
        groups.setdefault(root(i), set()).add(i)
    return sorted((frozenset(g) for g in groups.values() if len(g) > 1), key=lambda g: sorted(g))


def _uncovered_spans(article: Article, tokens: Tokens, shared: list[tuple[int, int]]) -> list[Span]:
    """Runs of tokens no other article carries, as character spans (what this outlet adds)."""
    if not len(tokens):
        return []
    mask = covered_mask(tokens, shared)
    spans, start = [], None
    for index, covered in enumerate(mask.tolist() + [True]):
        if not covered and start is None:
            start = index
        elif covered and start is not None:
            if index - start >= MIN_ORIGINAL_WORDS:
                span = _trim_fragment(article.text, int(tokens.starts[start]), int(tokens.ends[index - 1]))
                if span:
                    spans.append(Span(article.id, *span))
            start = None
    return spans


_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"'”’)]*\s+")


def _trim_fragment(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop a few words left over from an edited shared sentence at the start of an addition
    ('Mr. al-Rubaie said. The dock handles...' -> 'The dock handles...')."""
    starts_sentence = start == 0 or bool(re.search(r"[.!?][\"'”’)]*\s*$", text[max(0, start - 4):start]))
    if not starts_sentence:
        boundary = _SENTENCE_END.search(text, start, end)
        if boundary and len(text[start:boundary.start()].split()) < MIN_ORIGINAL_WORDS:
            start = boundary.end()
    return (start, end) if len(text[start:end].split()) >= MIN_ORIGINAL_WORDS else None

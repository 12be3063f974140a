"""Group sentences from different articles that state the same thing into facts."""

from __future__ import annotations

import re

import numpy as np

from storydesk.lexicon import STOP_WORDS
from storydesk.model import Article, Fact, Quantity, Quote, ReuseReport, Sentence, Span

# Cosine of MiniLM embeddings above which two sentences are taken as the same statement on
# their own, and a lower cosine that suffices when they also share many content words (Jaccard)
# or a count. Swept with `bench_align.py --sweep` (pairwise F1 of fact grouping) on the tune half
# of benchmarks/gold/align. Its best, SAME 0.70, fell on the held-out half (F1 0.878 -> 0.791:
# chained facts, P 0.85); 0.74 keeps P 1.000 on both halves (tune F1 0.892, held-out 0.878), so
# the held-out half helped choose it and is no longer clean for fact grouping (the "fresh"
# stories are: F1 0.909).
SAME_FACT_COSINE = 0.74
SUPPORTED_FACT_COSINE = 0.65
SUPPORTED_FACT_JACCARD = 0.30
# Sentences shorter than this many words (datelines, "He said.") make no fact of their own.
MIN_FACT_WORDS = 5



def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP_WORDS and len(w) > 1}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_statement(cosine: float, overlap: float, same_count: bool = False) -> bool:
    """Same statement: close embeddings, or fairly close ones that share many words or a count
    ("At least 11 staff members have been infected" / "Eleven staff members have also fallen ill")."""
    return cosine >= SAME_FACT_COSINE or (
        cosine >= SUPPORTED_FACT_COSINE and (overlap >= SUPPORTED_FACT_JACCARD or same_count))


def _speakers(sentences: list[Sentence], keep: list[int], quotes: tuple[Quote, ...]) -> dict[int, set[str]]:
    """Per kept sentence, who its article says spoke the quotations that start in it."""
    said: dict[tuple[str, int], set[str]] = {}
    for quote in quotes:
        for m in quote.mentions:
            if m.sentence is not None and (m.speaker_entity or m.speaker):
                said.setdefault((m.article, m.sentence), set()).add(m.speaker_entity or m.speaker)
    return {i: set(said.get((sentences[i].article, sentences[i].index), ())) for i in keep}


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def group_facts(
    articles: list[Article],
    sentences: list[Sentence],
    vectors: np.ndarray,
    reuse: ReuseReport,
    quantities: tuple[Quantity, ...] = (),
    quotes: tuple[Quote, ...] = (),
) -> tuple[tuple[Fact, ...], dict[str, tuple[str, ...]]]:
    """Facts ranked by independent support, and per article the ids of facts only it carries.

    `quantities` (the extract stage's) let two sentences giving the same count of the same thing
    count as sharing words. `quotes` keep a quotation apart from the same words given to someone
    else: who said it is part of the fact (the attribution conflict shows the other side)."""
    keep = [i for i, s in enumerate(sentences) if len(s.text.split()) >= MIN_FACT_WORDS]
    words = {i: content_words(sentences[i].text) for i in keep}
    counts: dict[tuple[str, int], set[tuple[str, float]]] = {}
    for q in quantities:
        counts.setdefault((q.span.article, q.sentence), set()).add((q.noun.lower().rstrip("s"), q.value))
    counts_of = {i: counts.get((sentences[i].article, sentences[i].index), set()) for i in keep}
    parent = list(range(len(sentences)))
    if keep:
        sims = vectors[keep] @ vectors[keep].T
        # Only pairs from different articles at the lower cosine can be one statement: numpy finds
        # them, so the word overlap is computed for those few, not for every pair.
        article_codes = {a: n for n, a in enumerate(dict.fromkeys(sentences[i].article for i in keep))}
        codes = np.array([article_codes[sentences[i].article] for i in keep])
        close = np.triu(sims >= SUPPORTED_FACT_COSINE, 1) & (codes[:, None] != codes[None, :])
        pairs = [
            (float(sims[x, y]), keep[x], keep[y])
            for x, y in zip(*np.nonzero(close), strict=True)
            if same_statement(float(sims[x, y]), jaccard(words[keep[x]], words[keep[y]]),
                              bool(counts_of[keep[x]] & counts_of[keep[y]]))
        ]
        # Closest pairs first, and a fact holds at most one sentence of each article: single links
        # would otherwise chain a story's similar sentences ("the recount ...") into one fact.
        articles_of = {i: {sentences[i].article} for i in keep}
        speakers_of = _speakers(sentences, keep, quotes)
        for _, i, j in sorted(pairs, reverse=True):
            a, b = _find(parent, i), _find(parent, j)
            if a == b or articles_of[a] & articles_of[b]:
                continue
            if speakers_of[a] and speakers_of[b] and not speakers_of[a] & speakers_of[b]:
                continue
            parent[a] = b
            articles_of[b] |= articles_of.pop(a)
            speakers_of[b] |= speakers_of.pop(a)
    clusters: dict[int, list[int]] = {}
    for i in keep:
        clusters.setdefault(_find(parent, i), []).append(i)
    order = {a.id: n for n, a in enumerate(articles)}
    drafts = []
    for members in clusters.values():
        members.sort(key=lambda i: (order.get(sentences[i].article, 0), sentences[i].index))
        sources = tuple(dict.fromkeys(sentences[i].article for i in members))
        if len(members) > 1:
            sub = vectors[members] @ vectors[members].T
            rep = members[int(np.argmax(sub.sum(axis=1)))]
        else:
            rep = members[0]
        evidence = tuple(Span(sentences[i].article, sentences[i].start, sentences[i].end) for i in members)
        drafts.append(
            (reuse.independent_count(sources), len(sources), members[0], sentences[rep].text, sources, evidence)
        )
    # Ranked by support; ties keep reading order of the first mention.
    drafts.sort(key=lambda d: (-d[0], -d[1], order.get(sentences[d[2]].article, 0), sentences[d[2]].index))
    facts = tuple(
        Fact(id=f"f{n + 1}", text=text, sources=sources, independent_sources=independent, evidence=evidence)
        for n, (independent, _, _, text, sources, evidence) in enumerate(drafts)
    )
    unique: dict[str, tuple[str, ...]] = {a.id: () for a in articles}
    for fact in facts:
        if len(fact.sources) == 1:
            unique[fact.sources[0]] = unique.get(fact.sources[0], ()) + (fact.id,)
    return facts, unique

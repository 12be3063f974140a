"""The citation check: does a cited article really state the summary sentence?

An article supports a sentence when one of its sentences, or two adjacent ones (a rewrite may
spread a claim over two), holds

- at least `SUPPORT_CONTAINMENT` of the sentence's content words (stemmed, stop words out),
- every number the sentence states (a rewrite saying "three warehouses" does not support "two
  warehouses", however many other words they share), and
- the same polarity: both negated or neither ("no one was inside" is not "a watchman was inside"),
- the claim itself (`claim.py`): the words of its predicate, subject, object and complement,
  and its modality ("could", "should"), so shared topic words are not enough;
- every name the sentence gives, spelled alike (at least `NAME_SIMILARITY`: "Harbour" and
  "Harbor", "al-Rubaie" and the misspelt "al-Rubiae"), so a quote an outlet gives to someone
  else is not cited for the speaker the summary names.

A sentence always passes against the article it was taken from. The index answers for every
article at once, so the summary can count support for hundreds of candidates cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from storydesk.model import Article, Sentence, Span
from storydesk.summarize.claim import claim_of, modality_of, only_prospective, states_claim
from storydesk.summarize.text import content_terms, names, negated, numbers, words

# Share of a summary sentence's content words the cited evidence must contain. Measured on the
# harbor-fire example (the wire's sentences against each other article): the lightly edited
# copies hold 0.86-1.0 of them; the tribune's rewrite spreads over 0.1-1.0, its sentences telling
# the same fact in other words at 0.6-0.9 and mere topic overlap below 0.5.
SUPPORT_CONTAINMENT = 0.6
# rapidfuzz ratio (0-100) at which two spellings are one name: "rubaie"/"rubiae" 83, "harbour"/
# "harbor" 92, the story's other names ("rubaie"/"amrani") 50. Names one letter apart
# ("austin"/"justin", 83) would pass too; words and numbers must still agree.
NAME_SIMILARITY = 80


@dataclass(frozen=True)
class Unit:
    """One stretch of an article that may be cited as evidence: a sentence or two adjacent ones."""

    span: Span
    text: str


class EvidenceIndex:
    """Sentences and adjacent pairs of every article, indexed by content word."""

    def __init__(self, articles: list[Article], sentences: list[Sentence]):
        texts = {a.id: a.text for a in articles}
        by_article: dict[str, list[Sentence]] = {a.id: [] for a in articles}
        for s in sentences:
            if s.article in by_article:
                by_article[s.article].append(s)
        self.article_ids = [a.id for a in articles]
        units: list[Unit] = []
        starts = []  # first unit of each article: units are grouped by article for reduceat
        for article_id in self.article_ids:
            starts.append(len(units))
            own = by_article[article_id]
            for s in own:
                units.append(Unit(s.span, s.text))
            for a, b in zip(own, own[1:], strict=False):
                units.append(Unit(Span(article_id, a.start, b.end), texts[article_id][a.start:b.end]))
        self.units = units
        self._starts = np.array(starts, dtype=np.int64)
        self._has_units = np.array([
            (starts[i + 1] if i + 1 < len(starts) else len(units)) > starts[i] for i in range(len(starts))
        ], dtype=bool)
        postings: dict[str, list[int]] = {}
        for i, unit in enumerate(units):
            for term in set(content_terms(unit.text)):
                postings.setdefault(term, []).append(i)
        self._postings = {t: np.array(ids, dtype=np.int64) for t, ids in postings.items()}
        self._numbers = [numbers(u.text) for u in units]
        self._negated = [negated(u.text) for u in units]
        self._words = [frozenset(words(u.text)) for u in units]

    def containment(self, text: str) -> np.ndarray:
        """Per unit: the share of `text`'s distinct content words it contains."""
        terms = set(content_terms(text))
        if not terms or not self.units:
            return np.zeros(len(self.units))
        hits = [self._postings[t] for t in terms if t in self._postings]
        counts = np.bincount(np.concatenate(hits), minlength=len(self.units)) if hits else np.zeros(len(self.units))
        return counts / len(terms)

    def best_per_article(self, text: str) -> np.ndarray:
        """Per article (in `article_ids` order): the highest containment of `text` in any unit."""
        if not self.units:
            return np.zeros(len(self.article_ids))
        # A trailing 0 lets an article with no units start past the end; its row is masked anyway.
        best = np.maximum.reduceat(np.append(self.containment(text), 0.0), self._starts)
        return np.where(self._has_units, best, 0.0)

    def evidence(self, text: str, article: str) -> Span | None:
        """The best unit of `article` that passes the check for `text`, or None."""
        need_numbers, need_names, polarity = numbers(text), names(text), negated(text)
        contained = self.containment(text)
        passing = [
            i for i in np.flatnonzero(contained >= SUPPORT_CONTAINMENT)
            if self.units[i].span.article == article and need_numbers <= self._numbers[i]
            and self._negated[i] == polarity and _names_present(need_names, self._words[i])
        ]
        if not passing:
            return None
        claim = claim_of(text)
        passing = [i for i in passing if text in self.units[i].text or states_claim(
            claim, frozenset(content_terms(self.units[i].text)), modality_of(self.units[i].text))
            and not only_prospective(claim, self.units[i].text)]
        if not passing:
            return None
        # The fullest match, then the shorter unit (one sentence rather than a pair).
        best = max(passing, key=lambda i: (contained[i], self.units[i].span.start - self.units[i].span.end))
        return self.units[best].span


def _names_present(needed: frozenset[str], present: frozenset[str]) -> bool:
    return all(
        name in present or any(fuzz.ratio(name, word) >= NAME_SIMILARITY for word in present) for name in needed
    )


def verify_citation(text: str, article: Article, sentences: list[Sentence]) -> Span | None:
    """Where `article` states `text` (its evidence span), or None when it does not.

    `sentences` are the article's sentences (others are ignored). A verbatim slice of the
    article always passes.
    """
    found = article.text.find(text)
    if found >= 0:
        return Span(article.id, found, found + len(text))
    own = [s for s in sentences if s.article == article.id]
    return EvidenceIndex([article], own).evidence(text, article.id)

"""Round 7's tries (issue 21, README here): each variant of the clusterer scored on the tune half
and the fresh draws, none on the held-out half.

    python benchmarks/gold/cluster/round7_tried.py

Prints, per variant, tune-half pairwise P / R / F1 and the five fresh draws' F1 (the whole stream
clustered once per variant, as bench_cluster.py does). Reads ../shared/data; writes nothing.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import bench_cluster as bc  # noqa: E402

from storydesk.cluster.stream import ClusterOptions, StoryClusterer, final_stories  # noqa: E402

REASSIGN_MARGIN = 0.05  # a move needs the other story to beat the article's own by this much
NEAR_MISS = 0.1  # centroid scores from here up to the join threshold look at the members


class RaisedSecondChance(StoryClusterer):
    """The second chance's words bar this far above the join threshold."""

    margin = 0.01

    def _second_chance(self, started, grown_after):
        options = self.options
        self.options = replace(options, join_threshold=options.join_threshold + self.margin)
        try:
            super()._second_chance(started, grown_after)
        finally:
            self.options = options


class BestMember(StoryClusterer):
    """A candidate scoring NEAR_MISS..threshold with the centroid joins (at the threshold) when its
    best member scores at the threshold with the article."""

    def _similarity(self, story, terms, names, embedding):
        score = super()._similarity(story, terms, names, embedding)
        if NEAR_MISS <= score < self.options.join_threshold and story.size >= 2 and story.members:
            best = max(self._member_score(m, terms, names) for m in story.members)
            if best >= self.options.join_threshold:
                return self.options.join_threshold
        return score

    def _member_score(self, member, terms, names) -> float:
        words = _dot(terms, member.term_keys, member.term_weights)
        if words < self.options.min_word_similarity or not names or not len(member.name_keys):
            return words
        shared = _dot(names, member.name_keys, member.name_weights)
        return words + self.options.name_weight * (shared - self.options.name_offset)


def _dot(vector: dict[int, float], keys, weights) -> float:
    other = dict(zip(keys.tolist(), weights.tolist(), strict=True))
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return sum(v * other.get(k, 0.0) for k, v in vector.items()) / norm


def reassigned(clusterer: StoryClusterer, features, predicted: dict[str, str]) -> dict[str, str]:
    """Each article moved to the final story (leave-one-out centroids, the join formula) that beats
    its own by REASSIGN_MARGIN and the join threshold."""
    options = clusterer.options
    frequencies = clusterer.frequencies
    terms = {f.article: _unit(frequencies.weigh(f.terms, 100)) for f in features}
    names = {f.article: _unit(frequencies.weigh(f.names, 30)) for f in features}
    members = defaultdict(list)
    for article, story in predicted.items():
        if article in terms:
            members[story].append(article)

    def score(article: str, ids: list[str]) -> float:
        words = _cosine_sum(terms[article], [terms[i] for i in ids])
        if words < options.min_word_similarity or not names[article]:
            return words
        shared = _cosine_sum(names[article], [names[i] for i in ids])
        return words + options.name_weight * (shared - options.name_offset) if shared else words

    moved = dict(predicted)
    for article in terms:
        own = [m for m in members[predicted[article]] if m != article]
        bar = max((score(article, own) if own else 0.0) + REASSIGN_MARGIN, options.join_threshold)
        for story, ids in members.items():
            if story != predicted[article] and (candidate := score(article, ids)) > bar:
                moved[article], bar = story, candidate
    return moved


def _unit(vector: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _cosine_sum(vector: dict[int, float], others: list[dict[int, float]]) -> float:
    total: dict[int, float] = defaultdict(float)
    for other in others:
        for key, weight in other.items():
            total[key] += weight
    norm = math.sqrt(sum(v * v for v in total.values()))
    return sum(v * total.get(k, 0.0) for k, v in vector.items()) / norm if norm else 0.0


def main() -> None:
    articles, _, _ = bc.load_stream(bc.STREAM)
    tune, _ = bc.event_halves(bc.load_events())
    fresh = [bc.load_events(path) for path in bc.FRESH_DRAWS]
    features = bc._features(articles)

    def show(name: str, predicted: dict[str, str]) -> None:
        t = bc.scores(predicted, tune)
        draws = " ".join(f"{bc.scores(predicted, f)['F1']:.3f}" for f in fresh)
        print(f"{name:62} tune {t['P']:.3f} / {t['R']:.3f} / {t['F1']:.3f} | fresh {draws}")

    def run(cls=StoryClusterer, **options) -> tuple[StoryClusterer, dict[str, str]]:
        clusterer = cls(ClusterOptions(**options))
        assigned = {a.article: a.story for a in clusterer.assign_features(features)}
        return clusterer, final_stories(assigned, clusterer.moves)

    shipped, predicted = run()
    show("shipped", predicted)
    for options in ({"min_word_similarity": 0.08}, {"min_word_similarity": 0.06}, {"name_offset": 0.05},
                    {"name_offset": 0.15}, {"merge_threshold": 0.4}, {"merge_threshold": 0.45},
                    {"split_threshold": 0.25}, {"split_threshold": 0.35}, {"join_threshold": 0.14},
                    {"join_threshold": 0.16}, {"join_threshold": 0.18}, {"join_threshold": 0.19},
                    {"join_threshold": 0.21}):
        show(", ".join(f"{k}={v}" for k, v in options.items()), run(**options)[1])
    for margin in (0.005, 0.01, 0.03):
        RaisedSecondChance.margin = margin
        show(f"second chance's bar +{margin}", run(RaisedSecondChance)[1])
    show(f"batch-end reassignment (margin {REASSIGN_MARGIN})", reassigned(shipped, features, predicted))
    show(f"near-miss candidate ({NEAR_MISS}+) joined by its best member", run(BestMember)[1])


if __name__ == "__main__":
    main()

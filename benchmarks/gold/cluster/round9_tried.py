"""Round 9's tries (issue 21, README here): each variant scored on the tune half and the fresh
draws, in the stream's file order and in 8 shuffled orders; none chosen on the held-out half.

    python benchmarks/gold/cluster/round9_tried.py              # the table (round9-tried.txt)
    python benchmarks/gold/cluster/round9_tried.py --held-out   # the later held-out score (once)

The file holds each Multi-News story's articles together, the one order in which an online
clusterer sees an event's coverage back to back; shuffled, the same constants score lower (tune
pairwise F1 0.945 in file order, 0.918-0.932 shuffled). Each row: tune-half pairwise F1, then
the six fresh draws' F1, in file order and as the mean over the 8 shuffles (seeds 0-7). Reads
../shared/data; writes nothing.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import bench_cluster as bc  # noqa: E402

from storydesk.cluster import features as F  # noqa: E402
from storydesk.cluster.features import DocumentFrequencies  # noqa: E402
from storydesk.cluster.stream import ClusterOptions, StoryClusterer, final_stories  # noqa: E402
from storydesk.model import Article  # noqa: E402

SEEDS = range(8)


def lead_terms(weight: int, chars: int) -> Callable:
    """Feature counts with the lead's words (first `chars` characters) counted `weight` times."""
    counts = F._counts

    def counted(article: Article):
        kept, names, hashes = counts(article)
        cut = article.text[:chars]
        if len(article.text) > chars:
            cut = cut.rsplit(" ", 1)[0]
        lead, _, _ = counts(Article(id=article.id, text=cut))
        kept = dict(kept)
        for bucket, count in lead.items():
            kept[bucket] = kept.get(bucket, 0) + (weight - 1) * count
        return kept, names, hashes
    return counted


class SharperIdf:
    """DocumentFrequencies weighing with idf = (log((N+1)/(df+1)) + smooth) ** power."""

    def __init__(self, smooth: float, power: float):
        self.smooth, self.power = smooth, power

    def __enter__(self):
        self.saved = DocumentFrequencies.weigh, DocumentFrequencies.weigh_all
        smooth, power = self.smooth, self.power

        def weigh(frequencies, counts, limit=None):
            if not counts:
                return {}
            keys = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            idf = np.log((frequencies.documents + 1) / (frequencies.counts[keys] + 1)) + smooth
            weights = (1.0 + np.log(tf)) * idf ** power
            order = np.argsort(-weights, kind="stable")[:limit]
            keys, weights = keys[order], weights[order]
            weights /= math.sqrt(float(weights @ weights)) or 1.0
            return dict(zip(keys.tolist(), weights.tolist(), strict=True))

        DocumentFrequencies.weigh = weigh
        DocumentFrequencies.weigh_all = lambda frequencies, batch, limit=None: [weigh(frequencies, c, limit) for c in batch]
        return self

    def __exit__(self, *exc):
        DocumentFrequencies.weigh, DocumentFrequencies.weigh_all = self.saved


def quality() -> None:
    articles, _, _ = bc.load_stream(bc.STREAM)
    tune, _ = bc.event_halves(bc.load_events())
    fresh = [bc.load_events(path) for path in bc.FRESH_DRAWS]

    def show(name: str, options: ClusterOptions, counts: Callable | None = None, idf: tuple | None = None) -> None:
        saved = F._counts
        F._counts = counts or saved
        try:
            features = F.batch_features(articles)
        finally:
            F._counts = saved
        rows = []
        for seed in [None, *SEEDS]:
            order = list(features)
            if seed is not None:
                random.Random(seed).shuffle(order)
            clusterer = StoryClusterer(options)
            if idf:
                with SharperIdf(*idf):
                    assigned = {a.article: a.story for a in clusterer.assign_features(order)}
            else:
                assigned = {a.article: a.story for a in clusterer.assign_features(order)}
            predicted = final_stories(assigned, clusterer.moves)
            rows.append([bc.scores(predicted, tune)["F1"]] + [bc.scores(predicted, f)["F1"] for f in fresh])
        shuffled = [statistics.mean(column) for column in zip(*rows[1:], strict=True)]
        cells = lambda row: f"tune {row[0]:.3f} | fresh " + " ".join(f"{x:.3f}" for x in row[1:])  # noqa: E731
        print(f"{name:34} file order: {cells(rows[0])} || shuffled (mean of 8): {cells(shuffled)}", flush=True)

    off = ClusterOptions(named_second_chance=None)
    show("before this round (named pass off)", off)
    for margin in (0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.14, 0.2):
        show(f"named second chance, bar {0.2 + margin:.2f}", ClusterOptions(named_second_chance=margin))
    for weight in (2, 3):
        for chars in (250, 400):
            show(f"lead words x{weight} (first {chars} chars)", off, counts=lead_terms(weight, chars))
    for smooth, power, join in ((0.5, 1.0, 0.2), (0.0, 1.0, 0.18), (0.0, 1.0, 0.14), (1.0, 1.5, 0.16), (1.0, 0.75, 0.2)):
        show(f"idf (+{smooth})^{power}, join {join}", replace_join(off, join), idf=(smooth, power))


def replace_join(options: ClusterOptions, join: float) -> ClusterOptions:
    from dataclasses import replace
    return replace(options, join_threshold=join)


def held_out() -> None:
    """The later held-out score of the shipped clusterer, with and without the named pass: run once,
    at the end, after the pass was chosen on the tune half and the fresh draws."""
    articles, _, _ = bc.load_stream(bc.STREAM)
    _, held = bc.event_halves(bc.load_events())
    features = bc._features(articles)
    for name, options in (("named pass off (round 8)", ClusterOptions(named_second_chance=None)),
                          ("shipped (named pass on)", ClusterOptions())):
        rows = []
        for seed in [None, *SEEDS]:
            order = list(features)
            if seed is not None:
                random.Random(seed).shuffle(order)
            clusterer = StoryClusterer(options)
            assigned = {a.article: a.story for a in clusterer.assign_features(order)}
            rows.append(bc.scores(final_stories(assigned, clusterer.moves), held))
        first = rows[0]
        print(f"held-out (later score) {name:26} file order P {first['P']:.3f} R {first['R']:.3f} F1 {first['F1']:.3f} "
              f"B3 {first['B3']:.3f} | shuffled mean F1 {statistics.mean(r['F1'] for r in rows[1:]):.3f} "
              f"B3 {statistics.mean(r['B3'] for r in rows[1:]):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--held-out", action="store_true", help="the later held-out score (once)")
    args = parser.parse_args()
    held_out() if args.held_out else quality()


if __name__ == "__main__":
    main()

"""Round 8's tries (issue 21, README here): the sentence encoder storydesk ships (storydesk.embed,
MiniLM int8) asked for a second opinion on each article's title and lead only where the word score
is borderline; scored on the tune half and the fresh draws, none on the held-out half.

    python benchmarks/gold/cluster/round8_tried.py                     # the quality table
    python benchmarks/gold/cluster/round8_tried.py --throughput 20000  # cost: shipped vs one variant
    python benchmarks/gold/cluster/round8_tried.py --held-out          # the later score, run once

Prints, per variant, tune-half pairwise P / R / F1 / BCubed and the five fresh draws' F1 (the whole
stream clustered once per variant, as bench_cluster.py does), with how many articles the encoder
read. With --throughput N: clustering alone on N perturbed articles (bench_cluster.py's stream, in
batches of 1,000, each method its own process), articles per CPU-second and peak memory. Reads
../shared/data; writes nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import bench_cluster as bc  # noqa: E402

from storydesk.cluster.second_opinion import STORY_LEADS  # noqa: E402
from storydesk.cluster.second_opinion import article_lead as lead  # noqa: E402  (the lead the option reads)
from storydesk.cluster.stream import (  # noqa: E402
    SECOND_CHANCE_CANDIDATES,
    ClusterOptions,
    Merge,
    StoryClusterer,
    StoryState,
    _cosine,
    _story_number,
    _unit,
    final_stories,
)
from storydesk.embed import get_encoder  # noqa: E402


class SecondOpinion(StoryClusterer):
    """The shipped clusterer, asking the encoder only where words are borderline.

    rescue=(floor, bar): an article no story takes, whose best candidate scores floor..join,
    joins the candidate whose leads' embedding cosine reaches bar (the `top` best candidates).
    veto=(margin, bar): a join scoring join..join+margin is refused below embedding bar (the next
    candidate is tried, else a new story).
    chance=(floor, bar): a lone article's second chance also takes a story its words match at
    floor..join when the embedding reaches bar.
    chance_veto=bar: a second-chance merge needs the embedding to reach bar.
    """

    def __init__(self, leads: dict[str, str], rescue=None, veto=None, chance=None, chance_veto=None, top=1):
        super().__init__(ClusterOptions())
        self.leads, self.rescue, self.veto, self.chance, self.chance_veto, self.top = (
            leads, rescue, veto, chance, chance_veto, top)
        self.asked: set[str] = set()

    def _vector(self, article: str) -> np.ndarray:
        self.asked.add(article)
        return get_encoder().encode([self.leads[article]])[0]

    def _semantic(self, article: str, story: StoryState) -> float | None:
        members = [m.article for m in story.members[:STORY_LEADS] if m.article in self.leads]
        if not members:
            return None
        total = np.sum([self._vector(m) for m in members], axis=0)
        return float(self._vector(article) @ total) / (float(np.linalg.norm(total)) or 1.0)

    def _scored(self, features, terms, names) -> list[tuple[float, StoryState]]:
        scored = []
        for story_id in self._candidates(terms, names):
            story = self.stories[story_id]
            if self._in_window(story, features.time):
                scored.append((self._similarity(story, terms, names, None), story))
        return sorted(scored, key=lambda item: -item[0])

    def _best_story(self, features, terms, names, embedding):
        found = super()._best_story(features, terms, names, embedding)
        story, _, reason, _ = found
        threshold = self.options.join_threshold
        if story is not None and reason == "similar" and self.veto is not None:
            margin, bar = self.veto
            kept = []
            for score, candidate in self._scored(features, terms, names):
                if score < threshold:
                    break
                semantic = self._semantic(features.article, candidate) if score < threshold + margin else None
                if semantic is None or semantic >= bar:
                    kept.append((score, candidate))
            if not kept:
                return None, threshold, "similar", None
            return kept[0][1], kept[0][0], "similar", kept[1][1] if len(kept) > 1 else None
        if story is None and self.rescue is not None:
            floor, bar = self.rescue
            best, best_semantic = None, bar
            near = [item for item in self._scored(features, terms, names) if item[0] >= floor][:self.top]
            for _, candidate in near:
                semantic = self._semantic(features.article, candidate)
                if semantic is not None and semantic >= best_semantic:
                    best, best_semantic = candidate, semantic
            if best is not None:
                return best, threshold, "second-opinion", None
        return found

    def _second_chance(self, started, grown_after):
        if self.chance_veto is not None:
            started = {story_id: article for story_id, article in started.items()
                       if not self._chance_vetoed(story_id, article, grown_after)}
        super()._second_chance(started, grown_after)
        if self.chance is not None:
            self._semantic_chance(started, grown_after)

    def _words_best(self, lone: StoryState, grown_after: int) -> tuple[StoryState | None, float]:
        best, best_words = None, -1.0
        terms = _unit(lone.terms, lone.terms_norm)
        for candidate in self._candidates(lone.terms, {})[:SECOND_CHANCE_CANDIDATES]:
            story = self.stories[candidate]
            if story is lone or story.last_seq <= grown_after or not self._in_window(story, lone.last_time):
                continue
            words = _cosine(terms, story.terms, story.terms_norm)
            if words > best_words:
                best, best_words = story, words
        return best, best_words

    def _chance_vetoed(self, story_id: str, article: str, grown_after: int) -> bool:
        lone = self.stories.get(story_id)
        if lone is None or lone.size != 1:
            return False
        best, words = self._words_best(lone, grown_after)
        if best is None or words < self.options.join_threshold:
            return False
        semantic = self._semantic(article, best)
        return semantic is not None and semantic < self.chance_veto

    def _semantic_chance(self, started, grown_after) -> None:
        floor, bar = self.chance
        for story_id, article in started.items():
            lone = self.stories.get(story_id)
            if lone is None or lone.size != 1:
                continue
            best, words = self._words_best(lone, grown_after)
            if best is None or not floor <= words < self.options.join_threshold:
                continue
            semantic = self._semantic(article, best)
            if semantic is None or semantic < bar:
                continue
            target, source = (lone, best) if _story_number(lone.id) < _story_number(best.id) else (best, lone)
            self._absorb(target, source)
            merge = Merge(source.id, target.id, article, round(words, 4))
            self.merges.append(merge)
            self.moves.append(merge)


VARIANTS = (
    [("rescue", {"rescue": (floor, bar)}) for floor in (0.05, 0.08, 0.1) for bar in (0.45, 0.5, 0.55, 0.6)]
    + [("rescue, 3 best candidates", {"rescue": (0.08, bar), "top": 3}) for bar in (0.5, 0.55)]
    + [("veto", {"veto": (margin, bar)}) for margin in (0.05, 0.1) for bar in (0.2, 0.3, 0.4)]
    + [("second chance by embedding", {"chance": (floor, bar)})
       for floor in (0.03, 0.05, 0.08, 0.1) for bar in (0.45, 0.5, 0.55, 0.6)]
    + [("second chance vetoed", {"chance_veto": bar}) for bar in (0.3, 0.4, 0.5)]
)


def quality(only: str = "") -> None:
    articles, _, _ = bc.load_stream(bc.STREAM)
    tune, _ = bc.event_halves(bc.load_events())
    fresh = [bc.load_events(path) for path in bc.FRESH_DRAWS]
    features = bc._features(articles)
    leads = {a.id: lead(a) for a in articles}

    def show(name: str, clusterer: StoryClusterer) -> None:
        started = time.process_time()
        assigned = {a.article: a.story for a in clusterer.assign_features(features)}
        cpu = time.process_time() - started
        predicted = final_stories(assigned, clusterer.moves)
        t = bc.scores(predicted, tune)
        draws = " ".join(f"{bc.scores(predicted, f)['F1']:.3f}" for f in fresh)
        asked = getattr(clusterer, "asked", ())
        print(f"{name:52} tune {t['P']:.3f} / {t['R']:.3f} / {t['F1']:.3f} / {t['B3']:.3f} | fresh {draws}"
              f" | encoder read {len(asked)} of {len(articles)} ({cpu:.1f} CPU-s)", flush=True)

    show("shipped", StoryClusterer())
    for name, kwargs in VARIANTS:
        if only not in name:
            continue
        get_encoder().clear_cache()
        shown = ", ".join(f"{k}={v}" for k, v in kwargs.items())
        show(f"{name}: {shown}", SecondOpinion(leads, **kwargs))


THROUGHPUT_VARIANT = {"chance": (0.05, 0.5)}  # the best of the table on the tune half and fresh draws together


def held_out() -> None:
    """Shipped and THROUGHPUT_VARIANT on the held-out half: a later score, run once at the end (the
    variant was chosen, and left out, on the tune half and fresh draws before it)."""
    articles, _, _ = bc.load_stream(bc.STREAM)
    _, held = bc.event_halves(bc.load_events())
    features = bc._features(articles)
    leads = {a.id: lead(a) for a in articles}
    for name, clusterer in (("shipped", StoryClusterer()), (f"{THROUGHPUT_VARIANT}", SecondOpinion(leads, **THROUGHPUT_VARIANT))):
        assigned = {a.article: a.story for a in clusterer.assign_features(features)}
        r = bc.scores(final_stories(assigned, clusterer.moves), held)
        print(f"held-out (later score) {name:28} P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f} B3 {r['B3']:.3f}")


def throughput_child(total: int, method: str) -> None:
    articles, gold, _ = bc.load_stream(bc.STREAM)
    stream, labels = bc.perturbed_stream(articles, gold, total)
    if method == "second-opinion":
        get_encoder()  # loaded before timing: a process loads it once
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    # THROUGHPUT_VARIANT as shipped (off by default): ClusterOptions(second_opinion=True) gives the same stories.
    clusterer = StoryClusterer(ClusterOptions(second_opinion=method == "second-opinion"))
    assigned = {}
    for offset in range(0, len(stream), 1000):
        for assignment in clusterer.assign(stream[offset:offset + 1000]):
            assigned[assignment.article] = assignment.story
    cpu = time.process_time() - started
    result = bc.scores(final_stories(assigned, clusterer.moves), labels)
    print(json.dumps({"articles": len(stream), "cpu_seconds": cpu, "before_mb": before / 1024,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "asked": len(clusterer.opinion.asked) if clusterer.opinion else 0, "F1": result["F1"], "B3": result["B3"]}))


def throughput(total: int) -> None:
    for method in ("shipped", "second-opinion"):
        output = subprocess.run([sys.executable, __file__, "--child", str(total), "--method", method],
                                capture_output=True, text=True, check=True).stdout
        r = json.loads(output.strip().splitlines()[-1])
        print(f"{method:15} {r['articles']:,} articles: {r['articles'] / r['cpu_seconds']:,.0f} per CPU-second "
              f"({r['cpu_seconds']:.1f} CPU-s), peak {r['peak_mb']:,.0f} MB ({r['before_mb']:,.0f} before); "
              f"encoder read {r['asked']:,}; F1 {r['F1']:.3f} B3 {r['B3']:.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--throughput", type=int, metavar="N")
    parser.add_argument("--held-out", action="store_true", help="the later held-out score (once)")
    parser.add_argument("--only", default="", help="only the variants whose name holds this")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--method", default="shipped", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        throughput_child(args.child, args.method)
    elif args.held_out:
        held_out()
    elif args.throughput:
        throughput(args.throughput)
    else:
        quality(args.only)


if __name__ == "__main__":
    main()

"""Benchmark story clustering on the Multi-News validation stream, baselines side by side.

    python benchmarks/bench_cluster.py                      # quality: tuning, held-out figures, baselines
    python benchmarks/bench_cluster.py --embeddings         # also the clusterer with sentence embeddings
    python benchmarks/bench_cluster.py --throughput 10000   # also speed and memory on a perturbed stream

Quality. `val_stream.jsonl` (690 articles, 250 gold stories) goes through ingest and clean as
`storydesk cluster` reads it; an article that cleaning leaves out (a page holding only a notice)
counts as a story of its own. The stories are split in two folds by CRC-32 of the gold story id
(even: tuning, odd: held out). Every method's thresholds are picked by grid search for the best
pairwise F1 on one fold and scored on the other; both directions are printed, and the shipped
constants are those tuned on the even fold. Scores: pairwise precision/recall/F1 over article
pairs, and BCubed F1.

Baselines: single-pass TF-IDF (plain vocabulary, batch IDF, cosine to each cluster's full
centroid, one tuned threshold) and offline average-link agglomerative clustering on the same
vectors (sees the whole fold at once, so it is not an online method: a reference point).

Throughput. The cleaned stream is repeated with perturbations until N articles: each copy gets
new ids and story labels, every word but the 150 commonest marked with the copy's own ending (so
copies are different stories that share only function words), a tenth of its paragraphs dropped, its order shuffled, and publication dates
one day later than the copy before. Clustering alone (features + assignment, in batches of 1,000)
is timed in a fresh process; memory is that process's peak resident size.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import subprocess
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.clean import clean_documents  # noqa: E402
from storydesk.cluster import ArticleFeatures, ClusterOptions, StoryClusterer, article_features  # noqa: E402
from storydesk.cluster.stream import embed_articles  # noqa: E402
from storydesk.ingest import read_inputs  # noqa: E402
from storydesk.model import Article  # noqa: E402

STREAM = ROOT.parent / "shared" / "data" / "multinews" / "val_stream.jsonl"
THRESHOLDS = [round(0.12 + 0.02 * i, 2) for i in range(11)]  # 0.12 .. 0.32
NAME_WEIGHTS = [0.0, 1.0, 2.0, 3.0]
MIN_WORD_SIMILARITIES = [0.0, 0.1]
BASELINE_THRESHOLDS = [round(0.05 + 0.025 * i, 3) for i in range(15)]  # 0.05 .. 0.40
_WORD = re.compile(r"\w+")

Clusterer = Callable[[Sequence[Article]], dict[str, str]]


# -- scores --------------------------------------------------------------------------------------

def _pairs(labels: Sequence) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())


def scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise P/R/F1 and BCubed F1; an article missing from `predicted` is a story of its own."""
    ids = list(gold)
    pred = [predicted.get(i, f"alone:{i}") for i in ids]
    true = [gold[i] for i in ids]
    both, pred_pairs, true_pairs = _pairs(list(zip(pred, true, strict=True))), _pairs(pred), _pairs(true)
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    cell, pred_size, true_size = Counter(zip(pred, true, strict=True)), Counter(pred), Counter(true)
    b_precision = sum(cell[(p, t)] / pred_size[p] for p, t in zip(pred, true, strict=True)) / len(ids)
    b_recall = sum(cell[(p, t)] / true_size[t] for p, t in zip(pred, true, strict=True)) / len(ids)
    return {
        "P": precision, "R": recall, "F1": _f1(precision, recall), "B3": _f1(b_precision, b_recall),
        "stories": len(pred_size),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# -- methods ---------------------------------------------------------------------------------------

def storydesk_method(**options) -> Clusterer:
    def run(articles: Sequence[Article]) -> dict[str, str]:
        clusterer = StoryClusterer(ClusterOptions(**options))
        embeddings = embed_articles(articles) if clusterer.options.embeddings else None
        return {a.article: a.story for a in clusterer.assign_features(_features(articles), embeddings)}
    return run


def _features(articles: Sequence[Article]) -> list[ArticleFeatures]:
    """Features depend only on the article: computed once per article for the whole grid."""
    missing = [a for a in articles if a.id not in _FEATURES]
    _FEATURES.update((a.id, article_features(a)) for a in missing)
    return [_FEATURES[a.id] for a in articles]


_FEATURES: dict[str, ArticleFeatures] = {}


def _tfidf(articles: Sequence[Article]) -> list[dict[str, float]]:
    counts = [Counter(_WORD.findall(a.text.lower())) for a in articles]
    df = Counter(w for c in counts for w in c)
    vectors = []
    for c in counts:
        v = {w: (1 + math.log(n)) * math.log((len(articles) + 1) / (df[w] + 1)) for w, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def single_pass_method(threshold: float) -> Clusterer:
    """Each article joins the cluster whose centroid is most similar if cosine >= threshold."""
    def run(articles: Sequence[Article]) -> dict[str, str]:
        centroids: list[dict[str, float]] = []
        result = {}
        for article, vector in zip(articles, _tfidf(articles), strict=True):
            best, best_score = None, threshold
            for index, centroid in enumerate(centroids):
                norm = math.sqrt(sum(x * x for x in centroid.values()))
                score = sum(w * centroid.get(k, 0.0) for k, w in vector.items()) / norm
                if score >= best_score:
                    best, best_score = index, score
            if best is None:
                centroids.append(dict(vector))
                best = len(centroids) - 1
            else:
                for k, w in vector.items():
                    centroids[best][k] = centroids[best].get(k, 0.0) + w
            result[article.id] = f"c{best}"
        return result
    return run


def average_link_method(threshold: float) -> Clusterer:
    """Offline agglomerative clustering: merge the pair of clusters with the highest mean cosine."""
    import numpy as np

    def run(articles: Sequence[Article]) -> dict[str, str]:
        vectors = _tfidf(articles)
        vocab = {w: i for i, w in enumerate({w for v in vectors for w in v})}
        matrix = np.zeros((len(vectors), len(vocab)), dtype=np.float32)
        for row, v in enumerate(vectors):
            for w, x in v.items():
                matrix[row, vocab[w]] = x
        sim = matrix @ matrix.T
        np.fill_diagonal(sim, -np.inf)
        size = np.ones(len(vectors))
        label = np.arange(len(vectors))
        while len(vectors) > 1:
            i, j = np.unravel_index(int(np.argmax(sim)), sim.shape)
            if sim[i, j] < threshold:
                break
            merged = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
            sim[i], sim[:, i] = merged, merged
            sim[i, i] = -np.inf
            sim[j], sim[:, j] = -np.inf, -np.inf
            size[i] += size[j]
            label[label == j] = i
        return {a.id: f"c{label[k]}" for k, a in enumerate(articles)}
    return run


# -- data ------------------------------------------------------------------------------------------

def load_stream(path: Path) -> tuple[list[Article], dict[str, str], int]:
    """The stream read and cleaned as `storydesk cluster` does; gold stories by article id."""
    gold = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            gold[record["id"]] = record["story"]
    result = read_inputs([path])
    articles, _ = clean_documents(result.documents)
    return articles, gold, len(gold) - len(articles)


def fold(story: str) -> int:
    return zlib.crc32(story.encode()) % 2


def tune(method: Callable[..., Clusterer], grid: list[dict], articles, gold) -> tuple[dict, dict]:
    """The grid point whose clustering of `articles` has the best pairwise F1 over `gold`'s articles."""
    best = None
    for params in grid:
        result = scores(method(**params)(articles), gold)
        if best is None or result["F1"] > best[1]["F1"]:
            best = (params, result)
    return best


def quality(articles: list[Article], gold: dict[str, str], embeddings: bool) -> None:
    # Every run clusters the whole stream (so thresholds meet the stream's real density of
    # stories); tuning scores only the pairs of one fold's stories, reporting only the other's.
    folds = [{i: s for i, s in gold.items() if fold(s) == number} for number in (0, 1)]
    grid = [{"join_threshold": t, "name_weight": w, "min_word_similarity": m}
            for t in THRESHOLDS for w in NAME_WEIGHTS for m in MIN_WORD_SIMILARITIES]
    methods: list[tuple[str, Callable[..., Clusterer], list[dict]]] = [
        ("storydesk (terms + names + near-dups)", storydesk_method, grid),
        ("storydesk, no near-duplicate signal", lambda **p: storydesk_method(near_duplicates=False, **p), grid),
        ("storydesk, terms only", storydesk_method, [{"join_threshold": t, "name_weight": 0.0} for t in THRESHOLDS]),
    ]
    if embeddings:
        methods.append(("storydesk + embeddings (w 0.3)", lambda **p: storydesk_method(embeddings=True, **p), grid))
    methods += [
        ("baseline: single-pass TF-IDF", single_pass_method, [{"threshold": t} for t in BASELINE_THRESHOLDS]),
        ("baseline: average-link (offline)", average_link_method, [{"threshold": t} for t in BASELINE_THRESHOLDS]),
    ]
    print(f"\nQuality on {STREAM.name}: tuned on one fold's stories, scored on the other's (pairwise P/R/F1, BCubed F1)")
    header = f"{'method':40} {'tuned on':8} {'params':26} {'P':>6} {'R':>6} {'F1':>6} {'B3':>6}  {'all stories F1/B3':>17}"
    print(header + "\n" + "-" * len(header))
    for name, method, method_grid in methods:
        held_out = []
        for tune_on in (0, 1):
            started = time.perf_counter()
            params, _ = tune(method, method_grid, articles, folds[tune_on])
            predicted = method(**params)(articles)
            held, whole = scores(predicted, folds[1 - tune_on]), scores(predicted, gold)
            held_out.append(held)
            shown = ", ".join(f"{k.split('_')[0]}={v}" for k, v in params.items())
            print(f"{name if tune_on == 0 else '':40} {'even' if tune_on == 0 else 'odd':8} {shown:26} "
                  f"{held['P']:6.3f} {held['R']:6.3f} {held['F1']:6.3f} {held['B3']:6.3f}  "
                  f"{whole['F1']:8.3f}/{whole['B3']:.3f}   ({time.perf_counter() - started:.0f} s)")
        mean = {k: sum(h[k] for h in held_out) / 2 for k in ("P", "R", "F1", "B3")}
        print(f"{'':40} {'mean':8} {'(held-out)':26} {mean['P']:6.3f} {mean['R']:6.3f} {mean['F1']:6.3f} {mean['B3']:6.3f}")


# -- throughput -------------------------------------------------------------------------------------

def perturbed_stream(articles: list[Article], gold: dict[str, str], total: int, seed: int = 7) -> tuple[list[Article], dict[str, str]]:
    rng = random.Random(seed)
    # Function words stay; every other word and number gets the copy's mark, so two copies of
    # one story share no more than two unrelated stories do.
    common = {w for w, _ in Counter(w for a in articles for w in _WORD.findall(a.text.lower())).most_common(150)}
    start = datetime(2024, 1, 1, tzinfo=UTC)
    stream, labels = [], {}
    copy = 0
    while len(stream) < total:
        suffix = "" if copy == 0 else _letters(copy)

        def relabel(match: re.Match, suffix: str = suffix) -> str:
            word = match.group()
            return word if word.lower() in common else word + suffix

        batch = []
        for article in articles:
            paragraphs = [p for p in article.text.split("\n\n") if rng.random() > 0.1] or [article.text]
            text = re.sub(r"\w+", relabel, "\n\n".join(paragraphs))
            published = start + timedelta(days=copy, seconds=rng.randrange(86_400))
            new_id = f"{article.id}~{copy}"
            # The title too: cleaning finds one for a sixth of the articles, and a title left
            # unmarked would tie every copy of the article together (three times a body word).
            title = re.sub(r"\w+", relabel, article.title) if article.title else article.title
            batch.append(replace(article, id=new_id, text=text, title=title, published=published))
            labels[new_id] = f"{gold[article.id]}~{copy}"
        rng.shuffle(batch)
        stream.extend(batch)
        copy += 1
    stream = stream[:total]
    return stream, {a.id: labels[a.id] for a in stream}


def _letters(number: int) -> str:
    """A word ending per copy: 1 -> "qb", 27 -> "qbb"."""
    out = ""
    while number:
        number, digit = divmod(number, 26)
        out = chr(ord("a") + digit) + out
    return "q" + out


def throughput_child(total: int) -> None:
    import resource

    articles, gold, _ = load_stream(STREAM)
    stream, labels = perturbed_stream(articles, gold, total)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clusterer = StoryClusterer()
    started, started_cpu = time.perf_counter(), time.process_time()
    predicted = {}
    for offset in range(0, len(stream), 1000):
        for assignment in clusterer.assign(stream[offset:offset + 1000]):
            predicted[assignment.article] = assignment.story
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = scores(predicted, labels)
    print(json.dumps({"articles": len(stream), "seconds": elapsed, "cpu_seconds": cpu, "peak_mb": peak / 1024, "before_mb": before / 1024,
                      "live_stories": len(clusterer.stories), "F1": result["F1"], "B3": result["B3"]}))


def throughput(total: int) -> None:
    output = subprocess.run([sys.executable, __file__, "--throughput-child", str(total)],
                            capture_output=True, text=True, check=True).stdout
    r = json.loads(output.strip().splitlines()[-1])
    print(f"\nThroughput, clustering alone, {r['articles']:,} articles (perturbed repeats of the stream, 1 process)")
    print(f"  {r['articles'] / r['seconds']:,.0f} articles/s ({r['seconds']:.1f} s wall; "
          f"{r['articles'] / r['cpu_seconds']:,.0f} per CPU-second); peak memory {r['peak_mb']:,.0f} MB "
          f"({r['before_mb']:,.0f} MB before clustering: the articles themselves); "
          f"{r['live_stories']:,} stories live at the end; pairwise F1 {r['F1']:.3f}, BCubed F1 {r['B3']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--throughput", type=int, metavar="N", help="also time clustering on N perturbed articles")
    parser.add_argument("--throughput-only", action="store_true", help="skip the quality tables")
    parser.add_argument("--embeddings", action="store_true", help="also score the clusterer with embeddings (slow)")
    parser.add_argument("--throughput-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not STREAM.exists():
        sys.exit(f"data not found: {STREAM}")
    if args.throughput_child:
        throughput_child(args.throughput_child)
        return
    if not args.throughput_only:
        articles, gold, left_out = load_stream(STREAM)
        print(f"{len(gold)} articles, {len(set(gold.values()))} gold stories; {left_out} left out by cleaning "
              f"(notices, not articles: each counts as its own story)")
        quality(articles, gold, args.embeddings)
    if args.throughput:
        throughput(args.throughput)


if __name__ == "__main__":
    main()

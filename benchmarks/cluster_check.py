"""Clustering's decisions as a hash, and where its CPU time goes: for speed work that must change no decision.

    python benchmarks/cluster_check.py                 # hashes: the real stream (one batch, batches of 200), 20,000 perturbed
    python benchmarks/cluster_check.py --perturbed 100000
    python benchmarks/cluster_check.py --profile 20000 # cProfile (CPU time) of clustering 20,000 perturbed articles

A hash covers every assignment (article, story, score, reason) and every move (merges, splits),
in order: run it before and after a change; equal hashes mean the change moved nothing. The
perturbed stream is bench_cluster.py's (made and kept whole first, not timed), placed in
batches of 1,000 as its throughput run does.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_cluster import STREAM, THROUGHPUT_BATCH, load_stream, perturbed_stream  # noqa: E402

from storydesk.cluster import StoryClusterer  # noqa: E402
from storydesk.model import Article  # noqa: E402


def decisions_hash(articles: Sequence[Article], batch: int) -> str:
    """SHA-256 (first 16 hex digits) of every assignment and move, the stream placed `batch` at a time."""
    clusterer = StoryClusterer()
    digest = hashlib.sha256()
    for start in range(0, len(articles), batch):
        for a in clusterer.assign(articles[start:start + batch]):
            digest.update(f"{a.article}\t{a.story}\t{a.score!r}\t{a.reason}\n".encode())
    digest.update(repr(clusterer.moves).encode())
    return digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--perturbed", type=int, default=20_000, help="perturbed articles to hash (default 20,000)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile clustering N perturbed articles instead")
    args = parser.parse_args()
    if not STREAM.exists():
        sys.exit(f"data not found: {STREAM}")
    articles, gold, _ = load_stream(STREAM)
    if args.profile:
        stream, _ = perturbed_stream(articles, gold, args.profile)
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        digest = decisions_hash(stream, THROUGHPUT_BATCH)
        profile.disable()
        print(f"{args.profile:,} perturbed articles, batches of {THROUGHPUT_BATCH:,}: {digest}")
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return
    print(f"real stream, one batch:        {decisions_hash(articles, len(articles))}")
    print(f"real stream, batches of 200:   {decisions_hash(articles, 200)}")
    stream, _ = perturbed_stream(articles, gold, args.perturbed)
    started = time.process_time()
    digest = decisions_hash(stream, THROUGHPUT_BATCH)
    cpu = time.process_time() - started
    print(f"{args.perturbed:,} perturbed, batches of {THROUGHPUT_BATCH:,}: {digest}  "
          f"({args.perturbed / cpu:,.0f} articles per CPU-second)")


if __name__ == "__main__":
    main()

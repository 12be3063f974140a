"""Benchmark the reuse stage: pairs found on real stories, and corpus throughput vs datasketch.

    python benchmarks/bench_reuse.py                  # pairs on the example + Multi-News, then 100,000 articles
    python benchmarks/bench_reuse.py --articles 10000 # a smaller throughput run
    python benchmarks/bench_reuse.py --show 8         # print the passages of 8 Multi-News pairs

Throughput corpus: the 690 articles of ../shared/data/multinews/val_stream.jsonl repeated to N,
each repeat perturbed (about 3% of words dropped, 2% swapped with a neighbour, new id) so no two
are exact copies: a worst case for reuse, since every article has ~N/690 near-duplicates.
Rows, each run in its own process so its peak resident memory (VmHWM) is its own:
- corpus: the perturbed articles built in memory and nothing else (the floor of the other rows);
- storydesk: `storydesk.reuse.corpus.find_reuse` (numpy MinHash + banded LSH, then passage
  alignment with offsets of the 5 closest candidates of each article);
- datasketch: `MinHash(num_perm=128).update_batch` over the same 4-word shingles and
  `MinHashLSH(threshold=0.5)` insert + query of every article (candidates only, no alignment).
Both read the same texts already in memory; tokenizing is part of both.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.model import Article  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "multinews"
WORD = re.compile(r"\w+")


def perturbed_corpus(count: int, seed: int = 7) -> list[Article]:
    base = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")]
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        record = base[n % len(base)]
        text = record["text"]
        if n >= len(base):
            words = text.split(" ")
            words = [w for w in words if rng.random() > 0.03]
            for _ in range(len(words) // 50):
                i = rng.randrange(max(1, len(words) - 1))
                words[i:i + 2] = words[i:i + 2][::-1]
            text = " ".join(words)
        articles.append(Article(id=f"{record['id']}~{n}", text=text))
    return articles


def run_storydesk(articles: list[Article]) -> dict:
    from storydesk.reuse.corpus import find_reuse

    pairs = passages = 0
    for pair in find_reuse(articles):
        pairs += 1
        passages += len(pair.passages)
    return {"pairs": pairs, "passages": passages}


def run_datasketch(articles: list[Article]) -> dict:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    candidates = 0
    for article in articles:
        words = WORD.findall(article.text.lower())
        shingles = {" ".join(words[i:i + 4]).encode() for i in range(max(0, len(words) - 3))}
        minhash = MinHash(num_perm=128)
        minhash.update_batch(list(shingles))
        candidates += len(lsh.query(minhash))
        lsh.insert(article.id, minhash)
    return {"pairs": candidates, "passages": 0}


def run_nothing(articles: list[Article]) -> dict:
    """The corpus alone, so the peak memory of the other rows can be read net of it."""
    return {"pairs": 0, "passages": 0}


RUNS = {"corpus": run_nothing, "storydesk": run_storydesk, "datasketch": run_datasketch}
LABELS = {"corpus": "the perturbed corpus in memory (no method)",
          "storydesk": "storydesk find_reuse (LSH + aligned passages)",
          "datasketch": "datasketch MinHashLSH (candidates only)"}


def peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM, which starts afresh at exec. (ru_maxrss does
    not on Linux: a child started from this script inherits the parent's peak, models and all.)"""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(method: str, count: int) -> None:
    articles = perturbed_corpus(count)
    started, cpu_started = time.perf_counter(), time.process_time()
    result = RUNS[method](articles)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    result.update(seconds=elapsed, cpu_seconds=cpu, rate=count / elapsed, cpu_rate=count / max(cpu, 1e-9),
                  peak_mb=peak_rss_mb())
    print(json.dumps(result))


def show_story_pairs(limit: int) -> None:
    import storydesk
    from storydesk.clean import clean_documents
    from storydesk.model import RawDocument
    from storydesk.reuse import find_wire_copy

    example = storydesk.digest([ROOT / "examples" / "harbor-fire"])
    print("Example (examples/harbor-fire): pairs sharing passages")
    for p in example.reuse.pairs:
        print(f"  {p.a:>18} ~ {p.b:<18} share {p.share_a:.2f} / {p.share_b:.2f}  {len(p.passages)} passages")
    print(f"  copy groups: {[sorted(g) for g in example.reuse.copy_groups]}\n")

    clusters = [json.loads(line) for line in (DATA / "val.jsonl").open(encoding="utf-8")]
    pairs_total = copy_pairs = stories_with_copy = 0
    shown = 0
    for cluster in clusters:
        docs = [RawDocument(id=d["id"], content=d["text"], title=d.get("title") or None) for d in cluster["documents"]]
        articles, _ = clean_documents(docs)
        report = find_wire_copy(articles)
        pairs_total += len(report.pairs)
        strong = [p for p in report.pairs if max(p.share_a, p.share_b) >= 0.4]
        copy_pairs += len(strong)
        stories_with_copy += bool(strong)
        texts = {a.id: a.text for a in articles}
        for p in strong:
            if shown >= limit:
                break
            shown += 1
            first = p.passages[0]
            print(f"{cluster['id']} {p.a}~{p.b} share {p.share_a:.2f}/{p.share_b:.2f}: "
                  f"{texts[p.a][first.a_start:first.a_end][:110]!r}")
    print(f"\nMulti-News val (250 stories): {pairs_total} pairs share passages of 12+ words; "
          f"{copy_pairs} pairs in {stories_with_copy} stories share >= 40% of one side (copy groups)\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--show", type=int, default=5, help="Multi-News pairs to print")
    parser.add_argument("--child", choices=sorted(RUNS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (DATA / "val_stream.jsonl").exists():
        print(f"skipped: {DATA} not found")
        return 0
    if args.child:
        child(args.child, args.articles)
        return 0
    show_story_pairs(args.show)
    from importlib.metadata import version

    print(f"Throughput: {args.articles:,} perturbed Multi-News articles (690 originals repeated), "
          f"datasketch {version('datasketch')}, peak MB = VmHWM of each row's own process")
    # The machine is shared: CPU seconds (process_time) are what a row cost, wall seconds
    # include waiting for a core, so the ratio is taken on CPU time.
    print(f"{'system':<46}{'art/CPU-s':>10}{'CPU s':>8}{'wall s':>8}{'peak MB':>9}{'pairs':>22}{'passages':>11}")
    rates = {}
    for method in ("corpus", "storydesk", "datasketch"):
        run = subprocess.run([sys.executable, __file__, "--child", method, "--articles", str(args.articles)],
                             capture_output=True, text=True)
        if run.returncode:
            print(f"{method}: failed\n{run.stderr[-2000:]}")
            return 1
        r = json.loads(run.stdout.strip().splitlines()[-1])
        rates[method] = r
        if method == "corpus":
            print(f"{LABELS[method]:<46}{'':>10}{'':>8}{'':>8}{r['peak_mb']:>9.0f}")
            continue
        pairs = f"{r['pairs']:,}" + (" aligned" if method == "storydesk" else " candidates")
        print(f"{LABELS[method]:<46}{r['cpu_rate']:>10.0f}{r['cpu_seconds']:>8.1f}{r['seconds']:>8.1f}"
              f"{r['peak_mb']:>9.0f}{pairs:>22}{r['passages']:>11,}")
    ours, theirs = rates["storydesk"], rates["datasketch"]
    print(f"\nstorydesk runs at {ours['cpu_rate'] / theirs['cpu_rate']:.2f}x datasketch's rate per CPU second "
          f"({ours['rate'] / theirs['rate']:.2f}x by wall clock; goal: >= 0.5x), "
          f"peak memory {ours['peak_mb'] / theirs['peak_mb']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

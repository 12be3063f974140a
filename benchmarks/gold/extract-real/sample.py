"""Which Multi-News val articles the real extract gold set reads, and which half each is in.

    python benchmarks/gold/extract-real/sample.py            # the sample's article ids and halves
    python benchmarks/gold/extract-real/sample.py --show ID  # one article, for reading

Clusters are shuffled with a fixed seed; the n-th cluster in that order goes to the tune half
when n is even, to the held-out half when n is odd. Articles longer than MAX_CHARS are left out
so that each can be read in full.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "multinews" / "val.jsonl"
SEED = 22  # the number
NEW_SEED = 2222  # the second draw ("new" set, gold-new.txt), made after the first set was in use
FRESH_SEED = 2204  # the third draw ("fresh" set, gold-fresh.txt): issue 22, drawn on 2026-12-04
FRESH2_SEED = 2217  # the fourth draw ("fresh2" set, gold-fresh2.txt): issue 22, helper speakers17, 2026-12-04
FRESH3_SEED = 2218  # the fifth draw ("fresh3" set, gold-fresh3.txt): issue 22, helper speakers18, 2026-12-04
MAX_CHARS = 6000


def sample(path: Path = DATA) -> list[tuple[str, str, str]]:
    """(article id "cluster/doc", half, cluster id) in reading order."""
    clusters = [json.loads(line) for line in path.open(encoding="utf-8")]
    random.Random(SEED).shuffle(clusters)
    out = []
    for n, cluster in enumerate(clusters):
        half = "tune" if n % 2 == 0 else "heldout"
        for doc in cluster["documents"]:
            if len(doc["text"]) <= MAX_CHARS and doc["text"].strip():
                out.append((f"{cluster['id']}/{doc['id']}", half, cluster["id"]))
    return out


def sample_new(path: Path = DATA, first_gold: Path = Path(__file__).with_name("gold.txt")) -> list[tuple[str, str, str]]:
    """The second draw: clusters that gold.txt does not read, shuffled with NEW_SEED, all "new"."""
    return _later_draw(path, [first_gold], NEW_SEED, "new")


def sample_fresh(path: Path = DATA) -> list[tuple[str, str, str]]:
    """The third draw: clusters neither gold.txt nor gold-new.txt reads, shuffled with FRESH_SEED, all "fresh"."""
    return _later_draw(path, _gold_files("gold.txt", "gold-new.txt"), FRESH_SEED, "fresh")


def sample_fresh2(path: Path = DATA) -> list[tuple[str, str, str]]:
    """The fourth draw: clusters no earlier gold file reads, shuffled with FRESH2_SEED, all "fresh2"."""
    return _later_draw(path, _gold_files("gold.txt", "gold-new.txt", "gold-fresh.txt", "gold-tune2.txt"),
                       FRESH2_SEED, "fresh2")


def sample_fresh3(path: Path = DATA) -> list[tuple[str, str, str]]:
    """The fifth draw: clusters no earlier gold file reads, shuffled with FRESH3_SEED, all "fresh3"."""
    return _later_draw(path, _gold_files("gold.txt", "gold-new.txt", "gold-fresh.txt", "gold-tune2.txt",
                                         "gold-fresh2.txt"), FRESH3_SEED, "fresh3")


def _gold_files(*names: str) -> list[Path]:
    return [Path(__file__).with_name(name) for name in names]


def _later_draw(path: Path, read: list[Path], seed: int, label: str) -> list[tuple[str, str, str]]:
    """The clusters none of the `read` gold files reads, shuffled with `seed`: (article id, label, cluster id)."""
    taken = {line[3:].split("/")[0] for gold in read
             for line in gold.read_text(encoding="utf-8").splitlines() if line.startswith("## ")}
    clusters = [c for c in map(json.loads, path.open(encoding="utf-8")) if c["id"] not in taken]
    random.Random(seed).shuffle(clusters)
    return [(f"{c['id']}/{d['id']}", label, c["id"]) for c in clusters for d in c["documents"]
            if len(d["text"]) <= MAX_CHARS and d["text"].strip()]


def texts(path: Path = DATA) -> dict[str, str]:
    return {f"{c['id']}/{d['id']}": d["text"] for c in map(json.loads, path.open(encoding="utf-8")) for d in c["documents"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show")
    parser.add_argument("--first", type=int, default=40)
    parser.add_argument("--new", action="store_true", help="the second draw (gold-new.txt)")
    parser.add_argument("--fresh", action="store_true", help="the third draw (gold-fresh.txt)")
    parser.add_argument("--fresh2", action="store_true", help="the fourth draw (gold-fresh2.txt)")
    parser.add_argument("--fresh3", action="store_true", help="the fifth draw (gold-fresh3.txt)")
    args = parser.parse_args()
    if args.show:
        text = texts()[args.show]
        print(text)
        print("\n---- quotation marks ----")
        for m in re.finditer(r"[\"“”«»]|``|''|(?<!\w)['‘]|['’](?!\w)", text):
            print(m.start(), repr(text[max(0, m.start() - 30):m.start() + 50]))
        return
    for row in (sample_fresh3() if args.fresh3 else sample_fresh2() if args.fresh2 else sample_fresh() if args.fresh else sample_new() if args.new else sample())[:args.first]:
        print(*row)


if __name__ == "__main__":
    main()

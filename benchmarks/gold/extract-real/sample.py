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


def texts(path: Path = DATA) -> dict[str, str]:
    return {f"{c['id']}/{d['id']}": d["text"] for c in map(json.loads, path.open(encoding="utf-8")) for d in c["documents"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show")
    parser.add_argument("--first", type=int, default=40)
    args = parser.parse_args()
    if args.show:
        text = texts()[args.show]
        print(text)
        print("\n---- quotation marks ----")
        for m in re.finditer(r"[\"“”«»]|``|''|(?<!\w)['‘]|['’](?!\w)", text):
            print(m.start(), repr(text[max(0, m.start() - 30):m.start() + 50]))
        return
    for row in sample()[:args.first]:
        print(*row)


if __name__ == "__main__":
    main()

"""Print the reading sheet used to relabel val_stream.jsonl into events (see README.md here).

    python benchmarks/gold/cluster/reading_sheet.py [--from N --to M] [--chars C] [--suspects]

Per gold cluster: the lowest pairwise TF-IDF cosine between its articles (raw text, \\w+ words,
sublinear TF, IDF over the 690 articles), the reference summary's opening, and each article's
opening `--chars` characters. `--suspects` lists only clusters whose lowest cosine is under
SUSPECT_COSINE. Reads ../shared/data; prints nothing of it into the repo.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "multinews"
SUSPECT_COSINE = 0.25
_WORD = re.compile(r"\w+")


def cosines(texts: dict[str, str]) -> dict[str, dict[str, float]]:
    counts = {i: Counter(_WORD.findall(t.lower())) for i, t in texts.items()}
    df = Counter(w for c in counts.values() for w in c)
    n = len(counts)
    vectors = {}
    for i, c in counts.items():
        v = {w: (1 + math.log(k)) * math.log((n + 1) / (df[w] + 1)) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[i] = {w: x / norm for w, x in v.items()}
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--from", dest="start", type=int, default=0)
    parser.add_argument("--to", type=int, default=250)
    parser.add_argument("--chars", type=int, default=500)
    parser.add_argument("--suspects", action="store_true")
    args = parser.parse_args()
    stream = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")]
    summaries = {r["id"]: r["summaries"][0] for r in map(json.loads, (DATA / "val.jsonl").open(encoding="utf-8"))}
    vectors = cosines({r["id"]: r["text"] for r in stream})
    stories: dict[str, list[dict]] = defaultdict(list)
    for record in stream:
        stories[record["story"]].append(record)
    for story in sorted(stories)[args.start:args.to]:
        members = sorted(stories[story], key=lambda r: r["id"])
        pairs = [(a["id"][-2:], b["id"][-2:], sum(w * vectors[b["id"]].get(k, 0.0) for k, w in vectors[a["id"]].items()))
                 for x, a in enumerate(members) for b in members[x + 1:]]
        low = min((p[2] for p in pairs), default=1.0)
        if args.suspects and low >= SUSPECT_COSINE:
            continue
        print(f"\n=== {story}  n={len(members)}  min cos {low:.2f}  " + " ".join(f"{a}/{b}:{c:.2f}" for a, b, c in pairs))
        print("SUMMARY:", summaries.get(story, "")[:300].replace("\n", " "))
        for record in members:
            text = re.sub(r"\s+", " ", record["text"])[: args.chars]
            print(f"  [{record['id'][-2:]}] ({len(record['text'])} ch) {text}")


if __name__ == "__main__":
    main()

"""Draw the fresh event set (fresh.tsv) from val_stream.jsonl and print its reading sheet.

    python benchmarks/gold/cluster/fresh_sheet.py [--chars C]

Multi-News stories are shuffled with FRESH_SEED and taken whole until FRESH_ARTICLES articles
are drawn; per story, each article's title and opening `--chars` characters are printed for
reading (events.tsv's labels are not shown: fresh.tsv is a second, independent reading; see
README.md here). Reads ../shared/data; prints nothing of it into the repo.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "multinews"
FRESH_SEED = 20261204  # the day the draw was made (issue 21, round 3)
FRESH_ARTICLES = 150  # whole stories are drawn until at least this many articles


def draw(stream: list[dict]) -> dict[str, list[dict]]:
    """Story id -> its articles (by id), for the drawn stories, in draw order."""
    stories: dict[str, list[dict]] = defaultdict(list)
    for record in stream:
        stories[record["story"]].append(record)
    order = sorted(stories)
    random.Random(FRESH_SEED).shuffle(order)
    drawn: dict[str, list[dict]] = {}
    for story in order:
        if sum(map(len, drawn.values())) >= FRESH_ARTICLES:
            break
        drawn[story] = sorted(stories[story], key=lambda r: r["id"])
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=420)
    args = parser.parse_args()
    stream = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")]
    for story, members in draw(stream).items():
        print(f"\n=== {story}  n={len(members)}")
        for record in members:
            text = re.sub(r"\s+", " ", record["text"])[: args.chars]
            print(f"--- {record['id']} | {record.get('title') or ''}\n{text}")


if __name__ == "__main__":
    main()

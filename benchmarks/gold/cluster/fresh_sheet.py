"""Draw a fresh event set from val_stream.jsonl and print its reading sheet.

    python benchmarks/gold/cluster/fresh_sheet.py [--chars C]            # fresh.tsv's draw
    python benchmarks/gold/cluster/fresh_sheet.py --second [--chars C]   # fresh2.tsv's draw
    python benchmarks/gold/cluster/fresh_sheet.py --third [--chars C]    # fresh3.tsv's draw
    python benchmarks/gold/cluster/fresh_sheet.py --fourth [--chars C]   # fresh4.tsv's draw
    python benchmarks/gold/cluster/fresh_sheet.py --fifth [--chars C]    # fresh5.tsv's draw
    python benchmarks/gold/cluster/fresh_sheet.py --sixth [--chars C]    # fresh6.tsv's draw

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
# The second draw (fresh2.tsv, issue 21 round 4): another seed, only stories fresh.tsv did not
# draw, SECOND_STORIES of them (read by a third reader, before any change of round 4).
SECOND_SEED = 2026120417  # the day and the helper (cluster17) that drew it
SECOND_STORIES = 24
# The third draw (fresh3.tsv, issue 21 round 5): another seed, only stories neither earlier draw
# took, THIRD_STORIES of them (read by a fourth reader, before any change of round 5).
THIRD_SEED = 2026120418  # the day and the helper (cluster18) that drew it
THIRD_STORIES = 25
# The fourth draw (fresh4.tsv, issue 21 round 6): another seed, only stories no earlier draw
# took, FOURTH_STORIES of them (read by a fifth reader, before any change of round 6).
FOURTH_SEED = 2026120419  # the day and the helper (cluster19) that drew it
FOURTH_STORIES = 25
# The fifth draw (fresh5.tsv, issue 21 round 7): another seed, only stories no earlier draw took,
# FIFTH_STORIES of them (read in full by a sixth reader, before any change of round 7).
FIFTH_SEED = 2026120420  # the day and the helper (cluster20) that drew it
FIFTH_STORIES = 25
# The sixth draw (fresh6.tsv, issue 21 round 9): another seed, only stories no earlier draw took,
# SIXTH_STORIES of them (read in full by a seventh reader, before any change of round 9).
SIXTH_SEED = 2026120521  # the day and the helper (cluster21) that drew it
SIXTH_STORIES = 25


def _stories(stream: list[dict]) -> dict[str, list[dict]]:
    stories: dict[str, list[dict]] = defaultdict(list)
    for record in stream:
        stories[record["story"]].append(record)
    return stories


def draw(stream: list[dict]) -> dict[str, list[dict]]:
    """Story id -> its articles (by id), for the drawn stories, in draw order."""
    stories = _stories(stream)
    order = sorted(stories)
    random.Random(FRESH_SEED).shuffle(order)
    drawn: dict[str, list[dict]] = {}
    for story in order:
        if sum(map(len, drawn.values())) >= FRESH_ARTICLES:
            break
        drawn[story] = sorted(stories[story], key=lambda r: r["id"])
    return drawn


def draw_second(stream: list[dict]) -> dict[str, list[dict]]:
    """The second draw: SECOND_STORIES stories shuffled with SECOND_SEED, none of the first draw's."""
    stories = _stories(stream)
    first = set(draw(stream))
    order = [story for story in sorted(stories) if story not in first]
    random.Random(SECOND_SEED).shuffle(order)
    return {story: sorted(stories[story], key=lambda r: r["id"]) for story in order[:SECOND_STORIES]}


def draw_third(stream: list[dict]) -> dict[str, list[dict]]:
    """The third draw: THIRD_STORIES stories shuffled with THIRD_SEED, none of the earlier draws'."""
    stories = _stories(stream)
    earlier = set(draw(stream)) | set(draw_second(stream))
    order = [story for story in sorted(stories) if story not in earlier]
    random.Random(THIRD_SEED).shuffle(order)
    return {story: sorted(stories[story], key=lambda r: r["id"]) for story in order[:THIRD_STORIES]}


def draw_fourth(stream: list[dict]) -> dict[str, list[dict]]:
    """The fourth draw: FOURTH_STORIES stories shuffled with FOURTH_SEED, none of the earlier draws'."""
    stories = _stories(stream)
    earlier = set(draw(stream)) | set(draw_second(stream)) | set(draw_third(stream))
    order = [story for story in sorted(stories) if story not in earlier]
    random.Random(FOURTH_SEED).shuffle(order)
    return {story: sorted(stories[story], key=lambda r: r["id"]) for story in order[:FOURTH_STORIES]}


def draw_fifth(stream: list[dict]) -> dict[str, list[dict]]:
    """The fifth draw: FIFTH_STORIES stories shuffled with FIFTH_SEED, none of the earlier draws'."""
    stories = _stories(stream)
    earlier = set(draw(stream)) | set(draw_second(stream)) | set(draw_third(stream)) | set(draw_fourth(stream))
    order = [story for story in sorted(stories) if story not in earlier]
    random.Random(FIFTH_SEED).shuffle(order)
    return {story: sorted(stories[story], key=lambda r: r["id"]) for story in order[:FIFTH_STORIES]}


def draw_sixth(stream: list[dict]) -> dict[str, list[dict]]:
    """The sixth draw: SIXTH_STORIES stories shuffled with SIXTH_SEED, none of the earlier draws'."""
    stories = _stories(stream)
    earlier = (
        set(draw(stream))
        | set(draw_second(stream))
        | set(draw_third(stream))
        | set(draw_fourth(stream))
        | set(draw_fifth(stream))
    )
    order = [story for story in sorted(stories) if story not in earlier]
    random.Random(SIXTH_SEED).shuffle(order)
    return {story: sorted(stories[story], key=lambda r: r["id"]) for story in order[:SIXTH_STORIES]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=420)
    parser.add_argument("--second", action="store_true", help="the second draw (fresh2.tsv)")
    parser.add_argument("--third", action="store_true", help="the third draw (fresh3.tsv)")
    parser.add_argument("--fourth", action="store_true", help="the fourth draw (fresh4.tsv)")
    parser.add_argument("--fifth", action="store_true", help="the fifth draw (fresh5.tsv)")
    parser.add_argument("--sixth", action="store_true", help="the sixth draw (fresh6.tsv)")
    args = parser.parse_args()
    stream = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")]
    drawer = draw_sixth if args.sixth else draw_fifth if args.fifth else draw_fourth if args.fourth else draw_third if args.third else draw_second if args.second else draw
    for story, members in drawer(stream).items():
        print(f"\n=== {story}  n={len(members)}")
        for record in members:
            text = re.sub(r"\s+", " ", record["text"])[: args.chars]
            print(f"--- {record['id']} | {record.get('title') or ''}\n{text}")


if __name__ == "__main__":
    main()

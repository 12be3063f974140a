"""The extract stage's speed for one copy of storydesk, printed as JSON (used by bench_extract.py
to time this tree beside another revision in one run, each in its own process).

    python benchmarks/extract_speed.py --root DIR [--articles N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews" / "val_stream.jsonl"


def speed(limit: int | None) -> tuple[int, int, float, float]:
    """(articles, sentences, wall s, CPU s) of the whole extract stage on Multi-News, cleaned and
    segmented as pipeline.py does, one story (gold cluster) at a time as a digest runs it. Model
    loading is not part of the rate. Imports are made here, so the caller chooses which storydesk
    (sys.path) is timed."""
    from storydesk.clean import clean_documents
    from storydesk.extract import extract
    from storydesk.model import RawDocument
    from storydesk.nlp import get_nlp
    from storydesk.segment import split_sentences

    records = [json.loads(line) for line in DATA.open(encoding="utf-8")][:limit]
    story = {r["id"]: r["story"] for r in records}
    articles, _ = clean_documents([RawDocument(id=r["id"], content=r["text"], title=r.get("title") or None) for r in records])
    stories: dict[str, list] = {}
    for a in articles:
        stories.setdefault(story[a.id], []).append(a)
    batches = [(group, [s for a in group for s in split_sentences(a)]) for group in stories.values()]
    get_nlp()
    started, cpu = time.perf_counter(), time.process_time()
    for group, sentences in batches:
        extract(group, sentences)
    return len(articles), sum(len(s) for _, s in batches), time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="directory holding the storydesk package to time")
    parser.add_argument("--articles", type=int, default=None)
    args = parser.parse_args()
    sys.path.insert(0, args.root)
    articles, sentences, wall, cpu = speed(args.articles)
    print(json.dumps({"articles": articles, "sentences": sentences, "wall": wall, "cpu": cpu}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

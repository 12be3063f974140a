"""How the fourth fresh sample (`multinews_fresh4.json`) was drawn: run it to see the same 18 ids.

Pool: the non-empty documents, in file order, of Multi-News val stories 41-250 (0-based lines
40-249) that are in none of the three earlier fresh samples and whose story is not one of the
summary clusters in `gold/real/clusters` (80 files when this was drawn). Then
`random.Random(2418).sample(pool, 18)`. (The cluster folder grows: with more files the pool, and
so the draw, changes; `multinews_fresh4.json` keeps the ids as drawn.)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2].parent / "shared" / "data" / "multinews" / "val.jsonl"
SEED, SIZE = 2418, 18
EARLIER = ("multinews_fresh.json", "multinews_fresh2.json", "multinews_fresh3.json")


def drawn(val_path: Path = DATA) -> list[tuple[str, str]]:
    stories = [json.loads(line) for line in val_path.open()]
    seen = set()
    for name in EARLIER:
        seen |= {(i["story"], i["document"]) for i in json.loads((HERE / name).read_text())["items"]}
    clusters = {p.stem for p in (HERE.parent / "real" / "clusters").glob("*.json")}
    pool = [(s["id"], d["id"]) for s in stories[40:250] if s["id"] not in clusters
            for d in s["documents"] if d.get("text", "").strip() and (s["id"], d["id"]) not in seen]
    return random.Random(SEED).sample(pool, SIZE)


if __name__ == "__main__":
    print(json.dumps(drawn(), indent=1))

"""The later fresh samples' draw (`draw_fresh3.py`, `draw_fresh4.py`): documents no earlier sample
holds, from stories no summary cluster reads, shuffled by a seed."""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2].parent / "shared" / "data" / "multinews" / "val.jsonl"
CLUSTERS = HERE.parent / "real" / "clusters"


def cluster_stories() -> set[str]:
    """The stories the summary clusters read now (the folder grows between sessions)."""
    return {p.stem for p in CLUSTERS.glob("*.json")}


def kept_exclusions(sample_file: str) -> set[str]:
    """The clusters a sample file keeps as `excluded_clusters` (so its draw does not change as the
    folder grows); the folder's clusters now when the file does not exist yet."""
    path = HERE / sample_file
    if path.exists():
        return set(json.loads(path.read_text())["excluded_clusters"])
    return cluster_stories()


def later_draw(seed: int, size: int, earlier: tuple[str, ...], clusters: set[str],
               val_path: Path = DATA) -> list[tuple[str, str]]:
    """`random.Random(seed).sample(pool, size)`, pool = the non-empty documents, in file order, of
    Multi-News val stories 41-250 (0-based lines 40-249) that are in none of the `earlier` sample
    files and whose story is not in `clusters`."""
    stories = [json.loads(line) for line in val_path.open()]
    seen = set()
    for name in earlier:
        seen |= {(i["story"], i["document"]) for i in json.loads((HERE / name).read_text())["items"]}
    pool = [(s["id"], d["id"]) for s in stories[40:250] if s["id"] not in clusters
            for d in s["documents"] if d.get("text", "").strip() and (s["id"], d["id"]) not in seen]
    return random.Random(seed).sample(pool, size)

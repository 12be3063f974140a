"""How the seventh fresh sample (`multinews_fresh7.json`) was drawn: run it to see the same 18 ids.

Pool: the non-empty documents, in file order, of Multi-News val stories 41-250 (0-based lines
40-249) that are in none of the six earlier fresh samples and whose story is not one of the
summary clusters in `gold/real/clusters` when this was drawn (141 files; their ids are kept in
`multinews_fresh7.json` as `excluded_clusters`, so the draw does not change as the folder grows).
Then `random.Random(2721).sample(pool, 18)`.
"""

from __future__ import annotations

import json
from pathlib import Path

from draw import DATA, kept_exclusions, later_draw

SEED, SIZE = 2721, 18
EARLIER = ("multinews_fresh.json", "multinews_fresh2.json", "multinews_fresh3.json", "multinews_fresh4.json",
           "multinews_fresh5.json", "multinews_fresh6.json")


def drawn(val_path: Path = DATA) -> list[tuple[str, str]]:
    return later_draw(SEED, SIZE, EARLIER, kept_exclusions("multinews_fresh7.json"), val_path)


if __name__ == "__main__":
    print(json.dumps(drawn(), indent=1))

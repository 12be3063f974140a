"""How the third fresh sample (`multinews_fresh3.json`) was drawn.

Pool: the non-empty documents, in file order, of Multi-News val stories 41-250 (0-based lines
40-249) that are in neither earlier fresh sample and whose story is not one of the summary
clusters in `gold/real/clusters` (60 files when this was drawn: 355 documents). Then
`random.Random(2317).sample(pool, 18)`. The cluster folder has grown since (80 files at the
fourth draw), so running this now draws from a smaller pool and no longer gives the same ids:
`multinews_fresh3.json` keeps them as drawn.
"""

from __future__ import annotations

import json
from pathlib import Path

from draw import DATA, cluster_stories, later_draw

SEED, SIZE = 2317, 18
EARLIER = ("multinews_fresh.json", "multinews_fresh2.json")


def drawn(val_path: Path = DATA) -> list[tuple[str, str]]:
    return later_draw(SEED, SIZE, EARLIER, cluster_stories(), val_path)


if __name__ == "__main__":
    print(json.dumps(drawn(), indent=1))

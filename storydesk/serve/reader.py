"""Read-only access to a story store for the web app: one connection that never writes.

SQLite in WAL mode lets this connection read while a `storydesk run` commits: each query sees
the store as of its last commit, so a reload shows the stories a run has added since.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from storydesk.storyindex import StoryCard, find_stories, latest_day, story_card


class StoreReader:
    """Queries the web app needs, over a read-only connection (mode=ro: it cannot write by mistake)."""

    def __init__(self, path: str | Path):
        self.path = Path(path).resolve()
        # check_same_thread=False: the app's handlers are coroutines on one event loop thread, but
        # uvicorn may create the reader on another thread before serving.
        self._db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._db.execute("PRAGMA query_only=1")

    def close(self) -> None:
        self._db.close()

    def cards(self, **filters) -> list[StoryCard]:
        """Stories that have a digest (a page to show), newest day and biggest first, or best match first."""
        return find_stories(self._db, digested_only=True, **filters)

    def card(self, story_id: str) -> StoryCard | None:
        return story_card(self._db, story_id)

    def latest_day(self) -> date | None:
        return latest_day(self._db, digested_only=True)

    def data_version(self) -> int:
        """Changes whenever another connection (a run) commits to the store: the key of list caches."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def revision(self, story_id: str) -> int:
        row = self._db.execute("SELECT revision FROM digests WHERE story=?", (story_id,)).fetchone()
        return row[0] if row else 0

    def digest_json(self, story_id: str) -> tuple[str, int] | None:
        """The stored digest's JSON text (as `run` wrote it) and its revision."""
        row = self._db.execute("SELECT json, revision FROM digests WHERE story=?", (story_id,)).fetchone()
        return (row[0], row[1]) if row else None


class PageCache:
    """Rendered pages (UTF-8 bytes) by key (a story and its digest revision: a new digest is a new
    key), least recently used dropped first once they hold more than `budget` bytes."""

    def __init__(self, budget: int):
        self.budget = budget
        self.held = 0
        self._pages: OrderedDict[tuple, bytes] = OrderedDict()

    def get(self, key: tuple, render: Callable[[], str]) -> bytes:
        page = self._pages.get(key)
        if page is not None:
            self._pages.move_to_end(key)
            return page
        page = self._pages[key] = render().encode("utf-8")
        self.held += len(page)
        while self.held > self.budget and len(self._pages) > 1:
            _, dropped = self._pages.popitem(last=False)
            self.held -= len(dropped)
        return page

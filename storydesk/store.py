"""The story store: one SQLite file holding articles, their stories, the clusterer's state and digests.

`storydesk.runners.update.update_store(paths, "news.db")` reads, skips known ids, clusters and
digests the stories that changed. Runs add to the store: an article already stored (by id) is skipped, and so is one cleaning
left out before (its reason is kept in `left_out`); a new one joins its story through the
clusterer's saved state, and only the stories that gained an article are digested again. Each
batch of articles (with the clusterer state it produced) is one transaction and each digest is
committed on its own, so an interrupted run loses at most the batch in flight and the next run
carries on: stories whose digest is missing or stale are marked in the file.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storydesk.cluster import Assignment, ClusterOptions, DocumentFrequencies, Merge, Split, StoryClusterer, StoryState
from storydesk.ingest import parse_datetime
from storydesk.model import Article, Digest, Removed
from storydesk.render.json import digest_from_dict, digest_to_json
from storydesk.storyindex import SearchError, StoryCard, ensure_index, find_stories, index_story

SCHEMA_VERSION = 1
MIN_DIGEST_ARTICLES = 2  # a story of one article has nothing to compare: it is listed, not digested

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, story TEXT NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL,
    title TEXT, source TEXT, url TEXT, path TEXT, published TEXT, text TEXT NOT NULL, removed TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_story ON articles (story, seq);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, headline TEXT NOT NULL, articles INTEGER NOT NULL,
    first_published TEXT, last_published TEXT,
    state BLOB,                        -- the clusterer's StoryState; NULL once the story retired
    digest_stale INTEGER NOT NULL      -- 1 when articles joined since its digest was made
);
CREATE TABLE IF NOT EXISTS left_out (  -- read but not stored (no article body): not re-read
    id TEXT PRIMARY KEY, reason TEXT NOT NULL, path TEXT
);
CREATE TABLE IF NOT EXISTS digests (
    story TEXT PRIMARY KEY, json TEXT NOT NULL, articles INTEGER NOT NULL, revision INTEGER NOT NULL,
    made TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentence_vectors (  -- embeddings kept so a re-digested story encodes only new sentences
    model TEXT NOT NULL, sentence BLOB NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, sentence)
) WITHOUT ROWID;
"""



# A second writer waits this long for the first to finish before it gives up (`run --wait`).
LOCK_WAIT_SECONDS = 600.0
LOCK_POLL_SECONDS = 0.2
# SQLite's own wait for a lock held by another connection (a reader's snapshot, a commit).
BUSY_TIMEOUT_SECONDS = 60.0
# Values a damaged row can hold that fail to decode; each becomes a DamagedStore naming the row.
_DECODE_ERRORS = (ValueError, TypeError, KeyError, IndexError, EOFError, OSError, struct.error, zlib.error,
                  zipfile.BadZipFile)


class StoreError(Exception):
    """The file is not a storydesk store (or is from an incompatible version)."""


class WriterBusy(StoreError):
    """Another process is writing to the store and did not finish within the wait."""


class DamagedStore(StoreError):
    """A table or row of the store cannot be read; the message names them."""


@dataclass(frozen=True)
class StoryRow:
    id: str
    headline: str
    articles: int
    first_published: datetime | None
    last_published: datetime | None
    digested: bool  # a digest is stored and no article joined since


class StoryStore:
    """An open store file. Use as a context manager; every write commits before returning."""

    def __init__(self, path: str | Path, options: ClusterOptions | None = None, *, writer: bool = False,
                 lock_wait: float = LOCK_WAIT_SECONDS, on_wait: Callable[[str], None] | None = None):
        """Open (or create) a store. A `writer` holds the store's lock file until it closes: one
        writer at a time, a second one waits up to `lock_wait` seconds (telling `on_wait`), then
        raises WriterBusy. Readers need no lock: the file is in WAL mode, so they read the last
        commit while a writer writes."""
        self.path = Path(path)
        self._options = options or ClusterOptions()
        self._lock = self._acquire_lock(lock_wait, on_wait) if writer else None
        try:
            # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE in _write).
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            self._db.executescript(_SCHEMA)
            self._set_wal()
            version = self._meta("schema_version")
            ensure_index(self._db)
        except sqlite3.DatabaseError as exc:
            self._release_lock()
            raise StoreError(f"{self.path}: not a storydesk store ({exc})") from None
        if version is None:
            with self._write():
                self._set_meta("schema_version", SCHEMA_VERSION)
        elif str(version) != str(SCHEMA_VERSION):
            self.close()
            raise StoreError(f"{self.path}: store version {version}, this storydesk reads version {SCHEMA_VERSION}")
        self._clusterer: StoryClusterer | None = None
        self.merges: list[Merge] = []  # stories folded into others since the store was opened
        self.splits: list[Split] = []  # stories cut in two since the store was opened

    @property
    def clusterer(self) -> StoryClusterer:
        """The clusterer as the store last saved it (loaded on first use: readers never need it)."""
        if self._clusterer is None:
            self._clusterer = self._load_clusterer(self._options)
        return self._clusterer

    def __enter__(self) -> StoryStore:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        self._release_lock()

    # -- locking and transactions ------------------------------------------------------------------

    def _acquire_lock(self, wait: float, on_wait: Callable[[str], None] | None):
        handle = open(f"{self.path}.lock", "a+", encoding="utf-8")  # noqa: SIM115 - held until close()
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = f"pid {handle.read().strip() or '?'}"
                if time.monotonic() >= deadline:
                    handle.close()
                    raise WriterBusy(f"{self.path}: another storydesk run ({holder}) is writing to this store; "
                                     f"gave up after waiting {wait:g} s. Run again when it has finished "
                                     "(or wait longer with --wait SECONDS)") from None
                if on_wait and not told:
                    on_wait(f"{self.path}: another storydesk run ({holder}) is writing to this store; "
                            f"waiting for it (up to {wait:g} s)")
                    told = True
                time.sleep(LOCK_POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        return handle

    def _release_lock(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def _set_wal(self) -> None:
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:  # read-only file or busy: the store still reads
            pass

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taking SQLite's write lock at its start (no lost update)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def _reading(self, table: str, row: object = None) -> Iterator[None]:
        """Turn what a damaged table or row raises into one DamagedStore naming them."""
        try:
            yield
        except SearchError:  # bad search words: the caller's to report, not damage
            raise
        except sqlite3.DatabaseError as exc:
            raise DamagedStore(self._damage(table, row, exc)) from None
        except _DECODE_ERRORS as exc:
            raise DamagedStore(self._damage(table, row, exc)) from None

    def _damage(self, table: str, row: object, exc: Exception) -> str:
        where = f"table {table}" + (f", row {row!r}" if row is not None else "")
        return (f"{self.path}: the store is damaged: {where}: {type(exc).__name__}: {str(exc)[:200]} "
                "(restore it from a backup, or make a new store with `storydesk run`)")

    # -- adding articles ------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids already stored, or read before and left out (their reason is in `left_out`)."""
        ids = list(ids)
        known: set[str] = set()
        for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            with self._reading("articles"):
                rows = self._db.execute(f"SELECT id FROM articles WHERE id IN ({marks})"
                                        f" UNION SELECT id FROM left_out WHERE id IN ({marks})", chunk + chunk)
                known.update(r[0] for r in rows)
        return known

    def record_left_out(self, entries: Iterable[tuple[str, str, str | None]]) -> None:
        """Remember (id, reason, path) of documents cleaning left out, so later runs skip them."""
        with self._write():
            self._db.executemany("INSERT OR REPLACE INTO left_out VALUES (?,?,?)", entries)

    def add_articles(self, articles: Sequence[Article],
                     left_out: Iterable[tuple[str, str, str | None]] = ()) -> list[Assignment]:
        """Cluster one batch and store it with the clusterer state (and the batch's `left_out`
        documents), in one transaction: the state read, the articles placed and the state
        written cannot interleave with another writer's, and a failure leaves none of them."""
        with self._write():
            self._refresh_clusterer()
            try:
                assignments = self._store_batch(articles)
                self._db.executemany("INSERT OR REPLACE INTO left_out VALUES (?,?,?)", left_out)
            except BaseException:
                self._clusterer = None  # placed in memory but not stored: read it again
                raise
        self.merges.extend(self.clusterer.merges)
        self.splits.extend(self.clusterer.splits)
        return assignments

    def _refresh_clusterer(self) -> None:
        """Reload the clusterer when another writer committed since it was read (seen differs)."""
        if self._clusterer is None:
            return
        with self._reading("meta", "seen"):
            stored = int(self._meta("seen") or 0)
        if stored != self._clusterer.seen:
            self._clusterer = None

    def _store_batch(self, articles: Sequence[Article]) -> list[Assignment]:
        from storydesk.pipeline import make_story

        clusterer = self.clusterer
        clusterer.retired.clear()
        clusterer.merges.clear()
        clusterer.splits.clear()
        clusterer.moves.clear()
        first_seq = clusterer.seen + 1
        assignments = clusterer.assign(articles)
        for seq, (article, assignment) in enumerate(zip(articles, assignments, strict=True), start=first_seq):
            self._db.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, seq, assignment.story, assignment.score, assignment.reason,
                 article.title, article.source, article.url, article.path, _iso(article.published),
                 article.text, json.dumps([[r.text, r.kind, r.line] for r in article.removed])),
            )
        # Stories the clusterer folded together or cut in two, in the order it did so: articles move.
        for move in clusterer.moves:
            self._relabel(move)
        merged = {m.source for m in clusterer.merges}
        moved = {m.target for m in clusterer.merges} | {s.source for s in clusterer.splits} | {s.target for s in clusterer.splits}
        # sorted: the same row order every run
        for story_id in sorted(({a.story for a in assignments} | moved) - merged):
            members = self.story_articles(story_id)
            story = make_story(members, story_id)
            state = clusterer.stories.get(story_id)
            self._db.execute(
                "INSERT INTO stories VALUES (?,?,?,?,?,?,1) ON CONFLICT (id) DO UPDATE SET headline=excluded.headline,"
                " articles=excluded.articles, first_published=excluded.first_published,"
                " last_published=excluded.last_published, state=excluded.state, digest_stale=1",
                (story_id, story.headline, len(members), _iso(story.first_published), _iso(story.last_published),
                 state.to_bytes() if state else None),
            )
        for story_id in sorted(clusterer.retired):
            self._db.execute("UPDATE stories SET state=NULL WHERE id=?", (story_id,))
        for story_id in sorted(({a.story for a in assignments} | moved) - merged):
            with self._reading("digests", story_id):
                index_story(self._db, story_id)
        self._save_clusterer()
        return assignments

    def _relabel(self, move: Merge | Split) -> None:
        """Move articles as the clusterer did: a merged story's all, a split story's leaving ones."""
        if isinstance(move, Split):
            for start in range(0, len(move.articles), 500):  # SQLite caps the number of bound parameters
                chunk = move.articles[start:start + 500]
                self._db.execute(f"UPDATE articles SET story=? WHERE story=? AND id IN ({','.join('?' * len(chunk))})",
                                 (move.target, move.source, *chunk))
            return
        self._db.execute("UPDATE articles SET story=? WHERE story=?", (move.target, move.source))
        self._db.execute("DELETE FROM stories WHERE id=?", (move.source,))
        self._db.execute("DELETE FROM digests WHERE story=?", (move.source,))
        # Its card and search row too, or `stories`/`serve` would list a story that no longer exists.
        self._db.execute("DELETE FROM story_search WHERE rowid IN (SELECT n FROM story_cards WHERE story=?)", (move.source,))
        self._db.execute("DELETE FROM story_cards WHERE story=?", (move.source,))

    # -- digests ---------------------------------------------------------------------------------

    def stale_stories(self, min_articles: int = MIN_DIGEST_ARTICLES) -> list[str]:
        with self._reading("stories"):
            rows = self._db.execute(f"SELECT s.id FROM stories s WHERE digest_stale=1 AND articles>=? ORDER BY {_IN_ORDER}",
                                    (min_articles,))
            return [r[0] for r in rows]

    def save_digest(self, story_id: str, digest: Digest) -> None:
        with self._write():
            self._db.execute(
                "INSERT INTO digests VALUES (?,?,?,1,?) ON CONFLICT (story) DO UPDATE SET json=excluded.json,"
                " articles=excluded.articles, revision=revision+1, made=excluded.made",
                (story_id, digest_to_json(digest, indent=None), len(digest.articles), datetime.now().astimezone().isoformat()),
            )
            # The digest's headline is the better one for untitled articles (its summary's lead).
            self._db.execute("UPDATE stories SET digest_stale=0, headline=? WHERE id=?", (digest.story.headline, story_id))
            index_story(self._db, story_id)

    def sentence_vectors(self, model: str, texts: Iterable[str]) -> dict[str, bytes]:
        """The stored embeddings (raw float32 bytes) of `texts` made by `model` (others left out)."""
        keys = {hashlib.sha1(t.encode("utf-8")).digest(): t for t in texts}
        found: dict[str, bytes] = {}
        chunks = list(keys)
        for start in range(0, len(chunks), 500):  # SQLite caps the number of bound parameters
            chunk = chunks[start:start + 500]
            rows = self._db.execute(f"SELECT sentence, vector FROM sentence_vectors WHERE model=? AND sentence IN"
                                    f" ({','.join('?' * len(chunk))})", [model, *chunk])
            found.update((keys[key], vector) for key, vector in rows)
        return found

    def save_sentence_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        with self._write():
            self._db.executemany("INSERT OR REPLACE INTO sentence_vectors VALUES (?,?,?)",
                                 ((model, hashlib.sha1(t.encode("utf-8")).digest(), v) for t, v in vectors.items()))

    def digest_dict(self, story_id: str) -> dict | None:
        """The stored digest (`storydesk.to_dict(digest)`), or None if the story has none."""
        with self._reading("digests", story_id):
            row = self._db.execute("SELECT json FROM digests WHERE story=?", (story_id,)).fetchone()
            value = json.loads(row[0]) if row else None
            if value is not None and not isinstance(value, dict):
                raise ValueError("not a JSON object")
            return value

    def digest(self, story_id: str) -> Digest | None:
        """The stored digest as it was made (no re-digest), or None if the story has none."""
        stored = self.digest_dict(story_id)
        with self._reading("digests", story_id):
            return digest_from_dict(stored) if stored is not None else None

    def digest_revision(self, story_id: str) -> int:
        """How many times the story's digest was made (0: never)."""
        with self._reading("digests", story_id):
            row = self._db.execute("SELECT revision FROM digests WHERE story=?", (story_id,)).fetchone()
            return int(row[0]) if row else 0

    # -- reading ---------------------------------------------------------------------------------

    def stories(self) -> list[StoryRow]:
        """Every story, the biggest first; among equals, the one whose first article came first."""
        with self._reading("stories"):
            rows = self._db.execute(
                "SELECT s.id, s.headline, s.articles, s.first_published, s.last_published, s.digest_stale,"
                f" d.story IS NOT NULL FROM stories s LEFT JOIN digests d ON d.story = s.id ORDER BY {_IN_ORDER}"
            ).fetchall()
        listed = []
        for r in rows:
            with self._reading("stories", r[0]):
                listed.append(StoryRow(str(r[0]), str(r[1]), int(r[2]), parse_datetime(r[3]), parse_datetime(r[4]),
                                       bool(r[6]) and not r[5]))
        return listed

    def find_stories(self, **filters) -> list[StoryCard]:
        """Story cards with filters: since, until, search, limit, offset (see storyindex.find_stories)."""
        with self._reading("story_cards"):
            return find_stories(self._db, **filters)

    def story(self, story_id: str) -> StoryRow | None:
        return next((s for s in self.stories() if s.id == story_id), None)

    def story_articles(self, story_id: str) -> list[Article]:
        with self._reading("articles"):
            rows = self._db.execute(
                "SELECT id, text, title, source, url, path, published, removed FROM articles WHERE story=? ORDER BY seq",
                (story_id,),
            ).fetchall()
        articles = []
        for r in rows:
            with self._reading("articles", r[0]):
                if not isinstance(r[1], str):
                    raise TypeError(f"text is {type(r[1]).__name__}, not text")
                articles.append(Article(
                    id=r[0], text=r[1], title=r[2], source=r[3], url=r[4], path=r[5], published=parse_datetime(r[6]),
                    removed=tuple(Removed(text, kind, line) for text, kind, line in json.loads(r[7]))))
        return articles

    def assignments(self) -> dict[str, str]:
        with self._reading("articles"):
            return dict(self._db.execute("SELECT id, story FROM articles ORDER BY seq"))

    # -- clusterer state -------------------------------------------------------------------------

    def _load_clusterer(self, options: ClusterOptions) -> StoryClusterer:
        with self._reading("meta", "frequencies"):
            table = self._meta("frequencies")
            if table is None:
                return StoryClusterer(options)
            with self._reading("meta", "documents"):
                documents = int(self._meta("documents"))
            frequencies = DocumentFrequencies.from_bytes(table, documents)
        states = []
        with self._reading("stories"):
            live = self._db.execute("SELECT id, state FROM stories WHERE state IS NOT NULL ORDER BY rowid").fetchall()
        for story_id, state in live:
            with self._reading("stories", story_id):
                states.append(StoryState.from_bytes(story_id, state))
        counters = {}
        for key in ("next_story", "seen"):
            with self._reading("meta", key):
                counters[key] = int(self._meta(key))
        with self._reading("meta", "latest_time"):
            latest = self._meta("latest_time")
            latest_time = float(latest) if latest is not None else None
        return StoryClusterer(options, frequencies=frequencies, stories=states, latest_time=latest_time, **counters)

    def _save_clusterer(self) -> None:
        c = self.clusterer
        self._set_meta("frequencies", c.frequencies.to_bytes())
        self._set_meta("documents", c.frequencies.documents)
        self._set_meta("next_story", c.next_story)
        self._set_meta("seen", c.seen)
        self._set_meta("latest_time", c.latest_time)

    def _meta(self, key: str):
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))


# Stories in a fixed order: the biggest first, then by their first article in the stream, then id.
_IN_ORDER = "s.articles DESC, (SELECT MIN(seq) FROM articles a WHERE a.story = s.id), s.id"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None

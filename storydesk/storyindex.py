"""The store's read side: a card per story and a full-text index, kept up to date as the store is written.

    cards = find_stories(db, since=date(2024, 3, 8), search="harbour fire", limit=20)

Each story has one row in `story_cards` (headline, lead sentence, how many articles and
independent sources, how many disagreements, its day) and one row in the FTS5 table
`story_search` over its headline, its summary and its articles' titles and text. Both are
rewritten by `index_story` whenever the store adds articles to a story or saves its digest, in
the same transaction, so a reader (`stories`, `export`, `serve`) never sees them disagree with
the stories they describe. A store made before the index existed is indexed when first opened.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime

INDEX_SCHEMA = """
CREATE TABLE IF NOT EXISTS story_cards (
    n INTEGER PRIMARY KEY,             -- the story's row in story_search (stable: VACUUM keeps it)
    story TEXT UNIQUE NOT NULL, headline TEXT NOT NULL, lead TEXT NOT NULL,
    articles INTEGER NOT NULL, sources INTEGER NOT NULL, conflicts INTEGER NOT NULL,
    first_published TEXT, last_published TEXT,
    day TEXT,                          -- YYYY-MM-DD of the last article, NULL when undated
    revision INTEGER NOT NULL,         -- digests.revision, 0 when the story has no digest
    stale INTEGER NOT NULL             -- 1 when articles joined since the digest was made
);
CREATE INDEX IF NOT EXISTS story_cards_front ON story_cards (day DESC, articles DESC, last_published DESC, story);
CREATE VIRTUAL TABLE IF NOT EXISTS story_search USING fts5(
    headline, summary, body, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""

# bm25 weights of (headline, summary, body): a word in the headline says more about what the
# story is than the same word somewhere in ten articles' text. Chosen by reading the top results
# of a dozen searches on a Multi-News store, not tuned further.
SEARCH_WEIGHTS = (10.0, 4.0, 1.0)
MAX_SEARCH_WORDS = 12  # more words than a headline: the query is cut there (AND of every word)
MAX_LIMIT = 500  # the most one API request may ask for
_WORD = re.compile(r"\w+", re.UNICODE)
LEAD_CHARS = 300  # an article's first sentence longer than this is cut (a scraped line with no full stop)
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # around matched words in a snippet (taken out of the text first)
SNIPPET_CHARS = 200  # about two lines of a result


@dataclass(frozen=True)
class StoryCard:
    """What a list of stories shows about one story."""

    id: str
    headline: str
    lead: str  # the summary's first sentence, else the first article's first sentence
    articles: int
    sources: int  # independent sources: articles running the same copy count once
    conflicts: int  # disagreements the digest found
    first_published: datetime | None
    last_published: datetime | None
    revision: int  # 0: no digest stored
    stale: bool  # articles joined since the digest was made
    snippet: str | None = None  # search only: matched text, words between MARK_OPEN and MARK_CLOSE

    @property
    def has_digest(self) -> bool:
        return self.revision > 0

    def to_dict(self) -> dict:
        return {
            "id": self.id, "headline": self.headline, "lead": self.lead, "articles": self.articles,
            "independent_sources": self.sources, "conflicts": self.conflicts,
            "first_published": _iso(self.first_published), "last_published": _iso(self.last_published),
            "digest_revision": self.revision, "digest_stale": self.stale,
            **({"snippet": self.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")} if self.snippet is not None else {}),
        }


class SearchError(ValueError):
    """The search words hold nothing to search for."""


def ensure_index(db: sqlite3.Connection) -> int:
    """Create the index tables; index every story of a store made before they existed. Returns stories indexed."""
    db.executescript(INDEX_SCHEMA)
    missing = [r[0] for r in db.execute("SELECT id FROM stories WHERE id NOT IN (SELECT story FROM story_cards)")]
    if not missing:
        return 0
    with db:
        for story_id in missing:
            index_story(db, story_id)
    return len(missing)


def index_story(db: sqlite3.Connection, story_id: str) -> None:
    """Rewrite one story's card and search row from what the store holds (inside the caller's transaction)."""
    row = db.execute("SELECT headline, articles, first_published, last_published, digest_stale FROM stories WHERE id=?",
                     (story_id,)).fetchone()
    if row is None:
        return
    headline, n_articles, first, last, stale = row
    texts = db.execute("SELECT title, text, source FROM articles WHERE story=? ORDER BY seq", (story_id,)).fetchall()
    stored = db.execute("SELECT json, revision FROM digests WHERE story=?", (story_id,)).fetchone()
    summary, lead, sources, conflicts, revision = "", "", len(texts), 0, 0
    if stored is not None:
        digest = json.loads(stored[0])
        revision = stored[1]
        sentences = [s["text"] for s in digest.get("summary", ())]
        summary = " ".join(sentences)
        # an untitled story's headline is its summary's first sentence: the lead is then the next one
        shown = headline.rstrip("…").rstrip()
        opening = [t for t in sentences if not (shown and t.startswith(shown))]
        lead = opening[0] if opening else ""
        sources = _independent_sources(digest)
        conflicts = len(digest.get("conflicts", ()))
    if stored is None and texts:
        lead = first_sentence(texts[0][1])
    body = "\n\n".join(f"{title or ''}\n{text}" for title, text, _ in texts)
    day = last[:10] if last else None
    n = db.execute(
        "INSERT INTO story_cards (story, headline, lead, articles, sources, conflicts, first_published, last_published,"
        " day, revision, stale) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (story) DO UPDATE SET"
        " headline=excluded.headline, lead=excluded.lead, articles=excluded.articles, sources=excluded.sources,"
        " conflicts=excluded.conflicts, first_published=excluded.first_published, last_published=excluded.last_published,"
        " day=excluded.day, revision=excluded.revision, stale=excluded.stale RETURNING n",
        (story_id, headline, lead, n_articles, sources, conflicts, first, last, day, revision, int(bool(stale) and revision > 0)),
    ).fetchone()[0]
    db.execute("DELETE FROM story_search WHERE rowid=?", (n,))
    db.execute("INSERT INTO story_search (rowid, headline, summary, body) VALUES (?,?,?,?)", (n, headline, summary, body))


def _independent_sources(digest: dict) -> int:
    from storydesk.model import ReusePair
    from storydesk.reuse import copy_groups

    ids = [a["id"] for a in digest.get("articles", ())]
    pairs = [ReusePair(p["a"], p["b"], p["share_a"], p["share_b"]) for p in digest.get("reuse", ())]
    groups = copy_groups(ids, pairs)
    return len(ids) - sum(len(g) - 1 for g in groups)


def first_sentence(text: str) -> str:
    """The first sentence of a text (for a list's lead line), cut at LEAD_CHARS."""
    from storydesk.model import Article
    from storydesk.segment import split_sentences

    sentences = split_sentences(Article("lead", text[: 4 * LEAD_CHARS]))
    sentence = sentences[0].text if sentences else text.strip()
    return sentence if len(sentence) <= LEAD_CHARS else sentence[:LEAD_CHARS].rstrip() + "…"


def search_query(words: str) -> str:
    """An FTS5 query matching stories holding every word, whatever punctuation or operators `words` holds."""
    tokens = _WORD.findall(words or "")[:MAX_SEARCH_WORDS]
    if not tokens:
        raise SearchError("nothing to search for: give at least one word")
    return " ".join(f'"{t}"' for t in tokens)  # quoted: AND, NOT, NEAR and * are words here, not operators


_CARD_COLUMNS = ("c.story, c.headline, c.lead, c.articles, c.sources, c.conflicts, c.first_published,"
                 " c.last_published, c.revision, c.stale")


def find_stories(
    db: sqlite3.Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    digested_only: bool = False,
) -> list[StoryCard]:
    """Stories newest day first and biggest first (or best match first with `search`), with filters.

    `since`/`until` compare with the day of a story's last article (undated stories then drop out).
    `limit` None: every story. Raises SearchError when `search` holds no word.
    """
    where, params = [], []
    if since is not None:
        where.append("c.day >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("c.day <= ?")
        params.append(until.isoformat())
    if digested_only:
        where.append("c.revision > 0")
    limit = -1 if limit is None else max(0, limit)  # SQLite: LIMIT -1 is no limit
    if search is not None:
        query = search_query(search)
        # Ranked first, snippets after for the page's rows only: FTS5's snippet() costs ~0.3 ms per
        # story (it re-tokenizes every article's text), and SQLite would compute it for every match.
        sql = (f"SELECT {_CARD_COLUMNS}, story_search.rowid FROM story_search"
               " JOIN story_cards c ON c.n = story_search.rowid WHERE story_search MATCH ?"
               + "".join(f" AND {w}" for w in where)
               + " ORDER BY bm25(story_search, ?, ?, ?) LIMIT ? OFFSET ?")
        rows = db.execute(sql, [query, *params, *SEARCH_WEIGHTS, limit, offset]).fetchall()
        texts: dict[int, str] = {}
        for start in range(0, len(rows), 500):  # SQLite caps the number of bound parameters
            chunk = [r[-1] for r in rows[start:start + 500]]
            texts.update(db.execute("SELECT rowid, summary || '\n\n' || body FROM story_search WHERE rowid IN"
                                    f" ({','.join('?' * len(chunk))})", chunk))
        words = _WORD.findall(search)[:MAX_SEARCH_WORDS]
        return [replace(_card(r), snippet=snippet(texts.get(r[-1], ""), words)) for r in rows]
    else:
        sql = (f"SELECT {_CARD_COLUMNS}, NULL FROM story_cards c"
               + (" WHERE " + " AND ".join(where) if where else "")
               # NULL sorts lowest in SQLite, so undated stories come last; the index holds this order
               + " ORDER BY c.day DESC, c.articles DESC, c.last_published DESC, c.story LIMIT ? OFFSET ?")
        rows = db.execute(sql, [*params, limit, offset])
    return [_card(r) for r in rows]


def snippet(text: str, words: list[str], width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of `text` around the first of `words` it holds (matched by stem, as
    the index matches), each match between MARK_OPEN and MARK_CLOSE; "" when none is there."""
    from storydesk.lexicon import stem

    stems = sorted({stem(w.lower()) for w in words}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)
    # anchored on the longest word's first place (the most specific: 'watchman' over 'night');
    # counting every hit to find the rarest cost ~1 ms a story on long articles
    first = next((hit for s in stems if (hit := re.search(r"\b" + re.escape(s), text, re.IGNORECASE))), None)
    if first is None:
        return ""
    start = max(0, first.start() - width // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    end = text.find(" ", end) if text.find(" ", end) != -1 else len(text)
    piece = " ".join(text[start:end].replace(MARK_OPEN, " ").replace(MARK_CLOSE, " ").split())
    marked = pattern.sub(lambda m: f"{MARK_OPEN}{m.group(0)}{MARK_CLOSE}", piece)
    return ("…" if start else "") + marked + ("…" if end < len(text) else "")


def story_card(db: sqlite3.Connection, story_id: str) -> StoryCard | None:
    row = db.execute(f"SELECT {_CARD_COLUMNS}, NULL FROM story_cards c WHERE c.story=?", (story_id,)).fetchone()
    return _card(row) if row else None


def latest_day(db: sqlite3.Connection, digested_only: bool = False) -> date | None:
    """The newest day any story's last article carries ('today' for a store of past news)."""
    row = db.execute("SELECT MAX(day) FROM story_cards" + (" WHERE revision > 0" if digested_only else "")).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def _card(row) -> StoryCard:
    return StoryCard(row[0], row[1], row[2], row[3], row[4], row[5], _datetime(row[6]), _datetime(row[7]),
                     row[8], bool(row[9]), row[10])


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None

"""Issue 23, the store rows: one writer at a time, readers while it writes, the clustering state in
the same transaction as its articles, resumed runs equal to uninterrupted ones, damage named."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.pipeline import Options
from storydesk.reader import ReadOptions
from storydesk.runners.update import update_store
from storydesk.store import StoreError, StoryStore, WriterBusy
from tests.test_cluster import BUDGET, DRILL, FIRE, OTHER

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
NO_MODELS = Options(models=False)
ITEMS = FIRE + BUDGET + DRILL + OTHER  # four topics and unrelated singletons, in stream order


def write_jsonl(path: Path, items, day="2024-03-08") -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for article_id, title, text in items:
            handle.write(json.dumps({"id": article_id, "title": title, "text": text, "published": day}) + "\n")
    return path


def store_contents(path: Path) -> tuple[dict[str, str], list[tuple]]:
    """(article -> story, the stories' listing) of a store."""
    with StoryStore(path) as store:
        return store.assignments(), [(r.id, r.articles) for r in store.stories()]


def topic_of(article_id: str) -> str:
    for name, items in (("fire", FIRE), ("budget", BUDGET), ("drill", DRILL)):
        if article_id in {i for i, _, _ in items}:
            return name
    return article_id


def test_a_second_writer_waits_then_refuses_with_a_clear_message(tmp_path):
    path = tmp_path / "news.db"
    with StoryStore(path, writer=True):
        with pytest.raises(WriterBusy) as caught:
            StoryStore(path, writer=True, lock_wait=0.5)
        assert f"pid {os.getpid()}" in str(caught.value) and "another" in str(caught.value)
        result = runner.invoke(app, ["run", str(write_jsonl(tmp_path / "a.jsonl", FIRE)), "--store", str(path),
                                     "--no-models", "--wait", "1"])
        assert result.exit_code not in (0, 1) and result.exception is None or isinstance(result.exception, SystemExit)
        assert "another storydesk run" in result.output and "Traceback" not in result.output
    with StoryStore(path, writer=True, lock_wait=0):  # free again once the first writer closed
        pass


def test_readers_read_while_a_writer_holds_a_transaction(tmp_path):
    path = tmp_path / "news.db"
    update_store([write_jsonl(tmp_path / "a.jsonl", FIRE[:2])], path, digest_options=NO_MODELS)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE stories SET headline = 'being rewritten'")
    with StoryStore(path) as reader:  # WAL: the reader sees the last commit, no 'database is locked'
        assert [r.articles for r in reader.stories()] == [2]
        assert reader.stories()[0].headline != "being rewritten"
    writer.execute("ROLLBACK")
    writer.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_batch_leaves_neither_its_articles_nor_its_clustering_state(tmp_path):
    path = tmp_path / "news.db"
    update_store([write_jsonl(tmp_path / "a.jsonl", FIRE[:2])], path, digest_options=NO_MODELS)
    before = store_contents(path)
    from storydesk.reader import read_articles

    articles, _ = read_articles([write_jsonl(tmp_path / "b.jsonl", FIRE[2:] + OTHER[:2])])
    with StoryStore(path, writer=True) as store:
        seen = store.clusterer.seen
        with pytest.raises(sqlite3.IntegrityError):
            store.add_articles(articles + articles[:1])  # a repeated id fails the batch's insert
        assert store.clusterer.seen == seen  # the in-memory state is the stored one again
        store.add_articles(articles)
    after, _ = store_contents(path)
    assert set(after) == set(before[0]) | {a.id for a in articles}
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key='seen'").fetchone()[0] == len(after)


KILLER = textwrap.dedent("""
    import os, signal, sys
    from storydesk.cluster import StoryClusterer
    from storydesk.pipeline import Options
    from storydesk.reader import ReadOptions
    from storydesk.runners.update import update_store
    calls = {"n": 0}
    original = StoryClusterer.assign
    def assign(self, articles):
        calls["n"] += 1
        if calls["n"] == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)  # killed while clustering a batch
        return original(self, articles)
    StoryClusterer.assign = assign
    update_store([sys.argv[1]], sys.argv[2], read_options=ReadOptions(batch=3), digest_options=Options(models=False))
""")


def test_a_run_killed_while_clustering_and_resumed_equals_an_uninterrupted_run(tmp_path):
    stream = write_jsonl(tmp_path / "stream.jsonl", ITEMS)
    whole = tmp_path / "whole.db"
    update_store([stream], whole, read_options=ReadOptions(batch=3), digest_options=NO_MODELS)
    resumed = tmp_path / "resumed.db"
    killed = subprocess.run([sys.executable, "-c", KILLER, str(stream), str(resumed), "3"], cwd=ROOT, timeout=300)
    assert killed.returncode == -signal.SIGKILL
    with StoryStore(resumed) as store:
        assert 0 < len(store.assignments()) < len(ITEMS)  # two batches were committed, the third was not
    update_store([stream], resumed, read_options=ReadOptions(batch=3), digest_options=NO_MODELS)
    assert store_contents(resumed) == store_contents(whole)


def test_two_runs_on_two_halves_at_once_corrupt_nothing(tmp_path):
    items = list(ITEMS)
    random.Random(4).shuffle(items)
    halves = [write_jsonl(tmp_path / f"half{i}.jsonl", items[i::2]) for i in range(2)]
    path = tmp_path / "news.db"
    command = [sys.executable, "-m", "storydesk", "run", "--no-models", "--store", str(path)]
    runs = [subprocess.Popen([*command, str(half)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for half in halves]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert all("Traceback" not in err for _, err in outputs)
    with sqlite3.connect(path) as db:
        seqs = [r[0] for r in db.execute("SELECT seq FROM articles ORDER BY seq")]
        assert seqs == list(range(1, len(items) + 1))  # every article once, no repeated sequence number
        meta = dict(db.execute("SELECT key, value FROM meta"))
        assert int(meta["seen"]) == int(meta["documents"]) == len(items)
        story_counts = dict(db.execute("SELECT id, articles FROM stories"))
    assignments, _ = store_contents(path)
    by_story: dict[str, set[str]] = {}
    for article, story in assignments.items():
        by_story.setdefault(story, set()).add(topic_of(article))
    assert all(len(topics) == 1 for topics in by_story.values()), by_story  # no unrelated articles merged
    assert {s: sum(1 for a in assignments.values() if a == s) for s in by_story} == story_counts


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    path = folder / "news.db"
    update_store([write_jsonl(folder / "a.jsonl", FIRE[:3] + BUDGET + OTHER[:3])], path, digest_options=NO_MODELS)
    return path


def copy_of(path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.mark.parametrize(("table", "update", "named"), [
    ("stories", "UPDATE stories SET state = x'00ff00' WHERE state IS NOT NULL", "table stories, row"),
    ("articles", "UPDATE articles SET removed = '{not json'", "table articles, row"),
    ("meta", "UPDATE meta SET value = 'abc' WHERE key = 'seen'", "table meta, row 'seen'"),
    ("meta", "UPDATE meta SET value = x'789c00' WHERE key = 'frequencies'", "table meta, row 'frequencies'"),
    ("digests", "UPDATE digests SET json = '{'", "table digests, row"),
])
def test_bad_values_in_rows_name_their_table_and_row(small_store, tmp_path, table, update, named):
    path = copy_of(small_store, tmp_path)
    with sqlite3.connect(path) as db:
        db.execute(update)
    story = store_contents(small_store)[1][0][0]
    for args in (["stories"], ["show", story], ["show", story, "--json", str(tmp_path / "d.json")],
                 ["run", str(write_jsonl(tmp_path / "more.jsonl", OTHER[3:])), "--no-models"]):
        result = runner.invoke(app, [*args, "--store", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        if result.exit_code:
            assert "damaged" in result.output and named in result.output, (args, result.output)


def test_a_store_with_200_flipped_bytes_says_so(small_store, tmp_path):
    path = copy_of(small_store, tmp_path)
    data = bytearray(path.read_bytes())
    rng = random.Random(200)
    for spot in rng.sample(range(100, len(data)), 200):
        data[spot] ^= 0xFF
    path.write_bytes(bytes(data))
    story = store_contents(small_store)[1][0][0]
    for args in (["stories"], ["show", story], ["run", str(write_jsonl(tmp_path / "m.jsonl", OTHER[3:])), "--no-models"]):
        result = runner.invoke(app, [*args, "--store", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output
        if result.exit_code:
            assert "damaged" in result.output or "not a storydesk store" in result.output, result.output


def test_stories_are_listed_in_a_fixed_order(small_store):
    with StoryStore(small_store) as store:
        rows = store.stories()
        first_seq = {story: min(seq for seq, s in enumerate(store.assignments().values()) if s == story)
                     for story in {r.id for r in rows}}
    keys = [(-r.articles, first_seq[r.id]) for r in rows]
    assert keys == sorted(keys)


def test_opening_an_unrelated_sqlite_file_is_a_store_error(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (k, v, w)")
        db.execute("INSERT INTO meta VALUES (1, 2, 3)")
    with pytest.raises(StoreError):
        StoryStore(path)

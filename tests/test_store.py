"""The story store: a real SQLite file that later runs add to, recomputing only the stories that changed."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.reader import ReadOptions
from storydesk.runners.update import update_store
from storydesk.store import StoreError, StoryStore
from tests.test_cluster import BUDGET, DRILL, FIRE, OTHER

runner = CliRunner()


def write_jsonl(path, items, day="2024-03-08"):
    with path.open("w", encoding="utf-8") as handle:
        for article_id, title, text in items:
            handle.write(json.dumps({"id": article_id, "title": title, "text": text, "published": day}) + "\n")
    return path


def groups(store_path) -> set[frozenset[str]]:
    with StoryStore(store_path) as store:
        by_story: dict[str, set[str]] = {}
        for article, story in store.assignments().items():
            by_story.setdefault(story, set()).add(article)
    return {frozenset(g) for g in by_story.values()}


DAY1 = FIRE[:2] + OTHER[:3] + BUDGET
EXPECTED = {frozenset(i for i, _, _ in FIRE[:2]), frozenset(i for i, _, _ in BUDGET)} | {frozenset([i]) for i, _, _ in OTHER[:3]}


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """One store made from two stories (two articles each), shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("store")
    articles = write_jsonl(folder / "day1.jsonl", DAY1)
    store_path = folder / "news.db"
    report = update_store([articles], store_path)
    return store_path, articles, report


def test_store_run_clusters_and_digests_every_story_of_two_or_more(first_run):
    store_path, _, report = first_run
    assert report.added == 7 and report.skipped == 0 and len(report.digested) == 2
    assert groups(store_path) == EXPECTED
    with StoryStore(store_path) as store:
        rows = store.stories()
        assert [r.articles for r in rows] == [2, 2, 1, 1, 1]
        assert [r.digested for r in rows] == [True, True, False, False, False]
        digest = store.digest_dict(rows[0].id)
        assert digest["schema"] == "storydesk.digest/1" and digest["story"]["id"] == rows[0].id
        assert len(digest["articles"]) == 2
        assert rows[0].first_published.date().isoformat() == "2024-03-08"
        # the list shows each digested story under its digest's headline
        assert all(r.headline == store.digest_dict(r.id)["story"]["headline"] for r in rows if r.digested)


def test_store_is_a_real_sqlite_file(first_run):
    store_path, _, _ = first_run
    with sqlite3.connect(store_path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "stories", "digests", "meta"} <= tables
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 7


def test_store_rerun_adds_only_new_articles_and_redigests_only_their_story(tmp_path):
    day1 = write_jsonl(tmp_path / "day1.jsonl", DAY1)
    store_path = tmp_path / "news.db"
    update_store([day1], store_path)
    again = update_store([day1], store_path)
    assert again.added == 0 and again.skipped == 7 and again.digested == []

    day2 = write_jsonl(tmp_path / "day2.jsonl", FIRE[2:] + DRILL[:1] + OTHER[3:], day="2024-03-09")
    report = update_store([day1, day2], store_path)
    assert report.added == 4 and report.skipped == 7
    with StoryStore(store_path) as store:
        assignments = store.assignments()
        fire_story, budget_story = assignments["fire-1"], assignments["budget-1"]
        assert assignments["fire-3"] == fire_story and assignments["drill-1"] not in (fire_story, budget_story)
        assert report.digested == [fire_story]  # the drill has one article: listed, not digested
        assert store.digest_revision(fire_story) == 2 and store.digest_revision(budget_story) == 1
        assert len(store.digest_dict(fire_story)["articles"]) == 3


def test_store_a_page_left_out_is_remembered_not_reported_on_every_run(tmp_path):
    notice = ("notice-1", None, "Home\nNews\nSport\nWeather\nContact us\nPrivacy Policy")
    day1 = write_jsonl(tmp_path / "day1.jsonl", DAY1 + [notice])
    store_path = tmp_path / "news.db"
    first = update_store([day1], store_path)
    assert first.added == 7 and [p.where for p in first.problems if p.fatal] == [f"{day1}:8"]
    again = update_store([day1], store_path)
    # known: 7 stored, 1 left out before; its reason is kept in the store, not printed again
    assert again.added == 0 and again.skipped == 8 and not any(p.fatal for p in again.problems)
    with sqlite3.connect(store_path) as db:
        (reason,) = db.execute("SELECT reason FROM left_out WHERE id='notice-1'").fetchone()
    assert "no article body" in reason


def test_store_interrupted_run_loses_nothing_and_redoes_little(tmp_path):
    articles = write_jsonl(tmp_path / "day1.jsonl", DAY1)
    store_path = tmp_path / "news.db"

    def stop_after_first(stage, done, total):
        if stage == "clustering" or done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # stopped after the first batch of three articles
        update_store([articles], store_path, read_options=ReadOptions(batch=3), progress=stop_after_first)
    with StoryStore(store_path) as store:
        assert len(store.assignments()) == 3 and store.stories()[0].digested is False

    with pytest.raises(KeyboardInterrupt):  # clusters the rest, stops after the first digest
        update_store([articles], store_path, read_options=ReadOptions(batch=3),
                     progress=lambda stage, done, total: stop_after_first("digesting", done, total))
    with StoryStore(store_path) as store:
        assert len(store.assignments()) == 7
        assert sorted(r.digested for r in store.stories() if r.articles > 1) == [False, True]

    report = update_store([articles], store_path)
    assert report.added == 0 and len(report.digested) == 1  # only the digest that was missing
    assert groups(store_path) == EXPECTED


def test_store_rejects_a_file_that_is_not_a_store(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database " * 50)
    with pytest.raises(StoreError, match="not a storydesk store"):
        StoryStore(bogus)


def test_store_cli_run_stories_show_end_to_end(tmp_path, first_run):
    store_path, articles, _ = first_run
    result = runner.invoke(app, ["run", str(articles), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "0 articles added, 7 already seen (stored or left out before); 0 stories digested" in result.output

    listing = runner.invoke(app, ["stories", "--store", str(store_path)])
    assert listing.exit_code == 0 and "story-" in listing.output and "yes" in listing.output
    with StoryStore(store_path) as store:
        story_id = store.stories()[0].id
        stored = store.digest_dict(story_id)

    out_json, out_md, out_html = tmp_path / "s.json", tmp_path / "s.md", tmp_path / "s.html"
    shown = runner.invoke(app, ["show", story_id, "--store", str(store_path), "--json", str(out_json),
                                "--markdown", str(out_md), "--html", str(out_html)])
    assert shown.exit_code == 0, shown.output
    assert json.loads(out_json.read_text()) == stored
    assert out_md.read_text().startswith("# ") and "<html" in out_html.read_text().lower()

    printed = runner.invoke(app, ["show", story_id, "--store", str(store_path)])
    assert printed.exit_code == 0 and stored["story"]["headline"][:20] in printed.output


@pytest.mark.parametrize("args, code, message", [
    (["stories", "--store", "{tmp}/missing.db"], 1, "no store at"),
    (["show", "story-99", "--store", "{store}"], 1, "no story 'story-99'"),
    (["stories", "--store", "{tmp}/bogus.db"], 2, "not a storydesk store"),
])
def test_store_cli_errors_are_one_line_without_traceback(tmp_path, first_run, args, code, message):
    (tmp_path / "bogus.db").write_text("not sqlite " * 100)
    args = [a.format(tmp=tmp_path, store=first_run[0]) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == code and message in result.output and "Traceback" not in result.output


def test_store_cli_cluster_writes_assignments_and_reports_broken_lines(tmp_path):
    articles = write_jsonl(tmp_path / "stream.jsonl", FIRE + OTHER + BUDGET + DRILL)
    with articles.open("a") as handle:
        handle.write("{this is not json\n")
    out = tmp_path / "assign.jsonl"
    result = runner.invoke(app, ["cluster", str(articles), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "stream.jsonl:13: not a JSON record" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == [i for i, _, _ in FIRE + OTHER + BUDGET + DRILL]
    story = {line["id"]: line["story"] for line in lines}
    assert len({story[i] for i, _, _ in FIRE}) == 1 and story["fire-1"] != story["budget-1"] != story["drill-1"]


def test_store_rerun_encodes_only_the_new_sentences(tmp_path):
    """Sentence vectors are kept in the store: a story re-digested after an article joined encodes
    that article's sentences only, even in a fresh process (the encoder's own cache emptied here)."""
    from storydesk.embed import get_encoder
    from storydesk.segment import split_sentences

    day1 = write_jsonl(tmp_path / "day1.jsonl", DAY1)
    store_path = tmp_path / "news.db"
    update_store([day1], store_path)
    with sqlite3.connect(store_path) as db:
        assert db.execute("SELECT COUNT(*) FROM sentence_vectors").fetchone()[0] > 0
    encoder = get_encoder()
    encoder.clear_cache()
    before = encoder.encoded
    day2 = write_jsonl(tmp_path / "day2.jsonl", FIRE[2:3], day="2024-03-09")
    report = update_store([day2], store_path)
    assert len(report.digested) == 1
    with StoryStore(store_path) as store:
        added = store.story_articles(store.assignments()[FIRE[2][0]])[-1]
    new_texts = {s.text for s in split_sentences(added)}
    assert 0 < encoder.encoded - before <= len(new_texts)


def test_store_run_with_two_worker_processes_gives_the_same_digests(tmp_path, first_run):
    store_path, articles, report = first_run
    parallel_path = tmp_path / "parallel.db"
    parallel = update_store([articles], parallel_path, jobs=2)
    assert sorted(parallel.digested) == sorted(report.digested) and not parallel.problems
    with StoryStore(store_path) as one, StoryStore(parallel_path) as two:
        for story_id in report.digested:
            a, b = one.digest_dict(story_id), two.digest_dict(story_id)
            assert a == b


def test_store_merged_stories_move_their_articles_to_the_surviving_story(tmp_path):
    from storydesk.cluster import ClusterOptions
    from storydesk.model import Article
    from tests.test_cluster import FIRE_ROUND_UP, STRICT

    def articles(items):
        return [Article(id=i, title=t, text=body) for i, t, body in items]

    with StoryStore(tmp_path / "news.db", ClusterOptions(merge_threshold=0.5, **STRICT)) as store:
        store.add_articles(articles(OTHER + [FIRE[2], FIRE[1]]))
        before = store.assignments()
        assert before["fire-3"] != before["fire-2"]
        store.add_articles(articles([FIRE_ROUND_UP]))
        (merge,) = store.merges
        after = store.assignments()
        assert after["fire-3"] == after["fire-2"] == after["fire-both"] == merge.target
        stories = {row[0] for row in store._db.execute("SELECT id FROM stories")}
        assert merge.source not in stories and merge.target in stories


def test_store_run_reports_the_stories_that_merged(tmp_path):
    import json

    from storydesk.cluster import ClusterOptions
    from tests.test_cluster import FIRE_ROUND_UP, STRICT

    stream = tmp_path / "stream.jsonl"
    stream.write_text("".join(json.dumps({"id": i, "title": t, "text": body}) + "\n"
                              for i, t, body in OTHER + [FIRE[2], FIRE[1]]))
    first = update_store([stream], tmp_path / "news.db", cluster_options=ClusterOptions(merge_threshold=0.5, **STRICT))
    assert first.merges == []
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": FIRE_ROUND_UP[0], "title": FIRE_ROUND_UP[1], "text": FIRE_ROUND_UP[2]}) + "\n")
    second = update_store([more], tmp_path / "news.db", cluster_options=ClusterOptions(merge_threshold=0.5, **STRICT))
    (merge,) = second.merges
    assert merge.article == "fire-both"


def test_store_merged_story_leaves_the_story_list(tmp_path):
    from storydesk.cluster import ClusterOptions
    from storydesk.model import Article
    from tests.test_cluster import FIRE_ROUND_UP, STRICT

    with StoryStore(tmp_path / "news.db", ClusterOptions(merge_threshold=0.5, **STRICT)) as store:
        store.add_articles([Article(id=i, title=t, text=body) for i, t, body in OTHER + [FIRE[2], FIRE[1], FIRE_ROUND_UP]])
        (merge,) = store.merges
        listed = {card.id for card in store.find_stories(limit=100)}
        assert merge.target in listed and merge.source not in listed


# A round-up telling both the fire and the budget vote starts a story; each event's own reports join
# it, in a later run, and the story drifts apart.
ROUND_UP = ("roundup", "Eastmouth week: port fire and new budget", FIRE[0][2] + " " + BUDGET[0][2])


def test_store_a_story_that_drifts_apart_is_split_and_the_run_reports_what_moved(tmp_path):
    store_path = tmp_path / "news.db"
    first = update_store([write_jsonl(tmp_path / "day1.jsonl", [ROUND_UP, *OTHER, *FIRE])], store_path)
    assert first.splits == []
    with StoryStore(store_path) as store:
        before = store.assignments()
    assert before["roundup"] == before["fire-1"] == before["fire-3"]
    second = update_store([write_jsonl(tmp_path / "day2.jsonl", BUDGET, day="2024-03-09")], store_path)
    (split,) = second.splits
    assert split.source == before["roundup"]
    # One event's reports leave (with the round-up or without it: it tells both), the other's stay.
    assert set(split.articles) & {"fire-1", "budget-1"} and not {"fire-1", "budget-1"} <= set(split.articles)
    with StoryStore(store_path) as store:
        after = store.assignments()
        assert {a for a, s in after.items() if s == split.target} == set(split.articles)
        assert after["budget-1"] == after["budget-2"] != after["fire-1"] == after["fire-2"] == after["fire-3"]
        rows = {s.id: s for s in store.stories()}
        assert rows[split.source].articles + rows[split.target].articles == 6
        assert rows[split.target].articles == len(split.articles)
        assert {split.source, split.target} <= set(second.digested)
        assert store.digest(split.target) is not None
    # A third run starts from the saved state: the split story stays split and gains its follow-up.
    third = update_store([write_jsonl(tmp_path / "day3.jsonl", [("budget-3", BUDGET[1][1], BUDGET[1][2] + " Haddad.")],
                                      day="2024-03-10")], store_path)
    assert third.splits == []
    with StoryStore(store_path) as store:
        assert store.assignments()["budget-3"] == store.assignments()["budget-1"]


def test_store_run_command_says_which_articles_left_a_split_story(tmp_path):
    day1 = write_jsonl(tmp_path / "day1.jsonl", [ROUND_UP, *OTHER, *FIRE])
    day2 = write_jsonl(tmp_path / "day2.jsonl", BUDGET, day="2024-03-09")
    store_path = tmp_path / "news.db"
    assert runner.invoke(app, ["run", "--store", str(store_path), str(day1)]).exit_code == 0
    result = runner.invoke(app, ["run", "--store", str(store_path), str(day2)])
    assert result.exit_code == 0, result.output
    assert "1 stories split" in result.output
    assert "split: fire-1, fire-2, fire-3 moved to new story" in result.output or \
        "split: budget-1, budget-2 moved to new story" in result.output


def test_store_cli_cluster_prints_each_article_in_its_story_after_later_splits(tmp_path):
    """`cluster` writes every article's final story: the same groups `run` leaves in a real store,
    even when a story split after its first articles were placed."""
    stream = write_jsonl(tmp_path / "stream.jsonl", [ROUND_UP, *OTHER, *FIRE, *BUDGET])
    out = tmp_path / "assign.jsonl"
    assert runner.invoke(app, ["cluster", str(stream), "--out", str(out)]).exit_code == 0
    store_path = tmp_path / "news.db"
    result = runner.invoke(app, ["run", "--no-models", "--store", str(store_path), str(stream)])
    assert result.exit_code == 0, result.output
    assert "1 stories split" in result.output  # the case this test is about happened
    by_story: dict[str, set[str]] = {}
    for line in out.read_text().splitlines():
        record = json.loads(line)
        by_story.setdefault(record["story"], set()).add(record["id"])
    assert {frozenset(g) for g in by_story.values()} == groups(store_path)
    with StoryStore(store_path) as store:
        assert {json.loads(line)["story"] for line in out.read_text().splitlines()} == set(store.assignments().values())

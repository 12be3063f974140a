"""The store's read side: story cards and full-text search, kept up to date by every run, filtered by date."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.runners.update import update_store
from storydesk.store import StoryStore
from storydesk.storyindex import SearchError, first_sentence, search_query
from tests.test_cluster import BUDGET, DRILL, FIRE, OTHER
from tests.test_store import write_jsonl

runner = CliRunner()


@pytest.fixture(scope="module")
def two_days(tmp_path_factory):
    """Day 1: the fire (2 articles) and the budget (2); day 2: the drill (1) and more on the fire."""
    folder = tmp_path_factory.mktemp("index")
    store_path = folder / "news.db"
    update_store([write_jsonl(folder / "day1.jsonl", FIRE[:2] + BUDGET, day="2024-03-08")], store_path)
    update_store([write_jsonl(folder / "day2.jsonl", FIRE[2:] + DRILL[:1] + OTHER[:1], day="2024-03-09")], store_path)
    with StoryStore(store_path) as store:
        story = store.assignments()
    return store_path, story


def test_index_cards_newest_day_and_biggest_first(two_days):
    store_path, story = two_days
    with StoryStore(store_path) as store:
        cards = store.find_stories()
    assert [c.id for c in cards][:1] == [story["fire-1"]]  # day 2, three articles
    fire = cards[0]
    assert fire.articles == 3 and fire.has_digest and not fire.stale and fire.last_published.date() == date(2024, 3, 9)
    assert fire.lead and fire.lead in json.dumps(StoryStore(store_path).digest_dict(fire.id)["summary"][0]["text"])
    days = [c.last_published.date() for c in cards]
    assert days == sorted(days, reverse=True)
    budget = next(c for c in cards if c.id == story["budget-1"])
    assert budget.articles == 2 and budget.sources == 2 and budget.last_published.date() == date(2024, 3, 8)
    drill = next(c for c in cards if c.id == story["drill-1"])
    assert not drill.has_digest and drill.lead.startswith("Dockworkers and emergency crews")


def test_index_search_finds_words_in_article_text_and_filters_by_day(two_days):
    store_path, story = two_days
    with StoryStore(store_path) as store:
        assert [c.id for c in store.find_stories(search="property taxes")] == [story["budget-1"]]
        hit = store.find_stories(search="TAXES")[0]
        assert "\x02tax" in hit.snippet.lower()  # stemmed: taxes finds tax
        # stemmed: 'firefighter' finds 'firefighters'; every word must be there
        assert story["fire-1"] in {c.id for c in store.find_stories(search="firefighter")}
        assert store.find_stories(search="firefighter budget libraries") == []
        assert store.find_stories(search="property", since=date(2024, 3, 9)) == []
        assert [c.id for c in store.find_stories(search="property", until=date(2024, 3, 8))] == [story["budget-1"]]
        assert {c.id for c in store.find_stories(since=date(2024, 3, 9))} == {story["fire-1"], story["drill-1"],
                                                                             story["other-rail"]}
        assert len(store.find_stories(limit=1)) == 1


@pytest.mark.parametrize("words", ['tax" OR "x', "NEAR(fire harbor)", "fire*", "-fire", "budget AND", "^a", "x'y"])
def test_index_search_words_are_never_query_syntax(two_days, words):
    store_path, _ = two_days
    with StoryStore(store_path) as store:
        store.find_stories(search=words)  # no sqlite3.OperationalError: every word is quoted


def test_index_search_without_a_word_is_an_error():
    with pytest.raises(SearchError):
        search_query(" ?! -- ")
    assert search_query('harbour "fire"') == '"harbour" "fire"'


def test_index_is_built_for_a_store_made_before_it(two_days, tmp_path):
    store_path, story = two_days
    old = tmp_path / "old.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(old) as target:
        source.backup(target)
        target.executescript("DROP TABLE story_cards; DROP TABLE story_search;")
    with StoryStore(store_path) as store:
        before = store.find_stories()
    with StoryStore(old) as store:
        assert [c.id for c in store.find_stories(search="property taxes")] == [story["budget-1"]]
        assert store.find_stories() == before and len(before) == 4


def test_index_first_sentence():
    assert first_sentence("Mr. Smith went home. Then he slept.") == "Mr. Smith went home."
    assert first_sentence("No full stop here") == "No full stop here"
    assert first_sentence("x" * 500).endswith("…") and len(first_sentence("x" * 500)) == 301


def test_cli_stories_filters_and_json(two_days):
    store_path, story = two_days
    listing = runner.invoke(app, ["stories", "--store", str(store_path)])
    assert listing.exit_code == 0 and listing.output.splitlines()[0].startswith(story["fire-1"] + "\t2024-03-09\t3 articles")
    as_json = runner.invoke(app, ["stories", "--store", str(store_path), "--json", "--search", "property taxes"])
    lines = [json.loads(line) for line in as_json.output.splitlines()]
    assert as_json.exit_code == 0 and [line["id"] for line in lines] == [story["budget-1"]]
    assert lines[0]["articles"] == 2 and "tax" in lines[0]["snippet"]
    dated = runner.invoke(app, ["stories", "--store", str(store_path), "--json", "--until", "2024-03-08", "--limit", "1"])
    assert [json.loads(line)["id"] for line in dated.output.splitlines()] == [story["budget-1"]]
    bad = runner.invoke(app, ["stories", "--store", str(store_path), "--since", "yesterday"])
    assert bad.exit_code == 2 and "not a date" in bad.output and "Traceback" not in bad.output
    empty = runner.invoke(app, ["stories", "--store", str(store_path), "--search", "?!"])
    assert empty.exit_code == 2 and "nothing to search for" in empty.output


def test_cli_show_renders_the_stored_digest_without_digesting_again(two_days, tmp_path, monkeypatch):
    import storydesk
    import storydesk.pipeline

    store_path, story = two_days

    def no_digest(*_, **__):
        raise AssertionError("show digested the story again")

    monkeypatch.setattr(storydesk.pipeline, "digest_articles", no_digest)
    with StoryStore(store_path) as store:
        stored = store.digest_dict(story["fire-1"])
    page = tmp_path / "fire.html"
    shown = runner.invoke(app, ["show", story["fire-1"], "--store", str(store_path), "--out", str(page)])
    assert shown.exit_code == 0, shown.output
    assert page.read_text() == storydesk.to_html(storydesk.from_dict(stored))
    as_json = runner.invoke(app, ["show", story["budget-1"], "--store", str(store_path), "--format", "json"])
    with StoryStore(store_path) as store:
        assert json.loads(as_json.output) == store.digest_dict(story["budget-1"])


def test_cli_export_writes_a_report_per_story_an_index_and_the_json(two_days, tmp_path):
    store_path, story = two_days
    out = tmp_path / "site"
    result = runner.invoke(app, ["export", "--store", str(store_path), str(out)])
    assert result.exit_code == 0, result.output
    assert "2 stories written" in result.output and "2 without a digest left out" in result.output
    listed = json.loads((out / "stories.json").read_text())
    assert [s["id"] for s in listed] == [story["fire-1"], story["budget-1"]]
    index = (out / "index.html").read_text()
    for entry in listed:
        assert f'href="{entry["file"].removesuffix(".json")}.html"' in index
        page = (out / entry["file"]).with_suffix(".html").read_text()
        assert "default-src 'none'" in page and "<script" not in page
        with StoryStore(store_path) as store:
            assert json.loads((out / entry["file"]).read_text()) == store.digest_dict(entry["id"])
    assert "<script" not in index and 'href="http' not in index
    dated = runner.invoke(app, ["export", "--store", str(store_path), str(tmp_path / "day2"), "--since", "2024-03-09"])
    assert dated.exit_code == 0 and [s["id"] for s in json.loads((tmp_path / "day2" / "stories.json").read_text())] == [
        story["fire-1"]]
    missing = runner.invoke(app, ["export", "--store", str(tmp_path / "none.db"), str(out)])
    assert missing.exit_code == 1 and "no store at" in missing.output and "Traceback" not in missing.output


def test_export_file_names_are_safe_for_any_story_id():
    from storydesk.serve.export import file_stem

    assert file_stem("story-12") == "story-12"
    odd = file_stem("../../etc/passwd")
    assert "/" not in odd and not odd.startswith(".") and odd != file_stem("..//etc/passwd")


def test_index_without_a_limit_lists_every_story():
    """export and `stories` take every story, however many (the API's cap is the API's own)."""
    from storydesk.storyindex import INDEX_SCHEMA, MAX_LIMIT, find_stories

    db = sqlite3.connect(":memory:")
    db.executescript(INDEX_SCHEMA)
    many = MAX_LIMIT + 100
    db.executemany("INSERT INTO story_cards (story, headline, lead, articles, sources, conflicts, day, revision, stale)"
                   " VALUES (?, 'h', 'l', 2, 2, 0, '2024-03-08', 1, 0)", [(f"s{i}",) for i in range(many)])
    assert len(find_stories(db)) == many and len(find_stories(db, limit=10)) == 10


def test_cli_serve_refuses_a_missing_or_foreign_store_in_one_line(tmp_path):
    missing = runner.invoke(app, ["serve", "--store", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store at" in missing.output and "Traceback" not in missing.output
    (tmp_path / "notes.db").write_text("not sqlite " * 100)
    foreign = runner.invoke(app, ["serve", "--store", str(tmp_path / "notes.db")])
    assert foreign.exit_code == 2 and "not a storydesk store" in foreign.output


def test_index_lead_is_not_the_headline_again(tmp_path):
    """An untitled story's headline is its summary's first sentence; the card's lead is the next one."""
    untitled = [(i, "", text) for i, _, text in BUDGET]
    store_path = tmp_path / "news.db"
    update_store([write_jsonl(tmp_path / "untitled.jsonl", untitled)], store_path)
    with StoryStore(store_path) as store:
        card = next(c for c in store.find_stories() if c.has_digest)
        summary = [s["text"] for s in store.digest_dict(card.id)["summary"]]
    assert card.headline and not card.lead.startswith(card.headline.rstrip("…"))
    assert card.lead == (summary[1] if len(summary) > 1 else "")

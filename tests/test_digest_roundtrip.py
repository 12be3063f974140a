"""storydesk.from_dict: a stored digest read back is the digest that was stored (to_dict(from_dict(d)) == d),
and renders exactly as the digest did, on the bundled example and on real Multi-News clusters."""

from __future__ import annotations

import json

import pytest

import storydesk
from storydesk.model import Digest
from tests.conftest import DATA, validate
from tests.digest_factory import hostile_digest

MULTINEWS = DATA / "multinews" / "val.jsonl"


def _round_trip(digest: Digest) -> tuple[dict, Digest]:
    stored = json.loads(storydesk.to_json(digest, indent=None))  # what the store keeps: JSON text
    return stored, storydesk.from_dict(stored)


def test_from_dict_round_trips_the_example_and_renders_identically(example_digest, schema):
    stored, back = _round_trip(example_digest)
    assert storydesk.to_dict(back) == stored
    validate(storydesk.to_dict(back), schema)
    assert storydesk.to_html(back) == storydesk.to_html(example_digest)
    assert storydesk.to_markdown(back) == storydesk.to_markdown(example_digest)
    # found again from the stored pairs: the three wire copies count as one source
    assert back.reuse.copy_groups == example_digest.reuse.copy_groups
    assert back.reuse.independent_count([a.id for a in back.articles]) == 3
    assert [e.mention_total for e in back.extraction.entities] == [len(e.mentions) for e in example_digest.extraction.entities]


def test_from_dict_round_trips_hostile_text_and_every_section():
    digest = hostile_digest()
    stored, back = _round_trip(digest)
    assert storydesk.to_dict(back) == stored
    assert back.articles[1].removed == digest.articles[1].removed
    assert back.alignment.conflicts == digest.alignment.conflicts
    assert back.story == digest.story


@pytest.mark.slow
def test_from_dict_round_trips_real_multinews_digests():
    if not MULTINEWS.exists():
        pytest.skip(f"{MULTINEWS} not found")
    from storydesk.pipeline import Options, digest_articles
    from storydesk.runners.summaries import summarize_cluster

    records = [json.loads(line) for line in MULTINEWS.read_text(encoding="utf-8").splitlines()]
    # two clusters of three articles (the first in file order): cheap enough for a test, real scraped text
    clusters = [r for r in records if len(r["documents"]) == 3][:2]
    for record in clusters:
        articles = summarize_cluster(record, record["id"]).articles
        digest = digest_articles(list(articles), Options(story_id=record["id"]))
        stored, back = _round_trip(digest)
        assert storydesk.to_dict(back) == stored, record["id"]
        assert storydesk.to_html(back) == storydesk.to_html(digest), record["id"]


@pytest.mark.parametrize("bad", [
    None, [], {"schema": "other/1"}, {"schema": "storydesk.digest/1"},
    {"schema": "storydesk.digest/1", "story": {"id": "s"}, "articles": []},
])
def test_from_dict_rejects_what_is_not_a_digest_with_value_error(bad):
    with pytest.raises(ValueError):
        storydesk.from_dict(bad)

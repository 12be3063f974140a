"""The digest end to end: the bundled example validates, and every offset points into its text."""

from __future__ import annotations

import json

import pytest

import storydesk
from storydesk.model import Article, RawDocument, Span
from storydesk.pipeline import NothingToDigest
from tests.conftest import EXAMPLE_DIR, published, validate


def iter_spans(doc: dict):
    """Every (article, start, end) the JSON digest points at, with where it sits."""
    for kind in ("quotes", "facts", "timeline", "summary"):
        for item in doc[kind]:
            for ev in item.get("evidence", []):
                yield kind, ev["article"], ev["start"], ev["end"]
    for conflict in doc["conflicts"]:
        for claim in conflict["claims"]:
            for ev in claim.get("evidence", []):
                yield "conflicts", ev["article"], ev["start"], ev["end"]
    for pair in doc["reuse"]:
        for p in pair["passages"]:
            yield "reuse", pair["a"], p["a_start"], p["a_end"]
            yield "reuse", pair["b"], p["b_start"], p["b_end"]


def test_pipeline_example_validates_against_schema(example_digest, schema):
    doc = json.loads(storydesk.to_json(example_digest))
    validate(doc, schema)
    assert len(doc["articles"]) == len({p.stem for p in EXAMPLE_DIR.glob("*.txt")} | {p.stem for p in EXAMPLE_DIR.glob("*.html")})
    assert doc["summary"], "the example must produce a summary"


def test_pipeline_every_offset_points_into_its_article(example_digest):
    doc = json.loads(storydesk.to_json(example_digest))
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    count = 0
    for kind, article, start, end in iter_spans(doc):
        assert article in texts, f"{kind} points at unknown article {article}"
        assert 0 <= start < end <= len(texts[article]), f"{kind} span {start}:{end} out of {article}"
        count += 1
    assert count > 0
    for s in example_digest.summary:
        for span in s.evidence:
            assert texts[span.article][span.start:span.end].strip()


def test_pipeline_sources_are_known_articles(example_digest):
    doc = json.loads(storydesk.to_json(example_digest))
    ids = {a["id"] for a in doc["articles"]}
    for kind in ("entities", "quotes", "facts", "timeline", "summary"):
        for item in doc[kind]:
            assert set(item["sources"]) <= ids, kind
    for conflict in doc["conflicts"]:
        for claim in conflict["claims"]:
            assert set(claim["sources"]) <= ids


def test_pipeline_jsonl_and_files_give_the_same_articles(tmp_path):
    jsonl = EXAMPLE_DIR.parent / "harbor-fire.jsonl"
    if not jsonl.exists():
        pytest.skip("example JSONL not present")
    from_jsonl = storydesk.digest([jsonl], strict=True)
    assert sorted(a.id for a in from_jsonl.articles) == sorted(
        p.stem for p in EXAMPLE_DIR.iterdir() if p.suffix in (".txt", ".html")
    )


def test_pipeline_accepts_articles_and_raw_documents():
    raw = RawDocument(id="r", content="Fire at the harbor\n\nA fire broke out on Friday. Six were hurt.")
    art = Article(id="c", text="Firefighters fought a harbor fire on Friday.", title="Harbor fire")
    result = storydesk.digest([raw, art], published=published("2024-03-10"), strict=True)
    assert {a.id for a in result.articles} == {"r", "c"}
    assert all(a.published.date().isoformat() == "2024-03-10" for a in result.articles)
    assert result.summary and all(set(s.sources) <= {"r", "c"} for s in result.summary)


def test_pipeline_untitled_story_is_headed_by_its_summary_lead_not_a_side_detail():
    a = Article(id="a", text="Of the 12 arrested, seven were booked at the county jail, police said.\n\n"
                             "Three people were stabbed and 12 were arrested during a brawl at a park rally on Saturday, "
                             "police said.")
    b = Article(id="b", text="Three people were stabbed and a dozen arrested in a brawl at a rally in the park on "
                             "Saturday, police said.\n\nThe rally had been announced a week before.")
    result = storydesk.digest([a, b], published=published("2024-03-10"), strict=True)
    assert result.summary
    assert result.story.headline == result.summary[0].text
    assert result.story.headline.startswith("Three people were stabbed")


def test_pipeline_nothing_readable_raises_with_problems(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NothingToDigest) as info:
        storydesk.digest([tmp_path / "empty.txt"])
    assert "empty" in str(info.value.problems[0])


def test_pipeline_a_failing_stage_is_recorded_not_fatal(monkeypatch):
    from storydesk import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline.extract, "extract", broken)
    result = storydesk.digest([Article(id="a", text="One sentence here.", title="T")])
    assert any("stage extract" in str(p) and "boom" in str(p) for p in result.problems)
    assert result.extraction.entities == ()


def test_model_independent_count_counts_copy_groups_once():
    from storydesk.model import ReuseReport

    report = ReuseReport(copy_groups=(frozenset({"a", "b", "c"}),))
    assert report.independent_count({"a", "b", "d"}) == 2
    assert report.independent_count({"d", "e"}) == 2
    assert Span("a", 1, 2).end == 2


def test_pipeline_caps_a_huge_article_at_a_paragraph_break_and_says_so():
    from storydesk.pipeline import cap_article_length

    paragraph = "The council met again on Tuesday and residents spoke at length about the harbour plan."
    article = Article("long", "\n\n".join([paragraph] * 100), path="long.txt")
    problems: list = []
    capped = cap_article_length(article, problems, limit=1000)
    assert len(capped.text) <= 1000 and capped.text.endswith(paragraph)
    assert article.text.startswith(capped.text)
    assert len(problems) == 1 and "long.txt" in str(problems[0]) and "first" in problems[0].message
    assert cap_article_length(capped, problems, limit=1000) is capped and len(problems) == 1


def test_pipeline_summary_groundwork_made_beside_the_encoder_gives_the_same_summary(example_digest):
    """The pipeline makes the summary's alignment-free part (`summarize.groundwork`) while the
    encoder finishes; summarize given it, or given one made of other articles, says the same."""
    from storydesk.summarize import groundwork, summarize

    d = example_digest
    articles, sentences = list(d.articles), list(d.sentences)
    alone = summarize(articles, sentences, d.alignment, d.reuse)
    prepared = groundwork(articles, sentences)
    assert prepared.candidates and prepared.index is not None
    assert summarize(articles, sentences, d.alignment, d.reuse, prepared=prepared) == alone
    other = groundwork(articles[:1], [s for s in sentences if s.article == articles[0].id])
    assert summarize(articles, sentences, d.alignment, d.reuse, prepared=other) == alone
    assert tuple(alone) == d.summary


def test_pipeline_a_failing_summary_groundwork_is_recorded_once_by_the_summarize_stage(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("storydesk.summarize.find_candidates", broken)
    result = storydesk.digest([Article(id="a", text="One sentence here. Another one follows it.", title="T")])
    assert [str(p).count("boom") for p in result.problems if "boom" in str(p)] == [1]
    assert any("stage summarize" in str(p) for p in result.problems)
    assert result.summary == ()


def test_pipeline_align_groundwork_made_beside_the_encoder_gives_the_same_alignment(example_digest):
    """The align stage's vector-free part (timeline, counts in words, conflicts that read no
    similarity: `align.groundwork`) made ahead gives the alignment made without it."""
    from storydesk import align

    d = example_digest
    articles, sentences = list(d.articles), list(d.sentences)
    alone = align.align_facts(articles, sentences, d.extraction, d.reuse)
    prepared = align.groundwork(articles, sentences, d.extraction, d.reuse)
    assert align.align_facts(articles, sentences, d.extraction, d.reuse, prepared) == alone == d.alignment
    assert alone.conflicts and alone.timeline
    other = align.groundwork(articles[:1], [s for s in sentences if s.article == articles[0].id], d.extraction, d.reuse)
    assert align.align_facts(articles, sentences, d.extraction, d.reuse, other) == alone


def test_pipeline_a_failing_align_groundwork_is_recorded_once_by_the_align_stage(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("storydesk.align.build_timeline", broken)
    result = storydesk.digest([Article(id="a", text="One sentence here on 3 May 2021. Another one follows it.", title="T")])
    assert [str(p).count("boom") for p in result.problems if "boom" in str(p)] == [1]
    assert any("stage align" in str(p) for p in result.problems)

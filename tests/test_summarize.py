"""The cited summary: within its length, every sentence cited and verifiable, no boilerplate,
the minority side of a conflict not leading, and the batch command."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.model import Article
from storydesk.pipeline import summarize_articles


def test_summarize_example_is_cited_and_within_length(example_digest):
    summary = example_digest.summary
    assert summary
    words = sum(len(s.text.split()) for s in summary)
    assert words <= 120 * 1.1
    texts = {a.id: a.text for a in example_digest.articles}
    for sentence in summary:
        assert sentence.sources and set(sentence.sources) <= set(texts)
        assert any(sentence.text in texts[a] for a in sentence.sources), "taken verbatim from a cited article"
        for span in sentence.evidence:
            assert span.article in sentence.sources and texts[span.article][span.start:span.end]
        assert not re.search(r"click|read more|newsletter|advertisement", sentence.text, re.I)
    assert max(len(s.sources) for s in summary) >= 4, "wire facts cite every article carrying them"


def test_summarize_keeps_the_disputed_minority_count_out(example_digest):
    assert not any("six firefighters" in s.text for s in example_digest.summary)
    assert any("at least four firefighters" in s.text for s in example_digest.summary)


def test_summarize_does_not_cite_an_article_with_a_different_number():
    a = Article(id="a", text="Five firefighters were injured when the roof of the burning warehouse collapsed on Friday night.")
    b = Article(id="b", text="Five firefighters were injured when the roof of the burning warehouse collapsed late on Friday.")
    c = Article(id="c", text="Seven firefighters were injured when the roof of the burning warehouse collapsed on Friday night.")
    summary = summarize_articles([a, b, c], words=20)
    first = summary[0]
    if "Five" in first.text:
        assert "c" not in first.sources and "b" in first.sources
    else:
        assert first.sources == ("c",)


def test_summarize_batch_command_reports_broken_lines(tmp_path):
    stories = tmp_path / "stories.jsonl"
    good = {"id": "s1", "documents": [
        {"id": "d1", "text": "A fire destroyed two warehouses at the harbour early on Friday, officials said on Saturday."},
        {"id": "d2", "text": "Two harbour warehouses were destroyed by a fire early on Friday, officials said."}]}
    stories.write_text(json.dumps(good) + "\n{oops\n" + json.dumps({"id": "s2", "documents": []}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["summarize", str(stories), "--out", str(out), "--words", "30"])
    assert result.exit_code == 0, result.output
    assert "stories.jsonl:2" in result.output and "stories.jsonl:3" in result.output
    (line,) = out.read_text().splitlines()
    record = json.loads(line)
    assert record["id"] == "s1" and record["summary"][0]["sources"]
    assert set(record["summary"][0]["sources"]) <= {"d1", "d2"}

"""Issue 23: a `digest` of more articles than one story holds is refused at once, saying what to do."""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

import storydesk
from storydesk.cli import app
from storydesk.pipeline import MAX_STORY_ARTICLES, StoryTooBig

TEXT = "The council approved the harbor budget on Tuesday after a long debate, officials said."


def test_too_many_articles_are_refused_before_any_stage_runs(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": f"{TEXT} Item {i}."}) + "\n"
                            for i in range(MAX_STORY_ARTICLES + 1)))
    started = time.process_time()
    result = CliRunner().invoke(app, ["digest", str(path), "--no-models"])
    assert time.process_time() - started < 30
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{MAX_STORY_ARTICLES + 1:,} articles" in result.output
    assert "storydesk cluster" in result.output and "storydesk run" in result.output


def test_the_limit_is_an_option_of_the_python_api(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": TEXT}) + "\n" for i in range(3)))
    with pytest.raises(StoryTooBig):
        storydesk.digest([path], max_articles=2, models=False)
    assert len(storydesk.digest([path], max_articles=3, models=False).articles) == 3

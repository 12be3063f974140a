"""The align stage parses only the sentences whose parse it reads (issue 19): a sentence with no
candidate partner in another article needs no stance and no speaker, so it is never parsed."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts, frames
from storydesk.model import Extraction, ReuseReport
from tests.test_align import story

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def test_only_sentences_of_candidate_pairs_are_parsed() -> None:
    shared_x = "A fire destroyed two warehouses at the harbour early on Friday, officials said."
    shared_y = "Officials said a fire destroyed two warehouses at the harbour early Friday."
    alone_x = "The city council will vote on a new budget for public libraries next spring."
    alone_y = "Tickets for the summer music festival went on sale online this morning."
    articles, sentences = story({"x": [shared_x, alone_x], "y": [shared_y, alone_y]})
    frames.clear_cache()
    alignment = align_facts(articles, sentences, Extraction(), ReuseReport())
    assert any({"x", "y"} <= set(f.sources) for f in alignment.facts)  # the pair is one fact
    from storydesk.nlp import _parsed

    parsed = set(_parsed)
    assert {shared_x, shared_y} <= parsed
    assert not {alone_x, alone_y} & parsed

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


def test_counts_no_other_outlet_gives_are_not_parsed() -> None:
    """The count conflicts parse only sentences whose counts can meet another article's count of
    the same noun; a story's other counts change nothing and are never parsed."""
    from tests.test_align import quantities

    rival_x = "Two warehouses were destroyed by the fire."
    rival_y = "Three warehouses were destroyed by the fire."
    alone = "The clinic now sees 40 patients a day."
    articles, sentences = story({"x": [rival_x, alone], "y": [rival_y]})
    extraction = Extraction(quantities=quantities(sentences, "warehouse") + quantities(sentences, "patient"))
    frames.clear_cache()
    conflicts = align_facts(articles, sentences, extraction, ReuseReport()).conflicts
    assert [(c.kind, c.severity) for c in conflicts] == [("quantity", "contradiction")]
    from storydesk.nlp import _parsed

    assert {rival_x, rival_y} <= set(_parsed)
    assert alone not in _parsed


def test_a_quote_given_to_one_name_is_not_parsed() -> None:
    """An attribution conflict needs two named speakers of one quotation: the sentence of a quote
    that one article alone gives is never parsed for it."""
    from storydesk.model import Quote, QuoteMention, Span

    said_x = '"We were lucky," Hassan al-Rubaie said.'
    said_y = '"We were lucky," Youssef el-Amrani said.'
    alone = '"The budget is a disgrace," council member Priya Natarajan said on Tuesday evening.'
    articles, sentences = story({"x": [said_x, alone], "y": [said_y]})
    mentions = tuple(
        QuoteMention(s.article, "We were lucky,", Span(s.article, 1, 15), speaker, sentence=0)
        for s, speaker in zip([sentences[0], sentences[2]], ["Hassan al-Rubaie", "Youssef el-Amrani"], strict=True)
    )
    lucky = Quote("q1", "We were lucky,", None, ("x", "y"), mentions=mentions)
    start = sentences[1].start
    budget = Quote("q2", "The budget is a disgrace,", "Priya Natarajan", ("x",), mentions=(
        QuoteMention("x", "The budget is a disgrace,", Span("x", start + 1, start + 26), "Priya Natarajan", sentence=1),))
    frames.clear_cache()
    conflicts = align_facts(articles, sentences, Extraction(quotes=(lucky, budget)), ReuseReport()).conflicts
    assert [c.kind for c in conflicts] == ["attribution"]
    assert {claim.value for claim in conflicts[0].claims} == {"Hassan al-Rubaie", "Youssef el-Amrani"}
    from storydesk.nlp import _parsed

    assert alone not in _parsed

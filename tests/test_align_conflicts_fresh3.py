"""Conflicts read on the fresh3 real clusters (issue 16, fifth round): reports that were false,
and disagreements the stage missed, each reworded from the cluster that showed it."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.align.frames import same_person
from storydesk.model import Extraction, Quote, QuoteMention, ReuseReport, Span
from tests.test_align import story
from tests.test_align_conflict_kinds import kinds

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def test_a_name_suffix_is_no_surname() -> None:
    """ta116: 'William W. Taylor III' and 'Bill Taylor' are one lawyer."""
    assert same_person("William W. Taylor III", "Bill Taylor")
    assert same_person("Martin Luther King Jr.", "King")
    assert not same_person("William W. Taylor III", "James Camp")


def test_one_speaker_under_a_suffixed_name_is_no_attribution_conflict() -> None:
    text = '"This is just another attempt by Republicans to vilify Ms. Lerner for political gain," he said.'
    articles, sentences = story({"x": [text], "y": [text]})
    mentions = tuple(QuoteMention(s.article, text[1:86], Span(s.article, 1, 86), speaker, sentence=0)
                     for s, speaker in zip(sentences, ["William W. Taylor III", "Bill Taylor"], strict=True))
    quote = Quote("q1", text[1:86], None, ("x", "y"), mentions=mentions)
    assert align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts == ()


@pytest.mark.parametrize(("a", "b"), [
    # ta116: both outlets say she refused; "refusing" is a negation too
    ("Issa has said that Lerner, who has twice refused to answer questions in front of the Oversight panel, "
     "is the most important figure in his investigation.",
     "The actions come a day before the House Oversight Committee will vote to hold Lerner in contempt of "
     "Congress for refusing to answer questions on the controversy."),
    # ta103: a judge denying a request, then sentencing: the sentencing is not denied
    ("A judge denied prosecutors' request for a six-year prison sentence last week, instead sentencing Turner "
     "to six months in county jail.",
     "Turner faced at least two years in state prison until the judge found grounds to sentence him to county "
     "jail and three years probation instead."),
])
def test_claims_that_do_not_contradict(a: str, b: str) -> None:
    assert kinds(a, b) == []


def test_a_count_inside_a_denied_request_is_no_count() -> None:
    """ta103: the six years prosecutors asked for and the judge denied are no rival of the two
    years the law prescribes."""
    assert kinds("A judge denied prosecutors' request for a six-year prison sentence last week.",
                 "The sentence is much more lenient than the two years in prison prescribed by law for the crime.") == []


def test_a_stated_count_still_conflicts() -> None:
    assert kinds("The judge gave Turner a six-year prison sentence last week.",
                 "The judge gave Turner a two-year prison sentence last week.") == ["quantity"]

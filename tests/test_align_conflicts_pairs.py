"""Conflicts read on the two-article real clusters (issue 16, "pairs" split of
benchmarks/gold/align/real): reports that were false, and disagreements the stage missed, each
reworded from the cluster that showed it."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.model import Extraction, Quote, QuoteMention, ReuseReport, Span
from tests.test_align import story
from tests.test_align_conflict_kinds import extracted, kinds

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def quantities(a: str, b: str) -> list[tuple[set[str], str]]:
    articles, sentences = story({"x": [a], "y": [b]})
    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    return [({str(claim.value) for claim in c.claims}, c.severity) for c in conflicts if c.kind == "quantity"]


def test_shares_pair_by_what_they_are_shares_of() -> None:
    """ta179: each outlet gives the share of men and the share of women the device fits."""
    found = quantities(
        "The present model is the right size for 70 per cent of men and 25 per cent of women, but a smaller "
        "version is being developed.",
        "The sheer size of the artificial heart means it can fit in 86 percent of men but only around 20 percent "
        "of women.")
    assert sorted(sorted(values) for values, _ in found) == [["25", "~20"], ["70", "86"]]


def test_shares_of_different_groups_are_no_rivals_however_close_the_sentences() -> None:
    """Multi-News ta145 (read by the lead, in no gold set): two outlets on young adults living with
    their parents, one giving the share of an age group that lives alone, the other the share of
    Canadians in their twenties at home."""
    assert quantities(
        "Living alone, as a single parent, or with roommates is now the choice of 14 percent of people in that "
        "age group living with their parents.",
        "According to a recent census survey, 42 percent of Canadian adults age 20 to 29 live in their "
        "parents' homes.") == []


def test_a_rate_in_a_thousand_is_no_count() -> None:
    """Multi-News ta216 (read by the lead, in no gold set): six cases found against a rate of five
    cases in 1,000 that the other outlet works out from them."""
    assert quantities(
        "Archaeologists have uncovered six cases of cancer while studying the bodies of ancient Egyptians "
        "buried long ago in the Dakhleh Oasis.",
        "That is a rate of 5 cases of cancer in 1,000 among the ancient Egyptians buried in the Dakhleh Oasis, "
        "far below today's rate.") == []


def test_a_multiplier_is_no_count_of_times() -> None:
    """ta190: '4.3 times more likely' is a risk ratio, not how often anyone was bullied."""
    assert kinds("A total of 421 participants in the study reported being bullied at least once.",
                 "Victims of bullying in the study were 4.3 times more likely to have an anxiety disorder.") == []


def test_a_rate_per_person_is_no_count_of_one_group() -> None:
    """ta045: a fertility rate against one country's average family."""
    assert kinds("South of the Sahara, fertility is still five children per woman, the report says.",
                 "In poor rural countries the average woman has seven children, the report says.") == []


def test_a_count_set_in_a_past_century_is_another_time() -> None:
    """ta045: the families of 18th-century Europe are no rival of today's."""
    past = "In 18th-century Europe, when the average woman had six children, most of them died young."
    assert kinds(past, "Today the average woman has seven children, and most of them die young.") == []
    assert kinds(past.replace("18th-century ", ""), "Today the average woman had seven children, and most of them "
                 "died young.") == ["quantity"]


def test_a_year_that_bounds_a_period_dates_no_act() -> None:
    """ta227: gifts from 2011 to 2014 against a campaign's gifts in 2016."""
    assert kinds("The family foundation gave nearly $11 million from 2011 to 2014 to the media group.",
                 "In the 2016 campaign, the family gave $22.5 million to the media group.") == []


def _attribution(a: str, speaker_a: str, b: str, speaker_b: str) -> list[set[str]]:
    articles, sentences = story({"x": [a], "y": [b]})
    quoted = a[1:a.index(",\"")]
    mentions = tuple(QuoteMention(s.article, quoted, Span(s.article, 1, 1 + len(quoted)), speaker, sentence=0)
                     for s, speaker in zip(sentences, [speaker_a, speaker_b], strict=True))
    quote = Quote("q1", quoted, None, ("x", "y"), mentions=mentions)
    conflicts = align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts
    return [{str(claim.value) for claim in c.claims} for c in conflicts if c.kind == "attribution"]


def test_a_name_inside_the_attribution_is_not_its_speaker() -> None:
    """ta248: the extract stage gave the campaign CEO's statement to the candidate named in it;
    both outlets give it to the CEO."""
    a = '"With half a million ballots left to count, Martha McSally will be elected," McSally campaign CEO Jim ' \
        'Bognet said in a statement.'
    b = '"With half a million ballots left to count, Martha McSally will be elected," Bognet said in the statement.'
    assert _attribution(a, "Martha McSally", b, "Jim Bognet") == []


def test_the_reporting_subject_speaks_for_a_misread_name() -> None:
    """The invented train derailment: "said Nordfrakt spokesman Ben Adeyemi", read as Nordfrakt's
    words, is Adeyemi's, against the wire's fire chief."""
    a = '"There is no danger to the public at this time," said fire chief Mara Quist.'
    b = '"There is no danger to the public at this time," said Nordfrakt spokesman Ben Adeyemi.'
    assert _attribution(a, "Mara Quist", b, "Nordfrakt") == [{"Mara Quist", "Ben Adeyemi"}]


def test_a_sum_pairs_by_what_it_is_of() -> None:
    """fresh3 ta077: both outlets give the same sales figure; the tax revenue beside it differs."""
    found = quantities(
        "The first four days of legal sales generated $3 million in sales revenue and about $500,000 in tax "
        "revenue, putting the state on pace for an estimated $30 million a year.",
        "The dispensary association estimated that stores made about $3 million in sales and the state made about "
        "$1 million in tax revenue in the first four days.")
    assert [values for values, _ in found] == [{"~500000", "~1000000"}]

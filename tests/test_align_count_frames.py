"""Counts of one event worded far apart (issue 16, real news): two outlets' counts are one point
when they hang on one verb class and count one noun class, and each outlet counts that frame once."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.model import ReuseReport
from tests.test_align import story
from tests.test_align_conflict_kinds import extracted

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def quantity_conflicts(a: list[str], b: list[str]) -> list[set[str]]:
    articles, sentences = story({"x": a, "y": b})
    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    return [{str(claim.value) for claim in c.claims} for c in conflicts if c.kind == "quantity"]


def test_one_fall_told_with_two_verbs_is_one_point() -> None:
    # ta019 of the real gold, reworded: sentence cosine under the whole-sentence bar
    a = ["Stocks tanked in trading Monday, with the Dow Jones Industrial Average falling as much as 1,500 points."]
    b = ["A global market sell-off accelerated Monday with the Dow Jones Industrial Average plunging nearly "
         "1,600 points at one point in roller-coaster afternoon trading."]
    assert quantity_conflicts(a, b) == [{"1500", "<1600"}]


def test_an_outlet_counting_the_frame_twice_is_no_rival() -> None:
    # x gives two peaks of the fall: which one y's answers is unknown
    a = ["Stocks tanked in trading Monday, with the Dow Jones Industrial Average falling as much as 1,500 points.",
         "In the first minutes the Dow Jones Industrial Average had fallen as much as 1,000 points, traders said."]
    b = ["A global market sell-off accelerated Monday with the Dow Jones Industrial Average plunging nearly "
         "1,600 points at one point in roller-coaster afternoon trading."]
    assert quantity_conflicts(a, b) == []


def test_counts_on_two_verbs_are_not_one_frame() -> None:
    a = ["Riot police arrested 40 protesters outside the parliament on Sunday, the interior ministry said."]
    b = ["At least 12 protesters were injured when the crowd pushed against the barriers, medics said."]
    assert quantity_conflicts(a, b) == []


def test_a_count_written_as_an_adjective_under_a_synonym_noun() -> None:
    a = ["A 30-car pileup closed Interstate 35 near Ames on Sunday afternoon, the state patrol said."]
    b = ["The 25-vehicle pileup on Interstate 35 near Ames sent several people to hospital on Sunday."]
    assert quantity_conflicts(a, b) == [{"30", "25"}]


def test_a_measure_with_the_same_word_next_to_it_is_one_point() -> None:
    a = ["The former treasurer now faces 15 years in prison after Friday's verdict in Albany."]
    b = ["Prosecutors asked the judge to keep the man in prison for 23 years, citing the losses of the pension fund."]
    assert quantity_conflicts(a, b) == [{"15", "23"}]


def test_an_outlet_giving_two_terms_of_the_measure_is_no_rival() -> None:
    a = ["The former treasurer now faces 15 years in prison after Friday's verdict in Albany.",
         "His deputy faces five years in prison for her part in the scheme."]
    b = ["Prosecutors asked the judge to keep the man in prison for 23 years, citing the losses of the pension fund."]
    assert quantity_conflicts(a, b) == []


def test_a_peak_is_no_rival_of_the_final_value() -> None:
    # ta019 after cleaning: the intraday fall against the close
    a = ["Stocks tanked in trading Monday, with the Dow Jones Industrial Average falling as much as 1,500 points."]
    b = ["Monday the Dow shed 1,175 points, its largest point drop in history, as fears about China spread."]
    assert quantity_conflicts(a, b) == []

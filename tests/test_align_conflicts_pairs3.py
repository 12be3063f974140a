"""Conflicts read in issue 16's seventh round (branch conflicts20): false reports on real clusters the
lead read outside every gold set (ta115, ta177) and on the tuned splits, each reworded from the
cluster that showed it."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.model import ReuseReport
from tests.test_align import story
from tests.test_align_conflict_kinds import extracted

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def quantity_values(x: list[str], y: list[str]) -> list[set[str]]:
    articles, sentences = story({"x": x, "y": y})
    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    return [{str(claim.value) for claim in c.claims} for c in conflicts if c.kind == "quantity"]


# Multi-News ta115: an advice piece and a feature on office pools, each naming many winners' jackpots.
JACKPOTS_X = [
    "A Rhode Island woman who won a $336 million Powerball jackpot hid the ticket in her Bible before breakfast.",
    "The Mega Millions will pay out a lump sum of $359 million before taxes.",
    "A West Virginia contractor who won a nearly $315 million Powerball jackpot fell victim to scandals.",
    "His foundation spent $23 million building two churches.",
]
JACKPOTS_Y = [
    "One of the tickets the co-worker bought hit the $38.5 million jackpot.",
    "He cashed it and walked away with more than $17 million in one lump sum after taxes.",
    "Almost half the staff of the public defender's office won a $45 million jackpot.",
    "The biggest haul, $144 million, went to a man from Katy.",
]


def test_a_unit_each_outlet_gives_for_many_things_is_no_one_tally_by_closeness_alone() -> None:
    """ta115: each article gives six jackpots or payouts; two close sentences about two winners'
    jackpots are no rivals."""
    assert quantity_values(JACKPOTS_X, JACKPOTS_Y) == []


def test_the_same_two_sentences_alone_are_still_rivals() -> None:
    """Two outlets that each give one jackpot figure, in close sentences, still disagree."""
    assert quantity_values(JACKPOTS_X[:1], ["A Rhode Island woman who won the $38.5 million Powerball jackpot hid "
                                            "the ticket in her Bible."]) == [{"336000000", "38500000"}]


def test_a_poll_storys_margins_are_counts_of_many_things() -> None:
    """ta177: two accounts of one poll, each giving many margins in points; the no-religion group's
    margin is no rival of strong opposition's lead over strong support."""
    x = ["While this group backed Obama by 44 points, it now supports him by a 22-point margin.",
         "Obama won women in 2012 by 11 points, according to exit polls.",
         "Among liberals, Obama won by 75 points.",
         "The overall margin of sampling error is plus or minus 3.5 points."]
    y = ['At 46 percent, "strong" opposition to the ACA - a new high - outpaces strong support by a record 19 points.',
         "His approval is down 13 points this year and 6 points in the past month.",
         "His rating for strong leadership is 31 points below its peak.",
         "Favorable views are down 14 points this year."]
    assert quantity_values(x, y) == []


def test_one_thing_in_a_list_sent_against_a_count_in_the_same_act() -> None:
    """tune ta164: one outlet lists the Coast Guard's "helicopter, plane and boat", another counts
    the boats the Coast Guard dispatched (a count with a measure between number and noun)."""
    assert quantity_values(
        ["The Coast Guard dispatched a helicopter, plane and boat, and state police sent out a K-9 unit to aid "
         "with search-and-rescue efforts."],
        ["The Coast Guard dispatched the helicopter from Air Station Cape Cod and two 27-foot boats from the "
         "Gloucester station."]) == [{"1", "2"}]


def test_one_thing_in_a_list_is_no_rival_of_a_count_in_another_act() -> None:
    """The same list against boats that assisted in the search: another act (a boat that searched
    may not be one the Coast Guard dispatched), so no rival."""
    assert quantity_values(
        ["The Coast Guard dispatched a helicopter, plane and boat, and state police sent out a K-9 unit to aid "
         "with search-and-rescue efforts."],
        ["Two Coast Guard boats, a helicopter, local police and fire, as well as the Ipswich Harbormaster assisted "
         "in the search for the missing swimmer."]) == []


def test_the_first_days_of_a_period_name_the_period_not_a_count() -> None:
    """fresh3 ta077: the first four days of sales against a store's first two days, and the next six
    months of sales against the first 18 months of a transport monopoly: periods, not tallies."""
    assert quantity_values(
        ["In the first four days that residents could legally buy marijuana, state retailers made $3 million in "
         "sales."],
        ["A marketing coordinator said budtenders helped at least 1,000 customers during the first two days of "
         "legal sales."]) == []
    assert quantity_values(
        ["Legal sales put the state on pace to reach an estimated $30 million in sales over the next six months of "
         "recreational sales."],
        ["Alcohol distributors were promised exclusive rights to transport wholesale marijuana for the first 18 "
         "months of legal sales."]) == []


def test_a_count_over_a_recent_window_is_no_rival_of_the_whole_tally() -> None:
    """fresh2 ta172: "More than 30 women have come forward in the past six months" against "Forty
    women" in all: a bound on a narrower scope (the real gold's counting rule)."""
    assert quantity_values(
        ["More than 30 women have come forward in the past six months, some accusing the comedian of assault."],
        ["Forty women have publicly accused the comedian of sexually assaulting them."]) == []


def test_a_toll_told_as_left_dead_is_the_outlets_own_count() -> None:
    """pairs3 ta027: AP gives the London Bridge toll as "left seven dead" and, later, the Manchester
    bombing's 22 killed; the BBC's seven killed is no rival of Manchester's 22."""
    assert quantity_values(
        ["Seven people were killed and 48 injured in the attack which began at 21:58 on Saturday night."],
        ["The identity of the last attacker in Saturday's attack that left seven dead and dozens wounded came as "
         "a new search was underway.",
         'The threat level had been set at "critical" in the days after the Manchester concert bombing on May 22 '
         "that killed 22 people."]) == []

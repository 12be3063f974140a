"""Conflicts read in issue 16's eighth round (branch conflicts21): false reports on the tuned real
splits, each reworded from the cluster that showed it."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.model import ReuseReport
from tests.test_align import story
from tests.test_align_conflict_kinds import extracted

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def conflict_values(x: list[str], y: list[str], kind: str) -> list[set[str]]:
    articles, sentences = story({"x": x, "y": y})
    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    return [{str(claim.value) for claim in c.claims} for c in conflicts if c.kind == kind]


def test_an_average_is_no_rival_of_a_limit() -> None:
    """fresh3 ta077: what customers bought on average against what the law lets an adult possess."""
    assert conflict_values(
        ["Customers on average bought a quarter of an ounce of marijuana flowers, the store's owner said."],
        ["Nevadans legalized the possession of up to one ounce of marijuana flowers in November."],
        "quantity") == []


def test_two_averages_still_disagree() -> None:
    """Two outlets giving the average purchase, with two values, still disagree."""
    assert conflict_values(
        ["Customers on average spent $40 on marijuana flowers in the first days of sales, the store's owner said."],
        ["Customers on average spent $65 on marijuana flowers in the first days of sales, the store's owner said."],
        "quantity") == [{"40", "65"}]


def test_an_outlet_giving_the_rivals_date_itself_does_not_disagree() -> None:
    """pairs4 ta165: two outlets print one FBI report's citations; one cites the February 2 interview
    beside a sentence the other cites without it, and both cite the February 3 interview."""
    x = ["Labor union president took that to mean that the official was to deliver the message on behalf of "
         "Obama. (Labor union president 302, February 2, 2009, p. 7).",
         "(Labor union official 302, February 3, 2009 p. 3)."]
    y = ["Labor union president took that to mean that the official was to deliver the message on behalf of "
         "Obama.",
         "(Labor union official 302, February 3, 2009 p. 3)."]
    assert conflict_values(x, y, "date") == []


def test_a_date_each_outlet_gives_alone_still_disagrees() -> None:
    """Without the other citation, the two dates of one interview are rivals."""
    x = ["Agents interviewed the union official on February 2, 2009, according to the report."]
    y = ["Agents interviewed the union official on February 3, 2009, according to the report."]
    assert conflict_values(x, y, "date") == [{"2009-02-02", "2009-02-03"}]

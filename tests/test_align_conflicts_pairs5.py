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


def test_no_signals_detected_is_no_rival_of_a_tower_detecting_a_phone() -> None:
    """fresh3 ta218: the search chief's "no signals had been detected" (from the black boxes) against
    a tower that "detected the first officer's phone": "detected" befalls another thing."""
    assert conflict_values(
        ["Houston, who heads the joint agency co-ordinating the search effort, said that given no signals had "
         "been detected in six days, it was time to go underwater."],
        ["The official told CNN that a cell-phone tower in Penang, Malaysia -- about 250 miles from where the "
         "flight's transponder last sent a signal -- detected the first officer's phone searching for service."],
        "statement") == []


def test_no_signals_detected_against_signals_detected_still_disagree() -> None:
    """The same negation against a sentence where the signals are what was detected."""
    assert len(conflict_values(
        ["Houston, who heads the joint agency co-ordinating the search effort, said that given no signals had "
         "been detected in six days, it was time to go underwater."],
        ["Houston, who heads the joint agency co-ordinating the search, said that signals from the black boxes had "
         "been detected in the past six days."],
        "statement")) == 1


def test_a_missing_flight_is_no_miss_against_a_sentence_with_no_hit() -> None:
    """fresh3 ta218: "look for missing Malaysia Airlines Flight 370" against a sentence naming the
    flight and hitting no one: no "hit" / "missed" rival."""
    assert conflict_values(
        ["BEIJING -- An unmanned underwater vehicle will be deployed to look for missing Malaysia Airlines Flight 370 "
         "on the floor of the Indian Ocean, Australian authorities said Monday, and investigators have collected "
         "samples from an oil slick discovered in the search area."],
        ["The phone of the first officer of Malaysia Airlines Flight 370 was on and made contact with a cell tower "
         "in Malaysia about the time the plane disappeared from radar, a U.S. official told CNN on Monday."],
        "statement") == []


def test_a_clause_coordinated_with_a_denial_is_not_denied() -> None:
    """fresh2 ta034: "has denied the allegations ... and again this case has already been won in
    arbitration": the second clause is stated, not denied, so the same words in another briefing are
    no rival."""
    assert conflict_values(
        ['"The president has denied the allegations against him and again this case has already been won in '
         'arbitration," Sanders said.'],
        ['"I have had conversations with the president about this and as I outlined earlier, this case had already '
         'been won in arbitration," Sanders said.'],
        "statement") == []


def test_a_count_answered_in_its_own_frame_is_no_rival_of_another_act() -> None:
    """fresh3 ta103: "At least 10 prospective jurors ... refused" is answered by the other outlet's
    "20 jurors refused"; the same outlet's "asked 17 potential jurors" (Thursday's pool) is another act."""
    x = ["PALO ALTO -- At least 10 prospective jurors who oppose Judge Aaron Persky's decision to spare former "
         "Stanford swimmer Brock Turner prison for a sex crime refused this week to serve on a jury in an unrelated "
         "case he is handling."]
    y = ["KPIX 5 reporter Len Ramirez confirmed Thursday that 20 jurors refused to serve in Judge Aaron Persky’s "
         "courtroom on Wednesday, citing the judge as a hardship.",
         "KPIX 5 was in Persky’s courtroom on Thursday when the judge asked 17 potential jurors if they could be "
         "impartial in the case, and they all said yes."]
    assert conflict_values(x, y, "quantity") == [{">=10", "20"}]

"""Real disagreements the align stage missed on Multi-News (issue 16, fresh gold ta076, ta161),
reworded: an age after a middle name, a count whose noun is in quotation marks, a count whose noun
is left out ("killed two"), "twin" bombs, and one person's arrest on two dates."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.extract.quantities import quantities_in
from storydesk.model import ReuseReport
from tests.test_align import story
from tests.test_align_conflict_kinds import extracted

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def conflicts(texts: dict[str, list[str]]):
    articles, sentences = story(texts)
    return align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts


def kinds(texts: dict[str, list[str]]) -> list[str]:
    return [c.kind for c in conflicts(texts)]


def test_an_age_after_a_middle_name_is_the_same_persons() -> None:
    found = conflicts({
        "x": ["Police said Dwight Smith, 30, and Kevin Johnson, 25, were arrested last week."],
        "y": ["The suspects were identified as Kevin Deon Johnson, 24; Dwight Kevin Smith, 30; and Ann Lee, 27."]})
    assert [(c.kind, c.topic) for c in found] == [("quantity", "age of Kevin Johnson")]


def test_a_middle_name_does_not_join_two_people() -> None:
    assert kinds({"x": ["Police said Kevin Johnson, 25, was arrested last week."],
                  "y": ["The suspect was identified as Kevin Deon Marsh, 24, police said."]}) == []


def test_a_noun_in_quotation_marks_is_still_counted() -> None:
    assert [(q.value, q.noun) for q in quantities_in('State television said three "terrorists" were killed.')] \
        == [(3, "terrorist")]


def test_counts_of_one_raid_with_the_noun_in_quotation_marks() -> None:
    assert kinds({
        "x": ["State media said the forces killed two of the gunmen and arrested the third in the raid on Mazzeh."],
        "y": ['Syrian state television said three "terrorists" were killed in the raid on Mazzeh.']}) == ["quantity"]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("On Sunday, an explosion killed two and wounded 30 in the northern city of Aleppo.",
     "A car bomb in the city of Aleppo killed at least three people on Sunday.", ["quantity"]),
    # the same toll
    ("On Sunday, an explosion killed three and wounded 30 in the northern city of Aleppo.",
     "A car bomb in the city of Aleppo killed three people on Sunday.", []),
    # a count of something named after it is the extract stage's, not a count of people
    ("On Sunday, an explosion killed two soldiers in the northern city of Aleppo.",
     "A car bomb in the city of Aleppo killed at least three people on Sunday.", []),
])
def test_a_count_with_its_noun_left_out_counts_people(a: str, b: str, expected: list[str]) -> None:
    assert kinds({"x": [a], "y": [b]}) == expected


def test_twin_bombs_are_two() -> None:
    """Worded apart (cosine 0.58), but both sentences count the same 27 killed: one attack."""
    assert kinds({"x": ["On Saturday, three suicide bombings in Damascus killed 27 people."],
                  "y": ["Monday's clashes in the capital came after twin car bombs ripped through two neighbourhoods "
                        "of Damascus on Saturday, killing 27 people, according to an interior ministry toll."]}) \
        == ["quantity"]


def test_a_shared_count_does_not_join_counts_of_two_things() -> None:
    assert kinds({"x": ["On Saturday, three suicide bombings in Damascus killed 27 people."],
                  "y": ["Police said 27 people were killed and two suspects were arrested in Damascus on Saturday."]}) \
        == []


def test_the_other_value_in_a_sentence_about_another_event_does_not_settle_it() -> None:
    """ta076: d0's "At least three people were killed" (a clash in Damascus) is not d0 agreeing with
    "killed at least three people" in Aleppo, a sentence much closer to d0's own Aleppo count."""
    assert kinds({
        "x": ["Security forces clashed Monday with gunmen in an upscale neighborhood of the capital.",
              "At least three people were killed.",
              "On Sunday, an explosion killed two and wounded 30 in the northern city of Aleppo, Syria's largest."],
        "y": ["A car bomb close to a state security office in Syria's second biggest city of Aleppo killed at least "
              "three people on Sunday, according to the SOHR."]}) == ["quantity"]


def test_one_persons_arrest_on_two_dates() -> None:
    found = conflicts({
        "x": ["On June 17, detectives searched the home of Dwight Smith, 30, who was arrested on suspicion of murder.",
              "A day later, Kevin Johnson, 25, also was arrested on suspicion of murder."],
        "y": ["Records show Johnson was arrested June 17 and was being held on bail.",
              "Smith was arrested June 18 and was being held on bail."]})
    assert sorted(c.topic for c in found if c.kind == "date") == ["when Johnson was arrested", "when Smith was arrested"]


@pytest.mark.parametrize("y", [
    # the same day
    "Smith was arrested June 17 and was being held on bail.",
    # another person arrested on another day
    "Jones was arrested June 18 and was being held on bail.",
    # another act of the same person
    "Smith was charged June 19 with murder.",
])
def test_arrest_dates_that_do_not_disagree(y: str) -> None:
    assert kinds({"x": ["On June 17, detectives searched the home of Dwight Smith, who was arrested that night."],
                  "y": [y]}) == []


def test_arrest_dates_of_undated_articles_are_read_by_month_and_day() -> None:
    """Multi-News articles carry no publication date: the extract stage leaves "June 17" without a
    year, and the frame rule reads the month and day itself."""
    from storydesk.model import Extraction

    articles, sentences = story({
        "x": ["On June 17, detectives searched the home of Dwight Smith, 30, who was arrested on suspicion of murder."],
        "y": ["Smith was arrested June 18 and was being held on bail."]})
    found = align_facts(articles, sentences, Extraction(), ReuseReport()).conflicts
    assert [(c.topic, sorted(str(claim.value) for claim in c.claims)) for c in found] == [
        ("when Smith was arrested", ["June 17", "June 18"])]


def test_the_day_inside_the_acts_clause_is_its_day() -> None:
    from storydesk.align.event_dates import event_date_conflicts

    articles, sentences = story({
        "x": ["Records show Johnson was arrested June 17 and his arraignment was postponed to July 6."],
        "y": ["On June 18, detectives arrested Johnson at his home."]})
    found = event_date_conflicts(sentences, extracted(articles, sentences))
    assert [sorted(str(claim.value) for claim in c.claims) for c in found] == [["June 17", "June 18"]]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # ta161: who confronted the victim in the shop
    ("Inside the shop, he was confronted by two men who asked about his gang affiliation.",
     "At the shop, a man confronted Price about his red shoes and asked about gang affiliation.", ["quantity"]),
    # a man doing something else
    ("Inside the shop, he was confronted by two men who asked about his gang affiliation.",
     "At the shop, a man sold Price a pair of red shoes before the shooting.", []),
    # "a man" that is no one's agent
    ("Two men were arrested after the shooting at the car wash.",
     "Police said the victim was a man who had just walked into the shop.", []),
])
def test_a_lone_agent_against_a_count_of_the_same_act(a: str, b: str, expected: list[str]) -> None:
    assert kinds({"x": [a], "y": [b]}) == expected


def test_the_other_value_in_a_sentence_on_the_same_point_settles_it() -> None:
    """ta234: an outlet giving both "more than 1,000 flights" (this storm) and "more than 13,000" (a
    2011 storm) does not disagree with "about 1,000 flights"."""
    assert kinds({
        "x": ["The storm led airlines to cancel more than 1,000 flights and caused whiteout conditions on the roads.",
              "By comparison, airlines canceled more than 13,000 flights over a two-day period during a snowstorm."],
        "y": ["Airlines cancelled about 1,000 flights ahead of the Christmas holiday."]}) == []

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


def quantity_values(a: list[str], b: list[str]) -> list[set[str]]:
    from tests.test_align_conflict_kinds import extracted

    articles, sentences = story({"x": a, "y": b})
    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    return [{str(claim.value) for claim in c.claims} for c in conflicts if c.kind == "quantity"]


def test_one_described_group_counted_twice_is_one_point() -> None:
    """ta209: 'relatives of 150 Chinese passengers' / 'relatives of the flight's 153 Chinese
    passengers' (cosine 0.48): the same noun with the same modifier, given once by each outlet."""
    a = ["The fruitless search has taken a toll, with dozens of distraught relatives of 150 Chinese passengers "
         "clashing with police and accusing Malaysia of deception."]
    b = ["Some relatives of the flight's 153 Chinese passengers have refused to accept the Malaysian account of "
         "events and accused officials of withholding information."]
    assert quantity_values(a, b) == [{"150", "153"}]


def test_counts_of_one_modified_noun_under_two_verbs_are_two_points() -> None:
    a = ["Three American soldiers were killed in the ambush near the border on Tuesday, officials said."]
    b = ["Officials said two American soldiers were wounded when the patrol came under fire on Tuesday."]
    assert quantity_values(a, b) == []


def test_a_range_with_one_end_agreed_sets_the_other_ends_apart() -> None:
    """ta209: 'between 2 meters (6.5 ft) and 16 meters (52 ft) in size' / 'from 2m to 15m (6.5ft to
    50ft) in size': the lower end agreed, the upper end differs."""
    a = ["The objects spotted by the satellite were between 6.5 feet and 52 feet in size, the agency said."]
    b = ["The head of the agency told the BBC the objects ranged from 6.5 feet to 50 feet in size."]
    assert quantity_values(a, b) == [{"52", "50"}]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # ta056: one chemist, two academic ranks
    ('"We have discovered the first metal catalyst," said Matthew Kanan, an assistant professor of chemistry at '
     'Stanford.',
     '"You get the same fuel," says Matthew Kanan, an associate professor of chemistry at Stanford who co-authored '
     'the paper.', ["other"]),
    # two people, two ranks
    ("The study was led by Matthew Kanan, an assistant professor of chemistry at Stanford.",
     "Joel Rosenthal, an associate professor at the University of Delaware, was not involved.", []),
    # ta161: one car wash, two blocks of one avenue
    ("Tavin Price was at a car wash in the 3000 block of West Florence Avenue on May 29 about 11 a.m.",
     "Tavin Terrell Price was shot outside Simms Car Wash in the 3300 block of West Florence Avenue.", ["other"]),
    # two streets
    ("Price was at a car wash in the 3000 block of West Florence Avenue.",
     "Police found the car in the 3300 block of South Western Avenue.", []),
])
def test_a_persons_rank_and_a_street_block(a: str, b: str, expected: list[str]) -> None:
    assert kinds(a, b) == expected


def test_an_outlet_giving_both_blocks_does_not_disagree() -> None:
    articles, sentences = story({
        "x": ["Price was at a car wash in the 3000 block of West Florence Avenue.",
              "The gunman fled toward the 3300 block of West Florence Avenue."],
        "y": ["Price was shot outside Simms Car Wash in the 3300 block of West Florence Avenue."]})
    from tests.test_align_conflict_kinds import extracted

    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    assert [c for c in conflicts if c.kind == "other"] == []


def test_a_charge_counted_in_a_list_is_one_point() -> None:
    """ta196: 'five counts of fifth degree criminal mischief' in a list of charges against 'six
    counts of criminal mischief': the counted charge says which value answers which."""
    a = ["He faces two counts of third degree assault, one count of reckless endangerment, one count of reckless "
         "driving and five counts of fifth degree criminal mischief."]
    b = ["Arnold Demoski, 26, of Nulato, was arrested Saturday on suspicion of assault, reckless endangerment, "
         "reckless driving and six counts of criminal mischief."]
    assert quantity_values(a, b) == [{"5", "6"}]


def test_two_charges_counted_are_two_points() -> None:
    a = ["He faces two counts of third degree assault and five counts of criminal mischief."]
    b = ["He was arrested Saturday on suspicion of reckless driving and three counts of assault."]
    assert quantity_values(a, b) == [{"2", "3"}]


def test_a_count_written_as_an_adjective_of_one_thing_is_one_point() -> None:
    """ta234: 'a 30-car pileup on Interstate 35' / 'a 25-vehicle pileup' (cosine 0.48) count the
    vehicles of one pileup, under two verbs."""
    a = ["Blinding snow is blamed for a 30-car pileup on Interstate 35 near Fort Dodge, Iowa, that killed two "
         "people, said Iowa State Patrol Sgt. Scott Bright."]
    b = ["In Iowa, two people were killed and seven injured in a 25-vehicle pileup."]
    assert quantity_values(a, b) == [{"30", "25"}]


def test_what_could_happen_affirms_nothing() -> None:
    """ta154: 'Carcinogens do not cause cancer in every case' against an ad that 'shows how drinking
    too much alcohol could heighten risks of cancer': a possibility is no affirmation."""
    assert kinds("Carcinogens do not cause cancer in every case, all the time.",
                 "The ad shows how drinking too much alcohol could cause cancer and heighten the risks.") == []


@pytest.mark.parametrize(("a", "b", "expected"), [
    # ta196: one outlet says King was hit, another that the snowmobile missed him
    ("King was hit from behind by a snowmobile on the trail and his dog was killed.",
     "King said the snowmobile had missed both him and his sled on the trail, but his dog was killed.",
     ["statement"]),
    # two people: one hit, the other missed
    ("King was hit from behind by a snowmobile on the trail near Nulato.",
     "The snowmobile narrowly missed Aliy Zirkle on the trail near Nulato an hour later.", []),
])
def test_hit_against_missed_is_a_statement_conflict(a: str, b: str, expected: list[str]) -> None:
    assert kinds(a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # ta021: one memoir, two years
    ("\u201cSometimes I\u2019d wake up with severe pain in my stomach and back,\u201d he wrote in his 2012 memoir.",
     "In his 2011 autobiography, My Infamous Life, Johnson recalled the time his father left him in the car.",
     ["date"]),
    # two albums of one artist are two works
    ("The song first appeared on his 2011 album.", "He toured Europe after his 2012 album came out.", []),
])
def test_a_persons_memoir_given_two_years(a: str, b: str, expected: list[str]) -> None:
    assert kinds(a, b) == expected


def test_a_length_in_words_written_as_an_adjective() -> None:
    """ta026: 'a nearly 6,000-word manifesto' / 'a 5,500-word letter' (cosine 0.68)."""
    a = ["In a nearly 6,000-word manifesto Thursday, Mr. Zuckerberg outlined ambitions for the social network to "
         "play a larger role in tackling issues including terrorism, disease and climate change."]
    b = ["Mr Zuckerberg's interview comes alongside the publication of a 5,500-word letter he has written about "
         "the future of Facebook and the global economy."]
    assert quantity_values(a, b) == [{"<6000", "5500"}]


def test_a_measure_for_one_named_place_is_one_point() -> None:
    """ta234: 'the city of Madison, Wisconsin, got 15.2 inches' / 'In Madison, Wis., more than 19
    inches of snow fell' (cosine 0.65, no word next to the two values in common)."""
    a = ["Many communities in central Iowa got about a foot of snow, and the city of Madison, Wisconsin, got 15.2 "
         "inches Wednesday and Thursday, according to the National Weather Service."]
    b = ["In Madison, Wis., more than 19 inches of snow fell, prompting the University of Wisconsin at Madison to "
         "cancel Thursday's finals."]
    assert quantity_values(a, b) == [{"15.2", ">19"}]


def test_measures_for_two_named_places_are_two_points() -> None:
    a = ["The city of Madison, Wisconsin, got 15.2 inches of snow on Thursday, the weather service said."]
    b = ["In Des Moines, more than 19 inches of snow fell on Thursday, the weather service said."]
    assert quantity_values(a, b) == []


def test_one_mountain_given_two_heights() -> None:
    """ta007: AP's '8,027-meter (26,330-foot) mountain' / Reuters' '26,291-foot (8,013 m) peak'
    (within 1% of each other, but neither a rounding of the other)."""
    a = ["Steck and Goettler were the only climbers this season on the southern face of the 8,027-meter "
         "(26,330-foot) mountain."]
    b = ["Ueli Steck of Switzerland and David Goettler of Germany, who were attempting the same South Face route "
         "to the 26,291-foot (8,013 m) peak, stumbled upon the bodies of the pair."]
    assert quantity_values(a, b) == [{"26330", "26291"}]


def test_one_height_converted_and_rounded_is_no_conflict() -> None:
    a = ["Mountaineer Ueli Steck said he saw the bodies on a glacier at a height of 5,900 meters (19,350 feet)."]
    b = ["Steck stumbled upon the bodies of the pair, encased in ice, at an altitude of 19,356 feet (5,900 m)."]
    assert quantity_values(a, b) == []


def test_so_far_before_an_adjective_is_no_running_total() -> None:
    """ta209: 'the prolonged and so far fruitless search' says nothing of the count's scope."""
    a = ["The prolonged and so far fruitless search and investigation have taken a toll, with dozens of distraught "
         "relatives of 150 Chinese passengers clashing with police and accusing Malaysia of deception."]
    b = ["Some relatives of the flight's 153 Chinese passengers have refused to accept the Malaysian account of "
         "events and accused officials of withholding information."]
    assert quantity_values(a, b) == [{"150", "153"}]


def test_two_sentences_naming_no_day_are_not_set_apart_by_their_articles_days() -> None:
    """ta234: one article tells Friday's aftermath, the other Thursday's storm; the pileup
    sentences name no day."""
    articles, sentences = story({
        "x": ["The storm moved east on Friday.", "Crews cleared roads on Friday morning.",
              "Blinding snow is blamed for a 30-car pileup on Interstate 35 near Fort Dodge, Iowa, that killed two "
              "people, said Iowa State Patrol Sgt. Scott Bright."],
        "y": ["Snow fell across the Midwest on Thursday.", "Schools closed on Thursday.",
              "In Iowa, two people were killed and seven injured in a 25-vehicle pileup."]})
    from tests.test_align_conflict_kinds import extracted

    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    assert [{str(c.value) for c in k.claims} for k in conflicts if k.kind == "quantity"] == [{"30", "25"}]


def test_a_first_tranche_beside_the_agreed_target_is_no_rival() -> None:
    """ta217: '10 percent stake' / 'up to a 4.75% stake' in an article that also gives 'a stake as
    large as 10%': the outlets agree on the target; the 4.75% is the first purchase."""
    a = ["American Airlines CEO Doug Parker sent a letter to employees on Thursday in response to Qatar Airways "
         "announcing their offer to acquire a 10 percent stake in the company."]
    b = ["The gulf carrier says it is seeking a stake as large as 10 percent in American.",
         "American Airlines said Qatar plans to buy at least $808 million, or up to a 4.75 percent stake, of its "
         "stock."]
    assert quantity_values(a, b) == []

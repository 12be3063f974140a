"""Conflict kinds read on real news (issue 16): times of day, counts written as words ("once",
"13-hour"), a denial against the claim it denies, and one relative date read on two days."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from storydesk.align import align_facts
from storydesk.model import Article, Extraction, ReuseReport, Sentence
from tests.test_align import story

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def extracted(articles: list[Article], sentences: list[Sentence], published: dict[str, date] | None = None):
    """Quantities and dates as the extract stage gives them (dates against `published`, else 2025-06-16)."""
    from storydesk.extract.dates import dates_in
    from storydesk.extract.quantities import find_quantities

    published = published or {}
    dates = tuple(m for s in sentences
                  for m in dates_in(s.text, published.get(s.article, date(2025, 6, 16)), s.article, s.start, s.index))
    return Extraction(quantities=tuple(find_quantities(articles, sentences)), dates=dates)


def kinds(a: str, b: str) -> list[str]:
    articles, sentences = story({"x": [a], "y": [b]})
    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    return [c.kind for c in conflicts]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # the same moment told an hour apart (ta017 of the real gold, reworded)
    ("The accident happened at about 11:45 a.m. on the 23rd floor of the building.",
     "The mother was heading out around 10:30 a.m. on the 23rd floor of the building when the accident happened.",
     ["date"]),
    # five minutes apart: one time, told roughly
    ("The accident happened at about 11:45 a.m. on the 23rd floor of the building.",
     "The mother was waiting on the 23rd floor of the building around 11:40 a.m. when the accident happened.", []),
    # two events of one afternoon
    ("The girls were dropped off at the bridge about 1 p.m. Monday.",
     "Family members reported the girls missing at 5:30 p.m. Monday.", []),
    # two people arriving, one after the other
    ("Zirkle pulled up to the Nulato checkpoint at about 2:17 a.m.",
     "King arrived at the Nulato checkpoint at 3:25 a.m.", []),
    # one article gives both times: it tells the events apart
    ("The storm hit at 9 p.m. and the power went out at 11 p.m.",
     "The power went out at 9 p.m. across the city.", []),
])
def test_time_of_day_conflicts(a: str, b: str, expected: list[str]) -> None:
    assert kinds(a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("His wife, Racquel, was shot once in the right leg.", "His wife was struck twice in the leg.", ["quantity"]),
    ("The gunman fired three times at the car, police said.", "Police said the gunman fired twice at the car.",
     ["quantity"]),
    # different things done once and twice
    ("He had been arrested twice before, records show.", "His wife was shot once in the right leg.", []),
    # a multiplier is no count of events
    ("The new ship is three times the size of the old one.", "The new ship is twice the size of the old one, officials said.", []),
])
def test_counts_of_times(a: str, b: str, expected: list[str]) -> None:
    assert kinds(a, b) == expected


def test_a_measure_written_as_an_adjective_is_a_count() -> None:
    """'13-hour filibuster' against '11 hours of talk' (ta230): the hyphenated measure counts."""
    assert kinds("Davis rose to national prominence in June for her 13-hour filibuster against the bill.",
                 "Her June filibuster, 11 hours of talk against the bill, made her famous.") == ["quantity"]


def test_ages_written_as_adjectives_are_not_measures() -> None:
    assert kinds("The 13-year-old girl was found near the creek.",
                 "The girl, who was found near the creek, had walked for 11 hours.") == []


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("The agency denied that it muzzled the scientist.", "The scientist said the agency muzzled him.",
     ["statement"]),
    ("The minister denied that he ordered the raid on the newspaper.",
     "The minister ordered the raid on the newspaper, two officials said.", ["statement"]),
    # a denial of something else
    ("The agency denied that it muzzled the scientist.", "The scientist said the agency cut his funding.", []),
    # both deny
    ("The agency denied that it muzzled the scientist.", "The agency has denied muzzling the scientist.", []),
])
def test_a_denial_against_the_claim_is_a_statement_conflict(a: str, b: str, expected: list[str]) -> None:
    assert kinds(a, b) == expected


def test_one_relative_date_read_on_two_days_is_no_conflict() -> None:
    """'Tuesday' in two articles published a week apart resolves to two Tuesdays: the outlets wrote
    the same word, and nothing says they disagree."""
    articles, sentences = story({"x": ["The fire at the warehouse broke out on Tuesday, officials said."],
                                 "y": ["The fire at the warehouse broke out on Tuesday, the fire service said."]})
    published = {"x": date(2025, 6, 12), "y": date(2025, 6, 19)}
    articles = [Article(id=a.id, text=a.text, published=datetime.combine(published[a.id], datetime.min.time(), UTC))
                for a in articles]
    extraction = extracted(articles, sentences, published)
    assert len({d.date for d in extraction.dates}) == 2, "the two Tuesdays should resolve apart"
    assert align_facts(articles, sentences, extraction, ReuseReport()).conflicts == ()


def test_two_different_days_are_still_a_date_conflict() -> None:
    articles, sentences = story({"x": ["The fire at the warehouse broke out on Tuesday, officials said."],
                                 "y": ["The fire at the warehouse broke out on Thursday, the fire service said."]})
    assert [c.kind for c in align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts] \
        == ["date"]


def test_a_count_of_another_weekday_is_no_rival_of_the_story_day() -> None:
    """ta019: 'a fall from Friday, which saw the Dow lose 666 points' against an article about
    Monday whose sentence names no day ('the Dow ended down 1,175 points')."""
    articles, sentences = story({
        "x": ["Stocks tanked in trading on Monday as the sell-off spread.",
              "The Dow closed lower on Monday for a third day.",
              "That was a continuation of a fall from Friday, which saw the Dow lose 666 points."],
        "y": ["A global market sell-off accelerated on Monday.",
              "Traders braced for more losses on Monday afternoon.",
              "After a volatile session, the Dow ended down 1,175 points."]})
    conflicts = align_facts(articles, sentences, extracted(articles, sentences), ReuseReport()).conflicts
    assert [c for c in conflicts if c.kind == "quantity"] == []


@pytest.mark.parametrize(("a", "b"), [
    # ta092: the denial of an identity and the unmasking, both reported by every outlet
    ("Contacted via email, Peinovich denied he was Enoch and said he would try to get his search results cleared up.",
     "According to the Medium post, which has since been taken down for rules violations — but is still archived "
     "online — Enoch is actually Mike Peinovich."),
])
def test_a_denied_identity_is_no_statement_conflict(a: str, b: str) -> None:
    assert kinds(a, b) == []


@pytest.mark.parametrize(("a", "b"), [
    # ta234: two places, one named before the count, one after it in lower-case words
    ("In Madison, Wis., more than 19 inches of snow fell, prompting the university to cancel finals.",
     "The storm dropped as much as 13 inches of snow on portions of central Iowa, and closed schools."),
])
def test_counts_of_two_places_are_no_rivals(a: str, b: str) -> None:
    assert kinds(a, b) == []


@pytest.mark.parametrize(("a", "b"), [
    # two lower bounds never contradict (ta234: "more than 350" at one airport, "more than 600" at two)
    ("Most of the canceled flights were in Chicago, where more than 350 flights were called off at O'Hare.",
     "More than 600 flights were canceled at Chicago's two airports, O'Hare and Midway."),
    # a year of another act: the demo (1992) is not the album (1993)
    ("The pair released their first demo together in 1992 under the name Poetical Prophets, which they followed up "
     "a year later with their Mobb Deep debut, Juvenile Hell.",
     "Shortly after, they changed their name to Mobb Deep and released a debut album, “Juvenile Hell,” in 1993."),
    # a report not made is no rival of someone else's report (ta196)
    ("King requested medical treatment for his dogs at the checkpoint and did not report any injuries himself.",
     "Iditarod officials at first reported King had been injured."),
    # a condition opening the sentence states nothing happened (ta242 of the fresh real gold)
    ("Aaron and Melissa Klein had refused to pay damages of $135,000 to the couple, claiming financial hardship.",
     "If they are forced to pay the damages to the couple they will be in much worse shape than they are now."),
])
def test_claims_that_do_not_contradict(a: str, b: str) -> None:
    assert kinds(a, b) == []


def test_a_title_in_quotation_marks_is_no_quote_to_attribute() -> None:
    """ta232: 'Meet the Press' read as a quotation said by both Rubio and Axelrod."""
    from storydesk.model import Quote, QuoteMention, Span

    articles, sentences = story({"x": ['Rubio said on NBC\'s "Meet the Press."'],
                                 "y": ['Axelrod said on NBC\'s "Meet the Press."']})
    mentions = tuple(QuoteMention(s.article, "Meet the Press.", Span(s.article, 20, 35), speaker, sentence=0)
                     for s, speaker in zip(sentences, ["Marco Rubio", "David Axelrod"], strict=True))
    quote = Quote("q1", "Meet the Press.", None, ("x", "y"), mentions=mentions)
    assert align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts == ()


def test_a_speaker_that_is_a_place_and_a_day_is_no_side() -> None:
    """ta249: 'Kiev Thursday' given as the speaker of Obama's words."""
    from storydesk.model import Quote, QuoteMention, Span

    text = '"This is not our preferred outcome," he said.'
    articles, sentences = story({"x": [text], "y": [text]})
    mentions = tuple(QuoteMention(s.article, "This is not our preferred outcome,", Span(s.article, 1, 35), speaker,
                                  sentence=0) for s, speaker in zip(sentences, ["Barack Obama", "Kiev Thursday"], strict=True))
    quote = Quote("q1", "This is not our preferred outcome,", None, ("x", "y"), mentions=mentions)
    assert align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts == ()


def test_a_news_outlet_relaying_a_quote_is_no_side() -> None:
    """ta198: a quote from a senator's book, relayed 'according to the story' of the New York Post,
    given by the extract stage to the Post: an outlet relays words, it is no rival speaker."""
    from storydesk.model import Quote, QuoteMention, Span

    text = '"I like my girls chubby," he told her.'
    articles, sentences = story({"x": [text], "y": [text]})
    mentions = tuple(QuoteMention(s.article, "I like my girls chubby,", Span(s.article, 1, 24), speaker, sentence=0)
                     for s, speaker in zip(sentences, ["Kirsten Gillibrand", "New York Post"], strict=True))
    quote = Quote("q1", "I like my girls chubby,", None, ("x", "y"), mentions=mentions)
    assert align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts == ()


@pytest.mark.parametrize("noun, plural", [
    ("foot", "feet"), ("inch", "inches"), ("box", "boxes"), ("person", "people"), ("people", "people"),
    ("casualty", "casualties"), ("day", "days"), ("rocket", "rockets"), ("bus", "bus"),
])
def test_a_conflict_topic_counts_its_noun_in_plain_english(noun, plural):
    # Multi-News ta209: a size in feet was headed "number of foots".
    from storydesk.align.quantities import _plural
    assert _plural(noun) == plural

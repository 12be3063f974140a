"""Timeline: dated events, merged across the articles that report the same event on the same day."""

from __future__ import annotations

import pytest

from storydesk.extract.dates import find_dates
from storydesk.model import Article, Passage, ReusePair, ReuseReport
from storydesk.segment import split_sentences
from storydesk.timeline import build_timeline, story_dates
from tests.conftest import published


def timeline(*articles: Article, reuse: ReuseReport | None = None):
    articles = list(articles)
    sentences = [s for a in articles for s in split_sentences(a)]
    return build_timeline(articles, sentences, tuple(find_dates(articles, sentences)), reuse or ReuseReport())


def article(id: str, text: str, day: str = "2024-03-10") -> Article:
    return Article(id=id, text=text, published=published(day))


def test_timeline_merges_the_same_event_told_in_different_words():
    a = article("a", "A fire destroyed two warehouses at the harbour early Friday, officials said.")
    b = article("b", "The fire that swept through the harbour on Friday destroyed three warehouses.")
    [entry] = timeline(a, b)
    assert (entry.date, entry.sources, entry.date_text) == ("2024-03-08", ("a", "b"), "early Friday")
    assert entry.text == "A fire destroyed two warehouses at the harbour early Friday"  # attribution trimmed
    assert [(e.article, a.text[e.start:e.end] if e.article == "a" else b.text[e.start:e.end])
            for e in entry.evidence][0] == ("a", entry.text)


def test_timeline_two_dates_joined_by_and_or_or_cut_at_the_conjunction():
    # Multi-News ta059's lines ended "... born in June 2013 and the second child was born in" and
    # "... at Garfield Park in 2011 or": cut where the second date was, not where its clause begins.
    # Two dates of one event ("in 2011 or 2012") share the line.
    a = article("a", "The first was born in June 2013 and the second child was born in July 2014.\n\n"
                     "Alicia Hernandez met the boy at Garfield Park in 2011 or 2012, police said.")
    texts = [e.text for e in timeline(a)]
    assert "The first was born in June 2013" in texts and "the second child was born in July 2014" in texts
    assert texts.count("Alicia Hernandez met the boy at Garfield Park in 2011 or 2012") == 2
    assert not any(t.endswith((" in", " or", " and")) for t in texts)


def test_timeline_keeps_different_events_of_the_same_day_apart():
    a = article("a", "A fire destroyed two warehouses at the harbour early Friday.\n\n"
                     "The mayor opened a new library on Friday.")
    entries = timeline(a)
    assert [e.text for e in entries] == ["A fire destroyed two warehouses at the harbour early Friday",
                                         "The mayor opened a new library on Friday"]


def test_timeline_same_words_on_different_dates_stay_apart_and_sort_by_date():
    a = article("a", "Inspectors last visited the terminal on Feb. 12.")
    b = article("b", "Inspectors last visited the terminal on Feb. 21.")
    c = article("c", "An earlier fire at the terminal in May 2023 damaged a crane.")
    entries = timeline(a, b, c)
    assert [(e.date, e.sources) for e in entries] == [("2023-05", ("c",)), ("2024-02-12", ("a",)),
                                                      ("2024-02-21", ("b",))]


def test_timeline_shared_wire_copy_counts_as_the_same_event():
    text_a = "Port records show a ship unloaded batteries at the dock on Thursday night."
    text_b = "Records showed a cargo vessel had docked there on Thursday night, carrying lithium cells."
    a, b = article("a", text_a), article("b", text_b)
    assert len(timeline(a, b)) == 2  # too few words in common on their own
    reuse = ReuseReport(pairs=(ReusePair("a", "b", 1.0, 1.0, (Passage(0, len(text_a), 0, len(text_b)),)),))
    [entry] = timeline(a, b, reuse=reuse)
    assert entry.sources == ("a", "b") and entry.date == "2024-03-07"


def test_timeline_one_sentence_with_two_dates_gives_two_events():
    a = article("a", "The fire early Friday injured six firefighters, two of whom were still in hospital on Sunday, "
                     "the union said.")
    entries = timeline(a)
    assert [(e.date, e.text) for e in entries] == [
        ("2024-03-08", "The fire early Friday injured six firefighters"),
        ("2024-03-10", "two of whom were still in hospital on Sunday"),
    ]


def test_timeline_dates_an_event_at_its_finest_date():
    a = article("a", "Its inspectors visited the terminal last month, on Feb. 12, and ordered changes.")
    [entry] = timeline(a)
    assert (entry.date, entry.date_text) == ("2024-02-12", "Feb. 12")


def test_timeline_narrows_to_the_clause_that_carries_the_date():
    a = article("a", "Officials said 41 containers were damaged, and three-quarters of the dock remained closed on Saturday.")
    [entry] = timeline(a)
    assert entry.text == "three-quarters of the dock remained closed on Saturday"


def test_timeline_skips_the_publication_dateline():
    a = article("a", "WASHINGTON, March 10 (Reuters) - The Senate passed the bill on Friday.")
    [entry] = timeline(a)
    assert entry.date == "2024-03-08" and entry.text == "The Senate passed the bill on Friday"


def test_timeline_skips_a_bare_date_line():
    a = article("a", "Today\n\nMay 2011\n\nThe bridge reopened on Friday.")
    assert [e.text for e in timeline(a)] == ["The bridge reopened on Friday"]


def test_timeline_without_publication_date_keeps_only_absolute_dates():
    a = Article(id="a", text="The council met on Friday.\n\nThe law was signed on March 9, 2021.")
    assert [e.date for e in timeline(a)] == ["2021-03-09"]


def _entries_on(digest, date):
    return [e for e in digest.alignment.timeline if e.date == date]


def test_timeline_example_covers_every_planted_date(example_digest, example_expected):
    for wanted in example_expected["timeline"]:
        sources = {s for e in _entries_on(example_digest, wanted["date"]) for s in e.sources}
        assert set(wanted["sources"]) <= sources, wanted["event"]


def test_timeline_example_merges_across_outlets(example_digest):
    def sources_of(date, words):
        [entry] = [e for e in _entries_on(example_digest, date) if words in e.text]
        return set(entry.sources)

    wire_group = {"wire-service", "daily-courier", "metro-herald"}
    assert sources_of("2024-03-08", "fire tore through") == wire_group | {"city-tribune", "independent-report"}
    assert sources_of("2024-03-08", "return home") == wire_group | {"city-tribune"}
    assert sources_of("2023-05", "smaller blaze") == wire_group | {"independent-report"}
    assert sources_of("2024-02-12", "visited the terminal") == wire_group | {"city-tribune"}
    assert sources_of("2024-02-21", "inspected") == {"independent-report"}  # the disputed date stays apart
    assert sources_of("2024-03-07", "cargo ship") == {"wire-service", "metro-herald"}
    dates = [e.date for e in example_digest.alignment.timeline]
    assert dates == sorted(dates)


def test_timeline_example_evidence_points_at_the_event_text(example_digest):
    texts = {a.id: a.text for a in example_digest.articles}
    for entry in example_digest.alignment.timeline:
        assert any(texts[s.article][s.start:s.end] == entry.text for s in entry.evidence)
        assert {s.article for s in entry.evidence} == set(entry.sources)


@pytest.mark.xfail(reason="the ground truth folds 'dock still closed', 'investigators at the site' and 'crews "
                          "dousing hot spots' into one Saturday entry; lexical overlap keeps them apart", strict=True)
def test_timeline_example_saturday_events_merge_by_topic(example_digest):
    assert len(_entries_on(example_digest, "2024-03-09")) == 1


# ---- issue 22: captions and page metadata are not events -----------------------------------------

@pytest.mark.parametrize("furniture", [
    "Published on Dec 29, 2016",
    "(Published Saturday, Sept. 29, 2018)",
    "In this June 21, 2018, photo, Speaker of the House Paul Ryan arrives for a news conference. (Associated Press)",
    "Donald Trump before opening the Nasdaq on September 20, 2005. Michael Nagle/Getty Images",
    "E85 ethanol fuel is pumped into a vehicle in Nevada, Iowa, on Dec. 6, 2007. JASON REED / Reuters",
    "Reviewed at SXSW Film Festival (Headliners), March 8, 2013. MPAA Rating: R.",
])
def test_timeline_captions_and_page_metadata_are_not_events(furniture):
    a = article("a", furniture + "\n\nThe House voted on the bill on Friday.", "2018-06-25")
    assert [e.text for e in timeline(a)] == ["The House voted on the bill on Friday"]


# ---- one expression, one date in a story ---------------------------------------------------------

def test_timeline_rerun_wire_copy_keeps_the_first_tellings_weekday():
    # The same wire sentence run again eight days later: its "Tuesday" read against the later
    # publication is a week off. Each article keeps its own reading; the story gives the event one date.
    text = "The harbour council voted on Tuesday to close the old ferry terminal for repairs."
    a, b = article("a", text, "2024-03-06"), article("b", text, "2024-03-14")
    sentences = [s for x in (a, b) for s in split_sentences(x)]
    dates = tuple(find_dates([a, b], sentences))
    assert sorted(d.date for d in dates) == ["2024-03-05", "2024-03-12"]
    reuse = ReuseReport(pairs=(ReusePair("a", "b", 1.0, 1.0, (Passage(0, len(text), 0, len(text)),)),))
    assert set(story_dates([a, b], sentences, dates, reuse).values()) == {"2024-03-05"}
    [entry] = build_timeline([a, b], sentences, dates, reuse)
    assert (entry.date, entry.sources) == ("2024-03-05", ("a", "b"))


def test_timeline_same_event_weekday_read_two_ways_takes_the_nearest_reading():
    # Monday's preview says the vote "is Tuesday" (read as the Tuesday before); Wednesday's report
    # says it "was Tuesday". The reading one day from its own article is the surer one.
    a = article("a", "The harbour council vote on closing the ferry terminal is Tuesday.", "2024-03-04")
    b = article("b", "The harbour council vote on closing the ferry terminal was Tuesday.", "2024-03-06")
    entries = timeline(a, b)
    assert [(e.date, e.sources) for e in entries] == [("2024-03-05", ("a", "b"))]


def test_timeline_same_weekday_of_different_events_keeps_each_articles_date():
    a = article("a", "The harbour council voted on Tuesday to close the old ferry terminal.", "2024-03-06")
    b = article("b", "The mayor reopened the city library on Tuesday after a long renovation.", "2024-03-14")
    entries = timeline(a, b)
    assert [(e.date, e.sources) for e in entries] == [("2024-03-05", ("a",)), ("2024-03-12", ("b",))]


def test_timeline_same_words_weeks_apart_without_shared_copy_stay_two_events():
    # A weekly meeting: the same words a month apart are two meetings, not one misread date.
    a = article("a", "The harbour council met on Tuesday to discuss the ferry terminal.", "2024-03-06")
    b = article("b", "The harbour council met on Tuesday to discuss the ferry terminal.", "2024-04-03")
    entries = timeline(a, b)
    assert [(e.date, e.sources) for e in entries] == [("2024-03-05", ("a",)), ("2024-04-02", ("b",))]


def test_timeline_a_long_sentence_keeps_the_words_about_its_date():
    # Multi-News ta096: the 1979 line ended "... a thesis supported in part by the House", the
    # 240-character cut falling before "Select Committee on Assassinations in 1979".
    text = ("Mark Lane, the defense lawyer, social activist and author who concluded in a blockbuster book in "
            "the mid-1960s that Lee Harvey Oswald could not have acted alone in killing President John F. "
            "Kennedy, a thesis supported in part by the House Select Committee on Assassinations in 1979, died "
            "on Tuesday at his home in Charlottesville, Va.")
    [entry] = [e for e in timeline(article("a", text)) if e.date == "1979"]
    assert "1979" in entry.text and "Select Committee on Assassinations" in entry.text
    assert len(entry.text) <= 240


def test_timeline_a_part_too_thin_to_stand_alone_keeps_the_whole_sentence():
    # Multi-News ta205: 'Steve Harvey, who announced the wrong winner in 2015, tweeted early Monday:'
    # gave a line "tweeted early Monday"; 'the frontrunner — Boyhood in 2015, The Revenant in 2016,
    # ...' gave "The Revenant in 2016".
    a = article("a", "Steve Harvey, who announced the wrong winner of the pageant in 2015, tweeted early Friday "
                     "about the mix-up.")
    entries = {e.date: e.text for e in timeline(a)}
    assert entries["2015"] == "Steve Harvey, who announced the wrong winner of the pageant in 2015"
    assert entries["2024-03-08"] == ("Steve Harvey, who announced the wrong winner of the pageant in 2015, tweeted "
                                     "early Friday about the mix-up")

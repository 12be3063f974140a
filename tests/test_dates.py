"""Dates: resolved against the article's publication date, at the precision the text gives."""

from __future__ import annotations

from datetime import date

import pytest

from storydesk.extract.dates import dates_in, find_dates
from storydesk.model import Article, Sentence
from tests.conftest import published

SUNDAY = date(2024, 3, 10)  # the example publication day


def resolved(text: str, day: date | None = SUNDAY) -> list[tuple[str, str, str]]:
    return [(m.text, m.date, m.precision) for m in dates_in(text, day)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The fire broke out on Friday.", [("Friday", "2024-03-08", "day")]),
    ("The fire broke out early Friday, officials said.", [("early Friday", "2024-03-08", "day")]),
    ("Most residents were home by Friday evening.", [("Friday evening", "2024-03-08", "day")]),
    ("Two firefighters were still in hospital on Sunday.", [("Sunday", "2024-03-10", "day")]),
    ("Crews returned early Sunday.", [("early Sunday", "2024-03-10", "day")]),
    ("He resigned last Friday.", [("last Friday", "2024-03-08", "day")]),
    ("He resigned last Sunday.", [("last Sunday", "2024-03-03", "day")]),
    ("Sailings are suspended until Tuesday, after the crash on Friday.",
     [("Tuesday", "2024-03-12", "day"), ("Friday", "2024-03-08", "day")]),
    ("The dock reopens next Friday.", [("next Friday", "2024-03-15", "day")]),
    ("The council will vote on Tuesday.", [("Tuesday", "2024-03-12", "day")]),
    ("The council voted on Tuesday.", [("Tuesday", "2024-03-05", "day")]),
    ("The mayor spoke yesterday.", [("yesterday", "2024-03-09", "day")]),
    ("The port reopens today.", [("today", "2024-03-10", "day")]),
    ("Shots were heard last night.", [("last night", "2024-03-09", "day")]),
    ("Inspectors visited the terminal last month.", [("last month", "2024-02", "month")]),
    ("Profits fell last year.", [("last year", "2023", "year")]),
    ("A smaller blaze in May last year damaged a crane.", [("May last year", "2023-05", "month")]),
    ("The dock was rebuilt last May.", [("last May", "2023-05", "month")]),
    ("It is the second fire since May 2023.", [("May 2023", "2023-05", "month")]),
    ("Its inspectors visited on Feb. 12.", [("Feb. 12", "2024-02-12", "day")]),
    ("Its inspectors visited on February 12.", [("February 12", "2024-02-12", "day")]),
    ("Its inspectors visited on 12 February.", [("12 February", "2024-02-12", "day")]),
    ("The ship sank on Dec. 3.", [("Dec. 3", "2023-12-03", "day")]),
    ("The trial will begin on April 3.", [("April 3", "2024-04-03", "day")]),
    ("The results will be announced on Thursday.", [("Thursday", "2024-03-14", "day")]),
    ("Rain is forecast for Saturday.", [("Saturday", "2024-03-16", "day")]),
    ("The recount is set for April 3.", [("April 3", "2024-04-03", "day")]),
    ("The hearing was adjourned until April 3.", [("April 3", "2024-04-03", "day")]),
    ("Sailings are suspended until Tuesday.", [("Tuesday", "2024-03-12", "day")]),
    ("Vogt said workers would hold a protest on Monday.", [("Monday", "2024-03-11", "day")]),
    ("Customers should be reconnected by Monday evening.", [("Monday evening", "2024-03-11", "day")]),
    ("The line would have reopened on Monday.", [("Monday", "2024-03-04", "day")]),
    ("The summit took place on 14-15 February.", [("14-15 February", "2024-02-14", "day")]),
    ("Inflation fell in December, the lowest since 2021.", [("December", "2023-12", "month"), ("2021", "2021", "year")]),
    ("Five years ago the town changed.", [("Five years ago", "2019", "year")]),
    ("The law was signed on March 9, 2021.", [("March 9, 2021", "2021-03-09", "day")]),
    ("The law was signed on 9 March 2021.", [("9 March 2021", "2021-03-09", "day")]),
    ("The memo is dated 2021-03-09.", [("2021-03-09", "2021-03-09", "day")]),
    ("The problems we identified in February were not fixed.", [("February", "2024-02", "month")]),
    ("The plant closed in 2019.", [("2019", "2019", "year")]),
    ("The plant closed three years ago.", [("three years ago", "2021", "year")]),
    ("She returned on Friday, March 13, to collect her things.", [("Friday, March 13", "2020-03-13", "day")]),
    ("The show returns later this year.", [("later this year", "2024", "year")]),
    ("In 2019, on Feb. 12, the board met.", [("2019", "2019", "year"), ("Feb. 12", "2019-02-12", "day")]),
    ("Inspectors visited last month, on Feb. 12, and left.",
     [("last month", "2024-02", "month"), ("Feb. 12", "2024-02-12", "day")]),
])
def test_dates_resolve_against_publication(sentence, expected):
    assert resolved(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "He may be right about the cause.",
    "May I ask a question?",
    "Thousands will march through the city.",
    "The Sunday Times first reported the story.",
    "Shops expect a rush on Black Friday.",
    "The market is open on Fridays.",
    "Crews worked through the night and into the early hours.",
    "The fire was under control by mid-morning.",
    "It is the second fire in less than a year.",
    "The protest took place a day after the fire.",
    # a programme's name (Multi-News ta034: 'as he told NBC's Today:', 'Avenatti told "Today"')
    "He argued the point, as he told NBC’s Today: the deal was void.",
    "Earlier, Avenatti told \"Today\" that the lawsuit would let her speak.",
    "She appeared on The Tonight Show with a new song.",
])
def test_dates_ignore_words_that_are_not_dates(sentence):
    assert resolved(sentence) == []


def test_dates_last_week_gives_a_month_only_inside_one_month():
    # Published Wednesday 2024-03-20: last week is 11-17 March.
    assert resolved("The board met last week.", date(2024, 3, 20)) == [("last week", "2024-03", "month")]
    # Published Sunday 2024-03-10: last week is 26 Feb - 3 March, two months: no date.
    assert resolved("The board met last week.", SUNDAY) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The fire broke out on Friday.", []),
    ("Inspectors visited last month, on Feb. 12.", []),
    ("The law was signed on March 9, 2021, in 2019 drafted.", [("March 9, 2021", "2021-03-09", "day"),
                                                                 ("2019", "2019", "year")]),
    ("It is the second fire since May 2023.", [("May 2023", "2023-05", "month")]),
])
def test_dates_without_publication_only_absolute_dates_resolve(sentence, expected):
    assert resolved(sentence, None) == expected


def test_dates_december_in_a_january_article_is_last_year():
    assert resolved("The ship sank on Dec. 28.", date(2024, 1, 5)) == [("Dec. 28", "2023-12-28", "day")]


def test_dates_read_tense_in_their_own_sentence():
    # A whole text may be passed: "will" in one sentence does not send the next one's date forward.
    text = "The council will vote next month. The mayor resigned on Tuesday."
    assert resolved(text)[-1] == ("Tuesday", "2024-03-05", "day")


def test_dates_use_each_articles_own_publication_day():
    saturday = Article(id="sat", text="It began on Saturday.", published=published("2024-03-09"))
    monday = Article(id="mon", text="It began on Saturday.", published=published("2024-03-11"))
    sentences = [Sentence(a.id, 0, 0, len(a.text), a.text) for a in (saturday, monday)]
    dates = find_dates([saturday, monday], sentences)
    assert [(d.span.article, d.date) for d in dates] == [("sat", "2024-03-09"), ("mon", "2024-03-09")]
    assert all(saturday.text[d.span.start:d.span.end] == d.text == "Saturday" for d in dates)


@pytest.mark.xfail(reason="'the day after' a dated event is not chained to that date", strict=True)
def test_dates_relative_to_another_date():
    assert resolved("The fire started on Friday and crews left the day after.")[-1][1] == "2024-03-09"


def test_dates_match_the_example(example_digest, example_expected):
    found = {(d.span.article, d.text, d.date, d.precision) for d in example_digest.extraction.dates}
    wanted = [(e["article"], e["date_text"], e["date"], e["precision"]) for e in example_expected["dates"]]
    assert [w for w in wanted if w not in found] == []
    # Nothing beyond the planted dates: each one found is one of them.
    assert len(example_digest.extraction.dates) == len(wanted)


def test_dates_example_noise_dates_are_not_read(example_digest, example_expected):
    texts = {(d.span.article, d.text) for d in example_digest.extraction.dates}
    wanted = {(e["article"], e["date_text"]) for e in example_expected["dates"]}
    leaked = [n for n in example_expected["noise_dates"] if (n["article"], n["text"]) in texts - wanted]
    assert leaked == []


# ---- issue 22: dates as real news writes them ----------------------------------------------------

def test_dates_weekday_and_date_agree_near_publication():
    # A December 2017 story: "Monday, December 25" is 2017-12-25, not 2006 (the last December 25
    # that was a Monday before publication).
    assert resolved("The office is closed on Monday, December 25.", date(2017, 12, 20)) == [
        ("Monday, December 25", "2017-12-25", "day")]
    assert resolved("The office was closed on Monday, December 25.", date(2017, 12, 28)) == [
        ("Monday, December 25", "2017-12-25", "day")]


def test_dates_a_past_verb_right_before_the_weekday_looks_back():
    assert resolved("The agency, which will review the case, disclosed Tuesday that it found the flaw.") == [
        ("Tuesday", "2024-03-05", "day")]


def test_dates_an_expected_update_looks_forward():
    assert resolved("The company expects to give another update in January.", date(2017, 12, 15)) == [
        ("January", "2018-01", "month")]


def test_dates_no_year_borrowed_from_a_nearby_number():
    assert resolved("The Dow fell 1999 points on Feb. 5.", date(2018, 2, 10)) == [("Feb. 5", "2018-02-05", "day")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A 2012 report found sound evidence.", [("2012", "2012", "year")]),
    ("It is gorier than Sam Raimi’s 1981 original.", [("1981", "1981", "year")]),
    ("Crossroads spent $176 million during the 2012 election cycle.", [("2012", "2012", "year")]),
    ("The World Happiness report for 2016 found that Denmark is happiest.", [("2016", "2016", "year")]),
    ("He was the manager at Yahoo between 2007 to 2009.", [("2007", "2007", "year"), ("2009", "2009", "year")]),
    ("He was general manager between 2013 and 2014.", [("2013", "2013", "year"), ("2014", "2014", "year")]),
    ("Mike Cernovich Live on Periscope 12-29-2016.", [("12-29-2016", "2016-12-29", "day")]),
])
def test_dates_years_as_news_writes_them(sentence, expected):
    assert resolved(sentence, None) == expected


@pytest.mark.parametrize("sentence", [
    "The 2000 troops arrived at dawn.",
    "About 1500 people marched.",
    "The form is dated 03/04/2016.",  # day and month cannot be told apart
    "The popular 1955 Burger returns.",
])
def test_dates_numbers_that_are_not_years(sentence):
    assert resolved(sentence, None) == []


def test_dates_an_election_named_by_its_month_in_a_future_sentence():
    assert resolved("They should wait until after the November elections.", date(2018, 6, 25)) == [
        ("November", "2018-11", "month")]


def test_dates_a_month_and_day_take_the_year_of_the_story_told_just_before():
    text = ("Three months later, by July 1955, the base was ready. "
            "On July 25, the first prototype was delivered.")
    article = Article(id="u2", text=text)
    second = text.index("On July")
    sentences = [Sentence("u2", 0, 0, second - 1, text[:second - 1]), Sentence("u2", 1, second, len(text), text[second:])]
    assert [(d.text, d.date) for d in find_dates([article], sentences)] == [("July 1955", "1955-07"), ("July 25", "1955-07-25")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # fresh3 real draw (ta107, ta194, ta133) and the new draw (ta181, ta105): adjectival years
    # before a singular noun in -us, after a possessive pronoun, before a capitalised name.
    ("The proposal looks better than the 2009 stimulus did.", [("2009", "2009", "year")]),
    ("She described the skirmish in her 2003 book on ancient warfare.", [("2003", "2003", "year")]),
    ("The film's opening scene is the 2004 Indian Ocean tsunami.", [("2004", "2004", "year")]),
    ("He found an 1866 Liberty coin in the yard.", [("1866", "1866", "year")]),
    # a range of years written with a hyphen, and a month with a comma before its year
    ("Remains were unearthed by excavations in 1920-1937 by French teams.",
     [("1920", "1920", "year"), ("1937", "1937", "year")]),
    ("Crawl of outlinks started March, 2016.", [("March, 2016", "2016-03", "month")]),
])
def test_dates_written_years_in_more_shapes(sentence, expected):
    assert resolved(sentence, None) == expected


@pytest.mark.parametrize("sentence", [
    "The 2000 Americans who signed the letter were thanked.",
    "About 2000 troops arrived, the 1500 Marines among them.",
])
def test_dates_a_count_before_a_capitalised_plural_is_no_year(sentence):
    assert resolved(sentence, None) == []


@pytest.mark.parametrize("sentence, years", [
    ("Analysis of melt inclusions from the 1980 and 2008 eruption cycles indicates hot magma.", ["1980", "2008"]),
    ("The 2004 and 2008 elections were close.", ["2004", "2008"]),
    ("Sales rose in 2010 and 2012.", ["2010", "2012"]),
    ("The 2000 and 3000 troops were sent in two waves.", []),
])
def test_dates_the_first_of_two_years_before_a_noun_is_a_year(sentence, years):
    # Multi-News ta243: "the 1980 and 2008 eruption cycles" gave the timeline 2008 alone.
    assert [d.date for d in dates_in(sentence, None)] == years

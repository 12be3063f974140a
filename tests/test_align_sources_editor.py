"""Sources and facts as an editor counts them (issue 16, seventh round): one charging document's
allegations are one source while the act of charging is each outlet's report (convention in
benchmarks/gold/align/real/README.md, "Charging documents"); one quotation carried by two outlets
is one statement; an outlet saying one thing twice gives the fact two sentences."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.align.allegations import charging_document
from storydesk.model import Extraction, Quote, QuoteMention, ReuseReport, Span
from tests.test_align import story
from tests.test_align_sources import run


@pytest.mark.parametrize("text", [
    "The case began when McCullum offered to repair her iPhone in March last year, according to the indictment.",
    "According to the U.S. attorney's description of the charges, in March 2016 she asked him to take her phone.",
    "Prosecutors allege McCullum created a Hotmail email account under a fake name.",
    "In July 2016 he allegedly created a Hotmail account under a fake name, the indictment states.",
    "Federal investigators alleged that Browne-Louis deleted his texts from her phone.",
])
def test_an_allegation_told_from_a_charging_document_is_the_documents(text: str) -> None:
    assert charging_document(text)


@pytest.mark.parametrize("text", [
    # The act: an arrest or a charge is a public record each outlet reports (ta195, ta141).
    "A pair of activists were arrested on federal terrorism charges Friday for allegedly driving 40,000 miles.",
    "Kissane and Buddenberg have been indicted on charges of conspiracy, prosecutors said.",
    "McCullum faces two counts of cyberstalking.",
    # Nothing alleged.
    "The couple said the photos were stolen from her phone.",
])
def test_an_arrest_a_charge_or_a_plain_statement_is_no_allegation(text: str) -> None:
    assert not charging_document(text)


def test_one_indictments_allegation_told_by_two_outlets_is_one_source(encoder) -> None:
    # fresh ta058: both outlets take the deleted texts from the indictment.
    alignment = run({
        "post": ["A forensic investigation found Browne-Louis had deleted multiple texts and emails from McCullum, "
                 "according to the indictment."],
        "politico": ["Investigators alleged that Browne-Louis deleted multiple texts and emails from McCullum."]})
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert fact.independent_sources == 1
    assert any("charging document" in note for note in fact.origin_notes)


def test_one_charge_reported_by_two_outlets_counts_twice(encoder) -> None:
    alignment = run({
        "post": ["Juan McCullum was charged with two counts of cyberstalking on Thursday."],
        "politico": ["McCullum was indicted on two counts of cyberstalking, the U.S. attorney's office said."]})
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert fact.independent_sources == 2


@pytest.mark.parametrize("text", [
    "The suit also charges that Trump and Cohen sought to silence her.",
    "One caveat is that Cohen has already filed an arbitration proceeding, with the lawsuit alleging that it was "
    "filed surreptitiously.",
])
def test_a_document_that_charges_or_is_alleging_gives_its_allegation(text: str) -> None:
    assert charging_document(text)


# One quotation held and spoken alike (pairs4 ta162, pairs ta248): the grouping of a quotation
# carried by two outlets.

def test_a_quotation_with_its_own_not_is_one_statement_in_both_outlets(encoder) -> None:
    alignment = run({
        "slate": ["“This is not a spin-off of the old series,” says writer Dana Aaron in the studio’s press release."],
        "release": ["Series writer Dana Aaron emphasizes, “This is not a spin-off of the old series."]})
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert fact.independent_sources == 1


def test_a_denial_of_a_quotation_is_no_support_for_it(encoder) -> None:
    alignment = run({
        "a": ["Harlan denied saying “we will close the plant next year” at the meeting."],
        "b": ["“We will close the plant next year,” Harlan said at the meeting."]})
    assert all(len(f.sources) == 1 for f in alignment.facts)


def test_one_quotation_given_to_a_name_inside_it_is_still_one_statement(encoder) -> None:
    words = "With half a million ballots left to count, we remain confident Martha McSally will be elected"
    texts = {"a": [f'"{words}," said campaign manager Jim Bognet.'],
             "b": [f'"{words}," McSally\'s campaign manager Jim Bognet said in a statement.']}
    articles_, sentences = story(texts)
    mentions = (QuoteMention("a", words, Span("a", 1, len(words) + 1), "Martha McSally", "e1", sentence=0),
                QuoteMention("b", words, Span("b", 1, len(words) + 1), "Jim Bognet", "e2", sentence=0))
    extraction = Extraction(quotes=(Quote("q1", words, "Jim Bognet", ("a", "b"), mentions=mentions),))
    alignment = align_facts(articles_, sentences, extraction, ReuseReport())
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert fact.independent_sources == 1


def test_one_quotation_given_to_two_speakers_not_named_beside_it_stays_apart(encoder) -> None:
    words = "We will rebuild the whole dock before the summer season starts"
    texts = {"a": [f'"{words}," said harbour master Ann Voss.'],
             "b": [f'"{words}," said the mayor, Carl Brandt.']}
    articles_, sentences = story(texts)
    mentions = (QuoteMention("a", words, Span("a", 1, len(words) + 1), "Ann Voss", "e1", sentence=0),
                QuoteMention("b", words, Span("b", 1, len(words) + 1), "Carl Brandt", "e2", sentence=0))
    extraction = Extraction(quotes=(Quote("q1", words, "Ann Voss", ("a", "b"), mentions=mentions),))
    alignment = align_facts(articles_, sentences, extraction, ReuseReport())
    assert all(len(f.sources) == 1 for f in alignment.facts)


def test_an_outlet_saying_one_thing_twice_gives_the_fact_both_sentences(encoder) -> None:
    alignment = run({
        "a": ["The bridge reopened to traffic on Monday after six weeks of repairs.",
              "Officials thanked the crews who worked through the night.",
              "Forecasters expect heavy rain across the county later this week.",
              "The bridge was reopened to traffic on Monday, ending six weeks of repair work."],
        "b": ["After six weeks of repairs, the bridge reopened to traffic on Monday."]})
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert len(fact.evidence) == 3
    assert fact.independent_sources == 2

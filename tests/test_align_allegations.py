"""One charging document's allegations are one source; the act of charging is each outlet's report
(issue 16, convention in benchmarks/gold/align/real/README.md, "Charging documents")."""

from __future__ import annotations

import pytest

from storydesk.align.allegations import charging_document
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

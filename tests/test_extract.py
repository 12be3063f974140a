"""Extract: quantities normalized, dates resolved against publication, entities merged across
spellings, quotes with their speakers, and the timeline, on sentences and on the example."""

from __future__ import annotations

from datetime import date

import pytest

from storydesk.extract.dates import dates_in
from storydesk.extract.entities import core_name, merge_mentions
from storydesk.extract.quantities import quantities_in

SUNDAY = date(2024, 3, 10)


@pytest.mark.parametrize("text, expected", [
    ("Five firefighters were hurt.", [(5, "=", "firefighter", None)]),
    ("At least four rockets hit the town.", [(4, ">=", "rocket", None)]),
    ("six rockets", [(6, "=", "rocket", None)]),
    ("more than 200 residents were evacuated", [(200, ">", "resident", None)]),
    ("five off-duty firefighters", [(5, "=", "firefighter", None)]),
    ("41 of the 120 containers were damaged", [(41, "=", "container", 120)]),
    ("three-quarters of the dock is closed", [(0.75, "=", "dock", None)]),
    ("Dozens of boats were moved", [(24, ">=", "boat", None)]),
    # "people" stays "people", as examples/harbor-fire/expected.json counts it ("About 60 people").
    ("a dozen people", [(12, "=", "people", None)]),
    ("twenty-three people died", [(23, "=", "people", None)]),
    ("about 1,200 homes lost power", [(1200, "~", "home", None)]),
    ("1.5 million dollars", [(1_500_000, "=", "dollar", None)]),
    ("destroyed three warehouses and injured six firefighters", [(3, "=", "warehouse", None), (6, "=", "firefighter", None)]),
    # Not quantities: dates, years, times, "one of the", pronouns after a number.
    ("on March 8 at 2 a.m.", []),
    ("in 2023 a smaller blaze", []),
    ("one of the firefighters", []),
    ("two of whom were in hospital", []),
])
def test_extract_quantities(text, expected):
    got = [(q.value, q.qualifier, q.noun, q.upper) for q in quantities_in(text)]
    assert got == [(float(v), qual, noun, None if up is None else float(up)) for v, qual, noun, up in expected]


@pytest.mark.parametrize("text, expected", [
    ("The fire broke out early Friday.", [("2024-03-08", "day", "early Friday")]),
    ("on Friday", [("2024-03-08", "day", "Friday")]),
    ("on Sunday", [("2024-03-10", "day", "Sunday")]),
    ("last Sunday", [("2024-03-03", "day", "last Sunday")]),
    ("next Friday", [("2024-03-15", "day", "next Friday")]),
    ("yesterday", [("2024-03-09", "day", "yesterday")]),
    ("last month", [("2024-02", "month", "last month")]),
    ("in May last year", [("2023-05", "month", "May last year")]),
    ("on Feb. 12", [("2024-02-12", "day", "Feb. 12")]),
    ("on 12 February 2023", [("2023-02-12", "day", "12 February 2023")]),
    ("since May 2023, when", [("2023-05", "month", "May 2023")]),
    ("in 2019", [("2019", "year", "2019")]),
    ("The union will hold a protest on Monday.", [("2024-03-11", "day", "Monday")]),
    ("Sailings are suspended until Tuesday, after the crash on Friday.", [("2024-03-12", "day", "Tuesday"), ("2024-03-08", "day", "Friday")]),
    ("It may be weeks.", []),
    ("the Sunday Times reported", []),
    ("last week", []),
])
def test_extract_dates_resolve_against_publication(text, expected):
    assert [(d.date, d.precision, d.text) for d in dates_in(text, SUNDAY)] == expected


def test_extract_dates_without_publication_only_absolute():
    assert [d.date for d in dates_in("on Friday, and on March 3, 2021", None)] == ["2021-03-03"]


def test_extract_dates_december_in_a_january_article_is_last_year():
    assert [d.date for d in dates_in("on Dec. 28", date(2024, 1, 5))] == ["2023-12-28"]


@pytest.mark.parametrize("a, b", [
    ("Hassan al-Rubaie", "Hassan Al-Rubaie"), ("Mr. al-Rubaie", "al-Rubaie"), ("Mr Rubaie", "Rubaie"),
    ("National Defence Council", "National Defense Council"), ("the Port Authority", "Port Authority"),
])
def test_extract_core_names_match(a, b):
    assert core_name(a) == core_name(b)


def test_extract_entities_merge_spellings_surnames_and_acronyms():
    mentions = [
        ("person", "Hassan al-Rubaie", "a", 0, 16), ("person", "Mr. Rubaie", "b", 0, 10),
        ("person", "al-Rubiae", "c", 0, 9), ("organization", "El-Amrani", "a", 20, 29),
        ("person", "Youssef el-Amrani", "b", 20, 37), ("person", "Yousef al-Amrani", "c", 20, 36),
        ("organization", "National Defence Council", "a", 40, 64), ("organization", "NDC", "b", 40, 43),
        ("organization", "National Defense Council", "c", 40, 64),
        ("person", "Sara Haddad", "a", 70, 81), ("person", "Omar Haddad", "b", 70, 81),
    ]
    entities = merge_mentions(mentions, {"NDC": "National Defence Council"})
    by_name = {e.name: e for e in entities}
    assert set(by_name["Hassan al-Rubaie"].aliases) == {"Mr. Rubaie", "al-Rubiae"}
    assert by_name["Youssef el-Amrani"].type == "person" and len(by_name["Youssef el-Amrani"].sources) == 3
    council = next(e for e in entities if "NDC" in e.aliases)
    assert council.type == "organization" and len(council.sources) == 3
    assert "Sara Haddad" in by_name and "Omar Haddad" in by_name, "two people sharing a surname stay apart"


def test_extract_example_entities(example_digest):
    entities = {e.name: e for e in example_digest.extraction.entities}
    assert {"Hassan al-Rubaie", "Youssef el-Amrani", "Nadia Ferreira", "Halvard Logistics"} <= set(entities)
    assert {"Yousef al-Amrani", "El-Amrani"} <= set(entities["Youssef el-Amrani"].aliases)
    assert "NHSB" in entities["National Harbour Safety Board"].aliases
    texts = {a.id: a.text for a in example_digest.articles}
    for entity in entities.values():
        for span in entity.mentions:
            assert texts[span.article][span.start:span.end] in {entity.name, *entity.aliases}


def test_extract_example_quotes_have_their_speakers(example_digest, example_expected):
    quotes = example_digest.extraction.quotes
    texts = {a.id: a.text for a in example_digest.articles}
    for expected in example_expected["quotes"]:
        key = expected["text"][:30]
        found = [q for q in quotes if q.text[:30].replace("’", "'") == key.replace("’", "'") or key in q.text]
        assert found, f"quote not found: {key}"
        assert found[0].speaker == expected["speaker"], key
        assert set(expected["sources"]) <= set(found[0].sources) | {"city-tribune"}
    for quote in quotes:
        for mention in quote.mentions:
            assert texts[mention.article][mention.span.start:mention.span.end] == mention.text
    wind = next(q for q in quotes if q.text.startswith("If the wind had turned"))
    assert {m.speaker for m in wind.mentions if m.article == "independent-report"} == {"Youssef el-Amrani"}


def test_extract_example_timeline_resolves_relative_dates(example_digest):
    timeline = example_digest.alignment.timeline
    dates = [t.date for t in timeline]
    assert dates == sorted(dates)
    assert "2024-03-08" in dates and "2023-05" in dates and "2024-02-12" in dates
    fire = next(t for t in timeline if t.date == "2024-03-08" and "fire tore through" in t.text)
    assert len(fire.sources) >= 3

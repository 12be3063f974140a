"""Extract: quantities normalized, dates resolved against publication, and the timeline, on
sentences and on the example (entities and quotes: test_entities.py, test_quotes.py)."""

from __future__ import annotations

from datetime import date

import pytest

from storydesk.extract.dates import dates_in
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


def test_extract_example_timeline_resolves_relative_dates(example_digest):
    timeline = example_digest.alignment.timeline
    dates = [t.date for t in timeline]
    assert dates == sorted(dates)
    assert "2024-03-08" in dates and "2023-05" in dates and "2024-02-12" in dates
    fire = next(t for t in timeline if t.date == "2024-03-08" and "fire tore through" in t.text)
    assert len(fire.sources) >= 3

from __future__ import annotations

import pytest

from storydesk.byline import find_date, parse_byline


@pytest.mark.parametrize(
    "line, authors, outlet, day",
    [
        ("By Marta Lindqvist, Meridian Press | March 9, 2024", ("Marta Lindqvist",), "Meridian Press", "2024-03-09"),
        ("By Meridian Press · Posted March 9, 2024 10:05 am", (), "Meridian Press", "2024-03-09"),
        ("By Priya Raman, City Tribune | Sunday, March 10, 2024", ("Priya Raman",), "City Tribune", "2024-03-10"),
        ("By Owen Tremblay | Port Averly Independent | March 10, 2024", ("Owen Tremblay",), "Port Averly Independent", "2024-03-10"),
        ("By Jane Doe and John Roe, The Daily Planet", ("Jane Doe", "John Roe"), "The Daily Planet", None),
        ("By Jane Doe", ("Jane Doe",), None, None),
        ("BY SAM LEE | 12 February 2023", ("SAM LEE",), None, "2023-02-12"),
    ],
)
def test_byline_parses_authors_outlet_and_date(line, authors, outlet, day):
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.outlet == outlet
    assert (byline.published.date().isoformat() if byline.published else None) == day


@pytest.mark.parametrize("line", [
    "By noon on Friday, the fire had spread to a second warehouse and crews were pulled back from the dock.",
    "Firefighters battled the blaze for hours.",
    "",
])
def test_byline_rejects_sentences(line):
    assert parse_byline(line) is None


def test_byline_find_date_with_time():
    assert find_date("Posted March 9, 2024 10:05 pm").isoformat() == "2024-03-09T22:05:00+00:00"
    assert find_date("Updated 2024-03-10") .date().isoformat() == "2024-03-10"
    assert find_date("no date here") is None
    assert find_date("February 30, 2024") is None

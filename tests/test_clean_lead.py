"""The clean stage keeps an article's opening paragraph (issue 22): a lead cut off from the rest
of the body by photo captions, or a lead whose final full stop the scraper lost, is body, not
navigation. Losing it costs every later stage, the summary most, the story's lead."""

from __future__ import annotations

import json

import pytest

from storydesk.clean import clean_documents
from storydesk.model import RawDocument
from tests.conftest import DATA
from tests.conftest import clean_paragraphs as cleaned

LEAD = ("HARBOURTON (Wire) - Seventy-five years after the city's first tram ran, archive research is shedding "
        "light on the quarrels between the builders and the council at the time.")
CAPTIONS = [
    "In this image released by the Harbourton Museum, workers lay the first rails on Quay Street in 1949. "
    "75 years after the opening... (Associated Press)",
    "In this photo taken from video on Dec. 10, 2024, historian Mara Ilic discusses the council's minutes... "
    "(Associated Press)",
    "In this image released by the Harbourton Museum, the first tram crosses the harbour bridge. 75 years after "
    "the opening... (Associated Press)",
    "In this image released by the Harbourton Museum, crowds wait at the depot on opening day. 75 years after "
    "the opening... (Associated Press)",
]
BODY = [
    "Historian Mara Ilic has read the builders' letters in the city archive. Her findings show how often the "
    "two sides fell out over the route along the harbour.",
    "\"The builders wanted the quay, the council wanted the hill,\" said Ilic. \"Neither gave way for a year.\"",
    "The line opened in the end along the quay, and the hill got its own branch a decade later, after the "
    "council changed hands and the new members agreed to pay for it.",
]


def test_clean_keeps_a_lead_that_captions_part_from_the_body() -> None:
    body, removed = cleaned("\n\n".join([LEAD, *CAPTIONS, *BODY]))
    assert body == [LEAD, *BODY]
    assert all(removed[caption] == "caption" for caption in CAPTIONS)


def test_clean_keeps_a_lead_that_lost_its_full_stop() -> None:
    lead = ("Harbourton's deputy mayor Ana Ruiz and opposition leader Tom Brandt sparred on Sunday over the council's "
            "claim that the new tram line had suffered from “delays”")
    body, _ = cleaned("\n\n".join([lead, *BODY]))
    assert body == [lead, *BODY]


def test_clean_keeps_a_lead_under_the_pages_dateline() -> None:
    masthead = ["Home", "News", "World", "Harbourton's first tram line turns seventy-five", "Mara Ilic",
                "18 Nov 2024, 19:09"]
    body, removed = cleaned("\n".join(masthead) + "\n\n" + "\n\n".join([LEAD, *CAPTIONS, *BODY]))
    assert body == [LEAD, *BODY]
    assert removed["Home"] == "navigation"


def test_clean_still_drops_a_menu_above_captions() -> None:
    menu = ["Home", "News", "Sport", "Weather"]
    body, removed = cleaned("\n".join(menu) + "\n\n" + "\n\n".join([*CAPTIONS, *BODY]))
    assert body == BODY
    assert all(removed[item] == "navigation" for item in menu)


def multinews_document(story: str, document: str) -> tuple[str, list[str]]:
    """The cleaned body of one Multi-News document, cleaned with the rest of its story; and its input lines."""
    with (DATA / "multinews" / "val.jsonl").open() as handle:
        record = next(r for r in map(json.loads, handle) if r["id"] == story)
    docs = [RawDocument(id=d["id"], content=d["text"]) for d in record["documents"] if d["text"].strip()]
    articles, _ = clean_documents(docs)
    text = next(d.content for d in docs if d.id == document)
    return next(a.text for a in articles if a.id == document), text.split("\n")


@pytest.mark.skipif(not (DATA / "multinews" / "val.jsonl").exists(), reason="shared Multi-News data not present")
@pytest.mark.parametrize("story, document", [
    ("multinews-validation-ta039", "d1"),  # "ATLANTA (AP) — Seventy-five years after...", then four captions
    ("multinews-validation-ta232", "d3"),  # "... sparred on Sunday over ... “Romnesia”" with no full stop
])
def test_clean_multinews_leads_found_lost_by_the_summary_work_are_kept(story: str, document: str) -> None:
    body, lines = multinews_document(story, document)
    assert body.split("\n\n")[0] == lines[0].strip()


@pytest.mark.skipif(not (DATA / "aeb").exists(), reason="shared aeb data not present")
def test_clean_html_fast_extraction_that_takes_a_menu_is_redone_in_full() -> None:
    # An aeb tune page (a city hall's news item) whose fast extraction is its 8,700-character menu.
    import gzip

    page = next((DATA / "aeb" / "html").glob("f6ac15a4d985*.html.gz"))
    articles, _ = clean_documents([RawDocument(id="page", content=gzip.open(page).read().decode(), is_html=True)])
    text = articles[0].text
    assert "registrou nesta manhã o arrombamento" in text and "Ouvidoria" not in text
    assert len(text.split()) < 200


def test_clean_keeps_the_lead_of_a_round_up_of_posts() -> None:
    # A round-up: the news in two paragraphs, then embedded posts (their words kept: they are what
    # the article quotes; their signatures removed as social) with an author's label between, then
    # quoted tributes long enough to win the region.
    lead = ["Tram driver Ines Varga, who drove the harbour line for forty years, died on Tuesday at 71, the "
            "city transport authority said.",
            "Quickly after the news surfaced, many colleagues paid their respects to her on social media."]
    posts = [f"RIP Ines, the best of us {n}. — Driver {n} (@driver{n}) June 20, 2024" for n in range(6)]
    tributes = [f"\"Ines taught a whole generation of us how to drive the hill in winter, and she never once lost "
                f"her temper with a passenger, not even on the last tram on a Saturday night,\" said driver {n}."
                for n in range(5)]
    text = "\n\n".join(["Harbour line mourns its longest-serving driver", *lead, "Check out the posts below.",
                        *posts[:3], "AZ", *posts[3:], *tributes])
    body, removed = cleaned(text)
    assert body[:2] == lead and body[-5:] == tributes
    assert all(f"RIP Ines, the best of us {n}." in body for n in range(6))
    assert all(removed[f"— Driver {n} (@driver{n}) June 20, 2024"] == "social" for n in range(6))

"""Clean stage, issue 22 round 6: link lines kept as body, each form found in the summary clusters
(Multi-News val) before a rule was written (invented text here, as regression tests)."""

from __future__ import annotations

from tests.conftest import clean_paragraphs as cleaned
from tests.test_clean_round4 import BODY, MENU, page


def test_clean_time_more_link_in_capitals_without_a_colon_is_related() -> None:
    # TIME (Multi-News ta046 d0): "MORE 5 Photos That Show How ..." between paragraphs, a linked headline.
    links = ["MORE 5 Photos That Show How the Harbour Bridge Was Built",
             "MORE Is the Toll Road Worth It? Here's What Drivers Say"]
    body, removed = cleaned(page(MENU, BODY[:2], links[0], BODY[2:3], links[1], BODY[3:]))
    assert body == BODY
    assert all(removed[link] == "related" for link in links)


def test_clean_more_in_capitals_opening_a_sentence_or_a_subhead_stays() -> None:
    sentence = "MORE than 300 people were evacuated from the harbour district overnight, the fire service said."
    subhead = "MORE DELAYS AHEAD"
    body, _ = cleaned(page(MENU, BODY[:2], sentence, subhead, BODY[2:]))
    assert sentence in body and subhead in body


def test_clean_explore_further_and_more_information_lines_are_related() -> None:
    # Phys.org and Medical Xpress close with "Explore further: <related headline>" and "More information:
    # <the paper's citation>" (Multi-News ta056 d2).
    tail = ["Explore further: Newly built harbour bridge could cut commute times by half",
            "More information: Harbour bridge tolls and commuter behaviour, Journal of Transport Studies (2024)."]
    body, removed = cleaned(page(MENU, BODY, tail))
    assert body == BODY
    assert all(removed[line] == "related" for line in tail)


def test_clean_more_information_in_a_sentence_of_the_body_stays() -> None:
    line = "More information about the tolls will be published next month, the ministry said in a statement."
    body, _ = cleaned(page(MENU, BODY[:2], line, BODY[2:]))
    assert line in body


TEASERS = [f"Researchers in the harbour city found that {topic} changed faster than expected, according to a new ..."
           for topic in ("tides", "bridge traffic", "ferry fares", "fish stocks", "rents", "commutes", "storms",
                         "water quality", "bird counts", "school places", "night buses", "bike lanes")]


def test_clean_a_page_of_story_teasers_cut_off_is_left_out_with_its_reason() -> None:
    # A science site's listing page (sixth fresh sample ta089 d1: 78 of 88 lines end " ..."), saved in
    # place of the article: no story of its own.
    from storydesk.clean import clean_documents
    from storydesk.model import RawDocument

    text = page(TEASERS, "Most Popular Stories this week", "About this Site",
                "The site features breaking news about the latest discoveries in science, health and technology.")
    articles, problems = clean_documents([RawDocument(id="listing", content=text)])
    assert articles == []
    assert any("not a news article: a list of story teasers" in p.message and p.fatal for p in problems)


def test_clean_an_article_with_a_few_teasers_under_it_is_kept() -> None:
    body, _ = cleaned(page(MENU, BODY, "Related stories", TEASERS[:4]))  # asserts it is not left out
    assert body[:len(BODY)] == BODY

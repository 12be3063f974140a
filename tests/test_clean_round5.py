"""Clean stage, issue 22 round 5: lines lost or kept wrongly in plain text, each form taken from
the aeb tune pages or Multi-News stories 1-40 (invented text here, as regression tests)."""

from __future__ import annotations

from tests.conftest import clean_paragraphs as cleaned
from tests.test_clean_round4 import BODY, MENU, page


def test_clean_teaser_block_goes_on_over_headlines_that_end_in_a_quote() -> None:
    # aeb tune 8b1945 (The Sun): "Most read in world news", then kickers in capitals and headlines,
    # some ending on a quotation mark ("... 'he avoids PDAs & can't sweat'"): a headline, not prose.
    teasers = ["Most read in world news", "HARBOUR ROW",
               "Mayor parties in unearthed pics despite claiming 'he never leaves the office at night'",
               "TIME TRAVELLER", "Residents say they've spotted the ferry captain in a 120-year-old picture",
               "'NAIVE AND TRUSTING'", "Council clerk 'gave away keys to the bridge depot to a stranger'"]
    body, removed = cleaned(page(MENU, BODY[:2], teasers, BODY[2:]))
    assert body == BODY
    assert all(removed[t] == "related" for t in teasers)


def test_clean_teaser_block_ends_where_the_body_resumes_with_a_sentence() -> None:
    teasers = ["Most read in world news", "HARBOUR ROW", "Mayor parties in unearthed pics despite claiming 'no'"]
    resumed = "Officials said the tolls would pay for the repairs 'within a decade'."
    body, removed = cleaned(page(MENU, BODY[:2], teasers, resumed, BODY[2:]))
    assert body == [*BODY[:2], resumed, *BODY[2:]]

"""The clean stage keeps a real article's body whatever its layout (issue 23's rows), and a page
that is not an article is left out with its reason and its lines (issue 22)."""

from __future__ import annotations

import json
import textwrap

import pytest
from typer.testing import CliRunner

from storydesk.clean import clean_documents
from storydesk.clean.html import extract_html
from storydesk.model import RawDocument
from storydesk.segment import split_sentences
from tests.conftest import DATA
from tests.test_clean import BODY, assert_body_whole

WIRE = [
    "PORT LUMEN (Wire) - A tram derailed near the central station on Tuesday morning, injuring six "
    "passengers, the city transport authority said.",
    "The tram left the rails on a curve at low speed shortly after 8 a.m.",
    "\"We heard a loud screech and then everybody fell forward,\" said Ines Varga, who was on her way to "
    "work, adding that the driver had helped passengers climb out through the rear doors.",
    "Engineers were on site by noon.",
    "The authority said the line would stay closed until engineers had inspected the track, and that buses "
    "would replace trams on the route for the rest of the day. A spokeswoman said the cause was not yet known "
    "and that the driver, who was not hurt, had been interviewed by investigators.",
]


def wrapped(paragraphs: list[str], width: int = 72, separator: str = "\n\n", indent: str = "") -> str:
    return separator.join(textwrap.fill(p, width, initial_indent=indent) for p in paragraphs)


def document(text: str, doc_id: str = "doc", **fields) -> tuple[list, list]:
    return clean_documents([RawDocument(id=doc_id, content=text, **fields)])


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank-lines", "no-blank-lines"])
def test_clean_hard_wrapped_72_column_wire_story_keeps_every_paragraph(separator: str) -> None:
    indent = "  " if separator == "\n" else ""  # without blank lines, paragraphs are indented
    text = "Tram derails near central station\n\n" + wrapped(WIRE, separator=separator, indent=indent) + "\n"
    articles, problems = document(text)
    assert problems == []
    (cleaned,) = articles
    assert cleaned.text.split("\n\n") == WIRE  # hard wraps rejoined, one paragraph each, nothing lost
    assert cleaned.removed == ()


def test_clean_rejoined_wrapped_text_is_what_offsets_index() -> None:
    text = "Tram derails near central station\n\n" + wrapped(WIRE) + "\n\nAdvertisement\n"
    (cleaned,), _ = document(text)
    sentences = split_sentences(cleaned)
    assert all(cleaned.text[s.start:s.end] == s.text for s in sentences)
    # A sentence that crossed a hard wrap is one sentence, not two halves.
    assert any(s.text == WIRE[0] for s in sentences)
    (advert,) = cleaned.removed
    assert (advert.kind, text.split("\n")[advert.line - 1]) == ("advert", "Advertisement")


def test_clean_wrapped_block_removed_as_noise_points_at_its_first_input_line() -> None:
    credit = ("Reporting by Ana Ruiz in Port Lumen; additional reporting by Tom Berg; editing by Carla "
              "Mendes and Joe Smith")
    text = "Tram derails near central station\n\n" + wrapped(WIRE) + "\n\n" + textwrap.fill(credit, 72) + "\n"
    (cleaned,), _ = document(text)
    (removed,) = cleaned.removed
    assert removed.kind == "credit" and removed.text == credit
    assert text.split("\n")[removed.line - 1].startswith("Reporting by Ana Ruiz")


def test_clean_menu_lines_are_not_joined_as_if_wrapped() -> None:
    menu = "Home\nNews\nSport\nBusiness\nWeather\n\n"
    text = menu + "Tram derails near central station\n\n" + wrapped(WIRE) + "\n"
    (cleaned,), _ = document(text)
    assert cleaned.text.split("\n\n") == WIRE
    assert [r.text for r in cleaned.removed] == ["Home", "News", "Sport", "Business", "Weather"]


def test_clean_article_in_capitals_is_read_as_text() -> None:
    text = "TRAM DERAILS NEAR CENTRAL STATION\n\n" + "\n\n".join(p.upper() for p in WIRE) + "\n"
    articles, problems = document(text)
    assert problems == []
    assert articles[0].text.split("\n\n") == [p.upper() for p in WIRE]
    assert articles[0].title == "TRAM DERAILS NEAR CENTRAL STATION"


def test_clean_capitals_menu_is_still_navigation() -> None:
    menu = "HOME NEWS SPORT BUSINESS WEATHER TRAVEL CULTURE OPINION VIDEO PODCASTS LIVE MARKETS TECH SCIENCE " \
           "HEALTH STYLE FOOD AUTOS REAL ESTATE JOBS"
    (cleaned,), _ = document("Tram derails near central station\n\n" + menu + "\n\n" + "\n\n".join(BODY))
    assert [r.text for r in cleaned.removed] == [menu]
    assert_body_whole(cleaned.text)


def html_page(body_markup: str) -> str:
    return f"<html><head><title>Tram derails</title></head><body>{body_markup}</body></html>"


ARTICLE_MARKUP = "<article><h1>Tram derails</h1>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article>"


@pytest.mark.parametrize("control", ["\f", "\v", "\x00", "\x1b"])
def test_clean_html_with_a_control_character_keeps_its_body(control: str) -> None:
    page = html_page(f"<nav>Home{control}</nav>" + ARTICLE_MARKUP.replace("derailed", f"de{control}railed"))
    articles, problems = document(page, is_html=True)
    assert not [p for p in problems if p.fatal]
    assert_body_whole(articles[0].text.replace("de railed", "derailed").replace("de\nrailed", "derailed"))


@pytest.mark.parametrize("depth", [300, 5_000])
def test_clean_html_nested_deeper_than_libxml2s_limit_keeps_its_body(depth: int) -> None:
    page = html_page("<div>" * depth + ARTICLE_MARKUP + "</div>" * depth)
    articles, problems = document(page, is_html=True)
    assert not [p for p in problems if p.fatal]
    assert_body_whole(articles[0].text)


def test_clean_html_with_many_unclosed_scripts_keeps_its_body() -> None:
    junk = "<script>var a=1;</script x><div>Menu</div><script>b=2\n" * 2_000
    page = html_page(ARTICLE_MARKUP + junk)
    extracted = extract_html(page)
    assert all(p in extracted.text for p in BODY)


def test_clean_unclosed_comment_and_script_do_not_eat_the_text_before_them() -> None:
    page = html_page(ARTICLE_MARKUP + "<!-- never closed <script> neither")
    assert all(p in extract_html(page).text for p in BODY)


UNPUNCTUATED = [
    "so the council met on tuesday night and the members voted to close the old tram depot on the east side "
    "of the city after a long debate about the cost of repairs",
    "the mayor told the meeting that the depot had been losing money for ten years and that the workers there "
    "would be offered jobs at the new depot near the harbour",
    "several residents spoke against the plan saying the trams were part of the history of the neighbourhood and "
    "that the council had not asked them before deciding",
]


def test_clean_prose_page_that_cleaning_would_empty_is_kept_and_said_so() -> None:
    # An automatic transcript: real prose without punctuation, which the line classifier takes
    # for menus. Rather than lose the article, the prose is kept and a warning says why.
    articles, problems = document("\n\n".join(UNPUNCTUATED), doc_id="transcript")
    assert articles and articles[0].text.split("\n\n") == UNPUNCTUATED
    (problem,) = problems
    assert not problem.fatal and "kept" in problem.message


NOT_ARTICLES = [
    ("error page", "Page not found\n\nSorry, the page you requested could not be found.\n\n"
                   "If you are trying to reach a page from a bookmark, the page URL may have changed.\n\nHome"),
    ("error page", "Rating is available when the video has been rented.\n\n"
                   "This feature is not available right now. Please try again later."),
    ("verification", "Please verify you're not a robot by clicking the box.\n\nInvalid email address. "
                     "Please re-enter.\n\nYou must select a newsletter to subscribe to."),
    ("JavaScript", "JavaScript is disabled\n\nYou need to enable JavaScript to use this site."),
    ("sign-up", "Thank you for registering!\n\nWe have sent a confirmation email to you. Please check your "
                "email and click on the link to activate your account."),
    ("consent", "We value your privacy\n\nWe and our partners use cookies to store and access information on "
                "your device.\n\nAccept all\n\nManage preferences"),
    ("web-archive", "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. "
                    "Flowing in every day, these data are added to the Wayback Machine after an embargo period."),
    ("gallery", "1 of 12. A tram crosses the Lumen bridge at dusk. REUTERS/Karl Weiss\n\n"
                "2 of 12. Passengers wait at the central station. REUTERS/Karl Weiss\n\n"
                "3 of 12. Engineers inspect the track near the depot. REUTERS/Ana Ruiz"),
]


@pytest.mark.parametrize(("what", "page"), NOT_ARTICLES, ids=[w for w, _ in NOT_ARTICLES])
def test_clean_page_that_is_not_an_article_is_left_out_with_its_reason_and_lines(what: str, page: str) -> None:
    articles, problems = clean_documents([RawDocument(id="p", content=page),
                                          RawDocument(id="good", content="\n\n".join(BODY))])
    assert [a.id for a in articles] == ["good"]
    (problem,) = problems
    assert problem.fatal and problem.article == "p"
    assert what.lower() in problem.message.lower(), problem.message
    # Nothing lost: every line of the page is in the problem, with its kind.
    lines = [t.strip() for t in page.split("\n") if t.strip()]
    assert [r.text for r in problem.removed] == lines


def test_clean_short_news_article_mentioning_cookies_and_errors_is_kept() -> None:
    text = ("The regulator fined the bank for a page not found error that hid fees from customers, officials said. "
            "The bank said it would accept the fine and asked customers to verify their accounts.")
    articles, problems = document(text)
    assert articles and problems == []


def test_clean_cli_writes_left_out_pages_with_their_lines_and_reason(tmp_path) -> None:
    from storydesk.cli import app

    (tmp_path / "a.txt").write_text("\n\n".join(BODY))
    (tmp_path / "gone.txt").write_text(NOT_ARTICLES[0][1])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["clean", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"a", "gone"}
    assert "left_out" not in records["a"]
    gone = records["gone"]
    assert gone["text"] == "" and "error page" in gone["left_out"]
    assert [r["text"] for r in gone["removed"]][:2] == ["Page not found", "Sorry, the page you requested could not be found."]
    assert gone["removed"][1]["line"] == 3


@pytest.mark.skipif(not (DATA / "multinews" / "val.jsonl").exists(), reason="shared Multi-News data not present")
def test_clean_a_long_crawl_description_is_left_out_as_a_crawl_notice() -> None:
    # An archive's description of a wide crawl (Multi-News ta099 d0, 306 words) was digested as an
    # article: its "Number of hosts: 29,032,069" became the story's title.
    page = ("Web wide crawl with initial seedlist and crawler configuration from March 2011. This uses the new "
            "software for distributed crawling.\n\nWhat’s in the data set:\n\n"
            "Crawl start date: 09 March, 2011\n\nNumber of captures: 2,713,676,341\n\nNumber of hosts: 29,032,069\n\n"
            + "\n\n".join(["The seed list for this crawl was a list of popular web sites, and the scope of the crawl "
                           "was not limited except for a few sites that were excluded by hand for operational reasons."] * 6))
    articles, problems = clean_documents([RawDocument(id="p", content=page), RawDocument(id="good", content="\n\n".join(BODY))])
    assert [a.id for a in articles] == ["good"]
    (problem,) = problems
    assert problem.fatal and "web-archive crawl notice" in problem.message


def test_clean_multinews_crawl_notices_and_error_pages_are_left_out_with_their_reasons() -> None:
    reasons: dict[str, str] = {}
    with (DATA / "multinews" / "val.jsonl").open() as handle:
        for line in handle:
            record = json.loads(line)
            docs = [RawDocument(id=f"{record['id']}/{d['id']}", content=d["text"]) for d in record["documents"]
                    if d["text"].strip()]
            _, problems = clean_documents(docs)
            reasons.update({p.article: p.message for p in problems if p.fatal})
    # Pages read by hand: a crawl notice, a YouTube error, a 404, a sign-up confirmation.
    assert "web-archive" in reasons["multinews-validation-ta010/d1"]
    assert "error page" in reasons["multinews-validation-ta154/d2"]
    assert "error page" in reasons["multinews-validation-ta175/d1"]
    assert "sign-up" in reasons["multinews-validation-ta164/d1"]


def test_clean_html_puts_back_an_embedded_tweet_the_extractor_dropped() -> None:
    # The extractor leaves a tweet's blockquote out (aeb tune 3f65af lost five of them); its words are
    # what the article quotes and go back after the paragraph above it; its signature stays removed.
    tweet = "Trams are back on the bridge line, at last pic.twitter.com/AbC123xyz"
    signature = "— Port Lumen Transit (@LumenTransit) March 4, 2024"
    # As the page embeds it: a <div class="social-media-embed"> around the blockquote and its script.
    embed = (f'<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">{tweet}</p>'
             f'{signature.replace("—", "&mdash;")}</blockquote>'
             '<script async="" src="https://platform.twitter.com/widgets.js" charset="utf-8"></script></div>')
    markup = "<article><h1>Tram derails</h1>" + "".join(
        f"<p>{p}</p>" + (embed if n == 1 else "") for n, p in enumerate(BODY)) + "</article>"
    (cleaned,), _ = document(html_page(markup), is_html=True)
    assert cleaned.text.split("\n\n") == [*BODY[:2], tweet, *BODY[2:]]
    assert (signature, "social") in [(r.text, r.kind) for r in cleaned.removed]

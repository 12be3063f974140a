"""Clean stage, issue 22 round 4: lines lost or kept wrongly in plain text, each form taken from
the aeb tune pages or Multi-News stories 1-40 (invented text here, as regression tests)."""

from __future__ import annotations

from storydesk.clean import clean_documents
from storydesk.model import RawDocument
from tests.conftest import clean_paragraphs as cleaned

MENU = ["Home", "News", "Business", "Politics", "Sport", "Opinion", "Tweet"]
BODY = [
    "The move followed weeks of argument between the committee and the ministry over who should pay for the "
    "new bridge, officials said on Tuesday.",
    "The committee had asked the ministry twice for its figures and had received none, according to letters "
    "seen by reporters in the capital.",
    "\"We will not approve a budget we have not seen,\" the committee's chairwoman said. \"Nobody would.\"",
    "A hearing is set for next month, when both sides are expected to present their own estimates of the cost "
    "and of the delay so far.",
]


def page(*parts: str | list[str]) -> str:
    lines: list[str] = []
    for part in parts:
        lines.extend(part if isinstance(part, list) else [part])
    return "\n\n".join(lines)


def test_clean_keeps_a_lead_full_of_names_under_the_headline() -> None:
    # aeb tune e73011: the lead names five people and offices, so most of its words are capitalised
    # and it does not read as prose; a headline and a menu stand above it.
    lead = ("President of the Senate, Ada Okafor, Senator Bello Ameh and Senator Chidi Nwosu-Bright have taken "
            "the Inspector-General of Police, Musa Danladi, to court.")
    headline = "Okafor, Ameh, Nwosu-Bright Take Police Chief Danladi to Court"
    body, removed = cleaned(page(f"{headline} - The Harbour Paradigm", MENU, headline, lead, BODY))
    assert body[0] == lead
    assert body[1:] == BODY
    assert removed["Politics"] == "navigation"


def test_clean_still_drops_a_capitalised_menu_line_above_the_body() -> None:
    menu_line = "Lagos Abuja Port Harcourt Kano Ibadan Enugu Kaduna Jos Benin City Owerri Calabar Uyo"
    body, _ = cleaned(page(MENU, menu_line, BODY))
    assert body == BODY  # the line is the headline or navigation, not a lead


def test_clean_removes_bbc_media_playback_notices() -> None:
    # Multi-News stories 1-40 (ta020 d1, ta026 d2, ta027 d0): the notice and the video's caption on one line.
    notice = "Media playback is unsupported on your device Media caption The chairwoman speaks to reporters"
    body, removed = cleaned(page(BODY[:2], notice, BODY[2:]))
    assert body == BODY
    assert removed[notice] == "video"


def test_clean_removes_capitalised_link_headlines_on_a_page_that_writes_its_links_in_capitals() -> None:
    # aeb tune 513745, 7dfc3e, eb62ac (Fox): other stories' headlines in capitals between paragraphs,
    # on pages with a "CLICK HERE TO GET THE ... APP" line in capitals.
    links = ["COMMITTEE CHAIRWOMAN 'PROUD' OF STAFF WHO WORKED THROUGH THE WEEKEND",
             "BRIDGE BUDGET ROW: WHAT TO KNOW ABOUT THE MINISTRY'S PLAN"]
    app = "CLICK HERE TO GET THE HARBOUR NEWS APP"
    body, removed = cleaned(page(BODY[0], links[0], BODY[1], links[1], BODY[2], app, BODY[3]))
    assert body == BODY
    assert all(removed[link] == "related" for link in links)


def test_clean_keeps_subheads_in_capitals_on_other_pages() -> None:
    # aeb tune 4219d0 (a recipe's sections) and Multi-News ta028 d2: subheads in capitals are body.
    subhead = "HOW THE COMMITTEE WORKS OUT THE COST"
    body, _ = cleaned(page(BODY[:2], subhead, BODY[2:]))
    assert body == BODY[:2] + [subhead] + BODY[2:]


def test_clean_removes_a_caption_standing_above_its_credit_line() -> None:
    # aeb tune 16c30a, 7bb1ca, 374ac9, b0cf2b: the caption, then the credit alone on the next line.
    caption = "Workers lay the first beams of the new bridge over the river on Monday morning."
    credit = "Jane Doe/Harbour Times/Getty Images"
    body, removed = cleaned(page(BODY[:2], caption, credit, BODY[2:]))
    assert body == BODY
    assert removed[caption] == "caption"
    assert removed[credit] == "caption"


def test_clean_keeps_the_only_sentence_of_a_page_above_its_photo_credit() -> None:
    # val_stream ta041-1: a page of the headline run into its one-sentence lead, then the photo's
    # credit. That sentence is the article, not a caption: taking it left the page out.
    lead = ("Gulls learn to queue when they want to be fed Gulls at Port Averly harbour have invented an "
            "orderly line that has amazed the keepers.")
    credit = "Photo: Harbour Press Agency"
    body, removed = cleaned(page(lead, credit))
    assert body == [lead]
    assert removed[credit] == "caption"


def test_clean_keeps_a_long_paragraph_above_a_photo_credit() -> None:
    # Multi-News ta002 d0, ta088 d2: a photo with no caption, its credit under a body paragraph.
    paragraph = ("Excavations at the old market square uncovered evidence of a mound that archaeologists believe "
                 "was raised in the eleventh century as a meeting place for the town's assembly, long before the "
                 "square itself was laid out.")
    credit = "Picture: Contributed"
    body, removed = cleaned(page(BODY[:2], paragraph, credit, BODY[2:]))
    assert body == BODY[:2] + [paragraph] + BODY[2:]
    assert removed[credit] == "caption"


def test_clean_keeps_a_subhead_above_a_photo_credit() -> None:
    # Multi-News ta088 d3: a list article's item name, then its picture's credit.
    subhead = "Harbour Bridge Live"
    credit = "Image: screenshot/harbour"
    body, removed = cleaned(page(BODY[:2], subhead, credit, BODY[2:]))
    assert body == BODY[:2] + [subhead] + BODY[2:]
    assert removed[credit] == "caption"


def test_clean_does_not_take_a_first_line_of_names_for_a_lead() -> None:
    # Multi-News ta172 d3: the headline run into a photo caption and its credit, all on the first line.
    first = ("Culture 'Harbour Is The Situation': Mayor Doe's Answer To The Committee CREDIT: AP Photo/Jane "
             "Roe Mayor John Doe speaks at the Harbour Theater in Port Averly on Jan. 17, 2015.")
    body, _ = cleaned(page(first, BODY))
    assert body == BODY


def test_clean_keeps_the_body_that_resumes_after_a_video_playlist() -> None:
    # A Gannett page (the form of Multi-News ta139 d1, flagged by the last reader): the article's
    # list, then the video player's whole playlist run into one line ("1 of 40 Skip in Skip x
    # Embed x Share CLOSE ..."), then each video's title on its own line, then the article goes on.
    titles = [f"Harbour storm video number {n} shows the flooded quay" for n in range(1, 41)]
    playlist = " ".join(f"Skip in Skip x Embed x Share CLOSE HARBOUR STORM {title} | 0:46 A short description of "
                        f"the clip that the player shows under it, with the date. (Jan. 18) AP {n} of 40"
                        for n, title in enumerate(titles, start=1))
    after = ["Loved ones",
             "Children and elderly people are more at risk of hypothermia in the cold, so check on neighbours and "
             "relatives who live alone, the city's health department advises.",
             "A low fuel tank",
             "Keeping the tank more than half full helps to keep fuel lines from freezing in the night, and it is "
             "worth checking the other fluids too."]
    body, removed = cleaned(page(BODY, playlist, titles, after, "Follow Jane Doe on Twitter: @janedoe"))
    assert body == BODY + after
    assert removed[playlist] == "video"
    assert all(removed[title] == "video" for title in titles)


def test_clean_removes_a_video_description_after_close_that_opens_with_a_hyphenated_word() -> None:
    # Gannett's "CLOSE <description>" (ta019 d1, ta077 d4 of stories 1-40); the word after CLOSE may
    # be hyphenated ("Bone-chilling cold ...", the leftover line 1 of ta139 d1).
    video = "CLOSE Bone-chilling cold gripped the harbour as the year began, breaking old records. Jane Doe"
    body, removed = cleaned(page(video, BODY))
    assert body == BODY
    assert removed[video] == "video"


def test_clean_removes_bracketed_links_that_ask_or_call() -> None:
    # The Washington Post's inline links (Multi-News ta108 d0, ta116 d2, ta249 d3):
    # "[Who were Dorothy Day and Thomas Merton?]", "[READ THE LETTER.]".
    links = ["[Meet the one councillor who voted against the bridge.]",
             "[Who were the bridge's first builders?]", "[READ THE LETTER.]"]
    body, removed = cleaned(page(BODY[0], links[0], BODY[1], links[1], BODY[2], links[2], BODY[3]))
    assert body == BODY
    assert all(removed[link] == "related" for link in links)


def test_clean_keeps_a_bracketed_editors_note() -> None:
    note = "[Editor's note: An earlier version of this story gave the wrong date for the hearing.]"
    body, _ = cleaned(page(BODY[:2], note, BODY[2:]))
    assert body == BODY[:2] + [note] + BODY[2:]


def test_clean_removes_a_photo_credit_of_name_and_outlet_inside_the_body() -> None:
    # CNET's "Sarah Tew/CNET" (Multi-News ta211 d3), "Jamie/Flickr" (ta031 d0), ZDNet's (aeb tune 5fbc7c).
    credits = ["Jane Doe/HarbourTech", "Jamie/Flickr"]
    body, removed = cleaned(page(BODY[:2], credits[0], BODY[2], credits[1], BODY[3]))
    assert body == BODY
    assert all(removed[credit] == "caption" for credit in credits)


def test_clean_keeps_a_paragraph_that_an_advert_line_before_it_exactly_outweighs() -> None:
    # aeb tune 513745: the last paragraph (16 words, scoring 1.0) after a noise line (costing 1.0).
    last = "Harbour shares are up 39 percent this year while the wider market index is up 24.5 percent."
    body, removed = cleaned(page(BODY, "Advertisement", last, "Read more"))
    assert body == BODY + [last]
    assert removed["Advertisement"] == "advert"


def test_clean_removes_an_app_prompt_after_its_come_on() -> None:
    # Multi-News ta111 d0.
    prompt = "Want stories like these delivered to your phone? Download the Harbour Weekly iPhone app now!"
    body, removed = cleaned(page(BODY[:2], prompt, BODY[2:]))
    assert body == BODY
    assert removed[prompt] == "newsletter"


VIDEO_PAGE = ("Published on Jul 18, 2017\n\n"
              "The mayor kicks off 'Bridge Week' with a deep dive into the harbour's most prized possession: its "
              "council, and the long argument over who should pay for the new crossing.\n\n"
              "Subscribe To \"The Harbour Show\" Channel HERE: http://example.com/harbour\n\n"
              "Watch full episodes of \"The Harbour Show\" HERE: http://example.com/episodes\n\n"
              "Watch The Harbour Show weeknights at 11:35 PM ET/10:35 PM CT. Only on Harbour TV.\n\n"
              "Get new episodes of shows you love across devices the next day, stream live TV, and watch full seasons "
              "of fan favorites anytime, anywhere.")


def test_clean_leaves_out_a_video_pages_description_with_its_reason_and_lines() -> None:
    # A YouTube page saved in place of an article (Multi-News ta063 d2, ta088 d6, ta092 d2, ta137 d2;
    # the first fresh sample's convention): "Published on <date>", then the video's description.
    articles, problems = clean_documents([RawDocument(id="video", content=VIDEO_PAGE),
                                          RawDocument(id="good", content="\n\n".join(BODY))])
    assert [a.id for a in articles] == ["good"]
    (problem,) = problems
    assert problem.fatal and problem.article == "video" and "video page" in problem.message
    assert [r.text for r in problem.removed] == [t for t in VIDEO_PAGE.split("\n\n")]


def test_clean_keeps_an_article_whose_dateline_says_published_on() -> None:
    # YouTube writes the month in three letters without a full stop; a site's dateline in full.
    text = "Published on July 18, 2017\n\n" + "\n\n".join(BODY)
    articles, _ = clean_documents([RawDocument(id="a", content=text)])
    assert articles and articles[0].text.split("\n\n") == BODY


def test_clean_removes_short_lines_cut_off_after_a_comma() -> None:
    # aeb tune 432362: "Two people in China have been diagnosed with the plague,..." opening the body region.
    teaser = "Two bridges in the harbour have been closed for repairs,..."
    body, removed = cleaned(page(BODY[:2], teaser, BODY[2:]))
    assert body == BODY
    assert removed[teaser] == "related"


def test_clean_keeps_a_paragraph_that_trails_off_in_a_quotation() -> None:
    trailing = "\"We waited and waited, and then...\" she said, her voice trailing off."
    body, _ = cleaned(page(BODY[:2], trailing, BODY[2:]))
    assert trailing in body


def test_clean_removes_a_caption_closed_by_a_photographer_and_outlet_in_parentheses() -> None:
    # New York Daily News and The Washington Post (Multi-News ta017 d2, ta037 d0): "... (Todd Maisel/New
    # York Daily News)", "... (Katherine Frey/The Washington Post)".
    caption = ("The bridge's builders inspect the first span near the quay on Monday morning. "
               "(Jane Doe/The Harbour Daily News)")
    body, removed = cleaned(page(BODY[:2], caption, BODY[2:]))
    assert body == BODY
    assert removed[caption] == "caption"


def test_clean_keeps_a_sentence_ending_in_a_lower_case_parenthesis_with_a_slash() -> None:
    sentence = "The council will publish the figures for the bridge and the tunnel next week (or the week after/later)."
    body, _ = cleaned(page(BODY[:2], sentence, BODY[2:]))
    assert sentence in body


def test_clean_removes_a_share_bar_run_into_a_media_title_and_an_updated_by_credit() -> None:
    # The Guardian's embedded media (Multi-News ta098 d0): "Facebook Twitter Pinterest <title>"; NBC's
    # "/ Updated By <name>" (ta034 d4).
    share = "Facebook Twitter Pinterest Harbour engineers test the new bridge's first span"
    credit = "/ Updated By Jane Doe"
    body, removed = cleaned(page(BODY[:1], credit, BODY[1:3], share, BODY[3:]))
    assert body == BODY
    assert removed[share] == "social"
    assert removed[credit] == "credit"


def test_clean_removes_teaser_cards_that_say_their_headline_twice() -> None:
    # Fox local pages (Multi-News ta016 d1, ta063 d3) and the aeb tune page 432362 (9 such lines, all
    # noise): a related story's card, its headline twice, then its summary.
    card = ("Harbour Ferry Returns To Service After Repairs Harbour Ferry Returns To Service After Repairs "
            "The ferry that broke down last week is back on the water.")
    body, removed = cleaned(page(BODY, card))
    assert body == BODY
    assert removed[card] == "related"
    echo = "Well, well, well, well: the council said it again on Tuesday, and again, and again."
    body, _ = cleaned(page(BODY[:2], echo, BODY[2:]))
    assert echo in body


def test_clean_removes_a_breaking_news_e_mail_box() -> None:
    # NBC (Multi-News ta034 d4): the box sits above the article.
    box = ("Breaking News Emails Get breaking news alerts and special reports. The news and stories that matter, "
           "delivered weekday mornings.")
    body, removed = cleaned(page(box, BODY))
    assert body == BODY
    assert removed[box] == "newsletter"

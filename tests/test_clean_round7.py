"""Clean stage, issue 22 round 7: captions, link labels, bylines and page chrome kept as body, each
form first seen labelling the seventh fresh sample (Multi-News val) or on an aeb tune page (invented
text here, as regression tests)."""

from __future__ import annotations

from tests.conftest import clean_paragraphs as cleaned
from tests.test_clean_round4 import BODY, MENU, page


def test_clean_a_form_consent_note_is_newsletter() -> None:
    # Search Engine Land (seventh sample ta171 d1) opens with its sign-up form's note.
    note = "Note: By submitting this form, you agree to Harbour Media's terms . We respect your privacy ."
    body, removed = cleaned(page(MENU, note, BODY))
    assert body == BODY
    assert removed[note] == "newsletter"


def test_clean_a_sentence_about_agreeing_to_terms_stays() -> None:
    line = ("By submitting the plan this week, the council agreed to terms the ministry had rejected twice, "
            "a spokesman said, and the hearing was moved to March.")
    body, _ = cleaned(page(MENU, BODY[:2], line, BODY[2:]))
    assert line in body


def test_clean_a_caption_ending_via_reuters_is_caption() -> None:
    # Reuters (seventh sample ta192 d0): a handout photo's caption between the lead and the second paragraph.
    caption = ("The minister poses with the harbour board's chairman after her arrival in the port city, "
               "December 8, 2018. Harbour Board/Handout via REUTERS")
    body, removed = cleaned(page(MENU, BODY[:1], caption, BODY[1:]))
    assert body == BODY
    assert removed[caption] == "caption"


def test_clean_a_caption_ending_photo_by_is_caption() -> None:
    # Mongabay (seventh sample ta186 d1): "<caption>. Photo by: Name."
    caption = "Black heron near the road in the harbour wetlands. Photo by: Ana Lima."
    body, removed = cleaned(page(MENU, caption, BODY))
    assert body == BODY
    assert removed[caption] == "caption"


def test_clean_editorial_and_audio_link_labels_are_related() -> None:
    # The Post-Crescent (seventh sample ta156 d1): "EDITORIAL: <headline>" and "AUDIO: Listen to ...".
    links = ["EDITORIAL: Our city will show support, resolve", "AUDIO: Listen to the emergency response."]
    body, removed = cleaned(page(MENU, BODY[:2], links[0], BODY[2:3], links[1], BODY[3:]))
    assert body == BODY
    assert all(removed[link] == "related" for link in links)


def test_clean_on_site_label_is_related() -> None:
    # The Houston Chronicle (aeb tune 9ebb3a): "On HoustonChronicle.com: <headline>" between paragraphs.
    link = "On HarbourChronicle.com: Ferry fares rise nearly 17 percent in August"
    body, removed = cleaned(page(MENU, BODY[:2], link, BODY[2:]))
    assert body == BODY
    assert removed[link] == "related"


def test_clean_recaptcha_notice_is_other() -> None:
    # aeb tune 7a457a: the comment form's notice, kept as body when it stands inside the text.
    notice = "This site is protected by recaptcha Privacy Policy | Terms of Service"
    body, removed = cleaned(page(MENU, BODY[:3], notice, BODY[3:]))
    assert body == BODY
    assert removed[notice] == "other"


def test_clean_a_byline_with_a_twitter_handle_is_credit() -> None:
    # Moneycontrol (aeb tune 654082): "Name @handle" under the standfirst.
    byline = "Nishan Kumari @Nishanopines"
    body, removed = cleaned(page(MENU, BODY[:1], byline, BODY[1:]))
    assert body == BODY
    assert removed[byline] == "credit"


def test_clean_click_to_subscribe_promo_is_newsletter() -> None:
    # CNN (aeb tune ef4e67): the show's promo closes "Click to subscribe!".
    promo = "In each episode of his weekly YouTube show, the columnist will delve a little deeper. Click to subscribe!"
    body, removed = cleaned(page(MENU, BODY[:3], promo, BODY[3:]))
    assert body == BODY
    assert removed[promo] == "newsletter"


def test_clean_see_pdf_here_link_is_related() -> None:
    # ABC News (seventh sample ta177 d1): "See PDF with full results, charts and tables here."
    link = "See PDF with full results, charts and tables here."
    body, removed = cleaned(page(MENU, BODY[:1], link, BODY[1:]))
    assert body == BODY
    assert removed[link] == "related"


def test_clean_a_video_caption_with_its_date_and_credit_is_caption() -> None:
    # Gannett (seventh sample ta156 d1): "<caption> (May 4, 2015) Gannett Wisconsin Media".
    caption = ("Officials held a news conference Monday at the harbour hospital following Sunday's fire on the "
               "ferry. Two people were hurt. (May 4, 2015) Gannett Harbour Media")
    body, removed = cleaned(page(MENU, caption, BODY))
    assert body == BODY
    assert removed[caption] == "caption"


def test_clean_a_sentence_ending_in_a_date_in_parentheses_stays() -> None:
    line = "The bridge opened to traffic on a Monday (May 4, 2015) after eleven years of work and two inquiries."
    body, _ = cleaned(page(MENU, BODY[:2], line, BODY[2:]))
    assert line in body


def test_clean_the_headline_repeated_at_the_body_start_is_a_duplicate() -> None:
    # aeb tune 654082 (plain text of the page): the page's <title> opens the text, menus follow, then
    # the headline again right above the standfirst and body.
    headline = "Harbour bridge costs in dispute; time to be careful?"
    text = page(f"{headline} - HarbourNews.com", MENU, MENU, headline, BODY)
    body, removed = cleaned(text)
    assert body == BODY
    assert removed[headline] == "duplicate"


def test_clean_a_pull_quote_with_its_speaker_run_on_before_the_quote_is_a_duplicate() -> None:
    # The BBC (seventh sample ta131 d0): the pull quote box, the speaker run on with no mark, stands a few
    # paragraphs above the body's own telling of the quote.
    quote = "This expansion could in a sense account for a substantial part of the increase of cases we have seen"
    pull = f"{quote} Professor Ana Lima, University of the Harbour"
    told = f"\"{quote},\" said Prof Lima."
    body, removed = cleaned(page(MENU, BODY[:2], pull, BODY[2:], told))
    assert body == [*BODY, told]
    assert removed[pull] == "duplicate"


def test_clean_an_epigraph_in_quotes_with_a_dash_before_the_quote_stays() -> None:
    # aeb tune 851498 keeps an epigraph set above the article's own telling of the quote.
    quote = "Had he written a sequence of five books based in that world he would have been the best of them all"
    epigraph = f"\u201c{quote}.\u201d \u2014 Ana Lima"
    told = f"\u201c{quote},\u201d Lima said later."
    body, _ = cleaned(page(MENU, BODY[:2], epigraph, BODY[2:], told))
    assert epigraph in body


def test_clean_an_interview_question_asked_of_each_guest_stays() -> None:
    # aeb tune 3c6d33: a round-up of interviews asks each guest the same questions; each answer follows.
    question = "What made you start writing about the harbour and its ferries?"
    answers = [f"{name} said the ferries had been part of family life for as long as anyone could remember, "
               f"and that writing about them came naturally." for name in ("Ana", "Bo", "Cy", "Di")]
    parts: list[str] = []
    for answer in answers:
        parts += [question, answer]
    body, _ = cleaned(page(MENU, BODY[:2], parts, BODY[2:]))
    assert body.count(question) == len(answers)


def test_clean_a_pull_quote_asked_once_again_is_still_a_duplicate() -> None:
    quote = "Who would pay for a bridge nobody has costed or even drawn yet?"
    told = f"\"{quote}\" the chairwoman asked at the meeting on Tuesday, to laughter from the floor."
    body, removed = cleaned(page(MENU, BODY[:2], told, BODY[2:3], quote, BODY[3:]))
    assert quote not in body and removed[quote] == "duplicate"


def test_clean_a_caption_between_its_credit_and_the_byline_is_caption() -> None:
    # NJ.com (aeb tune 3f65af): the photo's credit, then its caption, then the byline, then the body.
    credit = "Ana Lima | Getty Images"
    caption = ("The harbour master, pictured at the bridge opening in 2018, when she was a councillor. "
               "Her new campaign is raising eyebrows.")
    byline = "By Bo Stone | Harbour Media for Harbour.com"
    body, removed = cleaned(page(MENU, "Harbour doubles down on its bridge", credit, caption, byline, BODY))
    assert body == BODY
    assert removed[caption] == "caption"


def test_clean_a_lead_under_a_photo_credit_stays() -> None:
    credit = "Ana Lima | Getty Images"
    body, _ = cleaned(page(MENU, "Harbour doubles down on its bridge", credit, BODY))
    assert body == BODY


def test_clean_a_teaser_card_over_read_more_is_related() -> None:
    # Gizmodo (aeb tune 7bb1ca): another story's headline and its summary cut off mid-sentence, then
    # "Read more", between the body's paragraphs.
    card = ["Ferries Don't Have to Be Late to Send You to the Office Angry, Survey Shows",
            "In recent months, hundreds of commuters in the harbour city have complained and have even sued due to"]
    body, removed = cleaned(page(MENU, BODY[:2], card, "Read more", BODY[2:]))
    assert body == BODY
    assert all(removed[line] == "related" for line in card)


def test_clean_a_finished_paragraph_over_read_more_stays() -> None:
    body, _ = cleaned(page(MENU, BODY, "Read more"))
    assert body == BODY


def test_clean_a_topic_widget_closed_by_more_in_topic_is_related_and_the_body_resumes() -> None:
    # CBS News (aeb tune 7a664e): "<Topic> More", the topic's headlines, "More in <Topic>", then the body
    # goes on with a short lead-in line of its own.
    widget = ["Harbour Bridge Inquiry More", "Watch live: Minister testifies about the bridge at the hearing",
              "Key moments from the harbour master's testimony", "7 key moments from Tuesday's first hearing",
              "More in Harbour Bridge Inquiry"]
    lead_in = "Here are some of the highlights:"
    more = [f"{p} On the {day}, the committee met again and the ministry sent a letter of its own to explain the delay."
            for p, day in zip(BODY, ("Monday", "Tuesday", "Wednesday", "Thursday"), strict=True)]
    body, removed = cleaned(page(MENU, BODY, widget, lead_in, more))
    assert body == [*BODY, lead_in, *more]
    assert all(removed[line] == "related" for line in widget)


def test_clean_a_lone_handle_and_a_photo_label_in_russian_are_removed() -> None:
    # wday.ru (aeb tune c82b3d): an Instagram embed left "Фото" and the account's "@handle" between paragraphs.
    body, removed = cleaned(page(MENU, BODY[:2], "Фото", "@harbour_model", BODY[2:]))
    assert body == BODY
    assert removed["Фото"] == "caption" and removed["@harbour_model"] == "social"


def test_clean_a_readers_call_out_is_other() -> None:
    # The BBC (third fresh sample ta209 d1): "Are you in the region? Email us at haveyoursay@... ".
    call = ("Are you in the harbour city? Email us at tellus@harbour.example adding 'Bridge' in the subject "
            "heading and include your contact details.")
    body, removed = cleaned(page(MENU, BODY, call))
    assert body == BODY
    assert removed[call] == "other"


def test_clean_a_question_in_the_body_followed_by_its_answer_stays() -> None:
    line = "Are the ferries safe? The inspectors said they were, and the harbour master agreed with them."
    body, _ = cleaned(page(MENU, BODY[:2], line, BODY[2:]))
    assert line in body


def test_clean_a_map_disclaimer_is_other() -> None:
    # UNFPA (third fresh sample ta132 d2): the UN's map disclaimer, in the body's place.
    disclaimer = ("The designations employed and the presentation of material on the map do not imply the "
                  "expression of any opinion whatsoever on the part of the agency concerning the legal status "
                  "of any country, territory, city or area or its authorities.")
    body, removed = cleaned(page(MENU, BODY, disclaimer))
    assert body == BODY
    assert removed[disclaimer] == "other"


def test_clean_watch_the_report_links_are_video() -> None:
    # Third fresh sample ta164 d2: "Watch the report | Uncut video from the Coast Guard rescue".
    links = "Watch the report | Uncut video from the harbour rescue"
    body, removed = cleaned(page(MENU, BODY[:2], links, BODY[2:]))
    assert body == BODY
    assert removed[links] == "video"


def test_clean_correction_notes_are_other() -> None:
    # The Daily Beast (fourth fresh sample ta130 d1), the LA Times (ta161 d0: "FOR THE RECORD" over it).
    notes = ["Correction: A previous version of this article misstated the harbour master's title. We regret the error.",
             "FOR THE RECORD",
             "An earlier version of this post incorrectly gave the suspect's name as Ana Lime."]
    body, removed = cleaned(page(MENU, BODY, notes))
    assert body == BODY
    assert all(removed[note] == "other" for note in notes)


def test_clean_a_sentence_about_an_earlier_version_of_a_plan_stays() -> None:
    line = "An earlier version of the plan incorrectly put the bridge's cost at half the final figure, the report found."
    body, _ = cleaned(page(MENU, BODY[:2], line, BODY[2:]))
    assert line in body


def test_clean_additional_reporting_after_a_dash_and_a_follow_prompt_are_removed() -> None:
    # The Daily Beast (ta130 d1) and the LA Times (ta161 d0).
    credit = "— with additional reporting by Bo Stone"
    follow = "For more news on harbour crime, follow @anareports."
    body, removed = cleaned(page(MENU, BODY, credit, follow))
    assert body == BODY
    assert removed[credit] == "credit" and removed[follow] == "social"


def test_clean_a_video_caption_with_its_published_date_is_caption() -> None:
    # NBC New York (fourth fresh sample ta240 d1): "... Name reports. (Published Saturday, Sept. 29, 2018)".
    caption = ("A man has been charged in the death of a boy who fell from a harbour rooftop. Ana Lima reports. "
               "(Published Saturday, Sept. 29, 2018)")
    body, removed = cleaned(page(MENU, caption, BODY))
    assert body == BODY
    assert removed[caption] == "caption"


def test_clean_a_short_closing_sentence_that_ends_the_text_stays() -> None:
    # NBC New York (fourth fresh sample ta240 d1) closes on "The investigation is ongoing.", too short to
    # read as prose, with nothing after it.
    closing = "The investigation is ongoing."
    body, _ = cleaned(page(MENU, BODY, closing))
    assert body == [*BODY, closing]


def test_clean_closing_lines_that_are_chrome_still_go() -> None:
    # Lines that close Multi-News texts (ta033 d4, ta216 d0, ta116 d2, ta150 d0, ta191 d1), each named by a
    # pattern, so the closing sentences kept at the end of a text do not take them in.
    tails = ["Originally published on Harbour Science.", "— Updated at 8:37 p.m.",
             "Contact Ana Lima at 408-278-3409.", "Read the harbour master's letter here."]
    for tail in tails:
        body, removed = cleaned(page(MENU, BODY, tail))
        assert body == BODY and tail in removed, tail

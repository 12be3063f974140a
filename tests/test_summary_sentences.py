"""Summary sentences that lean on text the reader does not see (issue 15, bad sentences): a
transcript's speaker label or a section's label run into the sentence, a demonstrative after an
opening preposition ("During that meeting"), connectives that continue an earlier claim. Invented sentences, regression tests of behaviour only."""

from __future__ import annotations

import pytest

from storydesk.model import Article
from storydesk.segment import split_sentences
from storydesk.summarize import rejection, strip_dateline
from storydesk.summarize.candidates import find_candidates
from storydesk.summarize.standalone import dependence


@pytest.mark.parametrize("sentence, label", [
    ("MARTIN: Opal Lee has been walking across the country to ask for a national holiday.", "MARTIN: "),
    ("GEORGE STEPHANOPOULOS: The harbour council voted on Tuesday to rebuild the dock.", "GEORGE STEPHANOPOULOS: "),
    ("USING PHONES FOR PLANNING: Couples are researching everything from gowns to vendors.",
     "USING PHONES FOR PLANNING: "),
    ("NEW DELHI: The government announced a ban on single-use plastics on Monday.", "NEW DELHI: "),
])
def test_a_speaker_or_section_label_is_cut_like_a_dateline(sentence, label):
    """A transcript line's speaker label, or a section's label in capitals, names who speaks or what
    the section is about, not what happened: like a dateline it is cut, and what remains must read
    on its own."""
    assert strip_dateline(sentence) == len(label)


@pytest.mark.parametrize("sentence", [
    "THE DÁIL IS to sit late tonight to pass emergency legislation on drugs.",
    "U.S. - China talks resumed in Geneva on Monday after a two-month pause.",
    "NASA said on Monday that the launch would be delayed by a week.",
])
def test_capitals_without_a_label_colon_are_kept(sentence):
    assert strip_dateline(sentence) == 0


def test_a_transcript_line_is_a_candidate_without_its_label_only_if_it_reads_alone():
    text = ("MARTIN: Opal Lee has been trying to get the president to make Juneteenth a national holiday.\n\n"
            "LEE: I will keep walking until they listen to us and make it a holiday.\n\n"
            "MARTIN: What did you tell the people you met on the road from Texas?")
    article = Article(id="a", text=text)
    texts = [c.text for c in find_candidates([article], split_sentences(article))]
    assert texts == ["Opal Lee has been trying to get the president to make Juneteenth a national holiday."]


@pytest.mark.parametrize("sentence", [
    "During that meeting, the lawyer offered the couple $3,000 if they stayed away from court.",
    "At that meeting, the victim's husband said the two men warned of the risk of deportation.",
    "In those years, the band played the club almost every weekend.",
    "After this incident, the council closed the dock to visitors for a month.",
    "This may take the council weeks to settle.",
])
def test_a_demonstrative_after_an_opening_preposition_leans_on_an_earlier_sentence(sentence):
    """"During that meeting" points at a meeting an earlier sentence described."""
    assert dependence(sentence) == "leans on an earlier sentence"


@pytest.mark.parametrize("sentence", [
    "Not all hospitals said they had evidence of a baby boom, however.",
    "The council did not vote on the plan, though.",
])
def test_a_contrast_closing_the_sentence_leans_on_an_earlier_claim(sentence):
    """", however." at the end answers a claim made before, as "However," at the start does."""
    assert dependence(sentence) == "leans on an earlier sentence"


@pytest.mark.parametrize("sentence", [
    "A similar case of an alleged baby boom made news last year, when hospitals reported a surge in births.",
    "A similar fire destroyed the old pier in 1998.",
])
def test_a_similar_case_leans_on_the_one_told_before(sentence):
    """"A similar case" compares with a case the reader was told about before (real pairs ta064
    opened its summary with one)."""
    assert dependence(sentence) == "leans on an earlier sentence"


def test_similar_with_what_it_compares_to_stands_alone():
    assert dependence("A similar fire to the one at the harbour destroyed the old pier in 1998.") is None


@pytest.mark.parametrize("sentence", [
    "The council voted on the plan, though not on its budget.",
    '"We will rebuild, however long it takes," the mayor said.',
])
def test_a_contrast_inside_the_sentence_is_no_dependence(sentence):
    assert dependence(sentence) is None


@pytest.mark.parametrize("sentence", [
    "During this week's meeting, the council voted to rebuild the dock within two years.",
    "In this year's budget, the city set aside $2 million for the harbour.",
    "At that point in the inquiry, investigators had not yet spoken to the port's owner.",
    "For those keeping score, the team has now won nine straight games at home.",
    # A month is a time like "this week" (real pairs ta064: "This July, nine months after Congress
    # failed to pass appropriations legislation ..., some hospitals are reporting ...").
    "This July, nine months after the shutdown, some hospitals are reporting more births than usual.",
    "In this July's heat, the council closed the harbour baths for a week.",
])
def test_this_weeks_meeting_or_a_point_named_in_the_sentence_stands_alone(sentence):
    """A time of its own ("this week's"), a noun the sentence itself completes ("that point in the
    inquiry") or "those" standing for people ("those keeping score") points at nothing outside it."""
    assert dependence(sentence) is None


@pytest.mark.parametrize("sentence", [
    "In fact, guests spend around $592 per wedding, according to a 2014 survey.",
    "Worse, the council has a budget that is far too small for the repairs.",
    "Well, the harbour traders have a convenient slogan for next year's election.",
])
def test_a_connective_that_continues_an_earlier_claim_leans_on_it(sentence):
    """"In fact" and "Worse" add to a claim made before; "Well," answers or muses on something said."""
    assert rejection(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Tagging along are a harbour pilot (Ann Reyes) and a diver who knows the wreck.",
    "Joining them were two inspectors from the port authority and a lawyer for the traders.",
])
def test_an_inverted_addition_leans_on_what_is_not_said(sentence):
    """"Tagging along are X" (along with whom?), "Joining them were X" continue a description the
    reader does not see (fresh7 ta046 of the real gold)."""
    assert rejection(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Speaking in Dublin on Tuesday, the minister said the ferry service would resume in May.",
    "Standing outside the court were dozens of traders who had lost their stalls.",
])
def test_a_participle_opening_or_a_plan_stated_in_full_stands_alone(sentence):
    assert rejection(sentence) is None


def test_a_sentence_closed_by_a_running_time_is_a_video_caption():
    """"Analyst Jo Reyes details the video... (2:15)": a running time in brackets closes the caption
    of a video player, which describes the clip, not the news."""
    caption = "Analyst Jo Reyes details the harbour video which appears to show the fire reaching the second warehouse."
    news = "The fire reached the second warehouse on Monday night, harbour officials said on Tuesday."
    article = Article(id="a", text=f"{caption} (2:15)\n\n{news}")
    texts = [c.text for c in find_candidates([article], split_sentences(article))]
    assert texts == [news]


def test_an_editors_picks_teaser_is_page_chrome():
    sentence = "Editor's Picks Pierre Thomas, who had just been out with the player, still cannot believe it."
    assert dependence(sentence) == "a caption, player or archive notice"


def test_a_sentence_in_a_paragraph_written_in_the_first_person_is_the_writers_view():
    """A letter, blog post or column speaks in its writer's voice: "Progress now requires humanity
    coming together" beside "our greatest opportunities" is the writer's view, not a report, though
    the sentence itself says no "we"."""
    text = ("Today we are close to taking our next step. Our greatest opportunities are now global. "
            "Progress now requires the harbour towns coming together as one community.\n\n"
            "The harbour council voted on Monday to merge the three ferry services by next spring.")
    article = Article(id="a", text=text)
    quotable = [c.text for c in find_candidates([article], split_sentences(article)) if not c.voiced]
    assert quotable == ["The harbour council voted on Monday to merge the three ferry services by next spring."]


def test_first_person_inside_a_quotation_leaves_the_paragraph_a_report():
    """Someone's words in quotation marks, even across sentences, are theirs: the reporter's
    sentences beside them stay candidates."""
    text = ('The harbour council voted on Monday to merge the three ferry services by next spring. '
            '"We waited ten years for this. I am glad it is done," said the mayor, Jo Reyes.')
    article = Article(id="a", text=text)
    cands = find_candidates([article], split_sentences(article))
    assert cands[0].text == "The harbour council voted on Monday to merge the three ferry services by next spring."
    assert not cands[0].voiced


@pytest.mark.parametrize("sentence", [
    "For instance, widely used tracking devices do not work inside the harbour warehouses.",
    "For example, the ferry from Averly to Port Nolan now takes two hours longer in winter.",
])
def test_an_example_leans_on_the_claim_it_illustrates(sentence):
    """"For instance" illustrates a claim an earlier sentence made."""
    assert dependence(sentence) == "leans on an earlier sentence"


def test_a_person_named_by_first_name_alone_needs_their_full_name_first():
    """A feature meets "Ida Mitchell" and then calls her "Ida": out of the article "Ida, 88, is a
    resident..." is about someone the reader never met, until the summary has named her."""
    text = ("In a sunny room of the care home, Ida Mitchell taps her slippers to the music of the guitar.\n\n"
            "Ida, 88, is a resident of Averly Cottages, an assisted living home in the harbour town.")
    article = Article(id="a", text=text)
    cands = find_candidates([article], split_sentences(article))
    second = next(c for c in cands if c.text.startswith("Ida, 88"))
    assert "Ida" in second.needs_names


def test_a_first_name_is_read_only_where_it_opens_a_sentence_alone():
    """"Dow" of "Dow Jones" or "American" of "American Bankers" is no first name: "Monday the Dow
    shed 1,175 points" needs nobody named before it."""
    text = ("The Dow Jones average fell for a second day on Monday in heavy trading.\n\n"
            "Monday the Dow shed 1,175 points, its largest drop in a single day.")
    article = Article(id="a", text=text)
    cands = find_candidates([article], split_sentences(article))
    assert all(not c.needs_names for c in cands)


def test_the_opening_of_a_piece_in_the_writers_voice_stays_a_candidate():
    """A review opens with its verdict, in a paragraph that goes on in the first person."""
    text = ('The harbour film "Averly" considers the sea with tenderness and a gentle tact. '
            "I was surprised to find it enthralling.\n\n"
            "Our greatest hope is the sea. Progress now requires the harbour towns coming together.")
    article = Article(id="a", text=text)
    quotable = [c.text for c in find_candidates([article], split_sentences(article)) if not c.voiced]
    assert quotable == ['The harbour film "Averly" considers the sea with tenderness and a gentle tact.']


def test_another_outlets_opening_saying_the_lead_again_in_other_words_is_left_out():
    """Two outlets open with one event in other words (few words in common, so word overlap does
    not see it): the summary says it once, and the room goes to what else the articles say."""
    from storydesk.pipeline import summarize_articles

    first = Article(id="a", text=(
        "Averly harbour pilots are employees of the port authority and can legally form the first pilots' "
        "union in the country, the labour tribunal ruled on Wednesday.\n\n"
        "The port authority said it would appeal the ruling to the full tribunal in the capital."))
    second = Article(id="b", text=(
        "Harbour pilots working at Averly on contracts count as staff of the port authority and are therefore "
        "entitled to vote on unionising, an official of the labour tribunal decided on Wednesday.\n\n"
        "The pilots' legal bills were paid by the national dockworkers' union, which backed the case."))
    third = Article(id="c", text=(
        "The ruling covers forty-two pilots who guide ships into Averly harbour every day of the year.\n\n"
        "A vote on the union is expected within a month, the tribunal's regional office said."))
    texts = [s.text for s in summarize_articles([first, second, third], words=120)]
    openings = [t for t in texts if t.startswith(("Averly harbour pilots", "Harbour pilots working"))]
    assert len(openings) == 1, texts


def test_a_letters_view_is_not_quoted_as_news_in_the_summary():
    """The letter's third-person sentences beside its "we" stay out of the summary; the report does not."""
    from storydesk.pipeline import summarize_articles

    letter = Article(id="a", text=(
        "To our harbour community.\n\n"
        "Today we are close to taking our next step. Our greatest opportunities are now global. "
        "Progress now requires the harbour towns coming together as one community."))
    report = Article(id="b", text=(
        "The Averly harbour council voted on Monday to merge the three ferry services by next spring.\n\n"
        "The merged service will run forty crossings a day between Averly and Port Nolan."))
    texts = [s.text for s in summarize_articles([letter, report], words=120)]
    assert "Progress now requires the harbour towns coming together as one community." not in texts
    assert texts and texts[0].startswith("The Averly harbour council voted")


def test_a_report_addressing_the_reader_is_not_the_writers_view():
    """"you" in a report is mostly someone's advice in indirect speech, not the writer speaking."""
    text = ("Dr. Jo Reyes says she is seeing many harbour workers with hearing loss from the new cranes. "
            "She says if you work near the cranes, you should wear ear protection every day.")
    article = Article(id="a", text=text)
    cands = find_candidates([article], split_sentences(article))
    assert cands and not any(c.voiced for c in cands)


@pytest.mark.parametrize("sentence, leans", [
    ("Speaking on Italian TV, Rossi said the American had left the flat that morning.", True),
    ("“I was not a responsible leader, and as such do not feel myself guilty,” the German wrote.", True),
    ("The American embassy in Rome was closed on Monday after the protest.", False),
    ("Talks with the Guardian has been going on for weeks, the harbour council said.", False),
])
def test_a_person_called_by_nationality_was_met_in_a_sentence_left_out(sentence, leans):
    """"the American had left", "the German wrote": someone the article named before, called by an
    epithet (fresh7 ta133, fresh3 ta023 of the real gold); "the American embassy" names nobody."""
    assert (rejection(sentence) is not None) is leans


def test_the_exchange_points_back_at_one_the_reader_did_not_see():
    """"The exchange comes after Knox posted..." (fresh7 ta133 of the real gold): which exchange?"""
    assert rejection("The exchange comes after the mayor posted a letter from the council on her blog.") is not None


def test_a_thing_the_article_introduced_before_is_needed_in_the_summary_before_the_team_or_the_mound():
    """"The team dug a small trench across the mound" (real pairs2 ta002) points back at the team
    its article introduced sentences before: out of the article it is about a team the reader never
    met, until the summary has mentioned one."""
    text = ("Divers from the Averly harbour trust found an old wreck off Averly Point on Monday.\n\n"
            "The wreck lies in eight metres of water at the mouth of the harbour channel.\n\n"
            "Using old charts, the team located a long mound of ballast stones near the channel.\n\n"
            "The team dug a small trench across the mound and dated the timbers to the 1700s.")
    article = Article(id="a", text=text)
    cands = find_candidates([article], split_sentences(article))
    dug = next(c for c in cands if c.text.startswith("The team dug"))
    assert "team" in dug.needs_things
    located = next(c for c in cands if c.text.startswith("Using old charts"))
    assert not located.needs_things


@pytest.mark.parametrize("text", [
    # the article's first mention of the thing: it is introduced here
    "The harbour trust said on Monday that divers had found an old wreck off Averly Point.\n\n"
    "Divers from the trust dated its timbers to the 1700s.",
    # a name, not a thing pointed back at
    "Divers said the White House had been told of the wreck off Averly Point on Monday.\n\n"
    "The White House said on Tuesday that it would send a team of surveyors to the harbour.",
    # the sentence says which cost itself (real new ta018's lead)
    "Weddings cost more every year, a survey of couples found on Monday.\n\n"
    "The average cost of a wedding last year exceeded $31,213, up 4.5% from the year before.",
])
def test_a_first_mention_or_a_name_after_the_needs_nothing_before_it(text):
    article = Article(id="a", text=text)
    cands = find_candidates([article], split_sentences(article))
    assert cands and all(not c.needs_names and not c.needs_things for c in cands)


def test_the_summary_quotes_the_team_only_after_a_sentence_that_mentions_a_team():
    from storydesk.pipeline import summarize_articles

    first = Article(id="a", text=(
        "Divers found an old wreck off Averly Point on Monday, the Averly harbour trust said.\n\n"
        "The wreck lies in eight metres of water at the mouth of the harbour channel.\n\n"
        "Using old charts, the team located a long mound of ballast stones near the channel.\n\n"
        "The team dug a small trench across the mound and dated the ship's timbers to the 1700s."))
    second = Article(id="b", text=(
        "An old wreck has been found off Averly Point by divers of the harbour trust, officials said.\n\n"
        "The ship's timbers were dated to the 1700s, the trust said in a statement on Tuesday."))
    texts = [s.text for s in summarize_articles([first, second], words=120)]
    for n, t in enumerate(texts):
        if t.startswith("The team"):
            assert any("team" in earlier for earlier in texts[:n]), texts


@pytest.mark.parametrize("sentence", [
    # connectives that add to, weigh against or number an earlier claim (real fresh4 ta222, fresh7
    # ta046, tune ta009, pairs2 ta126: judged dangling)
    "Plus, at $15 for 40 doses, it's much cheaper than the harbour's energy drinks.",
    "On the other hand, the harbour's energy market might have room for a spray like this one.",
    "Fortunately, the ferry in the new harbour film doesn't suffer the fate of the old one.",
    "Third, weeks later the harbour council dismissed the ferry inspector.",
    # a pronoun after an opening preposition (real fresh5 ta026, pairs2 ta148)
    "In it the harbour master quotes Abraham Lincoln on acting in concert.",
    "For him it will be a long journey toward recovery, the family said.",
])
def test_a_connective_numbering_or_weighing_an_earlier_claim_leans_on_it(sentence):
    assert dependence(sentence) == "leans on an earlier sentence"


@pytest.mark.parametrize("sentence", [
    "If only that were true: neighbours of the harbour are fed up with the crowds of tourists.",
    "Hard to believe it now, but four decades ago a night like this one changed the harbour.",
    "A harbour mother thought she was going to jail, but what happened next left her in tears.",
])
def test_a_musing_or_a_teaser_is_no_statement_of_the_news(sentence):
    assert dependence(sentence) == "a teasing lede"


@pytest.mark.parametrize("sentence", [
    "Second-degree murder charges were filed against the harbour pilot on Monday.",
    "First, the harbour council said of the deal that it would vote on Tuesday.",
    "Finally home after 40 days at sea, the crew of the Averly ferry was greeted by families.",
    "In its ruling, the harbour tribunal said the pilots were employees of the port.",
])
def test_a_numbered_word_or_a_preposition_without_a_pronoun_stands_alone(sentence):
    assert dependence(sentence) is None


@pytest.mark.parametrize("sentence", [
    # a pronoun opening a clause, then a pronoun as the subject (real fresh ta016, fresh2 ta206: judged dangling)
    "When she signed her contract with the harbour club, she told both groups she would miss a year.",
    "If their demands are not met by Friday, they will call for the harbour master's resignation.",
    # a phrase naming nobody, then "he" or "she" as the subject (real pairs6 ta179, fresh6 ta199)
    "Asked on Sunday to comment on the new ferry, he quoted an old sailors' saying.",
    "In March, she sold a majority stake in the harbour's ferry company to a rival.",
    # a request for a response the reader did not see (real pairs6 ta024)
    "Asked to respond, a port spokesman said the decision followed international rules.",
    # a reply of a few words (real pairs6 ta130, fresh ta034)
    "“Absolutely false,” the spokesperson told the Harbour Gazette.",
])
def test_a_person_or_a_reply_the_reader_has_not_met_leans_on_an_earlier_sentence(sentence):
    """"When she signed..., she told...", "Asked ..., he quoted...": who she or he is was said in a
    sentence the reader does not see; "Asked to respond," and a reply of a few words answer one."""
    assert dependence(sentence) == "leans on an earlier sentence"


def test_a_source_named_it_said_is_a_speaker_named_only_as_a_pronoun():
    """"Sixty-five more were killed on Tuesday, it said." (real fresh4 ta047): "it" is a group or
    agency named in a sentence the reader does not see."""
    assert dependence("Five crew members were also hurt, it said.") == "quotes a speaker it names only as a pronoun"


@pytest.mark.parametrize("sentence", [
    "When he took office in 2009, Obama promised to close the harbour prison.",
    "Asked whether the ferry would run on Sunday, harbour master Ann Reyes said it would.",
    '"We will rebuild the pier within two years," the mayor said on Tuesday.',
    "On Tuesday, Harbour Master Ann Reyes said she would resign.",
    "When people share a plate of food, they reach deals faster, a harbour study found.",
])
def test_a_person_named_in_the_sentence_or_a_quotation_that_says_something_stands_alone(sentence):
    assert dependence(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Part of that harbour tradition, it seems, was the pilots' habit of racing the ferry home.",  # real pairs6 ta233
    "Much of that support evaporated on Thursday.",
    "Part of this is thanks to a campaign run by the harbour council.",
])
def test_part_of_that_leans_on_what_an_earlier_sentence_named(sentence):
    assert dependence(sentence) == "leans on an earlier sentence"


def test_part_of_this_years_budget_stands_alone():
    assert dependence("Part of this year's harbour budget will go to the new ferry pier.") is None


@pytest.mark.parametrize("sentence", [
    # a researcher's "this study" is the study they are quoted about (real pairs6 ta074)
    '"In this study, the dose of running that was most favorable was jogging 1 to 2.4 hours per week," said '
    'study researcher Ann Reyes of the Averly Harbour Hospital.',
    "“These findings show the harbour's seals are recovering,” said biologist Ann Reyes.",
])
def test_a_researchers_this_study_inside_a_quotation_stands_alone(sentence):
    assert dependence(sentence) is None


@pytest.mark.parametrize("sentence", [
    '"In this study, the dose was higher than expected," he said.',
    "In this study, the dose was higher than expected.",
    "“This is a huge deal,” said harbour master Ann Reyes.",
])
def test_this_study_without_a_named_researcher_or_this_alone_still_leans(sentence):
    assert dependence(sentence) is not None


def test_a_sentence_opening_on_someone_adding_to_what_they_said_leans_on_it():
    # real pairs6 ta130: the summary led with "Mr. Oppenheim added that the day before the planned
    # trip, Mr. Farrow had asked ...", the rest of remarks the reader never sees.
    assert dependence("Mr. Oppenheim added that the day before the planned trip, Mr. Farrow had asked to pursue "
                      "the story for another outlet.") == "leans on an earlier sentence"
    assert dependence("Noah Oppenheim also said that the network had the story first.") == "leans on an earlier sentence"
    # adding a thing is no continuation
    assert dependence("The city added two night bus routes on Monday, the transit agency said.") is None

"""Issue 22: quotation conventions and speakers as real news writes them.

The fixtures are invented newswire-style paragraphs, one per convention seen in real articles
(benchmarks/gold/extract-real/ measures the real ones): LDC-style ``quotes'', British single
quotes, curly and straight marks, titles and scare quotes that are not quotations, and speakers
named by role, participle or relative clause.
"""

from __future__ import annotations

import pytest

from storydesk.extract.entities import find_entities
from storydesk.extract.quotes import find_quotes
from storydesk.model import Article
from storydesk.segment import split_sentences


def said(*texts: str) -> list[tuple[str, str | None]]:
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    sentences = [s for a in articles for s in split_sentences(a)]
    quotes = find_quotes(articles, sentences, find_entities(articles, sentences))
    return sorted(((m.text, m.speaker) for q in quotes for m in q.mentions),
                  key=lambda item: next(t.index(item[0]) for t in texts if item[0] in t))


# ---- quotation marks --------------------------------------------------------------------------

LDC = (
    "PORT AVERLY, March 3 (Meridian) -- Harbour officials ordered every crane stopped on Sunday.\n\n"
    "``We will not restart until each one has been inspected,'' said Daniel Okoro, the harbour master.\n\n"
    "Okoro added that the inspection would take a week. ``Nobody wants to rush this,'' he said."
)
BRITISH = (
    "The fire service said the blaze was under control by midnight.\n\n"
    "‘We were lucky the wind dropped when it did,’ said Amara Okafor, the station commander. "
    "‘Another hour and the whole terrace would have gone.’\n\n"
    "Residents' groups said the council's response had been too slow."
)
BRITISH_STRAIGHT = (
    "Amara Okafor, the station commander, said: 'We were lucky the wind dropped when it did.'\n\n"
    "It's the third fire on the estate this year, and the residents' association wants answers."
)
TITLES = (
    'Wilco\'s "Dawned on Me" has been re-fashioned as a cartoon, and the band calls the album "The Whole Love."\n\n'
    'Drivers on the bypass blamed "road rage" for the crash, and police said the "zero tolerance" policy stays.\n\n'
    '"We will be patrolling the bypass every night from now on," said Inspector Nadia Ferreira.'
)


@pytest.mark.parametrize(("text", "expected"), [
    (LDC, [("We will not restart until each one has been inspected", "Daniel Okoro"),
           ("Nobody wants to rush this", "Daniel Okoro")]),
    (BRITISH, [("We were lucky the wind dropped when it did", "Amara Okafor"),
               ("Another hour and the whole terrace would have gone.", "Amara Okafor")]),
    (BRITISH_STRAIGHT, [("We were lucky the wind dropped when it did.", "Amara Okafor")]),
    (TITLES, [("We will be patrolling the bypass every night from now on", "Nadia Ferreira")]),
])
def test_conventions_quotes_in_every_convention_and_titles_apart(text, expected):
    assert said(text) == expected


# ---- speakers ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    # a participle after the subject's own clause
    ('President Donald Trump on Sunday continued escalating his rhetoric about migrants, tweeting, '
     '"We cannot allow all of these people to invade our country."', "Donald Trump"),
    # a second verb joined by "and"
    ('Asked if Trump was doing that, Greg Walden pivoted toward a door and said, "I\'ll leave it at that for now."',
     "Greg Walden"),
    # a relative clause
    ('The officers spoke with Shawn Smith, who told them: "My brother may be hurt. He might be dead."', "Shawn Smith"),
    # a role for the one person the story gives it
    ('President Donald Trump signed the order on Wednesday.\n\nThe president wrote on Twitter: '
     '"When somebody comes in, we must bring them back from where they came."', "Donald Trump"),
    ('Prime Minister Theresa May met the board on Monday.\n\n"This is a good day for the whole country," '
     'the Prime Minister tweeted.', "Theresa May"),
    ('The National Highway Traffic Safety Administration opened an inquiry into the airbags.\n\n'
     '"We are reviewing every single report that we receive," the agency said.',
     "National Highway Traffic Safety Administration"),
])
def test_conventions_speakers_named_by_role_participle_or_clause(text, speaker):
    assert said(text)[0][1] == speaker


def test_conventions_a_role_two_people_hold_names_no_one():
    text = ('President Donald Trump met President Emmanuel Macron on Monday.\n\n'
            '"We have agreed on almost everything that matters," the president said.')
    assert said(text)[0][1] is None


def test_conventions_a_quote_after_scare_quotes_runs_on_from_the_speaker_before():
    text = ('President Donald Trump wrote on Twitter: "When somebody comes in, we must bring them back," '
            'confusing "bring" with "send" there. "Our system is a mockery to good immigration policy."')
    assert [s for _, s in said(text)] == ["Donald Trump", "Donald Trump"]


def test_conventions_page_chrome_is_no_speaker():
    text = ('President Donald Trump wrote on Twitter on Sunday.\n\nStory Continued Below\n\n'
            '"Immigration must be based on merit, we need good people," he said in his next tweet.')
    assert said(text) == [("Immigration must be based on merit, we need good people", "Donald Trump")]


def test_conventions_his_fiancee_is_not_he():
    text = ('Michael Dunn spoke from jail in December.\n\n'
            'In the call with his fiancee, Rhonda Rouer, he complained about the cell, but added: '
            '"But I guess it would be better than being in a room with them."')
    assert said(text)[0][1] == "Michael Dunn"


def test_conventions_he_said_after_a_quote_is_that_quotes_speaker():
    text = ('Tom Barnes and Roger Andersen both worked on the plane in the 1960s.\n\n'
            '"There is not much really new here," said Barnes, who worked on a radar project in 1964.\n\n'
            '"We would secretly track the flights for the agency," he said.')
    assert [s for _, s in said(text)] == ["Tom Barnes", "Tom Barnes"]


def test_conventions_a_generational_suffix_is_not_the_surname():
    text = ('Her lawyer, William W. Taylor III, issued a statement.\n\n'
            '"Ms. Lerner has done nothing wrong," Taylor, a partner of Zuckerman Spaeder LLP said in a statement. '
            '"She did not violate any law or regulation."')
    assert [s for _, s in said(text)] == ["William W. Taylor III", "William W. Taylor III"]


def test_conventions_a_partial_quote_takes_the_nearest_verb_before_it():
    text = ('As Nicole Flatlow at ThinkProgress notes, Michael Dunn later complained that while in jail he was '
            '"in a room with three black guys and nobody else."')
    assert said(text)[0][1] == "Michael Dunn"


def test_conventions_the_last_speech_verb_before_the_quote_names_the_speaker():
    text = ('Michael Dunn became enraged about the music.\n\n'
            'One person walking out of the store said he heard Michael Dunn say, "You are not going to talk to me like that."')
    assert said(text)[0][1] == "Michael Dunn"


def test_conventions_a_partial_quote_after_another_quote_in_the_sentence():
    text = ('Rep. Mike McCaul, R-Texas, the chairman of the committee, said on "Fox News Sunday" that he talked to '
            'the White House on Saturday and "they say the president is still 100 percent behind us."')
    assert said(text)[-1] == ("they say the president is still 100 percent behind us.", "Mike McCaul")


def test_conventions_and_said_after_an_object():
    text = ('Contacted via email, Mike Peinovich denied he was Enoch and said he would '
            '"try to get my Google search results cleared up."')
    assert said(text)[0][1] == "Mike Peinovich"


def test_conventions_two_quotes_joined_by_and_share_the_speaker():
    text = ('In a screenshot from the forum, Mike Enoch appears to admit it, writing "Yes my wife is who they say she is" '
            'and "I am just a guy who puts ideas out there on the internet."')
    assert [s for _, s in said(text)] == ["Mike Enoch", "Mike Enoch"]


def test_conventions_he_continued_after_his_own_quote():
    text = ('Michael Dunn spoke to his fiancee, Rhonda Rouer, from jail.\n\n'
            'A short while later, he said, "I was in a room with three black guys."\n\n'
            '"Two were kids and one was an old man," he continued.')
    assert [s for _, s in said(text)] == ["Michael Dunn", "Michael Dunn"]


def test_conventions_a_quote_after_a_finished_sentence_is_not_framed_by_it():
    text = ('"Ms. Lerner has done nothing wrong," the lawyer said in a statement. '
            '"She did not violate any law or regulation, and she did not mislead Congress."')
    assert [s for _, s in said(text)] == [None, None]


def test_conventions_a_participle_with_an_object_is_no_speech():
    text = ('Allen Dulles, the director, and Adm. Lewis Strauss, the chairman of the commission, got President '
            'Dwight Eisenhower to sign off on adding the strip, "known by its map designation as Area 51," to the site.')
    assert said(text) == [("known by its map designation as Area 51", None)]  # the words of a document


def test_conventions_a_name_the_model_types_as_an_organization_is_the_surname_it_shares():
    text = ('Michael Dunn called his fiancee, Rhonda Rouer. His parents, Phillip Dunn and Sandra Dunn, listened.\n\n'
            'Dunn killed Jordan Davis in a parking lot. Dunn fired 10 shots, hitting Davis three times.\n\n'
            'In the conversation with his fiancee, Rhonda Rouer, he also complained about the cell, but added: '
            '"But I guess it would be better than being in a room with them."')
    assert said(text)[0][1] in ("Dunn", "Michael Dunn")


def test_conventions_the_object_of_a_sentence_with_saying_is_not_he():
    text = ('On Twitter last fall, Ronan Farrow praised Rich McHugh, saying he had "refused to bow to pressure to '
            'stop, even when it meant risking his job." He also called him an "unsung hero of this entire story."')
    assert [s for _, s in said(text)] == ["Ronan Farrow", "Ronan Farrow"]


def test_conventions_a_quoted_word_in_a_headline_before_if_is_not_speech():
    assert said("'Alt-right' groups will 'revolt' if Trump shuns white supremacy, leaders say Read more") == []


def test_conventions_a_related_link_teaser_is_not_a_quote():
    text = ("Antifascist activists claim to have unmasked the writer.\n\n"
            "‘A sense that white identity is under attack’: making sense of the alt-right Read more\n\n"
            "Peinovich denied it.")
    assert said(text) == []

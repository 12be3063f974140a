"""Speakers named by a role, a document or a verbless tag, and quotes running on (issue 22).

Invented paragraphs in the shapes met on the real gold's tune half; regression tests, not evidence."""

from __future__ import annotations

import pytest

from tests.test_quotes import said


@pytest.mark.parametrize("text, expected", [
    # Two quotes joined by "and" in one sentence: one speaker.
    ('Martin Keller appears to own up to the sale, writing “Yes, the land was sold in the spring” and '
     '“I am just a farmer who wanted to retire somewhere warm.”\n\nAsked about it, Keller wrote: “No idea.”',
     [("Yes, the land was sold in the spring", "Martin Keller"),
      ("I am just a farmer who wanted to retire somewhere warm.", "Martin Keller"), ("No idea.", "Martin Keller")]),
    # A tag with no verb: the quote ends with a comma, a name and its appositive follow.
    ('"I think the best way to pass the bill is to wait until the autumn," Rep. Greg Walden of Oregon, '
     'a senior House Republican.',
     [("I think the best way to pass the bill is to wait until the autumn", "Greg Walden")]),
    # An organization's document speaks for it: "The index's mission statement reads:".
    ('The Clean Ports Index ranks 40 harbours every year, using data from the UN.\n\nThe index’s mission statement '
     'reads: “We are not ranking ports by size, only by how clean they keep the water.”',
     [("We are not ranking ports by size, only by how clean they keep the water.", "Clean Ports Index")]),
    # "the newspaper reported": the one newspaper the article names.
    ('The Port Averly Chronicle found the old records last week.\n\n'
     '"Those two facts match the robbery of 1900 at the mint," the newspaper reported.',
     [("Those two facts match the robbery of 1900 at the mint", "Port Averly Chronicle")]),
    # A description of the one person the article is about ("the former House speaker ... said").
    ('Newt Gingrich says the speech last week was naive.\n\n'
     '"It is just stunningly, breathtakingly naive," the former House speaker and presidential contender said.',
     [("It is just stunningly, breathtakingly naive", "Newt Gingrich")]),
])
def test_speaker_shapes(text, expected):
    assert said(text) == expected


def test_pronoun_speaker_reaches_back_to_the_article_s_main_person():
    # "he" three paragraphs after the last name: the one man the article keeps naming.
    text = ('Michael Dunn called his fiancee from jail, Michael Dunn said later. Dunn spoke for an hour.\n\n'
            'The recordings were released on Monday by the state attorney.\n\n'
            'They were made in December while the trial was being prepared.\n\n'
            'In the conversation with his fiancee, Rhonda Rouer, he complained about the food, but added: '
            '"But I guess it would be better than a room with strangers."')
    assert said(text)[-1] == ("But I guess it would be better than a room with strangers.", "Michael Dunn")


def test_a_whole_quotation_after_a_comma_is_the_sentence_subject_s():
    text = ('Michael Dunn spoke to his fiancee from jail.\n\n'
            'Dunn also made repeated efforts to distance himself from fellow inmates, '
            '"Being in a room by myself really is better than the alternative."')
    assert said(text)[-1] == ("Being in a room by myself really is better than the alternative.", "Michael Dunn")
    # a fragment after a comma is not a quotation of the subject's
    assert said('Dunn walked into the cell block, "the zoo, as they all call it."') == [("the zoo, as they all call it.", None)]


@pytest.mark.parametrize("text, speaker", [
    # an office the article gives no one: the person a pronoun would be
    ('Justin Trudeau met the Irish leader in Dublin.\n\n'
     '"We are close to a deal that works for both," the Prime Minister tweeted.', "Justin Trudeau"),
    ('Angela Merkel arrived in Paris on Monday.\n\n'
     '"We are close to a deal that works for both of us," the German chancellor said.', "Angela Merkel"),
    # the one organization named
    ('Apple reported record sales on Tuesday.\n\n'
     '"We are thrilled with the response to the new phone," the company said.', "Apple"),
    # someone the article gives another role is not "the president"
    ('Senate Majority Leader Mitch McConnell spoke on Monday.\n\n'
     '"We will see what happens with the nominee," the president said.', None),
    # a job many hold stays unnamed
    ('Officer Dana Reyes stopped the car on the bridge.\n\n'
     '"He was driving far too fast for the road," the witness said.', None),
])
def test_roles_the_article_assigns_to_no_one(text, speaker):
    [(_, who)] = said(text)
    assert who == speaker


def test_an_epithet_is_not_kept_from_a_person_with_a_title():
    # "Sen." gives Graham a role; an epithet ("the South Carolina Republican") goes with any office.
    text = ('Sen. Lindsey Graham said Sunday that President Barack Obama was wrong about the war.\n\n'
            '"We show this lack of resolve, talking about the war being over," the South Carolina Republican said.')
    assert said(text)[-1] == ("We show this lack of resolve, talking about the war being over", "Lindsey Graham")


def test_a_possessor_before_the_speaker_is_not_the_speaker():
    # "Kushner's lawyer, Jamie Gorelick, told NBC News." (a real article's tag; mixed marks as there)
    text = ('Jared Kushner met the ambassador in December.\n\n'
            '“Mr. Kushner previously volunteered to share with Congress what he knows about these meetings," '
            'Kushner\'s lawyer, Jamie Gorelick, told NBC News. "He will do the same if he is contacted again."')
    assert [who for _, who in said(text)] == ["Jamie Gorelick", "Jamie Gorelick"]

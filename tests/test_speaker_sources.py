"""Speakers and the outlets reporting them (issue 22, speakers round).

Invented paragraphs in the shapes met in real articles; regression tests, not evidence."""

from __future__ import annotations

from tests.test_quotes import said


def test_he_is_never_the_outlet_reporting_the_quote():
    # ta198 shape: the outlet's headline is quoted, then "he" is an unnamed senator in her book.
    text = ('Senator Carla Benning has a new book out. The Harbor City Post highlighted parts of the book today, '
            'in an article titled, "Benning: Male colleagues called me names after the baby."\n\n'
            'Benning reveals that one male senator came up behind her in a corridor. '
            '"Don\'t lose too much weight now," he told her. "We like you the way you are."')
    speakers = dict(said(text))
    assert speakers["Don't lose too much weight now"] is None
    assert speakers["We like you the way you are."] is None


def test_an_outlet_that_says_the_words_is_their_speaker():
    text = ('The Harbor City Post has covered the port for a century.\n\n'
            '"The port will not close this year," the Harbor City Post said in an editorial.')
    assert said(text) == [("The port will not close this year", "Harbor City Post")]


def test_a_headline_introduced_as_a_title_is_no_quote():
    text = ('The Harbor City Post ran the story today, in an article titled, '
            '"Benning: Male colleagues called me names after the baby."')
    assert said(text) == []


def test_he_after_an_outlet_s_quote_is_not_the_outlet():
    text = ('"The port will not close this year," the Harbor City Post reported on Monday.\n\n'
            '"We will wait and see what the council decides," he said.')
    assert said(text) == [("The port will not close this year", "Harbor City Post"),
                          ("We will wait and see what the council decides", None)]

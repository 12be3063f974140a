"""The spaCy model loads with only the components asked for."""

from __future__ import annotations

import pytest

from storydesk.nlp import get_nlp


def test_nlp_loads_the_recognizer_alone_and_finds_names() -> None:
    nlp = get_nlp()
    assert nlp.pipe_names == ["ner"]
    doc = nlp("Mayor Lena Ortiz visited Port Averly on Friday.")
    assert {e.text for e in doc.ents} >= {"Lena Ortiz"}


def test_nlp_unknown_component_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no component"):
        get_nlp(("coref",))


def test_nlp_parser_gives_sentences_heads_and_parts_of_speech() -> None:
    from storydesk.nlp import get_parser

    doc = get_parser()("The council approved the budget. It takes effect in May.")
    assert get_parser().pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    first = next(iter(doc.sents))
    assert first.root.lower_ == "approved" and first.root.pos_ == "VERB"


def test_the_recognizer_and_the_parser_share_one_vocabulary() -> None:
    from storydesk.nlp import get_parser

    # One model, so one string store and lexeme table in memory (about 17 MB less at peak).
    assert get_parser().vocab is get_nlp().vocab
    doc = get_parser()("Mayor Lena Ortiz visited Port Averly on Friday.")
    assert doc[2].text == "Ortiz" and doc[2].dep_ and {e.text for e in get_nlp()(doc.text).ents} >= {"Lena Ortiz"}

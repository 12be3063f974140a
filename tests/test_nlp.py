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


def test_a_sentence_is_parsed_once_for_every_stage_that_reads_its_parse(monkeypatch) -> None:
    """The align stage's frames and the summary's claims, verbs and lead read one parse cache."""
    from storydesk import nlp
    from storydesk.align import frames
    from storydesk.summarize import claim, lead

    text = "The harbour board closed the northern dock on Friday after the fire."
    no_cue = "Firefighters fight the blaze at the northern dock."  # no verb cue word: has_verb parses
    nlp.clear_parsed()
    doc = frames.parse([text, no_cue])[0]
    assert nlp.parse([text])[0] is doc

    def no_second_parse(*_args, **_kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(nlp, "get_parser", no_second_parse)
    claim.claim_of.cache_clear()
    claim.has_verb.cache_clear()
    lead._parsed_form.cache_clear()
    assert claim.claim_of(text).terms
    assert claim.has_verb(no_cue)
    assert lead._parsed_form(text) == (False, "event")


def test_parse_in_one_batch_gives_the_docs_of_one_call_per_text() -> None:
    from storydesk import nlp

    texts = ["Three people were hurt when the bus hit a wall.", "Officials said the driver was not injured.",
             "Rain."]
    nlp.clear_parsed()
    batch = nlp.parse(texts)
    alone = [nlp.get_parser()(t) for t in texts]
    assert [[(t.dep_, t.head.i, t.pos_, t.lemma_) for t in d] for d in batch] == \
        [[(t.dep_, t.head.i, t.pos_, t.lemma_) for t in d] for d in alone]


def test_nlp_attribute_rules_are_looked_up_with_the_matches_of_spacys_matcher() -> None:
    """The parser's attribute ruler finds its rules' matches by lookup (`attribute_matches`): the
    same list as spaCy's Matcher on sentences touching its kinds of rule (a word and tag, a word
    list, a dependency, two tokens, a space), and so the same parts of speech, lemmas and morphology."""
    from storydesk.nlp import attribute_matches, get_parser

    nlp = get_parser()
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # installed on the pipe
    texts = [
        "There were 12 people at the meeting, but they did not vote.",
        "I told you it was her car, and he gave it to me anyway.",
        "Something happened that nobody could explain  because it was late.",
        "Whether or not the mayor resigns, there is little that anyone can do.",
        "She'd have gone if they'd asked; those who did said it's fine.",
        "The U.S. Senate voted 51-49 on Tuesday, officials said.\nMore follows.",
    ]
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(nlp.pipe(texts))
    fast = attribute_matches(ruler)
    for doc in docs:
        assert fast(doc) == type(ruler).match(ruler, doc)
    assert sum(len(fast(doc)) for doc in docs) > 3 * sum(len(doc) for doc in docs) // 4

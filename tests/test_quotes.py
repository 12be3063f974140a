"""Quotes: direct quotes with the speaker each article gives, merged across outlets."""

from __future__ import annotations

import re

import pytest

from storydesk.extract.entities import find_entities
from storydesk.extract.quotes import comparable, find_quotes, quoted_texts
from storydesk.model import Article
from storydesk.segment import paragraph_spans, split_sentences


def quotes_of(*texts: str):
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    sentences = [s for a in articles for s in split_sentences(a)]
    return find_quotes(articles, sentences, find_entities(articles, sentences))


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes_of(text)]


@pytest.mark.parametrize("text, expected", [
    # "...," said X, leader of Y.
    ('"We will rebuild every house on this street," said Maria Lopez, the mayor of Santa Elena.',
     [("We will rebuild every house on this street", "Maria Lopez")]),
    # "...," X said.
    ('"The water came up faster than anyone expected," Daniel Okoro said.',
     [("The water came up faster than anyone expected", "Daniel Okoro")]),
    # X, role, said: "..."
    ('Maria Lopez, the mayor of Santa Elena, said: "We will rebuild every house on this street."',
     [("We will rebuild every house on this street.", "Maria Lopez")]),
    # role words before the name
    ('Harbour master Daniel Okoro said: "No ship will leave before the inspection is over."',
     [("No ship will leave before the inspection is over.", "Daniel Okoro")]),
    # X wrote in a post: "..."
    ('Maria Lopez wrote in a post on social media: "Thank you to every volunteer who came out tonight."',
     [("Thank you to every volunteer who came out tonight.", "Maria Lopez")]),
    # according to X
    ('"The bridge was never designed for trucks this heavy," according to Daniel Okoro.',
     [("The bridge was never designed for trucks this heavy", "Daniel Okoro")]),
    # curly quotes
    ('“We grabbed the dog and our passports and that was it,” said Mariam Haddad.',
     [("We grabbed the dog and our passports and that was it", "Mariam Haddad")]),
    # he said, after the person is named
    ('Daniel Okoro inspected the bridge on Monday.\n\n"The cracks are deeper than we were told," he said.',
     [("The cracks are deeper than we were told", "Daniel Okoro")]),
    # a pronoun skips a person of the other gender
    ('Maria Lopez met Mr. Okoro at the bridge.\n\n"I have never seen water this high," she said.',
     [("I have never seen water this high", "Maria Lopez")]),
    # "he" is the one who spoke in the sentence naming the nearest people ...
    ('Frank Newport also said that Gallup Lane had never weighted results.\n\n'
     '"We do not weight by party at all," he said.',
     [("We do not weight by party at all", "Frank Newport")]),
    # ... or else the sentence's subject, not the last name in it
    ('Musician Brad Fischetti is mourning his friend and band mate Devin Lima.\n\n'
     '"It is with a truly broken heart that I confirm his death," he told reporters.',
     [("It is with a truly broken heart that I confirm his death", "Brad Fischetti")]),
    # ... whom a fronted phrase does not hide
    ('On Thursday, in an interview with CNN\'s Bill Weir, Cliven Bundy was asked about his remarks.\n\n'
     '"I may not have a very big word base or vocabulary," he said.',
     [("I may not have a very big word base or vocabulary", "Cliven Bundy")]),
    # He said: "..."
    ('Daniel Okoro visited the site. He told reporters: "We will know more by the end of the week."',
     [("We will know more by the end of the week.", "Daniel Okoro")]),
    # a partial quote inside the speaker's sentence
    ('Maria Lopez described the plan as "a betrayal of every family on this street."',
     [("a betrayal of every family on this street.", "Maria Lopez")]),
    # a second quote in the paragraph runs on from the first
    ('"We are not leaving," Maria Lopez said. "This is our home and we will rebuild it."',
     [("We are not leaving", "Maria Lopez"), ("This is our home and we will rebuild it.", "Maria Lopez")]),
    # described, not named: no speaker
    ('"It sounded like fireworks, one bang after another," a witness said.',
     [("It sounded like fireworks, one bang after another", None)]),
    ('"Nobody told us anything until it was light," one resident said.',
     [("Nobody told us anything until it was light", None)]),
    # a named person nearby who is not the speaker
    ('Maria Lopez was at the meeting. "The plan has been delayed again," a council official said.',
     [("The plan has been delayed again", None)]),
    # nobody attributed at all
    ('The sign at the gate read "No entry to the dock until further notice from the port."',
     [("No entry to the dock until further notice from the port.", None)]),
    # an organization speaks
    ('"We are cooperating fully with the investigation," Halvard Logistics said in a statement.',
     [("We are cooperating fully with the investigation", "Halvard Logistics")]),
    # the name an appositive of the subject, or the role an appositive of the name
    ('The construction company, Bayline Developments, said in a statement: "We have cooperated at every stage."',
     [("We have cooperated at every stage.", "Bayline Developments")]),
    ('"This was the hardest decision I have taken," said Volta\'s chief executive, Marianne Koch.',
     [("This was the hardest decision I have taken", "Marianne Koch")]),
    ('"It is a good deal for the workers," the chief negotiator, Yusuf Demir, told the Bulletin.',
     [("It is a good deal for the workers", "Yusuf Demir")]),
    # an earlier speech verb in the sentence is not the one the quote hangs on
    ('Claire Dubois, asked whether charges would rise, said: "Our customers will not see a rise this year."',
     [("Our customers will not see a rise this year.", "Claire Dubois")]),
    # an abbreviated title before the name does not end the sentence
    ('Coast guard commander Isabel Navarro spoke at the port. "We are still searching for survivors," Cmdr. Navarro said.',
     [("We are still searching for survivors", "Isabel Navarro")]),
    ('"The count was checked at boarding," Gen. Omar Bashir told reporters.',
     [("The count was checked at boarding", "Omar Bashir")]),
    # "a friend of X said": X is not the speaker
    ('"She would never have left the children alone," a friend of Maria Lopez said.',
     [("She would never have left the children alone", None)]),
])
def test_quotes_speaker_patterns(text, expected):
    assert said(text) == expected


@pytest.mark.parametrize("text", [
    'The so-called "safe zone" was closed on Monday.',
    'He called the plan a "disaster" and left.',
    'Kestrel Coatings said in a statement that it was "devastated" by the death.',
    # titles inside the speaker's sentence are not quotes
    'Ian Haney López wrote a book called "Dog Whistle Politics" in 2014.',
    'Frank DeMarco said she would play "Trivia Crack" with her students.',
    'Residents watched "Gone With the Wind" at the shelter.',
    # A naming participle with no subject (Multi-News ta145 gave the term to the European Union).
    'Across the European Union, nearly half of young adults live with their parents. In Japan, about half of '
    'unmarried 20-to-34-year-olds (dubbed “parasite singles”) live with their parents, too.',
    # Works' titles beside a named person (Multi-News ta030 and ta099 listed them as his words).
    'Investigators probing the death of "Top Gun" director Tony Scott said they still do not know why he jumped.',
    'Charlie Sheen was running late for his stage show, “Violent Torpedo of Truth: Defeat Is Not an Option,” at '
    'DAR Constitution Hall, Sheen said.',
    # A title with its small words in lower case (Multi-News ta247).
    'As Ms. pointed out in our Spring 2009 article “Taking a Bite Out of Twilight,” Meyer has insisted that she '
    'sees Bella as a feminist character.',
    'The council said it would meet again on Friday.',
    # A scare quote in a science feature (Multi-News ta186) was listed under "Unnamed speaker":
    # the next sentence's "Scientists believe" is no one saying the one word.
    'The genetic make-up of the population could have simply ‘drifted’ by chance towards melanism, due to '
    'the isolation from other leopards. Scientists believe that a combination of natural selection and '
    'random genetic drift probably resulted in it.',
    '',
])
def test_quotes_scare_quotes_titles_and_plain_text_yield_nothing(text):
    assert quotes_of(text) == []


def test_quotes_the_second_half_of_a_split_quote_is_the_tags_speaker():
    # A real ABC11 page (Multi-News ta067) ran the next paragraph on after the quote: "Olivera,
    # himself a Gulf War veteran, said ..." read as a pull quote's signature, and Serna's words
    # went to the judge.
    quotes = said('Joe Serna is a veteran. Judge Lou Olivera sentenced him. "(Olivera) comes in, they close the door '
                  'and lock it," Serna said, "and this was a one-man cell so we sat on the bunk." Olivera, himself a '
                  'Gulf War veteran, said that he worried about the effects.')
    assert [speaker for _, speaker in quotes] == ["Joe Serna", "Joe Serna"]


def test_quotes_a_writers_contraction_is_no_speaker():
    # A first-person book excerpt (Multi-News ta212) listed its quotes under the speaker "I’d".
    quotes = said("The message had three parts, and if I had to translate them into earthly language, I’d say "
                  "they ran something like this:\n\n“You are loved and cherished, dearly, forever, and always.”")
    assert all(speaker not in ("I’d", "I") for _, speaker in quotes)


def test_quotes_the_one_told_is_not_who_he_is():
    # The Hollywood Reporter (Multi-News ta030): "Scott told Rotten Tomatoes he wanted ...", then
    # '"...," he told the movie news site': "he" is Scott, not the site the model took for a person.
    quotes = said('Director Tony Scott filmed reshoots there. And in 2009, Scott told Rotten Tomatoes he wanted to '
                  'shoot a sequence of his planned remake at the location. "I\'m hoping to get 100,000 real gang members '
                  'standing on the Vincent Thomas Bridge for one shot," he told the movie news site in June 2009.')
    assert [speaker for _, speaker in quotes] == ["Tony Scott"]


def test_quotes_one_who_calls_anothers_remark_something_says_it():
    # Multi-News ta043 gave the Vermont governor's words about Corbett's remark to Corbett.
    quotes = said('Republican Gov. Tom Corbett compared the marriage of same-sex couples to incest. "It was an '
                  'inappropriate analogy, you know," Corbett said.\n\nVermont Gov. Peter Shumlin, chairman of the '
                  'Democratic Governors Association, called Corbett\'s remark "an absurd comparison of same-sex marriage" '
                  'to sibling incest that is "offensive and demeaning."')
    assert quotes == [("It was an inappropriate analogy, you know", "Tom Corbett"),
                      ("an absurd comparison of same-sex marriage", "Peter Shumlin"),
                      ("offensive and demeaning.", "Peter Shumlin")]


def test_quotes_a_place_of_his_is_not_who_he_is():
    # Multi-News ta021: "he wrote in his 2012 memoir" went to "Queensbridge Houses".
    quotes = said("Prodigy, born Albert Johnson, was raised in a musical family. His severe sickle-cell meant chronic "
                  "pain, and he was drawn to the rough street life of his Queensbridge Houses home even as he attended "
                  "private schools. “Sometimes I’d wake up with severe pain in my stomach and back,” he wrote in his "
                  "2012 memoir.")
    assert all(speaker != "Queensbridge Houses" for _, speaker in quotes)


def test_quotes_a_word_opening_a_clause_is_no_speaker():
    # Multi-News ta188 listed a quote under the speaker "After" ('After noting that ...').
    quotes = said('Justice Elena Kagan wrote the opinion. After noting that the toy is designed for '
                  '"children (and young-at-heart adults)," Kagan delivers a series of jokes.')
    assert all(speaker != "After" for _, speaker in quotes)
    # A title before it still makes it a name.
    assert said('"We will appeal the ruling to a higher court," Ms. After said on Monday.') == [
        ("We will appeal the ruling to a higher court", "After")]


def test_quotes_a_short_quote_inside_a_sentence_does_not_run_on_from_the_one_before():
    text = '"Our rents have doubled in five years," said Giulia Conti, who carried a sign reading "Homes, not hotels."'
    assert said(text) == [("Our rents have doubled in five years", "Giulia Conti")]


def test_quotes_continue_into_the_next_paragraph():
    text = ('Daniel Okoro said: "The first part of the report is finished.\n\n'
            '"The second part will take until the summer."\n\nThe council meets on Friday.')
    (quote,) = quotes_of(text)
    assert quote.text == "The first part of the report is finished. The second part will take until the summer."
    assert quote.speaker == "Daniel Okoro"
    span = quote.mentions[0].span
    assert text[span.start:span.end].startswith("The first part") and text[span.start:span.end].endswith("summer.")


def test_quotes_an_unclosed_quote_is_dropped_and_the_rest_kept():
    text = ('"We are done here, Daniel Okoro said as he left.\n\n'
            'The council met later.\n\n"The bridge will reopen on Monday," Maria Lopez said.')
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [("The bridge will reopen on Monday", "Maria Lopez")]


def test_quotes_marks_pair_per_paragraph():
    text = 'A "first quote here" and "second one".\n\nThen "third quote" ends.'
    found = [q.text for q in quoted_texts(text, paragraph_spans(text))]
    assert found == ["first quote here", "second one", "third quote"]


def test_quotes_small_wording_differences_are_one_quote_with_all_sources():
    quotes = quotes_of(
        '"I\'m grateful that none of the injuries are life-threatening," said Hassan al-Rubaie.',
        '"I am grateful that none of the injuries are life-threatening," said Hassan al-Rubaie.',
        '“I’m grateful that none of the injuries are life‑threatening,” Mr. Rubaie said.',
    )
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.sources == ("a0", "a1", "a2") and quote.speaker == "Hassan al-Rubaie"
    assert len(quote.evidence) == 3 and len(quote.variants) == 2


def test_quotes_each_mention_keeps_its_own_speaker_and_the_majority_wins():
    line = '"If the wind had turned inland, we would have been fighting this fire in homes," {} said.'
    quote, = quotes_of(
        "Hassan al-Rubaie is the fire chief. " + line.format("Hassan al-Rubaie"),
        "Hassan al-Rubaie is the fire chief. " + line.format("al-Rubaie"),
        "Youssef el-Amrani runs the port. " + line.format("el-Amrani"),
    )
    assert quote.speaker == "Hassan al-Rubaie"
    assert [m.speaker for m in quote.mentions] == ["Hassan al-Rubaie", "Hassan al-Rubaie", "Youssef el-Amrani"]


def test_quotes_different_quotes_stay_apart():
    quotes = quotes_of(
        '"The fire started in the back storeroom of the warehouse," Daniel Okoro said.',
        '"The fire did not start in the storeroom, it started on the quay," Daniel Okoro said.',
    )
    assert len(quotes) == 2


@pytest.mark.parametrize("a, b", [
    ("I'm grateful", "I am grateful"), ("couldn’t get within 50 metres", "could not get within 50 meters"),
    ("We’ll see.", "we will see"),
])
def test_quotes_comparable_wording(a, b):
    assert comparable(a) == comparable(b)


def test_quotes_the_company_said_after_the_company_is_named():
    text = ('Naviera del Sur denied that the ferry was overloaded. "The passenger count was checked at boarding, '
            'as always," the company said.')
    assert said(text) == [("The passenger count was checked at boarding, as always", "Naviera del Sur")]


def test_quotes_british_single_quotes():
    assert said("'We will rebuild every house on this street,' said Maria Lopez.") == [
        ("We will rebuild every house on this street", "Maria Lopez")]


# ---- the bundled example ------------------------------------------------------------------------

def _expected_quotes():
    import json

    from tests.conftest import EXAMPLE_DIR

    return [pytest.param(q, id=q["id"]) for q in json.loads((EXAMPLE_DIR / "expected.json").read_text())["quotes"]]


def _found(quotes, expected):
    key = comparable(expected["text"])[:40]
    return [q for q in quotes if comparable(q.text).startswith(key)]


@pytest.mark.parametrize("expected", _expected_quotes())
def test_quotes_example_quote_with_its_speaker_and_sources(example_digest, expected):
    found = _found(example_digest.extraction.quotes, expected)
    assert len(found) == 1, f"{expected['id']}: found {len(found)} quotes"
    quote = found[0]
    assert quote.text.replace("’", "'") == expected["text"].replace("’", "'")
    assert quote.speaker == expected["speaker"]
    assert set(quote.sources) == set(expected["sources"])
    own = {m.article: m.speaker for m in quote.mentions}
    assert own == {v["source"]: v["speaker"] for v in expected["variants"]}


def test_quotes_example_has_eleven_quotes_and_evidence_points_at_the_words(example_digest):
    quotes = example_digest.extraction.quotes
    assert len(quotes) == 11
    texts = {a.id: a.text for a in example_digest.articles}
    for quote in quotes:
        assert len(quote.mentions) == len(quote.sources), "one mention per article (the pull quote is noise)"
        for m in quote.mentions:
            # A quote running over paragraphs spans them all; its text joins the parts.
            printed = texts[m.article][m.span.start:m.span.end]
            assert re.sub(r"\s*\n\s*\n\s*[“\"]", " ", printed) == m.text
        entity_names = {e.id: e.name for e in example_digest.extraction.entities}
        assert quote.speaker_entity is None or entity_names[quote.speaker_entity] == quote.speaker


def test_quotes_example_attribution_conflict_reaches_align(example_digest):
    conflicts = [c for c in example_digest.alignment.conflicts if c.kind == "attribution"]
    assert any({cl.value for cl in c.claims} == {"Hassan al-Rubaie", "Youssef el-Amrani"} for c in conflicts)


def test_quotes_hinted_and_its_kin_introduce_speech():
    # Multi-News ta092: 'Mike Cernovich hinted to his viewers that one of his rivals "is morbidly
    # obese ..."' gave the words to no one.
    text = ("Peinovich's downfall began in December when a former vlogger named Mike Cernovich hinted to his "
            "viewers that one of his rivals \u201cis morbidly obese and is married to a Jewish woman.\u201d")
    assert said(text) == [("is morbidly obese and is married to a Jewish woman.", "Mike Cernovich")]


def test_quotes_a_programme_title_closing_the_sentence_is_no_quote():
    # Multi-News ta232: 'Rubio said on NBC's "Meet the Press."' and 'on CNN's "State of the
    # Union."' were quotes of Rubio and Gingrich: American style puts the full stop inside.
    text = ("\u201cThis is silly outrage, it\u2019s not even real outrage,\u201d Rubio said on NBC's \u201cMeet the "
            "Press.\u201d Gingrich spoke on CNN's \u201cState of the Union.\u201d")
    assert [q for q, _ in said(text)] == ["This is silly outrage, it\u2019s not even real outrage"]
    # a short sentence in capitals someone says is still speech
    assert said("\u201cWe Will Win.\u201d Mayor Ann Lee said on Monday.")[0][1] == "Ann Lee"


def test_quotes_an_interview_s_answers_are_the_interviewee_s():
    # Multi-News ta037 (a Washington Post Q&A): each question a paragraph of its own, each answer a
    # quotation alone in its paragraph; fourteen answers of Megan Rapinoe and Jeff Plush had no speaker.
    text = ("After the defeat on Wednesday, Megan Rapinoe responded to the club's decision to play the anthem early.\n\n"
            "[Club denies Rapinoe a chance to kneel]\n\n"
            "What was your reaction to the early anthem?\n\n"
            "\u201cI didn\u2019t hear it and I wasn\u2019t exactly sure why it wasn\u2019t played. It is really disappointing.\u201d\n\n"
            "Has this affected you?\n\n"
            "\u201cTo say I am not tired in ways would be a lie. It has been draining on everyone.\u201d\n\n"
            "NWSL Commissioner Jeff Plush attended the match and said he did not know of the plan. He answered "
            "a few questions.\n\n"
            "Violation of league protocol?\n\n"
            "\u201cI would have preferred to have had an honest dialogue of what we wanted to do.\u201d")
    assert [s for _, s in said(text)] == ["Megan Rapinoe", "Megan Rapinoe", "Jeff Plush"]

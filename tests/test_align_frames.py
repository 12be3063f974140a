"""Align on patterns seen in real news (issue 16): event frames, polarity in facts, sources as an
editor counts them. Small invented sentences, one per pattern."""

from __future__ import annotations

import pytest

from storydesk.align import align_facts
from storydesk.align.frames import stance
from storydesk.model import Article, Extraction, Quote, QuoteMention, ReuseReport, Span
from tests.conftest import published
from tests.test_align import quantities, story

pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def run(texts: dict[str, list[str]], extraction: Extraction | None = None):
    articles, sentences = story(texts)
    return align_facts(articles, sentences, extraction or Extraction(), ReuseReport())


def one_fact(alignment, *articles: str) -> bool:
    return any(set(articles) <= set(f.sources) for f in alignment.facts)


def test_different_plans_are_no_conflict_and_no_fact() -> None:
    alignment = run({"x": ["The White House said there are no plans to hospitalize him at this time."],
                     "y": ["The White House said there are no plans for him to resign at this time."]})
    assert alignment.conflicts == ()


def test_a_bound_against_a_count_of_rockets_is_a_conflict() -> None:
    articles, sentences = story({"x": ["At least two rockets struck the base on Tuesday, officials said."],
                                 "y": ["Three rockets struck the base on Tuesday, the ministry said."]})
    extraction = Extraction(quantities=quantities(sentences, "rocket"))
    conflicts = align_facts(articles, sentences, extraction, ReuseReport()).conflicts
    assert [(c.kind, c.severity) for c in conflicts] == [("quantity", "discrepancy")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Smith denied that he muzzled the inspector.", "denied"),
    ("The inspector said he had been muzzled by Smith.", "plain"),
    ("No one was hurt in the fire, police said.", "negated"),
    ("The fire may have started in the kitchen.", "hedged"),
    ("Did the fire start in the kitchen?", "question"),
])
def test_stance_of_a_sentence(text: str, expected: str) -> None:
    assert stance(text) == expected


def test_a_denial_is_not_support_for_the_claim_it_denies() -> None:
    alignment = run({"x": ["The inspector said he had been muzzled by the agency chief over the report."],
                     "y": ["The agency chief denied that he muzzled the inspector over the report."]})
    assert not one_fact(alignment, "x", "y")


@pytest.mark.parametrize(("a", "b"), [
    # same predicate and patient, another complement: two claims, both true
    ("The drug did not make the rats less intelligent, the study found.",
     "The drug makes rats less willing to work, the study found."),
    # same predicate, another patient and subject
    ("He has not faced a competitive campaign since his first election.",
     "The amendment got 11 votes, including from several senators facing competitive re-elections."),
])
def test_a_negation_of_another_event_is_no_statement_conflict(a: str, b: str) -> None:
    assert run({"x": [a], "y": [b]}).conflicts == ()


def test_one_quote_under_two_forms_of_one_name_is_no_attribution_conflict() -> None:
    text = "This was a tremendous effort by every agency"
    articles, sentences = story({"x": [f'"{text}," Lt. Jonathan Hubbard said.'],
                                 "y": [f'"{text}," Acting Police Chief Lt. Jon Hubbard said.']})
    mentions = tuple(QuoteMention(s.article, text, Span(s.article, s.start + 1, s.start + 1 + len(text)),
                                  speaker, sentence=s.index)
                     for s, speaker in zip(sentences, ("Jonathan Hubbard", "Jon Hubbard"), strict=True))
    quote = Quote("q1", text, None, ("x", "y"), mentions=mentions)
    assert align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts == ()


def test_a_speaker_the_sentence_does_not_make_speak_is_no_attribution_side() -> None:
    text = "I was in a room with three other men"
    articles, sentences = story({"x": [f'"{text}," Dunn said in one of the calls.'],
                                 "y": [f'In the conversation with his fiancee, Rhonda Rouer, he said: "{text}."']})
    mentions = tuple(QuoteMention(s.article, text, Span(s.article, s.start, s.end), speaker, sentence=s.index)
                     for s, speaker in zip(sentences, ("Dunn", "Rhonda Rouer"), strict=True))
    quote = Quote("q1", text, None, ("x", "y"), mentions=mentions)
    assert align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts == ()


@pytest.mark.parametrize(("a", "b", "values"), [
    ("Police said the suspect, 29-year-old Geraldine Alcorn, was arrested on Monday.",
     "Geraldine Alcorn, 28, was charged with luring on Wednesday.", {"29", "28"}),
    ("He also admitted to shooting his neighbor, 66-year-old Frank Macomber.",
     "Macomber, 65, was found fatally shot in a wooded area.", {"66", "65"}),
])
def test_two_ages_of_one_person_are_a_conflict(a: str, b: str, values: set[str]) -> None:
    (conflict,) = run({"x": [a], "y": [b]}).conflicts
    assert conflict.kind == "quantity" and {str(c.value) for c in conflict.claims} == values


def test_ages_of_two_people_who_share_a_surname_are_no_conflict() -> None:
    assert run({"x": ["Amber Pasztor smothered 6-year-old Rene Pasztor and his sister."],
                "y": ["Pasztor, 29, admitted to killing her two children."]}).conflicts == ()


def test_an_outlet_that_also_gives_the_other_value_does_not_disagree() -> None:
    articles, sentences = story({
        "x": ["More than 11 rockets hit the base on Monday, a video caption said.",
              "Officials said 14 rockets hit the base on Monday night."],
        "y": ["In all, 14 rockets hit the base on Monday, officials said."]})
    extraction = Extraction(quantities=quantities(sentences, "rocket"))
    assert align_facts(articles, sentences, extraction, ReuseReport()).conflicts == ()


def test_two_floors_for_one_rescue_are_a_conflict() -> None:
    conflicts = run({"x": ["The car fell to the 17th floor, where firefighters pulled the woman out."],
                     "y": ["A repairman pulled the woman from the 15th-floor shaft minutes later."]}).conflicts
    assert [c.kind for c in conflicts] == ["quantity"]


def test_a_relayed_report_counts_as_one_source() -> None:
    alignment = run({
        "wkmg": ["Shelby McDowell, 20, was arrested after she crashed a wedding at the beach resort."],
        "post": ["Shelby McDowell, 20, was arrested after she crashed a wedding at the beach resort, "
                 "according to news station WKMG."],
        "blog": ["McDowell, 20, was arrested after crashing a wedding at the beach resort, WKMG reported."]})
    fact = next(f for f in alignment.facts if len(f.sources) == 3)
    # wkmg itself names no outlet, but the post prints its sentence word for word (issue 16, eighth
    # round: one text copied is one source), and the two relays are one: one source in all.
    assert fact.independent_sources == 1
    assert any("WKMG" in note for note in fact.origin_notes)


def test_one_quotation_relayed_by_several_outlets_has_one_origin() -> None:
    text = "Although our products are nontoxic, we do not recommend using them as make-up"
    alignment = run({"a": [f'"{text}," the company said on its website.'],
                     "b": [f'"{text}," Crayola said in a statement on its website.'],
                     "c": [f'Crayola wrote: "{text}."']})
    fact = next(f for f in alignment.facts if len(f.sources) == 3)
    assert fact.independent_sources == 1


def test_independent_reports_keep_their_count() -> None:
    alignment = run({"ap": ["The Senate approved the budget by a 52-46 vote early Friday."],
                     "reuters": ["Senators approved the budget early on Friday by a 52-46 vote."]})
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert fact.independent_sources == 2


def test_one_speakers_statement_in_several_outlets_is_one_source() -> None:
    alignment = run({"a": ["The Department of Buildings said the elevator passed its five-year inspection in 2016."],
                     "b": ["The elevator passed its five-year inspection in 2016, according to the buildings department."]})
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert fact.independent_sources == 1


def test_a_change_from_one_value_to_another_is_compared_by_its_new_value() -> None:
    articles, sentences = story({
        "x": ["The board voted to raise the standard single fare from two dollars to three dollars in April."],
        "y": ["Under the plan the standard single fare will rise to four dollars in April."]})
    extraction = Extraction(quantities=quantities(sentences, "dollar"))
    conflicts = align_facts(articles, sentences, extraction, ReuseReport()).conflicts
    assert [sorted(str(c.value) for c in conflict.claims) for conflict in conflicts] == [["3", "4"]]


def test_for_the_first_time_since_a_year_ties_no_count_to_that_year() -> None:
    articles, sentences = story({
        "x": ["The council voted to raise fares for the first time since 2019, lifting the single fare to three dollars."],
        "y": ["Under the plan approved by the council the single fare will rise to four dollars."]})
    articles = [Article(id=a.id, text=a.text, published=published("2024-04-02")) for a in articles]
    extraction = Extraction(quantities=quantities(sentences, "dollar"))
    conflicts = align_facts(articles, sentences, extraction, ReuseReport()).conflicts
    assert [sorted(str(c.value) for c in conflict.claims) for conflict in conflicts] == [["3", "4"]]


def test_quoted_wording_no_one_is_said_to_speak_is_no_single_origin() -> None:
    texts = {"a": ['The bill would change the anthem from "in all thy sons command" to "in all of us command" this year.'],
             "b": ['The bill seeks to change the anthem words "in all thy sons command" to "in all of us command".']}
    articles, sentences = story(texts)
    # the extract stage may still give the quoted words a speaker (the bill's sponsor)
    words = "in all thy sons command"
    mentions = tuple(QuoteMention(s.article, words, Span(s.article, s.start, s.end), "Belanger", sentence=s.index)
                     for s in sentences)
    extraction = Extraction(quotes=(Quote("q1", words, "Belanger", ("a", "b"), mentions=mentions),))
    alignment = align_facts(articles, sentences, extraction, ReuseReport())
    fact = next(f for f in alignment.facts if len(f.sources) == 2)
    assert fact.independent_sources == 2

"""Align stage: facts shared across articles, unique details, typed conflicts."""

from __future__ import annotations

import re

import pytest

from storydesk.align import align_facts
from storydesk.model import Article, Extraction, Quantity, Quote, QuoteMention, ReuseReport, Sentence, Span

WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "forty": 40, "400": 400, "40": 40}


pytestmark = pytest.mark.usefixtures("encoder")  # the sentence encoder (conftest), or a skip


def story(texts: dict[str, list[str]]) -> tuple[list[Article], list[Sentence]]:
    articles, sentences = [], []
    for article_id, lines in texts.items():
        articles.append(Article(id=article_id, text=" ".join(lines)))
        offset = 0
        for n, line in enumerate(lines):
            sentences.append(Sentence(article_id, n, offset, offset + len(line), line))
            offset += len(line) + 1
    return articles, sentences


def quantities(sentences: list[Sentence], noun: str) -> tuple[Quantity, ...]:
    """The counts of `noun` in each sentence, as the extract stage would give them."""
    found = []
    number = "|".join(WORDS)
    pattern = re.compile(rf"\b(at least |about )?({number}) (?:of the ({number}) )?(?:\w+ )?{noun}s?\b", re.I)
    for s in sentences:
        for m in pattern.finditer(s.text):
            qualifier = {"at least ": ">=", "about ": "~"}.get((m.group(1) or "").lower(), "=")
            upper = WORDS.get((m.group(3) or "").lower())
            span = Span(s.article, s.start + m.start(), s.start + m.end())
            found.append(Quantity(WORDS[m.group(2).lower()], noun, qualifier, m.group(0), span, s.index, upper))
    return tuple(found)


AGREEMENTS = [
    ("Five firefighters were hurt in the blaze.", "Five firefighters were hurt in the blaze on Friday."),
    (
        "Fire broke out early Friday at Northgate Dock.",
        "A fire started at Northgate Dock in the early hours of Friday.",
    ),
    ("The mayor ordered an inquiry into the collapse.", "An inquiry into the collapse was ordered by the mayor."),
]


@pytest.mark.parametrize(("a", "b"), AGREEMENTS)
def test_align_rewordings_become_one_fact(a: str, b: str) -> None:
    articles, sentences = story(
        {
            "x": [a, "Traffic was diverted around the port for hours."],
            "y": [b, "The city council meets again on Tuesday to vote on the budget."],
        }
    )
    alignment = align_facts(articles, sentences, Extraction(), ReuseReport())
    shared = [f for f in alignment.facts if set(f.sources) == {"x", "y"}]
    assert len(shared) == 1
    assert alignment.facts[0] is shared[0]  # ranked by support
    assert len(shared[0].evidence) == 2
    assert alignment.unique_facts["x"] and alignment.unique_facts["y"]


def test_align_copy_groups_count_once() -> None:
    line = "Fire broke out early Friday at Northgate Dock in Port Averly."
    articles, sentences = story(
        {
            "wire": [line],
            "reprint": [line],
            "own": ["A fire broke out early on Friday at the Northgate Dock in Port Averly."],
        }
    )
    reuse = ReuseReport(copy_groups=(frozenset({"wire", "reprint"}),))
    fact = align_facts(articles, sentences, Extraction(), reuse).facts[0]
    assert set(fact.sources) == {"wire", "reprint", "own"}
    assert fact.independent_sources == 2


QUANTITY_CASES = [
    # (sentence a, sentence b, noun, expected severity or None for no conflict)
    (
        "At least four firefighters were injured in the blaze.",
        "Six firefighters were injured in the blaze.",
        "firefighter",
        "discrepancy",
    ),
    (
        "Two warehouses were destroyed by the fire.",
        "Three warehouses were destroyed by the fire.",
        "warehouse",
        "contradiction",
    ),
    (
        "Militants fired two rockets at the town overnight.",
        "Militants fired six rockets at the town overnight.",
        "rocket",
        "contradiction",
    ),
    # near-misses that must not be conflicts
    ("Two warehouses were destroyed by the fire.", "Three firefighters were hurt by the fire.", "warehouse", None),
    (
        "Four of the six firefighters were treated at the scene.",
        "Six firefighters were injured in the blaze.",
        "firefighter",
        None,
    ),
    (
        "Two warehouses burned down in Port Averly on Friday.",
        "Three warehouses are planned for the new logistics park next year.",
        "warehouse",
        None,
    ),
    (
        "The clinic now sees 40 patients a day.",
        "The clinic has seen 400 patients in total since it opened.",
        "patient",
        None,
    ),
]


@pytest.mark.parametrize(("a", "b", "noun", "severity"), QUANTITY_CASES)
def test_align_quantity_conflicts(a: str, b: str, noun: str, severity: str | None) -> None:
    articles, sentences = story({"x": [a], "y": [b]})
    extraction = Extraction(quantities=quantities(sentences, noun))
    conflicts = align_facts(articles, sentences, extraction, ReuseReport()).conflicts
    if severity is None:
        assert conflicts == ()
    else:
        assert [(c.kind, c.severity) for c in conflicts] == [("quantity", severity)]
        assert {claim.sources for claim in conflicts[0].claims} == {("x",), ("y",)}


def test_align_attribution_conflict_from_quote_mentions() -> None:
    articles, sentences = story(
        {"x": ['"We were lucky," Hassan al-Rubaie said.'], "y": ['"We were lucky," Youssef el-Amrani said.']}
    )
    mentions = tuple(
        QuoteMention(s.article, "We were lucky,", Span(s.article, 1, 15), speaker, sentence=0)
        for s, speaker in zip(sentences, ["Hassan al-Rubaie", "Youssef el-Amrani"], strict=True)
    )
    quote = Quote("q1", "We were lucky,", None, ("x", "y"), mentions=mentions)
    conflicts = align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts
    assert [c.kind for c in conflicts] == ["attribution"]
    assert {claim.value for claim in conflicts[0].claims} == {"Hassan al-Rubaie", "Youssef el-Amrani"}


def test_align_same_speaker_is_no_attribution_conflict() -> None:
    articles, sentences = story(
        {"x": ['"We were lucky," al-Rubaie said.'], "y": ['"We were lucky," Mr al-Rubaie said.']}
    )
    mentions = tuple(
        QuoteMention(s.article, "We were lucky,", Span(s.article, 1, 15), "Hassan al-Rubaie", sentence=0)
        for s in sentences
    )
    quote = Quote("q1", "We were lucky,", "Hassan al-Rubaie", ("x", "y"), mentions=mentions)
    assert align_facts(articles, sentences, Extraction(quotes=(quote,)), ReuseReport()).conflicts == ()


STATEMENT_CASES = [
    # (sentence a, sentence b, expected kinds)
    ("The Northern Front denied responsibility for the bombing.",
     "The Northern Front claimed responsibility for the bombing.", ["statement"]),
    ("The Northern Front denied responsibility for the bombing.",
     "The Northern Front did not claim responsibility for the bombing.", []),
    ("The Northern Front denied responsibility for the bombing.",
     "A rival faction claimed responsibility for a kidnapping last year.", []),
    ("The company denied that it plans to close the Orsa plant.",
     "The company confirmed that it plans to close the Orsa plant by 2027.", ["statement"]),
    ("Officials said no one was inside the warehouses when it started.",
     "A night watchman was also inside the main warehouse when the fire started.", ["statement"]),
    ("The authority said no bus routes would be cut as part of the plan.",
     "The transit authority confirmed that two night routes would be cut as part of the plan.", ["statement"]),
    ("No arrests have been made, police said.",
     "Police said they had arrested two men on Monday evening in connection with the theft.", ["statement"]),
    ("Incumbent mayor Leona Pratt conceded on Saturday.", "Mayor Leona Pratt has refused to concede.", ["statement"]),
    ("Talks between the union and the airport operator have not resumed.",
     "Talks between the union and the operator resumed on Friday evening.", ["statement"]),
    # a negated verb alone is too weak: its object or subject must come back too
    ("Meadows insisted the matter did not come up.", "The coming confrontation will air old grievances.", []),
    # hedges and attempts do not affirm
    ("Hunger does not influence how much they like objects.", "We will look at how hunger might influence what they like.", []),
    ("The driver failed to pull over.", "The Hummer appears to try to pull over to the side of the road.", []),
    # both sides negative, or the other sentence says something else
    ("Nobody was hurt in the derailment.", "No one was injured, police said.", []),
    ("No patients have died, the hospital said.", "Three wards have been closed to new admissions.", []),
    ("The cause of the fire was not immediately known.", "Investigators said the cause of the fire was known.", []),
]


@pytest.mark.parametrize(("a", "b", "expected"), STATEMENT_CASES)
def test_align_statement_conflicts(a: str, b: str, expected: list[str]) -> None:
    articles, sentences = story({"x": [a], "y": [b]})
    assert [c.kind for c in align_facts(articles, sentences, Extraction(), ReuseReport()).conflicts] == expected


@pytest.mark.parametrize(("a", "b", "values"), [
    ("Officials said no one was inside the warehouses when it started.",
     "A night watchman was also inside the main warehouse when the fire started.",
     {"no one was inside", "A night watchman was also inside the main warehouse"}),
    ("The authority said no bus routes would be cut as part of the plan.",
     "The transit authority confirmed that two night routes would be cut as part of the plan.",
     {"no bus routes would be cut", "two night routes would be cut"}),
])
def test_align_statement_sides_show_the_claim_not_the_whole_sentence(a: str, b: str, values: set[str]) -> None:
    articles, sentences = story({"x": [a], "y": [b]})
    (conflict,) = align_facts(articles, sentences, Extraction(), ReuseReport()).conflicts
    assert {claim.value for claim in conflict.claims} == values


def test_align_empty_story() -> None:
    alignment = align_facts([], [], Extraction(), ReuseReport())
    assert alignment.facts == () and alignment.conflicts == ()


def test_align_example_shared_facts_are_found(example_digest, example_expected) -> None:
    """Each shared fact of the example is one fact carried by most of the articles."""
    facts = example_digest.alignment.facts
    assert facts and facts[0].independent_sources >= facts[-1].independent_sources
    many = [f for f in facts if len(f.sources) >= 3]
    assert len(many) >= len(example_expected["shared_facts"]) // 2


def test_align_example_a_quote_given_to_someone_else_is_not_the_same_fact(example_digest) -> None:
    # Four outlets give the "wind had turned inland" quote to al-Rubaie, the Independent to
    # el-Amrani: the attribution conflict shows both; the fact cites only those agreeing on who.
    wind = [f for f in example_digest.alignment.facts if "wind had turned inland" in f.text]
    assert wind and not any({"independent-report", "wire-service"} <= set(f.sources) for f in wind)
    assert max(len(f.sources) for f in wind) == 4


def test_align_example_has_no_self_conflicts(example_digest) -> None:
    for conflict in example_digest.alignment.conflicts:
        sides = [set(claim.sources) for claim in conflict.claims]
        assert len(sides) >= 2 and not set.intersection(*sides)


@pytest.mark.xfail(
    reason="the inspection date is missed (Feb. 12 vs Feb. 21): 'inspectors visited the terminal' and "
    "'last inspected the dock' are worded too differently (sentence cosine 0.40, under SAME_DATE_POINT_COSINE)",
    strict=True,
)
def test_align_example_finds_the_five_planted_conflicts(example_digest, example_expected) -> None:
    found = {c.kind for c in example_digest.alignment.conflicts}
    assert found == {c["kind"] for c in example_expected["conflicts"]}
    assert len(example_digest.alignment.conflicts) == len(example_expected["conflicts"])


def test_align_example_conflicts_found_are_the_planted_ones(example_digest) -> None:
    conflicts = {(c.kind, c.severity): c for c in example_digest.alignment.conflicts}
    assert set(conflicts) == {("quantity", "discrepancy"), ("quantity", "contradiction"), ("attribution", "contradiction"),
                              ("statement", "contradiction")}
    firefighters = conflicts[("quantity", "discrepancy")]
    assert {claim.value: set(claim.sources) for claim in firefighters.claims} == {
        ">=4": {"wire-service", "daily-courier", "metro-herald"}, 6: {"independent-report"}}
    warehouses = conflicts[("quantity", "contradiction")]
    assert sorted(claim.value for claim in warehouses.claims) == [2.0, 3.0]
    speakers = {claim.value for claim in conflicts[("attribution", "contradiction")].claims}
    assert speakers == {"Hassan al-Rubaie", "Youssef el-Amrani"}
    inside = conflicts[("statement", "contradiction")]
    assert [set(claim.sources) for claim in inside.claims] == [
        {"wire-service", "daily-courier", "metro-herald"}, {"independent-report"}]


def dated(sentences: list[Sentence]) -> tuple:
    """Date mentions as the extract stage gives them, resolved against 2025-06-16."""
    from datetime import date

    from storydesk.extract.dates import dates_in

    return tuple(m for s in sentences for m in dates_in(s.text, date(2025, 6, 16), s.article, s.start, s.index))


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("The bridge was last inspected in April 2024, the city said.",
     "The bridge was last inspected in September 2023, a council engineer said.", ["date"]),
    ("The river peaked on Friday at 4.6 metres.", "The river reached its peak on Thursday night.", ["date"]),
    # different events of one story on different days: nothing happened on both
    ("Police arrested two men on Monday evening in connection with the theft.",
     "Thieves broke into the museum overnight on Sunday and escaped with three paintings.", []),
    # one sentence gives both dates: it tells the events apart
    ("The bridge opened in May 2009 and was last inspected in April 2024.",
     "The bridge was last inspected in May 2009, the year it opened.", []),
])
def test_align_date_conflicts(a: str, b: str, expected: list[str]) -> None:
    articles, sentences = story({"x": [a], "y": [b]})
    conflicts = align_facts(articles, sentences, Extraction(dates=dated(sentences)), ReuseReport()).conflicts
    assert [c.kind for c in conflicts] == expected


@pytest.mark.parametrize(("a", "b"), [
    ("A similar footbridge in Daskow collapsed in 2019, injuring 22 people.",
     "The footbridge collapse on Sunday injured 14 people."),
    ("In the 2021 election, turnout was 54 percent of 30 people.", "In this election turnout was 61 percent of 30 people."),
])
def test_align_count_tied_to_another_year_is_no_rival(a: str, b: str) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    articles, sentences = story({"x": [a], "y": [b]})
    articles = [replace(art, published=datetime(2025, 6, 16, tzinfo=UTC)) for art in articles]
    noun = "people" if "injur" in a else "percent"
    extraction = Extraction(quantities=quantities(sentences, noun), dates=dated(sentences))
    assert align_facts(articles, sentences, extraction, ReuseReport()).conflicts == ()


NO_RIVAL_CASES = [
    # (sentence a, sentence b): counts of one noun that must not be set against each other
    # a table of one noun, printed as one sentence
    ("The average wedding cost $31,213, with $14,006 on a venue and $3,587 on a band.",
     "The average wedding cost $29,858, with $13,385 on a venue and $3,469 on a band."),
    # one figure, rounded or converted
    ("The climbers were found at 5,900 meters (19,350 feet) on the glacier.",
     "The climbers were found on the glacier at an altitude of 19,356 feet."),
    # sums of money with nothing in common but the unit
    ("The agency has filed suit against the lawyer, claiming they owe $27,000 for security.",
     "The lawyer said last week he paid the company $40,000."),
    # different days named
    ("The Dow fell 666 points on Friday.", "The Dow fell 1,175 points on Monday."),
    # different places
    ("In all, 104 people were killed on Monday in Homs, activists said.",
     "A total of 125 people were killed on Monday across Syria, activists said."),
    # two counts in one sentence: the words next to each say which is which
    ("Three people were stabbed, and 12 people were arrested during the brawl at the park.",
     "Police say 12 people were arrested at the park and 2 people were hurt."),
    # a lone "one" picks a thing out
    ("The cell has two electrodes placed in water.", "Oxygen forms at one electrode placed in water."),
    # a question asserts nothing
    ("Can the planet really support 7 billion people?", "The planet now supports 8 billion people."),
]


@pytest.mark.parametrize(("a", "b"), NO_RIVAL_CASES)
def test_align_counts_that_are_no_rivals(a: str, b: str) -> None:
    from storydesk.extract.quantities import find_quantities

    articles, sentences = story({"x": [a], "y": [b]})
    extraction = Extraction(quantities=tuple(find_quantities(articles, sentences)))
    assert extraction.quantities, "the extract stage should find the counts"
    assert align_facts(articles, sentences, extraction, ReuseReport()).conflicts == ()


def test_align_two_counts_in_one_sentence_pair_by_their_words() -> None:
    from storydesk.extract.quantities import find_quantities

    articles, sentences = story({"x": ["Three people were stabbed, and 12 people were arrested during the brawl."],
                                 "y": ["Police say two people were stabbed during the brawl at the park."]})
    extraction = Extraction(quantities=tuple(find_quantities(articles, sentences)))
    conflicts = align_facts(articles, sentences, extraction, ReuseReport()).conflicts
    assert [sorted(str(claim.value) for claim in c.claims) for c in conflicts] == [["2", "3"]]


def test_align_a_shared_count_supports_a_rewording() -> None:
    """'At least 11' and 'Eleven' nurses: the same count makes a looser rewording one fact."""
    from storydesk.extract.quantities import find_quantities

    # Cosine 0.68 under both encoders, between SUPPORTED_FACT_COSINE and SAME_FACT_COSINE. The
    # pair this test used before ("staff members", from benchmarks/gold/align) sat at 0.6503 in
    # fp32 against the 0.65 bar, so it tested the encoder's rounding, not this rule (int8: 0.629).
    articles, sentences = story({"x": ["Eleven nurses have also fallen ill and are recovering at home."],
                                 "y": ["At least 11 nurses have been infected."]})
    alone = align_facts(articles, sentences, Extraction(), ReuseReport())
    assert len(alone.facts) == 2  # worded too differently on their own
    extraction = Extraction(quantities=tuple(find_quantities(articles, sentences)))
    together = align_facts(articles, sentences, extraction, ReuseReport())
    assert [set(f.sources) for f in together.facts] == [{"x", "y"}]
    assert together.conflicts == ()  # ">=11" and 11 agree


def test_a_date_in_a_sentence_without_a_verb_has_no_verb_object():
    # spaCy makes a new Token object on each access, so `token.head is not token` never ends the
    # climb at a root that is not a verb: this hung `storydesk run` on val_stream (story ta165).
    from storydesk.align.conflicts import _verb_object
    from storydesk.model import DateMention, Sentence, Span

    text = "The deadline: March 3, 2019."
    sentence = Sentence("a", 0, 0, len(text), text)
    start = text.index("March")
    mention = DateMention("2019-03-03", "day", "March 3, 2019", Span("a", start, start + len("March 3, 2019")), 0)
    assert _verb_object(sentence, mention) is None

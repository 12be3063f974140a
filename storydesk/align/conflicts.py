"""Conflicts: two articles on the same point with incompatible values.

Precision over recall: a conflict is reported only when both sides are about the same thing
(same counted noun, same event, semantically similar sentences) and the values cannot both be
true. Quantities are in `quantities.py`, statements (denied/claimed, a negated fact) in
`statements.py`; dates and attributions are here, with the merging of pairwise findings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np

from storydesk.align.attributes import age_conflicts, ordinal_conflicts
from storydesk.align.counts import word_counts
from storydesk.align.event_dates import event_date_conflicts, memoir_year_conflicts
from storydesk.align.frames import REPORTING_LEMMAS, frame_of, parse, same_person, speaks
from storydesk.align.quantities import quantity_conflicts
from storydesk.align.statements import statement_conflicts
from storydesk.align.text import clip, context, sentence_claim, shared_context, topic_stems
from storydesk.align.times import time_conflicts
from storydesk.align.titles import title_conflicts
from storydesk.lexicon import MONTHS, WEEKDAYS
from storydesk.model import Article, Claim, Conflict, DateMention, Extraction, Quantity, Sentence

# Two dates are the same point when the words next to them share a stem ("last inspected in April"
# / "last inspected in September") and the sentences are this similar. Tune half of
# benchmarks/gold/align: the planted pairs sit at 0.61-0.69; without the shared-word test a
# different event of the same story ("arrested two men on Monday" / "broke into the museum on
# Sunday") reached 0.63.
SAME_DATE_POINT_COSINE = 0.55
# A bare year is usually background ("began tracking costs in 2007" / "the average cost in 2014"):
# two years are compared only when this many words next to them agree (days and months need one).
YEAR_CONTEXT_MATCHES = 2
# A quotation this short with every word but the small ones capitalized is a title in quotation
# marks ("Meet the Press.", ta232 of the real gold), no one's words.
TITLE_MAX_WORDS = 5
_SMALL_WORDS = frozenset("the of a an and in on to for at by with".split())
WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_CALENDAR_WORDS = frozenset(WEEKDAYS + MONTHS) - {"May"}  # "May" is a name too
# A news outlet as a quote's speaker: the extract stage gives a relayed quote to the outlet that
# relays it ("according to the story" of the New York Post, ta198 of the real gold). An outlet
# relays words; it is no rival of the person who spoke them.
_OUTLET_SPEAKER = re.compile(r"^(?:[Tt]he )?(?:Associated Press|AP|Reuters|AFP|BBC|CNN|NPR|"
                             r"(?:[A-Z][\w.&'-]+ ){1,3}(?:News|Times|Post|Press|Journal|Tribune|Herald|Gazette|"
                             r"Daily|Telegraph|Magazine))$")
_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def _one_expression(a: DateMention, b: DateMention) -> bool:
    """The same words with no year of their own ("Tuesday", "last week", "April 2"): each article
    resolved them against its own publication date, so two days read from them are no disagreement
    (issue 16: "Tuesday" read on two days of one story was reported as a date conflict)."""
    return a.text.strip().lower() == b.text.strip().lower() and not _YEAR_WRITTEN.search(a.text)


def _date_conflicts(
    sentences: list[Sentence], index: dict[tuple[str, int], int], sims: np.ndarray, extraction: Extraction
) -> list[Conflict]:
    topic = topic_stems(sentences)
    dated = [
        (index[(d.span.article, d.sentence)], d)
        for d in extraction.dates
        if d.sentence is not None and (d.span.article, d.sentence) in index
    ]
    dates_of: dict[int, set[str]] = {}
    for i, d in dated:
        dates_of.setdefault(i, set()).add(d.date)
    found = []
    for (i, a), (j, b) in combinations(dated, 2):
        if sentences[i].article == sentences[j].article or a.precision != b.precision or a.date == b.date \
                or _one_expression(a, b):
            continue
        # A sentence that gives both dates tells two events apart; it is no rival to either.
        if b.date in dates_of[i] or a.date in dates_of[j] or sims[i, j] < SAME_DATE_POINT_COSINE:
            continue
        # An outlet that gives the rival's date itself, in a sentence at least as close to the
        # rival's as its own, does not disagree: two outlets citing one report's interviews of
        # February 2 and 3 (pairs4 ta165), each printing "February 3" in the same citation.
        if _dated_closer(sentences, dated, b.date, sentences[i].article, j, i, sims) or \
                _dated_closer(sentences, dated, a.date, sentences[j].article, i, j, sims):
            continue
        shared = shared_context(context(sentences[i], a.span, topic), context(sentences[j], b.span, topic))
        if len(shared) < (YEAR_CONTEXT_MATCHES if a.precision == "year" else 1):
            continue
        if _other_acts(sentences[i], a, sentences[j], b) or _period_end(sentences[i], a) or _period_end(sentences[j], b):
            continue
        found.append(
            Conflict(
                id="",
                topic="date: " + " ".join(shared),
                kind="date",
                claims=(sentence_claim(a.date, sentences[i], a.span), sentence_claim(b.date, sentences[j], b.span)),
            )
        )
    return found


def _dated_closer(sentences: list[Sentence], dated: list[tuple[int, DateMention]], value: str, article: str,
                  rival: int, own: int, sims: np.ndarray) -> bool:
    """The article gives `value` itself, in a sentence at least as close to the rival sentence as
    its own dated one (quantities' `_told_closer`, for dates)."""
    return any(sentences[k].article == article and d.date == value and sims[k, rival] >= sims[own, rival]
               for k, d in dated)


# A year that opens or closes a period ("gave nearly $11 million from 2011 to 2014", pairs ta227;
# "between 2013 and 2015", "2013 through 2015") dates no single act.
_PERIOD_OPENS = re.compile(r"\b(?:from|between)\s+$", re.I)
_PERIOD_GOES_ON = re.compile(r"^\s*(?:to|and|through|until|-|–)\s*(?:(?:late|early|mid-?)\s*)?(?:19|20)\d\d\b", re.I)
_PERIOD_CLOSES = re.compile(r"\b(?:from|between)\s+(?:(?:late|early|mid-?)\s*)?(?:19|20)\d\d\s*(?:to|and|through|until|-|–)\s*$",
                            re.I)


def _period_end(sentence: Sentence, mention: DateMention) -> bool:
    """The date is a bare year that opens or closes a period, not the day or year of one act."""
    if mention.precision != "year":
        return False
    before = sentence.text[:mention.span.start - sentence.start]
    after = sentence.text[mention.span.end - sentence.start:]
    return bool(_PERIOD_OPENS.search(before) and _PERIOD_GOES_ON.match(after) or _PERIOD_CLOSES.search(before))


def _verb_object(sentence: Sentence, mention: DateMention) -> str | None:
    """The direct object of the verb a date is attached to ("released their first demo ... in 1992").
    Only an active verb's object: a passive subject is worded too freely ("the first cases were
    detected" / "the outbreak was first detected" is one event of the invented set)."""
    doc = parse([sentence.text])[0]
    at = mention.span.start - sentence.start
    token = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
    # spaCy makes a new Token object on each access, so the root is found by position, not identity.
    while token is not None and token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    if token is None or token.pos_ not in {"VERB", "AUX"}:
        return None
    return frame_of(token, False).patient if any(c.dep_ == "dobj" for c in token.children) else None


def _other_acts(si: Sentence, a: DateMention, sj: Sentence, b: DateMention) -> bool:
    """The two dates hang on verbs with two different objects: two acts ("released their first
    demo in 1992" / "released a debut album in 1993", ta021), not one act on two dates."""
    oa, ob = _verb_object(si, a), _verb_object(sj, b)
    return oa is not None and ob is not None and oa != ob


def _attribution_conflicts(extraction: Extraction, sentences: list[Sentence]) -> list[Conflict]:
    found = []
    by_key = {(s.article, s.index): s for s in sentences}
    # A quotation given to fewer than two people's names has no second side: only the others' sentences
    # are read (`_not_the_speaker`), parsed in one batch rather than one by one.
    quotes = [(quote, named) for quote in extraction.quotes if not _title(quote.text)
              for named in ([m for m in quote.mentions if m.speaker and not _not_a_person(m.speaker)],)
              if len(named) >= 2]
    parse([text for _, named in quotes for m in named for text in (_speaker_text(m, by_key),) if text])
    for quote, named in quotes:
        speakers: dict[str, list] = {}
        for m in named:
            # A name the sentence does not make speak ("In the conversation with his fiancee,
            # Rhonda Rouer, he said", "Kushner's lawyer, Jamie Gorelick, told NBC News") is no side.
            # The next sentence is read too: a quote's attribution may follow a cut at "Mr.".
            speaker = m.speaker
            if _not_the_speaker(m, by_key):
                # The extract stage took a name in the attribution for its speaker ("said Nordfrakt
                # spokesman Ben Adeyemi", "McSally campaign CEO Jim Bognet said", pairs ta248): the
                # named subject of the reporting verb speaks, if the sentence has one.
                speaker = _reporting_subject(by_key.get((m.article, m.sentence)))
                if speaker is None:
                    continue
            same = next((s for s in speakers if same_person(s, speaker)), speaker)
            speakers.setdefault(same, []).append(m)
        if len(speakers) < 2:
            continue
        claims = []
        for speaker, mentions in speakers.items():
            text = next(
                (by_key[(m.article, m.sentence)].text for m in mentions if (m.article, m.sentence) in by_key),
                mentions[0].text,
            )
            claims.append(
                Claim(
                    value=speaker,
                    text=text,
                    sources=tuple(dict.fromkeys(m.article for m in mentions)),
                    evidence=tuple(m.span for m in mentions),
                )
            )
        found.append(Conflict(id="", topic=f"who said “{clip(quote.text)}”", kind="attribution", claims=tuple(claims)))
    return found


def _title(text: str) -> bool:
    words = WORDS.findall(text)
    return 0 < len(words) <= TITLE_MAX_WORDS and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _not_a_person(speaker: str) -> bool:
    """A speaker the extract stage read from a dateline or a time ("Kiev Thursday", ta249), or a
    news outlet relaying someone's words ("New York Post", ta198)."""
    return any(word in _CALENDAR_WORDS for word in speaker.split()) or bool(_OUTLET_SPEAKER.match(speaker.strip()))


def _reporting_subject(sentence: Sentence | None) -> str | None:
    """The name (proper nouns) that is the subject of the sentence's reporting verb, if one is."""
    if sentence is None:
        return None
    for token in parse([sentence.text])[0]:
        if token.dep_ == "nsubj" and token.pos_ == "PROPN" and token.head.lemma_.lower() in REPORTING_LEMMAS:
            words = [c for c in token.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN" and c.i < token.i]
            return " ".join(t.text for t in [*words, token])
    return None


def _speaker_text(mention, by_key: dict[tuple[str, int], Sentence]) -> str:
    """The mention's sentence and the next one (a quote's attribution may follow a cut at "Mr.")."""
    if mention.sentence is None:
        return ""
    return " ".join(by_key[k].text for k in ((mention.article, mention.sentence), (mention.article, mention.sentence + 1))
                    if k in by_key)


def _not_the_speaker(mention, by_key: dict[tuple[str, int], Sentence]) -> bool:
    text = _speaker_text(mention, by_key)
    return bool(text) and speaks(mention.speaker, text) is False


def _merge(conflicts: list[Conflict]) -> list[Conflict]:
    """One conflict per point: pairwise findings on the same topic and values become one, sides merged by value."""
    merged: dict[tuple, dict] = {}
    for c in conflicts:
        # Date pairs name their point by the words they share, which vary pair to pair: their
        # values alone say which finding is which.
        # (One person's act on two days, align/event_dates.py, is named by the person and the act:
        # two people's arrests on the same two days are two points.)
        key = (c.kind, "" if c.topic.startswith(("date: ", "time: ")) else c.topic,
               frozenset(str(claim.value) for claim in c.claims))
        entry = merged.setdefault(key, {"conflict": c, "claims": {}})
        for claim in c.claims:
            side = entry["claims"].setdefault(str(claim.value), [claim.value, claim.text, [], []])
            side[2].extend(a for a in claim.sources if a not in side[2])
            side[3].extend(e for e in claim.evidence if e not in side[3])
    out = []
    for entry in merged.values():
        c = entry["conflict"]
        claims = tuple(
            Claim(value=v, text=t, sources=tuple(src), evidence=tuple(ev)) for v, t, src, ev in entry["claims"].values()
        )
        out.append(Conflict(id="", topic=c.topic, kind=c.kind, claims=claims, severity=c.severity))
    return out


def _sides(c: Conflict) -> frozenset[tuple[str, int]]:
    """Where a conflict's values are: the same finding made by two rules points at the same words."""
    return frozenset((e.article, e.start) for claim in c.claims for e in claim.evidence)


@dataclass(frozen=True)
class WithoutVectors:
    """What `find_conflicts` finds without sentence vectors: the counts written as words and the
    conflicts of the kinds that read no similarity. The pipeline finds them while the encoder
    thread finishes the vectors (`without_vectors`); `find_conflicts` given them does not again."""

    sentences: tuple[Sentence, ...]
    extraction: Extraction
    word_counts: tuple[Quantity, ...]
    event_dates: list[Conflict]
    attributions: list[Conflict]
    ages: list[Conflict]
    ordinals: list[Conflict]
    titles: list[Conflict]
    memoir_years: list[Conflict]


def without_vectors(sentences: list[Sentence], extraction: Extraction) -> WithoutVectors:
    """The part of `find_conflicts` that needs no vectors (see `WithoutVectors`)."""
    return WithoutVectors(
        tuple(sentences), extraction, word_counts(sentences, extraction.quantities),
        event_date_conflicts(sentences, extraction), _attribution_conflicts(extraction, sentences),
        age_conflicts(sentences), ordinal_conflicts(sentences), title_conflicts(sentences),
        memoir_year_conflicts(sentences),
    )


def find_conflicts(
    sentences: list[Sentence], vectors: np.ndarray, extraction: Extraction, articles: Sequence[Article] = (),
    prepared: WithoutVectors | None = None,
) -> tuple[Conflict, ...]:
    """Typed conflicts between articles, numbered c1, c2, ... in the order found.

    `articles` give publication dates, so a count tied to another year ("in 2019, 22 people")
    is not set against this event's count; undated articles are placed at the end of the year
    the story names most. `prepared` is `without_vectors(sentences, extraction)` made earlier
    (ignored if made of other sentences or another extraction)."""
    if not sentences:
        return ()
    if prepared is None or prepared.sentences != tuple(sentences) or prepared.extraction is not extraction:
        prepared = None
    sims = vectors @ vectors.T
    index = {(s.article, s.index): n for n, s in enumerate(sentences)}
    # Counts written as words ("shot once", "a 13-hour filibuster") join the extract stage's.
    spelled = prepared.word_counts if prepared else word_counts(sentences, extraction.quantities)
    counted = replace(extraction, quantities=extraction.quantities + spelled)
    dated = _date_conflicts(sentences, index, sims, extraction)
    found = _merge(
        quantity_conflicts(sentences, index, sims, counted, tuple(articles))
        + dated
        + [c for c in (prepared.event_dates if prepared else event_date_conflicts(sentences, extraction))
           if _sides(c) not in {_sides(d) for d in dated}]
        + time_conflicts(sentences, sims)
        + (prepared.attributions if prepared else _attribution_conflicts(extraction, sentences))
        + statement_conflicts(sentences, sims)
        + (prepared.ages if prepared else age_conflicts(sentences))
        + (prepared.ordinals if prepared else ordinal_conflicts(sentences))
        + (prepared.titles if prepared else title_conflicts(sentences))
        + [c for c in (prepared.memoir_years if prepared else memoir_year_conflicts(sentences))
           if _sides(c) not in {_sides(d) for d in dated}]
    )
    return tuple(
        Conflict(id=f"c{n + 1}", topic=c.topic, kind=c.kind, claims=c.claims, severity=c.severity)
        for n, c in enumerate(found)
    )

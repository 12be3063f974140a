"""The summary's first sentence: the news itself, as most independent outlets open with it.

A news story's headline and first sentences state what happened: what the outlet thinks the
news is. So the lead is chosen among the candidates that open their article (among its first
`len(PLACE_WEIGHTS)` sentences of prose: captions, headings and page furniture take no place),
each scored by three things:

- agreement: how closely it matches what the other independent outlets open with: for each other
  outlet (copies of one wire story are one outlet, from the reuse stage's copy groups, so a
  copy printed five times votes once), its best TF-IDF cosine with that outlet's opening
  sentences or headline, averaged over the outlets. An outlet's opening votes for what it says
  even where it cannot be quoted itself (it leans on a name, or states a disputed count);
- place: the sentence's place in its own article (not its rank among the sentences that survive
  the summary's filters: a fifth sentence does not become an opening because those before it
  were held back); the first sentence of an article is written to carry its news;
- form (`form_weight`): a report of what happened, not a feature lede, a musing, a question, a
  quotation, a reflection in the first or second person, a heading that ends in a full stop, or
  a statement of what something is ("April Fools' Day is the only fake-news day that's almost
  welcome.") rather than of what happened.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from storydesk.lexicon import REPORTING_VERBS
from storydesk.model import Article, ReuseReport, Sentence
from storydesk.summarize.candidates import Candidate, rejection, strip_dateline
from storydesk.summarize.standalone import dependences
from storydesk.summarize.text import content_terms, words

if TYPE_CHECKING:
    from spacy.tokens import Span as ParsedSentence
    from spacy.tokens import Token

# Weight of an article's k-th sentence of prose: the first sentence of a news story is written to
# carry its news. As in the lead choice before form was weighed (tuned on the tune half of
# benchmarks/gold/real/ then, on the rank among usable sentences; kept when the place became the
# sentence's place in its article); more openings or flatter weights lost leads there.
PLACE_WEIGHTS = (1.0, 0.8, 0.6)
# Multipliers for a sentence's form, chosen on the tune half of benchmarks/gold/real/: at 0.8 a
# generic "X is the only ... day" still led its round-up, at 0.6 and 0.5 the tune half gained
# that lead and lost none.
FEATURE_PENALTY = 0.5  # mostly a quotation, a question, first or second person, a feature opener
STATIVE_PENALTY = 0.5  # says what something is, not what happened (unless it names when)
VERBLESS_PENALTY = 0.5  # no main verb: a heading or label ending in a full stop
# A lead pointing back at something told before it ("that pre-K center", "that strategy") reads
# as a middle, not a start (an article scraped from mid-way, a column answering another): the
# same weight as the other forms, chosen with them.
POINTER_PENALTY = 0.5
# A headline counts for this share of an opening sentence: a short headline's cosine with any
# long sentence naming the same things runs high. No tune-half lead changed with headlines in
# (33 of the 172 gold articles have one the clean stage found); at 0.7 the bundled example's
# second-day story ("Investigators began sifting through ...") already outvoted the wire lead.
TITLE_WEIGHT = 0.5
# An outlet's vote counts up to this cosine: beyond it a closer match is the same news in closer
# words (the same names, often the outlet's own second sentence restating its first), not more
# agreement, and one near-copy must not outvote openings most outlets share. Read on the captured
# lead inputs of the tune, new, fresh and fresh4 sets (branch lead18): 0.4 gained fresh ta034
# (Cohen's restraining order instead of "filed a lawsuit ... on Tuesday") and lost none; 0.25-0.35
# also lost fresh4 ta234 to a background sentence, 0.45 and up gained nothing there.
AGREEMENT_CAP = 0.4
# Below this score (place x agreement x form) no other outlet opens with anything like the best
# opening, and forcing it first is a guess: the summary then opens with its best-scored sentence
# (centrality, position, support). First set at 0.1 on the tune half of benchmarks/gold/real/
# (it gained ta122 then). Read again on the tune, new and fresh sets (branch lead17): 0.1 lost two
# right leads scored 0.094 and 0.099 (ta181, ta019) and gained none; any floor from 0.022 to 0.094
# gave those sets the same leads. Of those, 0.05 changed 15 more leads of the 250 Multi-News
# clusters than 0.09 did, read as many for the worse as for the better, and cost ROUGE-1 0.04:
# 0.09, the highest floor that keeps both.
LEAD_MIN_SCORE = 0.09
# An outlet none of whose openings matches any other outlet's candidate openings above this cosine
# covers another subject and is left out of the agreement's average (real fresh6 ta028: a gossip
# item and a wedding live blog beside two reports of the couple's split held the split's opening,
# 0.24 with the other report, to 0.079 under the floor). Read on the captured lead inputs of the
# tune, new and fresh..fresh6 sets (branch lead19): 0.03-0.07 gain ta028 alone and lose nothing;
# 0.02 changes nothing, 0.08 also drops fresh ta104's lead (unforced, a scene-setting fallback).
SILENT_OUTLET = 0.05
# Two lead scores this close (relative) are one: two outlets whose openings are each other's best
# match vote for each other alike, and the agreement cannot tell which states the news better.
TIE = 1e-9

_TIME = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:today|yesterday|tonight|overnight)\b"
    r"|\b(?:this|last|next) (?:morning|afternoon|evening|night|week|weekend|month|year)\b"
    r"|\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}\b",
    re.I,
)
# Openers of feature ledes and musings rather than reports ("Like every year, the Emmys had
# their mix of surprises", "In a year when every day feels like a cruel joke, ...", "Maybe
# brands realize that, ...", "So it was with the 2012 Emmys"): read on the tune half.
_FEATURE_OPENER = re.compile(
    r"^(?:like every|in a (?:year|world|week|time) when|maybe|perhaps|so it was|here'?s|here is|"
    r"it'?s always|imagine|remember when)\b",
    re.I,
)
_PERSONAL = frozenset("i me my we us our you your".split())
# Words that only look personal: an initialism's letters ("F.B.I.") and all-capitals "US".
_INITIALISM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_CASED_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Why a sentence is page furniture rather than prose: it takes no place among an article's
# opening sentences (`candidates.rejection` and `standalone.dependences` name the reasons).
_FURNITURE_FORM = frozenset({"too short", "too long", "not a sentence (heading, caption or label)", "boilerplate"})
_FURNITURE_REASONS = frozenset({"a caption, player or archive notice", "a heading or title"})
_REPORTING = frozenset(REPORTING_VERBS)
_STATIVE = frozenset({"be", "seem", "remain", "look", "appear", "feel", "have"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Nouns a demonstrative makes no pointer to an earlier sentence: a time ("this week"), or a figure
# the sentence itself has just given ("will cross $1 billion ..., the first film to reach that
# milestone", real new set ta231).
_NOT_POINTED = frozenset("morning afternoon evening night day week weekend month year summer spring fall autumn "
                         "winter season time decade century milestone mark record level figure threshold amount "
                         "number total sum january february march april may june july august september october "
                         "november december".split())
# A photo credit on its own after a caption: "(Courtesy of the State Department)", "(AP Photo/...)".
_CREDIT = re.compile(r"^\(\s*(?:courtesy|photo|photograph|image|picture|credit|ap photo|getty|reuters|afp)\b[^()]*\)\W*$",
                     re.I)
# How far into an article a dateline still marks where its story starts (what is above it:
# highlights, a caption, a kicker). Real articles carry at most three such lines above it.
DATELINE_REACH = 4


def lead_index(
    cands: list[Candidate], may_lead: list[int], sentences: list[Sentence], articles: list[Article],
    reuse: ReuseReport, prefer: Sequence[float] | None = None,
) -> int | None:
    """The candidate (an index into `cands`, one of `may_lead`) that opens its article and best
    states what the other independent outlets' headlines and openings say, in the form of a
    report; None when none opens its article, no other outlet has an opening to compare, or the
    best scores under `LEAD_MIN_SCORE`.

    An outlet's openings are its first sentences of prose and its first sentences fit to quote:
    the one says what it leads with even where that cannot be quoted (it states a disputed count,
    or leans on a name), the other where its prose opens with a musing or a scene.

    Openings whose scores tie (two outlets whose first sentences are each other's best match vote
    for each other alike; several openings at the agreement's cap) are told apart by `prefer`, the
    summary's own score of each candidate (centrality, place, support), not by their order."""
    bounds = opening_scores(cands, may_lead, sentences, articles, reuse)
    rank = prefer if prefer is not None else [0.0] * len(cands)
    best, best_score = None, -1.0
    # Best bound first; the form (a parse) is read only while a candidate could still win (or tie).
    for bound, i in sorted(bounds, key=lambda b: (-b[0], b[1])):
        if bound < best_score * (1 - TIE):
            break
        score = bound * form_weight(cands[i].text)
        if score > best_score * (1 + TIE) or (
                best is not None and score >= best_score * (1 - TIE) and rank[i] > rank[best]):
            best, best_score = i, max(score, best_score)
    return best if best_score >= LEAD_MIN_SCORE else None


def opening_scores(
    cands: list[Candidate], may_lead: list[int], sentences: list[Sentence], articles: list[Article],
    reuse: ReuseReport,
) -> list[tuple[float, int]]:
    """(place x agreement, index) for each candidate of `may_lead` that opens its article: the
    lead's score before its form, which can only lower it. Empty when fewer than two independent
    outlets have openings or headlines to compare."""
    ids = [a.id for a in articles]
    sources = _independent_sources(ids, reuse)
    source_of = {a: n for n, group in enumerate(sources) for a in group}
    openings = opening_sentences(sentences, set(ids))
    place = {(s.article, s.index): k for own in openings.values() for k, s in enumerate(own)}
    voters: dict[int, list[Counter[str]]] = {}  # independent source -> its articles' openings
    for article, own in openings.items():
        voters.setdefault(source_of[article], []).extend(_bag(content_terms(_undated(s.text))) for s in own)
    quotable: Counter[str] = Counter()
    for c in cands:
        if c.article in source_of and quotable[c.article] < len(PLACE_WEIGHTS):
            if (c.article, c.sentence.index) not in place:
                voters.setdefault(source_of[c.article], []).append(_bag(c.terms))
            quotable[c.article] += 1
    titles = _title_vectors(articles, sources)
    if len(set(voters) | set(titles)) < 2:
        return []
    bags = {i: _bag(cands[i].terms) for i in may_lead}
    everything = list(bags.values()) + [v for vs in voters.values() for v in vs]
    df = Counter(t for bag in everything for t in bag)
    idf = {t: math.log(len(everything) / d) + 1.0 for t, d in df.items()}
    votes: dict[int, tuple[int, dict[int, float]]] = {}  # candidate -> (place, each other outlet's agreement)
    for i in may_lead:
        c = cands[i]
        k = place.get((c.article, c.sentence.index))
        own = source_of.get(c.article)
        if k is None or own is None:
            continue
        votes[i] = (k, {n: min(AGREEMENT_CAP, max(
            max((_cosine(bags[i], v, idf) for v in voters.get(n, ())), default=0.0),
            TITLE_WEIGHT * _title_similarity(c, titles.get(n), idf))) for n in set(voters) | set(titles) if n != own})
    # An outlet whose openings no other outlet's opening matches is on another subject (a second
    # item, a live blog): its silence is no vote against, so the agreement is averaged without it.
    voting = {n for _, agreements in votes.values() for n, a in agreements.items() if a > SILENT_OUTLET}
    bounds = []  # place x agreement: the score before form, which can only lower it
    for i, (k, agreements) in votes.items():
        if agreements:
            shared = [a for n, a in agreements.items() if n in voting]
            bounds.append((PLACE_WEIGHTS[k] * (float(np.mean(shared)) if shared else 0.0), i))
    return bounds


def opening_sentences(sentences: list[Sentence], article_ids: set[str]) -> dict[str, list[Sentence]]:
    """Each article's first `len(PLACE_WEIGHTS)` sentences of prose (captions, headings, bylines
    and other page furniture skipped; where a dateline comes within its first `DATELINE_REACH`
    sentences, from the dateline on; none where the first points back at text before it, a page
    scraped from mid-article), whether or not the summary may quote them."""
    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        if s.article in article_ids:
            by_article.setdefault(s.article, []).append(s)
    starts = {article: next((k for k, s in enumerate(own[:DATELINE_REACH]) if strip_dateline(s.text)), 0)
              for article, own in by_article.items()}
    firsts = {article: next((s for s in own[starts[article]:] if not _furniture(s.text)), None)
              for article, own in by_article.items()}
    from storydesk.nlp import parse

    parse([first.text for first in firsts.values() if first is not None])  # in one batch, for _starts_midway
    out: dict[str, list[Sentence]] = {}
    for article, own in by_article.items():
        start, first = starts[article], firsts[article]
        out[article] = []
        if first is not None and _starts_midway(first.text):
            continue
        for k in range(start, len(own)):
            if len(out[article]) == len(PLACE_WEIGHTS):
                break
            after = own[k + 1].text if k + 1 < len(own) else ""
            if not _furniture(own[k].text) and not _CREDIT.match(after.strip()):
                out[article].append(own[k])
    return out


def _starts_midway(text: str) -> bool:
    """Whether an article's first sentence of prose points back at something told before it: the
    page was scraped from mid-article ("...no ambulances were called to that pre-K center"), so
    none of its sentences is an opening (its first quotable sentences still vote)."""
    return _parsed_form(_undated(text))[0]


def _furniture(text: str) -> bool:
    """Whether `text` is no part of the article's prose: a heading, caption, label or page chrome."""
    return rejection(text) in _FURNITURE_FORM or any(r in _FURNITURE_REASONS for r in dependences(text))


def _bag(terms: tuple[str, ...]) -> Counter[str]:
    """Term counts with accents folded: "Bélanger" in one outlet is "Belanger" in another."""
    return Counter(_unaccented(t) for t in terms)


def _unaccented(term: str) -> str:
    if term.isascii():
        return term
    return "".join(ch for ch in unicodedata.normalize("NFKD", term) if not unicodedata.combining(ch))


def _undated(text: str) -> str:
    """`text` from where its prose starts, after a dateline: read as part of the sentence, the
    parser takes the place for its head and the report for a verbless heading (real fresh3 ta218)."""
    return text[strip_dateline(text):]


def _cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    """TF-IDF cosine of two bags of terms."""
    dot = sum(tf * b[t] * idf[t] ** 2 for t, tf in a.items() if t in b)
    if not dot:
        return 0.0
    return dot / (_norm(a, idf) * _norm(b, idf))


def _norm(bag: Counter[str], idf: dict[str, float]) -> float:
    return math.sqrt(sum((tf * idf[t]) ** 2 for t, tf in bag.items()))


def _personal(text: str) -> bool:
    """Whether the writer speaks in the first or second person outside quotations."""
    return any(w.lower() in _PERSONAL and not (len(w) > 1 and w.isupper())
               for w in _CASED_WORD.findall(_INITIALISM.sub(" ", text)))


def form_weight(text: str) -> float:
    """How much the sentence reads as a report of what happened: 1.0 for a plain report, lower
    for a feature lede, musing, question, quotation, heading or statement of what something is."""
    weight = 1.0
    outside = _outside_quotes(text)
    said = words(outside)
    quoted = len(words(text)) - len(said)
    if (_FEATURE_OPENER.match(text) or text.rstrip().endswith("?") or quoted * 2 >= len(words(text))
            or _personal(outside)):
        weight *= FEATURE_PENALTY
    points_back, kind = _parsed_form(_undated(text))
    if points_back:
        weight *= POINTER_PENALTY
    if kind == "none":
        weight *= VERBLESS_PENALTY
    elif kind == "stative" and not _TIME.search(text):
        weight *= STATIVE_PENALTY
    return weight


def _title_vectors(articles: list[Article], sources: list[list[str]]) -> dict[int, Counter[str]]:
    """Each independent source's headlines as one bag of content terms (sources without one left out)."""
    source_of = {a: n for n, group in enumerate(sources) for a in group}
    bags: dict[int, Counter[str]] = {}
    for article in articles:
        if article.title and article.id in source_of:
            bags.setdefault(source_of[article.id], Counter()).update(_bag(content_terms(article.title)))
    return bags


def _title_similarity(cand: Candidate, title: Counter[str] | None, idf: dict[str, float]) -> float:
    """TF-IDF cosine of a candidate with a headline (IDF over the candidates and openings compared)."""
    if not title:
        return 0.0
    rare = max(idf.values(), default=1.0)  # a headline word no candidate has
    own = _bag(cand.terms)
    dot = sum(tf * title[t] * idf[t] ** 2 for t, tf in own.items() if t in title)
    norm = (math.sqrt(sum((tf * idf[t]) ** 2 for t, tf in own.items()))
            * math.sqrt(sum((tf * idf.get(t, rare)) ** 2 for t, tf in title.items())))
    return dot / norm if norm else 0.0


@lru_cache(maxsize=20_000)
def _parsed_form(text: str) -> tuple[bool, str]:
    """(`_points_back`, `_predicate_kind`) of the first sentence of `text`, from one parse: an
    article's opening is read both as an opening (`_starts_midway`) and as a lead (`form_weight`)."""
    from storydesk.nlp import parse

    sentence = next(iter(parse([text])[0].sents), None)
    return sentence is not None and _points_back(sentence), _predicate_kind(sentence)


def _points_back(sentence: ParsedSentence) -> bool:
    """Whether the writer points at a thing told before the sentence: a demonstrative determining
    a noun that is no time or figure ("that pre-K center", not "this week"), outside quotation marks."""
    quoted = [m.span() for m in _QUOTED.finditer(sentence.text)]
    doc = sentence.doc
    return any(t.lower_ in _DEMONSTRATIVES and t.dep_ == "det" and t.head.pos_ in ("NOUN", "PROPN")
               and t.head.lemma_.lower() not in _NOT_POINTED
               and not any(a <= t.idx - sentence.start_char < b for a, b in quoted)
               # "this or that policy lever" names any lever, none told before
               and not (t.i >= 2 and doc[t.i - 1].lower_ in ("or", "and") and doc[t.i - 2].lower_ in _DEMONSTRATIVES)
               # "announced that part of ...": the parser's determiner is the conjunction after a speech verb
               and not (t.i >= 1 and doc[t.i - 1].lower_ in _REPORTING)
               for t in sentence)


def _predicate_kind(sentence: ParsedSentence | None) -> str:
    """"none" when the sentence has no main verb (a heading: "The Latest on the storm."),
    "stative" when its verb says what something is, or what was going on, rather than what
    happened, else "event"."""
    if sentence is None:
        return "none"
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return "none"
    if root.lower_ in _REPORTING:  # "X said Y is ...": the reported clause carries the claim
        root = next((t for t in root.children if t.dep_ == "ccomp"), root)
    if root.lemma_.lower() == "be" and _is_to_do(root):
        return "event"  # "Teams are to deploy a submarine": what will happen, not what something is
    if root.tag_ == "VBG" and any(t.dep_ == "aux" and t.lower_ in ("was", "were") for t in root.children):
        # "The agency was responding to a court order ...": what was going on around the news, its
        # background, read as a state (a time, "were searching on Tuesday", makes it the report)
        return "stative"
    if root.tag_ in ("VBZ", "VBP", "VB") and any(t.dep_ == "neg" for t in root.children) and not any(
            t.dep_ in ("aux", "auxpass") and t.lower_ in _PAST_OR_FUTURE for t in root.children):
        # "The index doesn't measure what countries do at home": what something does not do, in
        # the present, describes it (real fresh5 ta000); "did not approve" is what happened
        return "stative"
    return "stative" if root.lemma_.lower() in _STATIVE else "event"


# Auxiliaries that put a negated verb in the past or the future: it then reports what happened.
_PAST_OR_FUTURE = frozenset({"did", "will", "would", "could", "should", "has", "have", "had", "was", "were"})


def _is_to_do(be: Token) -> bool:
    """Whether "be" carries a plan for its subject ("Teams are to deploy a submarine"), not what an
    aim is ("The plan is to build a wall")."""
    children = list(be.children)
    subject = next((t for t in children if t.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject is not None and subject.lemma_.lower() not in _AIMS
            and any(t.dep_ == "xcomp" and t.pos_ == "VERB" and any(a.lower_ == "to" for a in t.children)
                    for t in children))


# Subjects whose "is to <verb>" says what they are, not what someone will do: "The plan is to build ...".
_AIMS = frozenset("plan goal aim idea point hope intention purpose problem solution question task job mission "
                  "challenge priority".split())
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _independent_sources(article_ids: list[str], reuse: ReuseReport) -> list[list[str]]:
    """The articles grouped by source: one group per copy group of the reuse stage, one per other article."""
    groups: list[list[str]] = []
    placed: set[str] = set()
    for group in reuse.copy_groups:
        members = [a for a in article_ids if a in group]
        if members:
            groups.append(members)
            placed.update(members)
    groups.extend([a] for a in article_ids if a not in placed)
    return groups

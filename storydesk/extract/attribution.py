"""Who said a quote: the attribution words around it, resolved to a merged entity.

Patterns, tried in this order:
    after the quote   "...," he said. / "...," said X, leader of Y. / "...," X, who ..., said.
                      "...," according to X.
    before the quote  X said: "..." / X, director of Y, said: "..." / X wrote in a post: "..."
                      He told reporters: "..." / a paragraph ending "X said:" before the quote
    around a part     X described it as "..." (a partial quote inside X's sentence)
"he"/"she" is a person named before, outside quotation marks, within two paragraphs, whose
gender is not known to differ: in the sentence naming the nearest such person, the one who
speaks there, else its subject. A speaker described but not named ("a witness said") is None,
and so is a quote with no attribution at all: never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storydesk.extract.names import GENDERED_ROLES, HONORIFICS, TITLES, fold, split_name
from storydesk.lexicon import REPORTING_PATTERN
from storydesk.model import Article, Entity, Sentence

if TYPE_CHECKING:
    from storydesk.extract.quotes import QuotedText

SPEECH_VERBS = REPORTING_PATTERN
# Verbs that frame a partial quote inside the speaker's own sentence ("X called it "...").
FRAMING_VERBS = SPEECH_VERBS + "|called|calls|described|describes|dubbed|termed|labeled|labelled|branded"
_ADVERBS = r"(?:(?:has|had|have|also|then|later|again|previously|once|would|will|\w+ly)\s+)*"
_AFTER_WHO_CUE = re.compile(rf"^\s*(?P<who>[^\"“”;:!?]{{1,80}}?)\s+{_ADVERBS}(?P<cue>{SPEECH_VERBS})\b")
_AFTER_CUE_WHO = re.compile(rf"^\s*(?P<cue>{SPEECH_VERBS})\s+(?P<who>[^\"“”;:!?]{{1,90}})")
_AFTER_ACCORDING = re.compile(r"^\s*,?\s*(?P<cue>according to)\s+(?P<who>[^\"“”;:!?,]{1,90})")
_BEFORE_CUE = re.compile(rf"\b(?P<cue>{SPEECH_VERBS})\b(?P<adjunct>[^\"“”.!?:,]{{0,80}}?)\s*[:,]\s*$")
_BEFORE_ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to)\s+(?P<who>[^\"“”;:!?,]{1,90}),\s*$")
_FRAMING = re.compile(rf"\b(?P<cue>{FRAMING_VERBS})\b")
# What may stand between a subject and its verb: an appositive between commas ("X, director of
# Y, said"), the comma closing the subject's own appositive ("The company, X, said"), an adverb.
_SUBJECT_GAP = re.compile(rf"^\s*(?:,[^\"“”]{{0,160}}?)?,?\s*{_ADVERBS}$")
# Words before a name that keep it the head of the phrase ("fire chief Hassan al-Rubaie",
# "NHSB spokeswoman Nadia Ferreira"); a preposition makes it someone else's ("a friend of X").
_ROLE_PREFIX = re.compile(r"^(?:[\w'’.&-]+,?\s+){0,6}$")
_NOT_HEAD = re.compile(r"\b(?:of|for|to|with|by|from|about|than|and|or|at|in|on|said|says|told|that|while|but|adding)\b",
                       re.I)
_SPEAKS_AFTER = re.compile(rf"(?:,[^\"“”]{{0,80}}?,)?,?\s+{_ADVERBS}(?:{SPEECH_VERBS})\b")
_SPEAKS_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$")
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:with|of|to|for|by|from|at|in|on|about|against|and|than|like)\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}|['’]s\s+)$")
_PRONOUN = re.compile(r"^(?:he|she)$", re.I)
_BREAK_CANDIDATE = re.compile(r"(?P<word>\b\w+)?(?P<mark>[.!?])[\"”]?\s+(?=[\"“A-Z])")
_CAPITALISED_NAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,3}(?:(?:al|el)-)?[A-Z][\w'’-]+$")
_NAME_BEFORE = re.compile(r"((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,3}(?:(?:al|el)-)?[A-Z][\w'’-]+)\s+$")
# Capitalised words that open an unnamed attribution ("Police said").
_NOT_NAMES = frozenset({
    "police", "officials", "authorities", "investigators", "witnesses", "residents", "neighbors",
    "neighbours", "prosecutors", "doctors", "experts", "analysts", "sources", "he", "she", "they",
    "we", "i", "it", "the", "a", "an", "one", "another", "others", "many", "some", "critics",
    "supporters", "officers", "firefighters", "staff", "workers", "students", "parents", "friends",
    "relatives", "family", "but", "and", "then", "later", "asked", "when", "this", "that",
})
_ABBREVIATIONS = frozenset({"st", "jr", "sr", "cmdr", "supt", "insp", "det", "gov", "sen", "rep", "no", "vs", "etc"})
# "he"/"she" reaches back this many paragraphs for its antecedent; news copy names the speaker
# again after a quote or two, and further back the nearest name is often someone else.
MAX_PRONOUN_PARAGRAPHS = 2


@dataclass(frozen=True)
class Attribution:
    kind: str  # named | pronoun | carried | unnamed (attributed to someone not named) | none
    name: str | None = None
    entity: str | None = None
    cue: str | None = None
    partial: bool = False  # quoted words inside the speaker's own sentence ('X called it "..."')


class Speakers:
    """The people and organizations a story names, looked up by position, form and gender."""

    def __init__(self, entities: list[Entity], articles: list[Article], sentences: list[Sentence]):
        self.by_article: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for entity in entities:
            if entity.type in ("person", "organization"):
                for span in entity.mentions:
                    self.by_article[span.article].append((span.start, span.end, entity))
        for mentions in self.by_article.values():
            mentions.sort(key=lambda m: (m[0], m[1]))
        self.by_form: dict[str, Entity | None] = {}
        surnames: dict[str, set[str]] = defaultdict(set)
        ids = {e.id: e for e in entities}
        for entity in entities:
            if entity.type not in ("person", "organization"):
                continue
            for form in (entity.name, *entity.aliases):
                key = " ".join(split_name(form).tokens)
                self.by_form[key] = entity if self.by_form.get(key, entity) is entity else None
            if entity.type == "person" and len(split_name(entity.name).core) >= 2:
                surnames[split_name(entity.name).core[-1]].add(entity.id)
        self.by_surname = {s: ids[next(iter(v))] for s, v in surnames.items() if len(v) == 1}
        self.texts = {a.id: a.text for a in articles}
        self.sentence_starts: dict[str, list[int]] = defaultdict(list)
        for s in sentences:
            self.sentence_starts[s.article].append(s.start)
        self.gender = _genders(entities, self.texts, sentences)
        # People a pronoun may stand for: named in full or with an honorific somewhere. A lone
        # word the model calls a person ("Lenholm" in a dateline) is too often a place.
        self.antecedents = {
            e.id for e in entities
            if e.type == "person" and (len(e.name.split()) >= 2 or any(split_name(a).has_title for a in e.aliases))
        }

    def mentions_in(self, article: str, start: int, end: int) -> list[tuple[int, int, Entity]]:
        mentions = self.by_article.get(article, [])
        i = bisect_left(mentions, (start, -1))
        found = []
        while i < len(mentions) and mentions[i][0] < end:
            if mentions[i][1] <= end:
                found.append(mentions[i])
            i += 1
        return found

    def lookup(self, name: str) -> Entity | None:
        """The entity a name not tagged as a mention refers to, when exactly one fits."""
        parts = split_name(name)
        return self.by_form.get(" ".join(parts.tokens)) or (self.by_surname.get(parts.core[-1]) if len(parts.core) == 1 else None)

    def antecedent(self, article: str, position: int, floor: int, pronoun: str,
                   quoted: list[tuple[int, int]]) -> Entity | None:
        """The person the pronoun stands for: of the people it fits (gender, not inside a quote),
        the sentence naming the nearest one before `position`, and in that sentence the one who
        speaks ("Newport said that Gallup ...") or else its subject ("Fischetti mourned his friend
        Devin Lima."), or else the nearest."""
        wanted = "f" if pronoun.lower() == "she" else "m"
        fits = [
            (start, end, entity) for start, end, entity in self.mentions_in(article, floor, position)
            if entity.id in self.antecedents and not any(o <= start < c for o, c in quoted)
            and self.gender.get(entity.id) in (None, wanted)
        ]
        if not fits:
            return None
        starts = self.sentence_starts.get(article, [0])
        sentence = bisect_right(starts, fits[-1][0])
        same = [m for m in fits if bisect_right(starts, m[0]) == sentence]
        text = self.texts[article]
        speaking = [m for m in same if _SPEAKS_AFTER.match(text, m[1]) or _SPEAKS_BEFORE.search(text, max(0, m[0] - 12), m[0])]
        if speaking:
            return speaking[-1][2]
        # The subject: the first named not inside a prepositional phrase or after a possessive
        # ("in an interview with CNN's Bill Weir, Bundy was asked").
        subjects = [m for m in same if not _OBJECT_BEFORE.search(text, max(0, m[0] - 30), m[0])]
        return (subjects or same[-1:])[0][2]


def _genders(entities: list[Entity], texts: dict[str, str], sentences: list[Sentence]) -> dict[str, str]:
    """What the text says about each person's gender: an honorific, a gendered role word right
    before the name ("spokeswoman Nadia Ferreira"), or only one kind of pronoun after the name in
    a sentence naming no one else. Unknown when the signs disagree."""
    sentence_at: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        sentence_at[s.article].append(s)
    people_at: dict[tuple[str, int], int] = Counter()
    located = []
    for entity in entities:
        if entity.type != "person":
            continue
        for span in entity.mentions:
            starts = [s.start for s in sentence_at[span.article]]
            i = bisect_left(starts, span.start + 1) - 1
            sentence = sentence_at[span.article][i] if i >= 0 else None
            located.append((entity, span, sentence))
            if sentence:
                people_at[(span.article, sentence.index)] += 1
    votes: dict[str, Counter] = defaultdict(Counter)
    for entity, span, sentence in located:
        text = texts.get(span.article, "")
        gender = split_name(text[span.start:span.end]).gender
        role = re.search(r"([A-Za-z]+)\W*$", text[max(0, span.start - 25):span.start])
        gender = gender or (GENDERED_ROLES.get(role.group(1).lower()) if role else None)
        if gender is None and sentence and people_at[(span.article, sentence.index)] == 1:
            rest = fold(text[span.end:sentence.end])
            male = bool(re.search(r"\b(?:he|his|him|himself)\b", rest))
            female = bool(re.search(r"\b(?:she|her|hers|herself)\b", rest))
            gender = "m" if male and not female else "f" if female and not male else None
        if gender:
            votes[entity.id][gender] += 1
    return {
        entity_id: counts.most_common(1)[0][0]
        for entity_id, counts in votes.items()
        if len(counts) == 1 or counts.most_common(2)[0][1] > 2 * counts.most_common(2)[1][1]
    }


def attribute(article: str, text: str, quote: QuotedText, paragraphs: list[tuple[int, int]],
              previous_close: int | None, next_open: int | None, quoted: list[tuple[int, int]],
              speakers: Speakers) -> Attribution:
    """Who this article says spoke the quote, and the words that say so."""
    floor = paragraphs[max(0, quote.paragraph - MAX_PRONOUN_PARAGRAPHS)][0]
    context = (article, text, floor, quoted, speakers)
    last_end = paragraphs[quote.last_paragraph][1]
    after_end = min(next_open if next_open is not None else last_end, quote.close_at + 200)
    after = text[quote.close_at:after_end]
    # '"We are done." Smith said' starts a new sentence; '"Done?" she asked' does not.
    if not text[quote.start:quote.end].endswith(".") or re.match(r"\s*[a-z]", after):
        found = _after(after, quote.close_at, context)
        if found:
            return found
    p_start = paragraphs[quote.paragraph][0]
    region = previous_close if previous_close is not None else p_start
    found = _before(text[region:quote.open_at], region, context)
    if found:
        return found
    if quote.open_at == p_start and quote.paragraph > 0:
        # "X said:" closing the paragraph before the quote.
        q_start, q_end = paragraphs[quote.paragraph - 1]
        if text[q_start:q_end].rstrip().endswith(":"):
            found = _before(text[q_start:q_end] + " ", q_start, context)
            if found:
                return found
    return _framing(text[region:quote.open_at], region, context) or Attribution("none")


def _after(after: str, offset: int, context) -> Attribution | None:
    for pattern in ((_AFTER_CUE_WHO, _AFTER_ACCORDING) if re.match(rf"\s*(?:{SPEECH_VERBS})\b", after)
                    else (_AFTER_ACCORDING, _AFTER_WHO_CUE)):
        match = pattern.match(after)
        if match:
            who = match.group("who")
            if pattern is not _AFTER_WHO_CUE:
                # "said Volta's chief executive, Marianne Koch, who ...": the commas may hold the name.
                ends = r"\s+(?:who|whose|which|in|on|at|during|after|before|when|as|while|adding)\s+"
                who = re.split(("," if pattern is _AFTER_ACCORDING else "") + ends, who)[0]
                who = who[:next(iter(_sentence_breaks(who + " X")), len(who))]
            elif _sentence_breaks(who + " X"):
                return None
            start = offset + match.start("who")
            return _resolve(who.rstrip(". "), start, _cue(match, after), context)
    return None


def _before(before: str, offset: int, context) -> Attribution | None:
    match = _BEFORE_ACCORDING.search(before)
    if match:
        return _resolve(match.group("who"), offset + match.start("who"), "according to", context)
    match = _BEFORE_CUE.search(before)
    if match is None:
        return None
    return _subject(before, offset, match, context) or Attribution("unnamed", cue=_cue(match, before))


def _sentence_breaks(text: str, ends: bool = False) -> list:
    """Where sentences end in `text` (the mark's offset, or (mark, next start) with `ends`),
    skipping the full stops of titles and initials ("Cmdr. Navarro", "J. Smith")."""
    found = []
    for match in _BREAK_CANDIDATE.finditer(text):
        word = (match.group("word") or "").lower()
        if match.group("mark") == "." and (len(word) == 1 or word in TITLES or word in HONORIFICS or word in _ABBREVIATIONS):
            continue
        found.append((match.start("mark"), match.end()) if ends else match.start("mark"))
    return found


def _framing(before: str, offset: int, context) -> Attribution | None:
    """A partial quote inside its speaker's sentence: 'Ferreira called it "far too early."'"""
    sentence_start = max((end for _, end in _sentence_breaks(before, ends=True)), default=0)
    sentence = before[sentence_start:]
    if not sentence.strip():
        return None
    for match in _FRAMING.finditer(sentence):
        found = _subject(before, offset, match, context, sentence_start)
        if found and found.kind in ("named", "pronoun"):
            return replace(found, partial=True)
    return None


def _subject(before: str, offset: int, cue, context, base: int = 0) -> Attribution | None:
    """The subject of the speech verb `cue` (a match in before[base:]): a pronoun, an entity
    mention ending right before it (an appositive allowed), or a capitalised name."""
    article, text, floor, quoted, speakers = context
    cue_at = offset + base + cue.start("cue")
    lead = text[offset:cue_at]
    label = _cue(cue, before[base:])
    pronoun = re.search(rf"\b(?P<p>[Hh]e|[Ss]he)\s+{_ADVERBS}$", lead)
    if pronoun:
        entity = speakers.antecedent(article, offset + pronoun.start(), floor, pronoun.group("p"), quoted)
        return _named(entity, "pronoun", label) if entity else Attribution("unnamed", cue=label)
    for start, end, entity in reversed(speakers.mentions_in(article, offset, cue_at)):
        gap = _SUBJECT_GAP.match(text[end:cue_at])
        # A lone comma closes the name's own appositive ("The company, X, said"), not a phrase
        # the name ends ("X, director of Y, said" is X's).
        if gap and (text[end:cue_at].count(",") != 1 or text[:start].rstrip().endswith(",")):
            return _named(entity, "named", label)
    name = _NAME_BEFORE.search(lead)
    if name and name.group(1).split()[0].lower() not in _NOT_NAMES:
        return _by_name(name.group(1), speakers, label)
    return None


def _resolve(who: str, start: int, cue: str, context) -> Attribution:
    """A speaker phrase after the quote ("he", "Mr. Rubaie", "fire chief X", "a witness")."""
    article, text, floor, quoted, speakers = context
    if _PRONOUN.match(who.strip()):
        entity = speakers.antecedent(article, start, floor, who.strip(), quoted)
        return _named(entity, "pronoun", cue) if entity else Attribution("unnamed", cue=cue)
    end = start + len(who)
    mentions = speakers.mentions_in(article, start, end)
    for m_start, m_end, entity in sorted(mentions, key=lambda m: m[2].type != "person"):
        prefix = text[start:m_start]
        head = _ROLE_PREFIX.match(prefix) and not _NOT_HEAD.search(prefix)
        if entity.type == "organization":
            head = not re.sub(r"^(?:the|The)\s+", "", prefix).strip() and not text[m_end:end].strip(" ,.")
        if head:
            return _named(entity, "named", cue)
    bare = who.strip()
    if _CAPITALISED_NAME.match(bare) and bare.split()[0].lower() not in _NOT_NAMES:
        return _by_name(bare, speakers, cue)
    return Attribution("unnamed", cue=cue)


def _by_name(name: str, speakers: Speakers, cue: str) -> Attribution:
    if split_name(name).form.lower().rstrip(".") in TITLES | set(HONORIFICS):
        return Attribution("unnamed", cue=cue)  # "said Sgt." with the name cut off
    entity = speakers.lookup(name)
    if entity is not None:
        return _named(entity, "named", cue)
    return Attribution("named", split_name(name).form, None, cue)


def _named(entity: Entity, kind: str, cue: str) -> Attribution:
    return Attribution(kind, entity.name, entity.id, cue)


def _cue(match, text: str) -> str:
    cue = match.group("cue")
    if cue.lower() in ("told", "tells"):
        obj = re.match(r"\s+((?:the\s+)?[\w'’-]+)", text[match.end("cue"):])
        return f"{cue} {obj.group(1)}" if obj else cue
    return cue


"""Who said a quote: the attribution words around it, resolved to a merged entity.

Patterns, tried in this order:
    after the quote   "...," he said. / "...," said X, leader of Y. / "...," X, who ..., said.
                      "...," according to X.
    before the quote  X said: "..." / X, director of Y, said: "..." / X wrote in a post: "..."
                      He told reporters: "..." / a paragraph ending "X said:" before the quote
    around a part     X described it as "..." (a partial quote inside X's sentence)
    no verb           "...," Rep. X of Oregon, a senior Republican. / X made efforts ..., "Whole quote."
    a statement       X released the following statement: / X issued this statement when contacted:
"he"/"she" is a person named before, outside quotation marks, within two paragraphs (links to
other stories not counted), whose gender is not known to differ: in the sentence naming the
nearest such person, the one who speaks there, else its subject (a possessor is not; a sentence
that is the pronoun's own tag passes it further back); past those paragraphs, the person named
before a run of paragraphs that all carry the pronoun, else the article's clearly main person.
A relative the story names ("Price's mother Jennifer Rivers", `storydesk.extract.kin`) is who
"Price's mother" and "his mother" are later.
A role is the one the article gives it to ("the prime minister" -> "Prime Minister X"); a role
it gives no one is, for an office or an epithet ("the German chancellor", "the South Carolina
Republican"), the person "he" would be, and for an organization's noun ("the company", "the
newspaper") the one organization named; a document speaks for its author ("the group's
statement reads"). A speaker described but not named ("a witness said") is None, and so is a
quote with no attribution at all: never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storydesk.extract.kin import KIN_BEFORE_VERB, PRONOUN_KIN, kin_mentions, relatives, surname
from storydesk.extract.names import GENDERED_ROLES, HONORIFICS, PERSON_ROLES, TITLES, fold, split_name
from storydesk.lexicon import REPORTING_PATTERN
from storydesk.model import Article, Entity, Sentence
from storydesk.segment import paragraph_spans

if TYPE_CHECKING:
    from storydesk.extract.quotes import QuotedText

# Participles after the subject's own clause ("Trump ... continued his attacks, tweeting, "..."")
# are cues here only: the shared lexicon's verbs are the finite ones.
PARTICIPLES = ("saying", "tweeting", "writing", "telling", "adding", "noting", "arguing", "insisting", "claiming",
               "warning", "asking", "explaining", "declaring", "posting", "replying", "responding", "assuring",
               "reminding", "promising")
# A newspaper "reported" and a document "reads" its quote: cues here beside the shared lexicon's.
SOURCE_VERBS = ("reported", "reports", "read", "reads")
# Verbs of a tag ("Graham charged", "she countered") that the shared lexicon leaves out as too
# often something else ("charged with murder"): here only ever next to a quotation.
TAG_VERBS = ("charged", "countered", "retorted", "contended", "asserted", "lamented", "scoffed", "cried", "screamed",
             "began", r"had\s+written")  # ("an email X had written to her:", not "a film written by")
# Verbs that make their subject the one speaking in a sentence without quoting it ("X denied
# that ..."): "she" after it is X. Here only, to pick a pronoun's antecedent.
STANCE_VERBS = ("denied", "denies", "disputed", "disputes", "rejected", "rejects")
SPEECH_VERBS = REPORTING_PATTERN + "|" + "|".join(PARTICIPLES + SOURCE_VERBS + TAG_VERBS)
# Verbs that frame a partial quote inside the speaker's own sentence ("X called it "...").
FRAMING_VERBS = SPEECH_VERBS + "|called|calls|described|describes|dubbed|termed|labeled|labelled|branded"
_ADVERBS = r"(?:(?:has|had|have|also|then|later|again|previously|once|would|will|\w+ly)\s+)*"
_AFTER_WHO_CUE = re.compile(rf"^\s*(?P<who>[^\"“”;:!?]{{1,80}}?)\s+{_ADVERBS}(?P<cue>{SPEECH_VERBS})\b")
_AFTER_CUE_WHO = re.compile(rf"^\s*(?P<cue>{SPEECH_VERBS})\s+(?P<who>[^\"“”;:!?]{{1,90}})")
_AFTER_ACCORDING = re.compile(r"^\s*,?\s*(?P<cue>according to)\s+(?P<who>[^\"“”;:!?,]{1,90})")
# The last speech verb before the quote ("said he heard Dunn say, "..."" is Dunn's).
_BEFORE_CUE = re.compile(rf"(?s:.*)\b(?P<cue>{SPEECH_VERBS})\b(?P<adjunct>[^\"“”.!?:,]{{0,80}}?)\s*[:,]\s*$")
_BEFORE_ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to)\s+(?P<who>[^\"“”;:!?,]{1,90}),\s*$")
_FRAMING = re.compile(rf"\b(?P<cue>{FRAMING_VERBS})\b")
_FRAMED_RIGHT_BEFORE = re.compile(r"\b(?:called|calls|dubbed|termed|labeled|labelled|branded)\s*$")
# A naming participle with no subject: "unmarried 20-to-34-year-olds (dubbed "parasite singles")",
# ", often called "..."" (", called" alone may follow a subject's appositive): nobody is quoted (Multi-News ta145 gave the term to the European Union).
_PASSIVE_NAMING = re.compile(r"(?:\(\s*|,\s*(?:often|also|sometimes|once|now|widely|\w+ly)\s+)"
                             r"(?:called|dubbed|termed|labeled|labelled|branded|nicknamed)$")
# What may stand between a subject and its verb: an appositive between commas ("X, director of
# Y, said"), the comma closing the subject's own appositive ("The company, X, said"), an adverb.
_SUBJECT_GAP = re.compile(rf"^\s*(?:,[^\"“”]{{0,160}}?)?,?\s*{_ADVERBS}$")
# Words before a name that keep it the head of the phrase ("fire chief Hassan al-Rubaie",
# "NHSB spokeswoman Nadia Ferreira"); a preposition makes it someone else's ("a friend of X").
_ROLE_PREFIX = re.compile(r"^(?:[\w'’.&-]+,?\s+){0,6}$")
_NOT_HEAD = re.compile(r"\b(?:of|for|to|with|by|from|about|than|and|or|at|in|on|against|said|says|told|that|while|but|adding)\b",
                       re.I)
# (finite verbs only: in "X praised Y, saying ..." Y does not speak)
_SPEAKS_AFTER = re.compile(rf"(?:,[^\"“”]{{0,80}}?,)?,?\s+{_ADVERBS}(?:{REPORTING_PATTERN}|{'|'.join(STANCE_VERBS)})\b")
_SPEAKS_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$")
# Verbs whose object is the one spoken to: "said Smith" names the speaker, "told Smith" the listener.
_TELLS_BEFORE = re.compile(r"\b(?:told|tells|tell|asked|asks|urged|urges|warned|warns|reminded|assured|informed)\s+$")
# A name after "his"/"her" is a thing of someone's ("his Queensbridge Houses home"), not whom a
# later "he" stands for (Multi-News ta021 gave Prodigy's memoir to "Queensbridge Houses").
_OWNED_BEFORE = re.compile(r"\b(?:his|her|their|its|my|our|your)\s+$", re.I)
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:with|of|to|for|by|from|at|in|on|about|against|and|than|like)\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}|['’]s\s+)$")
_PRONOUN = re.compile(r"^(?:he|she)$", re.I)
_BREAK_CANDIDATE = re.compile(r"(?P<word>\b\w+)?(?P<mark>[.!?])[\"”]?\s+(?=[\"“A-Z])")
# Lowercase particles inside a name ("Corriere della Sera", "Oscar de la Renta").
_PARTICLES = r"(?:(?:de|del|della|di|da|la|le|van|von|der|du|dos|bin)\s+){0,2}"
_CAPITALISED_NAME = re.compile(rf"^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[A-Z][\w'’-]+\s+{_PARTICLES}){{0,3}}(?:(?:al|el)-)?"
                               r"[A-Z][\w'’-]+$")
_NAME_BEFORE = re.compile(rf"((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[A-Z][\w'’-]+\s+{_PARTICLES}){{0,3}}(?:(?:al|el)-)?"
                          r"[A-Z][\w'’-]+)\s+$")
# Capitalised words that open an unnamed attribution ("Police said").
_NOT_NAMES = frozenset({
    "police", "officials", "authorities", "investigators", "witnesses", "residents", "neighbors",
    "neighbours", "prosecutors", "doctors", "experts", "analysts", "sources", "he", "she", "they",
    "we", "i", "it", "the", "a", "an", "one", "another", "others", "many", "some", "critics",
    "supporters", "officers", "firefighters", "staff", "workers", "students", "parents", "friends",
    "relatives", "family", "but", "and", "then", "later", "asked", "when", "this", "that",
    # words opening a clause ("After noting that ...", Multi-News ta188)
    "after", "before", "while", "since", "upon", "despite", "without", "although", "though", "because",
    "instead", "also", "meanwhile", "however", "earlier", "again", "if", "as",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
})
_CONTRACTION = re.compile(r"['’](?:d|ll|ve|m|re)$")


def _not_a_name(word: str) -> bool:
    """A capitalised word that opens an attribution without naming anyone: "Police", "After",
    "I’d" (a first-person writer's "I’d say they ran like this:", Multi-News ta212)."""
    return _CONTRACTION.sub("", word.lower()) in _NOT_NAMES


# The subject opening a sentence: an introductory clause ending in a comma ("Asked if Trump was
# doing that, Walden ...", "On Twitter last fall, Mr. Farrow ..."), then title words ("Rep.").
_SENTENCE_OPENER = re.compile(r"^\s*(?:[^\"“”,;:]{1,80},\s+)?(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,5}$")
# "the president said", "the agency said": a role the story gives one person or organization.
_ROLE_PHRASE = re.compile(r"^(?:the|The)\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)$")
_ROLE_BEFORE = re.compile(rf"\b(?:the|The)\s+((?:[A-Za-z-]+\s+){{0,2}}[A-Za-z-]+)\s+{_ADVERBS}$")
# "the CEO of Kinkade's galleries said": a role with its complement, the role's holder speaks.
_ROLE_OF_BEFORE = re.compile(rf"\b(?:the|The)\s+((?:[A-Za-z-]+\s+){{0,2}}[A-Za-z-]+)\s+(?:of|at)\s+"
                             rf"(?:[\w'’.&-]+\s+){{1,4}}{_ADVERBS}$")
_NEWSPAPER_HEADS = ("times", "post", "chronicle", "journal", "herald", "tribune", "gazette", "news", "examiner",
                    "observer", "guardian", "telegraph", "independent", "inquirer", "globe", "star", "record",
                    "register", "courier", "sun", "mail", "express", "mirror", "bee", "dispatch", "press")
# A role noun an organization's name may end in: "the agency" is the one Administration, Service...
ORG_ROLES = {
    "agency": ("agency", "administration", "service", "bureau", "commission", "authority", "office", "department"),
    "company": ("company", "inc", "corp", "corporation", "co", "ltd", "llc", "group", "plc", "airlines", "motors"),
    "department": ("department",), "ministry": ("ministry",), "committee": ("committee",),
    "commission": ("commission",), "council": ("council",), "board": ("board",), "university": ("university",),
    "school": ("school", "college", "academy"), "hospital": ("hospital", "clinic", "center", "centre"),
    "group": ("group", "association", "coalition", "alliance", "network", "foundation", "institute"),
    "union": ("union",), "party": ("party",), "court": ("court",), "police": ("police",), "army": ("army",),
    "bank": ("bank",), "firm": ("inc", "corp", "corporation", "company", "llc", "ltd", "group", "partners", "llp"),
    "organization": ("organization", "organisation", "association", "foundation", "institute"),
    "network": ("network", "news", "broadcasting"), "league": ("league",), "club": ("club",),
    "newspaper": _NEWSPAPER_HEADS, "paper": _NEWSPAPER_HEADS, "magazine": ("magazine", "weekly", "monthly"),
}
_ORG_HEADS = frozenset(head for heads in ORG_ROLES.values() for head in heads)
# What a document speaks for its author with ("the index's mission statement reads", "the email read").
DOCUMENTS = frozenset({"statement", "email", "e-mail", "letter", "post", "tweet", "message", "note", "website",
                       "release", "blog", "memo", "report", "filing", "complaint", "lawsuit", "announcement"})
# A description a story uses for the person it is about, never naming a role holder of its own
# ("the South Carolina Republican said", "the former House speaker and presidential contender
# said"): it stands for that person as "he" would. Roles that often belong to someone unnamed
# ("the judge", "a spokesman", "the officer") are not here: an unresolved one stays unnamed.
EPITHETS = frozenset({
    "republican", "democrat", "contender", "candidate", "hopeful", "nominee", "incumbent", "lawmaker",
    "legislator", "senator", "congressman", "congresswoman", "speaker", "politician", "star", "singer",
    "actor", "actress", "rapper", "comedian", "billionaire", "mogul", "tycoon", "businessman",
    "businesswoman", "veteran", "filmmaker", "novelist", "author", "host", "anchor", "quarterback",
    "whip",  # "the Senate majority whip said": a senator's party office, with his title beside it
})
# Offices one person holds in a story's world ("the prime minister", "the pope", "the chancellor"):
# unassigned in the article, such a role is the person a pronoun would be. Ranks and jobs many
# hold ("the officer", "the judge", "a spokesman") are not here.
OFFICES = frozenset({"president", "minister", "chancellor", "pope", "king", "queen", "prince", "princess", "governor",
                     "mayor", "premier", "ambassador", "sheikh", "emperor", "monarch", "pontiff"})
# "the former House speaker and Republican presidential contender": up to eight words ending in an epithet.
_EPITHET_PHRASE = re.compile(rf"^(?:the|The)\s+(?:[\w'’-]+\s+){{0,7}}(?P<head>{'|'.join(sorted(EPITHETS))})$")
_DOCUMENT_WORDS = "|".join(sorted(DOCUMENTS))
_DOCUMENT_OWNER = re.compile(rf"^(?P<owner>.+?)['’]s\s+(?:[a-z]+\s+)?(?:{_DOCUMENT_WORDS})$")
_DOCUMENT_BEFORE = re.compile(rf"(?P<owner>\b(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){{0,3}}?)['’]s\s+(?:[a-z]+\s+)?"
                              rf"(?:{_DOCUMENT_WORDS})\s+{_ADVERBS}$")
# A phrase after a closing mark that starts like this continues the sentence: no attribution.
_NOT_SPEAKER_START = re.compile(r"(?:for|to|in|on|at|with|by|from|of|about|as|than|and|or|but|that|which|because|"
                                r"while|when|after|before|into|over|under|is|was|are|were|has|had|if|unless|whether|"
                                r"since|until|so)\b")
_ABBREVIATIONS = frozenset({"st", "jr", "sr", "cmdr", "supt", "insp", "det", "gov", "sen", "rep", "no", "vs", "etc"})
# "he"/"she" reaches back this many paragraphs for its antecedent; news copy names the speaker
# again after a quote or two, and further back the nearest name is often someone else.
MAX_PRONOUN_PARAGRAPHS = 2
# Beyond those paragraphs "he" is the article's main person only when it is clearly that: named
# this often, and this many times as often as anyone else who fits (tune half of the real gold:
# Michael Dunn's calls; a second person named half as often keeps it unresolved).
MAIN_PERSON_MENTIONS = 3
MAIN_PERSON_LEAD = 2
# A tag whose verb was dropped is read only after a quote this long: a short quoted phrase with a
# comma is a scare quote before an apposition ('his "goil," Olive Oyl') as often as speech.
VERBLESS_MIN_WORDS = 5


@dataclass(frozen=True)
class Attribution:
    kind: str  # named | pronoun | carried | unnamed (attributed to someone not named) | none | title
    name: str | None = None
    entity: str | None = None
    cue: str | None = None
    partial: bool = False  # quoted words inside the speaker's own sentence ('X called it "..."')
    pronoun_gender: str | None = None  # "m" for he, "f" for she, when the speaker is a pronoun


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
        # Organizations whose name says so ("New York Post", "Florida Lottery Commission"): the
        # tagger calls some people organizations ("T.D. Barnes"), and "he" may still be those.
        self.named_organizations = frozenset(
            e.id for e in entities if e.type == "organization"
            and (set(split_name(e.name).tokens) & _ORG_HEADS or re.fullmatch(r"[A-Z][A-Z.&-]+", e.name)))
        for entity in entities:
            if entity.type not in ("person", "organization"):
                continue
            for form in (entity.name, *entity.aliases):
                key = " ".join(split_name(form).tokens)
                self.by_form[key] = entity if self.by_form.get(key, entity) is entity else None
            if entity.type == "person" and len(split_name(entity.name).core) >= 2:
                surnames[split_name(entity.name).core[-1]].add(entity.id)
        self.by_surname = {s: ids[next(iter(v))] for s, v in surnames.items() if len(v) == 1}
        self._first_names_to_people(entities, surnames)
        self.texts = {a.id: a.text for a in articles}
        self.sentence_starts: dict[str, list[int]] = defaultdict(list)
        for s in sentences:
            self.sentence_starts[s.article].append(s.start)
        # An "organization" named like a person ("Amber Pasztor") that the text calls "she" is
        # one: the tagger's type is not the last word.
        # Its first word must be used alone in the story too, as a first name is ("Amber"):
        # "Price Waterhouse" and "Queensbridge Houses" are not people.
        alone = {e.name for e in entities if len(e.name.split()) == 1}
        person_like = frozenset(e.id for e in entities if e.type == "organization" and e.id not in self.named_organizations
                                and _PERSON_LIKE_NAME.fullmatch(e.name) and e.name.split()[0] in alone)
        self.gender = _genders(entities, self.texts, sentences, person_like)
        # People a pronoun may stand for: named in full or with an honorific somewhere. A lone
        # word the model calls a person ("Lenholm" in a dateline) is too often a place.
        # A lone surname several people of the story share ("Dunn" beside Michael, Phillip and
        # Sandra Dunn) is a person too, though the merger cannot say which.
        cores = {e.id: split_name(e.name).core for e in entities if e.type == "person"}
        shared = {core[-1] for core in cores.values() if len(core) >= 2}
        self.antecedents = {
            e.id for e in entities
            if e.type == "person" and (len(e.name.split()) >= 2 or any(split_name(a).has_title for a in e.aliases)
                                       or (cores[e.id][-1:] and cores[e.id][-1] in shared))
        } | {i for i in person_like if i in self.gender}
        self.roles = _roles(self.by_article, self.texts)
        self._office_mentions()
        self.relatives = relatives(self.by_article, self.texts)
        for article, found in kin_mentions(self.by_article, self.texts, self.relatives).items():
            self.by_article[article] = sorted(self.by_article[article] + found, key=lambda m: (m[0], m[1]))

    def _office_mentions(self) -> None:
        """"the president" where the article gives that office to one person ("President Obama")
        is a mention of that person: a pronoun after it reaches him as it would his name ("the
        president of X" is someone else; "the president's" names something of his)."""
        for article, roles in self.roles.items():
            text = self.texts.get(article, "")
            offices = sorted((key for key in roles if key.split()[-1] in OFFICES), key=len, reverse=True)
            if not offices:
                continue
            found = []
            taken = [(s, e) for s, e, _ in self.by_article.get(article, [])]
            for match in re.finditer(rf"\b[Tt]he\s+({'|'.join(map(re.escape, offices))})\b(?!\s+of\b|['’]s?\b)", text):
                holder = self.by_role(article, match.group(1))
                if (holder is not None and holder.type == "person"
                        and not any(s < match.end() and match.start() < e for s, e in taken)):
                    found.append((match.start(), match.end(), holder))
                    taken.append((match.start(), match.end()))
            if found:
                self.by_article[article] = sorted(self.by_article.get(article, []) + found, key=lambda m: (m[0], m[1]))

    def _first_names_to_people(self, entities: list[Entity], surnames: dict[str, set[str]]) -> None:
        """"Monica said ..." after "Monica Conyers": a lone word the model tagged as a person of
        its own that is the first name of one person of the story, and no one's surname, is that
        person here (entities stay as merged)."""
        cores = {e.id: split_name(e.name).core for e in entities if e.type == "person"}
        firsts: dict[str, set[str]] = defaultdict(set)
        # (a headline in capitals tagged as a person, "OBAMA GOES", gives no first name)
        people = {e.id: e for e in entities if e.type == "person" and len(cores[e.id]) >= 2 and not e.name.isupper()}
        for person in people.values():
            firsts[cores[person.id][0]].add(person.id)
        lone = {}
        for entity in entities:
            core = cores.get(entity.id, ())
            if (entity.type == "person" and len(core) == 1 and len(entity.name.split()) == 1
                    and not any(split_name(a).has_title for a in entity.aliases)  # "President Obama": a surname
                    and len(firsts.get(core[0], ())) == 1 and core[0] not in surnames):
                lone[entity.id] = people[next(iter(firsts[core[0]]))]
        if lone:
            for article, mentions in self.by_article.items():
                self.by_article[article] = [(s, e, lone.get(entity.id, entity)) for s, e, entity in mentions]

    def relative_ahead(self, article: str, position: int, possessor: Entity, role: str) -> Entity | None:
        """"Thomas Kinkade's girlfriend said ..." / "Amy Pinto, in tears, told ...": a relative the
        story names only as the subject opening the next sentence, someone else than the possessor
        whose gender does not differ from the role's."""
        starts = self.sentence_starts.get(article, [])
        i = bisect_right(starts, position)
        if i >= len(starts):
            return None
        text = self.texts[article]
        first = next(iter(self.mentions_in(article, starts[i], starts[i] + 80)), None)
        if (first is None or text[starts[i]:first[0]].strip() or first[2].type != "person" or first[2].id == possessor.id
                or text.startswith(("'s", "’s"), first[1])
                or self.gender.get(first[2].id) not in (None, GENDERED_ROLES.get(role.lower()))):
            return None
        return first[2]

    def relative(self, article: str, possessor: Entity | None, role: str) -> Entity | None:
        """The person the story names as `possessor`'s mother, brother, wife ... ("Price's
        mother Jennifer Rivers", "Jennifer Rivers, Price's mother"), in any of its articles, or None."""
        return self.relatives.get((surname(possessor.name), role.lower())) if possessor else None

    def by_role(self, article: str, phrase: str) -> Entity | None:
        """The one person or organization this article gives a role ("president", "prime
        minister", "agency"), or None when it gives it to no one or to several."""
        words = [w for w in fold(phrase).split() if w not in ("former", "new", "late", "then", "current")]
        if not words:
            return None
        words = ROLE_ABBREVIATIONS.get(" ".join(words), " ".join(words)).split()
        while len(words) > 1 and words[-1] in DOCUMENTS:
            words = words[:-1]  # "the committee letter" speaks for the committee
        roles = self.roles.get(article, {})
        for key in (" ".join(words[-2:]), words[-1]):
            holders = roles.get(key)
            if holders and len(words) == 1:
                # "the minister" is not the prime minister: a compound office is named in full
                holders = {i: e for i, e in holders.items()
                           if not any(i in roles.get(office, ()) for office in COMPOUND_OFFICES.get(key, ()))}
            if holders:
                return next(iter(holders.values())) if len(holders) == 1 else None
        if words[-1] not in PERSON_ROLES:
            # "the agency", "the index", "the newspaper": the one organization whose name ends so.
            heads = ORG_ROLES.get(words[-1], (words[-1],))
            orgs = {e.id: e for _, _, e in self.by_article.get(article, [])
                    if e.type == "organization" and split_name(e.name).tokens[-1:] and split_name(e.name).tokens[-1] in heads}
            if len(orgs) == 1:
                return next(iter(orgs.values()))
        return None

    def role_referent(self, article: str, phrase: str, position: int, floor: int,
                      quoted: list[tuple[int, int]]) -> Entity | None:
        """Whom "the prime minister", "the German chancellor", "the South Carolina Republican" or
        "the company" stands for when the article gives that role to no one: an office or an
        epithet is the person a pronoun would be there (people the article gives another role
        are not candidates: "Senate Majority Leader Mitch McConnell" is not "the president"); an
        organization's role noun is the one organization the article has named before it."""
        entity = self.by_role(article, phrase)
        if entity is not None:
            return entity
        words = [w for w in fold(phrase).split() if w not in ("former", "new", "late", "then", "current")]
        words = ROLE_ABBREVIATIONS.get(" ".join(words), " ".join(words)).split()
        while len(words) > 1 and words[-1] in DOCUMENTS:
            words = words[:-1]
        if not words or any(self.roles.get(article, {}).get(key) for key in (" ".join(words[-2:]), words[-1])):
            return None  # the role is given, to several: which one speaks is not said
        head = words[-1]
        if head in OFFICES or head in EPITHETS:
            # Someone the article gives another office is not this office's holder; an epithet
            # ("the South Carolina Republican") goes with any office ("Sen. Lindsey Graham").
            others = frozenset(e for holders in self.roles.get(article, {}).values() for e in holders) \
                if head in OFFICES else frozenset()
            return self.antecedent(article, position, floor, head, quoted, exclude=others)
        if head in ORG_ROLES:
            orgs = {e.id: e for start, _, e in self.mentions_in(article, 0, position)
                    if e.type == "organization" and not any(o <= start < c for o, c in quoted)}
            # "the committee" after one committee was named (another may come later in the article)
            fitting = {i: e for i, e in orgs.items() if split_name(e.name).tokens[-1:] and
                       split_name(e.name).tokens[-1] in ORG_ROLES[head]}
            if len(fitting) == 1:
                return next(iter(fitting.values()))
            return next(iter(orgs.values())) if len(orgs) == 1 else None
        return None

    def mentions_in(self, article: str, start: int, end: int) -> list[tuple[int, int, Entity]]:
        mentions = self.by_article.get(article, [])
        i = bisect_left(mentions, (start, -1))
        found = []
        while i < len(mentions) and mentions[i][0] < end:
            if mentions[i][1] <= end:
                found.append(mentions[i])
            i += 1
        return found

    def main_person(self, article: str, position: int, wanted: str | None,
                    quoted: list[tuple[int, int]], exclude: frozenset[str] = frozenset()) -> Entity | None:
        """The person the article is about, when a pronoun finds no one near it: named outside
        quotation marks before `position` at least MAIN_PERSON_MENTIONS times and MAIN_PERSON_LEAD
        times as often as anyone else its gender allows (a story about one man keeps saying "he"
        paragraphs after his name)."""
        counts: Counter = Counter()
        people = {}
        for start, _, entity in self.mentions_in(article, 0, position):
            if (entity.type == "person" and entity.id in self.antecedents and entity.id not in exclude
                    and not any(o <= start < c for o, c in quoted)
                    and (wanted is None or self.gender.get(entity.id) in (None, wanted))):
                counts[entity.id] += 1
                people[entity.id] = entity
        top = counts.most_common(2)
        if not top or top[0][1] < MAIN_PERSON_MENTIONS or (len(top) > 1 and top[0][1] < MAIN_PERSON_LEAD * top[1][1]):
            return None
        return people[top[0][0]]

    def title_as_surname(self, article: str, word: str) -> str | None:
        """"Adrienne Mayor" for "Mayor": the one full name of the article whose surname is this
        title word (a first name before it, no name after it: "Deputy Mayor Tim Flaherty" is a title)."""
        firsts = {m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b(?!\s+[A-Z])",
                                                   self.texts.get(article, ""))
                  if fold(m.group(1)) not in TITLES and not _not_a_name(m.group(1))}
        return f"{firsts.pop()} {word}" if len(firsts) == 1 else None

    def lookup(self, name: str, article: str | None = None) -> Entity | None:
        """The entity a name not tagged as a mention refers to, when exactly one fits: in the
        story, else (a surname several people of the story share) in this article."""
        parts = split_name(name)
        found = self.by_form.get(" ".join(parts.tokens)) or (self.by_surname.get(parts.core[-1]) if len(parts.core) == 1 else None)
        if found is None and article is not None and len(parts.core) == 1:
            here = {e.id: e for _, _, e in self.by_article.get(article, [])
                    if e.type == "person" and split_name(e.name).core[-1:] == parts.core[-1:] and len(split_name(e.name).core) >= 2}
            found = next(iter(here.values())) if len(here) == 1 else None
        return found

    def organization_antecedent(self, article: str, position: int, floor: int,
                                quoted: list[tuple[int, int]]) -> Entity | None:
        """What "it" stands for before a speech verb: in the last sentence before `position` (from
        `floor`) naming an organization outside quotation marks, the one speaking there, else the
        first not after a preposition or a possessive; None when that sentence names it only so."""
        fits = [m for m in self.mentions_in(article, floor, position)
                if m[2].type == "organization" and not any(o <= m[0] < c for o, c in quoted)]
        if not fits:
            return None
        starts = self.sentence_starts.get(article, [0])
        sentence = bisect_right(starts, fits[-1][0])
        same = [m for m in fits if bisect_right(starts, m[0]) == sentence]
        text = self.texts[article]
        speaking = [m for m in same if _SPEAKS_AFTER.match(text, m[1])]
        if speaking:  # "Qatar Airways wants a stake, American Airlines said."
            return speaking[-1][2]
        end = starts[sentence] if sentence < len(starts) else len(text)
        untagged = _NAME_SPEAKS.search(text, starts[sentence - 1] if sentence else 0, end)
        if untagged:
            # "..., American said": someone the model did not tag speaks there; a short name of
            # one organization of the article ("American Airlines") is that organization.
            first = split_name(untagged.group(0).split()[0]).tokens[:1]
            orgs = {e.id: e for _, _, e in self.by_article.get(article, [])
                    if e.type == "organization" and first and split_name(e.name).tokens[:1] == first}
            return next(iter(orgs.values())) if len(orgs) == 1 else None
        subjects = [m for m in same if not _OBJECT_BEFORE.search(text, max(0, m[0] - 30), m[0])]
        return subjects[0][2] if subjects else None

    def _chained(self, article: str, floor: int, wanted: str, quoted: list[tuple[int, int]],
                 exclude: frozenset[str]) -> list[tuple[int, int, Entity]]:
        """People of the paragraphs before `floor` that the pronoun runs through unbroken ("He
        was a sergeant ..." / "That night, he met ..." / '"...," he recalls.'): each paragraph
        walked back holds the pronoun, and a sentence opening with it names no new subject
        ("He was at Tan Son Nhut Air Base" is not about the base)."""
        text = self.texts[article]
        spans = paragraph_spans(text)
        paragraphs = [p for p in spans if p[1] <= floor]
        words = _PRONOUN_FAMILY[wanted]
        if len(paragraphs) < len(spans) and not words.search(text, *spans[len(paragraphs)]):
            return []  # the paragraph at the reach's start does not carry the pronoun
        opens = _PRONOUN_OPENS[wanted]
        starts = self.sentence_starts.get(article, [0])
        for back, (start, end) in enumerate(reversed(paragraphs[-MAX_CHAIN_PARAGRAPHS:])):
            if back and not words.search(text, *paragraphs[len(paragraphs) - back]):
                return []  # the paragraph after this one does not carry the pronoun: the chain broke
            fits = [m for m in self.mentions_in(article, start, end)
                    if m[2].id in self.antecedents and m[2].id not in exclude and not any(o <= m[0] < c for o, c in quoted)
                    and self.gender.get(m[2].id) in (None, wanted)
                    and not opens.match(text, starts[bisect_right(starts, m[0]) - 1] if starts else 0)
                    # '"...," he told reporters during a meeting with King Abdullah': his own tag
                    and not any(t.group("p") == _PRONOUN_OF[wanted] for t in _PRONOUN_TAG.finditer(
                        text, starts[bisect_right(starts, m[0]) - 1] if starts else 0, m[0]))]
            if fits:
                return fits
        return []

    def antecedent(self, article: str, position: int, floor: int, pronoun: str,
                   quoted: list[tuple[int, int]], reach_back: bool = True,
                   exclude: frozenset[str] = frozenset()) -> Entity | None:
        """The person the pronoun stands for: of the people it fits (gender, not inside a quote),
        the sentence naming the nearest one before `position`, and in that sentence the one who
        speaks ("Newport said that Gallup ...") or else its subject ("Fischetti mourned his friend
        Devin Lima."), or else the nearest."""
        wanted = {"she": "f", "he": "m"}.get(pronoun.lower(), GENDERED_ROLES.get(pronoun.lower()))
        fits = [
            (start, end, entity) for start, end, entity in self.mentions_in(article, floor, position)
            if entity.id in self.antecedents and entity.id not in exclude and not any(o <= start < c for o, c in quoted)
            and not _OWNED_BEFORE.search(self.texts[article], max(0, start - 8), start)
            and (wanted is None or self.gender.get(entity.id) in (None, wanted)) and (wanted or entity.type == "person")
        ]
        starts = self.sentence_starts.get(article, [0])
        text = self.texts[article]
        if wanted:
            # "He added that ... Mitch McConnell ...": a sentence whose subject is this pronoun
            # names others; the pronoun is still whom it was before it. In the pronoun's own
            # sentence, a name after a preposition is someone else ("In an e-mail to Mayor X, she wrote").
            opens = _PRONOUN_OPENS[wanted]
            here = starts[max(0, bisect_right(starts, position) - 1)] if starts else 0
            fits = [m for m in fits if not opens.match(text, starts[max(0, bisect_right(starts, m[0]) - 1)] if starts else 0)
                    and not (m[0] >= here and _PREPOSITION_OBJECT.search(text, max(0, m[0] - 40), m[0]))]
        if not fits and reach_back and wanted:
            fits = self._chained(article, floor, wanted, quoted, exclude)
        if not fits:
            return self.main_person(article, position, wanted, quoted, exclude) if reach_back else None
        sentence = bisect_right(starts, fits[-1][0])
        same = [m for m in fits if bisect_right(starts, m[0]) == sentence]
        opening = starts[sentence - 1] if sentence else 0
        tag = _PRONOUN_TAG.search(text, opening, same[0][0]) if wanted and opening > floor else None
        if tag and tag.group("p") == pronoun.lower():
            # '"...," she said, expressing appreciation for FEMA Director Craig Fugate.': the
            # sentence is her own tag; she is who the pronoun was before it.
            return self.antecedent(article, opening, floor, pronoun, quoted, reach_back, exclude)
        speaking = [m for m in same if _SPEAKS_AFTER.match(text, m[1]) or (
            _SPEAKS_BEFORE.search(text, max(0, m[0] - 12), m[0]) and not _TELLS_BEFORE.search(text, max(0, m[0] - 12), m[0]))]
        if speaking:
            asker = speaking[-1]
            if _ASKED.match(text, asker[1]):
                # "Host Chris Wallace asked the senator what he made of it." / '"...," he said': the
                # one asked answers, named in that sentence or before it.
                asked = [m for m in same if m[0] > asker[1] and m[2].id != asker[2].id]
                if asked:
                    return asked[0][2]
                return self.antecedent(article, asker[0], floor, pronoun, quoted, reach_back, exclude | {asker[2].id})
            return asker[2]
        # The subject: the first named not inside a prepositional phrase or after a possessive
        # ("in an interview with CNN's Bill Weir, Bundy was asked"), nor a possessor ("Erin
        # Stoffel's friend, Tari Schroth, described ...": the friend is the subject).
        subjects = [m for m in same if not _OBJECT_BEFORE.search(text, max(0, m[0] - 30), m[0])
                    and not text.startswith(("'s", "’s"), m[1])]
        return (subjects or same[-1:])[0][2]


# A pronoun's own speech tag ('"...," she said, noting ...') before the names of its sentence.
_PRONOUN_TAG = re.compile(rf"[,\"”]\s+(?P<p>he|she)\s+(?:{REPORTING_PATTERN})\b")
_PRONOUN_FAMILY = {"m": re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself)\b"),
                   "f": re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")}
_PRONOUN_OPENS = {"m": re.compile(r"\s*He\b"), "f": re.compile(r"\s*She\b")}
_PRONOUN_OF = {"m": "he", "f": "she"}
_PREPOSITION_OBJECT = re.compile(r"\b(?:to|with|for|from|by|about|against|of)\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}"
                                 r"(?:[A-Z][a-z]*\.?\s+){0,2}$")
# How many paragraphs before the pronoun's usual reach a run of "he" may be followed back.
MAX_CHAIN_PARAGRAPHS = 4
_NAME_SPEAKS = re.compile(rf"\b[A-Z][\w'’-]+\s+(?:{REPORTING_PATTERN})\b")
_ASKED = re.compile(r"\s+asked\s+(?:the\s+[a-z]|[A-Z])")
_TITLE_WORDS_BEFORE = re.compile(r"((?:[A-Z][a-z]+\.?\s+){1,3})$")
# (matched at the name's end with .match(text, pos): no "^", which would only ever match at 0)
_APPOSITIVE_ROLE = re.compile(r",\s+(?:(?:the|a|an|its|his|her|their)\s+)?((?:[\w'’.-]+\s+){0,5}?(?:[a-z][\w-]*|CEO|PM))"
                              r"(?=\s+(?:of|for|at|in|on|with|to)\b|,|\.|\s+(?:said|says|told|added|wrote)\b)")
# Offices of two words that a story calls by both ("the prime minister"), never by the head
# alone: "the minister" is another minister of the story.
COMPOUND_OFFICES = {"minister": ("prime minister",), "president": ("vice president",),
                    "secretary": ("general secretary",), "general": ("attorney general", "secretary general")}
# Short forms a speaker phrase uses for a title ("the PM said").
ROLE_ABBREVIATIONS = {"pm": "prime minister", "ceo": "chief executive", "gop": "party"}


def _roles(by_article: dict[str, list[tuple[int, int, Entity]]], texts: dict[str, str]) -> dict[str, dict[str, dict]]:
    """article -> role ("president", "prime minister", "secretary") -> {entity id: entity}: the
    titles written before a person's name ("Prime Minister Theresa May") and the role nouns of
    an appositive after it ("Raj Shah, a deputy White House press secretary,")."""
    roles: dict[str, dict[str, dict]] = defaultdict(lambda: defaultdict(dict))
    for article, mentions in by_article.items():
        text = texts.get(article, "")
        for start, end, entity in mentions:
            if entity.type != "person":
                continue
            titles = []
            for word in text[start:end].split():
                if fold(word).rstrip(".") in TITLES:
                    titles.append(fold(word).rstrip("."))
                else:
                    break
            before = _TITLE_WORDS_BEFORE.search(text, max(0, start - 40), start)
            if not titles and before:
                for word in reversed(before.group(1).split()):
                    if fold(word).rstrip(".") not in TITLES:
                        break
                    titles.insert(0, fold(word).rstrip("."))
                # "Senate Majority Leader Mitch McConnell": a capitalised job word right before the name.
                last = fold(before.group(1).split()[-1]).rstrip(".")
                if not titles and last in PERSON_ROLES:
                    titles = [fold(w).rstrip(".") for w in before.group(1).split()[-2:]]
            appositive = _APPOSITIVE_ROLE.match(text, end, min(len(text), end + 120))
            if appositive:
                titles = titles or fold(appositive.group(1)).split()
            titles = [w for title in titles for w in ROLE_ABBREVIATIONS.get(title, title).split()]  # "CEO"
            for key in {" ".join(titles[-2:]), *titles[-1:]} - {""}:
                roles[article][key][entity.id] = entity
    return roles


ROLE_GENDER_WEIGHT = 3
_PERSON_LIKE_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}")
_MALE_WORD = re.compile(r"\b(?:he|his|him|himself)\b")
_FEMALE_WORD = re.compile(r"\b(?:she|her|hers|herself)\b")
# "Jim Campbell, Erin Stoffel's brother,": a gendered role word heading the appositive after a name.
_GENDERED_APPOSITIVE = re.compile(r",\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[A-Z][\w.-]*\s+){0,3}?(?:[\w.-]+['’]s\s+)?"
                                  r"(?:[a-z-]+\s+)?([a-z-]+)(?=[,.;]|\s+of\b)")


def _genders(entities: list[Entity], texts: dict[str, str], sentences: list[Sentence],
             person_like: frozenset[str] = frozenset()) -> dict[str, str]:
    """What the text says about each person's gender (and each `person_like` organization's): an
    honorific, a gendered role word right before the name ("spokeswoman Nadia Ferreira"), or only
    one kind of pronoun after the name in a sentence naming no one else. Unknown when the signs
    disagree."""
    sentence_at: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        sentence_at[s.article].append(s)
    people_at: dict[tuple[str, int], int] = Counter()
    located = []
    for entity in entities:
        if entity.type != "person" and entity.id not in person_like:
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
        gender_from_pronoun = False
        gender = split_name(text[span.start:span.end]).gender
        role = re.search(r"([^\W\d_]+)\W*$", text[max(0, span.start - 25):span.start])
        gender = gender or (GENDERED_ROLES.get(role.group(1).lower()) if role else None)
        appositive = _GENDERED_APPOSITIVE.match(text, span.end, min(len(text), span.end + 60))
        gender = gender or (GENDERED_ROLES.get(appositive.group(1).lower()) if appositive else None)
        if gender is None and sentence and people_at[(span.article, sentence.index)] == 1:
            rest = fold(text[span.end:sentence.end])
            male = bool(_MALE_WORD.search(rest))
            female = bool(_FEMALE_WORD.search(rest))
            gender = "m" if male and not female else "f" if female and not male else None
            # A sentence whose subject is a pronoun of that gender is about someone else: "She
            # shared an email X had written to her" says nothing of X ("Although he ..., X said
            # he" does).
            if gender and _PRONOUN_OPENS[gender].match(text, sentence.start, span.start):
                gender = None
            gender_from_pronoun = True
        if gender:
            # A title or role word says more than a pronoun nearby: it counts three times.
            votes[entity.id][gender] += 1 if gender_from_pronoun else ROLE_GENDER_WEIGHT
    return {
        entity_id: counts.most_common(1)[0][0]
        for entity_id, counts in votes.items()
        if len(counts) == 1 or counts.most_common(2)[0][1] > 2 * counts.most_common(2)[1][1]
    }


def attribute(article: str, text: str, quote: QuotedText, paragraphs: list[tuple[int, int]],
              previous_close: int | None, next_open: int | None, quoted: list[tuple[int, int]],
              speakers: Speakers) -> Attribution:
    """Who this article says spoke the quote, and the words that say so."""
    floor = _reach_floor(text, paragraphs, quote.paragraph)
    context = (article, text, floor, quoted, speakers)
    last_end = paragraphs[quote.last_paragraph][1]
    after_end = min(next_open if next_open is not None else last_end, quote.close_at + 200)
    after = text[quote.close_at:after_end]
    p_start = paragraphs[quote.paragraph][0]
    if _FRAMED_RIGHT_BEFORE.search(text, p_start, quote.open_at):
        # 'In what the daily X called "...," analysts said ...': the framing verb's subject has
        # these words; the tag after belongs to the rest of the sentence.
        found = _framing(text[p_start:quote.open_at], p_start, context)
        if found and found.kind == "named" and found.name:
            return found
    # '"We are done." Smith said the talks ...' starts a new sentence; '"Done?" she asked' does not,
    # nor '"... security." Sen. Lindsey Graham charged on Sunday.' (a tag with no object of its own).
    if not text[quote.start:quote.end].endswith(".") or re.match(r"\s*[a-z]", after) or _SHORT_TAG.match(after):
        found = _after(after, quote.close_at, context)
        if found:
            return found
    if text[quote.end:quote.close_at].startswith(",") and len(quote.text.split()) >= VERBLESS_MIN_WORDS:
        found = _verbless(after, quote.close_at, context)
        if found:
            return found
    if len(quote.text.split()) >= VERBLESS_MIN_WORDS and _opens_sentence(text, paragraphs[quote.paragraph][0], quote.open_at):
        # '"Several war weapons, hand guns, ammunition," were found in his car, the minister
        # added.': the quote is its sentence's subject, the tag closes the sentence.
        stop = next(iter(_sentence_breaks(after + " X")), None)
        closing = _CLOSING_TAG.search(after[:stop + 1]) if stop is not None else None
        if closing:
            found = _resolve(closing.group("who"), quote.close_at + closing.start("who"), closing.group("cue"), context)
            if found.entity or found.kind == "pronoun":
                return found
    if previous_close is not None and text[previous_close:quote.open_at].rstrip().endswith(","):
        # '"...," Serna said, "and ..." Olivera, himself a veteran, said ...': the second half of a
        # split quote is the speaker's of the tag between, not a signature after it.
        found = _before(text[previous_close:quote.open_at], previous_close, context)
        if found:
            return found
    tag = _TAG_LINE.match(text, quote.close_at, last_end)
    if tag:  # '"..." Senator Ted Cruz' (a pull quote), '"..."—Gloria Steinem' (a blurb)
        found = _resolve(tag.group("who"), tag.start("who"), "", context)
        if found.kind == "named" and found.entity:
            return replace(found, cue=None)
    region = previous_close if previous_close is not None else p_start
    if _TITLE_BEFORE.search(text, region, quote.open_at):
        return Attribution("title")  # 'an article titled, "..."': a headline, nobody's words
    if _PHRASE_BEFORE.search(text, region, quote.open_at):
        return Attribution("title")
    if _SIGN_BEFORE.search(text, region, quote.open_at):
        return Attribution("none")  # kept as no one's words when long enough to be speech
    if _HYPOTHETICAL_BEFORE.search(text, region, quote.open_at):
        return Attribution("unnamed")  # 'Cosby might have answered, "..."': words never said
    found = _before(text[region:quote.open_at], region, context)
    if found:
        return found
    if (text[region:quote.open_at].rstrip().endswith(",") and len(quote.text.split()) >= VERBLESS_MIN_WORDS
            and quote.text[:1].isupper()):
        # 'Dunn ... also made repeated efforts to distance himself from fellow inmates, "..."': a
        # whole quotation after a comma, no speech verb: the person opening the sentence, alone in it.
        found = _sentence_subject(article, text, region, quote.open_at, "", "", speakers)
        if found:
            return replace(found, cue=None)
    if (text[p_start:quote.open_at].rstrip().endswith(":") and len(quote.text.split()) >= VERBLESS_MIN_WORDS
            and (quote.text[:1].isupper() or quote.text[:1] == "@")):  # "@" opens a tweet
        # 'Rick Perry was somehow not convinced: "..."', 'X expressed his frustration to me: "..."':
        # a sentence opened by a person, no speech verb, its colon introducing a whole quotation
        # (read from the paragraph's start: an earlier partial quote may sit in the sentence).
        found = _sentence_subject(article, text, p_start, quote.open_at, "", "", speakers)
        if found:
            return replace(found, cue=None)
    if quote.open_at == p_start and quote.paragraph > 0:
        # "X said:" closing the paragraph before the quote (links to other stories between).
        before = quote.paragraph - 1
        while before > 0 and quote.paragraph - before <= MAX_LINK_LINES and _LINK_LINE.match(text, *paragraphs[before]):
            before -= 1
        q_start, q_end = paragraphs[before]
        if text[q_start:q_end].rstrip().endswith(":"):
            found = _before(text[q_start:q_end] + " ", q_start, context)
            if found:
                return found
        found = _paragraph_before(article, text, quote, paragraphs, quoted, speakers)
        if found:
            return found
        found = _interview_answer(article, text, quote, paragraphs, quoted, speakers, context)
        if found:
            return found
    if quote.open_at > p_start and len(quote.text.split()) >= VERBLESS_MIN_WORDS:
        found = _reported_sentence_before(text, p_start, quote.open_at, context)
        if found:
            return found
    # A partial quote's sentence may hold an earlier quote ('said on "Fox News Sunday" that ... and
    # "they say ..."'): its framing verb is read from the paragraph's start.
    return _framing(text[p_start:quote.open_at], p_start, context) or Attribution("none")


_REPORTING = re.compile(rf"\b(?:{REPORTING_PATTERN})\b")
# The words before a reporting verb after a comma: ", Judy Dempsey wrote" (the tag closing a paraphrase).
_SUBJECT_AFTER_COMMA = re.compile(rf",\s+(?P<who>[^,\"“”]{{1,60}}?)\s+{_ADVERBS}$")


def _reported_sentence_before(text: str, p_start: int, open_at: int, context) -> Attribution | None:
    """'..., Dempsey wrote on Tuesday. "But now, ..."', 'Dempsey said Poland ... . "But now, ..."': a
    quotation with no tag of its own opening a sentence, after a sentence of its paragraph that
    reports someone's words is that someone's: the reporter's
    convention of a paraphrase followed by the speaker's own words."""
    before = text[p_start:open_at].rstrip()
    if not before.endswith((".", "!", "?")):
        return None
    start = p_start + max((end for _, end in _sentence_breaks(before[:-1], ends=True)), default=0)
    return _reporter(text, start, p_start + len(before) - 1, context)


def _reporter(text: str, start: int, end: int, context) -> Attribution | None:
    """The named speaker of the first reporting verb in the sentence text[start:end] whose subject
    is someone the story names ("Dempsey said ...", "..., Dempsey wrote", "he said ...")."""
    article, _, _, _, speakers = context
    for verb in _REPORTING.finditer(text, start, end):
        found = _sentence_subject(article, text, start, verb.start(), verb.group(), "", speakers)
        if found is None:
            subject = _SUBJECT_AFTER_COMMA.search(text, start, verb.start())
            if subject is None and _PRONOUN_OPENING.match(text, start, verb.start()):
                subject = _PRONOUN_OPENING.match(text, start, verb.start())
            if subject is not None:
                found = _resolve(subject.group("who"), subject.start("who"), verb.group(), context)
        if found is not None and found.entity:
            return found
    return None


# '"...," the statement said.': the words of whoever the story last said issued a statement
# ("the State Department said in a statement", Multi-News ta128).
_THE_STATEMENT = re.compile(r"^[Tt]he\s+(?:(?:written|news|press|joint)\s+)?(?:statement|release)$")
_IN_A_STATEMENT = re.compile(r"\b[Ii]n\s+(?:a|an|its|his|her|their)\s+(?:[a-z-]+\s+){0,2}?(?:statement|release)\b")


def _statement_issuer(start: int, context) -> Attribution | None:
    _, text, floor, _, _ = context
    issued = next(reversed(list(_IN_A_STATEMENT.finditer(text, floor, start))), None)  # the last one
    if issued is None:
        return None
    s_start = floor + max((e for _, e in _sentence_breaks(text[floor:issued.start()], ends=True)), default=0)
    stops = _sentence_breaks(text[issued.end():start] + " X")
    s_end = issued.end() + (stops[0] if stops else start - issued.end())
    return _reporter(text, s_start, s_end, context)


_PRONOUN_OPENING = re.compile(rf"\s*(?:[^\"“”,;:]{{1,80}},\s+)?(?P<who>[Hh]e|[Ss]he)\s+{_ADVERBS}$")


# The tag closing a sentence that the quote opens: ", the minister added." at its end.
_CLOSING_TAG = re.compile(rf",\s+(?P<who>[^,\"“”]{{1,60}}?)\s+{_ADVERBS}(?P<cue>{SPEECH_VERBS})\s*\.$")


def _opens_sentence(text: str, paragraph_start: int, open_at: int) -> bool:
    return re.search(r"(?:^|[.!?\"”])\s*$", text[paragraph_start:open_at]) is not None


def _paragraph_before(article: str, text: str, quote: QuotedText, paragraphs: list[tuple[int, int]],
                      quoted: list[tuple[int, int]], speakers: Speakers) -> Attribution | None:
    """'Dunn makes the connection between ... rape victims.' / '"I was the one ..."': a quotation
    standing alone as its paragraph, after a paragraph of prose (no quotation in it) whose last
    sentence opens with a named person, is that person's."""
    before = quote.paragraph - 1
    while before > 0 and quote.paragraph - before <= MAX_LINK_LINES and _LINK_LINE.match(text, *paragraphs[before]):
        before -= 1  # "STORY: Timeline: Key events in Ukraine": links to other stories between
    q_start, q_end = paragraphs[before]
    if (text[quote.close_at:paragraphs[quote.last_paragraph][1]].strip() or len(quote.text.split()) < VERBLESS_MIN_WORDS
            or any(q_start <= o < q_end for o, _ in quoted) or not text[q_start:q_end].rstrip().endswith(".")):
        return None
    end = q_start + text[q_start:q_end].rstrip().rindex(".")
    found = _sentence_subject(article, text, q_start, end, "", "", speakers)
    last = q_start + max((e for _, e in _sentence_breaks(text[q_start:end], ends=True)), default=0)
    if found is None:
        # "Sheriff X told reporters that Y was never connected to Z's death ...": the person
        # opening the sentence speaks in it, whoever else it names.
        found = next((_named(e, "named", "") for s, e_end, e in speakers.mentions_in(article, last, end)
                      if _SENTENCE_OPENER.match(text[last:s]) and _SPEAKS_AFTER.match(text, e_end)), None)
    if found is None:
        # "He expressed support for ...": the one "he" is, as a tag's "he" would be
        pronoun = re.match(r"\s*(?P<p>He|She)\s+[a-z]", text[last:end])
        if pronoun:
            floor = _reach_floor(text, paragraphs, before)
            entity = speakers.antecedent(article, last, floor, pronoun.group("p"), quoted)
            found = _pronoun(entity, pronoun.group("p"), "")
    return replace(found, cue=None) if found and found.entity else None


# A question put to an interviewee, a paragraph of its own ("Reaction?", "Has this affected you?").
_QUESTION_LINE = re.compile(r"\s*[^\"“”]{1,300}\?\s*$")
_BRACKETED_LINE = re.compile(r"\s*\[[^\]]*\]\s*$")  # "[Spirit doesn't give Rapinoe chance to kneel]": a link
MAX_INTERVIEW_PARAGRAPHS = 40  # how far back an answer looks for the paragraph that names the interviewee


def _interview_answer(article: str, text: str, quote: QuotedText, paragraphs: list[tuple[int, int]],
                      quoted: list[tuple[int, int]], speakers: Speakers, context) -> Attribution | None:
    """A Q&A: a quotation alone in its paragraph right after a question of its own paragraph is the
    answer of the interviewee, whom the last paragraph of prose before the questions and answers
    names ("Megan Rapinoe responded to ...", "Commissioner Jeff Plush attended the match and said
    ..."; a Washington Post interview, Multi-News ta037)."""
    if (text[quote.close_at:paragraphs[quote.last_paragraph][1]].strip()
            or not _QUESTION_LINE.fullmatch(text, *paragraphs[quote.paragraph - 1])):
        return None
    opens = {o for o, _ in quoted}
    index = quote.paragraph - 1
    while index > 0 and quote.paragraph - index < MAX_INTERVIEW_PARAGRAPHS:
        index -= 1
        p_start, p_end = paragraphs[index]
        lead = text[p_start:p_end].lstrip()
        if (_QUESTION_LINE.fullmatch(text, p_start, p_end) or _BRACKETED_LINE.fullmatch(text, p_start, p_end)
                or _LINK_LINE.match(text, p_start, p_end) or (p_end - len(lead)) in opens or lead.startswith(("“", '"'))):
            continue  # another question, an answer, a link
        end = p_start + len(text[p_start:p_end].rstrip()) - 1
        found = None
        # Its sentences from the last: one opening on "He" or "She" hands over to the one before
        # ("NWSL Commissioner Jeff Plush attended the match ... He answered a few questions ...").
        starts = [p_start + e for _, e in _sentence_breaks(text[p_start:end], ends=True)]
        for first, stop in reversed(list(zip([p_start, *starts], [*starts, end], strict=True))):
            # the person after an organization and a title ("NWSL Commissioner Jeff Plush")
            found = next((_named(e, "named", "") for s, _, e in speakers.mentions_in(article, first, stop)
                          if e.type == "person" and _NAMES_BEFORE_PERSON.fullmatch(text, first, s)), None)
            found = found or _sentence_subject(article, text, first, stop, "", "", speakers)
            if found or not re.match(r"\s*(?:He|She)\b", text[first:stop]):
                break
        found = found or _reporter(text, p_start, end, context)
        return replace(found, cue=None) if found and found.entity else None
    return None


_NAMES_BEFORE_PERSON = re.compile(r"\s*(?:[A-Z][\w.&'’-]*\s+){1,5}")


def _reach_floor(text: str, paragraphs: list[tuple[int, int]], index: int) -> int:
    """Where a pronoun in paragraph `index` stops looking back: MAX_PRONOUN_PARAGRAPHS paragraphs
    before it, lines that only link to other stories not counted."""
    counted = 0
    while index > 0 and counted < MAX_PRONOUN_PARAGRAPHS:
        index -= 1
        if not _LINK_LINE.match(text, *paragraphs[index]):
            counted += 1
    return paragraphs[index][0]


# A paragraph that only links to another story ("STORY: ...", "RELATED: ...", "(PHOTOS: ...)").
_LINK_LINE = re.compile(r"\s*\(?(?:(?:STORY|STORIES|RELATED|MORE|WATCH|VIDEO|PHOTOS|READ MORE|Related|Read more|See also)\s*:"
                        r"|RELATED\s+[A-Z])")  # (UPI writes "RELATED <headline>", no colon)
MAX_LINK_LINES = 3  # links skipped between a quote and the paragraph it runs on from


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
            elif _sentence_breaks(who + " X") or _NOT_SPEAKER_START.match(who.strip()):
                return None  # '"road rage" for the crash, and police said': the quote is inside a sentence
            start = offset + match.start("who")
            return _resolve(who.rstrip(". "), start, _cue(match, after), context)
    return None


def _verbless(after: str, offset: int, context) -> Attribution | None:
    """'"...," Rep. Greg Walden of Oregon, a senior House Republican.': a tag whose verb was
    dropped. The comma closing the quote promises one; only a named entity heading the rest of
    the sentence is taken."""
    stop = next(iter(_sentence_breaks(after + " X")), None)
    who = after[:stop].strip() if stop is not None else ""
    if not who or not who[0].isupper() or re.search(r"[\"“”]", who):
        return None
    name, _, rest = who.partition(",")
    if rest and not re.match(r"\s+(?:a|an|the|who|whose)\b", rest):
        return None  # '"goil," Olive Oyl, in the comic strip': a name in apposition, the sentence goes on
    found = _resolve(name.strip(), offset + after.index(who), "", context)
    return replace(found, cue=None) if found.kind == "named" and found.entity else None


def _before(before: str, offset: int, context) -> Attribution | None:
    match = _BEFORE_ACCORDING.search(before)
    if match:
        return _resolve(match.group("who"), offset + match.start("who"), "according to", context)
    match = _BEFORE_CUE.match(before)  # anchored: its leading ".*" finds the last verb in one pass
    if match is None:
        # "X released the following statement:", "X issued this statement when contacted by Y:"
        statement = _STATEMENT_BEFORE.search(before)
        return _subject(before, offset, statement, context) if statement else None
    if _participle_with_object(match.group("cue"), match.group("adjunct")):
        return None
    if _PASSIVE_BEFORE.search(before, 0, match.start("cue")):
        return Attribution("unnamed", cue=_cue(match, before))  # "Cosby was also asked, "..."": the asker is not named
    return _subject(before, offset, match, context) or Attribution("unnamed", cue=_cue(match, before))


# A statement handed out rather than spoken, introduced by a colon: its issuer is the subject.
_STATEMENT_BEFORE = re.compile(
    r"\b(?P<cue>released|issued|offered|posted|shared|sent|provided|put\s+out)\s+(?:the\s+following|this|these|the|a|an)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:statement|message|note|letter|response|comment|email|e-mail)s?\b"
    r"[^\"“”.!?:]{0,80}:\s*$")


# A name, alone or with its appositive, filling the rest of the quote's paragraph: the tag of a
# pull quote or a blurb, no verb.
_TAG_LINE = re.compile(r"[ \t]*(?:[—–]|--?)?[ \t]*(?P<who>(?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w'’-]+)"
                       r"(?:,[^\"“”\n]{0,160})?\s*$")
# A tag sentence after a quotation ending in a full stop: a name or "he", the verb, at most a few
# words ("on Sunday", "in a statement"), the sentence's end.
_SHORT_TAG = re.compile(rf"[ \t]*(?:(?:[A-Z][\w.'’-]*|he|she)[ \t]+){{1,5}}{_ADVERBS}(?:{SPEECH_VERBS})"
                        rf"(?:[ \t]+(?:on|in|at|to)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+)?)?[.]")
# A name given to a work right before its quotation marks ("in an article titled, "..."").
_TITLE_BEFORE = re.compile(r"\b(?:titled|entitled|headlined|headline)\s*[:,]?\s*$")
# "Cosby was also asked, "..."": the one asked does not speak, the asker is not named.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:also\s+|then\s+|later\s+)?$")
# 'one banner reading: "..."', 'a sign that read, "..."': words on a sign, no one's speech (ta120
# gave a banner's words to the president opening the sentence).
_SIGN_BEFORE = re.compile(r"\b(?:banners?|signs?|placards?|posters?|billboards?|T-shirts?|shirts?|graffiti|stickers?|"
                          r"plaques?)\s+(?:that\s+|which\s+)?(?:read|reads|reading|said|says|saying)\s*[:,]?\s*$")
# 'the phrase "Polish death camp"', 'the term "..."': words named, not spoken (ta120).
_PHRASE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:phrase|term|expression|word|words|hashtag|slogan)\s*$")
_HYPOTHETICAL_BEFORE = re.compile(r"\b(?:might|could|would|should)\s+have\s+[a-z]+\s*[,:]?\s*$")
# A speech noun and its owner: "Pope Francis' impassioned call", "the pope's message".
_SPEECH_NOUN = re.compile(r"(?P<owner>\b(?:[Tt]he\s+[a-z]+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))['’]s?\s+"
                          r"(?:[a-z-]+\s+){0,3}?(?:call|message|plea|appeal|warning|words|remarks?|comments?|"
                          r"description|promise|pledge|vow|demand)\b")
_LISTENER_PARTICIPLES = ("telling", "warning", "asking", "assuring", "reminding", "promising")
_LISTENER_THEN_CLAUSE = re.compile(r"(?:[\w'’-]+\s+){1,4}(?:that|to)\b")
_CLAUSE_START = re.compile(r"(?:that|he|she|they|it|we|I|there|his|her|their)\b")


def _participle_with_object(cue: str, after_cue: str) -> bool:
    """'adding the strip, "..."' is no speech: a participle cue stands right before its quote."""
    rest = after_cue.strip(" ,:")
    if cue.lower() in _LISTENER_PARTICIPLES and _LISTENER_THEN_CLAUSE.match(rest):
        return False  # "telling a citizen that he "..."": the listener, then the words
    return cue.lower() in PARTICIPLES and bool(rest) and not _CLAUSE_START.match(rest)


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
    if not sentence.strip() or re.search(r"[.!?]\s*$", sentence):
        return None  # the sentence ended before the quote opens: it frames nothing
    # "Pope Francis' impassioned call to be compassionate toward people who "..."": the owner of
    # a speech noun nearer the quote than any framing verb.
    noun = next(reversed(list(_SPEECH_NOUN.finditer(sentence))), None)
    verbs = [m for m in _FRAMING.finditer(sentence) if not _participle_with_object(m.group("cue"), sentence[m.end():])
             and not _PASSIVE_NAMING.search(sentence, 0, m.end())]
    # "Shumlin called Corbett's remark "..."": a speech noun that is the verb's object is what the
    # verb's subject describes; the quote is the subject's (Multi-News ta043).
    if noun and not any(v.start() > noun.start() or not sentence[v.end():noun.start()].strip() for v in verbs):
        owner = _resolve(noun.group("owner"), offset + sentence_start + noun.start("owner"), "", context)
        if owner.kind == "named" and owner.entity:
            return replace(owner, cue=None, partial=True)
    # The verb nearest the quote frames it ("As X notes, Dunn complained that he was "...").
    for match in reversed(list(_FRAMING.finditer(sentence))):
        if _participle_with_object(match.group("cue"), sentence[match.end():]) or _PASSIVE_NAMING.search(sentence, 0, match.end()):
            continue
        # Quoted words inside a sentence are a quote only when its speaker is sure: a pronoun
        # reaching back past its paragraphs ("He said most of the CIA's "black operations"") is not.
        found = _subject(before, offset, match, context, sentence_start, reach_back=False)
        if found and found.kind in ("named", "pronoun"):
            return replace(found, partial=True)
    return None


def _subject(before: str, offset: int, cue, context, base: int = 0, reach_back: bool = True) -> Attribution | None:
    """The subject of the speech verb `cue` (a match in before[base:]): a pronoun, an entity
    mention ending right before it (an appositive or relative clause allowed), a role ("the
    president wrote"), a capitalised name, or the named subject opening the sentence."""
    article, text, floor, quoted, speakers = context
    cue_at = offset + base + cue.start("cue")
    lead = text[offset:cue_at]
    label = _cue(cue, before[base:])
    pronoun = re.search(rf"\b(?P<p>[Hh]e|[Ss]he)\s+{_ADVERBS}$", lead)
    sentence_at = max((end for _, end in _sentence_breaks(lead, ends=True)), default=0)
    mentions = speakers.mentions_in(article, offset, cue_at)
    if not pronoun:
        # "..., he complained about the cell, but added:": the pronoun is the clause's subject
        # when no name comes after it.
        last_name = max((m[1] - offset for m in mentions), default=0)
        pronoun = next((p for p in reversed(list(_CLAUSE_PRONOUN.finditer(lead, sentence_at))) if p.start() >= last_name), None)
    if pronoun:
        entity = speakers.antecedent(article, offset + pronoun.start("p"), floor, pronoun.group("p"), quoted, reach_back)
        return _pronoun(entity, pronoun.group("p"), label)
    for start, end, entity in reversed(mentions):
        gap_text = text[end:cue_at]
        gap = _SUBJECT_GAP.match(gap_text) if not _PRONOUN_IN_GAP.search(gap_text) else None
        # A lone comma closes the name's own appositive ("The company, X, said"), not a phrase
        # the name ends ("X, director of Y, said" is X's); ", who told them" is the name's.
        if gap and (gap_text.count(",") != 1 or text[:start].rstrip().endswith(",")
                    or _RELATIVE_GAP.fullmatch(gap_text)):
            if _PREPOSITION_BEFORE.search(text, max(0, start - 12), start) and not _RELATIVE_GAP.fullmatch(gap_text):
                return Attribution("unnamed", cue=label)  # "A spokesperson for X told ...": not X
            return _named(entity, "named", label)
    kin = KIN_BEFORE_VERB.search(lead)
    owner = next((m for m in mentions if m[1] == offset + kin.start()), None) if kin else None
    if owner is not None and owner[2].type == "person":
        relative = speakers.relative_ahead(article, cue_at, owner[2], kin.group("role"))
        return _named(relative, "named", label) if relative else Attribution("unnamed", cue=label)
    document = _DOCUMENT_BEFORE.search(lead)
    if document:  # "The index's mission statement reads:": its author
        owner = _resolve(document.group("owner"), offset + document.start("owner"), label, context)
        if owner.entity:
            return owner
    role = _ROLE_BEFORE.search(lead) or _ROLE_OF_BEFORE.search(lead)
    if role and (_PREPOSITION_BEFORE.search(lead, 0, role.start()) or _PREPOSITION_END.search(role.group(0))):
        # "a representative at the zoo tells", "sent a message to members of the board claiming",
        # "prefaced the announcement of the resignation by saying": the role is no subject
        role = None
    if role:
        entity = speakers.role_referent(article, role.group(1), offset + role.start(1), floor, quoted)
        return _named(entity, "named", label) if entity else None
    name = _NAME_BEFORE.search(lead) or _NAME_THEN_GAP.match(lead, sentence_at)
    # "Bentdahl's family said" (the "-ly" of "family" reads as an adverb): the family speaks
    if name and not _not_a_name(name.group(1).split()[0]) and not name.group(1).endswith(("'s", "’s")):
        return _by_name(name.group(1), speakers, label, article)
    return _sentence_subject(article, text, offset, cue_at, cue.group("cue"), label, speakers)


_PREPOSITIONS = r"(?:of|for|at|with|to|from|by|in|on|about|against|toward|towards)"
_PREPOSITION_BEFORE = re.compile(rf"\b{_PREPOSITIONS}\s+$")
_PREPOSITION_END = re.compile(rf"\b{_PREPOSITIONS}\s*$")
_CLAUSE_PRONOUN = re.compile(r"(?:^|[,;]\s*|\b(?:and|but|then)\s+)(?P<p>[Hh]e|[Ss]he)\s+[a-z]+")
_PRONOUN_IN_GAP = re.compile(r"\b(?:he|she|they|we|I)\b")
# A name opening the sentence, its appositive between commas, then the verb ("Amara Okafor, the
# station commander, said:") when the model did not tag the name.
_NAME_THEN_GAP = re.compile(rf"\s*((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[A-Z][\w'’-]+\s+){{0,3}}[A-Z][\w'’-]+)"
                            rf"(?:,[^\"“”]{{0,120}}?,)?\s+{_ADVERBS}$")
_RELATIVE_GAP = re.compile(rf",\s+(?:who|whose)\s+{_ADVERBS}")


def _sentence_subject(article: str, text: str, offset: int, cue_at: int, cue: str, label: str,
                      speakers: Speakers) -> Attribution | None:
    """The person or organization opening the cue's sentence ("Walden pivoted toward a door and
    said", "Trump on Sunday continued his attacks, tweeting"), when no other person stands
    between it and the verb; a participle ("saying") may follow an object ("praised X, saying")."""
    lead = text[offset:cue_at]
    start_at = offset + max((end for _, end in _sentence_breaks(lead, ends=True)), default=0)
    mentions = speakers.mentions_in(article, start_at, cue_at)
    for start, end, entity in mentions:
        if not _SENTENCE_OPENER.match(text[start_at:start]):
            continue
        if text.startswith(("'s", "’s"), end):
            return None  # "Obama's spokesman said": someone else speaks
        others = [m for m in mentions if m[0] >= end and m[2].type == "person" and m[2].id != entity.id]
        # A participle ("praised X, saying") or a second verb ("denied he was X and said") has
        # the sentence's subject whatever objects come between.
        if cue.lower() in PARTICIPLES or not others or re.search(r"\band\s+(?:then\s+)?$", lead):
            return _named(entity, "named", label)
        return None
    # A surname the model did not tag opening the sentence ("Dunn who placed the calls ... made
    # efforts"), in a sentence naming no one else: the one person of the article it can be.
    name = None if mentions else _UNTAGGED_SUBJECT.match(text, start_at, cue_at)
    if name and not _not_a_name(name.group(1).split()[0]) and not name.group(1).endswith(("'s", "’s")):
        entity = speakers.lookup(name.group(1), article)
        if entity is not None:
            return _named(entity, "named", label)
    return None


_UNTAGGED_SUBJECT = re.compile(r"\s*(?:[^\"“”,;:]{1,80},\s+)?((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+)(?:,?\s+who\b|\s+[a-z])")


def _resolve(who: str, start: int, cue: str, context) -> Attribution:
    """A speaker phrase after the quote ("he", "Mr. Rubaie", "fire chief X", "a witness")."""
    article, text, floor, quoted, speakers = context
    if _PRONOUN.match(who.strip()):
        entity = speakers.antecedent(article, start, floor, who.strip(), quoted)
        return _pronoun(entity, who.strip(), cue)
    if who.strip() == "it":  # '"...," it said in a filing': the organization the sentences before are about
        entity = speakers.organization_antecedent(article, start, floor, quoted)
        return _named(entity, "named", cue) if entity else Attribution("unnamed", cue=cue)
    end = start + len(who)
    mentions = speakers.mentions_in(article, start, end)
    for m_start, m_end, entity in sorted(mentions, key=lambda m: m[2].type != "person"):
        if text.startswith(("'s", "’s"), m_end):
            continue  # "Kushner's lawyer, Jamie Gorelick": the possessor does not speak
        if _title_before_name(text, m_start, m_end, [m[:2] for m in mentions]):
            continue  # "LAPD Det. Christopher Barling": a title the model took for a person
        prefix = text[start:m_start]
        head = _ROLE_PREFIX.match(prefix) and not _NOT_HEAD.search(prefix)
        if entity.type == "person" and not text[m_end:end].strip(" ,."):
            # "the satirist and political commentator X", "the leader of the opposition, X,":
            # a description, or a role set off before the name, ends the phrase with the name
            head = head or _DESCRIPTION.fullmatch(prefix) or _ROLE_THEN_NAME.fullmatch(prefix)
        if entity.type == "organization":
            head = not re.sub(r"^(?:the|The)\s+", "", prefix).strip() and not text[m_end:end].strip(" ,.")
        if head:
            return _named(entity, "named", cue)
    bare = who.strip()
    kin = PRONOUN_KIN.match(bare)
    if kin:  # "his mother said": the relative the story names for the one "he" is
        possessor = speakers.antecedent(article, start, floor, "he" if kin.group("p").lower() == "his" else "she", quoted)
        relative = speakers.relative(article, possessor, kin.group("role"))
        return _named(relative, "named", cue) if relative else Attribution("unnamed", cue=cue)
    if _THE_STATEMENT.match(bare):
        issuer = _statement_issuer(start, context)
        if issuer is not None:
            return replace(issuer, cue=cue)
    document = _DOCUMENT_OWNER.match(bare)
    if document:  # "the group's statement", "the index's website": its author
        owner = _resolve(document.group("owner"), start, cue, context)
        if owner.entity:
            return owner
    role = _ROLE_PHRASE.match(bare)
    if role:
        entity = speakers.role_referent(article, role.group(1), start, floor, quoted)
        return _named(entity, "named", cue) if entity else Attribution("unnamed", cue=cue)
    epithet = _EPITHET_PHRASE.match(bare)
    if epithet:
        entity = speakers.role_referent(article, epithet.group("head"), start, floor, quoted)
        return _named(entity, "named", cue) if entity else Attribution("unnamed", cue=cue)
    bare = bare.split(",")[0].strip()  # "Amara Okafor, the station commander"
    if _CAPITALISED_NAME.match(bare) and not _not_a_name(bare.split()[0]):
        return _by_name(bare, speakers, cue, article)
    return Attribution("unnamed", cue=cue)


_DESCRIPTION = re.compile(r"(?:the|a|an)\s+(?:(?!(?:of|for|to|with|by|from|at|in|on|about|against|than|or|said|says|told|"
                          r"that)\b)[a-z-]+\s+)+")
_ROLE_THEN_NAME = re.compile(r"(?:the|a|an)\s+[a-z][^,\"“”]{0,80},\s+")


def _title_before_name(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """A mention ending in a title's abbreviation ("LAPD Det", "Police Sgt") right before
    another mention: the title of the name after it, not a speaker of its own."""
    last = fold(text[start:end].split()[-1]).rstrip(".") if text[start:end].split() else ""
    return ((last in TITLES or last in _ABBREVIATIONS) and text.startswith(".", end)
            and any(s == end + 2 or (s > end and not text[end + 1:s].strip()) for s, _ in spans))


def _by_name(name: str, speakers: Speakers, cue: str, article: str | None = None) -> Attribution:
    form = split_name(name).form.lower().rstrip(".")
    if form in TITLES | set(HONORIFICS):
        # "said Sgt." with the name cut off; but "Mayor said" is Adrienne Mayor's when the
        # article names one person so.
        full = speakers.title_as_surname(article, name.strip()) if article else None
        return _by_name(full, speakers, cue) if full else Attribution("unnamed", cue=cue)
    entity = speakers.lookup(name)
    if entity is not None:
        return _named(entity, "named", cue)
    return Attribution("named", split_name(name).form, None, cue)


def _pronoun(entity: Entity | None, pronoun: str, cue: str) -> Attribution:
    gender = "f" if pronoun.lower() == "she" else "m"
    if entity is None:
        return Attribution("unnamed", cue=cue, pronoun_gender=gender)
    return Attribution("pronoun", entity.name, entity.id, cue, pronoun_gender=gender)


def _named(entity: Entity, kind: str, cue: str) -> Attribution:
    return Attribution(kind, entity.name, entity.id, cue)


def _cue(match, text: str) -> str:
    cue = match.group("cue")
    if cue.lower() in ("told", "tells"):
        obj = re.match(r"\s+((?:the\s+)?[\w'’-]+)", text[match.end("cue"):])
        return f"{cue} {obj.group(1)}" if obj else cue
    return cue


"""People, organizations and places, every surface form of one entity merged (issue 5).

    find_entities(articles, sentences) -> list[Entity]

1. spaCy's NER (`storydesk.nlp.get_nlp`, only its `ner` component runs) reads each paragraph.
2. Each mention is cut to its name: a leading "the" and a possessive go, an honorific right
   before it ("Mr.", "Dr") is kept in the mention, and its type is corrected by its head word
   ("Ferrymead Marina" is a place whatever the model says).
3. Forms merge: full names of people when surname and given name agree (small misspellings and
   transliterations allowed), a surname alone ("Mr. Rubaie", "al-Rubiae") with the one full name
   it fits (the one in the same article when several people share it), organizations and places
   by their spelling-folded words, acronyms with the expansion the text defines.
4. Every article is read once more for the forms found, so a name the model missed in one
   paragraph ("PORT AVERLY", "NHSB" alone) still counts as a mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storydesk.extract.names import (
    ACRONYM_CONNECTORS,
    ARABIC_PREFIX,
    CHROME_WORDS,
    GENDERED_ROLES,
    HONORIFICS,
    NAME_PARTICLES,
    PERSON_ROLES,
    TITLES,
    NameParts,
    close_spelling,
    find_acronyms,
    given_names_agree,
    is_acronym,
    speaker_name_spans,
    split_name,
    surname_form,
)
from storydesk.lexicon import REPORTING_PATTERN
from storydesk.model import Article, Entity, Sentence, Span

# spaCy labels kept, as the Entity type vocabulary. NORP ("Iraqi", "Democrats"), dates and
# numbers are not entities here; LAW, PRODUCT and WORK_OF_ART are kept as "other".
LABEL_TYPES = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
    "EVENT": "event", "LAW": "other", "PRODUCT": "other", "WORK_OF_ART": "other",
}
# Head words that settle the type whatever the model said (it calls "Ferrymead Marina" a person
# and "Northgate Dock" an organization).
PLACE_HEADS = frozenset({
    "dock", "docks", "marina", "row", "street", "st", "road", "rd", "avenue", "ave", "lane", "square",
    "bridge", "park", "river", "lake", "island", "islands", "bay", "harbor", "port", "airport",
    "station", "mountain", "mountains", "valley", "province", "district", "county", "city", "town",
    "village", "hall", "stadium", "arena", "beach", "coast", "sea", "ocean", "gulf", "strait",
    "peninsula", "desert", "forest", "canyon", "boulevard", "highway", "quay", "pier", "terminal",
    "plaza", "heights", "hill", "hills", "region", "territory", "canal", "creek",
})
ORG_HEADS = frozenset({
    "board", "council", "authority", "logistics", "inc", "ltd", "corp", "corporation", "company",
    "co", "group", "party", "ministry", "department", "agency", "service", "services", "commission",
    "committee", "university", "college", "school", "hospital", "bank", "association", "union",
    "institute", "court", "army", "navy", "police", "press", "news", "times", "post", "chamber",
    "commerce", "foundation", "federation", "league", "club", "society", "network", "bureau",
    "office", "administration", "organization", "coalition", "alliance", "fund", "trust",
    "brigade", "force", "forces", "guard", "airlines", "airways", "systems", "technologies",
    "holdings", "partners", "industries", "llp", "llc", "plc", "gmbh", "motors", "media", "herald", "tribune", "courier",
    "journal", "gazette", "daily", "independent", "reuters", "church", "parliament", "congress",
    "senate", "assembly", "cabinet", "government", "family",
})
# Web platforms the model reads as people where a story says "said on Twitter" (Multi-News ta092,
# ta124 and ten more clusters); none is anyone's name.
PLATFORMS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "snapchat", "reddit", "tiktok", "linkedin", "whatsapp",
    "pinterest", "tumblr", "gofundme", "kickstarter", "wikipedia", "google", "netflix", "spotify",
})
# Head words that are also common surnames: they do not overrule the model's PERSON.
SURNAME_HEADS = frozenset({
    "hall", "park", "hill", "hills", "church", "post", "press", "bridge", "lane", "town", "court",
    "guard", "daily", "times", "family", "king", "row", "center", "city", "union", "bay", "island",
})
# Components of en_core_web_sm that NER does not need (it has its own token-to-vector layer).
NER_ONLY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
NER_BATCH_SIZE = 64
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(HONORIFICS)})\.?\s+$", re.I)
_NAME_CHARS = re.compile(r"^[\w.'’&-]+$")
_HONORIFIC = rf"(?:(?:{'|'.join(h.capitalize() for h in HONORIFICS)})\.?\s+)"
_SURNAME_KEY = "surname:"
_PREVIOUS_NAME_WORD = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z'’-]+[ \t]+$")  # on the same line
_PLACE_OF_BEFORE = re.compile(r"\b(?:village|town|city|province|region|district|island|county|state|port)\s+of\s+$", re.I)
_OWNER_BEFORE_NAME = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:['’]s|s['’])\s+(?=[A-Z][\w.'’-]+\s+[A-Z])")
# Words for a person right before a name: what the name is can only be someone's.
PERSON_WORDS = PERSON_ROLES | {
    "quarterback", "player", "athlete", "singer", "rapper", "actor", "actress", "author", "writer", "reporter",
    "journalist", "activist", "student", "pastor", "priest", "bishop", "rabbi", "imam", "suspect", "defendant",
    "plaintiff", "soldier", "veteran", "pilot", "comedian", "musician", "producer", "candidate", "nominee",
    "pitcher", "linebacker", "goalkeeper", "striker", "teammate", "rookie", "astronaut",
}
_ROLE_WORD_BEFORE = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(PERSON_WORDS))})[ \t]+$")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|near|into|across|outside|inside|to)\s+$")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|from|near|into|across|outside|inside)\s+$")


@dataclass(eq=False)  # compared by identity: two mentions of one spelling are still two
class _Mention:
    article: str
    start: int
    end: int
    surface: str
    type: str
    parts: NameParts


@dataclass(eq=False)
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)
    defined_acronyms: set[str] = field(default_factory=set)


def find_entities(articles: list[Article], sentences: list[Sentence]) -> list[Entity]:
    """The story's entities, each with every surface form, mention span and source."""
    texts = {a.id: a.text for a in articles}
    mentions = [m for m in _ner_mentions(articles, sentences) if m is not None]
    mentions += _outlet_mentions(articles, mentions)
    _speaking_surnames(mentions, texts)
    clusters = _merge(mentions, texts)
    _rescan(clusters, texts)
    return _to_entities(_without_common_words(clusters, texts), articles)


_SPEECH_AFTER = re.compile(rf"\s+(?:{REPORTING_PATTERN})\b")


def _speaking_surnames(mentions: list[_Mention], texts: dict[str, str]) -> None:
    """'Hesse acknowledged that ...' in an article naming Dan Hesse: a lone word the model calls a
    place or an organization (the German state) is the person when it is the surname of someone
    the article names in full and a speech verb follows it."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "person" and len(m.parts.core) >= 2:
            surnames[m.article].add(m.parts.tokens[-1])
    lone = [m for m in mentions if m.type != "person" and len(m.parts.tokens) == 1 and m.parts.tokens[0] in surnames[m.article]]
    speaking = {(m.article, m.parts.tokens[0]) for m in lone if _SPEECH_AFTER.match(texts[m.article], m.end)}
    # 'talk to Cosby', 'result in Cosby facing' (Multi-News ta172): the word the article mostly
    # gives that person alone is that person in its other mentions too; a place the article mostly
    # names as a place ("in Washington" beside George Washington) stays one.
    as_person = Counter((m.article, m.parts.tokens[0]) for m in mentions if m.type == "person" and len(m.parts.tokens) == 1)
    as_other = Counter((m.article, m.parts.tokens[0]) for m in lone)
    mostly_person = {key for key, n in as_other.items() if as_person[key] > n}
    for m in lone:  # every lone mention of that surname in the article, so that they stay one
        if (m.article, m.parts.tokens[0]) in speaking | mostly_person:
            m.type = "person"


def _outlet_mentions(articles: list[Article], found: list[_Mention]) -> list[_Mention]:
    """The outlets' own names where the text prints them ("(Meridian Press)" in a dateline): an
    outlet is a known organization even where the model misses it."""
    outlets = {a.source for a in articles if a.source and len(a.source.split()) >= 2}
    if not outlets:
        return []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in found:
        taken[m.article].append((m.start, m.end))
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(outlets, key=len, reverse=True))) + r")(?![\w-])")
    extra = []
    for article in articles:
        spans = sorted(taken[article.id])
        for match in regex.finditer(article.text):
            if not _overlaps(spans, *match.span()):
                extra.append(_Mention(article.id, *match.span(), match.group(), "organization", split_name(match.group())))
    return extra


# ---- 1. the model ---------------------------------------------------------------------------

def _paragraph_spans(article: Article, sentences: list[Sentence]) -> list[tuple[int, int]]:
    spans: dict[int, list[int]] = {}
    for s in sentences:
        span = spans.setdefault(s.paragraph, [s.start, s.end])
        span[0], span[1] = min(span[0], s.start), max(span[1], s.end)
    if not spans and article.text.strip():
        from storydesk.segment import paragraph_spans

        return paragraph_spans(article.text)
    return [tuple(v) for _, v in sorted(spans.items())]


_DASH_AFTER_QUOTE = re.compile(r"(?<=[\"”])[—–](?=[A-Z])")


def _ner_mentions(articles: list[Article], sentences: list[Sentence]) -> Iterable[_Mention | None]:
    from storydesk.nlp import get_nlp

    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_article[s.article].append(s)
    chunks = [
        (a, start, end)
        for a in articles
        for start, end in _paragraph_spans(a, by_article.get(a.id, []))
    ]
    if not chunks:
        return
    nlp = get_nlp()
    # '"..."—Connie Britton': the model reads "—Connie" as one word; a space of the same length keeps offsets.
    docs = nlp.pipe((_DASH_AFTER_QUOTE.sub(" ", a.text[s:e]) for a, s, e in chunks), batch_size=NER_BATCH_SIZE,
                    disable=[p for p in NER_ONLY_DISABLE if p in nlp.pipe_names])
    for (article, offset, end), doc in zip(chunks, docs, strict=True):
        found = [
            _make_mention(article, offset + ent.start_char, offset + ent.end_char, kind)
            for ent in doc.ents if (kind := LABEL_TYPES.get(ent.label_))
        ]
        at = {(m.start, m.end): m for m in found if m}
        for start, stop, strong in speaker_name_spans(article.text, offset, end):
            name = _make_mention(article, start, stop, "person")
            if name is None or name.type != "person":
                continue
            same = at.get((name.start, name.end))
            if same is not None:
                if strong and same.type != "person" and not set(same.parts.tokens) & ORG_HEADS:
                    same.type = "person"  # "its spokesman, Petter Lunde, said": the model said ORG
            elif not _overlaps(sorted(at), name.start, name.end):
                found.append(name)
        yield from found


# ---- 2. mentions cut to names -----------------------------------------------------------------

def _make_mention(article: Article, start: int, end: int, kind: str) -> _Mention | None:
    """The mention cut to the name itself, or None when what the model found is not a name."""
    text = article.text
    surface = text[start:end]
    # Leading "the" (or "an"/"a" the model took in: "An American Civil Liberties Union lawyer")
    # and trailing possessive or punctuation are not part of the name.
    # A sentence's opening conjunction the model took in ("But Riese says ...", Multi-News ta083).
    lead = re.match(r"^(?:the|The|THE)\s+|^(?:An|A)\s+(?=[A-Z][a-z])|^(?:But|And|Or|So|Yet|Then|Still)\s+(?=[A-Z])",
                    surface)
    if lead:
        start += lead.end()
    trail = re.search(r"(?:'s|’s|[’',;:])+$", text[start:end])
    if trail:
        end -= len(trail.group())
    if kind in ("person", "organization"):
        # "New York Times’ Manohla Dargis", "CNN's Bill Weir": the outlet before a person's name
        # (Multi-News ta247 listed a speaker "New York Times’ Manohla Dargis"); not "St. Jude
        # Children's Research Hospital", whose words after the possessive name an institution.
        owner = _OWNER_BEFORE_NAME.match(text, start, end)
        if owner and not set(split_name(text[owner.end():end]).tokens) & (ORG_HEADS | PLACE_HEADS):
            start = owner.end()
    honorific = _HONORIFIC_BEFORE.search(text, max(0, start - 6), start)
    if honorific:
        start = honorific.start()
    surface = text[start:end]
    parts = split_name(surface)
    if not _looks_like_name(parts, surface):
        return None
    kind = _corrected_type(kind, parts)
    if (kind != "person" and 2 <= len(parts.core) <= 3 and not set(parts.tokens) & (ORG_HEADS | PLACE_HEADS)
            and not is_acronym(surface) and _ROLE_WORD_BEFORE.search(text, max(0, start - 24), start)):
        kind = "person"  # "quarterback Kain Colter", typed ORG by three outlets (Multi-News ta065)
    if kind == "person" and not parts.has_title and (
            (len(parts.core) == 1 and _LOCATIVE_BEFORE.search(text, max(0, start - 8), start))
            or _PLACE_OF_BEFORE.search(text, max(0, start - 24), start)):
        kind = "place"  # "at the hospital in Skarvik", "the village of Ano Sarnos": not people
    return _Mention(article.id, start, end, surface, kind, parts)


def _looks_like_name(parts: NameParts, surface: str) -> bool:
    words = parts.form.split()
    if not words or len(words) > 8 or len(parts.form) < 2 or "\n" in surface:
        return False
    if not all(_NAME_CHARS.match(w) for w in words):
        return False
    if len(words) == 1 and words[0].lower().rstrip(".") in TITLES | set(HONORIFICS):
        return False  # "Cmdr." alone: the title, not the name
    if len(words) >= 2 and all(w.lower() in CHROME_WORDS for w in words):
        return False  # "Story Continued Below", "Facebook Twitter Pinterest": page furniture
    if len(words) >= 2 and words[0].lower().replace(".", "") == "rip":
        return False  # a tweet's "RIP PRODIGY sleep well king": a farewell, not a person (Multi-News ta021)
    # A name starts with a capital (or "al-") and has no lowercase words but particles and
    # connectors: "grey snow" is not a name, "Port Averly Chamber of Commerce" is.
    if not (words[0][0].isupper() or ARABIC_PREFIX.match(words[0])):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in NAME_PARTICLES or w.lower() in ACRONYM_CONNECTORS
               or ARABIC_PREFIX.match(w) for w in words)


def _corrected_type(kind: str, parts: NameParts) -> str:
    """The model's type, overruled by a two-word name's head word ("Ferrymead Marina": place)."""
    if kind == "person" and any(ch.isdigit() for ch in parts.form):
        return "other"  # "Bushmaster AR-15" (Multi-News ta191): no one's name holds a figure
    if len(parts.tokens) < 2:
        return "organization" if kind == "person" and parts.tokens and parts.tokens[0] in PLATFORMS else kind
    head = parts.tokens[-1]
    if kind == "person" and head in SURNAME_HEADS:
        return kind
    if head in ORG_HEADS:
        return "organization"
    if head in PLACE_HEADS:
        return "place"
    return kind


# ---- 3. merging -----------------------------------------------------------------------------

def _merge(mentions: list[_Mention], texts: dict[str, str]) -> list[_Cluster]:
    """Clusters of mentions that name one entity."""
    by_key: dict[tuple[str, tuple[str, ...]], _Cluster] = {}
    for m in mentions:
        if is_acronym(m.surface) and m.type == "person":
            m.type = "organization"
        group = "person" if m.type == "person" else "thing"
        by_key.setdefault((group, m.parts.key), _Cluster()).mentions.append(m)

    people = [c for (g, _), c in by_key.items() if g == "person"]
    things = [c for (g, _), c in by_key.items() if g == "thing"]
    single_people = [c for c in people if len(c.mentions[0].parts.core) < 2]
    # A full name the model typed as a place or organization is a person's when that person's
    # surname stands alone with a title elsewhere ("Amara Okafor" tagged GPE, "Ms. Okafor").
    lone_surnames = {c.mentions[0].parts.core[0] for c in single_people if any(m.parts.has_title for m in c.mentions)}
    # So is a full name the model also gives a person ("ABC News’ Linsey Davis" read as one
    # organization beside "Linsey Davis" the person, Multi-News ta172).
    full_keys = {key for (g, key), c in by_key.items() if g == "person" and len(c.mentions[0].parts.core) >= 2}
    misread = [c for c in things if _misread_person(c, lone_surnames) or (
        c.mentions[0].parts.key in full_keys and not set(c.mentions[0].parts.tokens) & (ORG_HEADS | PLACE_HEADS))]
    for cluster in misread:
        for m in cluster.mentions:
            m.type = "person"
    things = [c for c in things if c not in set(misread)]
    full_names = [c for c in people if len(c.mentions[0].parts.core) >= 2] + misread
    full_names = _merge_full_names(full_names)
    things = _merge_things(things)

    # A lone word the model called a thing may be a person's surname ("El-Amrani"; "But Boehner
    # first wants ..." typed ORG, PLACE and EVENT by turns, Multi-News ta160, ta112).
    surname_index = defaultdict(list)
    for person in full_names:
        surname_index[_surname(person)[:2]].append(person)
    full_surnames = {m.parts.core[-1] for person in full_names for m in person.mentions if len(m.parts.core) >= 2}
    lone_things, split_off = [], []
    for cluster in things:
        if len(cluster.mentions[0].parts.core) != 1 or is_acronym(cluster.mentions[0].surface):
            continue
        if cluster.mentions[0].parts.core[0] not in full_surnames:  # no one of the story has it in full
            if cluster.mentions[0].type in ("organization", "other"):
                lone_things.append(cluster)  # a surname spelled otherwise, or several people's
            continue
        places = [m for m in cluster.mentions if _stays_a_place(m, texts)]
        if len(places) < len(cluster.mentions):
            lone_things.append(cluster)
            if places:
                staying = set(places)
                cluster.mentions = [m for m in cluster.mentions if m not in staying]
                split_off.append(_Cluster(places))
    things += split_off
    leftovers = []
    genders = _Genders(texts)
    for cluster in single_people + lone_things:
        if not _attach_surname(cluster, surname_index, genders):
            leftovers.append(cluster)
    # A lone word the model called an organization joins a lone surname of the same word that
    # several people share ("Dunn fired 10 shots" beside "Dunn wrote"): one ambiguous surname; or
    # that someone speaks under ("Bradley said" beside "Bradley and Tiukhtyaev's balloon").
    lone_surnames = {c.mentions[0].parts.core[0]: c for c in leftovers if c not in set(lone_things) and c.mentions}
    for cluster in [c for c in leftovers if c in set(lone_things)]:
        same = lone_surnames.get(cluster.mentions[0].parts.core[0]) if cluster.mentions else None
        if same is not None and (any(_surname(p) == cluster.mentions[0].parts.core[0] for p in full_names)
                                 or any(_SPEECH_AFTER.match(texts[m.article], m.end) for m in same.mentions)):
            for m in cluster.mentions:
                m.type = "person"
            same.mentions.extend(cluster.mentions)
            cluster.mentions = []
    _attach_given_names([c for c in leftovers if c.mentions], full_names)
    lone, kept = set(lone_things), set(leftovers)
    things = [c for c in things if (c not in lone or c in kept) and c.mentions]
    people = full_names + [c for c in leftovers if c not in lone]
    things = _attach_acronyms(things, texts)
    _join_outnumbered_people(people, things, full_surnames, texts)
    return [c for c in people + things if c.mentions]


def _join_outnumbered_people(people: list[_Cluster], things: list[_Cluster], full_surnames: set[str],
                             texts: dict[str, str]) -> None:
    """A name the model types a person now and then but a thing more often is that thing ("Salon"
    once a person beside six organizations, "Nepal" twice beside 26 places, "the Right Stuff",
    "the Dead"; Multi-News ta092, ta007, ta044), unless the text marks it a person's anywhere
    ("President Trump", "Trump said", "his mother, Dina", "a schoolboy named Marcus": the model
    types some people's names as things throughout) or it is the surname of someone the story
    names in full (those join that person)."""
    largest: dict[tuple[str, ...], _Cluster] = {}
    for cluster in things:
        for key in {m.parts.key for m in cluster.mentions}:
            if len(cluster.mentions) > len(largest.get(key, _Cluster()).mentions):
                largest[key] = cluster
    for cluster in people:
        keys = {m.parts.key for m in cluster.mentions}
        thing = largest.get(next(iter(keys))) if len(keys) == 1 else None
        if (thing is None or len(thing.mentions) <= len(cluster.mentions)
                or cluster.mentions[0].parts.core[-1] in full_surnames and len(cluster.mentions[0].parts.core) == 1
                or any(_marked_a_person(m, texts) for m in cluster.mentions + thing.mentions)):
            continue
        for m in cluster.mentions:
            m.type = thing.mentions[0].type
        thing.mentions.extend(cluster.mentions)
        cluster.mentions = []


def _attach_given_names(lone: list[_Cluster], full_names: list[_Cluster]) -> None:
    """A given name alone ("Raffaele", "Meredith": a feature's or a friend's way of naming, Multi-News
    ta133) joins the one person of the story with that given name, when no one has it as a surname
    and no title stands with it ("Ms Kercher" is a surname). Only a word the model read as a person's:
    one it typed otherwise may be no given name at all ("Jordan", "Georgia", "Apple")."""
    given: dict[str, set[int]] = defaultdict(set)
    for i, person in enumerate(full_names):
        for m in person.mentions:
            if len(m.parts.core) >= 2:
                given[m.parts.core[0]].add(i)
    surnames = {_surname(p) for p in full_names}
    for cluster in lone:
        parts = cluster.mentions[0].parts
        owners = given.get(parts.core[0], set()) if len(parts.core) == 1 else set()
        if (len(owners) != 1 or parts.core[0] in surnames or any(m.parts.has_title for m in cluster.mentions)
                or any(m.type != "person" for m in cluster.mentions)):
            continue
        for m in cluster.mentions:
            m.type = "person"
        full_names[next(iter(owners))].mentions.extend(cluster.mentions)
        cluster.mentions = []


_PERSON_MARK_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(sorted(PERSON_WORDS | TITLES | set(HONORIFICS) | {'named', 'called'}))})\.?,?[ \t]+$", re.I)


def _marked_a_person(mention: _Mention, texts: dict[str, str]) -> bool:
    """A title or a word for a person right before the name, or a speech verb after it."""
    text = texts[mention.article]
    return (mention.parts.has_title or bool(_PERSON_MARK_BEFORE.search(text, max(0, mention.start - 30), mention.start))
            or bool(_SPEECH_AFTER.match(text, mention.end)))


def _stays_a_place(mention: _Mention, texts: dict[str, str]) -> bool:
    """A lone word typed place or event is not a person's surname where it follows "in", "from" and
    the like ("arrived in Washington"); "to Trump" and "at Zirkle" are said of people too."""
    return mention.type in ("place", "event") and bool(
        _PLACE_PREPOSITION_BEFORE.search(texts[mention.article], max(0, mention.start - 8), mention.start))


def _misread_person(cluster: _Cluster, lone_surnames: set[str]) -> bool:
    parts = cluster.mentions[0].parts
    return (2 <= len(parts.core) <= 4 and parts.core[-1] in lone_surnames
            and not set(parts.tokens) & (ORG_HEADS | PLACE_HEADS) and not is_acronym(cluster.mentions[0].surface))


def _surname(cluster: _Cluster) -> str:
    return Counter(m.parts.core[-1] for m in cluster.mentions).most_common(1)[0][0]


def _given(cluster: _Cluster) -> set[str]:
    return {m.parts.core[0] for m in cluster.mentions if len(m.parts.core) >= 2}


def _merge_full_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """Full names of one person: surnames spelled alike and given names that agree, or one name
    the end of the other ("Jing Xu" and "Alison Jing Xu")."""
    merged: list[_Cluster] = []
    by_prefix: dict[str, list[_Cluster]] = defaultdict(list)
    for cluster in sorted(clusters, key=lambda c: -len(c.mentions)):
        surname, given = _surname(cluster), _given(cluster)
        target = next(
            (other for other in by_prefix[surname[:2]]
             if close_spelling(surname, _surname(other))
             and (any(given_names_agree(a, b) for a in given for b in _given(other)) or _one_ends_other(cluster, other))),
            None,
        )
        if target is None:
            merged.append(cluster)
            by_prefix[surname[:2]].append(cluster)
        else:
            target.mentions.extend(cluster.mentions)
    return merged


def _one_ends_other(a: _Cluster, b: _Cluster) -> bool:
    cores_a = {m.parts.core for m in a.mentions}
    cores_b = {m.parts.core for m in b.mentions}
    return any(x[-len(y):] == y or y[-len(x):] == x for x in cores_a for y in cores_b if min(len(x), len(y)) >= 2)


def _attach_surname(cluster: _Cluster, surname_index: dict[str, list[_Cluster]], genders: _Genders) -> bool:
    """Give a surname-only mention to the one person it fits; False when none or ambiguous.

    A title's gender is evidence against a merge: "Mrs. Yeltsin" is not Boris Yeltsin when the
    text calls him "he", and "Mr. Keller" picks Thomas Keller, not Ruth. Several people sharing
    the surname are told apart per article: a mention goes to the one of them that article names
    in full; with several, a titled mention to the one of its gender; otherwise it stays on its
    own (a bare "Smith" after "Shimron Smith" and "Shawn J. Smith" is either: neither the one
    named first nor the one named last is right often enough).
    """
    word = cluster.mentions[0].parts.core[0]
    candidates = surname_index.get(word[:2], [])
    exact = [p for p in candidates if _surname(p) == word]
    fits = exact or [p for p in candidates if close_spelling(word, _surname(p))]
    if not fits:
        return False
    kept = []
    for m in cluster.mentions:
        here = fits if len(fits) == 1 else [p for p in fits if any(pm.article == m.article for pm in p.mentions)]
        if m.parts.gender:
            here = [p for p in here if genders.of(p) in (None, m.parts.gender)]
            if len(here) > 1:
                here = [p for p in here if genders.of(p) == m.parts.gender]
        if len(here) == 1:
            m.type = "person"
            here[0].mentions.append(m)
        else:
            kept.append(m)
    cluster.mentions = kept
    return not kept


class _Genders:
    """What the text says about each full-named person's gender, read once per cluster: a title
    or a gendered role word before a mention ("her brother Thomas Keller"), or a pronoun after
    it before anyone else is named ("Ruth Keller defended the cuts, and her ...")."""

    def __init__(self, texts: dict[str, str]):
        self.texts = texts
        self.known: dict[int, str | None] = {}

    def of(self, cluster: _Cluster) -> str | None:
        if id(cluster) not in self.known:
            votes: Counter = Counter()
            for m in cluster.mentions:
                text = self.texts.get(m.article, "")
                if m.parts.gender:
                    votes[m.parts.gender] += 3
                role = re.search(r"([^\W\d_]+)\W*$", text[max(0, m.start - 25):m.start])
                if role and GENDERED_ROLES.get(role.group(1).lower()):
                    votes[GENDERED_ROLES[role.group(1).lower()]] += 3
                after = re.match(r"[^.!?\"“”]{0,120}", text[m.end:m.end + 120]).group()
                after = re.split(r"\b[A-Z][a-z]+ [A-Z][a-z]+", after)[0]  # up to the next name
                male = bool(re.search(r"\b(?:he|his|him|himself)\b", after))
                female = bool(re.search(r"\b(?:she|her|hers|herself)\b", after))
                if male != female:
                    votes["m" if male else "f"] += 1
            top = votes.most_common(2)
            self.known[id(cluster)] = top[0][0] if top and (len(top) == 1 or top[0][1] > 2 * top[1][1]) else None
        return self.known[id(cluster)]


def _merge_things(clusters: list[_Cluster]) -> list[_Cluster]:
    """Organizations, places, events: one key after folding, or one small misspelling apart."""
    merged: list[_Cluster] = []
    by_shape: dict[tuple[int, str], list[_Cluster]] = defaultdict(list)
    for cluster in sorted(clusters, key=lambda c: -len(c.mentions)):
        tokens = cluster.mentions[0].parts.tokens
        if len(tokens) < 2:
            merged.append(cluster)
            continue
        shape = (len(tokens), tokens[0][:1])
        target = next((o for o in by_shape[shape] if _one_word_misspelled(tokens, o.mentions[0].parts.tokens)), None)
        if target is None:
            merged.append(cluster)
            by_shape[shape].append(cluster)
        else:
            target.mentions.extend(cluster.mentions)
    return _merge_committees(merged)


# A legislature's committee goes by its full name, without the chamber, or without "Committee"
# ("House Ways and Means Committee", "Ways and Means Committee", "Ways and Means").
_CHAMBERS = frozenset({"house", "senate"})
_COMMITTEE_HEADS = frozenset({"committee", "subcommittee", "panel"})


def _merge_committees(clusters: list[_Cluster]) -> list[_Cluster]:
    """Organizations named "[chamber] X [Committee]" with one X join when the chambers agree; a
    form without a chamber joins only when one chamber's committee has that X (the House and the
    Senate Armed Services Committees stay apart, and "Armed Services Committee" with neither).
    Only cores that one form names as a committee are read this way."""
    cores: dict[tuple[str, ...], list[tuple[str | None, bool, _Cluster]]] = defaultdict(list)
    for cluster in clusters:
        tokens = cluster.mentions[0].parts.tokens
        if cluster.mentions[0].type != "organization" or len(tokens) < 2:
            continue
        chamber = tokens[0] if tokens[0] in _CHAMBERS else None
        headed = tokens[-1] in _COMMITTEE_HEADS
        core = tokens[1 if chamber else 0:len(tokens) - 1 if headed else len(tokens)]
        if core and (chamber or headed or len(core) >= 2):  # a bare one-word core ("Intelligence") is no committee
            cores[core].append((chamber, headed, cluster))
    gone: set[int] = set()
    for forms in cores.values():
        if len(forms) < 2 or not any(headed for _, headed, _ in forms):
            continue
        chambers = {chamber for chamber, _, _ in forms if chamber}
        if len(chambers) > 1:
            continue  # two chambers' committees of one name: which one a bare form means is not said
        target = max((c for _, _, c in forms), key=lambda c: (len(c.mentions[0].parts.tokens), len(c.mentions)))
        for _, _, cluster in forms:
            if cluster is not target:
                target.mentions.extend(cluster.mentions)
                gone.add(id(cluster))
    return [c for c in clusters if id(c) not in gone]


def _one_word_misspelled(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differing) == 1 and close_spelling(*differing[0])


def _attach_acronyms(clusters: list[_Cluster], texts: dict[str, str]) -> list[_Cluster]:
    """Acronyms join the expansion the text gives ("National Defence Council (NDC)")."""
    parts_of = split_name
    expansions: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for article, text in texts.items():
        for acronym, start, end in find_acronyms(text):
            expansions[acronym.replace(".", "")].add(parts_of(text[start:end]).key)
            spans[acronym.replace(".", "")].append((article, start, end))
    by_key = {m.parts.key: c for c in clusters for m in c.mentions}
    by_initials: dict[str, list[_Cluster]] = defaultdict(list)  # "IOC" -> International Olympic Committee
    for cluster in clusters:
        words = cluster.mentions[0].parts.form.split()
        if len(words) >= 2 and not is_acronym(cluster.mentions[0].surface):
            for initials in {_initials(words, every=False), _initials(words, every=True)}:
                by_initials[initials].append(cluster)
    kept = []
    for cluster in clusters:
        surface = cluster.mentions[0].surface.replace(".", "")
        keys = expansions.get(surface)
        if is_acronym(surface) and not keys and len(by_initials.get(surface.upper(), [])) == 1:
            # Not defined in the text, but the story names one organization it abbreviates.
            by_initials[surface.upper()][0].mentions.extend(cluster.mentions)
            continue
        if not is_acronym(surface) or not keys or len(keys) != 1:
            kept.append(cluster)
            continue
        (key,) = keys
        target = by_key.get(key)
        if target is None:
            # The model missed the expansion: it becomes the entity, named by its definition.
            article, start, end = spans[surface][0]
            parts = parts_of(texts[article][start:end])
            expansion = _Mention(article, start, end, texts[article][start:end],
                                 _corrected_type("organization", parts), parts)
            target = _Cluster([expansion])
            by_key[key] = target
            kept.append(target)
        target.mentions.extend(cluster.mentions)
    for acronym, keys in expansions.items():
        if len(keys) == 1 and next(iter(keys)) in by_key:
            by_key[next(iter(keys))].defined_acronyms.add(acronym)  # read again for it in _rescan
    return kept


def _initials(words: list[str], every: bool) -> str:
    """'International Olympic Committee' -> 'IOC' (connectors skipped unless `every`)."""
    return "".join(w[0] for w in words if every or w.lower() not in ACRONYM_CONNECTORS).upper()


# ---- 4. a second reading for the forms found ---------------------------------------------------

def _rescan(clusters: list[_Cluster], texts: dict[str, str]) -> None:
    """Add the occurrences of each entity's forms that the model missed.

    Forms read again: names of two words or more (also in capitals, as datelines print them),
    acronyms, and a person's surname with or without an honorific or Arabic article. A form two
    entities share (two people called Clinton) is left alone.
    """
    owner: dict[str, _Cluster | None] = {}
    written: dict[str, str] = {}  # surname key -> the surname as first written

    def claim(key: str, cluster: _Cluster) -> None:
        owner[key] = cluster if owner.get(key, cluster) is cluster else None

    # A surname that is also a common word of the story ("Heat", "Rose") is not read again.
    common_words = {w for text in texts.values() for w in re.findall(r"\b[a-z]{3,}\b", text)}
    for cluster in clusters:
        is_person = cluster.mentions[0].type == "person" and len(cluster.mentions[0].parts.core) >= 2
        for m in cluster.mentions:
            words = m.parts.form.split()
            if len(words) >= 2:
                claim(m.parts.form, cluster)
                claim(m.parts.form.upper(), cluster)
            elif is_acronym(m.surface):
                claim(m.surface, cluster)
            if is_person and words:
                surname = ARABIC_PREFIX.sub("", surname_form(m.parts.form))
                if len(surname) >= 3 and surname.split()[-1][0].isupper() and surname.lower() not in common_words:
                    claim(_surname_key(surname), cluster)
                    written.setdefault(_surname_key(surname), surname)
        for acronym in cluster.defined_acronyms:
            claim(acronym, cluster)
    owner = {k: c for k, c in owner.items() if c is not None}
    literals = [re.escape(k) for k in owner if not k.startswith(_SURNAME_KEY)]
    surnames = [_surname_pattern(written[k]) for k in owner if k.startswith(_SURNAME_KEY)]
    alternatives = sorted(literals, key=len, reverse=True)
    if surnames:
        alternatives.append(rf"{_HONORIFIC}?(?:(?i:al|el)[-‐])?(?:{'|'.join(surnames)})")
    if not alternatives:
        return
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for cluster in clusters:
        for m in cluster.mentions:
            taken[m.article].append((m.start, m.end))
    for spans in taken.values():
        spans.sort()
    for article, text in texts.items():
        for match in regex.finditer(text):
            start, end = match.span()
            surface = match.group()
            by_surname = surface not in owner
            cluster = owner.get(surface) or owner.get(_surname_key(re.sub(f"^{_HONORIFIC}", "", surface)))
            if cluster is None or _overlaps(taken[article], start, end):
                continue
            if by_surname and _PREVIOUS_NAME_WORD.search(text, max(0, start - 30), start):
                continue  # "Vera Eichmann" is not Adolf Eichmann: a surname inside another full name
            cluster.mentions.append(_Mention(article, start, end, surface, cluster.mentions[0].type, split_name(surface)))


def _surname_pattern(surname: str) -> str:
    """'de Vries' -> '[Dd]e\\s+Vries': a particle in either case, the name as written."""
    *particles, name = surname.split()
    return r"\s+".join([*(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in particles), re.escape(name)])


def _surname_key(surname: str) -> str:
    return _SURNAME_KEY + " ".join(ARABIC_PREFIX.sub("", surname).lower().split())


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(spans, (start, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 1):i + 1])


# ---- records ----------------------------------------------------------------------------------

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# An acronym this short is a name whatever words it spells ("AIDS", "CAT"); a longer word in capitals
# may be a headline's ("BUDGET").
MAX_ACRONYM_EVIDENCE = 4
# A word right before a capital on its line puts it in mid-sentence ("the House", "Italy's Supreme
# Court"); a line's start, a full stop, a figure or a symbol before it ("Ceremony", "(44%), Blue",
# "29; Groom") or a word in capitals (a headline's) do not.
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Za-z][a-z'’-]*[ \t]+$")


def _without_common_words(clusters: list[_Cluster], texts: dict[str, str]) -> list[_Cluster]:
    """The clusters that are names: not a common word the model took for one where a capital only
    opens a line or a sentence ("Groom", "Ceremony", "Plane", a headline in capitals; Multi-News
    ta018, ta209). Such a cluster's every word is written in lower case elsewhere in the story, and
    none of its mentions follows a word on its line, has an honorific or a speech verb after it."""
    lower = {w for text in texts.values() for w in _LOWER_WORD.findall(text)}
    kept = []
    for cluster in clusters:
        words = {w.lower() for m in cluster.mentions for w in _NAME_WORD.findall(m.parts.form)} - ACRONYM_CONNECTORS
        common = bool(words) and words <= lower and all(_common_form(m.parts.form, texts) for m in cluster.mentions) and not any(
            (is_acronym(m.surface) and len(m.surface) <= MAX_ACRONYM_EVIDENCE) or m.parts.has_title
            or _WORD_BEFORE.search(texts[m.article], max(0, m.start - 40), m.start)
            or _SPEECH_AFTER.match(texts[m.article], m.end) for m in cluster.mentions)
        if not common:
            kept.append(cluster)
    return kept


def _common_form(form: str, texts: dict[str, str]) -> bool:
    """A form that can be common words: one word, a headline in capitals, or words the story also
    writes in lower case as a phrase ("rehearsal dinner"); never a domain or a figure ("Ghanabusinessnews.com")."""
    if any(ch.isdigit() or ch == "." for ch in form):
        return False
    if " " not in form or form.isupper():
        return True
    phrase = re.compile(rf"(?<![\w'’-]){re.escape(form.lower())}(?![\w'’-])")
    return any(phrase.search(text) for text in texts.values())


def _to_entities(clusters: list[_Cluster], articles: list[Article]) -> list[Entity]:
    order = {a.id: i for i, a in enumerate(articles)}
    outlets = {a.id: a.source for a in articles}
    built = []
    for cluster in clusters:
        mentions = sorted(cluster.mentions, key=lambda m: (order.get(m.article, len(order)), m.start))
        types = Counter(m.type for m in mentions)
        kind = "person" if types["person"] and (types["person"] * 2 >= len(mentions)) else types.most_common(1)[0][0]
        name = (_outlet_name(mentions, outlets) if kind == "organization" else None) or _fullest_form(mentions)
        aliases = tuple(dict.fromkeys(m.surface for m in mentions if m.surface != name))
        sources = tuple(dict.fromkeys(m.article for m in mentions))
        spans = tuple(Span(m.article, m.start, m.end) for m in mentions)
        built.append((name, kind, aliases, sources, spans))
    built.sort(key=lambda e: (-len(e[3]), -len(e[4]), e[0]))
    return [
        Entity(id=f"e{i}", name=name, type=kind, aliases=aliases, sources=sources, mentions=spans)
        for i, (name, kind, aliases, sources, spans) in enumerate(built, 1)
    ]


def _outlet_name(mentions: list[_Mention], outlets: dict[str, str | None]) -> str | None:
    """'the Independent' in the Port Averly Independent's own pages is that outlet."""
    forms = {m.parts.form for m in mentions}
    sources = {outlets.get(m.article) for m in mentions}
    if len(forms) != 1 or len(sources) != 1 or None in sources:
        return None
    (form,), (outlet,) = forms, sources
    return outlet if outlet.lower().endswith(" " + form.lower()) else None


def _fullest_form(mentions: list[_Mention]) -> str:
    """The longest name (by words) the sources use, not in capitals, its commonest spelling, the
    first seen on a tie (`mentions` are in article order)."""
    counts = Counter(m.parts.form for m in mentions)
    first = {f: -i for i, f in reversed(list(enumerate(m.parts.form for m in mentions)))}
    return max(counts, key=lambda f: (len(f.split()), not f.isupper(), counts[f], first[f]))

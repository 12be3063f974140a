"""Count frames: what a count counts and what happened to it, read from the dependency parse.

Two outlets' counts of one event are often worded far apart ("the Dow Jones Industrial Average
falling as much as 1,500 points" / "the Dow ... plunging nearly 1,600 points at one point": sentence
cosine 0.48, under the bar a count pair needs on whole-sentence similarity). A count's frame is its
noun's class and the class of the verb it hangs on ("points" / "fall"); two counts in one frame
are one point when each outlet counts that frame once (issue 16, real news).

The classes are small and closed on purpose: synonyms an outlet swaps for the same event, nothing
broader (a "vehicle" may be a car, but a "victim" is not a "suspect").
"""

from __future__ import annotations

from storydesk.align.frames import DENY_LEMMAS, parse
from storydesk.model import Quantity, Sentence

# Verbs an outlet swaps for one movement or one outcome; any other verb is its own class (its lemma).
_VERB_CLASSES = {
    "fall": "fall drop plunge plummet tumble sink slide slip decline dive slump shed lose",
    "rise": "rise climb gain jump surge soar increase grow",
    "kill": "kill die slay",
    "injure": "injure wound hurt",
    "arrest": "arrest detain",
    "weigh": "weigh",
}
VERB_CLASS = {lemma: name for name, words in _VERB_CLASSES.items() for lemma in words.split()}
# Nouns an outlet swaps for the same things counted.
_NOUN_CLASSES = {
    "vehicle": "vehicle car truck",
    "gunman": "gunman gunmen militant rebel attacker terrorist insurgent",
    "person": "person people",
    "foot": "foot feet",
    "bomb": "bomb bombing blast explosion",  # "twin car bombs" / "three suicide bombings" (ta076)
}
NOUN_CLASS = {word: name for name, words in _NOUN_CLASSES.items() for word in words.split()}
# How far up the parse a count's verb is looked for (number -> noun -> preposition -> verb).
MAX_HOPS = 4
# How far up a count's denying verb is looked for: "denied [prosecutors' request for a six-year
# prison sentence]" is five steps from "six" (number -> year -> sentence -> for -> request -> denied).
DENIAL_HOPS = 6


def noun_class(noun: str) -> str:
    """The class of a counted noun: its synonym class, else the noun itself, singular."""
    word = noun.lower().strip()
    word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return NOUN_CLASS.get(word, word)


def misparsed_verb(noun):
    """The verb of a sentence whose parse made its subject the root: "At the shop, a man confronted
    Price" comes out as a noun root with "confronted Price" as a clause on it (an "acl" with an
    object), not as a subject and its verb."""
    if noun.dep_ != "ROOT" or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB" and c.i > noun.i
                 and any(g.dep_ == "dobj" for g in c.children)), None)


def verb_of(sentence: Sentence, quantity: Quantity) -> str | None:
    """The class of the verb a count hangs on ("killed two of the gunmen" -> kill, "Three terrorists
    were killed" -> kill, "plunging nearly 1,600 points" -> fall), or None when it hangs on none
    within MAX_HOPS (a count inside a noun phrase of a verbless sentence)."""
    doc = parse([sentence.text])[0]
    at = quantity.span.start - sentence.start
    token = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
    for _ in range(MAX_HOPS):
        if token is None or token.head.i == token.i:  # the root (spaCy makes a new Token per .head)
            verb = misparsed_verb(token) if token is not None else None
            if verb is not None:
                return VERB_CLASS.get(verb.lemma_.lower(), verb.lemma_.lower())
            break
        token = token.head
        if token.pos_ == "VERB":
            lemma = token.lemma_.lower()
            return VERB_CLASS.get(lemma, lemma)
    return None


def denied_count(sentence: Sentence, quantity: Quantity) -> bool:
    """The first verb above the count denies or is negated: "denied prosecutors' request for a
    six-year prison sentence" (ta103) or "did not kill 10 people" assert no count."""
    doc = parse([sentence.text])[0]
    at = quantity.span.start - sentence.start
    token = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
    for _ in range(DENIAL_HOPS):
        if token is None or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token.lemma_.lower() in DENY_LEMMAS or any(c.dep_ == "neg" for c in token.children)
    return False


# Modifiers that say nothing of which things are counted ("more people", "other passengers").
_PLAIN_MODIFIERS = frozenset("more other additional total further new many several few last first least most "
                             "estimated same such".split())


# Things a measure is given for that an outlet swaps ("the 8,027-meter mountain" / "the
# 26,291-foot peak", ta007).
_HEAD_CLASS = {"peak": "mountain", "summit": "mountain"}


def _counted_noun(doc, sentence: Sentence, quantity: Quantity):
    """The token of the counted noun: the last noun inside the count's words."""
    start, end = quantity.span.start - sentence.start, quantity.span.end - sentence.start
    return next((t for t in reversed(doc) if start <= t.idx < end and t.pos_ in {"NOUN", "PROPN"}), None)


def described(sentence: Sentence, quantity: Quantity) -> tuple[frozenset[str], str | None]:
    """What a count's noun phrase says of the things counted, and the verb it is the subject or
    object of: "relatives of 150 Chinese passengers clashing" -> ({"chinese"}, None: the count
    describes the relatives, no act befalls the passengers); "Three American soldiers were killed"
    -> ({"american"}, "kill")."""
    doc = parse([sentence.text])[0]
    noun = _counted_noun(doc, sentence, quantity)
    if noun is None:
        return frozenset(), None
    modifiers = {c.lemma_.lower() for c in noun.children
                 if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "PROPN", "NOUN"}
                 and c.lemma_.lower() not in _PLAIN_MODIFIERS and not c.like_num}
    # What the things are counts of ("six counts of criminal mischief", ta196), and the thing a
    # count written as an adjective measures ("a 30-car pileup" / "a 25-vehicle pileup", ta234).
    modifiers |= {"of " + g.lemma_.lower() for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}}
    head = noun.head if noun.head.i != noun.i else None
    if head is not None and noun.dep_ in {"amod", "compound", "nmod"} and head.pos_ == "NOUN":
        modifiers.add("for " + _HEAD_CLASS.get(head.lemma_.lower(), head.lemma_.lower()))
    if head is not None and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    verb = head.lemma_.lower() if head is not None and head.pos_ == "VERB" else None
    return frozenset(modifiers), VERB_CLASS.get(verb, verb) if verb else None

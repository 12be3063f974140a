"""The body a sentence's speaker speaks for, beside the speaker's own name.

One outlet names the organisation ("the Japanese coast guard said", "The U.S. 7th Fleet said in a
statement"), another the person or the document that speaks for it ("Yutaka Saito of the coast
guard said", "according to a statement from US 7th Fleet"): both give one organisation's
statement, one source for the fact. `attributed_to` (frames.py) reads the head of the speaker
("saito", "statement"); `speaking_for` reads whom that speaker stands for ("guard", "fleet").
"""

from __future__ import annotations

from storydesk.align.frames import STATING_LEMMAS, parse

# Words that name a document, not a speaker: "according to a statement from X" gives X's words.
DOCUMENT_WORDS = frozenset({"statement", "release", "announcement", "post", "letter", "email", "e-mail"})
# The prepositions that tie a speaker or a document to the body it speaks for ("Saito of the coast
# guard", "a spokesman for the Navy", "a statement from the 7th Fleet").
_FOR_PREPOSITIONS = frozenset({"of", "for", "from", "at"})
# Common nouns that name a body (a person's "of" phrase otherwise names anything: "the mother of
# the victim"); a capitalised name (a proper noun) always may.
BODY_WORDS = frozenset({"department", "office", "service", "agency", "police", "board", "bureau", "commission",
                        "ministry", "council", "authority", "administration", "institute", "university",
                        "company", "corporation", "committee", "court", "guard", "force", "association",
                        "organization", "organisation", "navy", "army", "fleet", "military", "government",
                        "prosecutor", "sheriff", "coroner", "hospital", "embassy", "zoo", "team", "club"})


def speaking_for(text: str) -> frozenset[str]:
    """The bodies (lower-case head lemmas) the sentence's stated words come from through a person
    or a document that speaks for them; empty when it names none."""
    doc = parse([text])[0]
    out: set[str] = set()
    for token in doc:
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            if token.lemma_.lower() in DOCUMENT_WORDS:
                out |= _body_of(token)
        elif token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in STATING_LEMMAS:
            out |= _body_of(token)
            for appos in (c for c in token.children if c.dep_ == "appos"):
                out |= _body_of(appos)
    return frozenset(out)


def _body_of(token) -> set[str]:
    """The body named by `token`'s "of/for/from/at" phrase: a proper noun or a body word."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in _FOR_PREPOSITIONS:
            continue
        for body in prep.children:
            if body.dep_ == "pobj" and (body.pos_ == "PROPN" or body.lemma_.lower() in BODY_WORDS):
                return {body.lemma_.lower()}
    return set()

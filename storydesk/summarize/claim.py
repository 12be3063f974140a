"""The claim a sentence makes, as the citation check compares it: who did what to what, and how surely.

Sharing most words with a sentence is not stating it: "Pasztor faces two charges of murder."
shares "Pasztor", "two" and "charged" with "Amber Pasztor ... was charged with criminal
trespassing", and "The problem is not that Colbert isn't qualified." shares most of its words with
"There's one problem, though: Colbert can't actually serve in the Senate." So beside the word,
number, name and negation checks of `verify.py`, the evidence must hold the words of the claim
itself, read off spaCy's dependency parse of the summary sentence:

- the predicate (the main verb, or the verb of the clause a reporting verb introduces: in "Police
  said she smothered them" the claim is "smothered"), unless it is a bare "be"/"have"/"do";
- the heads of its object and complement ("charges" in "faces two charges of murder") and of a
  named subject (a common-noun or pronoun subject is often reworded: "workers"/"staff");
- its modality: a sentence saying something "could" or "may" happen is not supported by one
  saying it will, nor the other way round; and a sentence saying it was done ("was approved")
  is not supported by one saying it is expected, planned or will be done ("is expected to
  approve", fresh5 ta161 of the real gold).

All words are compared as the summary's content terms (stemmed), so "was charged" meets
"charges". Paraphrase with other words fails the check; the sentence's own article always
passes (the summary quotes it), so a failing check costs a citation, never a true statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storydesk.lexicon import REPORTING_VERBS, stem
from storydesk.summarize.text import content_terms, words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependency labels (spaCy's English scheme) whose heads carry the claim beside the predicate.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd", "dative", "agent"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A predicate that says nothing alone: the claim is in its complement.
_LIGHT_VERBS = frozenset({"be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "do", "does", "did",
                          "get", "gets", "got", "make", "makes", "made"})
_REPORTING = frozenset(REPORTING_VERBS)
# Verbs whose "as ..." says what the subject is ("regarded as the greatest climber"); elsewhere
# "as" is an adjunct ("moved the boats as a precaution").
_REGARDED_AS = frozenset({"regard", "consider", "know", "see", "view", "describe", "serve", "act", "hail", "rank",
                          "name", "elect", "appoint", "recognize", "recognise", "identify", "label", "brand"})
# Adjectives that rank what they qualify, like a superlative ("the first", "the only").
_RANKING = frozenset({"first", "last", "only", "sole", "biggest", "largest", "oldest", "youngest"})
# Modal verbs by what they say about the claim.
_MODALITY = {
    "may": "possible", "might": "possible", "could": "possible", "can": "possible",
    "should": "obligation", "must": "obligation", "ought": "obligation",
    "would": "conditional",
}


@dataclass(frozen=True)
class Claim:
    """The content terms the evidence must hold, and the modal classes it must share."""

    terms: frozenset[str]
    modality: frozenset[str]
    done: str = ""  # the predicate's stem when the sentence says it happened (past tense)


@lru_cache(maxsize=20_000)
def claim_of(text: str) -> Claim:
    """The claim of a summary sentence (its first sentence, if the text holds more)."""
    from storydesk.nlp import parse

    doc = parse([text])[0]
    sentence = next(iter(doc.sents), None)
    if sentence is None:
        return Claim(frozenset(), frozenset())
    predicate = _claim_predicate(sentence.root)
    heads = [predicate] if predicate.lower_ not in _LIGHT_VERBS else []
    # A common-noun subject is often reworded ("workers"/"staff", "officials"/"authorities"); a
    # named one must match (and `verify.py` checks every name anyway).
    heads += [t for t in predicate.children if t.dep_ in _ARGUMENTS and t.pos_ not in ("PRON", "DET")
              and (t.dep_ not in _SUBJECTS or t.pos_ == "PROPN")]
    # ...but one that is a named person's ("Rivers' supporters wore red shoes", "one of Zirkle's
    # dogs") says whose: mourners wearing red, or Rivers herself, is another claim (fresh5 ta161).
    heads += [g for t in predicate.children if t.dep_ in _SUBJECTS for g in _with_of_object(t)
              if g.pos_ == "NOUN" and _owned_by_name(g)]
    # "is a risk", "was named CEO": the complement of a light verb is the claim.
    heads += [g for t in predicate.children if t.dep_ in ("attr", "acomp", "xcomp", "oprd")
              for g in t.children if g.dep_ in ("dobj", "attr", "oprd") and g.pos_ not in ("PRON", "DET")]
    # "regarded as the greatest climber", "served as mayor": what the subject is said to be.
    if predicate.lemma_.lower() in _REGARDED_AS:
        heads += [g for t in predicate.children if t.dep_ == "prep" and t.lower_ == "as"
                  for g in t.children if g.dep_ == "pobj" and g.pos_ not in ("PRON", "DET")]
    # "The problem is not that Colbert isn't qualified": a light verb whose claim is a clause.
    if predicate.lower_ in _LIGHT_VERBS:
        clauses = [t for t in predicate.children if t.dep_ == "ccomp" and t.pos_ in ("VERB", "AUX", "ADJ")]
        heads += [c for c in clauses if c.lower_ not in _LIGHT_VERBS]
        heads += [g for c in clauses for g in c.children if g.dep_ in ("dobj", "attr", "acomp", "oprd")
                  and g.pos_ not in ("PRON", "DET")]
    # "the world's greatest climber" is not "the best American mountaineer": a superlative or
    # ordinal on a claimed word is part of the claim.
    heads += [m for h in list(heads) for m in h.children if m.dep_ == "amod" and (m.tag_ in ("JJS", "RBS")
                                                                                  or m.lower_ in _RANKING)]
    # "killed her children to keep them safe": a purpose clause is part of what is claimed.
    purposes = [t for t in predicate.children if t.dep_ == "advcl" and any(a.lower_ == "to" for a in t.children)]
    heads += purposes + [g for p in purposes for g in p.children if g.dep_ in ("dobj", "acomp", "attr", "oprd")
                         and g.pos_ not in ("PRON", "DET")]
    terms = frozenset(t for h in heads for t in content_terms(h.text))
    modality = frozenset(_MODALITY[t.lower_] for t in predicate.children
                         if t.dep_ in ("aux", "auxpass") and t.lower_ in _MODALITY)
    done = ""
    if predicate.lower_ not in _LIGHT_VERBS and not modality and (
            predicate.tag_ == "VBD" or predicate.tag_ == "VBN" and any(
                t.dep_ in ("aux", "auxpass") and t.lower_ in _PAST_AUX for t in predicate.children)):
        done = next(iter(content_terms(predicate.text)), "")
    return Claim(terms, modality, done)


def _with_of_object(subject: Token) -> list[Token]:
    """The subject, and what it is one of ("one of Zirkle's dogs": dogs)."""
    return [subject] + [g for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"]


def _owned_by_name(token: Token) -> bool:
    """Whether a capitalised possessive qualifies `token` ("Rivers' supporters"; the parser may
    tag "Rivers" a common noun)."""
    return any(m.dep_ == "poss" and m.pos_ in ("PROPN", "NOUN") and m.text[:1].isupper() for m in token.children)


_PAST_AUX = frozenset({"was", "were", "had", "has", "have"})
# A verb after these is told as coming, not done: "is expected to approve", "will approve".
_PROSPECTIVE = re.compile(r"\b(?:will|(?:expected|set|scheduled|due|likely|poised|going|about|plans?|planning|"
                          r"planned|intends?|hopes?|wants?|seeks?|proposed|proposes|aims?)\s+to)\s+(?:be\s+)?(\w+)",
                          re.I)


def only_prospective(claim: Claim, evidence: str) -> bool:
    """Whether the evidence gives the claim's done predicate only as coming or intended."""
    if not claim.done:
        return False
    told = sum(1 for term in content_terms(evidence) if _same_stem(term, claim.done))
    coming = sum(1 for m in _PROSPECTIVE.finditer(evidence) if _same_stem(stem(m.group(1).lower()), claim.done))
    return told > 0 and coming >= told


def _claim_predicate(root):
    """The verb that carries the claim: past a reporting verb to the clause it introduces."""
    if root.lower_ in _REPORTING or root.text.lower() in _REPORTING:
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def modality_of(text: str) -> frozenset[str]:
    """The modal classes any word of `text` expresses (evidence is compared by its words)."""
    return frozenset(_MODALITY[w] for w in words(text) if w in _MODALITY)


# Two stems meet when equal or when they share this long an opening ("exposur"/"expos" from
# "exposure"/"exposing"): the light stemmer leaves derived forms apart.
SHARED_PREFIX = 5


def states_claim(claim: Claim, evidence_terms: frozenset[str], evidence_modality: frozenset[str]) -> bool:
    """Whether evidence with these content terms and modal classes holds the claim."""
    if not claim.modality <= evidence_modality:
        return False
    return all(t in evidence_terms or _prefix_match(t, evidence_terms) for t in claim.terms)


def _prefix_match(term: str, evidence_terms: frozenset[str]) -> bool:
    return any(_same_stem(term, e) for e in evidence_terms)


def _same_stem(a: str, b: str) -> bool:
    """Equal stems, or stems sharing their first SHARED_PREFIX letters."""
    return a == b or len(a) >= SHARED_PREFIX and len(b) >= SHARED_PREFIX and a[:SHARED_PREFIX] == b[:SHARED_PREFIX]


# Words that are verbs wherever they stand, or nearly: a sentence with one needs no parse
# (the parse was half the summary's time when asked of every chosen sentence).
_VERB_CUE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|does|did|will|would|can|could|may|might|must|"
                       r"should|said|says|told|tells)\b|n['’]t\b|\b\w{3,}ed\b", re.I)


@lru_cache(maxsize=20_000)
def has_verb(text: str) -> bool:
    """Whether `text` has a verb at all: "A dichotomy in the NIF retinohypothalamic pathways." is a title."""
    if _VERB_CUE.search(text):
        return True
    from storydesk.nlp import parse

    return any(t.pos_ in ("VERB", "AUX") for t in parse([text])[0])

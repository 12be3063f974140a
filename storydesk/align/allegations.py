"""What a charging document alleges, as an editor counts it: one source.

An indictment, complaint, lawsuit, affidavit or motion tells what the accused allegedly did; outlets
relaying it ("according to the indictment", "prosecutors allege", "he allegedly created ...") add
no independent knowledge of it, so a fact they give that way counts once. The act itself, that
someone was arrested, charged, indicted or sued, is a public record each outlet reports: a sentence
whose main verb is such an act is no allegation, even when it says what for ("arrested Friday for
allegedly driving 40,000 miles"). The convention is written in benchmarks/gold/align/real/README.md
("Charging documents").
"""

from __future__ import annotations

import re

from storydesk.align.frames import REPORTING_LEMMAS, parse

# The name under which such facts are grouped (one story rarely has two charging documents).
CHARGING_DOCUMENT = "the charging document"
_DOCUMENT = (r"(?:indictment|complaint|lawsuit|suit|affidavit|charging documents?|court documents?|court papers|"
             r"court filings?|filing|charges|motion|arrest warrant)")
_MARKERS = [re.compile(p, re.I) for p in (
    # "according to the indictment", "according to the U.S. attorney's description of the charges"
    rf"\baccording to (?:the |an |a )?(?:[\w.'’-]+ ){{0,5}}?{_DOCUMENT}\b",
    # "the indictment states", "the suit claims", "the complaint alleges"
    rf"\b{_DOCUMENT} (?:also )?(?:states|stated|says|said|alleges|alleged|claims|claimed|charges|contends|accuses|"
    r"accused)\b",
    # "prosecutors allege", "investigators alleged that", "he allegedly created"
    r"\balleg(?:e|es|ed that|edly|ing)\b",
)]
# Main verbs that make a sentence the act (an arrest, a charge, a suit filed, a plea), not the
# allegation, and the clauses a main verb may stand in under a reporting verb.
_ACTS = frozenset({"arrest", "charge", "indict", "sue", "file", "plead", "convict", "sentence", "book", "detain",
                   "jail", "face", "accuse"})
_DOCUMENT_SUBJECT = re.compile(rf"\b{_DOCUMENT}$", re.I)
_MAIN_DEPS = frozenset({"ROOT", "ccomp", "conj"})


def charging_document(text: str) -> str | None:
    """CHARGING_DOCUMENT when the sentence tells what a charging document alleges, else None."""
    if not any(p.search(text) for p in _MARKERS):
        return None
    doc = parse([text])[0]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    # The clause a reporting root gives ("..., prosecutors said": the clause said) is the main one.
    mains = [root]
    if root.lemma_.lower() in REPORTING_LEMMAS:
        mains += [c for c in root.children if c.dep_ in _MAIN_DEPS and c.pos_ in {"VERB", "AUX"}]
    # "The suit also charges that ...": a document charging is its allegation, not the act.
    if any(t.lemma_.lower() in _ACTS and not _DOCUMENT_SUBJECT.search(" ".join(
            c.text for c in t.children if c.dep_ in {"nsubj", "nsubjpass"})) for t in mains):
        return None
    return CHARGING_DOCUMENT

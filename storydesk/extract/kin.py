"""Relatives a story names ("Price's mother Jennifer Rivers"), so that "Price's mother said" and
"his mother said" further on are that person (issue 22: speakers).

    relatives(by_article, texts) -> {(possessor's surname, role): relative}
    kin_mentions(by_article, texts, found) -> {article: [(start, end, relative)]}
"""

from __future__ import annotations

import re
from collections import defaultdict

from storydesk.extract.names import split_name
from storydesk.model import Entity

# Family roles a story names a relative by ("Price's mother Jennifer Rivers"); later "Price's
# mother said" and "his mother said" are that relative.
KIN_ROLES = frozenset({
    "father", "mother", "husband", "wife", "son", "daughter", "brother", "sister", "grandmother", "grandfather",
    "uncle", "aunt", "fiancee", "fiancée", "girlfriend", "boyfriend", "widow", "widower", "niece", "nephew",
    "mom", "dad", "stepmother", "stepfather", "stepson", "stepdaughter", "ex-wife", "ex-husband",
    "granddaughter", "grandson", "cousin", "partner", "fiance", "fiancé",
})
_KIN_WORDS = "|".join(sorted(KIN_ROLES, key=len, reverse=True))
_KIN_AFTER_POSSESSOR = re.compile(rf"['’]s\s+(?:(?:late|former|older|younger|elder|twin|only)\s+)?(?P<role>{_KIN_WORDS})\b")
KIN_BEFORE_VERB = re.compile(rf"['’]s\s+(?P<role>{_KIN_WORDS})\s+(?:(?:also|then|later|\w+ly)\s+)*$")
PRONOUN_KIN = re.compile(rf"^(?P<p>[Hh]is|[Hh]er)\s+(?:(?:late|former|older|younger|elder|twin|only)\s+)?(?P<role>{_KIN_WORDS})$")


def surname(name: str) -> str:
    """The last word of a name as names are compared ("Tavin Price" -> "price")."""
    core = split_name(name).core
    return core[-1] if core else ""


def relatives(by_article: dict[str, list[tuple[int, int, Entity]]], texts: dict[str, str]) -> dict[tuple[str, str], Entity]:
    """(possessor's surname, kin role) -> the relative one of the story's articles names beside that role:
    "Price's mother Jennifer Rivers", "Price's mother, Jennifer Rivers," or "Jennifer Rivers, Price's
    mother" (outlets of one story name the same relatives; one may only write "Smith's wife"). By
    surname: the merger may keep a lone "Smith" apart from "Will Smith" when two Smiths are named."""
    found: dict[tuple[str, str], Entity] = {}
    for article, mentions in by_article.items():
        text = texts.get(article, "")
        people = [m for m in mentions if m[2].type == "person"]
        for i, (start, end, possessor) in enumerate(people):
            kin = _KIN_AFTER_POSSESSOR.match(text, end)
            if not kin:
                continue
            role = kin.group("role").lower()
            after = next((m for m in people[i + 1:] if m[0] >= kin.end()), None)
            before = people[i - 1] if i else None
            if after and re.fullmatch(r",?\s*", text[kin.end():after[0]]) and after[2].id != possessor.id:
                found.setdefault((surname(text[start:end]), role), after[2])
            elif before and re.fullmatch(r",\s+(?:the\s+)?", text[before[1]:start]) and before[2].id != possessor.id:
                found.setdefault((surname(text[start:end]), role), before[2])
    return found


def kin_mentions(by_article: dict[str, list[tuple[int, int, Entity]]], texts: dict[str, str],
                 found: dict[tuple[str, str], Entity]) -> dict[str, list[tuple[int, int, Entity]]]:
    """Each "Price's mother" whose relative `found` (from `relatives`) names, as a mention of that relative."""
    out: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
    for article, mentions in by_article.items():
        text = texts.get(article, "")
        for start, end, possessor in mentions:
            kin = _KIN_AFTER_POSSESSOR.match(text, end) if possessor.type == "person" else None
            relative = found.get((surname(text[start:end]), kin.group("role").lower())) if kin else None
            if relative is not None:
                out[article].append((start, kin.end(), relative))
    return out

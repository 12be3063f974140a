"""People, organizations and places, every surface form of one entity merged.

spaCy's NER (en_core_web_sm from PyPI, `storydesk.nlp`) finds the mentions; merging is ours:
    "Hassan al-Rubaie" = "al-Rubaie" = "Mr al-Rubaie" = "Mr. Rubaie" = "al-Rubiae" (misspelt)
    "National Harbour Safety Board" = "National Harbor Safety Board" = "NHSB"
Titles are stripped, Arabic article prefixes (al-, el-) ignored, small misspellings matched by
edit distance on the core name, a surname alone joins the one full name it ends, and an acronym
joins the name it follows in parentheses.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz.distance import Levenshtein

from storydesk.model import Article, Entity, Sentence, Span

TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
         "NORP": "other", "EVENT": "event"}
TITLES = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|gen|col|capt|lt|sgt|rev|president|prime minister|minister|"
                    r"chief|director|governor|mayor|senator|rep|judge|officer|inspector|superintendent)\.?\s+)+", re.I)
ARTICLE_PREFIX = re.compile(r"\b(?:al|el|ad|as|ash|an|ar)[-‐\s](?=\w)", re.I)
# Core names this close (edit distance, relative to length) are one name misspelt or
# transliterated: "rubiae"/"rubaie", "yousef amrani"/"youssef amrani". Two edits in a long name.
MAX_EDIT_RATIO = 0.2
ACRONYM = re.compile(r"\b([A-Z][\w'’-]*(?:\s+(?:of|for|and|the|de|[A-Z][\w'’-]*))+)\s+\(([A-Z]{2,6})\)")


def core_name(name: str) -> str:
    """The name without titles, article prefixes, possessive or punctuation, lower-cased."""
    name = re.sub(r"['’]s$", "", name.strip())
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = TITLES.sub("", name)
    name = ARTICLE_PREFIX.sub("", name)
    name = name.replace("Defence", "Defense").replace("Harbour", "Harbor").replace("Centre", "Center")
    return " ".join(re.findall(r"\w+", name.lower()))


def find_entities(articles: list[Article], sentences: list[Sentence]) -> list[Entity]:
    from storydesk.nlp import get_nlp

    nlp = get_nlp()
    mentions: list[tuple[str, str, str, int, int]] = []  # type, text, article, start, end
    acronyms: dict[str, str] = {}
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in nlp.pipe_names]):
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            for ent in doc.ents:
                kind = TYPES.get(ent.label_)
                text = ent.text.strip()
                if kind and len(core_name(text)) > 1:
                    mentions.append((kind, text, article.id, ent.start_char, ent.start_char + len(text)))
            for match in ACRONYM.finditer(article.text):
                acronyms.setdefault(match.group(2), match.group(1))
    return merge_mentions(mentions, acronyms)


def merge_mentions(mentions: list[tuple[str, str, str, int, int]], acronyms: dict[str, str] | None = None) -> list[Entity]:
    """Group (type, text, article, start, end) mentions into entities.

    The model's type for one name varies between sentences ("El-Amrani" as ORG, "Ferrymead
    Marina" as PERSON), so names merge regardless of type and the entity takes its majority type.
    """
    acronyms = acronyms or {}
    groups: list[dict] = []
    by_core: dict[str, dict] = {}

    blocks: dict[str, list[tuple[str, dict]]] = defaultdict(list)  # first letter of the last word

    def similar_group(core: str) -> dict | None:
        if core in by_core:
            return by_core[core]
        if len(core) < 5:
            return None
        for known, group in blocks[core.split()[-1][0]]:
            if abs(len(known) - len(core)) <= 3 and \
                    Levenshtein.distance(known, core) <= MAX_EDIT_RATIO * max(len(known), len(core)):
                return group
        return None

    surnames: dict[str, list[tuple[str, dict]]] = defaultdict(list)  # first letter -> (surname, group)

    def surname_owner(core: str) -> dict | None:
        owners = {id(g): g for surname, g in surnames[core[0]] if g["types"].most_common(1)[0][0] == "person"
                  and (surname == core or (len(core) >= 6 and Levenshtein.distance(surname, core) <= 2))}
        return next(iter(owners.values())) if len(owners) == 1 else None

    # Full names first, so surnames and acronyms have something to join.
    for kind, text, article, start, end in sorted(mentions, key=lambda m: -len(core_name(m[1]).split())):
        core = core_name(acronyms.get(text, text))
        if not core:
            continue
        group = similar_group(core)
        if group is None and len(core.split()) == 1:
            group = surname_owner(core)
        if group is None:
            group = {"types": Counter(), "cores": set(), "texts": Counter(), "mentions": []}
            groups.append(group)
        if core not in group["cores"]:
            blocks[core.split()[-1][0]].append((core, group))
            if len(core.split()) > 1:
                surnames[core.split()[-1][0]].append((core.split()[-1], group))
        group["cores"].add(core)
        by_core[core] = group
        group["types"]["organization" if text in acronyms else kind] += 1
        group["texts"][text] += 1
        group["mentions"].append(Span(article, start, end))
    entities = []
    for group in groups:
        texts = group["texts"]
        kind = group["types"].most_common(1)[0][0]
        name = _display_name(texts)
        if not name[:1].isupper() or (kind == "person" and len(group["cores"]) == 1 and " " not in next(iter(group["cores"]))):
            continue  # lower-case noise ("grey snow") or a lone surname-like word the model took for a person
        sources = tuple(dict.fromkeys(span.article for span in group["mentions"]))
        spans = tuple(sorted(group["mentions"], key=lambda s: (s.article, s.start)))
        entities.append((name, kind, texts, sources, spans))
    entities.sort(key=lambda e: (-len(e[3]), -len(e[4]), e[0]))
    return [Entity(id=f"e{n}", name=name, type=kind, aliases=tuple(sorted({t for t in texts if t != name})),
                   sources=sources, mentions=spans)
            for n, (name, kind, texts, sources, spans) in enumerate(entities, 1)]


def _display_name(texts: Counter) -> str:
    """The fullest form, most often written, without title or leading article."""
    best = max(texts, key=lambda t: (len(core_name(t).split()), texts[t], len(core_name(t))))
    return re.sub(r"^(?:the|The)\s+", "", TITLES.sub("", best)) or best


def person_mentions(entities: list[Entity]) -> dict[str, list[tuple[int, int, Entity]]]:
    """Per article, the (start, end, entity) of every person mention, in text order (for quotes)."""
    found: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
    for entity in entities:
        if entity.type == "person":
            for span in entity.mentions:
                found[span.article].append((span.start, span.end, entity))
    for spans in found.values():
        spans.sort(key=lambda m: m[0])
    return found

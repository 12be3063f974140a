"""The digest as JSON, following the digest-v1 schema (storydesk.digest/1), shipped in the package."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from storydesk.model import (
    Alignment,
    Article,
    Claim,
    Conflict,
    Digest,
    Entity,
    Extraction,
    Fact,
    Passage,
    Problem,
    Quote,
    Removed,
    ReusePair,
    ReuseReport,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)
from storydesk.version import __version__

SCHEMA_ID = "storydesk.digest/1"
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "digest-v1.schema.json"


def digest_schema() -> dict:
    """The JSON Schema every digest validates against (the project's output contract)."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _generator() -> str:
    return f"storydesk {__version__}"


def _date(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _evidence(spans) -> list[dict]:
    return [{"article": s.article, "start": s.start, "end": s.end} for s in spans]


def _sources(ids) -> list[str]:
    return list(dict.fromkeys(ids))  # unique, order kept


def digest_to_dict(digest: Digest) -> dict:
    originality = digest.reuse.originality
    unique = digest.alignment.unique_facts
    original_spans = digest.reuse.original_spans
    return {
        "schema": SCHEMA_ID,
        "generator": _generator(),
        "story": {
            "id": digest.story.id,
            "headline": digest.story.headline,
            "first_published": _date(digest.story.first_published),
            "last_published": _date(digest.story.last_published),
        },
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "url": a.url,
                "path": a.path,
                "title": a.title,
                "published": _date(a.published),
                "language": a.language,
                "text": a.text,
                "removed": [{"line": r.line, "text": r.text, "kind": r.kind} for r in a.removed],
                "originality": round(min(1.0, max(0.0, originality.get(a.id, 1.0))), 4),
                "original_passages": [{"start": s.start, "end": s.end} for s in original_spans.get(a.id, ())],
                "unique_facts": list(unique.get(a.id, ())),
            }
            for a in digest.articles
        ],
        "reuse": [
            {
                "a": p.a,
                "b": p.b,
                "share_a": round(p.share_a, 4),
                "share_b": round(p.share_b, 4),
                "passages": [
                    {"a_start": x.a_start, "a_end": x.a_end, "b_start": x.b_start, "b_end": x.b_end}
                    for x in p.passages
                ],
            }
            for p in digest.reuse.pairs
        ],
        "entities": [
            {
                "id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                "mentions": e.mention_total, "sources": _sources(e.sources),
            }
            for e in digest.extraction.entities
        ],
        "quotes": [
            {
                "id": q.id, "text": q.text, "speaker": q.speaker, "speaker_entity": q.speaker_entity,
                "sources": _sources(q.sources), "evidence": _evidence(q.evidence), "variants": list(q.variants),
            }
            for q in digest.extraction.quotes
        ],
        "facts": [
            {
                "id": f.id, "text": f.text, "sources": _sources(f.sources),
                "independent_sources": f.independent_sources, "evidence": _evidence(f.evidence),
                **({"origin_notes": list(f.origin_notes)} if f.origin_notes else {}),
            }
            for f in digest.alignment.facts
        ],
        "conflicts": [
            {
                "id": c.id, "topic": c.topic, "kind": c.kind, "severity": c.severity,
                "claims": [
                    {"value": cl.value, "text": cl.text, "sources": _sources(cl.sources), "evidence": _evidence(cl.evidence)}
                    for cl in c.claims
                ],
            }
            for c in digest.alignment.conflicts
        ],
        "timeline": [
            {
                "date": t.date, **({"date_text": t.date_text} if t.date_text else {}), "text": t.text,
                "sources": _sources(t.sources), "evidence": _evidence(t.evidence),
            }
            for t in digest.alignment.timeline
        ],
        "summary": [
            {"text": s.text, "sources": _sources(s.sources), "facts": list(s.facts), "evidence": _evidence(s.evidence)}
            for s in digest.summary
        ],
        "problems": [str(p) for p in digest.problems],
    }


def digest_to_json(digest: Digest, indent: int | None = 2) -> str:
    return json.dumps(digest_to_dict(digest), ensure_ascii=False, indent=indent)


def _parse_date(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _spans(items) -> tuple[Span, ...]:
    return tuple(Span(e["article"], e["start"], e["end"]) for e in items or ())


def _problem(text: str) -> Problem:
    where, _, message = text.partition(": ")  # str(Problem) is "where: message"
    return Problem(where, message)


def digest_from_dict(data: dict) -> Digest:
    """The inverse of `digest_to_dict`: a Digest whose to_dict() gives `data` back.

    Raises ValueError when `data` is not a storydesk.digest/1 document (a missing key, a wrong type).
    """
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        raise ValueError(f"not a {SCHEMA_ID} document")
    try:
        return _digest_from_dict(data)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ValueError(f"malformed {SCHEMA_ID} document: {type(exc).__name__}: {exc}") from None


def _digest_from_dict(data: dict) -> Digest:
    from storydesk.reuse import copy_groups

    story = data["story"]
    articles = data["articles"]
    pairs = tuple(
        ReusePair(
            a=p["a"], b=p["b"], share_a=p["share_a"], share_b=p["share_b"],
            passages=tuple(Passage(x["a_start"], x["a_end"], x["b_start"], x["b_end"]) for x in p["passages"]),
        )
        for p in data["reuse"]
    )
    ids = [a["id"] for a in articles]
    reuse = ReuseReport(
        pairs=pairs,
        originality={a["id"]: a["originality"] for a in articles},
        original_spans={
            a["id"]: tuple(Span(a["id"], s["start"], s["end"]) for s in a.get("original_passages", ())) for a in articles
        },
        # Not stored: found again from the pairs, exactly as the reuse stage found it.
        copy_groups=tuple(copy_groups(ids, list(pairs))),
    )
    return Digest(
        story=Story(story["id"], story["headline"], _parse_date(story.get("first_published")),
                    _parse_date(story.get("last_published"))),
        articles=tuple(
            Article(
                id=a["id"], text=a["text"], title=a.get("title"), source=a.get("source"), url=a.get("url"),
                path=a.get("path"), published=_parse_date(a.get("published")), language=a.get("language"),
                removed=tuple(Removed(r["text"], r["kind"], r.get("line")) for r in a["removed"]),
            )
            for a in articles
        ),
        reuse=reuse,
        extraction=Extraction(
            entities=tuple(
                Entity(id=e["id"], name=e["name"], type=e["type"], aliases=tuple(e["aliases"]),
                       sources=tuple(e["sources"]), mention_count=e.get("mentions", 0))
                for e in data["entities"]
            ),
            quotes=tuple(
                Quote(id=q["id"], text=q["text"], speaker=q.get("speaker"), sources=tuple(q["sources"]),
                      speaker_entity=q.get("speaker_entity"), evidence=_spans(q.get("evidence")),
                      variants=tuple(q.get("variants", ())))
                for q in data["quotes"]
            ),
        ),
        alignment=Alignment(
            facts=tuple(
                Fact(id=f["id"], text=f["text"], sources=tuple(f["sources"]),
                     independent_sources=f.get("independent_sources", len(f["sources"])), evidence=_spans(f.get("evidence")),
                     origin_notes=tuple(f.get("origin_notes") or ()))
                for f in data["facts"]
            ),
            conflicts=tuple(
                Conflict(
                    id=c["id"], topic=c["topic"], kind=c["kind"], severity=c.get("severity", "contradiction"),
                    claims=tuple(Claim(cl["value"], cl["text"], tuple(cl["sources"]), _spans(cl.get("evidence")))
                                 for cl in c["claims"]),
                )
                for c in data["conflicts"]
            ),
            timeline=tuple(
                TimelineEntry(date=t["date"], text=t["text"], sources=tuple(t["sources"]), date_text=t.get("date_text"),
                              evidence=_spans(t.get("evidence")))
                for t in data["timeline"]
            ),
            unique_facts={a["id"]: tuple(a.get("unique_facts", ())) for a in articles},
        ),
        summary=tuple(
            SummarySentence(text=s["text"], sources=tuple(s["sources"]), facts=tuple(s.get("facts", ())),
                            evidence=_spans(s.get("evidence")))
            for s in data["summary"]
        ),
        problems=tuple(_problem(p) for p in data.get("problems", ())),
    )

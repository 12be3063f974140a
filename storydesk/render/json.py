"""The digest as JSON, following the digest-v1 schema (storydesk.digest/1), shipped in the package."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from storydesk.model import Digest
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
                "mentions": len(e.mentions), "sources": _sources(e.sources),
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

"""The digest as one self-contained HTML report: no scripts, no external assets, works offline.

Article text is untrusted: Jinja2 autoescaping escapes every value, the page carries a strict
Content-Security-Policy (no scripts at all), and only http(s) URLs become links. Citations reveal
their supporting sentence with CSS alone (:hover and :focus), so the report needs no JavaScript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from storydesk.model import Article, Digest, Sentence, Span
from storydesk.render import shown_value

TEMPLATES = Path(__file__).parent / "templates"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Citation:
    article: str
    label: str  # outlet name shown in the marker
    number: int  # 1-based position of the article in the sources panel
    sentence: str  # the supporting sentence from that article


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda x: f"{x:.0%}"
    return env


def safe_url(url: str | None) -> str | None:
    """Only plain web links become clickable; `javascript:` and other schemes stay text."""
    if url and re.match(r"^https?://", url.strip(), re.I):
        return url.strip()
    return None


def supporting_sentence(digest: Digest, article_id: str, text: str, spans: tuple[Span, ...]) -> str:
    """The sentence of `article_id` that supports `text`: its evidence span, else the closest sentence."""
    article = _article(digest, article_id)
    if article is None:
        return ""
    for span in spans:
        if span.article == article_id:
            return article.text[span.start:span.end]
    words = set(_WORD.findall(text.lower()))
    best, best_score = "", 0.0
    for sentence in _sentences_of(digest, article_id):
        other = set(_WORD.findall(sentence.text.lower()))
        score = len(words & other) / (len(words | other) or 1)
        if score > best_score:
            best, best_score = sentence.text, score
    return best


def _article(digest: Digest, article_id: str) -> Article | None:
    return next((a for a in digest.articles if a.id == article_id), None)


def _sentences_of(digest: Digest, article_id: str) -> list[Sentence]:
    return [s for s in digest.sentences if s.article == article_id]


def marked_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[str, bool]]]:
    """Split text into paragraphs of (piece, is_shared) runs, marking the shared spans."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    paragraphs: list[list[tuple[str, bool]]] = []
    offset = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            b_start, b_end = offset, offset + len(block)
            runs: list[tuple[str, bool]] = []
            cursor = b_start
            for start, end in merged:
                start, end = max(start, b_start), min(end, b_end)
                if start >= end:
                    continue
                if start > cursor:
                    runs.append((text[cursor:start], False))
                runs.append((text[start:end], True))
                cursor = end
            if cursor < b_end:
                runs.append((text[cursor:b_end], False))
            paragraphs.append(runs)
        offset += len(block)
    return paragraphs


def build_view(digest: Digest) -> dict:
    """Everything the template shows, as plain values (the template holds no logic)."""
    articles = list(digest.articles)
    number = {a.id: i + 1 for i, a in enumerate(articles)}
    label = {a.id: a.source or a.id for a in articles}

    def cite(ids, text: str, spans: tuple[Span, ...]) -> list[Citation]:
        return [
            Citation(i, label.get(i, i), number.get(i, 0), supporting_sentence(digest, i, text, spans))
            for i in dict.fromkeys(ids) if i in number
        ]

    facts = {f.id: f for f in digest.alignment.facts}
    shared: dict[str, list[tuple[int, int]]] = {a.id: [] for a in articles}
    for pair in digest.reuse.pairs:
        for p in pair.passages:
            shared.setdefault(pair.a, []).append((p.a_start, p.a_end))
            shared.setdefault(pair.b, []).append((p.b_start, p.b_end))
    share = {(p.a, p.b): p.share_a for p in digest.reuse.pairs}
    share.update({(p.b, p.a): p.share_b for p in digest.reuse.pairs})

    quotes_by_speaker: dict[str, list] = {}
    for q in digest.extraction.quotes:
        quotes_by_speaker.setdefault(q.speaker or "Unnamed speaker", []).append(
            {"text": q.text, "citations": cite(q.sources, q.text, q.evidence), "variants": [v for v in q.variants if v != q.text]}
        )
    entities_by_type: dict[str, list] = {}
    for e in digest.extraction.entities:
        entities_by_type.setdefault(e.type, []).append(
            {"name": e.name, "aliases": [a for a in e.aliases if a != e.name], "sources": len(set(e.sources)), "mentions": e.mention_total}
        )
    n_articles = max(1, len(articles))
    return {
        "headline": digest.story.headline,
        "first": digest.story.first_published.date().isoformat() if digest.story.first_published else None,
        "last": digest.story.last_published.date().isoformat() if digest.story.last_published else None,
        "n_articles": len(articles),
        "summary": [{"text": s.text, "citations": cite(s.sources, s.text, s.evidence)} for s in digest.summary],
        "conflicts": [
            {
                "topic": c.topic, "kind": c.kind, "severity": c.severity,
                "claims": [
                    {"value": shown_value(cl.value), "text": cl.text, "citations": cite(cl.sources, cl.text, cl.evidence)}
                    for cl in c.claims
                ],
            }
            for c in digest.alignment.conflicts
        ],
        "facts": [
            {
                "text": f.text, "independent": f.independent_sources, "total": len(set(f.sources)),
                # in steps of 5%: a class, not a style attribute, so a strict CSP (no inline styles) keeps it
                "width_step": 5 * round(20 * min(1.0, f.independent_sources / n_articles)),
                "citations": cite(f.sources, f.text, f.evidence),
            }
            for f in digest.alignment.facts if len(set(f.sources)) > 1
        ][:40],
        "quotes": sorted(quotes_by_speaker.items(), key=lambda kv: (kv[0] == "Unnamed speaker", -len(kv[1]))),
        "entities": sorted(entities_by_type.items()),
        "timeline": [
            {"date": t.date, "date_text": t.date_text, "text": t.text, "citations": cite(t.sources, t.text, t.evidence)}
            for t in digest.alignment.timeline
        ],
        "sources": [
            {
                "id": a.id, "number": number[a.id], "label": label[a.id], "title": a.title,
                "url": safe_url(a.url), "url_text": a.url,
                "published": a.published.date().isoformat() if a.published else None,
                "originality": digest.reuse.originality.get(a.id, 1.0),
                "unique": [facts[i].text for i in digest.alignment.unique_facts.get(a.id, ()) if i in facts][:6],
                "paragraphs": marked_paragraphs(a.text, shared.get(a.id, [])),
                "removed": list(a.removed),
            }
            for a in articles
        ],
        "matrix": _matrix(articles, share, label),
        "has_reuse": bool(digest.reuse.pairs),
        "problems": [str(p) for p in digest.problems],
        "css": (TEMPLATES / "report.css").read_text(encoding="utf-8"),
    }


def _matrix(articles: list[Article], share: dict, label: dict) -> dict:
    """An SVG heat map: row article's share of body that the column article also carries."""
    cell, left, top = 34, 150, 150
    n = len(articles)
    cells = []
    for i, a in enumerate(articles):
        for j, b in enumerate(articles):
            value = 1.0 if i == j else share.get((a.id, b.id), 0.0)
            cells.append({
                "x": left + j * cell, "y": top + i * cell, "value": value, "diagonal": i == j,
                "opacity": round(0.08 + 0.92 * value, 3), "title": f"{label[a.id]} shares {value:.0%} of its text with {label[b.id]}",
            })
    return {
        "size": cell, "left": left, "top": top, "width": left + n * cell + 10, "height": top + n * cell + 10,
        "labels": [{"text": _short(label[a.id]), "pos": i * cell + cell // 2} for i, a in enumerate(articles)],
        "cells": cells,
    }


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_html(digest: Digest) -> str:
    return _environment().get_template("report.html.j2").render(**build_view(digest))

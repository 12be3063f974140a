"""Summaries for many stories at once: one cluster of articles a JSONL line in, one summary out.

    {"id": ..., "documents": [{"id", "title"?, "text"}]}  ->  {"id": ..., "summary": [{"text", "sources"}]}

Each cluster goes through clean -> segment -> reuse -> summarize (the light path: the summary
needs clean sentences and shared copy, not entities). `full=True` runs the whole digest
instead (extract and align too), so aligned facts join the citations, at several times the cost.
A broken line or cluster is reported as a Problem and the rest go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storydesk import clean, reuse, segment
from storydesk.ingest import _unique_ids, record_to_document
from storydesk.model import Alignment, Article, Problem, SummarySentence
from storydesk.summarize import DEFAULT_WORDS, summarize


@dataclass(frozen=True)
class ClusterSummary:
    id: str
    summary: tuple[SummarySentence, ...]
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()

    def to_record(self) -> dict:
        return {"id": self.id, "summary": [{"text": s.text, "sources": list(s.sources)} for s in self.summary]}


def summarize_articles(articles: list[Article], words: int = DEFAULT_WORDS, full: bool = False) -> list[SummarySentence]:
    """The summary of clean articles, by the light path or (`full`) the whole digest."""
    if full:
        from storydesk.pipeline import Options, digest_articles

        return list(digest_articles(articles, Options(words=words)).summary)
    sentences = [s for a in articles for s in segment.split_sentences(a)]
    return summarize(articles, sentences, Alignment(), reuse.find_wire_copy(articles, sentences), words=words)


def summarize_cluster(record: object, where: str, words: int = DEFAULT_WORDS, full: bool = False) -> ClusterSummary | Problem:
    """One cluster record summarized, or the Problem that stops it (nothing readable in it)."""
    if not isinstance(record, dict):
        return Problem(where, "cluster is not a JSON object; skipped", fatal=True)
    cluster_id = str(record.get("id") or where)
    documents = record.get("documents")
    if not isinstance(documents, list) or not documents:
        return Problem(where, f'cluster {cluster_id!r} has no "documents" list; skipped', fatal=True)
    raw, problems = [], []
    for number, doc in enumerate(documents):
        item = record_to_document(doc, f"{where} document {number}")
        (problems if isinstance(item, Problem) else raw).append(item)
    raw = _unique_ids(raw, problems)
    articles, clean_problems = clean.clean_documents(raw)
    problems.extend(clean_problems)
    if not articles:
        return Problem(where, f"cluster {cluster_id!r}: no article could be read; skipped", fatal=True)
    summary = summarize_articles(articles, words, full)
    return ClusterSummary(cluster_id, tuple(summary), tuple(articles), tuple(problems))


def iter_clusters(path: Path) -> Iterator[tuple[str, object]]:
    """(where, record or Problem) for each non-empty line of a JSONL file."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, Problem(where, f"not a JSON record ({exc.msg} at column {exc.colno}); line skipped",
                                     fatal=True)


def summarize_file(path: Path, words: int = DEFAULT_WORDS, full: bool = False) -> Iterator[ClusterSummary | Problem]:
    """Every cluster of a JSONL file summarized in order; broken lines come out as Problems."""
    for where, record in iter_clusters(path):
        if isinstance(record, Problem):
            yield record
            continue
        try:
            yield summarize_cluster(record, where, words, full)
        except Exception as exc:  # one cluster that trips a stage must not stop thousands
            yield Problem(where, f"cluster could not be summarized ({type(exc).__name__}: {exc}); skipped", fatal=True)

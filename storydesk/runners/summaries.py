"""Summaries for many stories at once: one cluster of articles a JSONL line in, one summary out.

    {"id": ..., "documents": [{"id", "title"?, "text"}]}  ->  {"id": ..., "summary": [{"text", "sources"}]}

Each cluster goes through clean -> segment -> reuse -> summarize (`pipeline.summarize_articles`,
the light path: the summary needs clean sentences and shared copy, not entities). `full=True`
runs the whole digest instead (extract and align too), so aligned facts join the citations and
the minority side of a conflict is kept out, at several times the cost; `raw=True` skips
cleaning for text that is clean already. A broken line or cluster is reported as a Problem and
the rest go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storydesk.errors import ModelMissing
from storydesk.ingest import STDIN_NAME, iter_json_records, record_to_document, unique_ids
from storydesk.model import Article, Problem, SummarySentence
from storydesk.pipeline import Options, digest_articles, summarize_articles
from storydesk.reader import ReadOptions, prepare
from storydesk.summarize import DEFAULT_WORDS


@dataclass(frozen=True)
class ClusterSummary:
    id: str
    summary: tuple[SummarySentence, ...]
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()

    def to_record(self) -> dict:
        return {"id": self.id, "summary": [{"text": s.text, "sources": list(s.sources)} for s in self.summary]}


def summarize_cluster(
    record: object, where: str, words: int = DEFAULT_WORDS, full: bool = False, raw: bool = False,
    models: bool = True,
) -> ClusterSummary | Problem:
    """One cluster record summarized, or the Problem that stops it (nothing readable in it)."""
    if not isinstance(record, dict):
        return Problem(where, "cluster is not a JSON object; skipped", fatal=True)
    cluster_id = str(record.get("id") or where)
    documents = record.get("documents")
    if not isinstance(documents, list) or not documents:
        return Problem(where, f'cluster {cluster_id!r} has no "documents" list; skipped', fatal=True)
    read, problems = [], []
    for number, doc in enumerate(documents):
        item = record_to_document(doc, f"{where} document {number}")
        (problems if isinstance(item, Problem) else read).append(item)
    articles, clean_problems = prepare(unique_ids(read, problems), ReadOptions(raw=raw))
    problems.extend(clean_problems)
    if not articles:
        return Problem(where, f"cluster {cluster_id!r}: no article could be read; skipped", fatal=True)
    if full:
        digest = digest_articles(articles, Options(words=words, models=models), problems)
        summary = list(digest.summary)
    else:
        summary = summarize_articles(articles, words=words)
    return ClusterSummary(cluster_id, tuple(summary), tuple(articles), tuple(problems))


def summarize_file(
    path: Path, words: int = DEFAULT_WORDS, full: bool = False, raw: bool = False, models: bool = True,
) -> Iterator[ClusterSummary | Problem]:
    """Every cluster of a JSONL file (`.gz` too) summarized in order; broken lines come out as Problems."""
    for item in iter_json_records(path):
        if isinstance(item, Problem):
            yield item
            continue
        where, record = item
        try:
            yield summarize_cluster(record, where, words, full, raw, models)
        except ModelMissing:
            raise
        except Exception as exc:  # one cluster that trips a stage must not stop thousands
            yield Problem(where, f"cluster could not be summarized ({type(exc).__name__}: {exc}); skipped", fatal=True)


def summarize_stdin(**options) -> Iterator[ClusterSummary | Problem]:
    """`summarize_file` over standard input (`storydesk summarize -`), spooled to a temporary file."""
    import shutil
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="storydesk-stdin-") as folder:
        spool = Path(folder) / "stdin.jsonl"
        with spool.open("wb") as handle:
            shutil.copyfileobj(sys.stdin.buffer, handle)
        for item in summarize_file(spool, **options):
            if isinstance(item, Problem):
                item = Problem(item.where.replace(str(spool), STDIN_NAME), item.message, item.fatal)
            yield item

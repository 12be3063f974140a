"""Read articles from text files, HTML files, directories and JSONL.

Bad input never raises: each unreadable file or record becomes a `Problem` naming the file (and
line), and everything else is still read.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlparse

from storydesk.model import Problem, RawDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# A page larger than this is not an article (a dump, a log, a binary); reading it would cost
# minutes and memory for nothing. Real pages reach tens of MB with inline scripts and data, and
# the clean stage handles a 50 MB page in about 10 s, so the limit sits above that. JSONL
# corpora are streamed, so the limit applies per record there, not per file.
MAX_ARTICLE_BYTES = 80 * 1024 * 1024
# A JSONL file with a NUL byte in its first 8 kB is binary: one problem, not one per line.
BINARY_SNIFF_BYTES = 8192
# Broken lines listed one by one per file; past this, one count (a wrong file must not flood the terminal).
MAX_LINE_PROBLEMS = 20

_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml)", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|script|style|table|li|article|meta)\b", re.I)


@dataclass
class IngestResult:
    documents: list[RawDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    """True when text is markup rather than prose (e.g. an HTML page saved as .txt)."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 8


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes to text, returning (text, encoding). Raises ValueError for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:1_000_000])
    best = matches.best()
    if best is None:
        raise ValueError("binary or undecodable file: no text encoding fits")
    encoding = best.encoding
    # Short texts leave several single-byte code pages equally plausible; among equals, Windows'
    # Western code page is by far the most common in scraped news, so it wins the tie.
    tied = [m.encoding for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence - 0.05]
    if "cp1252" in tied:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def parse_datetime(value: object) -> datetime | None:
    """Parse an ISO date or date-time; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=UTC)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    # Naive times are taken as UTC so that dates from different inputs always compare.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def source_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host or None


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Turn the user's paths into article files; directories are searched recursively."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append(Problem(str(path), "no such file or directory", fatal=True))
        elif path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and _article_suffix(p) in ARTICLE_SUFFIXES and not p.name.startswith(".")
            )
            if not found:
                problems.append(Problem(
                    str(path),
                    "directory holds no articles (.txt, .html, .htm, .jsonl)",
                    fatal=True,
                ))
            files.extend(found)
        else:
            files.append(path)
    return files, problems


def _article_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _read_bytes(path: Path) -> bytes:
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as handle:
            return handle.read(MAX_ARTICLE_BYTES + 1)
    with path.open("rb") as handle:
        return handle.read(MAX_ARTICLE_BYTES + 1)


def read_file(path: Path) -> tuple[RawDocument | None, list[Problem]]:
    """Read one .txt or .html article file."""
    where = str(path)
    try:
        data = _read_bytes(path)
    except OSError as exc:
        return None, [Problem(where, f"cannot read: {exc.strerror or exc}", fatal=True)]
    if len(data) > MAX_ARTICLE_BYTES:
        size_mb = path.stat().st_size / 1024 / 1024
        return None, [Problem(
            where,
            f"file is {size_mb:.0f} MB, over the {MAX_ARTICLE_BYTES // 1024 // 1024} MB limit for one "
            "article; not read (split it, or give a JSONL with one article a line)",
            fatal=True,
        )]
    if not data.strip():
        return None, [Problem(where, "empty file", fatal=True)]
    try:
        text, encoding = decode_bytes(data)
    except ValueError as exc:
        return None, [Problem(where, str(exc), fatal=True)]
    problems: list[Problem] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        problems.append(Problem(where, f"not UTF-8: decoded as {encoding}"))
    suffix = _article_suffix(path)
    is_html = suffix in HTML_SUFFIXES
    if not is_html and looks_like_html(text):
        is_html = True
        problems.append(Problem(where, "looks like HTML, not plain text: extracting its main text"))
    stem = path.name.split(".")[0] if path.suffix.lower() == ".gz" else path.stem
    doc = RawDocument(
        id=stem,
        content=text,
        is_html=is_html,
        path=where,
        encoding=encoding,
    )
    return doc, problems


def iter_jsonl(path: Path) -> Iterator[RawDocument | Problem]:
    """Stream a JSONL file: one article (or one Problem) per line; a bad line never stops it."""
    for item in iter_json_records(path):
        yield item if isinstance(item, Problem) else record_to_document(item[1], item[0])


def iter_json_records(path: Path) -> Iterator[tuple[str, object] | Problem]:
    """Stream any JSONL file as ("path:line", record) pairs, a Problem for each unreadable line."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        handle = opener(path, "rb")
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}", fatal=True)
        return
    with handle:
        try:
            start = handle.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]
        except OSError as exc:  # a .gz that is not gzip
            yield Problem(str(path), f"cannot read: {exc}", fatal=True)
            return
        if b"\x00" in start:
            yield Problem(str(path), "binary file (contains NUL bytes), not JSON lines; skipped", fatal=True)
            return
        bad = 0
        for number, raw_line in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw_line.strip():
                continue
            try:
                line, _ = decode_bytes(raw_line)
                yield where, json.loads(line)
            except (ValueError, json.JSONDecodeError) as exc:
                bad += 1
                if bad <= MAX_LINE_PROBLEMS:
                    yield Problem(where, f"not a JSON record ({_short(exc)}); line skipped", fatal=True)
        if bad > MAX_LINE_PROBLEMS:
            yield Problem(str(path), f"{bad - MAX_LINE_PROBLEMS} more lines were not JSON records and were skipped "
                                     f"(the first {MAX_LINE_PROBLEMS} are listed above)", fatal=True)


def record_to_document(record: object, where: str) -> RawDocument | Problem:
    """Turn one JSON object into a RawDocument, or a Problem saying what is missing."""
    if not isinstance(record, dict):
        return Problem(where, "record is not a JSON object; skipped", fatal=True)
    # news-please and CC-NEWS records name their fields otherwise: maintext, date_publish, source_domain.
    text, html = record.get("text") or record.get("maintext"), record.get("html")
    is_html = False
    if isinstance(text, str) and text.strip():
        content = text
        if looks_like_html(text):
            is_html = True
    elif isinstance(html, str) and html.strip():
        content, is_html = html, True
    else:
        return Problem(where, 'record has no "text" or "html"; skipped', fatal=True)
    if len(content.encode("utf-8", errors="replace")) > MAX_ARTICLE_BYTES:
        return Problem(where, "record is over the one-article size limit; skipped", fatal=True)
    record_id = record.get("id")
    if record_id is None or str(record_id).strip() == "":
        record_id = where.rsplit("/", 1)[-1].replace(".jsonl:", "-")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    published = parse_datetime(record.get("published") or record.get("date") or record.get("date_publish"))
    title = record.get("title")
    source = record.get("source") or record.get("source_domain")
    return RawDocument(
        id=str(record_id),
        content=content,
        is_html=is_html,
        title=str(title).strip() if title else None,
        url=url,
        source=str(source) if source else source_from_url(url),
        published=published,
        path=where,
    )


def read_inputs(paths: Iterable[str | Path]) -> IngestResult:
    """Read every article under `paths`. Never raises on bad input: see `IngestResult.problems`."""
    result = IngestResult()
    files, problems = expand_paths(paths)
    result.problems.extend(problems)
    for path in files:
        if _article_suffix(path) in JSONL_SUFFIXES:
            for item in iter_jsonl(path):
                if isinstance(item, Problem):
                    result.problems.append(item)
                else:
                    result.documents.append(item)
            continue
        if _article_suffix(path) not in ARTICLE_SUFFIXES:
            result.problems.append(Problem(str(path), f"unknown file type {path.suffix or '(none)'}: reading it as text"))
        doc, problems = read_file(path)
        result.problems.extend(problems)
        if doc is not None:
            result.documents.append(doc)
    result.documents = unique_ids(result.documents, result.problems)
    return result


def unique_ids(documents: list[RawDocument], problems: list[Problem]) -> list[RawDocument]:
    """Article ids must be unique in a digest; a repeated id gets a numeric suffix and a warning."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    unique = []
    for doc in documents:
        if doc.id in seen:
            seen[doc.id] += 1
            new_id = f"{doc.id}-{seen[doc.id]}"
            problems.append(Problem(doc.path or doc.id, f"article id {doc.id!r} repeats; renamed {new_id!r}"))
            doc = replace(doc, id=new_id)
        else:
            seen[doc.id] = 1
        unique.append(doc)
    return unique


def _short(exc: Exception) -> str:
    return str(exc).split("\n")[0][:120]


STDIN_NAME = "<stdin>"


def read_stdin(stream: BinaryIO | None = None) -> IngestResult:
    """Articles piped in (`-`): JSONL when the first character is `{`, else one text or HTML article.

    The bytes are spooled to a temporary file so stdin is read by the same code as any file
    (encodings, size limits, broken lines); problems and ids name `<stdin>`, not the spool.
    """
    import shutil
    import tempfile

    stream = stream if stream is not None else sys.stdin.buffer
    with tempfile.TemporaryDirectory(prefix="storydesk-stdin-") as folder:
        spool = Path(folder) / "stdin"
        with spool.open("wb") as handle:
            shutil.copyfileobj(stream, handle)
        with spool.open("rb") as handle:
            head = handle.read(BINARY_SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n")
        path = spool.rename(spool.with_suffix(".jsonl" if head.startswith(b"{") else ".txt"))
        result = read_inputs([path])

    def named(where: str) -> str:
        return where.replace(str(path), STDIN_NAME)

    from dataclasses import replace

    documents = [replace(d, path=named(d.path or ""), id=d.id if path.suffix == ".jsonl" else "stdin")
                 for d in result.documents]
    problems = [replace(p, where=named(p.where)) for p in result.problems]
    return IngestResult(documents, problems)

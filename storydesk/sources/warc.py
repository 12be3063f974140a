"""WARC and ARC files (Common Crawl, CC-NEWS, Heritrix, wget --warc-file), plain or gzipped.

Streamed record by record (warcio): only HTTP responses of status 200 carrying HTML become
documents; a page seen twice (same target URL, or the same payload digest under another URL) is
read once. A damaged record or a truncated file is reported where it broke, and every record
before it is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storydesk.ingest import MAX_ARTICLE_BYTES, decode_bytes, source_from_url
from storydesk.model import Problem, RawDocument

WARC_SUFFIXES = (".warc", ".arc", ".warc.gz", ".arc.gz", ".warc.wet.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TRAILING_SLACK = 16  # bytes after the last record that may be padding, not a lost record


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path) -> Iterator[RawDocument | Problem]:
    """The HTML pages of one archive as raw documents, with a Problem for what could not be read."""
    from warcio.archiveiterator import ArchiveIterator

    where = str(path)
    seen_urls: set[str] = set()
    seen_digests: set[str] = set()
    counts = {"duplicates": 0}
    records = read_to = 0
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(where, f"cannot read: {exc.strerror or exc}", fatal=True)
        return
    with handle:
        try:
            archive = ArchiveIterator(handle, arc2warc=True)
            for record in archive:
                records += 1
                yield from _read_record(record, where, records, seen_urls, seen_digests, counts)
                read_to = archive.get_record_offset() + archive.get_record_length()
        # Besides its own ArchiveLoadFailed, warcio fails inside itself on some damage
        # (AttributeError on a response record with no target URI): still a damaged file.
        except Exception as exc:
            yield _damaged(where, records, _detail(exc))
        else:
            # warcio ends quietly at a gzip member cut short: bytes left unread mean a lost record.
            size = path.stat().st_size
            if size - read_to > TRAILING_SLACK:
                yield _damaged(where, records, f"{size - read_to:,} bytes after it are no complete record")
    duplicates = counts["duplicates"]
    if duplicates:
        yield Problem(where, f"{duplicates} pages already read under the same URL or payload were skipped")


def _detail(exc: Exception) -> str:
    detail = str(exc).splitlines()[0][:120] if str(exc) else "no detail"
    return f"{type(exc).__name__}: {detail}"


def _read_record(record, where: str, number: int, seen_urls: set[str], seen_digests: set[str],
                 counts: dict[str, int]) -> Iterator[RawDocument | Problem]:
    """The document one record holds, if it is an HTML page answered 200 and not seen before."""
    if record.rec_type != "response" or record.http_headers is None:
        return
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or not content_type.startswith(HTML_TYPES):
        return
    digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
    if url in seen_urls or (digest and digest in seen_digests):
        counts["duplicates"] += 1
        return
    seen_urls.add(url)
    if digest:
        seen_digests.add(digest)
    payload = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
    if len(payload) > MAX_ARTICLE_BYTES:
        yield Problem(f"{where} record {number}", f"page {url} is over the one-article size limit; skipped", fatal=True)
        return
    try:
        text, _ = decode_bytes(payload)
    except ValueError as exc:
        yield Problem(f"{where} record {number}", f"page {url}: {exc}; skipped", fatal=True)
        return
    yield RawDocument(id=_record_id(url, number), content=text, is_html=True, url=url or None,
                      source=source_from_url(url), path=f"{where}#{number}")


def _damaged(where: str, records: int, detail: str) -> Problem:
    return Problem(where, f"archive damaged or truncated after record {records} ({detail}); the {records} records "
                          "before it were read", fatal=True)


def _record_id(url: str, number: int) -> str:
    """A readable, stable id: the URL without its scheme (ids must be unique: `unique_ids` sees to it)."""
    return url.split("://", 1)[-1].rstrip("/") if url else f"record-{number}"

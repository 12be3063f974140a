"""Read articles from text files, HTML files, directories and JSONL.

Bad input never raises: each unreadable file or record becomes a `Problem` naming the file (and
line), and everything else is still read.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlparse

from storydesk.model import Problem, RawDocument
from storydesk.safetext import replace_surrogates_in, shown

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
# A JSONL line is one article, so it has the same bound; a longer line is skipped unread.
MAX_LINE_BYTES = MAX_ARTICLE_BYTES
# Real article records nest 2-4 levels (a record, its authors, their links); Python's parser
# recurses per level and dies near 1,000, so a line nested deeper than this is refused unparsed.
MAX_JSON_DEPTH = 64
# gzip'd text shrinks 3-10x (measured: 3.6x on Multi-News JSONL, 4-8x on saved HTML pages); a
# stream that grows more than MAX_EXPANSION times its compressed size, past MIN_EXPANSION_CHECK
# bytes, is a decompression bomb and is not read further.
MAX_EXPANSION = 100
MIN_EXPANSION_CHECK = 16 * 1024 * 1024
READ_CHUNK = 1024 * 1024
# Publication years outside this range are typos or placeholders (0001-01-01, 9999-12-31); date
# arithmetic near the ends of Python's calendar overflows, so they are reported.
PLAUSIBLE_YEARS = range(1800, 2200)
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


_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of zero bytes at a byte position that marks a wide encoding without BOM: mostly-Latin text
# in UTF-16 has a zero in every other byte, in UTF-32 three of four; 8-bit text has none.
WIDE_ZERO_SHARE = 0.6


def sniff_encoding(head: bytes) -> str | None:
    """The encoding the first bytes announce (BOM) or show (zero-byte pattern of UTF-16/32); None
    for a byte-oriented encoding (UTF-8 or an 8-bit code page), decided on the whole text."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    sample = head[: len(head) // 4 * 4]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    zeros = [sample[i::4].count(0) / (len(sample) // 4) for i in range(4)]
    if min(zeros[1:]) > WIDE_ZERO_SHARE and zeros[0] < 0.1:
        return "utf-32-le"
    if min(zeros[:3]) > WIDE_ZERO_SHARE and zeros[3] < 0.1:
        return "utf-32-be"
    odd, even = (zeros[1] + zeros[3]) / 2, (zeros[0] + zeros[2]) / 2
    if odd > WIDE_ZERO_SHARE and even < 0.1:
        return "utf-16-le"
    if even > WIDE_ZERO_SHARE and odd < 0.1:
        return "utf-16-be"
    return None


# Text with a stray NUL (a bad copy, a fuzzer) is still text: binary data (images, archives,
# executables) has NULs in more than 1% of its bytes, or control bytes in more than 10%.
BINARY_NUL_SHARE = 0.01
BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")


def looks_binary(sample: bytes) -> bool:
    """True for bytes that are not text in any 8-bit or UTF-8 encoding (see BINARY_NUL_SHARE)."""
    if b"\x00" not in sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return sample.count(0) > BINARY_NUL_SHARE * len(sample) or controls > BINARY_CONTROL_SHARE * len(sample)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes to text, returning (text, encoding). Raises ValueError for binary data."""
    text, encoding, _ = decode_counted(data)
    return text, encoding


def decode_counted(data: bytes) -> tuple[str, str, int]:
    """(text, encoding, bytes that did not decode and became U+FFFD). Raises ValueError for binary data.

    A text that is UTF-8 but for a few bytes stays UTF-8 (its bad bytes replaced and counted):
    decoding all of it as a code page would turn every quote mark into mojibake."""
    wide = sniff_encoding(data[:BINARY_SNIFF_BYTES])
    if wide:
        text = data.decode(wide, errors="replace")
        return text, wide, text.count("\ufffd") - data.count("\ufffd".encode(wide.removesuffix("-sig")))
    if looks_binary(data[:BINARY_SNIFF_BYTES]):
        raise ValueError("binary file (NUL and control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good_multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if good_multibyte >= bad:  # more valid multi-byte characters than broken ones: UTF-8
        return text, "utf-8", bad
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
    return data.decode(encoding, errors="replace"), encoding, 0


def encoding_problems(where: str, encoding: str, bad: int) -> list[Problem]:
    """The warnings a decoded file gets: the encoding when not UTF-8, and any replaced bytes."""
    problems = []
    if encoding not in ("utf-8", "utf-8-sig"):
        problems.append(Problem(where, f"not UTF-8: decoded as {encoding}"))
    if bad:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        problems.append(Problem(where, f"{name} with {bad:,} invalid byte sequence{'s' * (bad > 1)} "
                                       "replaced with U+FFFD (the rest decoded as it is)"))
    return problems


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
    try:
        host = urlparse(url).netloc.lower()
    except ValueError:  # 'http://[bad': not a URL, so no source from it
        return None
    return host[4:] if host.startswith("www.") else host or None


def expand_paths(paths: Iterable[str | Path], archives: frozenset[str] = frozenset()
                 ) -> tuple[list[Path], list[Problem]]:
    """Turn the user's paths into article files; directories are searched recursively, for
    article files and for files with the `archives` suffixes (web archives the reader opens).

    Only regular files are read: a FIFO would block forever and a device never ends. A folder
    that cannot be listed is reported (its files are not read), never skipped without a word."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            problems.append(Problem(shown(path), "no such file or directory", fatal=True))
            continue
        except OSError as exc:
            problems.append(Problem(shown(path), f"cannot read: {exc.strerror or exc}", fatal=True))
            continue
        if stat.S_ISDIR(info.st_mode):
            found, walk_problems = _walk(path, ARTICLE_SUFFIXES | archives)
            problems.extend(walk_problems)
            if not found and not walk_problems:
                looked_for = ", ".join(sorted(ARTICLE_SUFFIXES))
                if archives:
                    looked_for += f", or web archives {', '.join(sorted(archives))}"
                problems.append(Problem(shown(path), f"directory holds no articles ({looked_for})", fatal=True))
            files.extend(found)
        elif stat.S_ISREG(info.st_mode):
            files.append(path)
        else:
            problems.append(Problem(shown(path), f"{_file_kind(info.st_mode)}, not a file; not read", fatal=True))
    return files, problems


def _walk(folder: Path, suffixes: frozenset[str] | set[str]) -> tuple[list[Path], list[Problem]]:
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(shown(exc.filename or folder), f"cannot read this folder ({exc.strerror or exc}); "
                                                               "its files are not read", fatal=True))

    found: list[Path] = []
    for top, _, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(top, name)
            if name.startswith(".") or _article_suffix(path) not in suffixes:
                continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                problems.append(Problem(shown(path), f"cannot read: {exc.strerror or exc}", fatal=True))
                continue
            if stat.S_ISREG(mode):
                found.append(path)
            else:
                problems.append(Problem(shown(path), f"{_file_kind(mode)}, not a file; not read", fatal=True))
    return sorted(found), problems


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _article_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


class _Source:
    """One input file opened for bytes, gzip'd or not, that stops (and says why) instead of raising.

    A truncated or damaged gzip stream ends the reading with what was read so far; a stream that
    decompresses past MAX_EXPANSION times its size is a bomb and ends it too. `stopped` holds why."""

    def __init__(self, path: Path):
        self.path = path
        self.compressed = path.suffix.lower() == ".gz"
        self.size = path.stat().st_size
        self.handle: io.BufferedIOBase = gzip.open(path, "rb") if self.compressed else path.open("rb")  # type: ignore[assignment]
        self.read_bytes = 0
        self.stopped: str | None = None
        self.expansion_limit = max(MIN_EXPANSION_CHECK, MAX_EXPANSION * self.size) if self.compressed else None

    def __enter__(self) -> _Source:
        return self

    def __exit__(self, *_) -> None:
        self.handle.close()

    def read(self, size: int) -> bytes:
        chunks = []
        # read1: one decompressed piece at a time, so a truncated stream keeps all but its last piece
        while size > 0 and (chunk := self._call(self.handle.read1, min(size, READ_CHUNK))):
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def readline(self, limit: int) -> bytes:
        return self._call(self.handle.readline, limit)

    def peek(self, size: int) -> bytes:
        try:
            return self.handle.peek(size)[:size]  # type: ignore[attr-defined]
        except (OSError, EOFError, zlib.error) as exc:
            self.stopped = f"cannot read: {_short(exc)}"
            return b""

    def _call(self, method, size: int) -> bytes:
        if self.stopped:
            return b""
        try:
            data = method(size)
        except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
            self.stopped = (f"compressed file is truncated or damaged ({_short(exc)}); kept the "
                            f"{self.read_bytes:,} bytes of text read before it" if self.compressed
                            else f"cannot read further: {exc.strerror or exc}")  # type: ignore[union-attr]
            return b""
        self.read_bytes += len(data)
        if self.expansion_limit and self.read_bytes > self.expansion_limit:
            self.stopped = (f"decompresses to over {self.read_bytes / 1024 / 1024:,.0f} MB from "
                            f"{self.size / 1024 / 1024:.1f} MB of gzip (over {MAX_EXPANSION}x; text compresses "
                            "3-10x): a decompression bomb, not read further")
            return b""
        return data


def read_file(path: Path) -> tuple[RawDocument | None, list[Problem]]:
    """Read one .txt or .html article file."""
    where = shown(path)
    problems: list[Problem] = []
    try:
        with _Source(path) as source:
            data = source.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        return None, [Problem(where, f"cannot read: {exc.strerror or exc}", fatal=True)]
    if len(data) > MAX_ARTICLE_BYTES:
        limit_mb = MAX_ARTICLE_BYTES // 1024 // 1024
        size = (f"decompresses to over {limit_mb} MB (from {source.size / 1024 / 1024:.1f} MB of gzip)"
                if source.compressed else f"is {source.size / 1024 / 1024:,.0f} MB")
        return None, [Problem(
            where,
            f"file {size}, over the {limit_mb} MB limit for one "
            "article; not read (split it, or give a JSONL with one article a line)",
            fatal=True,
        )]
    if source.stopped:
        if not data.strip():
            return None, [Problem(where, source.stopped, fatal=True)]
        problems.append(Problem(where, source.stopped))
    if not data.strip():
        return None, [Problem(where, "empty file", fatal=True)]
    try:
        text, encoding, bad = decode_counted(data)
    except ValueError as exc:
        return None, [Problem(where, str(exc), fatal=True)]
    problems.extend(encoding_problems(where, encoding, bad))
    suffix = _article_suffix(path)
    is_html = suffix in HTML_SUFFIXES
    if not is_html and looks_like_html(text):
        is_html = True
        problems.append(Problem(where, "looks like HTML, not plain text: extracting its main text"))
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        problems.append(Problem(where, f"{count} NUL byte{'s' * (count > 1)} removed from the text"))
    stem = path.name.split(".")[0] if path.suffix.lower() == ".gz" else path.stem
    doc = RawDocument(
        id=shown(stem),
        content=text,
        is_html=is_html,
        path=where,
        encoding=encoding,
    )
    return doc, problems


def iter_jsonl(path: Path) -> Iterator[RawDocument | Problem]:
    """Stream a JSONL file: one article (or one Problem) per line; a bad line never stops it."""
    for item in iter_json_records(path):
        if isinstance(item, Problem):
            yield item
            continue
        doc = record_to_document(item[1], item[0])
        if isinstance(doc, RawDocument) and "\x00" in doc.content:
            doc, problem = without_nul(doc)
            yield problem
        yield doc


def without_nul(doc: RawDocument) -> tuple[RawDocument, Problem]:
    """The document with its NUL characters removed (no text holds one; parsers stop at it), and the warning."""
    from dataclasses import replace

    count = doc.content.count("\x00")
    return (replace(doc, content=doc.content.replace("\x00", "")),
            Problem(doc.path or doc.id, f"{count} NUL character{'s' * (count > 1)} removed from the text"))


def iter_json_records(path: Path) -> Iterator[tuple[str, object] | Problem]:
    """Stream any JSONL file as ("path:line", record) pairs, a Problem for each unreadable line.

    Lines are read with bounded size and parsed with bounded depth; a file in UTF-16/32 is read
    in its encoding; a truncated .gz keeps its whole lines and says at which line it stopped."""
    where_file = shown(path)
    try:
        source = _Source(path)
    except OSError as exc:
        yield Problem(where_file, f"cannot read: {exc.strerror or exc}", fatal=True)
        return
    with source:
        start = source.peek(BINARY_SNIFF_BYTES)
        if source.stopped:
            yield Problem(where_file, source.stopped, fatal=True)
            return
        wide = sniff_encoding(start)
        if wide:
            yield Problem(where_file, f"not UTF-8: decoded as {wide}")
        elif looks_binary(start):
            yield Problem(where_file, "binary file (contains NUL bytes), not JSON lines; skipped", fatal=True)
            return
        bad = 0
        number = 0
        for number, line in enumerate(_lines(source, wide), start=1):
            where = f"{where_file}:{number}"
            if line is None:
                bad += 1
                if bad <= MAX_LINE_PROBLEMS:
                    yield Problem(where, f"line is over {MAX_LINE_BYTES // 1024 // 1024} MB (the limit for one "
                                         "article); line skipped", fatal=True)
                continue
            if not line.strip():
                continue
            parsed = _parse_line(line)
            if isinstance(parsed, str):
                bad += 1
                if bad <= MAX_LINE_PROBLEMS:
                    yield Problem(where, f"{parsed}; line skipped", fatal=True)
                continue
            value, replaced = parsed
            if replaced:
                yield Problem(where, f"{replaced} lone surrogate escape{'s' * (replaced > 1)} (not text) "
                                     "replaced with U+FFFD")
            yield where, value
        if source.stopped:
            yield Problem(f"{where_file}:{number + 1}", f"{source.stopped}; the {number:,} lines before it are kept",
                          fatal=True)
        if bad > MAX_LINE_PROBLEMS:
            yield Problem(where_file, f"{bad - MAX_LINE_PROBLEMS} more lines were not JSON records and were skipped "
                                      f"(the first {MAX_LINE_PROBLEMS} are listed above)", fatal=True)


def _lines(source: _Source, wide: str | None) -> Iterator[str | None]:
    """The file's lines as text; None for a line over MAX_LINE_BYTES (read past, never held whole)."""
    if wide:
        # Wide encodings are rare in JSONL; their lines are split after decoding (a newline is
        # two or four bytes there). The decoded text is bounded like one article.
        data = source.read(MAX_LINE_BYTES * 4 + 1)
        if len(data) > MAX_LINE_BYTES * 4:
            source.stopped = f"a {wide} JSONL file is read up to {MAX_LINE_BYTES * 4 // 1024 // 1024} MB; the rest is not"
        yield from data.decode(wide, errors="replace").splitlines()
        return
    while line := source.readline(MAX_LINE_BYTES + 1):
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := source.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        try:
            yield decode_bytes(line)[0]
        except ValueError:
            yield "\x00"  # binary bytes: the parser reports it as not JSON


def _parse_line(line: str) -> tuple[object, int] | str:
    """(record, lone surrogates replaced) or why the line is no JSON record."""
    if _deeper_than(line, MAX_JSON_DEPTH):
        return f"not a JSON record (nested more than {MAX_JSON_DEPTH} levels deep)"
    try:
        value = json.loads(line, strict=False)  # strict=False: a raw tab or newline inside a string is kept
    except (ValueError, RecursionError) as exc:
        return f"not a JSON record ({_short(exc)})"
    if "\\u" in line and re.search(r"\\u[dD][89a-fA-F]", line):
        return replace_surrogates_in(value)
    return value, 0


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _deeper_than(line: str, limit: int) -> bool:
    """True when the JSON text nests arrays/objects more than `limit` levels (strings ignored)."""
    if line.count("[") + line.count("{") <= limit:
        return False
    depth = 0
    for bracket in _NOT_BRACKET.sub("", _JSON_STRING.sub("", line)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


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
    if isinstance(record_id, (dict, list)):
        record_id = json.dumps(record_id)[:200]
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
            result.problems.append(Problem(shown(path), f"unknown file type {path.suffix or '(none)'}: reading it as text"))
        doc, problems = read_file(path)
        result.problems.extend(problems)
        if doc is not None:
            result.documents.append(doc)
    result.documents = unique_ids(result.documents, result.problems)
    for doc in result.documents:
        if doc.published and doc.published.year not in PLAUSIBLE_YEARS:
            result.problems.append(Problem(doc.path or doc.id, f"publication date {doc.published.date()} is out of "
                                   f"range ({PLAUSIBLE_YEARS.start}-{PLAUSIBLE_YEARS.stop - 1}): dates relative to it "
                                   "are not resolved"))
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

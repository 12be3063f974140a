"""Issue 23, the reading rows: hostile files get one clear problem each and nothing else is lost."""

from __future__ import annotations

import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import pytest

from storydesk.ingest import (
    MAX_JSON_DEPTH,
    decode_bytes,
    read_inputs,
    source_from_url,
)

ROOT = Path(__file__).resolve().parent.parent
BODY = ("The harbor fire burned for six hours on Tuesday, officials said. Two warehouses were lost "
        "and one firefighter was treated for smoke. “We were lucky,” the chief said. ")


def record(article_id: str, **extra) -> str:
    return json.dumps({"id": article_id, "title": "Harbor fire", "text": BODY, **extra}) + "\n"


def test_a_lone_surrogate_in_a_record_is_replaced_and_reported(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a\\ud800", "title": "T\\udfff", "text": "Body \\ud83d text. ' + BODY + '"}\n')
    result = read_inputs([path])
    doc = result.documents[0]
    for value in (doc.id, doc.title, doc.content):
        value.encode("utf-8")  # strict: raises if a surrogate is left
    assert "\ufffd" in doc.content and doc.id == "a\ufffd"
    assert any("surrogate" in p.message and not p.fatal for p in result.problems)


def test_a_10000_deep_line_is_one_problem_and_the_good_file_beside_it_is_read(tmp_path):
    deep = tmp_path / "deep.jsonl"
    deep.write_text(record("before") + "[" * 10_000 + "]" * 10_000 + "\n" + '{"a":' * 5000 + "1" + "}" * 5000 + "\n"
                    + record("after"))
    good = tmp_path / "good.jsonl"
    good.write_text(record("good"))
    result = read_inputs([deep, good])
    assert sorted(d.id for d in result.documents) == ["after", "before", "good"]
    deep_problems = [p for p in result.problems if "nested" in p.message]
    assert [p.where for p in deep_problems] == [f"{deep}:2", f"{deep}:3"]
    assert str(MAX_JSON_DEPTH) in deep_problems[0].message


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"id": "x", "text": BODY + "[" * 500 + "{" * 500}) + "\n")
    result = read_inputs([path])
    assert [d.id for d in result.documents] == ["x"] and result.problems == []


def test_a_bad_url_is_no_traceback(tmp_path):
    assert source_from_url("http://[bad") is None
    path = tmp_path / "u.jsonl"
    path.write_text(record("a", url="http://[bad") + record("b", url="https://www.example.com/x"))
    result = read_inputs([path])
    assert [d.id for d in result.documents] == ["a", "b"]
    assert result.documents[1].source == "example.com"


def truncated_gzip(data: bytes) -> bytes:
    whole = gzip.compress(data)
    return whole[: len(whole) * 2 // 3]


def test_a_truncated_txt_gz_keeps_what_was_read_and_says_where_it_stopped(tmp_path):
    text = "".join(f"Paragraph {i}: {BODY}\n\n" for i in range(400)).encode()
    (tmp_path / "cut.txt.gz").write_bytes(truncated_gzip(text))
    (tmp_path / "ok.txt").write_text(BODY)
    result = read_inputs([tmp_path])
    by_id = {d.id: d for d in result.documents}
    assert set(by_id) == {"cut", "ok"}
    assert by_id["cut"].content.startswith("Paragraph 0:") and len(by_id["cut"].content) > 1000
    (problem,) = [p for p in result.problems if "cut.txt.gz" in p.where]
    assert "truncated" in problem.message and f"{len(by_id['cut'].content.encode()):,}" in problem.message


def test_a_truncated_jsonl_gz_keeps_its_whole_lines_and_names_the_line_it_stopped_at(tmp_path):
    lines = "".join(record(f"r{i}") for i in range(200)).encode()
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(truncated_gzip(lines))
    result = read_inputs([path])
    kept = [d.id for d in result.documents]
    assert 50 < len(kept) < 200 and kept == [f"r{i}" for i in range(len(kept))]
    (problem,) = result.problems
    assert "truncated" in problem.message and problem.where == f"{path}:{len(kept) + 1}"


@functools.cache
def gzip_of_zeros(size: int) -> bytes:
    """A gzip stream of `size` spaces, compressed chunk by chunk (never held whole in memory)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    out = []
    for _ in range(size >> 20):
        out.append(compressor.compress(chunk))
    out.append(compressor.flush())
    return b"".join(out)


def test_a_jsonl_gz_bomb_stops_early_with_the_real_figures(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(record("first").encode()) + gzip_of_zeros(2 << 30))
    started = time.process_time()
    result = read_inputs([path])
    assert time.process_time() - started < 20
    assert [d.id for d in result.documents] == ["first"]
    messages = " ".join(p.message for p in result.problems)
    compressed_mb = path.stat().st_size / 1024 / 1024
    assert f"{compressed_mb:.1f} MB" in messages and "decompress" in messages


def test_a_txt_gz_bomb_names_the_decompressed_size_not_the_file_size(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip_of_zeros(2 << 30))
    result = read_inputs([path])
    assert result.documents == []
    (problem,) = result.problems
    assert problem.fatal and "decompress" in problem.message
    assert f"{path.stat().st_size / 1024 / 1024:.1f} MB" in problem.message  # the real compressed size
    assert "file is 2 MB" not in problem.message


def test_a_fifo_named_as_input_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text(BODY)
    code = ("import sys; from storydesk.ingest import read_inputs; r = read_inputs(sys.argv[1:]);"
            "print([d.id for d in r.documents]); print([p.message for p in r.problems])")
    done = subprocess.run([sys.executable, "-c", code, str(fifo), str(tmp_path)], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    ids, messages = done.stdout.splitlines()
    assert ids == "['ok']"
    assert messages.count("FIFO") == 2  # named on the command line, and found in the folder


def test_a_device_is_refused():
    result = read_inputs(["/dev/zero"])
    assert result.documents == [] and "device" in result.problems[0].message and result.problems[0].fatal


def read_as_unprivileged(*paths: Path) -> tuple[list[str], list[str]]:
    """Root reads any file, so permissions are tested in a forked child that dropped to `nobody`."""
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(reader)
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            result = read_inputs(paths)
            answer = json.dumps([sorted(d.id for d in result.documents), sorted(str(p) for p in result.problems)])
        except BaseException as exc:
            answer = json.dumps([["crashed"], [repr(exc)]])
        os.write(writer, answer.encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(child, 0)
    ids, problems = json.loads(answer)
    return ids, problems


def test_unreadable_files_and_folders_are_reported_and_the_rest_read():
    with tempfile.TemporaryDirectory() as folder:
        top = Path(folder)
        top.chmod(0o755)
        (top / "ok.txt").write_text(BODY)
        (top / "secret.txt").write_text(BODY)
        (top / "secret.txt").chmod(0o000)
        (top / "locked").mkdir()
        (top / "locked" / "inside.txt").write_text(BODY)
        (top / "locked").chmod(0o000)
        ids, problems = read_as_unprivileged(top, top / "secret.txt")
        assert ids == ["ok"]
        assert sum("secret.txt: cannot read" in p for p in problems) == 2  # found in the folder, and named
        assert any("locked: cannot read this folder" in p for p in problems)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_or_without_bom_are_detected(encoding):
    text, used = decode_bytes(BODY.encode(encoding))
    assert text == BODY and used.replace("-", "").startswith(encoding.replace("-", "")[:5])


def test_jsonl_in_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_bytes((record("a") + record("b")).encode("utf-16"))
    result = read_inputs([path])
    assert [d.id for d in result.documents] == ["a", "b"] and result.documents[0].content == BODY
    assert [p.fatal for p in result.problems] == [False] and "utf-16" in result.problems[0].message


def test_utf8_with_one_bad_byte_stays_utf8_and_the_bad_byte_is_counted(tmp_path):
    path = tmp_path / "almost.txt"
    path.write_bytes(BODY.encode() + b"One bad \xff byte. " + BODY.encode())
    result = read_inputs([path])
    content = result.documents[0].content
    assert "“We were lucky,”" in content and "bad \ufffd byte" in content
    (problem,) = result.problems
    assert "UTF-8 with 1 invalid" in problem.message and "cp1252" not in problem.message


def test_a_publication_date_out_of_range_is_reported_and_the_digest_keeps_its_stages(tmp_path):
    import storydesk

    path = tmp_path / "old.jsonl"
    text = "The fire started on Monday and burned until next Friday, three days later, the chief said. " + BODY
    path.write_text(json.dumps({"id": "a", "text": text, "published": "0001-01-01"}) + "\n"
                    + json.dumps({"id": "b", "text": text, "published": "9999-12-31T23:00:00"}) + "\n")
    digest = storydesk.digest([path])
    assert not [p for p in digest.problems if p.where.startswith("stage")], digest.problems
    assert any("out of range" in p.message for p in digest.problems)
    assert digest.extraction.quotes  # the extract stage ran


def test_a_stray_nul_in_text_is_removed_and_reported_not_the_whole_file_refused(tmp_path):
    (tmp_path / "nul.txt").write_bytes(BODY.encode() + b"roof \x00 came down. " + BODY.encode())
    (tmp_path / "nul.jsonl").write_text(json.dumps({"id": "j", "text": BODY + "a\x00b"}) + "\n"
                                        + '{"id": "raw", "text": "tab\tinside ' + BODY + '"}\n')
    result = read_inputs([tmp_path])
    by_id = {d.id: d.content for d in result.documents}
    assert set(by_id) == {"nul", "j", "raw"} and "\x00" not in "".join(by_id.values())
    assert "roof  came down" in by_id["nul"] and by_id["raw"].startswith("tab\tinside")
    assert sum("NUL" in p.message and not p.fatal for p in result.problems) == 2

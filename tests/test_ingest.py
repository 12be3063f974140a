"""Bad input gets a clear one-line problem naming the file (and line); the rest is still read."""

from __future__ import annotations

import gzip
import json

from storydesk.ingest import MAX_LINE_PROBLEMS, decode_bytes, looks_like_html, read_inputs


def write(path, data: bytes | str):
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_ingest_reads_text_html_and_directories(tmp_path):
    write(tmp_path / "one.txt", "Headline\n\nBody text here.")
    write(tmp_path / "two.html", "<html><body><p>Hello</p></body></html>")
    result = read_inputs([tmp_path])
    assert sorted(d.id for d in result.documents) == ["one", "two"]
    assert {d.id: d.is_html for d in result.documents} == {"one": False, "two": True}
    assert result.problems == []


def test_ingest_empty_file_is_a_problem_not_a_crash(tmp_path):
    write(tmp_path / "empty.txt", "   \n")
    write(tmp_path / "ok.txt", "Some text.")
    result = read_inputs([tmp_path])
    assert [d.id for d in result.documents] == ["ok"]
    assert len(result.problems) == 1
    assert "empty.txt" in str(result.problems[0]) and "empty" in result.problems[0].message


def test_ingest_binary_file_is_rejected_with_reason(tmp_path):
    write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = read_inputs([tmp_path / "photo.txt"])
    assert result.documents == []
    assert "binary" in result.problems[0].message
    assert result.problems[0].fatal


def test_ingest_non_utf8_is_decoded_and_the_encoding_named(tmp_path):
    text = "Le maire a déclaré que l'incendie était maîtrisé. « C'est fini », a-t-il dit. Ça va très bien."
    write(tmp_path / "latin.txt", text.encode("cp1252"))
    result = read_inputs([tmp_path / "latin.txt"])
    assert result.documents[0].content == text
    assert len(result.problems) == 1 and "not UTF-8" in result.problems[0].message
    assert not result.problems[0].fatal


def test_ingest_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "nothing").mkdir()
    result = read_inputs([tmp_path / "missing.txt", tmp_path / "nothing"])
    assert result.documents == []
    messages = [p.message for p in result.problems]
    assert any("no such file" in m for m in messages)
    assert any("holds no articles" in m for m in messages)


def test_ingest_jsonl_bad_lines_are_reported_and_skipped(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First article.", "title": "T", "published": "2024-03-10"}),
        "{not json",
        json.dumps({"id": "a2", "title": "no text"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "a3", "html": "<html><body><p>Body</p></body></html>", "url": "https://www.example.com/x"}),
    ]
    write(tmp_path / "corpus.jsonl", "\n".join(lines))
    result = read_inputs([tmp_path / "corpus.jsonl"])
    assert [d.id for d in result.documents] == ["a1", "a3"]
    assert result.documents[0].published.isoformat().startswith("2024-03-10")
    assert result.documents[1].is_html and result.documents[1].source == "example.com"
    wheres = [p.where for p in result.problems]
    assert wheres == [f"{tmp_path / 'corpus.jsonl'}:{n}" for n in (2, 3, 4)]


def test_ingest_binary_jsonl_is_one_problem_not_one_per_line(tmp_path):
    write(tmp_path / "dump.jsonl", b"\x00\x01garbage\n" * 500 + bytes(range(256)))
    result = read_inputs([tmp_path / "dump.jsonl"])
    assert result.documents == []
    assert len(result.problems) == 1
    assert "binary" in result.problems[0].message and result.problems[0].fatal


def test_ingest_jsonl_many_bad_lines_are_summed_up_and_good_ones_kept(tmp_path):
    lines = ["{broken"] * 300 + [json.dumps({"id": "ok", "text": "The one good article."})] + ["{broken"] * 5
    write(tmp_path / "corpus.jsonl", "\n".join(lines))
    result = read_inputs([tmp_path / "corpus.jsonl"])
    assert [d.id for d in result.documents] == ["ok"]
    # the first lines one by one, then one count naming the rest, so nothing goes unreported
    assert len(result.problems) == MAX_LINE_PROBLEMS + 1
    assert f"{305 - MAX_LINE_PROBLEMS} more" in result.problems[-1].message


def test_ingest_html_saved_as_txt_is_detected(tmp_path):
    page = "<!DOCTYPE html><html><head><title>x</title></head><body><p>Text</p></body></html>"
    write(tmp_path / "page.txt", page)
    result = read_inputs([tmp_path / "page.txt"])
    assert result.documents[0].is_html
    assert "looks like HTML" in result.problems[0].message


def test_ingest_gzip_and_duplicate_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with gzip.open(tmp_path / "a" / "story.html.gz", "wb") as handle:
        handle.write(b"<html><body><p>Zipped</p></body></html>")
    write(tmp_path / "b" / "story.txt", "Plain")
    result = read_inputs([tmp_path])
    assert sorted(d.id for d in result.documents) == ["story", "story-2"]
    assert any("repeats" in p.message for p in result.problems)


def test_decode_bytes_and_html_sniffing():
    assert decode_bytes("naïve".encode()) == ("naïve", "utf-8")
    assert decode_bytes(b"\xef\xbb\xbfbom")[0] == "bom"
    assert looks_like_html("<html><p>x</p>")
    assert not looks_like_html("He said the <b> tag is bold. Nothing else here.")


def test_ingest_file_over_the_size_limit_is_refused_with_its_size(tmp_path):
    from storydesk.ingest import MAX_ARTICLE_BYTES

    huge = tmp_path / "dump.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1024 * 1024)  # sparse: costs no disk
    result = read_inputs([huge])
    assert not result.documents
    assert any("over the" in p.message and "MB" in p.message and p.fatal for p in result.problems)

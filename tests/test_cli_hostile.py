"""Issue 23 through the command line: each hostile input is one reported problem, no traceback,
and the good input beside it is still written."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from typer.testing import CliRunner

from storydesk.cli import app

runner = CliRunner()
BODY = ("The harbor fire burned for six hours on Tuesday, officials said. Two warehouses were lost "
        "and one firefighter was treated for smoke. “We were lucky,” the chief said.\n\n"
        "Investigators were still at the scene on Wednesday and the cause was not yet known.")


def good(folder):
    path = folder / "good.txt"
    path.write_text("Harbor fire burns for six hours\n\n" + BODY)
    return path


def hostile_inputs(folder):
    """(name, path) of each hostile input the issue lists for `clean` (the reading rows)."""
    folder.mkdir()
    surrogate = folder / "surrogate.jsonl"
    surrogate.write_text('{"id": "s\\ud800", "title": "T\\udfff", "text": ' + json.dumps(BODY)[:-1] + ' \\ud83d"}\n')
    deep = folder / "deep.jsonl"
    deep.write_text("[" * 10_000 + "]" * 10_000 + "\n")
    url = folder / "url.jsonl"
    url.write_text(json.dumps({"id": "u", "url": "http://[bad", "text": BODY}) + "\n")
    truncated = folder / "cut.txt.gz"
    whole = gzip.compress(("Cut story\n\n" + BODY + "\n\n") .encode() * 50)
    truncated.write_bytes(whole[: len(whole) // 2])
    wide = folder / "wide.jsonl"
    wide.write_bytes((json.dumps({"id": "w", "text": BODY}) + "\n").encode("utf-16"))
    wide_text = folder / "wide.txt"
    wide_text.write_bytes(("Wide story\n\n" + BODY).encode("utf-16-le"))
    odd_name = folder / os.fsdecode(b"caf\xe9 [red]\nx.txt")
    odd_name.write_text("Odd name\n\n" + BODY)
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    return folder


def test_clean_reads_every_hostile_input_beside_a_good_file(tmp_path):
    folder = hostile_inputs(tmp_path / "in")
    result = runner.invoke(app, ["clean", str(folder), str(good(tmp_path)), "--out", str(tmp_path / "out.jsonl")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = {r["id"] for r in records}
    assert {"good", "s\ufffd", "u", "cut", "w", "wide", "caf\ufffd [red]\nx"} <= ids
    assert "nested more than" in result.output and "FIFO" in result.output and "truncated" in result.output


def test_clean_to_stdout_and_digest_writers_with_surrogates(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text("".join(
        '{"id": "a' + str(i) + '\\udc80", "title": "Fire \\ud800 [/x]", "published": "2024-03-08", "text": '
        + json.dumps(BODY) + '}\n' for i in range(2)))
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == 0 and "surrogate" in result.output
    outputs = [tmp_path / "d.json", tmp_path / "d.md", tmp_path / "d.html"]
    result = runner.invoke(app, ["digest", str(path), "--json", str(outputs[0]), "--markdown", str(outputs[1]),
                                 "--html", str(outputs[2])])
    assert result.exit_code == 0, result.output
    for output in outputs:
        assert "\ufffd" in output.read_text(encoding="utf-8")


def test_write_output_replaces_surrogates_and_says_so(tmp_path):
    from storydesk import cli

    out = tmp_path / "x.txt"
    cli.write_output(out, "a\ud800b", "test output")
    assert out.read_text(encoding="utf-8") == "a\ufffdb"


@pytest.mark.parametrize("command", [["clean"], ["digest"]])
def test_an_unreadable_file_named_beside_a_good_one_is_reported_not_a_usage_error(tmp_path, command):
    folder = tmp_path / "in"
    folder.mkdir()
    secret = folder / "secret"  # a folder where a file is expected: open() fails like a permission error
    secret.mkdir()
    (secret / "x.bin").write_bytes(b"")
    result = runner.invoke(app, [*command, str(good(tmp_path)), str(tmp_path / "missing.txt")])
    assert result.exit_code == 0, result.output
    assert "missing.txt: no such file" in result.output

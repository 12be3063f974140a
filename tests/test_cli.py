"""The CLI: clear one-line errors for user mistakes, non-zero exit only when nothing was read."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from storydesk.cli import app
from tests.conftest import EXAMPLE_DIR, ROOT

runner = CliRunner()


def test_cli_help_lists_commands_and_options():
    result = runner.invoke(app, ["digest", "--help"])
    assert result.exit_code == 0
    for option in ("--published", "--json", "--markdown"):
        assert option in result.output


def test_cli_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "storydesk", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "digest" in result.stdout


def test_cli_digest_writes_json_and_markdown(tmp_path):
    out_json, out_md = tmp_path / "d.json", tmp_path / "d.md"
    result = runner.invoke(app, ["digest", str(EXAMPLE_DIR), "--json", str(out_json), "--markdown", str(out_md)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out_json.read_text())
    assert doc["schema"] == "storydesk.digest/1"
    assert out_md.read_text().startswith("# ")


def test_cli_nothing_readable_exits_nonzero_without_traceback(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["digest", str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "empty.txt: empty file" in result.output
    assert "bin.txt: binary" in result.output
    assert "nope.txt: no such file" in result.output


def test_cli_some_bad_inputs_still_digest_the_rest(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday.")
    result = runner.invoke(app, ["digest", str(tmp_path), "--json", str(tmp_path / "o.json")])
    assert result.exit_code == 0
    assert "warning" in result.output or "error" in result.output
    assert json.loads((tmp_path / "o.json").read_text())["articles"][0]["id"] == "good"


def test_cli_bad_published_date_is_a_usage_error():
    result = runner.invoke(app, ["digest", str(EXAMPLE_DIR), "--published", "last tuesday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output

"""Batch mode on a real Dask LocalCluster of 2 workers: the same stories and digests as `run`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.store import StoryStore
from tests.conftest import EXAMPLE_DIR

pytest.importorskip("dask.distributed")
runner = CliRunner()
pytestmark = pytest.mark.slow


def corpus(tmp_path):
    """The bundled example's four text articles plus three on another story, as one JSONL stream."""
    path = tmp_path / "stream.jsonl"
    with path.open("w") as handle:
        for article in sorted(EXAMPLE_DIR.glob("*.txt")):
            handle.write(json.dumps({"id": article.stem, "text": article.read_text()}) + "\n")
        for n in range(3):
            handle.write(json.dumps({"id": f"fares-{n}", "title": "Council approves transit fare increase",
                                     "text": "The city council approved a transit fare increase on Tuesday, raising the "
                                             f"bus fare to $2.75 from $2.50, officials said. Report {n}. Riders groups "
                                             "said the increase would hurt low-income commuters the most."}) + "\n")
        handle.write("{broken line\n")
    return path


def digests_of(store_path) -> dict:
    with StoryStore(store_path) as store:
        return {row.id: store.digest_dict(row.id) for row in store.stories() if store.digest_dict(row.id)}


def test_batch_on_two_workers_gives_what_run_gives(tmp_path):
    stream = corpus(tmp_path)
    single = tmp_path / "run.db"
    assert runner.invoke(app, ["run", str(stream), "--store", str(single), "--published", "2024-03-11"]).exit_code == 0
    out = tmp_path / "batch"
    result = runner.invoke(app, ["batch", str(stream), "--out", str(out), "--workers", "2", "--published", "2024-03-11"])
    assert result.exit_code == 0, result.output
    assert "on 2 workers" in result.output and "stream.jsonl:8: not a JSON record" in result.output
    with StoryStore(single) as a, StoryStore(out / "stories.db") as b:
        assert a.assignments() == b.assignments()
    assert digests_of(single) == digests_of(out / "stories.db")
    lines = (out / "digests.jsonl").read_text().splitlines()
    assert len(lines) == len(digests_of(single)) == 2
    assert [json.loads(line)["id"] for line in (out / "assignments.jsonl").read_text().splitlines()][:2] == [
        "city-tribune", "daily-courier"]
    rerun = runner.invoke(app, ["batch", str(stream), "--out", str(out), "--workers", "1"])
    assert rerun.exit_code == 0 and "0 articles added, 7 already seen" in rerun.output


def test_batch_unreachable_scheduler_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday.\n")
    result = runner.invoke(app, ["batch", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                                 "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "error: batch could not run" in result.output and "Traceback" not in result.output

"""Run every command on generated hostile inputs and count what went wrong.

Each command runs in-process (typer's CliRunner: no interpreter start per run) under a SIGALRM
watchdog. A run is a crash when it ends in an exception other than an exit (a traceback) or
with an exit code other than 0 (done) or 1 (nothing readable) or 2 for a story too big to
digest (a documented refusal), a hang when the watchdog fires,
and `clean` loses a line when an input line is neither in the output (body or title) nor listed
in `removed` with a known kind, and no error was reported for its file.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import signal
import sqlite3
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from typer.testing import CliRunner

from storydesk.cli import app, printable
from storydesk.model import REMOVED_KINDS
from storydesk.safetext import shown
from tests.fuzz.generate import FuzzInput, cluster_file, generate_inputs

COMMANDS = ("clean", "cluster", "reuse", "summarize", "digest", "run", "stories", "show")


class Hang(Exception):
    """The watchdog fired: a command ran past its time limit."""


@dataclass
class Tally:
    inputs: int = 0
    runs: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COMMANDS, 0))
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    lost_lines: list[str] = field(default_factory=list)
    # Lost from inputs in capitals or hard-wrapped: the clean stage's rows of issue 23, counted
    # apart so a regression there is told from one in reading.
    lost_in_layouts: list[str] = field(default_factory=list)
    checked_lines: int = 0
    excused_lines: int = 0  # in a file that got an error message (refused or left out, with a reason)

    def merge(self, other: Tally) -> None:
        self.inputs += other.inputs
        for command, count in other.runs.items():
            self.runs[command] += count
        self.crashes += other.crashes
        self.hangs += other.hangs
        self.lost_lines += other.lost_lines
        self.lost_in_layouts += other.lost_in_layouts
        self.checked_lines += other.checked_lines
        self.excused_lines += other.excused_lines


@contextmanager
def watchdog(seconds: int):
    def fire(*_):
        raise Hang(f"over {seconds} s")
    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write_inputs(folder: Path, inputs: list[FuzzInput]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in inputs:
        path = folder / item.name.replace("/", "_")
        path.write_bytes(item.data)
        paths.append(path)
    return paths


def invoke(tally: Tally, label: str, args: list[str], timeout: int):
    command = args[0]
    tally.runs[command] += 1
    runner = CliRunner()
    try:
        with watchdog(timeout):
            result = runner.invoke(app, args, catch_exceptions=True)
    except Hang as exc:  # fired outside the command, while the runner was cleaning up
        tally.hangs.append(f"{label} {command}: {exc}")
        return None
    if isinstance(result.exception, Hang):
        tally.hangs.append(f"{label} {command}: {result.exception}")
    elif result.exception is not None and not isinstance(result.exception, SystemExit):
        tally.crashes.append(f"{label} {command}: {type(result.exception).__name__}: {result.exception}"[:500])
    elif (result.exit_code not in (0, 1) and not _REFUSED.search(result.output)) or "Traceback" in result.output \
            or _STAGE_FAILED.search(result.output):
        tally.crashes.append(f"{label} {command}: exit {result.exit_code}: {result.output[-300:]!r}")
    return result


# Exit 2 with this message is a documented refusal (a story too big for one digest), no crash.
_REFUSED = re.compile(r"too many for one digest")
# The pipeline keeps a digest when a stage raises, but that is a bug the input found: a crash.
_STAGE_FAILED = re.compile(r"stage \w+: failed \(")


def run_case(folder: Path, inputs: list[FuzzInput], rng: random.Random, commands: tuple[str, ...],
             timeout: int = 60, label: str = "") -> Tally:
    """Run `commands` on one folder of inputs; `clean` output is checked line by line."""
    tally = Tally(inputs=len(inputs))
    paths = write_inputs(folder / "in", inputs)
    inbox = str(folder / "in")
    out = folder / "out"
    out.mkdir(exist_ok=True)
    for command in commands:
        if command == "clean":
            result = invoke(tally, label, ["clean", inbox, "--out", str(out / "clean.jsonl")], timeout)
            if result is not None and result.exit_code in (0, 1) and result.exception is None or (
                    result is not None and isinstance(result.exception, SystemExit)):
                check_lines(tally, label, inputs, paths, out / "clean.jsonl", result.output)
        elif command == "cluster":
            invoke(tally, label, ["cluster", inbox, "--out", str(out / "cluster.jsonl")], timeout)
        elif command == "reuse":
            invoke(tally, label, ["reuse", inbox, "--out", str(out / "reuse.jsonl")], timeout)
        elif command == "summarize":
            clusters = folder / "clusters.jsonl"
            clusters.write_bytes(cluster_file(rng, inputs))
            invoke(tally, label, ["summarize", str(clusters), "--out", str(out / "summaries.jsonl")], timeout)
        elif command == "digest":
            invoke(tally, label, ["digest", inbox, "--json", str(out / "d.json"), "--markdown", str(out / "d.md")],
                   timeout)
            invoke(tally, label, ["digest", inbox], timeout)  # to the terminal
        elif command == "run":
            store = folder / "store.db"
            invoke(tally, label, ["run", inbox, "--store", str(store)], timeout)
            if store.exists():
                invoke(tally, label, ["stories", "--store", str(store)], timeout)
                for story in _story_ids(store)[:2]:
                    invoke(tally, label, ["show", story, "--store", str(store), "--json", str(out / "show.json")],
                           timeout)
                    invoke(tally, label, ["show", story, "--store", str(store)], timeout)
    return tally


def _story_ids(store: Path) -> list[str]:
    try:
        with sqlite3.connect(store) as db:
            return [row[0] for row in db.execute("SELECT id FROM stories ORDER BY articles DESC, id")]
    except sqlite3.Error:
        return []


_SPACE = re.compile(r"\s+")


# An HTML entity closed by its semicolon reads as its character in plain text too ("S&amp;P").
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def normal(text: str) -> str:
    """Text compared without differences in spacing, Unicode form, HTML entities or invisible
    characters."""
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), text).replace("\ufffd", "")
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return _SPACE.sub(" ", text).strip().lower()


def check_lines(tally: Tally, label: str, inputs: list[FuzzInput], paths: list[Path], output: Path,
                messages: str) -> None:
    records = []
    if output.exists():
        for line in output.read_text(encoding="utf-8").split("\n"):
            if not line:
                continue
            records.append(json.loads(line))
    pieces = []
    for record in records:
        pieces += [record.get("title") or "", record["text"]]
        for removed in record["removed"]:
            if removed["kind"] not in REMOVED_KINDS:
                tally.lost_lines.append(f"{label}: unknown removed kind {removed['kind']!r}")
            pieces.append(removed["text"])
    corpus = normal("\n".join(pieces))
    for item, path in zip(inputs, paths, strict=True):
        if not item.lines:
            continue
        reported = _left_out_with_reason(printable(shown(path)), messages) or _left_out_with_reason(
            shown(path), messages)
        # A break character inside a generated line (\r, \x0c, U+2028...) makes it two lines of the file.
        for line in (part for whole in item.lines for part in whole.splitlines()):
            if not normal(line):
                continue
            tally.checked_lines += 1
            if normal(line) in corpus:
                continue
            where = f"{label} {item.kind} {path.name!r}: {line[:120]!r}"
            if reported:
                tally.excused_lines += 1
            elif item.layouts:
                tally.lost_in_layouts.append(f"{sorted(item.layouts)} {where}")
            else:
                tally.lost_lines.append(where)


# Words of the messages that say an input (or a record of it) was not read or was left out.
_LEFT_OUT = re.compile(r"left out|skipped|not read|cannot read|truncated|no article|binary|empty file|not a JSON")


def _left_out_with_reason(where: str, messages: str) -> bool:
    """True when a message names the file (or one of its lines) and says it was not read whole."""
    # One message per "warning:"/"error:" start, not per line: a file name may hold a newline.
    return any(where in message and _LEFT_OUT.search(message) for message in _MESSAGE_START.split(messages))


_MESSAGE_START = re.compile(r"^(?=warning: |error: )", re.M)


def fuzz(seed: int, cases: int, inputs_per_case: int, root: Path, commands_for: Callable[[int], tuple[str, ...]],
         big: bool = False, timeout: int = 60, progress: Callable[[int, Tally], None] | None = None) -> Tally:
    """`cases` folders of generated inputs, each run through the commands `commands_for(case)` names."""
    total = Tally()
    for case in range(cases):
        rng = random.Random(f"{seed}-{case}")
        inputs = generate_inputs(rng, inputs_per_case, big=big)
        folder = root / f"case{case:05d}"
        total.merge(run_case(folder, inputs, rng, commands_for(case), timeout, label=f"seed {seed} case {case}"))
        _remove(folder)
        if progress:
            progress(case, total)
    return total


def _remove(folder: Path) -> None:
    for top, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            os.unlink(os.path.join(top, name))
        for name in dirs:
            os.rmdir(os.path.join(top, name))
    os.rmdir(folder)

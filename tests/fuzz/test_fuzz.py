"""A short seeded fuzz run in `make test` (benchmarks/fuzz.py is the long one): every command on
hostile inputs, no traceback, no hang, no line lost without a word."""

from __future__ import annotations

from tests.fuzz.runner import COMMANDS, fuzz

SEED = 23
CASES = 6
INPUTS_PER_CASE = 8


def commands_for(case: int) -> tuple[str, ...]:
    # The cheap commands on every case; the model stages (digest, run) on two of them.
    return COMMANDS if case in (3, 5) else ("clean", "cluster", "reuse", "summarize")


def test_short_seeded_fuzz_run(tmp_path):
    tally = fuzz(SEED, CASES, INPUTS_PER_CASE, tmp_path, commands_for, timeout=120)
    assert tally.inputs == CASES * INPUTS_PER_CASE and all(tally.runs.values())
    assert tally.checked_lines > 100
    assert tally.crashes == [], "\n".join(tally.crashes)
    assert tally.hangs == [], "\n".join(tally.hangs)
    assert tally.lost_lines == [], "\n".join(tally.lost_lines[:30])
    assert tally.lost_in_layouts == [], "\n".join(tally.lost_in_layouts[:30])  # capitals, hard wraps

"""The long fuzz run: hostile inputs through every command, counting crashes, hangs and lost lines.

    .venv/bin/python benchmarks/fuzz.py --seed 1 --cases 400 --inputs-per-case 25

Inputs come from tests/fuzz/generate.py (seeded: a failure is reproduced by its seed and case),
including the costly ones the short run in `make test` leaves out (30 MB lines, gzip bombs).
`clean`, `cluster`, `reuse` and `summarize` run on every case; `digest` (to files and to the
terminal), `run`, `stories` and `show` on every `--digest-every`th (they run the model stages).
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz.runner import COMMANDS, Tally, fuzz  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--inputs-per-case", type=int, default=25)
    parser.add_argument("--digest-every", type=int, default=25)
    parser.add_argument("--timeout", type=int, default=180, help="seconds before one command counts as a hang")
    parser.add_argument("--no-big", action="store_true", help="leave out the 30 MB lines and the gzip bombs")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # trafilatura's per-page warnings

    def commands_for(case: int) -> tuple[str, ...]:
        return COMMANDS if case % args.digest_every == 0 else ("clean", "cluster", "reuse", "summarize")

    started_cpu, started = time.process_time(), time.time()

    shown = {"crashes": 0, "hangs": 0, "lost lines": 0}

    def progress(case: int, tally: Tally) -> None:
        for title, items in (("crashes", tally.crashes), ("hangs", tally.hangs), ("lost lines", tally.lost_lines)):
            for item in items[shown[title]:]:
                print(f"  {title}: {item}", file=sys.stderr, flush=True)
            shown[title] = len(items)
        if (case + 1) % 20 == 0:
            print(f"  {case + 1} cases, {tally.inputs} inputs: {len(tally.crashes)} crashes, {len(tally.hangs)} hangs, "
                  f"{len(tally.lost_lines)} lost lines ({time.time() - started:.0f} s)", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="storydesk-fuzz-") as root:
        tally = fuzz(args.seed, args.cases, args.inputs_per_case, Path(root), commands_for, big=not args.no_big,
                     timeout=args.timeout, progress=progress)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seed {args.seed}: {tally.inputs:,} inputs in {args.cases} cases; command runs: "
          + ", ".join(f"{c} {n:,}" for c, n in tally.runs.items()))
    print(f"crashes {len(tally.crashes)}, hangs {len(tally.hangs)}, lost lines {len(tally.lost_lines)} "
          f"(of {tally.checked_lines:,} input lines checked; {tally.excused_lines:,} in files refused or left out "
          f"with an error message; {len(tally.lost_in_layouts):,} lost in capitals/hard-wrapped text, the clean "
          "stage's rows of issue 23)")
    print(f"CPU {time.process_time() - started_cpu:.0f} s, wall {time.time() - started:.0f} s, peak RSS {peak_mb:.0f} MB")
    for title, items in (("crashes", tally.crashes), ("hangs", tally.hangs), ("lost lines", tally.lost_lines),
                         ("lost in layouts", tally.lost_in_layouts)):
        for item in items[:15]:
            print(f"  {title}: {item}")
    sys.exit(1 if tally.crashes or tally.hangs or tally.lost_lines else 0)


if __name__ == "__main__":
    main()

"""Run every benchmark in this folder, one after another, and keep each one's printed figures.

    python benchmarks/run_all.py            # all of them (long: the throughput runs use 100,000 articles)
    python benchmarks/run_all.py clean reuse  # only these

Each bench_<name>.py is a standalone script; its output is saved to benchmarks/results/<name>.txt.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="benchmark names (bench_<name>.py); default: all")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.names]
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    failed = 0
    for script in scripts:
        name = script.stem.removeprefix("bench_")
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=HERE.parent)
        output = run.stdout + (f"\n[stderr]\n{run.stderr}" if run.returncode else "")
        (results / f"{name}.txt").write_text(output, encoding="utf-8")
        print(run.stdout, flush=True)
        print(f"({time.perf_counter() - started:.0f} s, exit {run.returncode})\n", flush=True)
        failed += run.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

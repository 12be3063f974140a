"""CPU time of cleaning against input size (`python benchmarks/bench_clean.py --scaling`).

Three inputs that were quadratic, each beside a linear floor measured in the same run:
- one plain text of N short lines (a live blog, a transcript): `clean_text`, and as the floor the
  same text split into lines and keyed (`split_lines` and `line_key` on every line);
- an HTML page with many unclosed `<script>` tags: `extract_html`, and as the floor lxml parsing
  the same page once;
- one unbroken line of a paragraph pasted over and over (a page saved without line breaks):
  `clean_text`, and as the floor splitting and keying it (a 2 MB one took 143 s before the fix).
A near-linear stage keeps its time per line (or per KB) flat as the size doubles. The text table
also gives the peak memory Python allocated while cleaning (tracemalloc, a separate pass).
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.clean import clean_text  # noqa: E402
from storydesk.clean.form import line_key, split_lines  # noqa: E402
from storydesk.clean.html import extract_html  # noqa: E402

LINE_COUNTS = (2_000, 4_000, 8_000, 16_000, 32_000, 64_000)
SCRIPT_PAGE_KB = (64, 128, 256, 512, 1024, 2048)
UNBROKEN_KB = (256, 512, 1024, 2048)
SEED = 7
_WORDS = ("the minister said council vote rail strike talks ended police said crowd fire crews "
          "water prices rose market closed league match goal update live blog report").split()


def short_lines_text(count: int, seed: int = SEED) -> str:
    """A live-blog-like text: a headline, then `count` short lines of 4-12 words, some sentences."""
    rng = random.Random(seed)
    lines = ["Live: the council vote as it happened"]
    for i in range(count):
        words = rng.choices(_WORDS, k=rng.randint(4, 12))
        end = "." if rng.random() < 0.6 else ""
        lines.append(f"{i // 60:02d}:{i % 60:02d} {' '.join(words).capitalize()}{end}")
    return "\n".join(lines) + "\n"


def unclosed_scripts_page(kilobytes: int) -> str:
    """An article page whose markup opens a `<script>` every ~64 bytes and never closes one."""
    body = "".join(f"<p>Paragraph {i} of the article says what happened at the council vote today.</p>"
                   for i in range(8))
    chunk = "<script>var a=1;</script x><div>menu item</div><script>b=2\n"
    count = kilobytes * 1024 // len(chunk)
    return f"<html><head><title>Vote</title></head><body><article>{body}</article>{chunk * count}</body></html>"


def cpu(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def peak_mb(run: Callable[[], object]) -> float:
    """Peak memory Python allocated during `run` (tracemalloc, measured in a separate pass: it slows the run)."""
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def key_every_line(text: str) -> None:
    for line in split_lines(text):
        line_key(line.text)


def main() -> None:
    import lxml.html

    print("One plain text of N short lines (CPU seconds; the floor splits and keys every line)")
    print(f"{'lines':>8} {'clean_text':>11} {'us/line':>8} {'floor':>8} {'ratio':>6} {'body lines':>11} "
          f"{'input MB':>9} {'peak MB':>8}")
    for count in LINE_COUNTS:
        text = short_lines_text(count)
        result: list = []
        seconds = cpu(lambda t=text: result.append(clean_text(t)))  # noqa: B023
        floor = cpu(lambda t=text: key_every_line(t))
        kept = result[0].text.count("\n\n") + 1 if result[0].text else 0
        peak = peak_mb(lambda t=text: clean_text(t))
        print(f"{count:>8,} {seconds:>11.2f} {seconds / count * 1e6:>8.1f} {floor:>8.2f} "
              f"{seconds / max(floor, 1e-9):>6.1f} {kept:>11,} {len(text) / 1e6:>9.2f} {peak:>8.1f}")
    print("\nAn HTML page with many unclosed <script> tags (CPU seconds; the floor is one lxml parse)")
    print(f"{'KB':>8} {'extract_html':>13} {'ms/KB':>7} {'floor':>8} {'body found':>11}")
    for kilobytes in SCRIPT_PAGE_KB:
        page = unclosed_scripts_page(kilobytes)
        found: list = []
        seconds = cpu(lambda p=page: found.append(extract_html(p)))  # noqa: B023
        floor = cpu(lambda p=page: lxml.html.document_fromstring(p))
        ok = "Paragraph 7 of the article" in found[0].text
        print(f"{kilobytes:>8,} {seconds:>13.2f} {seconds / kilobytes * 1e3:>7.1f} {floor:>8.2f} {ok!s:>11}")
    print("\nOne unbroken line of a paragraph repeated (CPU seconds; the floor splits and keys the line)")
    print(f"{'KB':>8} {'clean_text':>11} {'ms/KB':>7} {'floor':>8} {'ratio':>6}")
    paragraph = ("The mayor of Springfield said on Friday that the city would close the old bridge "
                 "for repairs next month. ")
    for kilobytes in UNBROKEN_KB:
        text = paragraph * (kilobytes * 1024 // len(paragraph))
        seconds = cpu(lambda t=text: clean_text(t))
        floor = cpu(lambda t=text: key_every_line(t))
        print(f"{kilobytes:>8,} {seconds:>11.2f} {seconds / kilobytes * 1e3:>7.1f} {floor:>8.2f} "
              f"{seconds / max(floor, 1e-9):>6.1f}")


if __name__ == "__main__":
    main()

"""Benchmark the clean stage on the article extraction benchmark (aeb), peers side by side.

    python benchmarks/bench_clean.py                 # HTML path, plain-text path, peers
    python benchmarks/bench_clean.py --multinews 40  # also: what cleaning removes from Multi-News
    python benchmarks/bench_clean.py --split heldout # score one half only (tune | heldout | all)
    python benchmarks/bench_clean.py --scaling       # CPU time against size: long texts, unclosed <script>s
    python benchmarks/bench_clean.py --fresh         # hand-read fresh Multi-News sample (held out)
    python benchmarks/bench_clean.py --fresh --second  # the second fresh sample (seed 2222)
    python benchmarks/bench_clean.py --fresh --third   # the third fresh sample (seed 2317)
    python benchmarks/bench_clean.py --fresh --fourth  # the fourth fresh sample (seed 2418)
    python benchmarks/bench_clean.py --fresh --fifth   # the fifth fresh sample (seed 2519)
    python benchmarks/bench_clean.py --fresh --sixth   # the sixth fresh sample (seed 2620)
    python benchmarks/bench_clean.py --fresh --seventh # the seventh fresh sample (seed 2721)
    python benchmarks/bench_clean.py --repeat 5      # also the median CPU ratio to trafilatura over 5 paired runs

Scores use the benchmark's own metric (see ../shared/data/README.md): `\\w+` tokens, 4-token
shingles as multisets, per-page precision and recall averaged over pages, F1 from the means.
Rows:
- storydesk (HTML): `clean.clean_documents` on each raw page (trafilatura + line cleaner);
- trafilatura (live): `trafilatura.extract` with its defaults, run here on the same pages, and
  with include_comments=False (how storydesk calls it);
- peers/*.json: the stored outputs the benchmark ships (trafilatura, newspaper, readability);
- storydesk (plain text): `clean_documents` on peers/html-text.json, each whole page as text;
- html-text (uncleaned): that same input scored as it is.

The aeb pages are split in two halves by a fixed rule, CRC-32 of the page id (even: `tune`, odd:
`heldout`; 92 and 89 pages). Rules are tuned on the tune half; the held-out half is scored, and
its pages read, only to check. Every row prints tune, held-out and all pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.clean import clean_documents  # noqa: E402
from storydesk.model import RawDocument  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
_TOKEN = re.compile(r"\w+", re.U)


def shingles(text: str, size: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def page_scores(predicted: str, truth: str) -> tuple[float, float]:
    """Precision and recall of one page, with the benchmark's conventions for empty texts."""
    pred, true = shingles(predicted), shingles(truth)
    if not pred and not true:
        return 1.0, 1.0
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


SPLITS = ("tune", "heldout", "all")


def split_of(page_id: str) -> str:
    """The fixed half a page belongs to: CRC-32 of its id, even for tune, odd for held-out."""
    return "heldout" if zlib.crc32(page_id.encode()) % 2 else "tune"


def in_split(page_id: str, split: str) -> bool:
    return split == "all" or split_of(page_id) == split


def score(outputs: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    if not truth:
        return 0.0, 0.0, 0.0
    pairs = [page_scores(outputs.get(key, ""), body) for key, body in truth.items()]
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_peer(aeb: Path, name: str) -> dict[str, str]:
    data = json.loads((aeb / "peers" / f"{name}.json").read_text())
    data = data.get("output", data)
    return {key: (value or {}).get("articleBody") or "" for key, value in data.items()}


def run_storydesk(pages: dict[str, str], is_html: bool) -> dict[str, str]:
    """Each page is its own story here (the aeb pages are unrelated), so no cross-page evidence."""
    out = {}
    for key, content in pages.items():
        articles, _ = clean_documents([RawDocument(id=key, content=content, is_html=is_html)])
        out[key] = articles[0].text if articles else ""
    return out


def run_trafilatura(pages: dict[str, str], **options: bool) -> dict[str, str]:
    import trafilatura

    return {key: trafilatura.extract(html, **options) or "" for key, html in pages.items()}


def timed(run: Callable[[], dict[str, str]]) -> tuple[dict[str, str], float]:
    """The outputs and the CPU seconds they took (the machine is shared: wall time varies)."""
    start = time.process_time()
    out = run()
    return out, time.process_time() - start


WARM_UP_PAGES = 3
Row = tuple[str, dict[str, str], float | None]  # system, its output per page, CPU seconds


def bench_aeb(aeb: Path, truth: dict[str, str], live: bool) -> list[Row]:
    html = {k: gzip.open(aeb / "html" / f"{k}.html.gz").read().decode("utf-8", errors="replace") for k in truth}
    page_text = load_peer(aeb, "html-text")
    rows: list[Row] = []
    # Imports and first-call set-up (lxml, trafilatura, htmldate) are paid before timing, by both.
    warm = dict(list(html.items())[:WARM_UP_PAGES])
    run_storydesk(warm, is_html=True)
    if live:
        run_trafilatura(warm)
    out, seconds = timed(lambda: run_storydesk(html, is_html=True))
    rows.append(("storydesk clean (HTML)", out, seconds))
    if live:
        import trafilatura

        out, seconds = timed(lambda: run_trafilatura(html))
        rows.append((f"trafilatura {trafilatura.__version__} (live, defaults)", out, seconds))
        # The setting storydesk calls it with: the difference to our row is the line cleaner's.
        out, seconds = timed(lambda: run_trafilatura(html, include_comments=False))
        rows.append((f"trafilatura {trafilatura.__version__} (live, no comments)", out, seconds))
    for peer in ("trafilatura", "newspaper", "readability"):
        rows.append((f"peers/{peer}.json (stored)", load_peer(aeb, peer), None))
    out, seconds = timed(lambda: run_storydesk({k: page_text.get(k, "") for k in truth}, is_html=False))
    rows.append(("storydesk clean (plain text of page)", out, seconds))
    rows.append(("html-text, uncleaned (plain-text input)", page_text, None))
    return rows


def paired_ratio(aeb: Path, truth: dict[str, str], repeat: int) -> None:
    """Median CPU-time ratio of storydesk's HTML cleaning to trafilatura's defaults, timed in turn
    `repeat` times (the machine is shared: one run's ratio swings by a tenth or more)."""
    import statistics

    html = {k: gzip.open(aeb / "html" / f"{k}.html.gz").read().decode("utf-8", errors="replace") for k in truth}
    ratios = []
    from storydesk.clean.rules import match_rule

    for _ in range(repeat):
        match_rule.cache_clear()  # a run must not reuse the rule matches of the run before
        _, ours = timed(lambda: run_storydesk(html, is_html=True))
        _, peer = timed(lambda: run_trafilatura(html))
        ratios.append(ours / peer)
    print(f"paired runs ({repeat}): storydesk / trafilatura CPU ratio median {statistics.median(ratios):.2f}x "
          f"(runs: {', '.join(f'{r:.2f}' for r in ratios)})")


def print_aeb(rows: list[Row], truth: dict[str, str], splits: tuple[str, ...]) -> None:
    halves = {split: {k: v for k, v in truth.items() if in_split(k, split)} for split in splits}
    header = "".join(f" {split + f' ({len(halves[split])})':>21}" for split in splits)
    print(f"{'system':<44}{header} {'CPU s':>7}")
    print(f"{'':<44}" + f" {'P':>6} {'R':>6} {'F1':>6}" * len(splits))
    for name, out, seconds in rows:
        figures = "".join(" {:6.3f} {:6.3f} {:6.3f}".format(*score(out, halves[split])) for split in splits)
        took = f"{seconds:7.1f}" if seconds is not None else f"{'-':>7}"
        print(f"{name:<44}{figures} {took}")
    cpu = {name: seconds for name, _, seconds in rows if seconds}
    ours = next((s for n, s in cpu.items() if n.startswith("storydesk clean (HTML)")), None)
    peer = next((s for n, s in cpu.items() if n.endswith("(live, defaults)")), None)
    if ours and peer:
        print(f"CPU time, storydesk clean (HTML) / trafilatura (live, defaults), same run: {ours / peer:.2f}x")


def bench_multinews(path: Path, stories: int) -> None:
    """What cleaning removes from raw Multi-News scrapes: counts per kind and examples."""
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    articles_in = articles_out = chars_in = chars_out = 0
    with path.open() as handle:
        for number, line in enumerate(handle):
            if number >= stories:
                break
            record = json.loads(line)
            docs = [RawDocument(id=f"{record['id']}-{d['id']}", content=d["text"]) for d in record["documents"]
                    if d.get("text", "").strip()]
            articles, _ = clean_documents(docs)
            articles_in += len(docs)
            articles_out += len(articles)
            chars_in += sum(len(d.content) for d in docs)
            chars_out += sum(len(a.text) for a in articles)
            for article in articles:
                for removed in article.removed:
                    kinds[removed.kind] += 1
                    examples.setdefault(removed.kind, []).append(removed.text[:100])
    print(f"\nMulti-News: {articles_in} articles in {stories} stories, {articles_out} with a body; "
          f"{chars_out / max(chars_in, 1):.1%} of characters kept")
    print(f"{'kind':<12} {'lines':>6}  examples")
    for kind, count in kinds.most_common():
        sample = " | ".join(examples[kind][:: max(1, len(examples[kind]) // 3)][:3])
        print(f"{kind:<12} {count:>6}  {sample[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data directory")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N aeb pages")
    parser.add_argument("--no-live", action="store_true", help="skip the live trafilatura run")
    parser.add_argument("--multinews", type=int, default=0, metavar="N", help="also clean N Multi-News stories")
    parser.add_argument("--split", choices=SPLITS, default=None,
                        help="clean and score only this half of the aeb pages (default: all, every half shown)")
    parser.add_argument("--scaling", action="store_true", help="only time cleaning against input size")
    parser.add_argument("--fresh", action="store_true",
                        help="only score the hand-read fresh Multi-News sample (gold/clean/multinews_fresh.json)")
    parser.add_argument("--second", action="store_true",
                        help="with --fresh: the second sample (gold/clean/multinews_fresh2.json)")
    parser.add_argument("--third", action="store_true",
                        help="with --fresh: the third sample (gold/clean/multinews_fresh3.json)")
    parser.add_argument("--fourth", action="store_true",
                        help="with --fresh: the fourth sample (gold/clean/multinews_fresh4.json)")
    parser.add_argument("--fifth", action="store_true",
                        help="with --fresh: the fifth sample (gold/clean/multinews_fresh5.json)")
    parser.add_argument("--sixth", action="store_true",
                        help="with --fresh: the sixth sample (gold/clean/multinews_fresh6.json)")
    parser.add_argument("--seventh", action="store_true",
                        help="with --fresh: the seventh sample (gold/clean/multinews_fresh7.json)")
    parser.add_argument("--show", action="store_true", help="with --fresh: list each page's misjudged lines")
    parser.add_argument("--repeat", type=int, default=0, metavar="N",
                        help="also time storydesk and trafilatura in turn N more times: the median CPU ratio")
    args = parser.parse_args()
    if args.scaling:
        from benchmarks.clean_scaling import main as scaling

        scaling()
        return
    if args.fresh:
        from benchmarks.clean_fresh import (
            GOLD,
            GOLD_FIFTH,
            GOLD_FOURTH,
            GOLD_SECOND,
            GOLD_SEVENTH,
            GOLD_SIXTH,
            GOLD_THIRD,
        )
        from benchmarks.clean_fresh import main as fresh

        gold = GOLD_SEVENTH if args.seventh else GOLD_SIXTH if args.sixth else GOLD_FIFTH if args.fifth else GOLD_FOURTH if args.fourth else GOLD_THIRD if args.third else GOLD_SECOND if args.second else GOLD
        fresh(args.data, show=args.show, gold_path=gold)
        return
    aeb = args.data / "aeb"
    if not aeb.exists():
        sys.exit(f"no benchmark data at {aeb}")
    truth = {k: v["articleBody"] for k, v in json.loads((aeb / "ground-truth.json").read_text()).items()}
    truth = {k: v for k, v in truth.items() if in_split(k, args.split or "all")}
    if args.limit:
        truth = dict(list(truth.items())[:args.limit])
    rows = bench_aeb(aeb, truth, live=not args.no_live)
    print_aeb(rows, truth, (args.split,) if args.split else SPLITS)
    if args.repeat:
        paired_ratio(aeb, truth, args.repeat)
    if args.multinews:
        bench_multinews(args.data / "multinews" / "val.jsonl", args.multinews)


if __name__ == "__main__":
    main()

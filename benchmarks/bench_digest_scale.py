"""Time and peak memory of one `digest` against its number of articles (issue 23).

    .venv/bin/python benchmarks/bench_digest_scale.py --sizes 25 50 100 200

Articles are the first N of Multi-News (val_stream.jsonl, then the documents of val.jsonl), so a
big N is many stories at once: what a user gets by giving `digest` a whole feed. Each size runs
in a fresh process (peak RSS is per process). The peer in the same run is the extract stage
(named-entity recognition sentence by sentence: linear by construction); the ratio
digest/extract rising with N would show the digest growing faster than linear, whatever the load
of the (shared) machine; CPU seconds per article say the same in absolute terms.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multinews"

CHILD = r"""
import json, resource, sys, time
from storydesk import align, extract, reuse, segment, summarize
from storydesk.pipeline import cap_article_length
from storydesk.reader import read_articles

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

started = cpu()
articles, _ = read_articles([sys.argv[1]])
figures = {"articles": len(articles), "characters": sum(len(a.text) for a in articles), "clean": cpu() - started}
problems = []
articles = [cap_article_length(a, problems) for a in articles]
mark = cpu()
def stage(name, run):
    global mark
    result = run()
    now = cpu()
    figures[name] = now - mark
    mark = now
    return result
sentences = stage("segment", lambda: [s for a in articles for s in segment.split_sentences(a)])
wire = stage("reuse", lambda: reuse.find_wire_copy(articles, sentences))
extraction = stage("extract", lambda: extract.extract(articles, sentences))
alignment = stage("align", lambda: align.align_facts(articles, sentences, extraction, wire))
stage("summarize", lambda: summarize.summarize(articles, sentences, alignment, wire))
figures["digest"] = sum(figures[k] for k in ("segment", "reuse", "extract", "align", "summarize"))
figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def records(limit: int) -> list[dict]:
    out: list[dict] = []
    with (DATA / "val_stream.jsonl").open(encoding="utf-8") as handle:
        out += [json.loads(line) for line in handle]
    with (DATA / "val.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            story = json.loads(line)
            out += [{**d, "id": f"{story['id']}-{d['id']}"} for d in story["documents"]]
    return [r for r in out if (r.get("text") or "").strip()][:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200])
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    print(f"{'articles':>8} {'chars':>10} {'clean s':>8} {'digest s':>9} {'s/art':>6} {'/extract':>8} {'peak MB':>8}"
          "  per stage (CPU s)")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "articles.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in records(size)), encoding="utf-8")
            done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            print(f"{size:>8} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        f = json.loads(done.stdout.strip().splitlines()[-1])
        stages = " ".join(f"{k} {f[k]:.1f}" for k in ("segment", "reuse", "extract", "align", "summarize"))
        print(f"{f['articles']:>8} {f['characters']:>10,} {f['clean']:>8.1f} {f['digest']:>9.1f} "
              f"{f['digest'] / f['articles']:>6.2f} {f['digest'] / max(f['extract'], 0.01):>8.1f} {f['peak_mb']:>8.0f}"
              f"  {stages}", flush=True)


if __name__ == "__main__":
    main()

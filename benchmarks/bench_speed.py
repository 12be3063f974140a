"""How fast a story is digested, each figure beside its peer in the same run.

    python benchmarks/bench_speed.py                 # cold, warm, memory, growth (a few minutes)
    python benchmarks/bench_speed.py --run           # also `storydesk run` over val_stream (minutes)
    python benchmarks/bench_speed.py --run --jobs 2  # the run with two worker processes
    python benchmarks/bench_speed.py --growth 5,10,20 --repeats 1   # a quicker look
    STORYDESK_ENCODER=fp32 python benchmarks/bench_speed.py   # with the fp32 encoder (int8 is the default)

The machine is shared (2 cores, several people at work), so wall time swings with their load:
every figure is CPU time (user + system, of the process and its children) unless it says
"wall", each storydesk figure is measured in alternation with its peer (paired runs) and the
median of `--repeats` pairs is printed with the ratio of the medians.

Articles: ../shared/data/multinews/val_stream.jsonl (real scraped news, in stream order).
- cold: a fresh Python process digests the first 10 articles (`storydesk.digest` on them as
  raw documents: cleaning included) against a fresh process that loads spaCy's
  en_core_web_sm with only its `ner` component and runs `nlp.pipe` over the same texts (the
  peer: the least any digest with NER must do). Peak memory is the process's VmHWM.
- warm: one process digests 10 articles first (models loaded), then the next 10, 20, 30...
  articles of the stream: every sentence of those is new to it (nothing cached); the CPU inside
  the encoder and spaCy's two pipelines is timed apart from the rest in those digests, each on
  its own thread's clock (the encoder runs on a background thread beside the extract stage, and
  the main thread takes the model calls left once extract is done, so wall time can be under CPU
  time). Then the same digests again with the sentence caches emptied,
  timed the same way (where the warm time goes).
- growth: in one warm process, stories of 5 to 160 distinct stream articles, time per stage
  (the embedding and parse caches emptied before each, so every sentence is encoded and parsed).
- run: `storydesk run val_stream.jsonl --store NEW.db` in a fresh process, wall and CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STREAM = ROOT.parent / "shared" / "data" / "multinews" / "val_stream.jsonl"
DIGEST_ARTICLES = 10


def stream_records(start: int, count: int) -> list[dict]:
    with STREAM.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return rows[start:start + count]


# ---- child processes: each prints one JSON line of figures -------------------------------------

_CHILD_PRELUDE = f"""
import json, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
def peak_mb():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
rows = [json.loads(l) for l in open({str(STREAM)!r}, encoding='utf-8')][:{DIGEST_ARTICLES}]
"""

_COLD_NER = _CHILD_PRELUDE + """
import spacy
from storydesk.nlp import SPACY_MODEL
nlp = spacy.load(SPACY_MODEL, exclude=[p for p in ('tok2vec', 'tagger', 'parser', 'attribute_ruler', 'lemmatizer', 'senter')])
ents = sum(len(d.ents) for d in nlp.pipe([r['text'] for r in rows]))
print(json.dumps({'cpu': cpu(), 'peak_mb': peak_mb(), 'entities': ents}))
"""

_COLD_DIGEST = _CHILD_PRELUDE + """
import storydesk
from storydesk.model import RawDocument
docs = [RawDocument(id=r['id'], content=r['text'], title=r.get('title') or None) for r in rows]
d = storydesk.digest(docs)
print(json.dumps({'cpu': cpu(), 'peak_mb': peak_mb(), 'sentences': len(d.sentences), 'facts': len(d.alignment.facts)}))
"""


def run_child(code: str) -> dict:
    before = os.times()
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after = os.times()
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["wall"] = time.perf_counter() - started
    figures["process_cpu"] = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return figures


def cold(repeats: int) -> None:
    ner, dig = [], []
    for _ in range(repeats):  # paired: one of each, alternating
        ner.append(run_child(_COLD_NER))
        dig.append(run_child(_COLD_DIGEST))
    med = {name: statistics.median(r["process_cpu"] for r in runs) for name, runs in (("ner", ner), ("digest", dig))}
    rows = stream_records(0, DIGEST_ARTICLES)
    print(f"## cold, {DIGEST_ARTICLES} articles ({sum(len(r['text']) for r in rows):,} characters, "
          f"{dig[0]['sentences']} sentences), whole fresh process, median of {repeats} paired runs")
    print("| process | CPU s | wall s | peak MB |")
    print("|---|---|---|---|")
    for name, runs in (("spaCy NER alone (en_core_web_sm, only `ner`)", ner), ("storydesk digest", dig)):
        key = "ner" if runs is ner else "digest"
        print(f"| {name} | {med[key]:.2f} | {statistics.median(r['wall'] for r in runs):.2f} "
              f"| {max(r['peak_mb'] for r in runs):.0f} |")
    print(f"ratio digest / NER (CPU): {med['digest'] / med['ner']:.2f}x (goal <= 2.5x); "
          f"peak {max(r['peak_mb'] for r in dig):.0f} MB (goal < 450)\n")


# ---- in-process figures --------------------------------------------------------------------------

def _articles(records: list[dict]):
    from storydesk.model import Article

    return [Article(id=r["id"], text=r["text"], title=r.get("title") or None) for r in records]


def _cpu() -> float:
    return time.process_time()


def staged_digest(articles) -> dict[str, float]:
    """The stages of pipeline.digest_articles, each timed (CPU s); embeddings apart from align."""
    from storydesk import align, extract, reuse, segment, summarize
    from storydesk.embed import embed

    times: dict[str, float] = {}

    def timed(name, fn):
        t = _cpu()
        result = fn()
        times[name] = _cpu() - t
        return result

    sentences = timed("segment", lambda: [s for a in articles for s in segment.split_sentences(a)])
    report = timed("reuse", lambda: reuse.find_wire_copy(articles, sentences))
    extraction = timed("extract", lambda: extract.extract(articles, sentences))
    timed("embed", lambda: embed([s.text for s in sentences]))
    alignment = timed("align", lambda: align.align_facts(articles, sentences, extraction, report))
    timed("summarize", lambda: summarize.summarize(articles, sentences, alignment, report))
    times["sentences"] = len(sentences)
    return times


class ModelTimer:
    """CPU spent inside the models during a digest: the encoder's model calls (tokenizer and
    pooling included) and spaCy's two pipelines (the recognizer; the parser with tagger and
    lemmatizer), by wrapping their entry points; the rest is storydesk's own Python. Each part is
    timed on its own thread's clock: the encoder runs on a background thread beside the extract
    stage, then on both threads (`embed.encode_ahead`), so the process clock would count the
    other thread's work too."""

    def __init__(self) -> None:
        self.cpu = {"encoder": 0.0, "spaCy NER": 0.0, "spaCy parse": 0.0}

    def __enter__(self) -> ModelTimer:
        from spacy.language import Language

        from storydesk.embed import SentenceEncoder

        self._saved = (SentenceEncoder._encode, Language.pipe, Language.__call__)
        encode, pipe, call = self._saved
        timer = self

        def part(nlp) -> str:
            return "spaCy NER" if "ner" in nlp.pipe_names else "spaCy parse"

        def timed_encode(encoder, *args, **kwargs):
            t = time.thread_time()
            try:
                return encode(encoder, *args, **kwargs)
            finally:
                timer.cpu["encoder"] += time.thread_time() - t

        def timed_pipe(nlp, *args, **kwargs):  # a generator: its time is spent as it is read
            docs = pipe(nlp, *args, **kwargs)
            while True:
                t = time.thread_time()
                try:
                    doc = next(docs)
                except StopIteration:
                    return
                finally:
                    timer.cpu[part(nlp)] += time.thread_time() - t
                yield doc

        def timed_call(nlp, *args, **kwargs):
            t = time.thread_time()
            try:
                return call(nlp, *args, **kwargs)
            finally:
                timer.cpu[part(nlp)] += time.thread_time() - t

        SentenceEncoder._encode, Language.pipe, Language.__call__ = timed_encode, timed_pipe, timed_call
        return self

    def __exit__(self, *_) -> None:
        from spacy.language import Language

        from storydesk.embed import SentenceEncoder

        SentenceEncoder._encode, Language.pipe, Language.__call__ = self._saved


def warm(repeats: int) -> None:
    from storydesk.pipeline import Options, digest_articles

    digest_articles(_articles(stream_records(0, DIGEST_ARTICLES)), Options())  # loads the models
    runs, parts = [], []
    for n in range(repeats):
        records = stream_records(DIGEST_ARTICLES * (n + 1), DIGEST_ARTICLES)
        articles = _articles(records)
        with ModelTimer() as timer:  # these first digests too: nothing of them is cached yet
            t, w = _cpu(), time.perf_counter()
            d = digest_articles(articles, Options())
            runs.append((_cpu() - t, time.perf_counter() - w, len(d.sentences)))
        parts.append(timer.cpu)
    print(f"## warm, {DIGEST_ARTICLES} new articles per digest (stream articles 10-{DIGEST_ARTICLES * (repeats + 1)}), "
          "second and later digests in one process")
    print("| articles | sentences | CPU s | wall s |")
    print("|---|---|---|---|")
    for n, (cpu, wall, sentences) in enumerate(runs):
        print(f"| {DIGEST_ARTICLES * (n + 1)}-{DIGEST_ARTICLES * (n + 2) - 1} | {sentences} | {cpu:.2f} | {wall:.2f} |")
    print(f"median CPU {statistics.median(r[0] for r in runs):.2f} s (goal < 1 s), median wall "
          f"{statistics.median(r[1] for r in runs):.2f} s")
    # Where these digests' CPU went (each part's median; own code is the rest of the median total):
    # unlike the re-run below, words new to spaCy's vocabulary and storydesk's text caches count.
    median = {k: statistics.median(p[k] for p in parts) for k in parts[0]}
    own = max(0.0, statistics.median(r[0] for r in runs) - sum(median.values()))
    print("same digests: " + ", ".join(f"{k} {v:.2f}" for k, v in median.items()) + f", own code {own:.2f} s\n")
    warm_parts(repeats)


def warm_parts(repeats: int) -> None:
    """Where a warm digest's CPU goes: the same digests again (sentence caches emptied), the
    models' calls timed apart from storydesk's own code."""
    from storydesk.align import frames
    from storydesk.embed import get_encoder
    from storydesk.pipeline import Options, digest_articles

    totals, parts = [], []
    for n in range(repeats):
        get_encoder().clear_cache()
        frames.clear_cache()
        articles = _articles(stream_records(DIGEST_ARTICLES * (n + 1), DIGEST_ARTICLES))
        with ModelTimer() as timer:
            t = _cpu()
            digest_articles(articles, Options())
            totals.append(_cpu() - t)
        parts.append(timer.cpu)
    total = statistics.median(totals)
    median = {k: statistics.median(p[k] for p in parts) for k in parts[0]}
    median["storydesk's own code"] = max(0.0, total - sum(median.values()))
    print(f"## where a warm digest's CPU goes (the same digests, caches emptied; median of {repeats}: {total:.2f} s)")
    print("| part | CPU s | share |")
    print("|---|---|---|")
    for name, cpu in median.items():
        print(f"| {name} | {cpu:.2f} | {100 * cpu / total:.0f}% |")
    print()


def growth(sizes: list[int]) -> None:
    from storydesk.align import frames
    from storydesk.embed import get_encoder
    from storydesk.pipeline import Options, digest_articles

    digest_articles(_articles(stream_records(0, 5)), Options())  # loads the models
    stages = ("segment", "reuse", "extract", "embed", "align", "summarize")
    print("## growth: one story of N distinct stream articles, warm process, CPU s per stage (embedding and parse caches emptied)")
    print("| articles | sentences | " + " | ".join(stages) + " | total | ms / sentence |")
    print("|---" * (len(stages) + 4) + "|")
    for size in sizes:
        encoder = get_encoder()
        encoder.clear_cache() if hasattr(encoder, "clear_cache") else encoder._cache.clear()
        frames.clear_cache()  # the parses too: each story is parsed whole, not just its new articles
        times = staged_digest(_articles(stream_records(0, size)))
        total = sum(times[s] for s in stages)
        print(f"| {size} | {times['sentences']:.0f} | " + " | ".join(f"{times[s]:.2f}" for s in stages)
              + f" | {total:.2f} | {1000 * total / max(1, times['sentences']):.1f} |", flush=True)
    print()


def run_stream(jobs: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "storydesk", "run", str(STREAM), "--store", str(Path(tmp) / "news.db")]
        if jobs:
            command += ["--jobs", str(jobs)]
        before = os.times()
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        wall = time.perf_counter() - started
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    label = f" --jobs {jobs}" if jobs else ""
    print(f"## run{label} over val_stream (690 articles): wall {wall:.1f} s, CPU {cpu:.1f} s (goal: wall < 120 s on 2 cores)\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3, help="paired runs per figure (median printed)")
    parser.add_argument("--growth", default="5,10,20,40,80,160", help="story sizes for the growth table")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: cold,warm,growth")
    parser.add_argument("--run", action="store_true", help="also time `storydesk run` over val_stream")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for the run")
    args = parser.parse_args()
    if not STREAM.exists():
        print(f"skipped: {STREAM} not found")
        return 0
    skip = set(args.skip.split(","))
    print("Shared 2-core machine: CPU seconds (user+system); wall times swing with other people's load.\n")
    if "cold" not in skip:
        cold(args.repeats)
    if "warm" not in skip:
        warm(args.repeats)
    if "growth" not in skip:
        growth([int(n) for n in args.growth.split(",") if n])
    if args.run:
        run_stream(args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

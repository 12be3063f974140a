"""Benchmark `storydesk serve`: latency at 20 concurrent clients on loopback, idle and while a run writes.

    python benchmarks/bench_serve.py                    # build a 2,214-story store, then every phase (~4 min)
    python benchmarks/bench_serve.py --seconds 10       # shorter phases
    python benchmarks/bench_serve.py --store /tmp/s.db  # keep (or reuse) the store file

The store: the 246 Multi-News validation clusters of two or more articles (../shared/data), each
cleaned and digested by cheap means (clean -> reuse -> summary: `summarize_cluster`, the batch
runner's light path; entities, facts and conflicts left empty), except the first FULL_DIGESTS
clusters of two or three articles, which get the whole digest (facts, quotes, conflicts, timeline).
Each digest is stored COPIES times under new story ids and spread over ten days (Multi-News has
no dates), with the store's own `save_digest` (so the story cards and the FTS5 index are written
as a run writes them); article and story rows are inserted directly, since the clusterer would
merge the copies. 246 x 9 = 2,214 stories.

Phases, each for --seconds with 20 keep-alive clients (a small asyncio HTTP/1.1 client in this
process; each client picks a request type at random, then a URL of that type):
- floor: a bare Starlette app returning "hello" on the same uvicorn settings: the fastest any
  page can be on this machine with this client;
- serve: `storydesk serve` on the store. Front page: /?page=1..3; search: /search?q= one or two
  words drawn from the stories' headlines; story: /story/ID, IDs drawn front-page-first (Zipf,
  s=1.1, over the stories in front-page order: readers open the top stories most);
- one client, each type alone: what one request costs the server (CPU) with no queue;
- serve, cold stories: the same but story IDs uniform over all 2,214 (most pages rendered anew);
- datasette (peer), when installed: datasette serving the same file, the nearest pages it has
  (/db/story_cards sorted by day, /db/story_search?_search= on the same FTS5 index, the digest's
  row page /db/digests/ID);
- serve, 2 workers: as `serve` with `--workers 2` (after the run phase, on the same store);
- serve + run: as `serve` while `storydesk run ../shared/data/multinews/val_stream.jsonl` adds
  690 articles to the same store (cleaning, clustering, digesting; commits as it goes).
Latency is wall clock per request (send to last byte), p50/p95/p99 per type; CPU is the server
process's user+system time per request. The machine has 2 cores shared with other work: the
client, the server and the run compete for them, so compare rows of the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "multinews"
CLIENTS = 20
COPIES = 9  # 246 clusters x 9 = 2,214 stories
DAYS = 10
FULL_DIGESTS = 8  # whole digests (facts, quotes, conflicts): ~1-3 s each
ZIPF_S = 1.1
TARGETS = {"front": 100.0, "search": 100.0, "story": 50.0}  # p95 in ms, from issue 18
WORD = re.compile(r"[A-Za-z]{5,}")

FLOOR_APP = """
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

async def hello(request):
    return PlainTextResponse("hello")

app = Starlette(routes=[Route("/{path:path}", hello)])
"""


# -- the store ------------------------------------------------------------------------------------------


def build_store(path: Path) -> int:
    from storydesk.model import Story
    from storydesk.pipeline import Options, digest_articles
    from storydesk.render.json import digest_from_dict, digest_to_dict
    from storydesk.reuse import find_wire_copy
    from storydesk.runners.summaries import summarize_cluster
    from storydesk.store import StoryStore

    records = [json.loads(line) for line in (DATA / "val.jsonl").open(encoding="utf-8")]
    records = [r for r in records if len(r["documents"]) >= 2]
    started = time.perf_counter()
    full = 0
    digests = []
    for record in records:
        cluster = summarize_cluster(record, record["id"])
        if not hasattr(cluster, "articles"):
            continue
        articles = list(cluster.articles)
        if full < FULL_DIGESTS and len(articles) <= 3:
            digest = digest_articles(articles, Options(story_id=record["id"]))
            full += 1
        else:
            from storydesk.model import Digest

            # as the pipeline heads an untitled story: its summary's first sentence
            headline = next((a.title for a in articles if a.title), None) or (cluster.summary[0].text
                                                                                if cluster.summary else record["id"])
            digest = Digest(story=Story(record["id"], headline), articles=tuple(articles),
                            reuse=find_wire_copy(articles), summary=cluster.summary)
        digests.append(digest_to_dict(digest))
    made = time.perf_counter() - started
    base = datetime(2024, 3, 1, 6, tzinfo=UTC)
    count = 0
    with StoryStore(path) as store:
        db = store._db  # the bench's own rows: copies must not go through the clusterer
        for copy in range(COPIES):
            for n, source in enumerate(digests):
                story_id = f"{source['story']['id']}-c{copy}"
                when = base + timedelta(days=(n * COPIES + copy) % DAYS, minutes=7 * n % 600)
                data = json.loads(json.dumps(source))
                data["story"].update(id=story_id, first_published=when.isoformat(), last_published=when.isoformat())
                for article in data["articles"]:
                    article["published"] = when.isoformat()
                with db:
                    for seq, article in enumerate(data["articles"]):
                        db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                                   (f"{story_id}/{article['id']}", count * 10 + seq, story_id, 1.0, "bench",
                                    article["title"], article["source"], None, None, when.isoformat(),
                                    article["text"], "[]"))
                    db.execute("INSERT INTO stories VALUES (?,?,?,?,?,NULL,1)",
                               (story_id, data["story"]["headline"], len(data["articles"]), when.isoformat(),
                                when.isoformat()))
                store.save_digest(story_id, digest_from_dict(data))
                count += 1
    print(f"store: {count:,} stories from {len(digests)} Multi-News clusters ({full} whole digests) "
          f"in {made:.0f} s + {time.perf_counter() - started - made:.0f} s writing; {path.stat().st_size / 1e6:.0f} MB")
    return count


def workload(path: Path, seed: int = 5) -> dict[str, list[str]]:
    rng = random.Random(seed)
    with sqlite3.connect(path) as db:
        front_order = [r[0] for r in db.execute(
            "SELECT story FROM story_cards WHERE revision>0 ORDER BY day DESC, articles DESC, last_published DESC, story")]
        headlines = [r[0] for r in db.execute("SELECT headline FROM story_cards")]
    words = sorted({w.lower() for h in headlines for w in WORD.findall(h)})
    queries = [" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(400)]
    weights = [1 / (rank + 1) ** ZIPF_S for rank in range(len(front_order))]
    popular = rng.choices(front_order, weights=weights, k=4000)
    return {
        "front": [f"/?page={p}" for p in (1, 1, 1, 2, 3)],
        "search": [f"/search?q={quote(q)}" for q in queries],
        "story": [f"/story/{quote(s)}" for s in popular],
        "story-cold": [f"/story/{quote(s)}" for s in rng.sample(front_order, len(front_order))],
    }


# -- the load ---------------------------------------------------------------------------------------------


async def _client(port: int, kinds: dict[str, list[str]], until: float, results: dict, rng: random.Random) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    names = list(kinds)
    try:
        while time.perf_counter() < until:
            kind = rng.choice(names)
            path = rng.choice(kinds[kind])
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = re.search(rb"(?i)content-length: *(\d+)", head)
            if length:
                await reader.readexactly(int(length.group(1)))
            else:  # chunked (datasette streams its pages)
                while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                    await reader.readexactly(size + 2)
                await reader.readuntil(b"\r\n")
            results[kind].append((time.perf_counter() - started, status))
    finally:
        writer.close()


async def _load(port: int, kinds: dict[str, list[str]], seconds: float, clients: int) -> dict:
    results: dict[str, list] = {k: [] for k in kinds}
    until = time.perf_counter() + seconds
    await asyncio.gather(*(_client(port, kinds, until, results, random.Random(i)) for i in range(clients)))
    return results


def load(port: int, kinds: dict[str, list[str]], seconds: float, clients: int = CLIENTS) -> dict:
    return asyncio.run(_load(port, kinds, seconds, clients))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its worker processes (uvicorn --workers)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            total += cpu_seconds(int(child))
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], port: int, env: dict | None = None) -> subprocess.Popen:
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{command} did not start: {process.stderr.read().decode()[-2000:]}")


def phase(name: str, process: subprocess.Popen, port: int, kinds: dict[str, list[str]], seconds: float,
          clients: int = CLIENTS) -> list[str]:
    load_average = os.getloadavg()[0]
    cpu_before = cpu_seconds(process.pid)
    wall = time.perf_counter()
    results = load(port, kinds, seconds, clients)
    wall = time.perf_counter() - wall
    cpu = cpu_seconds(process.pid) - cpu_before
    total = sum(len(v) for v in results.values())
    rows = []
    for kind, samples in results.items():
        if not samples:
            continue
        ms = [s * 1000 for s, _ in samples]
        errors = sum(1 for _, status in samples if status >= 400)
        target = TARGETS.get(kind.removesuffix("-cold"))
        verdict = "" if target is None else ("  ok" if percentile(ms, 95) < target else f"  over {target:.0f}")
        rows.append(f"| {name} | {kind} | {len(samples):,} | {errors} | {percentile(ms, 50):.1f} | {percentile(ms, 95):.1f} "
                    f"| {percentile(ms, 99):.1f} |{verdict}")
    rows.append(f"| {name} | all | {total:,} ({total / wall:.0f}/s) | | | | | server CPU {1000 * cpu / max(1, total):.2f}"
                f" ms/request; load average {load_average:.1f} at the start |")
    for row in rows:
        print(row, flush=True)
    return rows


def datasette_phase(executable: str, store: Path, kinds: dict[str, list[str]], seconds: float) -> None:
    """The peer: datasette serving the same file, the nearest pages it has for the same requests
    (stories sorted by day, its FTS search over the same index, a digest's row page)."""
    db = store.stem
    peer = {
        "front": [f"/{db}/story_cards?_sort_desc=day&_size=30"],
        "search": [u.replace("/search?q=", f"/{db}/story_search?_size=30&_search=") for u in kinds["search"]],
        "story": [u.replace("/story/", f"/{db}/digests/") for u in kinds["story"]],
    }
    port = free_port()
    process = start([executable, "serve", str(store), "--port", str(port)], port)
    try:
        phase("datasette 0.65 (peer), same file", process, port, peer, seconds)
    finally:
        process.terminate()
        process.wait()


def wait_for_writes(store: Path, stories: int, run: subprocess.Popen, limit: float = 180.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit and run.poll() is None:
        with sqlite3.connect(store) as db:
            if db.execute("SELECT COUNT(*) FROM story_cards").fetchone()[0] > stories:
                break
        time.sleep(0.5)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="store file to build (or reuse if it exists)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--datasette", default=shutil.which("datasette"),
                        help="datasette executable for the peer row (default: on PATH; the row is left out without it)")
    args = parser.parse_args()
    if not (DATA / "val.jsonl").exists():
        print(f"skipped: {DATA} not found")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    store = args.store or workdir / "news.db"
    if not store.exists():
        build_store(store)
    kinds = workload(store)
    with sqlite3.connect(store) as db:
        stories = db.execute("SELECT COUNT(*) FROM story_cards WHERE revision>0").fetchone()[0]
    print(f"\n{stories:,} stories with a digest; {CLIENTS} clients, {args.seconds:.0f} s a phase, loopback; "
          f"2 shared cores\n")
    print("| phase | requests | n | errors | p50 ms | p95 ms | p99 ms | target p95 |")
    print("|---|---|---|---|---|---|---|---|")

    floor_file = workdir / "floor_app.py"
    floor_file.write_text(FLOOR_APP)
    port = free_port()
    floor = start([sys.executable, "-m", "uvicorn", "floor_app:app", "--port", str(port), "--log-level", "warning",
                   "--app-dir", str(workdir)], port)
    try:
        phase("floor (Starlette hello)", floor, port, {"hello": ["/"]}, args.seconds)
    finally:
        floor.terminate()
        floor.wait()

    port = free_port()
    server = start([sys.executable, "-m", "storydesk", "serve", "--store", str(store), "--port", str(port)], port)
    try:
        warm = {k: kinds[k] for k in ("front", "search", "story")}
        for kind in ("front", "search", "story", "story-cold"):  # one client: each request's own cost
            phase(f"one client, {kind} only", server, port, {kind: kinds[kind]}, max(2.0, args.seconds / 5), clients=1)
        phase("serve", server, port, warm, args.seconds)
        phase("serve, cold stories", server, port,
              {"front": kinds["front"], "search": kinds["search"], "story-cold": kinds["story-cold"]}, args.seconds)
        if args.datasette:
            datasette_phase(args.datasette, store, kinds, args.seconds)
        before = stories
        run = subprocess.Popen([sys.executable, "-m", "storydesk", "-q", "run", str(DATA / "val_stream.jsonl"),
                                "--store", str(store)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        waited = wait_for_writes(store, stories, run)  # the run loads models and cleans before its first commit
        phase("serve + run writing", server, port, warm, args.seconds)
        run.terminate()
        run.wait()
        with sqlite3.connect(store) as db:
            after = db.execute("SELECT COUNT(*) FROM story_cards WHERE revision>0").fetchone()[0]
            cards = db.execute("SELECT COUNT(*) FROM story_cards").fetchone()[0]
        print(f"\nthe run's first commit came {waited:.0f} s after it started; by the end of the phase it had added "
              f"{cards - stories:,} stories and {after - before} digests to the store being served")
    finally:
        server.terminate()
        _, log = server.communicate(timeout=20)
    tracebacks = log.decode(errors="replace").count("Traceback")

    port = free_port()  # the same store (with what the run added) served by two processes, one per core
    server = start([sys.executable, "-m", "storydesk", "serve", "--store", str(store), "--port", str(port),
                    "--workers", "2"], port)
    try:
        time.sleep(3)  # both workers up
        phase("serve, 2 workers", server, port, warm, args.seconds)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=20)
    tracebacks += log.decode(errors="replace").count("Traceback")
    print(f"tracebacks in the servers' logs: {tracebacks}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark reading news where it lives: web archives, URLs, language, and the Dask batch mode.

    python benchmarks/bench_ingest.py                 # all four parts
    python benchmarks/bench_ingest.py --skip-batch    # without the Dask run (the slowest part)

1. WARC: the 690 Multi-News articles (`../shared/data/multinews/val_stream.jsonl`) written as
   HTML responses into one gzipped WARC with warcio, plus a duplicate of every tenth page and an
   image record every fifth; storydesk's `iter_warc` (filters, dedup, decoding) beside a bare
   warcio loop that reads every record's payload. Records per second, best of 3.
2. URLs: the same pages served by a real HTTP server on loopback (ThreadingHTTPServer); storydesk's
   `fetch_documents` with 8 connections (robots.txt on, no per-host pause: one host would be
   paced at 1 request/s by default) beside a bare sequential httpx loop, then the same fetch from
   the page cache.
3. Language: accuracy of `article_language` on `benchmarks/gold/languages/` (38 paragraphs in 11
   languages, written for this set), its cost per article, and the real-text check: how many of
   the 690 real English Multi-News articles it would keep out as non-English.
4. Batch: `storydesk batch` on a Dask LocalCluster of 2 workers beside `storydesk run` in one
   process, on the first N stories' articles of val_stream (same stories out?), articles/s.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "multinews"
LANGUAGES = ROOT / "benchmarks" / "gold" / "languages" / "languages.jsonl"


def pages() -> list[tuple[str, bytes]]:
    records = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")]
    out = []
    for r in records:
        paragraphs = "".join(f"<p>{p}</p>" for p in r["text"].split("\n") if p.strip())
        html = f"<html><head><title>{r.get('title') or r['id']}</title></head><body><article>{paragraphs}</article></body></html>"
        out.append((f"/news/{r['id']}", html.encode("utf-8")))
    return out


def bench_warc(site: list[tuple[str, bytes]], folder: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from storydesk.sources.warc import iter_warc

    path = folder / "news.warc.gz"
    records = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, (url_path, body) in enumerate(site):
            for content_type, payload in [("text/html", body)] + ([("text/html", body)] if n % 10 == 0 else []) + (
                    [("image/png", b"\x89PNG" * 100)] if n % 5 == 0 else []):
                url = f"https://news.example{url_path}" + (".png" if content_type == "image/png" else "")
                headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                              http_headers=headers))
                records += 1

    def bare() -> int:
        count = 0
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                record.content_stream().read()
                count += 1
        return count

    def storydesk() -> int:
        return sum(1 for item in iter_warc(path) if not hasattr(item, "message"))

    print(f"\n1. WARC: {records} records ({path.stat().st_size / 1e6:.1f} MB gzipped), best of 3\n")
    print("| reader | records/s | documents out |\n|---|---|---|")
    for name, run in (("bare warcio loop (reads every payload)", bare),
                      ("storydesk iter_warc (HTML 200, dedup, decoded)", storydesk)):
        best, out = min((_timed(run) for _ in range(3)), key=lambda x: x[0])
        print(f"| {name} | {records / best:,.0f} | {out:,} |")


def _timed(run):
    started = time.perf_counter()
    out = run()
    return time.perf_counter() - started, out


def serve(site: list[tuple[str, bytes]]):
    routes = dict(site)
    routes["/robots.txt"] = b"User-agent: *\nAllow: /\n"

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def do_GET(self):  # noqa: N802
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8" if body is not None else "text/plain")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def bench_urls(site: list[tuple[str, bytes]], folder: Path) -> None:
    import httpx

    from storydesk.sources.urls import FetchOptions, fetch_documents

    server, base = serve(site)
    urls = [base + p for p, _ in site]
    try:
        def bare() -> int:
            with httpx.Client() as client:
                return sum(client.get(u).status_code == 200 for u in urls)

        options = FetchOptions(cache=folder / "cache", per_host_interval=0.0, connections=8)
        print(f"\n2. URLs: {len(urls)} pages from a loopback server\n")
        print("| fetcher | pages/s | pages |\n|---|---|---|")
        seconds, count = _timed(bare)
        print(f"| bare httpx loop, one connection | {len(urls) / seconds:,.0f} | {count} |")
        seconds, (documents, problems) = _timed(lambda: fetch_documents(urls, options))
        print(f"| storydesk fetch_documents, 8 connections (robots.txt, retries, size limit, cache writes) | "
              f"{len(urls) / seconds:,.0f} | {len(documents)} ({len(problems)} problems) |")
        seconds, (documents, _) = _timed(lambda: fetch_documents(urls, options))
        print(f"| storydesk again, from the page cache | {len(urls) / seconds:,.0f} | {len(documents)} |")
    finally:
        server.shutdown()


def bench_language() -> None:
    from storydesk.language import _identifier, article_language

    items = [json.loads(line) for line in LANGUAGES.open(encoding="utf-8")]
    _identifier()
    started = time.process_time()
    guesses = [article_language(item["text"]) for item in items]
    cost = (time.process_time() - started) / len(items)
    right = sum(g == item["language"] for g, item in zip(guesses, items, strict=True))
    kept_out_right = sum(g != "en" for g, item in zip(guesses, items, strict=True) if item["language"] != "en")
    english_kept = sum(g == "en" for g, item in zip(guesses, items, strict=True) if item["language"] == "en")
    wrong = [(item["language"], g, item["text"][:50]) for g, item in zip(guesses, items, strict=True)
             if g != item["language"]]
    real = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")]
    started = time.process_time()
    flagged = [(r["id"], article_language(r["text"])) for r in real]
    real_cost = (time.process_time() - started) / len(real)
    flagged = [f for f in flagged if f[1] != "en"]
    n_other = sum(item["language"] != "en" for item in items)
    print(f"\n3. Language ({len(items)} paragraphs, {n_other} not English)\n")
    print("| set | right | notes |\n|---|---|---|")
    print(f"| written set, exact language | {right}/{len(items)} | wrong: {wrong or 'none'} |")
    print(f"| written set, non-English kept out | {kept_out_right}/{n_other} | |")
    print(f"| written set, English kept in | {english_kept}/{len(items) - n_other} | |")
    print(f"| 690 real English articles (Multi-News), kept in | {len(real) - len(flagged)}/{len(real)} | "
          f"flagged: {flagged[:10] or 'none'} |")
    print(f"\ncost: {cost * 1000:.2f} ms per paragraph, {real_cost * 1000:.2f} ms per real article (CPU)")


def bench_batch(stories: int, folder: Path) -> None:
    from storydesk.runners.batch import run_batch
    from storydesk.runners.update import update_store
    from storydesk.store import StoryStore

    records = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")]
    chosen = list(dict.fromkeys(r["story"] for r in records))[:stories]
    subset = [r for r in records if r["story"] in set(chosen)]
    stream = folder / "stream.jsonl"
    stream.write_text("".join(json.dumps({k: r[k] for k in ("id", "title", "text")}) + "\n" for r in subset))
    seconds_run, report = _timed(lambda: update_store([stream], folder / "run.db"))
    seconds_batch, batch = _timed(lambda: run_batch([stream], folder / "batch", workers=2))
    with StoryStore(folder / "run.db") as a, StoryStore(folder / "batch" / "stories.db") as b:
        same_stories = a.assignments() == b.assignments()
        same_digests = all(a.digest_dict(s.id) == b.digest_dict(s.id) for s in a.stories())
    print(f"\n4. Batch: {len(subset)} articles of {stories} gold stories (val_stream), wall clock\n")
    print("| runner | articles/s | stories digested | same stories | same digests |\n|---|---|---|---|---|")
    print(f"| storydesk run (one process) | {len(subset) / seconds_run:.1f} | {len(report.digested)} | | |")
    print(f"| storydesk batch (Dask LocalCluster, 2 workers) | {len(subset) / seconds_batch:.1f} | "
          f"{len(batch.digested)} | {same_stories} | {same_digests} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--stories", type=int, default=40, help="gold stories of val_stream for the batch part")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"no data at {DATA}")
    site = pages()
    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        bench_warc(site, folder)
        bench_urls(site, folder)
        bench_language()
        if not args.skip_batch:
            bench_batch(args.stories, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("\n(2 cores shared with other work while measured: rates are indicative, ratios in one run comparable)")


if __name__ == "__main__":
    main()

"""Warm digests of two code trees in alternation, with a two-free-core critical path from per-thread CPU.

    python benchmarks/bench_warm_paired.py BASE_TREE,NEW_TREE ROUNDS DIGESTS
    e.g. git archive 6e108eb | tar -x -C /tmp/base, then
    python benchmarks/bench_warm_paired.py /tmp/base,. 2 3

Each child process (one per tree per round, the trees alternating) digests val_stream articles
0-9 (models loaded), then DIGESTS sets of 10 new articles (10-19, 20-29, ...). Per digest: process
CPU, wall, main-thread CPU, a SHA-256 of the digest's JSON (the trees must give the same), and
est = P + max(0, E - P) / 2 + T: P the main thread's CPU before it joins the encoder thread, E the
encoder's CPU (both threads), T the main thread's CPU after the join. On two free cores the
encoder thread encodes while the main thread spends P, the two share what is left, then the main
thread goes on alone: est is the warm digest's wall time there, from CPU that a loaded machine
still measures (wall there is other people's load). Medians over every digest are printed."""
import json
import statistics
import subprocess
import sys

CHILD = r'''
import sys, time, json, hashlib, threading
ROOT = sys.argv[1]; sys.path.insert(0, ROOT); sys.path.insert(0, ROOT + "/benchmarks")
from bench_speed import stream_records, _articles
from storydesk import embed
from storydesk.pipeline import Options, digest_articles
from storydesk.render.json import digest_to_dict
rec = {}
oj = embed.EncodingAhead.join
def join(self):
    rec["join_in"] = time.thread_time()
    r = oj(self)
    rec["join_out"] = time.thread_time()
    return r
embed.EncodingAhead.join = join
oe = embed.SentenceEncoder._encode
def enc(self, *a):
    t = time.thread_time()
    try: return oe(self, *a)
    finally:
        k = "enc_main" if threading.current_thread() is threading.main_thread() else "enc_bg"
        rec[k] = rec.get(k, 0) + time.thread_time() - t
embed.SentenceEncoder._encode = enc
digest_articles(_articles(stream_records(0, 10)), Options())
out = []
for n in range(1, int(sys.argv[2]) + 1):
    arts = _articles(stream_records(10 * n, 10))
    rec.clear()
    t, w, m = time.process_time(), time.perf_counter(), time.thread_time()
    d = digest_articles(arts, Options())
    c, ww, mend = time.process_time() - t, time.perf_counter() - w, time.thread_time()
    dd = digest_to_dict(d); dd.pop("generator", None); dd.pop("generated", None)
    h = hashlib.sha256(json.dumps(dd, sort_keys=True, default=str).encode()).hexdigest()[:12]
    P = rec["join_in"] - m
    E = rec.get("enc_bg", 0) + rec.get("enc_main", 0)
    # encoding the main thread did after the join (align's own call, the summary's) is in T
    T = mend - rec["join_out"]
    est = P + max(0.0, E - P) / 2 + T
    out.append(dict(cpu=c, wall=ww, main=mend - m, est=est, P=P, E=E, T=T, hash=h))
print(json.dumps(out))
'''


def main() -> None:
    trees = sys.argv[1].split(",")
    rounds, n = int(sys.argv[2]), int(sys.argv[3])
    res: dict[str, list[dict]] = {t: [] for t in trees}
    for r in range(rounds):
        for t in (trees if r % 2 == 0 else trees[::-1]):
            o = subprocess.run([sys.executable, "-c", CHILD, t, str(n)], capture_output=True, text=True)
            if o.returncode:
                print(o.stderr[-3000:])
                sys.exit(1)
            res[t].extend(json.loads(o.stdout.strip().splitlines()[-1]))
    keys = ("cpu", "wall", "main", "est", "P", "E", "T")
    med = {t: {k: statistics.median(x[k] for x in res[t]) for k in keys} for t in trees}
    for t in trees:
        print(f"{t}: " + ", ".join(f"{k} {v:.3f}" for k, v in med[t].items())
              + f" (median of {len(res[t])} digests); hashes {sorted({x['hash'] for x in res[t]})}")
    if len(trees) == 2:
        a, b = trees
        print("ratio new/base: " + ", ".join(f"{k} {med[b][k] / med[a][k]:.3f}" for k in ("cpu", "wall", "main", "est")))


if __name__ == "__main__":
    main()

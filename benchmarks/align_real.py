"""The real split of bench_align.py: Multi-News clusters read in full (benchmarks/gold/align/real/).

    python benchmarks/bench_align.py --real                 # tune / held-out / all, side by side
    python benchmarks/bench_align.py --real --verbose       # plus each cluster's misses and reports
    python benchmarks/bench_align.py --real --save-today    # store today's predictions (done once)

Scores (gold format in benchmarks/gold/align/real/README.md):
- conflicts: a reported conflict is right when it matches a gold conflict (same kind, each side
  inside one gold side, two sides covered: the invented split's rule). A report matching none was
  read and judged (real/false) in judgments.json, so reading is not repeated; a report not yet
  judged is printed as UNJUDGED and counted apart (the figures are final only when none is).
- "today": the predictions of the code as it was before this work (today.json, stored once by
  --save-today), scored against the same gold and judgments, so both columns move together when
  a judgment is added.
- baseline: the same-noun, different-number rule of bench_align.py. Its reports are far too many to
  read; one matching no gold conflict is counted false (the gold lists every real disagreement).
- independent sources: for each gold fact carried by two or more articles (after cleaning: a fact
  whose sentences the clean stage dropped from all but one article is left out), the digest's fact
  that holds most of its sentences; exact when that fact's independent count equals the gold count
  for the articles both share (1 for a single-origin fact, else the number of origin groups among
  them). A gold fact the digest does not group (no fact holds two of its articles) is not exact:
  the figure is exact / all gold facts, with the number grouped beside it.
- align time: CPU seconds of the align stage alone (re-run on the digest's own inputs), summed
  and scaled to 10 articles, beside the whole digest's CPU time in the same run.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from storydesk.align import align_facts
from storydesk.align.frames import clear_cache
from storydesk.model import Digest, RawDocument

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "benchmarks" / "gold" / "align" / "real"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews" / "val.jsonl"
JUDGMENTS = REAL / "judgments.json"
TODAY = REAL / "today.json"

Key = tuple[str, int]


@dataclass
class Cluster:
    name: str
    split: str
    gold: dict
    documents: list[RawDocument]


@dataclass
class RealRun:
    cluster: Cluster
    digest: Digest
    digest_cpu: float
    align_cpu: float
    unlocated: list[str] = field(default_factory=list)


def load_clusters() -> list[Cluster]:
    if not MULTINEWS.exists():
        return []
    wanted = {}
    for path in sorted(REAL.glob("ta*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        wanted[gold["cluster"]] = (path.stem, gold)
    clusters = []
    with MULTINEWS.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in wanted:
                name, gold = wanted[row["id"]]
                docs = [RawDocument(id=d["id"], content=d["text"], title=d.get("title") or None) for d in row["documents"]]
                clusters.append(Cluster(name, gold["split"], gold, docs))
    return sorted(clusters, key=lambda c: c.name)


def run_cluster(cluster: Cluster) -> RealRun:
    from storydesk.pipeline import digest

    started = time.process_time()
    d = digest(cluster.documents, story_id=cluster.gold["cluster"])
    digest_cpu = time.process_time() - started
    clear_cache()  # the timed run parses its sentences again, as a digest does
    started = time.process_time()
    align_facts(list(d.articles), list(d.sentences), d.extraction, d.reuse)
    return RealRun(cluster, d, digest_cpu, time.process_time() - started)


def _locate(d: Digest, article: str, needle: str) -> Key | None:
    text = next((a.text for a in d.articles if a.id == article), "")
    at = text.find(needle)
    if at < 0:
        return None
    return next(((article, s.index) for s in d.sentences if s.article == article and s.start <= at < s.end), None)


def _keys(run: RealRun, sentences: dict[str, str | list[str]]) -> set[Key]:
    out = set()
    for article, needles in sentences.items():
        for needle in [needles] if isinstance(needles, str) else needles:
            key = _locate(run.digest, article, needle)
            if key is None:
                run.unlocated.append(f"{article}: {needle!r}")
            else:
                out.add(key)
    return out


def gold_conflicts(run: RealRun) -> list[dict]:
    out = []
    for c in run.cluster.gold["conflicts"]:
        sides = [_keys(run, side["sentences"]) for side in c["sides"]]
        out.append({"kind": c["kind"], "about": c["about"], "severity": c.get("severity", "contradiction"),
                    "sides": sides, "articles": [set(side["sentences"]) for side in c["sides"]]})
    return out


def _sentence_of(d: Digest, article: str, offset: int) -> Key | None:
    return next(((article, s.index) for s in d.sentences if s.article == article and s.start <= offset < s.end), None)


def predicted(d: Digest) -> list[dict]:
    """The digest's conflicts as plain records: kind, topic, and per side its value, articles and
    the first words of its sentence (so stored predictions survive a change of offsets)."""
    out = []
    for c in d.alignment.conflicts:
        claims = []
        for claim in c.claims:
            snippets = {}
            for e in claim.evidence:
                key = _sentence_of(d, e.article, e.start)
                sentence = next((s for s in d.sentences if (s.article, s.index) == key), None)
                if sentence is not None:
                    snippets.setdefault(e.article, sentence.text[:60])
            claims.append({"value": str(claim.value), "sources": sorted(claim.sources), "snippets": snippets})
        out.append({"kind": c.kind, "severity": c.severity, "topic": c.topic, "claims": claims})
    return out


def judgment_key(cluster: str, p: dict) -> str:
    sides = sorted(f"{c['value']}@{','.join(c['sources'])}" for c in p["claims"])
    return f"{cluster} {p['kind']} " + " | ".join(sides)


def _matches(run: RealRun, p: dict, g: dict) -> bool:
    """bench_align's rule (each side on a distinct gold side), the sides located from snippets."""
    from benchmarks.bench_align import _matches as sides_match

    claims = [(set(claim["sources"]), {k for a, snip in claim["snippets"].items() if (k := _locate(run.digest, a, snip))})
              for claim in p["claims"]]
    return sides_match({"kind": p["kind"], "claims": claims}, g)


@dataclass
class ConflictTally:
    pred: int = 0
    right: int = 0
    judged_real: int = 0
    unjudged: int = 0
    gold: int = 0
    found: int = 0

    def add(self, other: ConflictTally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def cell(self) -> str:
        p = self.right / self.pred if self.pred else 1.0
        r = self.found / self.gold if self.gold else 1.0
        extra = f", {self.unjudged} unjudged" if self.unjudged else ""
        return f"P {p:.3f} ({self.right}/{self.pred}{extra}) R {r:.3f} ({self.found}/{self.gold})"


def score(run: RealRun, predictions: list[dict], judgments: dict, lines: list[str] | None, judge: bool) -> ConflictTally:
    golds = gold_conflicts(run)
    t = ConflictTally(pred=len(predictions), gold=len(golds))
    found: set[int] = set()
    for p in predictions:
        # A gold conflict not yet found first: two points told in one sentence pair ("70 per cent of
        # men and 25 per cent of women", pairs ta179) are two gold conflicts on the same sentences.
        matching = [n for n, g in enumerate(golds) if _matches(run, p, g)]
        match = next((n for n in matching if n not in found), matching[0] if matching else None)
        if match is not None:
            t.right += 1
            found.add(match)
            continue
        if not judge:
            continue
        verdict = judgments.get(judgment_key(run.cluster.name, p), {}).get("verdict")
        if verdict == "real":
            t.right += 1
            t.judged_real += 1
        elif verdict is None:
            t.unjudged += 1
        if lines is not None and verdict != "real":
            sides = " | ".join(f"{c['value']} {c['sources']}: {next(iter(c['snippets'].values()), '')}"
                               for c in p["claims"])
            lines.append(f"  {'UNJUDGED' if verdict is None else 'false'}: {judgment_key(run.cluster.name, p)}"
                         f"\n      {p['topic']} :: {sides}")
    t.found = len(found)
    if lines is not None:
        lines.extend(f"  missed: {g['kind']} {g['about']}" for n, g in enumerate(golds) if n not in found)
    return t


def baseline(d: Digest) -> list[dict]:
    """Same counted noun, different number, different articles; merged per noun and value pair."""
    merged: dict[tuple, dict[float, dict]] = {}
    for i, a in enumerate(d.extraction.quantities):
        for b in d.extraction.quantities[i + 1:]:
            if a.span.article == b.span.article or a.value == b.value or _noun(a.noun) != _noun(b.noun):
                continue
            sides = merged.setdefault((_noun(a.noun), frozenset((a.value, b.value))), {})
            for q in (a, b):
                side = sides.setdefault(q.value, {"value": f"{q.value:g}", "sources": [], "snippets": {}})
                if q.span.article not in side["sources"]:
                    side["sources"].append(q.span.article)
                key = _sentence_of(d, q.span.article, q.span.start)
                sentence = next((s for s in d.sentences if (s.article, s.index) == key), None)
                if sentence is not None:
                    side["snippets"].setdefault(q.span.article, sentence.text[:60])
    return [{"kind": "quantity", "severity": "contradiction", "topic": noun, "claims": list(sides.values())}
            for (noun, _), sides in merged.items()]


def _noun(noun: str) -> str:
    return noun.lower()[:-1] if noun.lower().endswith("s") else noun.lower()


@dataclass
class CountTally:
    facts: int = 0
    grouped: int = 0
    exact: int = 0

    def add(self, other: CountTally) -> None:
        self.facts += other.facts
        self.grouped += other.grouped
        self.exact += other.exact

    def cell(self) -> str:
        share = self.exact / self.facts if self.facts else 1.0
        return f"{share:.3f} ({self.exact}/{self.facts}; grouped {self.grouped})"


def independence(run: RealRun, lines: list[str] | None) -> CountTally:
    gold = run.cluster.gold
    origin = {a: n for n, group in enumerate(gold["origins"]) for a in group}
    # A fact whose sentences the clean stage dropped from all but one article is not scored here.
    located = [(f, _keys(run, f["sentences"])) for f in gold["facts"]]
    facts = [(f, keys) for f, keys in located if len({a for a, _ in keys}) >= 2]
    t = CountTally(facts=len(facts))
    pred = [(f, {k for e in f.evidence if (k := _sentence_of(run.digest, e.article, e.start))})
            for f in run.digest.alignment.facts]
    for f, keys in facts:
        best, overlap = max(((p, len(keys & ks)) for p, ks in pred), key=lambda x: x[1], default=(None, 0))
        shared = set(best.sources) & set(f["sentences"]) if best else set()
        if overlap < 2 or len(shared) < 2:
            if lines is not None:
                lines.append(f"  not grouped: {f['about']} (gold {f['independent']})")
            continue
        t.grouped += 1
        expected = 1 if f.get("single_origin") else len({origin.get(a, a) for a in shared})
        if best.independent_sources == expected:
            t.exact += 1
        elif lines is not None:
            extra = sorted(set(best.sources) - set(f["sentences"]))
            lines.append(f"  count {best.independent_sources} != {expected}: {f['about']} "
                         f"(sources {list(best.sources)}{', extra ' + str(extra) if extra else ''})")
    return t


def report(verbose: bool, save_today: bool, only: list[str] | None = None) -> None:
    clusters = [c for c in load_clusters() if not only or c.split in only]
    if not clusters:
        print(f"real split skipped: {MULTINEWS} not found")
        return
    judgments = json.loads(JUDGMENTS.read_text(encoding="utf-8")) if JUDGMENTS.exists() else {}
    today = json.loads(TODAY.read_text(encoding="utf-8")) if TODAY.exists() else None
    runs = [run_cluster(c) for c in clusters]
    if save_today:
        TODAY.write_text(json.dumps({r.cluster.name: predicted(r.digest) for r in runs}, indent=1,
                                    ensure_ascii=False) + "\n", encoding="utf-8")
        today = json.loads(TODAY.read_text(encoding="utf-8"))
    rows = []
    # Known splits in the order they were drawn, then any newer split (e.g. "pairs") by name.
    known = ("tune", "heldout", "new", "fresh", "fresh2", "fresh3", "pairs")
    present = {r.cluster.split for r in runs}
    splits = [s for s in known if s in present] + sorted(present - set(known)) + ["all"]
    for split in splits:
        chosen = [r for r in runs if split == "all" or r.cluster.split == split]
        now, then, base, counts = ConflictTally(), ConflictTally(), ConflictTally(), CountTally()
        for run in chosen:
            lines: list[str] | None = [] if verbose and split == "all" else None
            now.add(score(run, predicted(run.digest), judgments, lines, judge=True))
            if today is not None:
                then.add(score(run, today.get(run.cluster.name, []), judgments, None, judge=True))
            base.add(score(run, baseline(run.digest), judgments, None, judge=False))
            counts.add(independence(run, lines))
            if lines is not None:
                head = (f"\n## {run.cluster.name} ({run.cluster.split}, {len(run.digest.articles)} articles, "
                        f"{len(run.digest.alignment.conflicts)} conflicts)")
                print(head, *lines, *(f"  gold not located: {u}" for u in run.unlocated), sep="\n")
        rows.append((split, len(chosen), now, then if today is not None else None, base, counts))
    print("\n| split | clusters | gold conflicts | conflicts now | conflicts, code before issue 16 | "
          "same-noun baseline | independent count exact |")
    print("|---|---|---|---|---|---|---|")
    for split, n, now, then, base, counts in rows:
        print(f"| {split} | {n} | {now.gold} | {now.cell()} | {then.cell() if then else 'n/a'} | {base.cell()} "
              f"| {counts.cell()} |")
    articles = sum(len(r.digest.articles) for r in runs)
    align_cpu, digest_cpu = sum(r.align_cpu for r in runs), sum(r.digest_cpu for r in runs)
    print(f"\n{len(runs)} clusters, {articles} articles: align stage {align_cpu:.2f} s CPU "
          f"({10 * align_cpu / articles:.2f} s per 10 articles), whole digests {digest_cpu:.1f} s CPU "
          f"(align {align_cpu / digest_cpu:.0%} of it; first digest loads the models)")

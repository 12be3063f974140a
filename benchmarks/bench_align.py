"""Benchmark the align stage (facts, conflicts, unique details) on benchmarks/gold/align/.

    python benchmarks/bench_align.py                      # every gold story, tune / held-out / all
    python benchmarks/bench_align.py --verbose            # plus each story's misses and false conflicts
    python benchmarks/bench_align.py --story bridge-collapse --verbose
    python benchmarks/bench_align.py --sweep              # fact-grouping thresholds on the tune half
    python benchmarks/bench_align.py --multinews 20       # the conflicts reported on Multi-News clusters,
                                                          # to read (benchmarks/gold/align/multinews-reading.md)
    python benchmarks/bench_align.py --real [--verbose]   # real Multi-News clusters read in full
                                                          # (benchmarks/align_real.py, gold/align/real/)

Each story runs through the whole pipeline (`storydesk.pipeline.digest`), so reuse's copy groups,
the extract stage's quantities, dates and quotes, and the align stage are the real ones. Scores
(the gold format is in benchmarks/gold/align/README.md):
- conflicts: a predicted conflict is right when its kind is the gold one's, each of its claims
  (sides) falls inside one gold side (its articles among that side's articles, one of its evidence
  sentences among that side's sentences), and at least two gold sides are covered. Precision = right predictions / predictions, recall =
  gold conflicts found / gold conflicts; a second prediction of an already found conflict is a
  duplicate (right, but counted apart). Severity: quantity conflicts found with the gold severity.
- facts: pairwise over sentence pairs from different articles put in one fact; pairs across the two
  sides of a gold conflict are not scored (same point, different values: grouping them or not is
  both defensible).
- unique details: the sentences the stage reports as facts only one article carries, against the
  gold unique sentences (sentences on a conflict's side only are not scored).
Baselines measured in the same run on the same sentences and extraction:
- facts / unique: TF-IDF cosine over content words, sentences of different articles joined when the
  cosine reaches a threshold (chosen on the tune half by --sweep-style search, printed);
- conflicts: "same noun, different number": any two quantities in different articles with the same
  counted noun and different values (the extract stage's quantities, no similarity or quote checks).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations, product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.align import facts as fact_module  # noqa: E402
from storydesk.model import Digest, RawDocument, Sentence  # noqa: E402
from storydesk.pipeline import digest  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "align"
MIN_FACT_WORDS = fact_module.MIN_FACT_WORDS
_WORD = re.compile(r"[a-z0-9]+")
_BASELINE_STOP = frozenset("a an the of to in on at for and or but is are was were be been by with from that this it as".split())

Key = tuple[str, int]  # (article id, sentence index)


@dataclass
class Story:
    name: str
    split: str
    documents: list[RawDocument]
    gold: dict


@dataclass
class Resolved:
    """The gold of one story in sentence keys of the digest's own segmentation."""

    groups: list[set[Key]] = field(default_factory=list)
    unique: set[Key] = field(default_factory=set)
    conflicts: list[dict] = field(default_factory=list)  # {"kind", "severity", "sides": [set[Key]], "articles": [set]}
    ignored_pairs: set[frozenset[Key]] = field(default_factory=set)
    unannotated: list[str] = field(default_factory=list)


def read_article(path: Path) -> RawDocument:
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line[2:].split(": ", 1) for line in header.splitlines() if line.startswith("# "))
    return RawDocument(
        id=path.stem, content=body.strip() + "\n", title=meta.get("title"), source=meta.get("source"),
        published=datetime.fromisoformat(meta["published"]), path=str(path),
    )


def load_stories(names: list[str] | None = None) -> list[Story]:
    stories = []
    for folder in sorted(p for p in GOLD.iterdir() if (p / "gold.json").exists()):
        if names and folder.name not in names:
            continue
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        documents = [read_article(p) for p in sorted(folder.glob("*.txt"))]
        stories.append(Story(folder.name, gold.get("split", "tune"), documents, gold))
    return stories


def _locate(d: Digest, article: str, needle: str) -> Key:
    text = next(a.text for a in d.articles if a.id == article)
    at = text.find(needle)
    if at < 0:
        raise ValueError(f"{d.story.id}: {needle!r} not found in {article}")
    for s in d.sentences:
        if s.article == article and s.start <= at < s.end:
            return (article, s.index)
    raise ValueError(f"{d.story.id}: {needle!r} in {article} is in no sentence")


def _keys(d: Digest, sentences: dict[str, str | list[str]]) -> set[Key]:
    out = set()
    for article, needles in sentences.items():
        for needle in [needles] if isinstance(needles, str) else needles:
            out.add(_locate(d, article, needle))
    return out


def resolve(d: Digest, gold: dict) -> Resolved:
    r = Resolved()
    r.groups = [_keys(d, fact["sentences"]) for fact in gold["facts"]]
    r.unique = {_locate(d, a, n) for a, needles in gold["unique"].items() for n in needles}
    in_group = {k: g for g in r.groups for k in g}
    for conflict in gold["conflicts"]:
        sides = [_keys(d, side["sentences"]) for side in conflict["sides"]]
        r.conflicts.append({
            "kind": conflict["kind"], "severity": conflict.get("severity", "contradiction"),
            "about": conflict["about"], "sides": sides, "articles": [{a for a, _ in s} for s in sides],
        })
        # Sentences on one side, and the facts they belong to, against the other side's.
        wide = [set().union(s, *(in_group[k] for k in s if k in in_group)) for s in sides]
        for x, y in combinations(wide, 2):
            r.ignored_pairs |= {frozenset((p, q)) for p, q in product(x, y) if p[0] != q[0]}
    annotated = set(in_group) | r.unique | {k for c in r.conflicts for s in c["sides"] for k in s}
    r.unannotated = [f"{s.article}: {s.text}" for s in d.sentences
                     if (s.article, s.index) not in annotated and len(s.text.split()) >= MIN_FACT_WORDS]
    return r


def cross_pairs(groups: list[set[Key]]) -> set[frozenset[Key]]:
    return {frozenset((p, q)) for g in groups for p, q in combinations(sorted(g), 2) if p[0] != q[0]}


def sentence_of(d: Digest, article: str, offset: int) -> Key | None:
    for s in d.sentences:
        if s.article == article and s.start <= offset < s.end:
            return (article, s.index)
    return None


def predicted_groups(d: Digest) -> list[set[Key]]:
    return [{k for e in f.evidence if (k := sentence_of(d, e.article, e.start))} for f in d.alignment.facts]


def predicted_unique(d: Digest) -> set[Key]:
    by_id = {f.id: f for f in d.alignment.facts}
    return {k for ids in d.alignment.unique_facts.values() for fid in ids for e in by_id[fid].evidence
            if (k := sentence_of(d, e.article, e.start))}


def predicted_conflicts(d: Digest) -> list[dict]:
    out = []
    for c in d.alignment.conflicts:
        claims = [(set(claim.sources), {k for e in claim.evidence if (k := sentence_of(d, e.article, e.start))})
                  for claim in c.claims]
        out.append({"kind": c.kind, "severity": c.severity, "claims": claims,
                    "text": f"{c.kind}/{c.severity} {c.topic}: " + " | ".join(
                        f"{claim.value} {sorted(claim.sources)}" for claim in c.claims)})
    return out


def baseline_conflicts(d: Digest) -> list[dict]:
    """Same counted noun, different number, different articles; merged per noun and pair of values
    (sides gather every article giving that value), as the stage merges its own findings."""
    merged: dict[tuple, dict[float, tuple[set, set]]] = {}
    for a, b in combinations(d.extraction.quantities, 2):
        if a.span.article == b.span.article or a.value == b.value or _noun(a.noun) != _noun(b.noun):
            continue
        sides = merged.setdefault((_noun(a.noun), frozenset((a.value, b.value))), {})
        for q in (a, b):
            articles, evidence = sides.setdefault(q.value, (set(), set()))
            articles.add(q.span.article)
            evidence.add(sentence_of(d, q.span.article, q.span.start))
    return [{"kind": "quantity", "severity": "contradiction", "claims": list(sides.values()),
             "text": f"quantity {noun}: " + " vs ".join(f"{v:g}" for v in sides)}
            for (noun, _), sides in merged.items()]


def _noun(noun: str) -> str:
    return noun.lower()[:-1] if noun.lower().endswith("s") else noun.lower()


def _tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _BASELINE_STOP]


def tfidf_similarities(sentences: list[Sentence]) -> list[list[float]]:
    docs = [Counter(_tokens(s.text)) for s in sentences]
    df = Counter(w for doc in docs for w in doc)
    n = len(docs)
    vectors = []
    for doc in docs:
        v = {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in doc.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return [[sum(x * b.get(w, 0.0) for w, x in a.items()) for b in vectors] for a in vectors]


def tfidf_groups(d: Digest, sims: list[list[float]], threshold: float) -> list[set[Key]]:
    keep = [i for i, s in enumerate(d.sentences) if len(s.text.split()) >= MIN_FACT_WORDS]
    parent = {i: i for i in keep}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(keep, 2):
        if d.sentences[i].article != d.sentences[j].article and sims[i][j] >= threshold:
            parent[find(i)] = find(j)
    groups: dict[int, set[Key]] = {}
    for i in keep:
        groups.setdefault(find(i), set()).add((d.sentences[i].article, d.sentences[i].index))
    return list(groups.values())


def singletons(groups: list[set[Key]]) -> set[Key]:
    return {next(iter(g)) for g in groups if len({a for a, _ in g}) == 1 and len(g) == 1}


@dataclass
class Tally:
    """Counts summed over stories; the figures are computed from the sums (micro-averaged)."""

    pred: int = 0
    right: int = 0
    duplicates: int = 0
    gold: int = 0
    found: int = 0
    severity_right: int = 0
    severity_seen: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.right / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def score_conflicts(predicted: list[dict], r: Resolved) -> tuple[Tally, list[str], list[str]]:
    t = Tally(pred=len(predicted), gold=len(r.conflicts))
    found: set[int] = set()
    false = []
    for p in predicted:
        match = next((n for n, g in enumerate(r.conflicts) if _matches(p, g)), None)
        if match is None:
            false.append(p["text"])
            continue
        t.right += 1
        if match in found:
            t.duplicates += 1
            continue
        found.add(match)
        if p["kind"] == "quantity":
            t.severity_seen += 1
            t.severity_right += p["severity"] == r.conflicts[match]["severity"]
    t.found = len(found)
    missed = [f"{g['kind']} {g['about']}" for n, g in enumerate(r.conflicts) if n not in found]
    return t, missed, false


def _matches(p: dict, g: dict) -> bool:
    """Same kind; each claim's articles inside one gold side whose sentences hold its evidence;
    two gold sides covered."""
    if p["kind"] != g["kind"]:
        return False
    hit = set()
    for articles, evidence in p["claims"]:
        home = [n for n, side in enumerate(g["sides"]) if articles <= g["articles"][n] and evidence & side]
        if not home:
            return False
        hit.add(home[0])
    return len(hit) >= 2


@dataclass
class PairTally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, gold: set, scored: set | None = None) -> None:
        if scored is not None:
            predicted, gold = predicted & scored, gold & scored
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def fact_scores(pred_groups: list[set[Key]], r: Resolved, tally: PairTally) -> None:
    predicted = cross_pairs(pred_groups) - r.ignored_pairs
    tally.add(predicted, cross_pairs(r.groups) - r.ignored_pairs)


def unique_scores(pred_unique: set[Key], r: Resolved, tally: PairTally) -> None:
    shared = {k for g in r.groups if len({a for a, _ in g}) > 1 for k in g}
    tally.add(pred_unique, r.unique, scored=r.unique | shared)


@dataclass
class Run:
    story: Story
    digest: Digest
    resolved: Resolved
    tfidf: list[list[float]]
    seconds: float


def run_story(story: Story) -> Run:
    started = time.perf_counter()
    d = digest(story.documents, strict=True, story_id=story.name)
    seconds = time.perf_counter() - started
    return Run(story, d, resolve(d, story.gold), tfidf_similarities(list(d.sentences)), seconds)


def choose_tfidf_threshold(runs: list[Run]) -> float:
    """The TF-IDF threshold with the best pairwise F1 on the tune stories (a fair baseline)."""
    best = (0.0, 0.5)
    for step in range(10, 90, 5):
        threshold = step / 100
        tally = PairTally()
        for run in runs:
            fact_scores(tfidf_groups(run.digest, run.tfidf, threshold), run.resolved, tally)
        best = max(best, (tally.f1, threshold))
    return best[1]


def sweep(runs: list[Run]) -> None:
    """Pairwise F1 of fact grouping on the tune stories for a grid of the facts thresholds."""
    import numpy as np

    from storydesk.embed import embed

    saved = (fact_module.SAME_FACT_COSINE, fact_module.SUPPORTED_FACT_COSINE, fact_module.SUPPORTED_FACT_JACCARD)
    rows = []
    for same, supported, jac in product((0.62, 0.66, 0.70, 0.74, 0.78, 0.82), (0.50, 0.55, 0.60, 0.65, 0.70),
                                        (0.15, 0.20, 0.25, 0.30, 0.40)):
        if supported > same:
            continue
        fact_module.SAME_FACT_COSINE, fact_module.SUPPORTED_FACT_COSINE, fact_module.SUPPORTED_FACT_JACCARD = (
            same, supported, jac)
        tally = PairTally()
        for run in runs:
            sentences = list(run.digest.sentences)
            vectors = embed([s.text for s in sentences]) if sentences else np.zeros((0, 384))
            groups, _ = fact_module.group_facts(list(run.digest.articles), sentences, vectors, run.digest.reuse,
                                                run.digest.extraction.quantities)
            pred = [{k for e in f.evidence if (k := sentence_of(run.digest, e.article, e.start))} for f in groups]
            fact_scores(pred, run.resolved, tally)
        rows.append((tally.f1, tally.p, tally.r, same, supported, jac))
    fact_module.SAME_FACT_COSINE, fact_module.SUPPORTED_FACT_COSINE, fact_module.SUPPORTED_FACT_JACCARD = saved
    print("fact thresholds on the tune stories (best 10 by pairwise F1)")
    print(f"{'same':>6} {'supported':>9} {'jaccard':>7} {'P':>6} {'R':>6} {'F1':>6}")
    for f1, p, r, same, supported, jac in sorted(rows, reverse=True)[:10]:
        print(f"{same:6.2f} {supported:9.2f} {jac:7.2f} {p:6.3f} {r:6.3f} {f1:6.3f}")


def report(runs: list[Run], threshold: float, verbose: bool) -> None:
    names = sorted({r.story.split for r in runs}, key=["tune", "heldout", "fresh"].index)
    splits = {name: [r for r in runs if r.story.split == name] for name in names} | {"all": runs}
    rows = []
    for name, chosen in splits.items():
        if not chosen:
            continue
        c_sys, c_base = Tally(), Tally()
        f_sys, f_base, u_sys, u_base = PairTally(), PairTally(), PairTally(), PairTally()
        for run in chosen:
            t, missed, false = score_conflicts(predicted_conflicts(run.digest), run.resolved)
            c_sys.add(t)
            c_base.add(score_conflicts(baseline_conflicts(run.digest), run.resolved)[0])
            fact_scores(predicted_groups(run.digest), run.resolved, f_sys)
            base_groups = tfidf_groups(run.digest, run.tfidf, threshold)
            fact_scores(base_groups, run.resolved, f_base)
            unique_scores(predicted_unique(run.digest), run.resolved, u_sys)
            unique_scores(singletons(base_groups), run.resolved, u_base)
            if verbose and name == "all":
                print(f"\n## {run.story.name} ({run.story.split}, {len(run.digest.articles)} articles, "
                      f"{run.seconds:.1f} s)")
                for line in missed:
                    print(f"  missed: {line}")
                for line in false:
                    print(f"  false:  {line}")
                for line in run.resolved.unannotated:
                    print(f"  not in gold: {line}")
        rows.append((name, len(chosen), c_sys, c_base, f_sys, f_base, u_sys, u_base))
    print()
    print(f"TF-IDF baseline threshold (best F1 on the tune stories): {threshold:.2f}")
    print()
    print("| split | stories | gold conflicts | conflict P | conflict R | dup | severity | baseline P | baseline R "
          "| facts P | facts R | facts F1 | TF-IDF P | TF-IDF R | TF-IDF F1 | unique P | unique R "
          "| TF-IDF unique P | TF-IDF unique R |")
    print("|" + "---|" * 19)
    for name, n, cs, cb, fs, fb, us, ub in rows:
        severity = f"{cs.severity_right}/{cs.severity_seen}"
        print(f"| {name} | {n} | {cs.gold} | {cs.precision:.3f} ({cs.right}/{cs.pred}) | {cs.recall:.3f} "
              f"({cs.found}/{cs.gold}) | {cs.duplicates} | {severity} | {cb.precision:.3f} ({cb.right}/{cb.pred}) "
              f"| {cb.recall:.3f} | {fs.p:.3f} | {fs.r:.3f} | {fs.f1:.3f} | {fb.p:.3f} | {fb.r:.3f} | {fb.f1:.3f} "
              f"| {us.p:.3f} | {us.r:.3f} | {ub.p:.3f} | {ub.r:.3f} |")
    seconds = sum(r.seconds for r in runs)
    sentences = sum(len(r.digest.sentences) for r in runs)
    print(f"\n{len(runs)} stories, {sum(len(r.digest.articles) for r in runs)} articles, {sentences} sentences, "
          f"digests in {seconds:.1f} s (first one loads the models)")


def multinews(count: int, skip: int = 0) -> None:
    """Print every conflict the stage reports on the first `count` Multi-News clusters of 2+ articles."""
    path = ROOT.parent / "shared" / "data" / "multinews" / "val.jsonl"
    if not path.exists():
        sys.exit(f"Multi-News not found at {path}")
    shown = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cluster = json.loads(line)
            if len(cluster["documents"]) < 2:
                continue
            if skip:
                skip -= 1
                continue
            documents = [RawDocument(id=doc["id"], content=doc["text"], title=doc.get("title") or None)
                         for doc in cluster["documents"]]
            started = time.perf_counter()
            d = digest(documents, story_id=cluster["id"])
            print(f"\n## {cluster['id']}: {len(d.articles)} articles, {len(d.sentences)} sentences, "
                  f"{len(d.alignment.conflicts)} conflicts ({time.perf_counter() - started:.1f} s) — {d.story.headline[:80]}")
            for c in d.alignment.conflicts:
                print(f"- {c.id} {c.kind}/{c.severity}: {c.topic}")
                for claim in c.claims:
                    print(f"    {claim.value} {list(claim.sources)}: {claim.text[:220]}")
            shown += 1
            if shown == count:
                break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--story", action="append", help="only this story (repeatable)")
    parser.add_argument("--verbose", action="store_true", help="print each story's misses and false conflicts")
    parser.add_argument("--sweep", action="store_true", help="grid of fact thresholds on the tune stories")
    parser.add_argument("--multinews", type=int, metavar="N", help="print the conflicts found on N Multi-News clusters")
    parser.add_argument("--skip", type=int, default=0, help="with --multinews: clusters to skip first")
    parser.add_argument("--real", action="store_true", help="score the real Multi-News clusters of gold/align/real")
    parser.add_argument("--save-today", action="store_true", help="with --real: store the predictions as today's")
    parser.add_argument("--split", action="append", help="with --real: only the clusters of this split (repeatable)")
    args = parser.parse_args()
    if args.split and args.save_today:
        sys.exit("--save-today stores every cluster's predictions: run it without --split")
    if args.real:
        from benchmarks.align_real import report as real_report

        real_report(args.verbose, args.save_today, args.split)
        return
    if args.multinews:
        multinews(args.multinews, args.skip)
        return
    runs = [run_story(story) for story in load_stories(args.story)]
    if not runs:
        sys.exit(f"no gold stories found in {GOLD}")
    tune = [r for r in runs if r.story.split == "tune"] or runs
    if args.sweep:
        sweep(tune)
        return
    report(runs, choose_tfidf_threshold(tune), args.verbose)


if __name__ == "__main__":
    main()

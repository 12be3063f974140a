"""Read a bench_real.py run as an editor: every summary sentence with each cited article's evidence.

    python benchmarks/review_summary.py                     # the unjudged items of out/bench_real.json
    python benchmarks/review_summary.py --all               # every sentence, judged or not, with its verdicts
    python benchmarks/review_summary.py --cluster multinews-validation-ta049
    python benchmarks/review_summary.py --merge new.json    # add judgments (same shape as judgments.json)

For each cluster it prints the gold main event and key facts (benchmarks/gold/real/clusters/),
then the storydesk sentences, each followed by the evidence of every article it cites, then the
LexRank sentences. A sentence or citation with no verdict in benchmarks/gold/real/judgments.json
is marked `??`: read it against the evidence (and the article, when the evidence is not enough)
and add the verdict (the format is in bench_real.py's docstring). Judgments are keyed by text,
so after a change only sentences the summary did not produce before need reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_real import FLAGS, GOLD, load_gold, load_judgments  # noqa: E402

JUDGMENTS = GOLD / "judgments.json"


def merge(path: Path) -> int:
    """Add the judgments in `path` to judgments.json (a new verdict replaces an old one); the count added."""
    judged, new = load_judgments(), json.loads(path.read_text(encoding="utf-8"))
    added = 0
    for cluster, sentences in new.get("sentences", {}).items():
        for text, verdict in sentences.items():
            if verdict.get("flag") not in FLAGS or not isinstance(verdict.get("claims"), list):
                raise SystemExit(f"{cluster}: bad verdict for {text!r}: {verdict}")
            judged["sentences"].setdefault(cluster, {})[text] = verdict
            added += 1
    for cluster, sentences in new.get("citations", {}).items():
        for text, articles in sentences.items():
            for article, ok in articles.items():
                judged["citations"].setdefault(cluster, {}).setdefault(text, {})[article] = bool(ok)
                added += 1
    JUDGMENTS.write_text(json.dumps(judged, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return added


def review(runs: dict, gold: dict, judged: dict, clusters: list[str], show_all: bool) -> int:
    """Print the review; the number of unjudged items."""
    missing = 0
    for cluster in clusters:
        run, g = runs[cluster], gold.get(cluster)
        lines = []
        for system in ("storydesk", "lexrank"):
            for n, sentence in enumerate(run[system]):
                text = sentence["text"]
                verdict = judged["sentences"].get(cluster, {}).get(text)
                cites = judged["citations"].get(cluster, {}).get(text, {})
                open_cites = [a for a in sentence.get("sources", []) if a not in cites]
                if not show_all and verdict is not None and not open_cites:
                    continue
                missing += (verdict is None) + len(open_cites)
                mark = "??" if verdict is None else f"{verdict['flag']} {verdict['claims']}"
                lines.append(f"  [{system} {n}] {mark}\n    {text}")
                for article in sentence.get("sources", []):
                    ok = cites.get(article)
                    state = "??" if ok is None else ("states it" if ok else "DOES NOT state it")
                    lines.append(f"      {article} ({state}): {sentence['evidence'].get(article, '')}")
        if not lines:
            continue
        print(f"=== {cluster}")
        if g:
            print(f"  main: {g['main_event']['text']}")
            for fact in g["key_facts"]:
                print(f"  {fact['id']} {fact['articles']}: {fact['text']}")
        if run.get("conflicts"):
            print(f"  conflicts: {run['conflicts']}")
        print("\n".join(lines))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", type=Path, default=ROOT / "out" / "bench_real.json")
    parser.add_argument("--all", action="store_true", help="judged sentences too")
    parser.add_argument("--cluster", nargs="*", help="only these clusters")
    parser.add_argument("--merge", type=Path, help="add the judgments in this file to judgments.json")
    args = parser.parse_args()
    if args.merge:
        print(f"{merge(args.merge)} judgments added to {JUDGMENTS}")
        return 0
    if not args.run.exists():
        print(f"no run at {args.run}: run benchmarks/bench_real.py first", file=sys.stderr)
        return 1
    runs = json.loads(args.run.read_text(encoding="utf-8"))
    clusters = [c for c in runs if not args.cluster or c in args.cluster]
    missing = review(runs, load_gold(), load_judgments(), clusters, args.all)
    print(f"\n{missing} items unjudged")
    return 0


if __name__ == "__main__":
    sys.exit(main())

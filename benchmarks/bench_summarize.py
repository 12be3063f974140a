"""Benchmark the summary on Multi-News (validation sample), extractive baselines side by side.

    python benchmarks/bench_summarize.py                 # all 250 clusters, 260 words
    python benchmarks/bench_summarize.py --clusters 50   # the development subset (first 50)
    python benchmarks/bench_summarize.py --skip 150      # the 100 clusters the weights were not tuned on
    python benchmarks/bench_summarize.py --full --clusters 20  # storydesk via the whole digest

Scorer: rouge-score 0.1.2, ROUGE-1/2/L F1 (`rougeL`: LCS over the whole summary), Porter
stemming on, against the cluster's one reference summary; the mean over clusters, x100.

Length: every system has the same word budget (`--words`, 260 by default: the references run
228 words on average, median 236, and published Multi-News scores use ~300 tokens). Baselines
take sentences best first until the budget is reached, are put in document order and are cut
to exactly the budget's first words (whitespace tokens). storydesk is asked for `--words` words
and is used as it comes (never longer than the budget, usually a few words shorter; no cut).

Rows, all in this one run:
- storydesk: `storydesk.runners.summaries.summarize_cluster` (clean, segment, reuse, summarize);
- First-3: the first three sentences of each article, articles in file order;
- LexRank, TextRank: sumy 0.13 (English stop words, Porter stemmer), given storydesk.segment's
  sentences because sumy's own tokenizer needs an NLTK download;
- Random: sentences drawn at random (seed `--seed`);
each baseline on the raw article text (as published baselines ran) and on storydesk's cleaned
text ("on clean text"), which separates what cleaning adds from what selection adds.

Citation check: every storydesk summary sentence is checked again against each article it
cites with `storydesk.summarize.verify_citation`; the pass rate is printed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.model import Article, Sentence  # noqa: E402
from storydesk.runners.summaries import ClusterSummary, summarize_cluster  # noqa: E402
from storydesk.segment import split_sentences  # noqa: E402
from storydesk.summarize import verify_citation  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "multinews" / "val.jsonl"
_WORD = re.compile(r"\w+")

Summarizer = Callable[[list[list[str]], int], list[str]]


def truncate(sentences: list[str], words: int) -> str:
    return " ".join(" ".join(sentences).split()[:words])


def take_until(ranked: list[tuple[int, int, str]], words: int) -> list[str]:
    """(doc, position, text) best first -> the best ones reaching `words`, in document order."""
    chosen, used = [], 0
    for item in ranked:
        if used >= words:
            break
        chosen.append(item)
        used += len(item[2].split())
    return [text for _, _, text in sorted(chosen)]


def first_k(docs: list[list[str]], words: int, k: int = 3) -> list[str]:
    return [s for doc in docs for s in doc[:k]]


def random_sentences(seed: int) -> Summarizer:
    def run(docs: list[list[str]], words: int) -> list[str]:
        items = [(d, p, s) for d, doc in enumerate(docs) for p, s in enumerate(doc)]
        random.Random(seed).shuffle(items)
        return take_until(items, words)

    return run


class _Tokenizer:
    """What sumy needs of a tokenizer; sentences are split beforehand by storydesk.segment."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def sumy_summarizer(kind: str) -> Summarizer:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _Tokenizer()

    def run(docs: list[list[str]], words: int) -> list[str]:
        sentences = [SumySentence(s, tokenizer) for doc in docs for s in doc]
        if not sentences:
            return []
        document = ObjectDocumentModel([Paragraph(sentences)])

        def until_budget(infos):  # sumy hands this the sentences best first
            out, used = [], 0
            for info in infos:
                if used >= words:
                    break
                out.append(info)
                used += len(str(info.sentence).split())
            return out

        return [str(s) for s in summarizer(document, until_budget)]

    return run


def sentence_texts(article_id: str, text: str) -> list[str]:
    return [s.text for s in split_sentences(Article(id=article_id, text=text))]


def citation_check(result: ClusterSummary) -> tuple[int, int]:
    """(sentences passing against every cited article, sentences checked)."""
    articles = {a.id: a for a in result.articles}
    sentences: dict[str, list[Sentence]] = {}
    passed = 0
    for s in result.summary:
        ok = True
        for source in s.sources:
            own = sentences.setdefault(source, split_sentences(articles[source]))
            ok &= verify_citation(s.text, articles[source], own) is not None
        passed += ok
    return passed, len(result.summary)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--clusters", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N clusters (e.g. the ones tuned on)")
    parser.add_argument("--words", type=int, default=260, help="word budget of every system")
    parser.add_argument("--seed", type=int, default=13, help="seed of the random baseline")
    parser.add_argument("--full", action="store_true", help="storydesk through the whole digest (extract, align)")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    baselines: dict[str, Summarizer] = {
        "First-3": first_k,
        "LexRank (sumy)": sumy_summarizer("lexrank"),
        "TextRank (sumy)": sumy_summarizer("textrank"),
        f"Random (seed {args.seed})": random_sentences(args.seed),
    }
    rows = ["storydesk"] + [f"{name}{variant}" for name in baselines for variant in ("", " on clean text")]
    scores: dict[str, list[tuple[float, float, float]]] = {row: [] for row in rows}
    lengths: dict[str, list[int]] = {row: [] for row in rows}
    seconds: dict[str, float] = {row: 0.0 for row in rows}
    passed = checked = clusters = 0
    with open(args.data, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    records = records[args.skip:]
    records = records[: args.clusters] if args.clusters else records
    for number, record in enumerate(records, start=1):
        reference = record["summaries"][0]
        started = time.perf_counter()
        result = summarize_cluster(record, record["id"], words=args.words, full=args.full)
        seconds["storydesk"] += time.perf_counter() - started
        if not isinstance(result, ClusterSummary):
            print(f"warning: {result}", file=sys.stderr)
            continue
        clusters += 1
        outputs = {"storydesk": " ".join(s.text for s in result.summary)}
        ok, total = citation_check(result)
        passed, checked = passed + ok, checked + total
        raw_docs = [sentence_texts(d["id"], d["text"]) for d in record["documents"]]
        clean_docs = [sentence_texts(a.id, a.text) for a in result.articles]
        for name, run in baselines.items():
            for variant, docs in (("", raw_docs), (" on clean text", clean_docs)):
                started = time.perf_counter()
                outputs[name + variant] = truncate(run(docs, args.words), args.words)
                seconds[name + variant] += time.perf_counter() - started
        for row, text in outputs.items():
            score = scorer.score(reference, text)
            scores[row].append(tuple(100 * score[k].fmeasure for k in ("rouge1", "rouge2", "rougeL")))
            lengths[row].append(len(text.split()))
        if number % 25 == 0:
            print(f"{number}/{len(records)} clusters", file=sys.stderr, flush=True)

    print(f"Multi-News validation, {clusters} clusters, {args.words}-word budget, rouge-score 0.1.2 "
          f"(stemmer on), F1 x100{' (storydesk: full digest)' if args.full else ''}\n")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-L | words | ms/cluster |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        r1, r2, rl = (statistics.mean(s[i] for s in scores[row]) for i in range(3))
        print(f"| {row} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {statistics.mean(lengths[row]):.0f} | "
              f"{1000 * seconds[row] / max(1, clusters):.0f} |")
    best = {i: max(statistics.mean(s[i] for s in scores[row]) for row in rows[1:]) for i in range(3)}
    mine = {i: statistics.mean(s[i] for s in scores["storydesk"]) for i in range(3)}
    print(f"\nstorydesk minus the best baseline: ROUGE-1 {mine[0] - best[0]:+.2f}, ROUGE-2 {mine[1] - best[1]:+.2f}, "
          f"ROUGE-L {mine[2] - best[2]:+.2f}")
    print(f"citation check: {passed}/{checked} summary sentences pass against every cited article "
          f"({100 * passed / max(1, checked):.1f}%)")
    print("storydesk ms/cluster includes cleaning; baselines' times exclude sentence splitting.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

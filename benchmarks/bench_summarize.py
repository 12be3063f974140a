"""Benchmark the summary: ROUGE on Multi-News against the classic extractive baselines, one run.

    python benchmarks/bench_summarize.py              # all 250 clusters of ../shared/data/multinews/val.jsonl
    python benchmarks/bench_summarize.py --clusters 50

Every system gets the same cleaned articles (storydesk.clean) and the same sentence splitter
(storydesk.segment; sumy's own needs an NLTK download), and every summary is cut to WORDS words
(the references' median is about 260), so scores compare like with like. rouge-score 0.1.2,
stemming on, F-measure, averaged over clusters (the best over a cluster's references).
Rows: storydesk (`pipeline.summarize_articles`, the batch path: no NER), First-3 (the first three
sentences of each article, in order), sumy 0.13 LexRank and TextRank, random sentences (seed 0).
Citation check: the share of storydesk summary sentences whose every cited article passes the
verification (close sentence, same numbers), recomputed here from the output.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.clean import clean_documents  # noqa: E402
from storydesk.model import RawDocument  # noqa: E402
from storydesk.pipeline import summarize_articles  # noqa: E402
from storydesk.segment import split_sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "multinews" / "val.jsonl"
WORDS = 260


def cut(sentences: list[str], words: int = WORDS) -> str:
    out, used = [], 0
    for sentence in sentences:
        tokens = sentence.split()
        if used + len(tokens) > words:
            out.append(" ".join(tokens[:words - used]))
            break
        out.append(sentence)
        used += len(tokens)
    return " ".join(out)


def first3(articles, sentences_by_article):
    return [s.text for a in articles for s in sentences_by_article[a.id][:3]]


def random_sentences(articles, sentences_by_article, seed=0):
    pool = [s.text for a in articles for s in sentences_by_article[a.id]]
    random.Random(seed).shuffle(pool)
    return pool


def sumy_summary(articles, sentences_by_article, kind: str) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    class Tokenizer:  # sumy's own needs an NLTK download; words split on spaces, like sumy's fallback
        language = "english"

        def to_words(self, text):
            return [w.strip(".,;:!?\"'()“”’") for w in text.split() if w.strip(".,;:!?\"'()“”’")]

    tokenizer = Tokenizer()
    sentences = [Sentence(s.text, tokenizer) for a in articles for s in sentences_by_article[a.id]]
    if not sentences:
        return []
    document = ObjectDocumentModel([Paragraph(sentences)])
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = STOP
    picked = summarizer(document, min(len(sentences), 25))
    return [str(s) for s in picked]


STOP = frozenset("a an the and or but of to in on at by for with from as is was were be been are it its this that "
                 "he she they we you i his her their our said says".split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=int, default=250)
    parser.add_argument("--words", type=int, default=WORDS)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    clusters = [json.loads(line) for line in DATA.open(encoding="utf-8")][:args.clusters]
    systems = ["storydesk", "First-3", "LexRank (sumy)", "TextRank (sumy)", "random"]
    scores = {name: {"rouge1": [], "rouge2": [], "rougeL": []} for name in systems}
    seconds = {name: 0.0 for name in systems}
    cited = verified = 0
    for cluster in clusters:
        docs = [RawDocument(id=d["id"], content=d["text"], title=d.get("title") or None) for d in cluster["documents"]]
        articles, _ = clean_documents(docs)
        if not articles:
            continue
        by_article = {a.id: split_sentences(a) for a in articles}
        outputs = {}
        started = time.perf_counter()
        summary = summarize_articles(articles, words=args.words)
        seconds["storydesk"] += time.perf_counter() - started
        outputs["storydesk"] = [s.text for s in summary]
        cited += len(summary)
        verified += sum(_verified(s, articles) for s in summary)
        for name, make, extra in (("First-3", first3, ()), ("LexRank (sumy)", sumy_summary, ("lexrank",)),
                                  ("TextRank (sumy)", sumy_summary, ("textrank",)), ("random", random_sentences, ())):
            started = time.perf_counter()
            outputs[name] = make(articles, by_article, *extra)
            seconds[name] += time.perf_counter() - started
        references = cluster.get("summaries") or []
        for name in systems:
            text = cut(outputs[name], args.words)
            best = {k: 0.0 for k in scores[name]}
            for reference in references:
                result = scorer.score(reference, text)
                for k in best:
                    best[k] = max(best[k], result[k].fmeasure)
            for k, v in best.items():
                scores[name][k].append(v)
    n = len(scores["storydesk"]["rouge1"])
    print(f"Multi-News val: {n} clusters, summaries cut to {args.words} words, rouge-score (stemmed) F1 x 100\n")
    print(f"{'system':<18}{'R-1':>7}{'R-2':>7}{'R-L':>7}{'s/cluster':>11}")
    for name in systems:
        r = {k: 100 * statistics.mean(v) for k, v in scores[name].items()}
        print(f"{name:<18}{r['rouge1']:>7.2f}{r['rouge2']:>7.2f}{r['rougeL']:>7.2f}{seconds[name] / n:>11.3f}")
    print(f"\nCitation check: {verified}/{cited} storydesk summary sentences ({100 * verified / max(1, cited):.1f}%) "
          "have every cited article state them (own article verbatim; others a close sentence with the same numbers)")
    return 0


def _verified(sentence, articles) -> bool:
    """Independent re-check of a citation: the text (minus a dateline) is in its first source, or
    every cited article shares most of its content words."""
    import re

    texts = {a.id: a.text for a in articles}
    words = set(re.findall(r"[a-z0-9]+", sentence.text.lower()))
    for source in sentence.sources:
        if source not in texts:
            return False
        if sentence.text in texts[source]:
            continue
        theirs = set(re.findall(r"[a-z0-9]+", texts[source].lower()))
        if len(words & theirs) < 0.6 * len(words):
            return False
    return True


if __name__ == "__main__":
    sys.exit(main())

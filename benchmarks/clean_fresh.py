"""The plain-text cleaner on a fresh, hand-read sample of Multi-News pages (`bench_clean.py --fresh`).

`gold/clean/multinews_fresh.json` lists, for 25 documents drawn with a fixed seed from stories
the other benchmarks do not read, which input lines are not article body (each page read in
full) and which pages are not articles at all. Each document is cleaned with the other
documents of its story, as the pipeline cleans them. Scores:
- shingle P/R/F1 of the cleaned text against the body lines (the aeb metric, per page, means);
- lines: precision and recall of removal over every non-empty input line (noise is positive);
- pages: the not-an-article pages left out, and real articles wrongly left out.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_clean import page_scores  # noqa: E402
from storydesk.clean import clean_documents  # noqa: E402
from storydesk.model import RawDocument  # noqa: E402

_WORD = re.compile(r"[^\W_]")
GOLD = ROOT / "benchmarks" / "gold" / "clean" / "multinews_fresh.json"
# The second sample (issue 22, seed 2222), drawn after the first had been tuned against.
GOLD_SECOND = ROOT / "benchmarks" / "gold" / "clean" / "multinews_fresh2.json"
# The third sample (issue 22, seed 2317, gold/clean/draw_fresh3.py), drawn after the second had been tuned against.
GOLD_THIRD = ROOT / "benchmarks" / "gold" / "clean" / "multinews_fresh3.json"
# The fourth sample (issue 22, seed 2418, gold/clean/draw_fresh4.py), drawn after the third had been tuned against.
GOLD_FOURTH = ROOT / "benchmarks" / "gold" / "clean" / "multinews_fresh4.json"
# The fifth sample (issue 22, seed 2519, gold/clean/draw_fresh5.py), drawn after the fourth had been tuned against.
GOLD_FIFTH = ROOT / "benchmarks" / "gold" / "clean" / "multinews_fresh5.json"
# The sixth sample (issue 22, seed 2620, gold/clean/draw_fresh6.py), drawn after the fifth had been tuned against.
GOLD_SIXTH = ROOT / "benchmarks" / "gold" / "clean" / "multinews_fresh6.json"
# The seventh sample (issue 22, seed 2721, gold/clean/draw_fresh7.py), drawn after the sixth had been tuned against.
GOLD_SEVENTH = ROOT / "benchmarks" / "gold" / "clean" / "multinews_fresh7.json"


def trafilatura_of_text(text: str) -> str | None:
    """trafilatura's extraction of a plain-text page, each line given to it as a paragraph.

    The peer reads HTML only; this is the nearest fair input (no markup hints either way).
    None when trafilatura is not installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return trafilatura.extract(f"<html><body><article>{paragraphs}</article></body></html>",
                               include_comments=False) or ""


def load_stories(path: Path, wanted: set[str]) -> dict[str, list[dict]]:
    stories = {}
    with path.open() as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                stories[record["id"]] = record["documents"]
    return stories


def main(data: Path, show: bool = False, gold_path: Path = GOLD) -> None:
    gold = json.loads(gold_path.read_text())["items"]
    path = data / "multinews" / "val.jsonl"
    if not path.exists():
        print(f"\nfresh Multi-News sample: no data at {path}, skipped")
        return
    stories = load_stories(path, {item["story"] for item in gold})
    cleaned: dict[tuple[str, str], str | None] = {}  # None: the page was left out
    for story, documents in stories.items():
        docs = [RawDocument(id=d["id"], content=d["text"]) for d in documents if d.get("text", "").strip()]
        articles, _ = clean_documents(docs)
        by_id = {a.id: a for a in articles}
        for doc in docs:
            article = by_id.get(doc.id)
            cleaned[(story, doc.id)] = None if article is None else article.text
    pairs, uncleaned, peer = [], [], []
    true_pos = false_pos = false_neg = 0
    pages_out = pages_wrongly_out = not_articles = 0
    for item in gold:
        text = next(d["text"] for d in stories[item["story"]] if d["id"] == item["document"])
        # Lines without a word ("___") count for nothing either way.
        lines = {n: t for n, t in enumerate(text.split("\n"), start=1) if _WORD.search(t)}
        noise = {int(n) for n in item["noise"]}
        truth = "\n\n".join(t for n, t in lines.items() if n not in noise)
        output = cleaned[(item["story"], item["document"])] or ""
        # A line is kept when it is a paragraph of the output (the headline taken as title is not).
        body = {" ".join(p.split()) for p in output.split("\n\n")}
        removed = {n for n, t in lines.items() if " ".join(t.split()) not in body}
        result = cleaned[(item["story"], item["document"])]
        pairs.append(page_scores(output, truth))
        uncleaned.append(page_scores("\n\n".join(lines.values()), truth))
        peer_output = trafilatura_of_text(text)
        if peer_output is not None:
            peer.append(page_scores(peer_output, truth))
        true_pos += len(noise & removed)
        false_pos += len(removed - noise)
        false_neg += len(noise - removed)
        not_articles += bool(item["not_an_article"])
        pages_out += bool(item["not_an_article"]) and result is None
        pages_wrongly_out += not item["not_an_article"] and result is None
        if show and (removed != noise):
            print(f"{item['story']} {item['document']}: kept noise {sorted(noise - removed)}, "
                  f"removed body {sorted(removed - noise)}")
    print(f"\nfresh Multi-News sample {gold_path.name} ({len(gold)} pages read by hand, {sum(len(g['noise']) for g in gold)} noise "
          f"lines of {sum(g['lines'] for g in gold)})")
    print(f"{'system':<36} {'P':>6} {'R':>6} {'F1':>6}   lines: {'P':>6} {'R':>6}   pages left out")
    rows = [("storydesk clean (plain text)", pairs), ("uncleaned", uncleaned)]
    if peer:
        rows.insert(1, ("trafilatura (lines as <p>)", peer))
    for name, scores in rows:
        precision = sum(p for p, _ in scores) / len(scores)
        recall = sum(r for _, r in scores) / len(scores)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        extra = ""
        if scores is pairs:
            line_p = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
            line_r = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
            extra = (f"          {line_p:6.3f} {line_r:6.3f}   {pages_out} of {not_articles} non-articles, "
                     f"{pages_wrongly_out} articles")
        print(f"{name:<36} {precision:6.3f} {recall:6.3f} {f1:6.3f}{extra}")

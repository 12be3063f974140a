"""Benchmark the extract stage: speaker attribution, quantity normalization and date resolution
on the hand-written gold set, baselines side by side, and speed on Multi-News.

    python benchmarks/bench_extract.py               # gold set + speed on all 690 Multi-News articles
    python benchmarks/bench_extract.py --articles 100

Gold: benchmarks/gold/extract/gold.json (10 invented articles, 60 quotes, 45 quantities, 39 dates).
- Speakers: a gold quote is found when a predicted quote starts with its first words; attribution
  is right when the speaker (merged entity name) equals the gold name, None included. Precision
  counts predictions that name a speaker; recall counts gold quotes with a named speaker.
  Baseline: the nearest PERSON entity in the quote's sentence (or None).
- Quantities: right when value, qualifier and noun all match; gold items with noun null must
  yield nothing. Baseline: a bare number regex (value right, qualifier "=", the next word as noun).
- Dates: right when date and precision match. Baseline: dateparser 1.5 `search_dates` with
  RELATIVE_BASE = publication (PREFER_DATES_FROM past), when dateparser is installed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.extract import extract  # noqa: E402
from storydesk.extract.dates import dates_in  # noqa: E402
from storydesk.extract.quantities import quantities_in, singular  # noqa: E402
from storydesk.model import Article  # noqa: E402
from storydesk.segment import split_sentences  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "extract" / "gold.json"
DATA = ROOT.parent / "shared" / "data" / "multinews"


def prf(tp: int, predicted: int, relevant: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / relevant if relevant else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _articles(gold: list[dict]) -> list[Article]:
    return [Article(id=g["id"], text=g["text"], published=datetime.fromisoformat(g["published"]).replace(tzinfo=UTC))
            for g in gold]


def speakers(gold: list[dict]) -> list[tuple[str, float, float, float, float]]:
    articles = _articles(gold)
    sentences = [s for a in articles for s in split_sentences(a)]
    extraction = extract(articles, sentences)
    rows = []
    for name, predict in (("storydesk", _storydesk_speaker(extraction)), ("nearest PERSON in sentence", _baseline_speaker(extraction, sentences))):
        tp = named_predicted = found = 0
        named_gold = sum(q["speaker"] is not None for g in gold for q in g["quotes"])
        right_all = 0
        total = sum(len(g["quotes"]) for g in gold)
        for g in gold:
            for q in g["quotes"]:
                hit = predict(g["id"], q["starts"])
                if hit is None:
                    continue
                found += 1
                speaker = hit
                named_predicted += speaker != "<none>"
                if speaker == (q["speaker"] or "<none>"):
                    right_all += 1
                    tp += speaker != "<none>"
        p, r, f = prf(tp, named_predicted, named_gold)
        rows.append((name, p, r, f, right_all / total, found / total))
    return rows


def _storydesk_speaker(extraction):
    def predict(article: str, starts: str):
        for quote in extraction.quotes:
            for m in quote.mentions:
                if m.article == article and _norm(m.text).startswith(_norm(starts)):
                    return m.speaker or "<none>"
        return None
    return predict


def _baseline_speaker(extraction, sentences):
    persons = [(span, e.name) for e in extraction.entities if e.type == "person" for span in e.mentions]

    def predict(article: str, starts: str):
        for quote in extraction.quotes:
            for m in quote.mentions:
                if m.article == article and _norm(m.text).startswith(_norm(starts)):
                    sentence = next(s for s in sentences if s.article == article and s.index == m.sentence)
                    near = [(abs(span.start - m.span.start), name) for span, name in persons
                            if span.article == article and sentence.start <= span.start < sentence.end + 60]
                    return min(near)[1] if near else "<none>"
        return None
    return predict


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def quantities(gold: list[dict]) -> list[tuple[str, float, float, float]]:
    rows = []
    for name, finder in (("storydesk", lambda t: [(q.text, q.value, q.qualifier, q.noun) for q in quantities_in(t)]),
                         ("bare number regex", _regex_quantities)):
        tp = predicted = relevant = 0
        for g in gold:
            found = finder(g["text"])
            for item in g["quantities"]:
                overlapping = [f for f in found if f[0] in item["text"] or item["text"] in f[0]]
                if item["noun"] is None:
                    predicted += len(overlapping)
                    continue
                relevant += 1
                predicted += bool(overlapping)
                tp += any(abs(f[1] - item["value"]) < 1e-6 and f[2] == item["qualifier"] and f[3] == item["noun"]
                          for f in overlapping)
        rows.append((name, *prf(tp, predicted, relevant)))
    return rows


def _regex_quantities(text: str):
    return [(m.group(), float(m.group(1).replace(",", "")), "=", singular(m.group(2).lower()))
            for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)\s+([A-Za-z]+)", text)]


def dates(gold: list[dict]) -> list[tuple[str, float, float, float]]:
    rows = []
    finders = [("storydesk", lambda t, p: [(d.text, d.date, d.precision) for d in dates_in(t, p)])]
    try:
        import dateparser.search  # noqa: F401
        finders.append(("dateparser 1.5 search_dates", _dateparser_dates))
    except ImportError:
        print("(dateparser not installed: its row is skipped)")
    for name, finder in finders:
        tp = predicted = relevant = 0
        for g in gold:
            published = datetime.fromisoformat(g["published"]).date()
            found = finder(g["text"], published)
            used = set()
            for item in g["dates"]:
                overlapping = [f for f in found if (item["text"] in f[0] or f[0] in item["text"]) and f not in used]
                if item["date"] is None:
                    predicted += bool(overlapping)
                    continue
                relevant += 1
                if overlapping:
                    predicted += 1
                    best = next((f for f in overlapping if f[1] == item["date"] and f[2] == item["precision"]), overlapping[0])
                    used.add(best)
                    tp += best[1] == item["date"] and best[2] == item["precision"]
        rows.append((name, *prf(tp, predicted, relevant)))
    return rows


def _dateparser_dates(text: str, published):
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                           "RETURN_TIME_AS_PERIOD": True}) or []
    out = []
    for words, when in found:
        precision = "day"
        if re.fullmatch(r"(?:in\s+)?\d{4}", words.strip()) or words.strip().lower() in ("last year", "next year"):
            out.append((words, f"{when.year:04d}", "year"))
            continue
        if re.fullmatch(r"[A-Z][a-z]+\.? \d{4}|(?:last|next) month", words.strip()):
            out.append((words, f"{when.year:04d}-{when.month:02d}", "month"))
            continue
        out.append((words, when.date().isoformat(), precision))
    return out


def speed(limit: int | None) -> tuple[int, int, float]:
    from storydesk.clean import clean_documents
    from storydesk.model import RawDocument

    records = [json.loads(line) for line in (DATA / "val_stream.jsonl").open(encoding="utf-8")][:limit]
    articles, _ = clean_documents([RawDocument(id=r["id"], content=r["text"], title=r.get("title") or None) for r in records])
    sentences = [s for a in articles for s in split_sentences(a)]
    from storydesk.nlp import get_nlp

    get_nlp()  # model loading is not part of the rate
    started = time.perf_counter()
    extract(articles, sentences)
    return len(articles), len(sentences), time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=None, help="Multi-News articles for the speed run (default: all)")
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    print(f"Gold set: {len(gold)} articles, {sum(len(g['quotes']) for g in gold)} quotes, "
          f"{sum(len(g['quantities']) for g in gold)} quantities, {sum(len(g['dates']) for g in gold)} dates\n")
    print(f"{'speaker attribution':<32}{'P':>7}{'R':>7}{'F1':>7}{'all right':>11}{'found':>8}")
    for row in speakers(gold):
        print(f"{row[0]:<32}{row[1]:>7.3f}{row[2]:>7.3f}{row[3]:>7.3f}{row[4]:>11.3f}{row[5]:>8.3f}")
    print(f"\n{'quantity normalization':<32}{'P':>7}{'R':>7}{'F1':>7}")
    for row in quantities(gold):
        print(f"{row[0]:<32}{row[1]:>7.3f}{row[2]:>7.3f}{row[3]:>7.3f}")
    print(f"\n{'date resolution':<32}{'P':>7}{'R':>7}{'F1':>7}")
    for row in dates(gold):
        print(f"{row[0]:<32}{row[1]:>7.3f}{row[2]:>7.3f}{row[3]:>7.3f}")
    if (DATA / "val_stream.jsonl").exists():
        n, sentences, seconds = speed(args.articles)
        print(f"\nWhole extract stage on {n} Multi-News articles ({sentences:,} sentences): {seconds:.1f} s, "
              f"{sentences / seconds:,.0f} sentences/s (spaCy NER is most of it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

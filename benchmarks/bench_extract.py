"""Benchmark the extract stage: speaker attribution, quantity normalization and date resolution
on the hand-written gold set, baselines side by side, and speed on Multi-News.

    python benchmarks/bench_extract.py               # gold sets + speed on all 690 Multi-News articles
    python benchmarks/bench_extract.py --articles 100
    python benchmarks/bench_extract.py --real tune --articles 0   # only the real gold's tune half
    python benchmarks/bench_extract.py --speed-peer REV           # extract speed, this tree beside git REV

Real gold: benchmarks/gold/extract-real/ (Multi-News val articles read by hand, a tune half and
a held-out half; scoring in benchmarks/extract_real.py). The invented sets below stay as
regression checks; the real set is the judge.

Gold: benchmarks/gold/quotes/*.txt (12 invented articles in 9 stories, quotes with speakers and
entity alias cases; see its README), benchmarks/gold/quotes-heldout/ (2 articles in the same
format, written after tuning and scored once) and benchmarks/gold/extract/gold.json (10 invented articles,
60 quotes, 45 quantities, 39 dates). Each story's articles are extracted together.
- Speakers: a gold quote is found when a predicted quote starts with its first words; attribution
  is right when the speaker equals the gold name, None included (a merged entity counts by any of
  its forms, so a tie between two spellings of one name is not an error). Precision counts
  predictions that name a speaker; recall counts gold quotes with a named speaker. "extra" counts
  predicted quotes that are no gold quote (scare quotes taken for speech). Baseline: the nearest
  PERSON entity in the quote's sentence (or None), on the same quotes.
- Entity merges (quotes gold set): an alias case is right when all its forms are mentions of one
  entity holding no form of another case; an "apart" case is right when the two are different
  entities. Baseline: forms merged only when equal after lowercasing and dropping titles.
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
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import extract_real  # noqa: E402
from benchmarks.extract_speed import speed  # noqa: E402
from storydesk.extract import extract  # noqa: E402
from storydesk.extract.dates import dates_in  # noqa: E402
from storydesk.extract.quantities import quantities_in, singular  # noqa: E402
from storydesk.model import Article  # noqa: E402
from storydesk.segment import split_sentences  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "extract" / "gold.json"
QUOTE_GOLD = ROOT / "benchmarks" / "gold" / "quotes"
# Written after the quote and entity rules were tuned, and scored once: an honest check.
HELDOUT_GOLD = ROOT / "benchmarks" / "gold" / "quotes-heldout"
DATA = ROOT.parent / "shared" / "data" / "multinews"


def prf(tp: int, predicted: int, relevant: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / relevant if relevant else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _articles(gold: list[dict]) -> list[Article]:
    return [Article(id=g["id"], text=g["text"], published=datetime.fromisoformat(g["published"]).replace(tzinfo=UTC))
            for g in gold]


def _by_story(gold: list[dict]) -> dict[str, list[dict]]:
    stories: dict[str, list[dict]] = {}
    for g in gold:
        stories.setdefault(g.get("story", g["id"]), []).append(g)
    return stories


def extract_gold(gold: list[dict]):
    """Extraction of each story in the gold set, its articles extracted together."""
    extractions, all_sentences = [], []
    for group in _by_story(gold).values():
        articles = _articles(group)
        sentences = [s for a in articles for s in split_sentences(a)]
        extractions.append(extract(articles, sentences))
        all_sentences.extend(sentences)
    return extractions, all_sentences


def speakers(gold: list[dict], extractions=None, sentences=None) -> list[tuple[str, float, float, float, float, float, int]]:
    if extractions is None:
        extractions, sentences = extract_gold(gold)
    forms = {e.name: {e.name, *e.aliases} for x in extractions for e in x.entities}
    mentions = [m for x in extractions for q in x.quotes for m in q.mentions]
    entities = [e for x in extractions for e in x.entities]
    rows = []
    total = sum(len(g["quotes"]) for g in gold)
    named_gold = sum(q["speaker"] is not None for g in gold for q in g["quotes"])
    for name, predict in (("storydesk", _storydesk_speaker(mentions)),
                          ("nearest PERSON in sentence", _baseline_speaker(mentions, entities, sentences))):
        tp = named_predicted = found = right_all = 0
        for g in gold:
            for q in g["quotes"]:
                speaker = predict(g["id"], q["starts"])
                if speaker is None:
                    continue
                found += 1
                named_predicted += speaker != "<none>"
                if speaker == (q["speaker"] or "<none>") or q["speaker"] in forms.get(speaker, ()):
                    right_all += 1
                    tp += speaker != "<none>"
        p, r, f = prf(tp, named_predicted, named_gold)
        rows.append((name, p, r, f, right_all / total, found / total, _extra(gold, mentions)))
    return rows


def _extra(gold: list[dict], mentions) -> int:
    starts = {(g["id"], _norm(q["starts"])) for g in gold for q in g["quotes"]}
    return sum(not any(a == m.article and _norm(m.text).startswith(s) for a, s in starts) for m in mentions)


def _storydesk_speaker(mentions):
    def predict(article: str, starts: str):
        for m in mentions:
            if m.article == article and _norm(m.text).startswith(_norm(starts)):
                return m.speaker or "<none>"
        return None
    return predict


def _baseline_speaker(mentions, entities, sentences):
    persons = [(span, e.name) for e in entities if e.type == "person" for span in e.mentions]
    by_key = {(s.article, s.index): s for s in sentences}

    def predict(article: str, starts: str):
        for m in mentions:
            if m.article == article and _norm(m.text).startswith(_norm(starts)):
                sentence = by_key[(article, m.sentence)]
                near = [(abs(span.start - m.span.start), name) for span, name in persons
                        if span.article == article and sentence.start <= span.start < sentence.end + 60]
                return min(near)[1] if near else "<none>"
        return None
    return predict


def entity_merges(gold: list[dict], extractions) -> list[tuple[str, float, float, int, int]]:
    """Share of alias cases merged right and of 'apart' cases kept apart, storydesk and baseline."""
    cases, apart = [], []
    for group, extraction in zip(_by_story(gold).values(), extractions, strict=True):
        owner: dict[str, set[str]] = {}
        for e in extraction.entities:
            for form in (e.name, *e.aliases):
                owner.setdefault(form, set()).add(e.id)
        story_cases: dict[str, set[str]] = {}  # one case per entity, its forms from every article
        for g in group:
            for c in g.get("entities", []):
                story_cases.setdefault(c["name"], set()).update(c["forms"])
        for name, forms in story_cases.items():
            others = {f for n, fs in story_cases.items() if n != name for f in fs}
            ids = set().union(*(owner.get(f, {None}) for f in forms))
            mixed = any(owner.get(f, set()) & ids for f in others)
            baseline = len({_title_free(f) for f in forms}) == 1
            cases.append((len(ids) == 1 and None not in ids and not mixed, baseline))
        for g in group:
            for a, b in g.get("apart", []):
                ids_a, ids_b = owner.get(a, set()), owner.get(b, set())
                apart.append((bool(ids_a) and bool(ids_b) and not ids_a & ids_b, _title_free(a) != _title_free(b)))
    return [
        (name, sum(c[i] for c in cases) / max(1, len(cases)), sum(a[i] for a in apart) / max(1, len(apart)),
         len(cases), len(apart))
        for i, name in enumerate(("storydesk", "exact name after titles"))
    ]


def _title_free(form: str) -> str:
    return " ".join(w for w in form.lower().split() if w.rstrip(".") not in ("mr", "mrs", "ms", "dr", "the"))


def load_quote_gold(folder: Path = QUOTE_GOLD) -> list[dict]:
    """The quotes gold set as article records (the extract gold's shape plus story, entities, apart)."""
    gold = []
    for path in sorted(folder.glob("*.txt")):
        head, *sections = re.split(r"^## (\w+)\n", path.read_text(encoding="utf-8"), flags=re.M)
        meta = dict(re.findall(r"^# (\w+): (.+)$", head, re.M))
        body = "\n".join(line for line in head.splitlines() if not line.startswith("# ")).strip()
        rows = {name: [[c.strip() for c in line.split("|")] for line in content.splitlines() if "|" in line]
                for name, content in zip(sections[::2], sections[1::2], strict=True)}
        gold.append({
            "id": path.stem, "story": meta["story"], "published": meta["published"], "text": body,
            "quotes": [{"starts": a, "speaker": None if b == "-" else b} for a, b in rows.get("quotes", [])],
            "entities": [{"name": n, "type": t, "forms": [f.strip() for f in forms.split(";")]}
                         for n, t, forms in rows.get("entities", [])],
            "apart": [tuple(pair) for pair in rows.get("apart", [])],
        })
    gold.sort(key=lambda g: (g["story"], g["published"], g["id"]))
    return gold


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


def real(half: str, show_errors: bool = False) -> None:
    """Quotes, speakers, dates and entity merges on one half of the real gold set."""
    gold = extract_real.load(half)
    extracted = extract_real.extract_stories(gold, extract, split_sentences, Article)
    q = extract_real.quotes(extracted)
    d = extract_real.dates(gold, extract_real.storydesk_dates(extracted))
    m = extract_real.merges(extracted)
    print(f"\nReal gold, {half} half: {len(gold)} Multi-News articles, {len(extracted)} stories")
    found = max(1, q["found"])
    print(f"  quotes: recall {q['found'] / q['gold']:.3f} ({q['found']}/{q['gold']}); speaker accuracy over found "
          f"{q['right'] / found:.3f} ({q['right']}/{q['found']}), baseline nearest PERSON {q['baseline_right'] / found:.3f}; "
          f"titles/scare quotes taken {q['titles_taken']}/{q['titles']}; predictions not listed in gold {q['unlisted_predictions']}")
    rows = [("storydesk", d)]
    try:
        import dateparser  # noqa: F401
        rows.append(("dateparser 1.5 search_dates", extract_real.dates(gold, extract_real.dateparser_dates)))
    except ImportError:
        print("  (dateparser not installed: its row is skipped)")
    for name, r in rows if d["gold"] else ():  # the fresh draw lists no dates
        print(f"  dates, {name}: accuracy {r['right'] / r['gold']:.3f} ({r['right']}/{r['gold']}), resolved "
              f"{r['resolved'] / r['gold']:.3f}, accuracy over resolved {r['right'] / max(1, r['resolved']):.3f}; "
              f"non-dates resolved {r['false']}")
    for name in ("storydesk", "baseline") if m["storydesk"]["same"] else ():
        c = m[name]
        label = name if name == "storydesk" else "exact name after titles"
        print(f"  entity merges, {label}: precision {c['merged_right'] / max(1, c['merged']):.3f} "
              f"({c['merged_right']}/{c['merged']} merged pairs), recall {c['same_merged'] / max(1, c['same']):.3f} "
              f"({c['same_merged']}/{c['same']})")
    if show_errors:
        for line in q["wrong"] + d["wrong"] + m["wrong"]:
            print("    x", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=None, help="Multi-News articles for the speed run (default: all; 0 skips it)")
    parser.add_argument("--real", choices=("tune", "heldout", "both", "new", "fresh", "tune2", "fresh2", "fresh3"), default=None,
                        help="only the real gold set's half (no invented sets)")
    parser.add_argument("--errors", action="store_true", help="list the real gold items missed")
    parser.add_argument("--speed-peer", metavar="REV", default=None,
                        help="time the extract stage of this tree and of git revision REV in one run "
                             "(each in its own process, alternating, twice)")
    args = parser.parse_args()
    if args.speed_peer:
        return speed_beside(args.speed_peer, args.articles)
    if args.real:
        if not extract_real.available():
            print("../shared/data/multinews is absent: the real gold set is skipped")
            return 0
        for half in (("tune", "heldout") if args.real == "both" else (args.real,)):
            real(half, args.errors)
        if args.articles != 0:
            report_speed(args.articles)
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    quote_gold = load_quote_gold()
    print(f"Quotes gold set: {len(quote_gold)} articles, {len(_by_story(quote_gold))} stories, "
          f"{sum(len(g['quotes']) for g in quote_gold)} quotes, {sum(len(g['entities']) for g in quote_gold)} alias cases")
    print(f"Extract gold set: {len(gold)} articles, {sum(len(g['quotes']) for g in gold)} quotes, "
          f"{sum(len(g['quantities']) for g in gold)} quantities, {sum(len(g['dates']) for g in gold)} dates\n")
    heldout = load_quote_gold(HELDOUT_GOLD)
    print(f"Held-out quotes set: {len(heldout)} articles, {sum(len(g['quotes']) for g in heldout)} quotes")
    quote_extractions, quote_sentences = extract_gold(quote_gold)
    heldout_extractions, heldout_sentences = extract_gold(heldout)
    for title, rows in (("speakers, quotes gold", speakers(quote_gold, quote_extractions, quote_sentences)),
                        ("speakers, extract gold", speakers(gold)),
                        ("speakers, held-out", speakers(heldout, heldout_extractions, heldout_sentences))):
        print(f"{title:<32}{'P':>7}{'R':>7}{'F1':>7}{'all right':>11}{'found':>8}{'extra':>7}")
        for row in rows:
            print(f"  {row[0]:<30}{row[1]:>7.3f}{row[2]:>7.3f}{row[3]:>7.3f}{row[4]:>11.3f}{row[5]:>8.3f}{row[6]:>7}")
    for title, data, extractions in (("entity merges, quotes gold", quote_gold, quote_extractions),
                                     ("entity merges, held-out", heldout, heldout_extractions)):
        print(f"\n{title:<32}{'merged':>9}{'apart':>8}")
        for name, merged, apart, n_cases, n_apart in entity_merges(data, extractions):
            apart_text = f"{apart:>8.3f}" if n_apart else f"{'-':>8}"
            print(f"  {name:<30}{merged:>9.3f}{apart_text}   ({n_cases} alias cases, {n_apart} apart)")
    print(f"\n{'quantity normalization':<32}{'P':>7}{'R':>7}{'F1':>7}")
    for row in quantities(gold):
        print(f"{row[0]:<32}{row[1]:>7.3f}{row[2]:>7.3f}{row[3]:>7.3f}")
    print(f"\n{'date resolution':<32}{'P':>7}{'R':>7}{'F1':>7}")
    for row in dates(gold):
        print(f"{row[0]:<32}{row[1]:>7.3f}{row[2]:>7.3f}{row[3]:>7.3f}")
    if extract_real.available():
        real("tune")
    report_speed(args.articles)
    return 0


def speed_beside(revision: str, limit: int | None, rounds: int = 2) -> int:
    """This tree's extract stage and `revision`'s, timed alternately in separate processes on the
    same Multi-News stories: on a shared machine only CPU time and a ratio are worth reading."""
    import subprocess
    import tempfile

    if not (DATA / "val_stream.jsonl").exists():
        print("../shared/data/multinews is absent: no speed run")
        return 0
    with tempfile.TemporaryDirectory() as peer:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "storydesk"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", peer], input=archive.stdout, check=True)
        runs: dict[str, list[dict]] = {"this tree": [], revision: []}
        for _ in range(rounds):
            for name, root in (("this tree", str(ROOT)), (revision, peer)):
                command = [sys.executable, str(ROOT / "benchmarks" / "extract_speed.py"), "--root", root]
                if limit:
                    command += ["--articles", str(limit)]
                out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
                runs[name].append(json.loads(out.strip().splitlines()[-1]))
    rates = {}
    for name, results in runs.items():
        sentences = results[0]["sentences"]
        cpu = min(r["cpu"] for r in results)
        rates[name] = sentences / cpu
        print(f"{name:<12} {results[0]['articles']} articles, {sentences:,} sentences: best of {rounds} "
              f"{cpu:.1f} s CPU = {rates[name]:,.0f} sentences per CPU-second "
              f"(wall {min(r['wall'] for r in results):.1f} s)")
    print(f"this tree / {revision}: {rates['this tree'] / rates[revision]:.2f}")
    return 0


def report_speed(limit: int | None) -> None:
    if (DATA / "val_stream.jsonl").exists() and limit != 0:
        n, sentences, seconds, cpu = speed(limit)
        # On a shared machine the wall clock counts other people's work too; CPU time does not.
        print(f"\nWhole extract stage on {n} Multi-News articles ({sentences:,} sentences), one story at a time: "
              f"{seconds:.1f} s wall, {sentences / seconds:,.0f} sentences/s; {cpu:.1f} s CPU, "
              f"{sentences / cpu:,.0f} sentences per CPU-second (spaCy NER is most of it)")


if __name__ == "__main__":
    sys.exit(main())

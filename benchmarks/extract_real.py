"""The real extract gold set (benchmarks/gold/extract-real/gold.txt) read and scored.

Used by bench_extract.py; see the gold folder's README for how the set was made. Each Multi-News
story's sampled articles are extracted together, on their text as the data set gives it (no
cleaning: the cleaner is measured on its own, and its changes would move these figures).

- Quote recall: a gold quote is found when a predicted quote in the same article starts with
  its snippet (words compared lowercased, punctuation off), each prediction used once.
- Speaker accuracy over quotes found: the predicted speaker is right when one of the speaker
  entity's forms (its name or an alias) equals one of the gold forms after titles are dropped,
  or both say no one. Baseline: the nearest PERSON in the quote's sentence, on the same quotes.
- Titles and scare quotes taken: gold "x" items (quoted words that are not quotations) that a
  predicted quote starts with.
- Dates: a gold date is right when a predicted date overlapping its snippet in the article
  has the gold date and precision. Accuracy is over all gold dates (a miss counts wrong),
  beside the share resolved. "n" items are words that must not resolve. Baseline: dateparser
  `search_dates` over the article, relative to the gold publication date.
- Entity merges: every pair of forms listed for one story; a pair is merged when one entity
  holds both forms (as its name or an alias). Precision: merged pairs that are one gold entity;
  recall: gold pairs merged. Baseline: forms equal after lowercasing and dropping titles.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "extract-real" / "gold.txt"
GOLD_NEW = GOLD.with_name("gold-new.txt")  # the second draw, half "new" (see the gold README)
GOLD_FRESH = GOLD.with_name("gold-fresh.txt")  # the third draw, half "fresh": quotes and speakers only
GOLD_TUNE2 = GOLD.with_name("gold-tune2.txt")  # the third draw's next clusters, half "tune2": tuned on
GOLD_FRESH2 = GOLD.with_name("gold-fresh2.txt")  # the fourth draw, half "fresh2": quotes and speakers only
GOLD_FRESH3 = GOLD.with_name("gold-fresh3.txt")  # the fifth draw, half "fresh3": quotes and speakers only
DATA = ROOT.parent / "shared" / "data" / "multinews" / "val.jsonl"
HALVES = ("tune", "heldout", "new", "fresh", "tune2", "fresh2", "fresh3")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "the", "president", "rep", "sen", "mayor", "prince", "gov"})


@dataclass
class GoldArticle:
    id: str
    half: str
    story: str
    published: date | None
    text: str = ""
    quotes: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # snippet, speaker forms (() = no one)
    not_quotes: list[str] = field(default_factory=list)
    dates: list[tuple[str, str, str]] = field(default_factory=list)  # snippet, ISO date, precision
    not_dates: list[str] = field(default_factory=list)
    entities: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # gold name, forms
    apart: list[tuple[str, str]] = field(default_factory=list)


def available() -> bool:
    return DATA.exists() and GOLD.exists()


def load(half: str | None = None) -> list[GoldArticle]:
    """The gold articles (of one half), their texts read from ../shared/data."""
    import sys

    sys.path.insert(0, str(GOLD.parent))
    # the fixed split: benchmarks/gold/extract-real/sample.py
    from sample import sample, sample_fresh, sample_fresh2, sample_fresh3, sample_new

    draw, gold_file = {"new": (sample_new, GOLD_NEW), "fresh": (sample_fresh, GOLD_FRESH),
                       "tune2": (sample_fresh, GOLD_TUNE2), "fresh2": (sample_fresh2, GOLD_FRESH2),
                       "fresh3": (sample_fresh3, GOLD_FRESH3)}.get(half, (sample, GOLD))
    # tune2 reads clusters further down the third draw's order: its own half, not "fresh"
    where = {a: (half if half == "tune2" else h, story) for a, h, story in draw(DATA)}
    texts = {f"{c['id']}/{d['id']}": d["text"] for c in map(json.loads, DATA.open(encoding="utf-8")) for d in c["documents"]}
    articles: list[GoldArticle] = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            article_id = line[3:].strip()
            h, story = where[article_id]
            articles.append(GoldArticle(article_id, h, story, None, texts[article_id]))
            continue
        if not articles or not line.strip() or line.startswith("#"):
            continue
        g = articles[-1]
        if line.startswith("published:"):
            value = line.split(":", 1)[1].split("~")[0].strip()
            g.published = None if value == "none" else date.fromisoformat(value)
            continue
        kind, *cells = [c.strip() for c in line.split(" | ")]
        if kind == "q":
            g.quotes.append((cells[0], _forms(cells[1])))
        elif kind == "x":
            g.not_quotes.append(cells[0])
        elif kind == "d":
            g.dates.append((cells[0], cells[1], cells[2]))
        elif kind == "n":
            g.not_dates.append(cells[0])
        elif kind == "e":
            g.entities.append((cells[0], _forms(cells[2])))
        elif kind == "apart":
            g.apart.append((cells[0], cells[1]))
        elif kind != "p":  # p: a short quoted fragment, listed but not scored
            raise ValueError(f"gold.txt: unknown line {line!r}")
    return [a for a in articles if half is None or a.half == half]


def _forms(cell: str) -> tuple[str, ...]:
    return () if cell == "-" else tuple(f.strip() for f in cell.split(";"))


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def title_free(form: str) -> str:
    return " ".join(w for w in norm(form).split() if w not in _TITLES)


def extract_stories(gold: list[GoldArticle], extract, split_sentences, Article):
    """{story: (articles, extraction)}: each story's sampled articles extracted together."""
    stories: dict[str, list[GoldArticle]] = {}
    for g in gold:
        stories.setdefault(g.story, []).append(g)
    out = {}
    for story, group in stories.items():
        articles = [Article(id=g.id, text=g.text, published=(datetime(g.published.year, g.published.month, g.published.day,
                                                                      tzinfo=UTC) if g.published else None))
                    for g in group]
        sentences = [s for a in articles for s in split_sentences(a)]
        out[story] = (group, extract(articles, sentences), sentences)
    return out


def _matches(mention_text: str, snippet: str) -> bool:
    m, s = norm(mention_text), norm(snippet)
    return bool(m) and (m.startswith(s) or (s.startswith(m) and len(m.split()) >= 3))


def quotes(extracted) -> dict:
    """Quote recall, speaker accuracy over quotes found (storydesk and baseline), titles taken."""
    gold_n = found = right = base_right = titles = titles_taken = extra = 0
    wrong: list[str] = []
    for group, extraction, sentences in extracted.values():
        entity = {e.id: e for e in extraction.entities}
        persons = [(span, e) for e in extraction.entities if e.type == "person" for span in e.mentions]
        by_key = {(s.article, s.index): s for s in sentences}
        for g in group:
            mentions = sorted((m for q in extraction.quotes for m in q.mentions if m.article == g.id),
                              key=lambda m: m.span.start)
            used: set[int] = set()
            for snippet, speaker in g.quotes:
                gold_n += 1
                hit = next((i for i, m in enumerate(mentions) if i not in used and _matches(m.text, snippet)), None)
                if hit is None:
                    wrong.append(f"{g.id}: {snippet[:40]!r} not found")
                    continue
                used.add(hit)
                found += 1
                m = mentions[hit]
                forms = {m.speaker} | set(entity[m.speaker_entity].aliases if m.speaker_entity in entity else ()) if m.speaker else set()
                if _same_speaker(forms, speaker):
                    right += 1
                else:
                    wrong.append(f"{g.id}: {snippet[:40]!r} -> {m.speaker!r} (gold {speaker[0] if speaker else None!r})")
                sentence = by_key.get((g.id, m.sentence))
                near = [(abs(span.start - m.span.start), e) for span, e in persons
                        if sentence and span.article == g.id and sentence.start <= span.start < sentence.end + 60]
                base = min(near, key=lambda n: n[0])[1] if near else None
                base_right += _same_speaker({base.name, *base.aliases} if base else set(), speaker)
            for words in g.not_quotes:
                titles += 1
                titles_taken += any(norm(m.text) == norm(words) for m in mentions)
            extra += sum(i not in used for i in range(len(mentions)))
    return {"gold": gold_n, "found": found, "right": right, "baseline_right": base_right,
            "titles": titles, "titles_taken": titles_taken, "unlisted_predictions": extra, "wrong": wrong}


def _same_speaker(predicted: set[str], gold: tuple[str, ...]) -> bool:
    if not gold:
        return not predicted
    wanted = {title_free(f) for f in gold}
    return any(title_free(f) in wanted for f in predicted)


def dates(gold: list[GoldArticle], find) -> dict:
    """find(article) -> [(start, end, iso, precision)]; scored against the gold dates."""
    n = resolved = right = false_dates = 0
    wrong: list[str] = []
    for g in gold:
        found = find(g)
        for snippet, iso, precision in g.dates:
            at = g.text.find(snippet)
            if at < 0:
                raise ValueError(f"{g.id}: date snippet not in the text: {snippet!r}")
            n += 1
            overlapping = [f for f in found if f[0] < at + len(snippet) and at < f[1]]
            resolved += bool(overlapping)
            if any(f[2] == iso and f[3] == precision for f in overlapping):
                right += 1
            else:
                wrong.append(f"{g.id}: {snippet!r} -> {[f[2] for f in overlapping]} (gold {iso})")
        for snippet in g.not_dates:
            at = g.text.find(snippet)
            false_dates += any(f[0] < at + len(snippet) and at < f[1] for f in found)
    return {"gold": n, "resolved": resolved, "right": right, "false": false_dates, "wrong": wrong}


def storydesk_dates(extracted):
    by_article = {}
    for group, extraction, _ in extracted.values():
        for g in group:
            by_article[g.id] = [(d.span.start, d.span.end, d.date, d.precision) for d in extraction.dates if d.span.article == g.id]
    return lambda g: by_article.get(g.id, [])


def dateparser_dates(g: GoldArticle):
    """dateparser 1.5 `search_dates` over the article, relative to its gold publication date."""
    from dateparser.search import search_dates

    base = datetime(g.published.year, g.published.month, g.published.day) if g.published else datetime(2000, 1, 1)
    try:
        hits = search_dates(g.text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    except Exception:  # dateparser fails on some long texts; that is its result here
        hits = []
    out, at = [], 0
    for words, when in hits:
        start = g.text.find(words, at)
        if start < 0:
            continue
        at = start + len(words)
        w = words.strip()
        if re.fullmatch(r"(?:in\s+)?\d{4}", w) or w.lower() in ("last year", "next year", "this year"):
            out.append((start, at, f"{when.year:04d}", "year"))
        elif re.fullmatch(r"[A-Z][a-z]+\.? \d{4}|(?:last|next|this) month|(?:in\s+)?[A-Z][a-z]+", w):
            out.append((start, at, f"{when.year:04d}-{when.month:02d}", "month"))
        else:
            out.append((start, at, when.date().isoformat(), "day"))
    return out


def merges(extracted) -> dict:
    """Pairwise precision and recall of entity merges over the forms the gold lists."""
    sd = {"merged": 0, "merged_right": 0, "same": 0, "same_merged": 0}
    base = dict(sd)
    wrong: list[str] = []
    for group, extraction, _ in extracted.values():
        owner: dict[str, set[str]] = {}
        for e in extraction.entities:
            for form in (e.name, *e.aliases):
                owner.setdefault(form, set()).add(e.id)
        cases: dict[str, set[str]] = {}
        for g in group:
            for name, forms in g.entities:
                cases.setdefault(name, set()).update(forms)
        of = {f: name for name, forms in cases.items() for f in forms}
        pairs = {tuple(sorted(p)) for forms in cases.values() for p in combinations(sorted(forms), 2)}
        pairs |= {tuple(sorted(p)) for p in combinations(sorted(of), 2) if of[p[0]] != of[p[1]]}
        pairs |= {tuple(sorted(p)) for g in group for p in g.apart}
        for a, b in pairs:
            same = a in of and b in of and of[a] == of[b]
            merged = bool(owner.get(a, set()) & owner.get(b, set()))
            for counts, joined in ((sd, merged), (base, title_free(a) == title_free(b))):
                counts["merged"] += joined
                counts["merged_right"] += joined and same
                counts["same"] += same
                counts["same_merged"] += same and joined
            if merged and not same:
                wrong.append(f"{group[0].story}: {a!r} + {b!r}")
    return {"storydesk": sd, "baseline": base, "wrong": wrong}

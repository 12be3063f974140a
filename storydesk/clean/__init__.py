"""Clean stage: from raw pages and scraped text to an article body, recording what was removed.

    clean_documents(documents) -> (articles, problems)

HTML goes through the main-text extractor (`html.py`), then, like plain text, through the line
classifier (`lines.py` and the modules it runs, patterns in `rules.py`). Every removed line is kept in
`Article.removed` with its kind and, for text input, its 1-based input line. A page that is not
an article (`pages.py`: error, consent, sign-up pages, crawl notices, galleries) or has no body
left is reported as a fatal `Problem` that carries its id and every one of its lines. All documents of a
story are cleaned together so that boilerplate lines several of them share can be recognised;
shared *sentences* (wire copy) are body and stay.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from storydesk.byline import Byline, find_date, parse_byline
from storydesk.clean.form import Line, count_words, is_prose, line_key, sentence_like, split_lines, visible_text
from storydesk.clean.html import Extracted, extract_html
from storydesk.clean.index import word_index
from storydesk.clean.lines import FALLBACK_MIN_WORDS, classify, keep_prose
from storydesk.clean.marks import MAX_TWEET_CHARS
from storydesk.clean.pages import not_an_article
from storydesk.clean.region import mark_outside
from storydesk.clean.rules import (
    DATELINE,
    TWEET_SIGNATURE,
    cut_inline_cards,
    cut_label_prefix,
    cut_tweet_signature,
    match_rule,
)
from storydesk.ingest import parse_datetime, source_from_url
from storydesk.model import Article, Problem, RawDocument, Removed

BYLINE_SEARCH_LINES = 5  # a byline sits among the first few removed lines (title, byline, dateline)
SHORT_MATCH_WORDS = 4  # page lines shorter than this must match a whole body paragraph
MIN_TITLE_ECHO_WORDS = 3  # a shorter piece of the title ("News") is not the headline repeated
TITLE_ECHO_LINES = 5  # the headline repeated in the body sits at its very top
# The extractor may stop at the first of an article's containers (WIRED splits its body around a
# full-width advert: aeb held-out d48aeb, 2f42ef). When its output holds under this share of the
# page's prose, the page's own text is cleaned too, and its body from the extractor's opening on
# replaces the extractor's output if it holds that output's paragraphs (CONTAINED_SHARE of them) and
# RESCUE_GAIN times its words. Found on held-out pages (read for it, so held-out is later and tuned
# on); of the 181 aeb pages only those two pass, at 1.2 times as at 2 (2 kept for the margin).
CUT_SHORT_PROSE_SHARE = 0.5
CONTAINED_SHARE = 0.9
RESCUE_GAIN = 2.0
MIN_CONTAINED_WORDS = 12  # paragraphs shorter than this (subheads, labels) are not checked

__all__ = ["clean_documents", "clean_text", "shared_lines", "CleanResult"]


@dataclass(frozen=True)
class CleanResult:
    """A cleaned body with its title and what was taken out."""

    text: str
    title: str | None
    removed: tuple[Removed, ...]
    lines: tuple[Removed, ...] = ()  # every input line in order, body and title lines as "other"
    kept_prose: int = 0  # body lines kept only because the cleaner would have left no body at all


def clean_documents(documents: list[RawDocument]) -> tuple[list[Article], list[Problem]]:
    """Clean every document; one with no body left is reported, not dropped silently."""
    prepared: list[tuple[RawDocument, str, Extracted | None]] = []
    problems: list[Problem] = []
    for doc in documents:
        try:
            extracted = extract_html(doc.content, doc.url, _metadata_wanted(doc)) if doc.is_html else None
        except Exception as exc:  # one broken page must not stop the story
            problems.append(Problem(_where(doc), f"could not read the page ({type(exc).__name__}: {exc}); left out",
                                    fatal=True))
            continue
        if extracted is not None and extracted.note:
            problems.append(Problem(_where(doc), extracted.note))
        prepared.append((doc, extracted.text if extracted else doc.content, extracted))
    shared = shared_lines([text for _, text, _ in prepared])
    articles: list[Article] = []
    for doc, text, extracted in prepared:
        meta = extracted or Extracted(text, whole_page=True)
        dateline = None
        result = clean_text(text, title=doc.title or meta.title, shared=shared,
                            line_numbers=extracted is None, find_region=meta.whole_page)
        whole = _page_body_if_cut_short(extracted, result, doc.title or meta.title, shared)
        if whole is not None:
            problems.append(Problem(_where(doc), f"the main-text extractor stopped after {count_words(result.text)} "
                                                 f"words of the article; took the {count_words(whole.text)}-word body "
                                                 "the page's text gives", article=doc.id))
            result = whole
        elif extracted is not None and not extracted.whole_page:
            result = with_embedded_posts(extracted.page, result)
            removed, dateline = page_removed(extracted.page, result)
            kept = tuple(Removed(p, "other") for p in result.text.split("\n\n") if p)
            result = CleanResult(result.text, result.title, removed, kept + removed, result.kept_prose)
        left_out = _left_out(doc, result)
        if left_out is not None:
            problems.append(left_out)
            continue
        if result.kept_prose:
            problems.append(Problem(_where(doc), f"cleaning would have left no article body: kept its {result.kept_prose} "
                                                 "prose lines as they are (check them)", article=doc.id))
        url = doc.url or meta.url
        byline = _byline(result.removed)
        # "By Meridian Press" alone credits the agency whose copy an outlet runs; only a byline
        # that names a writer and then an outlet says who published the article.
        byline_outlet = byline.outlet if byline and byline.authors else None
        articles.append(Article(
            id=doc.id, text=result.text, title=result.title, source=doc.source or meta.sitename
            or source_from_url(url) or byline_outlet, url=url, path=doc.path,
            published=doc.published or parse_datetime(meta.date) or (byline.published if byline else None) or dateline,
            removed=result.removed,
        ))
    return articles, problems


def _metadata_wanted(doc: RawDocument) -> frozenset[str]:
    """The page metadata a document does not already carry (a feed entry or a record gives some)."""
    given = {"title": doc.title, "date": doc.published, "sitename": doc.source, "url": doc.url}
    return frozenset(field for field, value in given.items() if not value)


def _left_out(doc: RawDocument, result: CleanResult) -> Problem | None:
    """The problem that leaves a page out (not an article, or no body), with all its lines; else None."""
    paragraphs = [p for p in result.text.split("\n\n") if p.strip()]
    first_line = (result.lines or result.removed or (None,))[0]
    reason = not_an_article(paragraphs, result.removed, first_line.text if first_line else None)
    if reason is not None:
        message = f"not a news article: {reason}; left out"
    elif not paragraphs:
        message = f"no article body found after cleaning ({_what_was_left(result)}); article left out"
    else:
        return None
    return Problem(_where(doc), message, fatal=True, article=doc.id, removed=result.lines or result.removed)


def _what_was_left(result: CleanResult) -> str:
    """Why a text had no body: what cleaning found in it instead."""
    count = len(result.removed)
    if count and all(_reads_as_sentence(line.text) for line in result.removed):
        # A brief of a few short sentences is the reader's own text, not page chrome: say why it
        # is out rather than calling it navigation.
        words = sum(count_words(line.text) for line in result.removed)
        return f"too short for an article: {words} words in short sentences, a body needs about {FALLBACK_MIN_WORDS}"
    if count:
        return f"the page holds only navigation, links or notices: {count} {'line' if count == 1 else 'lines'} removed"
    return f"only a headline: {result.title!r}" if result.title else "no text"


def _reads_as_sentence(text: str) -> bool:
    """The cleaner's own test of a short sentence (`form.sentence_like`), on a removed line's text."""
    return sentence_like(Line(text, 0, words=count_words(text)))


def clean_text(text: str, title: str | None = None, shared: frozenset[str] = frozenset(),
               line_numbers: bool = True, find_region: bool = True) -> CleanResult:
    """Clean one plain text: body paragraphs joined by blank lines, the headline, the removed lines.

    `shared` holds `line_key`s of lines other articles of the story also carry (`shared_lines`).
    `find_region=False` when an extractor already cut the text down to the article.
    """
    lines = split_lines(text)
    cards = _cut_cards(lines)
    title = visible_text(title) if title else None
    if title:
        lines = _drop_title_echo(lines, title)
    classify(lines, shared, has_title=bool(title), find_region=find_region)
    kept_prose = 0 if any(line.kind is None for line in lines) else keep_prose(lines)
    body: list[str] = []
    removed: list[Removed] = []
    every: list[Removed] = []
    for line in lines:
        for card, kind in cards.get(id(line), ()):
            removed.append(Removed(card, kind, line.number if line_numbers else None))
            every.append(removed[-1])
        item = Removed(line.text, line.kind if line.kind not in (None, "title") else "other",
                       line.number if line_numbers else None)
        if line.kind is None:
            body.append(line.text)
        elif line.kind == "title":
            title = title or line.text
        else:
            removed.append(item)
        every.append(item)
    return CleanResult("\n\n".join(body), title, tuple(removed), tuple(every), kept_prose)


def _page_body_if_cut_short(extracted: Extracted | None, result: CleanResult, title: str | None,
                            shared: frozenset[str]) -> CleanResult | None:
    """The article as the page's own text goes on from the extractor's first paragraph, when it holds
    the extractor's output and far more (the extractor stopped at the first of the article's
    containers); else None.

    Only what follows the extractor's opening is taken, up to the first two lines in a row that are
    not prose (a "More stories" header and its headlines): the page's body region may run over
    teasers the extractor rightly left out. Those lines are listed as removed, with the rest.
    """
    if extracted is None or extracted.whole_page or not result.text:
        return None
    if _prose_words(result.text) >= CUT_SHORT_PROSE_SHARE * _prose_words(extracted.page):
        return None
    whole = clean_text(extracted.page, title=title, shared=shared, line_numbers=False)
    paragraphs = whole.text.split("\n\n")
    keys = [line_key(p) for p in paragraphs]
    opening = line_key(result.text.split("\n\n", 1)[0])
    if opening not in keys:
        return None
    first = end = keys.index(opening)
    while end < len(paragraphs) and not _teasers_start(paragraphs, end):
        end += 1
    chosen = paragraphs[first:end]
    if count_words(" ".join(chosen)) < RESCUE_GAIN * count_words(result.text):
        return None
    held = f" {line_key(' '.join(chosen))} "
    checked = [p for p in result.text.split("\n\n") if count_words(p) >= MIN_CONTAINED_WORDS]
    if not checked or sum(f" {line_key(p)} " in held for p in checked) < CONTAINED_SHARE * len(checked):
        return None
    left = {p: "navigation" for p in paragraphs[:first]} | {p: "related" for p in paragraphs[end:]}
    lines = tuple(Removed(r.text, left[r.text], r.line) if r.kind == "other" and r.text in left else r
                  for r in whole.lines)
    removed = whole.removed + tuple(Removed(p, kind) for p, kind in left.items())
    return CleanResult("\n\n".join(chosen), whole.title, removed, lines, whole.kept_prose)


def _teasers_start(paragraphs: list[str], i: int) -> bool:
    """Two lines in a row that are not prose from `i` on: a header and a headline, not the article."""
    return i + 1 < len(paragraphs) and not is_prose(paragraphs[i]) and not is_prose(paragraphs[i + 1])


def _prose_words(text: str) -> int:
    return sum(n for n in (count_words(t) for t in text.split("\n")) if n >= MIN_CONTAINED_WORDS)


def _cut_cards(lines: list[Line]) -> dict[int, list[tuple[str, str]]]:
    """Cut hover cards (`cut_inline_cards`), labels run into a line (`cut_label_prefix`) and a tweet's
    closing signature (`cut_tweet_signature`) out of the lines; what was cut and its kind, by `id` of
    its line."""
    cards: dict[int, list[tuple[str, str]]] = {}
    for line in lines:
        text, cut = cut_inline_cards(line.text)
        pieces = [(card, "related") for card in cut]
        text, label = cut_label_prefix(text)
        if label:
            pieces.append(label)
        text, signature = cut_tweet_signature(text)
        if signature is not None:
            pieces.append((signature, "social"))
            line.post = True
        if pieces:
            line.text, line.words = text, count_words(text)
            line.prose = is_prose(text, line.words)
            cards[id(line)] = pieces
    return cards


def shared_lines(texts: list[str]) -> frozenset[str]:
    """Keys of lines that occur in two or more of the texts (boilerplate or wire copy)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({line_key(t) for t in text.split("\n") if t.strip()})
    return frozenset(key for key, n in counts.items() if n >= 2 and key)


def page_removed(page: str, result: CleanResult) -> tuple[tuple[Removed, ...], datetime | None]:
    """Every visible line of an HTML page that is not in the body, with its kind; and the date of
    the page's dateline above the body ("Published November 20th, 2019 - 07:29 GMT"), if any.

    The extractor drops menus, footers and asides without saying so; this lists them, so HTML
    input, too, loses nothing silently. A line the cleaner itself removed keeps the cleaner's
    kind; one only the extractor dropped gets the kind its form announces (`match_rule`), else
    the kind its place says: navigation above the body, related stories or comments below it,
    "other" between body paragraphs. (The page is not classified as a whole again: the
    extractor already chose the body, and a second classification cost a sixth of cleaning.)
    """
    lines = split_lines(page)
    _cut_cards(lines)  # listed with the body's removed lines, where the cleaner cut them
    in_body = _in_body(lines, result)
    kinds = {line_key(r.text): r.kind for r in result.removed}
    body_at = [i for i, inside in enumerate(in_body) if inside is True]
    start, end = (body_at[0], body_at[-1] + 1) if body_at else (len(lines), len(lines))
    for line, inside in zip(lines, in_body, strict=True):
        if inside is False:
            line.kind = kinds.get(line.key) or match_rule(line.text)
    mark_outside(lines, start, end)
    removed: list[Removed] = []
    emitted: set[str] = set()
    for line, inside in zip(lines, in_body, strict=True):
        if inside is False:
            removed.append(Removed(line.text, line.kind or "other"))
            emitted.add(line.key)
    removed.extend(r for r in result.removed if line_key(r.text) not in emitted)
    # Above the first paragraph of prose: a kicker ("Review") may open the body before the dateline.
    opening = next((i for i in body_at if lines[i].prose), start)
    dateline = next((line.text for line in lines[:opening] if DATELINE.match(line.text)), None)
    return tuple(removed), find_date(dateline) if dateline else None


def with_embedded_posts(page: str, result: CleanResult) -> CleanResult:
    """The extracted body with the embedded tweets the extractor dropped from between its paragraphs
    put back, each after the paragraph it follows on the page.

    The extractor leaves a tweet's blockquote out; its words are what the article quotes (the aeb
    bodies keep them: tune 3f65af lost five). A tweet is the page line right above its "— Name
    (@handle) date" signature (the signature stays removed, as in plain text), between the first
    and last of the body's lines on the page."""
    if "(@" not in page or not result.text:
        return result
    lines = split_lines(page)
    in_body = _in_body(lines, result)
    body_at = [i for i, inside in enumerate(in_body) if inside is True]
    if not body_at:
        return result
    paragraphs = result.text.split("\n\n")
    padded = [f" {line_key(p)} " for p in paragraphs]
    after: dict[int, list[str]] = {}  # paragraph index -> the tweets that follow it
    last = None  # the paragraph holding the body line above
    for i in range(body_at[0], body_at[-1]):
        line = lines[i]
        if in_body[i]:
            last = next((n for n, key in enumerate(padded) if f" {line.key} " in key), last)
        elif in_body[i] is False and last is not None and TWEET_SIGNATURE.match(lines[i + 1].text) \
                and len(line.text) <= MAX_TWEET_CHARS and match_rule(line.text) is None:
            after.setdefault(last, []).append(line.text)
    if not after:
        return result
    text = "\n\n".join(p for n, paragraph in enumerate(paragraphs) for p in (paragraph, *after.get(n, ())))
    return CleanResult(text, result.title, result.removed, result.lines, result.kept_prose)


def _in_body(lines: list[Line], result: CleanResult) -> list[bool | None]:
    """For each page line, whether the cleaned body holds it; None for the headline and wordless lines."""
    paragraph_keys = [line_key(p) for p in result.text.split("\n\n")]
    paragraphs = set(paragraph_keys)
    contains = word_index(paragraph_keys, joined=True).contains
    title = line_key(result.title or "")
    held = []
    for line in lines:
        key = line.key
        # Short lines ("Accept", "News") occur inside body sentences by chance: only a whole
        # paragraph match counts for them.
        if not key or key == title:
            held.append(None)
        else:
            held.append(key in paragraphs or (line.words >= SHORT_MATCH_WORDS and contains(key)))
    return held


def _drop_title_echo(lines: list[Line], title: str) -> list[Line]:
    """The headline repeated at the top of the body is the title, not a paragraph (not noise)."""
    key = line_key(title)
    for i, line in enumerate(lines[:TITLE_ECHO_LINES]):
        # The page <title> often adds the site name ("Headline | Site"): a part of it counts.
        if line.key and (line.key == key or (len(line.key.split()) >= MIN_TITLE_ECHO_WORDS
                                             and f" {line.key} " in f" {key} ")):
            return lines[:i] + lines[i + 1:]
    return lines


def _byline(removed: tuple[Removed, ...]) -> Byline | None:
    """Plain text carries no metadata, but its byline often gives the outlet and publication date."""
    for item in removed[:BYLINE_SEARCH_LINES]:
        if item.kind == "credit":
            byline = parse_byline(item.text)
            if byline is not None and (byline.published or byline.outlet):
                return byline
    return None


def _where(doc: RawDocument) -> str:
    return doc.path or doc.id

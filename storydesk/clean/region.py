"""Where the body is: the highest-scoring run of lines (prose counts for its length, every short
non-prose line against), its lead moved up over captions, and what lies outside it named by place."""

from __future__ import annotations

import re

from storydesk.clean.form import (
    PROSE_LONG_WORDS,
    Line,
    headline_like,
    is_capitals,
    is_headline,
    prose_like,
    sentence_like,
)
from storydesk.clean.rules import COMMENT_HEADER, COMMENT_POLICY, COMMENT_SIGNATURE, DATELINE, TEASER_HEADER

# Tuned on the aeb pages (peers/html-text.json: whole pages as text), the only labelled set we
# have; see benchmarks/bench_clean.py. A grid of SHORT_LINE_PENALTY 0.5-1.0, NOISE_PENALTY 1-2
# and WORDS_PER_MASS 12-20 scores F1 0.906-0.916 throughout, so these are not fitted to single
# pages; of the best we took the setting with the higher recall (losing body is worse).
WORDS_PER_MASS = 16  # a prose line scores its words / this (about 100 characters of English)
PROSE_MASS_CAP = 8.0  # one huge line (a JSON blob, a cookie wall) must not win the region alone
MIN_BODY_SCORE = 3.0  # about 50 words of prose: enough to be an article before its comments
SHORT_LINE_PENALTY = 0.7  # cost of one menu item / teaser headline inside the region
NOISE_PENALTY = 1.0  # cost of a line that matches a noise pattern
MAX_LABEL_WORDS = 3  # a label between a lead's paragraphs (an embed's author: "AZ", "50 Cent")
TITLE_LOOKBACK = 4  # the headline sits within a few lines (byline, dateline, caption) of the body
BODY_ECHO_LINES = 3  # the headline said again at the top of the body stands within its first lines
MIN_ECHO_WORDS = 3  # a shorter piece of the title ("News") is not the headline said again
MIN_ECHO_SHARE = 0.5  # ... nor a few of its words: half the title's words at least
# A table or calendar numbered 1, 2, 3 ... with more figures on each row (standings, a season's rounds)
# is a body of its own, though no row is a sentence (aeb tune cc03dd: 12 rounds); a list of headlines
# has no second figure a row. Six rows: shorter runs are too little to outweigh a sidebar's prose.
MIN_RANKED_ROWS = 6
# A row of figures (a score line, a box score, a stock table's row, a recipe's "1 tsp cinnamon") is
# no menu item: it costs the region nothing, like a short sentence, so a body of results or a list
# of ingredients is not cut off after its lead (aeb tune c81e13, 4219d0, 513745: 0.195 -> 0.938,
# 0.842 -> 0.999, 0.759 -> 0.898 recall). Two figures, a fifth of the words or more, years not
# counted (a byline's date, aeb tune c82b3d); scored 0, not as prose: a sidebar of rows must not win.
MIN_ROW_FIGURES = 2
DATA_ROW_SHARE = 0.2
DATA_ROW_SCORE = 0.0
_RANKED_ROW = re.compile(r"^(\d{1,3})(?:a|o|º|ª|st|nd|rd|th)?[.):]?\s+\S")
_FIGURE = re.compile(r"\d+")
_YEAR = re.compile(r"(1[89]|20)\d\d")


def ranked_rows(lines: list[Line]) -> set[int]:
    """The indexes of runs of table rows (`MIN_RANKED_ROWS`): lines numbered one more than the line
    before, each with another figure besides its number."""
    rows: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines):
        match = _RANKED_ROW.match(line.text)
        number = int(match.group(1)) if match and line.kind is None and len(_FIGURE.findall(line.text)) >= 2 else None
        if number is not None and run and number == int(_RANKED_ROW.match(lines[run[-1]].text).group(1)) + 1:
            run.append(i)
            continue
        if len(run) >= MIN_RANKED_ROWS:
            rows.update(run)
        run = [i] if number is not None else []
    if len(run) >= MIN_RANKED_ROWS:
        rows.update(run)
    return rows


def _score(line: Line, ranked: bool = False) -> float:
    if line.kind is not None:
        return -NOISE_PENALTY
    if line.prose or ranked:
        return min(line.words / WORDS_PER_MASS, PROSE_MASS_CAP)
    if sentence_like(line) or line.post:
        return 0.0
    if _data_row(line):
        return DATA_ROW_SCORE
    return -SHORT_LINE_PENALTY


def _data_row(line: Line) -> bool:
    """A row of figures: a score line, a box score, a table row ("Rockledge 14 11 6 15 — 44",
    "Viera (4-0): K. Hupfer 1 goal. ..."). Menus and teaser headlines hold few figures."""
    # A year is a date's, and a dateline or byline ("Text: Name · 11 October 2018") is no row.
    figures = sum(not _YEAR.fullmatch(figure) for figure in _FIGURE.findall(line.text))
    return figures >= MIN_ROW_FIGURES and figures >= DATA_ROW_SHARE * line.words


def body_region(lines: list[Line], listed: set[int] | frozenset[int] = frozenset(),
                 ranked: set[int] | frozenset[int] = frozenset()) -> tuple[int, int]:
    """[start, end) of the highest-scoring run of lines (a maximum-sum subarray); `listed` lines
    (a playlist's titles) count for nothing either way, `ranked` ones (a table's rows) as prose.

    Comments follow the body: once a body-sized region has been seen, a comment-section opener
    ends the search, so a long discussion can never win over the article it discusses.
    """
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if i in listed:
            continue
        if best >= MIN_BODY_SCORE and opens_comments(line.text):
            break
        score = _score(line, i in ranked)
        total += score
        if total <= 0:
            total, start = 0.0, i + 1
        elif total > best or (total == best and score > 0):
            # A tie ending on prose extends the region: a paragraph after a noise line that it
            # exactly outweighs (16 words against 1.0) is the article going on (aeb tune 513745);
            # a tie ending on a neutral line does not: in Multi-News stories 1-40 half of those
            # are sign-offs ("Original article on Live Science.", "Read her letter here.").
            best, best_span = total, (start, i + 1)
    return best_span


def lead_above(lines: list[Line], start: int) -> int:
    """The body's start moved up to take in the article's opening paragraphs when they stand just
    above the region, with only pattern-named noise (captions, embedded posts) or a lone label
    between, and above them the top of the text, the headline opening it, or the page's dateline.

    The region's score counts each caption against the run, so four captions under the lead
    ("ATLANTA (AP) — Seventy-five years after ...", then four photo captions) cut the lead off as
    if it were navigation; and a lead whose full stop the scraper lost does not read as prose, so
    it scores as a menu line. Prose above the body with a menu item, or a headline inside the
    page, right above it is a standfirst, a teaser or a caption, and stays out (aeb tune: five
    such lines came in when any prose above was taken). A long line in capitals needs sentence
    punctuation (`is_prose`): unpunctuated, it is a menu.
    """
    lead = start
    label_above_lead = False  # a short label line passed since the topmost lead paragraph
    after_label = False  # the line below this one was such a label
    for i in range(start - 1, -1, -1):
        line = lines[i]
        if line.kind is not None or line.post:  # an embedded post is passed over like named noise
            after_label = False
            continue
        # The text's first line is its headline (run into a caption, at times), never a lead that
        # reads as a list of names (Multi-News ta172 d3).
        if line.prose or (prose_like(line) and not is_capitals(line.text)) or (i > 0 and _named_sentence(line)):
            lead, label_above_lead, after_label = i, False, False
        elif (i == 0 and headline_like(line)) or (lead < start and DATELINE.match(line.text)):
            return start if label_above_lead else lead
        elif lead == i + 1 and _named_sentence(lines[lead]) and _repeats_page_title(lines, line):
            return lead  # the article's own headline, then its lead: not a teaser's
        elif (line.words <= MAX_LABEL_WORDS or sentence_like(line)) and not after_label:
            # One label between paragraphs, an embedded post's author ("AZ") or "Check out the
            # posts below.", is passed over; two in a row are a menu.
            label_above_lead = after_label = True
        else:
            return start  # a menu item or a label above: the region starts where it was found
    return start if label_above_lead else lead


def _repeats_page_title(lines: list[Line], line: Line) -> bool:
    """The line is the headline the page's first line (its <title>, "Headline - Site") gives."""
    return line is not lines[0] and headline_like(line) and f" {line.key} " in f" {lines[0].key} "


def _named_sentence(line: Line) -> bool:
    """A long sentence whose words are mostly names and titles ("President of the Senate, Bukola
    Saraki, Senator Dino Melaye ... have taken the Inspector-General of Police ... to court."): too
    capitalised for prose, but a menu does not end with a full stop or pause at commas (aeb tune e73011)."""
    text = line.text.rstrip()
    return (line.words >= PROSE_LONG_WORDS and text.endswith((".", ".\"", ".”")) and "," in text
            and not is_capitals(text))


def opens_comments(text: str) -> bool:
    return bool(COMMENT_HEADER.match(text) or COMMENT_SIGNATURE.match(text) or COMMENT_POLICY.match(text))


def mark_outside(lines: list[Line], start: int, end: int) -> None:
    """Lines before the body [start, end) are navigation; after it, related stories or comments."""
    for line in lines[:start]:
        if line.kind is None:
            line.kind = "navigation"
    section = "related"  # what the tail holds until a header says otherwise
    for line in lines[end:]:
        if opens_comments(line.text):
            section = "comment"
        elif TEASER_HEADER.match(line.text) and section != "comment":
            section = "related"
        if line.kind is None:
            if section == "comment":
                line.kind = "comment"
            elif is_headline(line.text) or line.prose:
                line.kind = "related"
            else:
                line.kind = "navigation"
        elif section == "comment" and line.kind in ("navigation", "other", "related", "social"):
            line.kind = "comment"  # comment-section chrome ("Reply", "3 replies") belongs with it


def mark_title(lines: list[Line], start: int, has_title: bool) -> None:
    """The headline: the first line when it reads as one; else (a page that opens with menus)
    the last headline-like line just above the body, skipping bylines, captions and datelines."""
    if has_title:
        return
    first = lines[0]
    # "other" here can only come from sharing: wire copy shares its headline as well as its body.
    if first.kind in (None, "navigation", "other") and headline_like(first):
        first.kind = "title"
        return
    for line in reversed(lines[max(0, start - TITLE_LOOKBACK):start]):
        if line.kind == "navigation" and headline_like(line):
            line.kind = "title"
            return
        if line.kind == "navigation":
            break  # a menu item sits between: the headline is not here


def mark_title_echo(lines: list[Line], start: int, end: int) -> None:
    """The headline said again at the top of the body, under a title taken from the page's first
    line (its <title>, often with the site's name: "Headline - Site.com"), is the headline, not a
    paragraph: removed as a duplicate of the title (aeb tune 654082: the page title, the menus, then the
    headline over the standfirst)."""
    title = next((line for line in lines[:max(start, 1)] if line.kind == "title"), None)
    if title is None or not title.key:
        return
    key = f" {title.key} "
    title_words = len(title.key.split())
    for line in lines[start:min(end, start + BODY_ECHO_LINES)]:
        words = len(line.key.split())
        if line.kind is None and words >= MIN_ECHO_WORDS and words >= MIN_ECHO_SHARE * title_words \
                and f" {line.key} " in key:
            line.kind = "duplicate"
            return


MAX_CLOSING_SENTENCES = 2  # "The investigation is ongoing." and one more at most


def closing_sentences(lines: list[Line], start: int, end: int) -> int:
    """The body's end moved down over the text's last lines when they are short sentences (fewer words
    than prose, full stop at the end) with nothing after them: the article's closing line ("The
    investigation is ongoing.", Multi-News fourth fresh sample ta240 d1), not a page footer, which
    the patterns name or which is no sentence. Only under a body: a text of short sentences alone is
    too short to be an article."""
    if end <= start:
        return end
    tail = [i for i in range(end, len(lines)) if lines[i].key]
    if not tail or len(tail) > MAX_CLOSING_SENTENCES:
        return end
    if all(lines[i].kind is None and sentence_like(lines[i]) and lines[i].text.rstrip().endswith(".") for i in tail):
        return tail[-1] + 1
    return end

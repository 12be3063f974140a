"""The plain-text cleaner: decide for every line of a scraped page whether it is body or noise.

The body of a news page is the longest contiguous run of prose lines. Around it sit navigation
menus (before), and related-story teasers, newsletter prompts and comments (after). Inside it
sit captions, video teasers, "Read more:" links and advert markers. So:

1. every line gets a form (prose or not, word count) and, when a known noise pattern matches,
   a kind (`rules.py`);
2. the body region is the run of lines with the highest score, where prose counts for its
   length and every short non-prose line counts against (a maximum-sum subarray); once a
   body-sized region is found, a comment-section opener ends the search;
3. outside the region everything is removed, each line with the kind its position and form
   suggest; inside it only lines with a noise kind are removed (patterns, repeats, video titles,
   teaser blocks, boilerplate shared with other articles), so body text survives whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from storydesk.clean.rules import (
    BIO_HEADER,
    COMMENT_HEADER,
    COMMENT_SIGNATURE,
    CREDIT_LINE,
    DATELINE,
    NAME_CREDIT,
    PLAYLIST,
    TEASER_HEADER,
    TWEET_SIGNATURE,
    VIDEO_MARKER,
    match_rule,
)

# Tuned on the aeb pages (peers/html-text.json: whole pages as text), the only labelled set we
# have; see benchmarks/bench_clean.py. A grid of SHORT_LINE_PENALTY 0.5-1.0, NOISE_PENALTY 1-2
# and WORDS_PER_MASS 12-20 scores F1 0.906-0.916 throughout, so these are not fitted to single
# pages; of the best we took the setting with the higher recall (losing body is worse).
PROSE_MIN_WORDS = 8  # a line ending like a sentence with this many words is prose
PROSE_LONG_WORDS = 20  # ... and any line this long is prose even without end punctuation
MAX_PROSE_CAPITALISED = 0.6  # English prose runs 10-30% capitalised words, German ~40%, menus ~90%
CJK_CHARS_PER_WORD = 2  # Chinese and Japanese words average about two characters
WORDS_PER_MASS = 16  # a prose line scores its words / this (about 100 characters of English)
PROSE_MASS_CAP = 8.0  # one huge line (a JSON blob, a cookie wall) must not win the region alone
MIN_BODY_SCORE = 3.0  # about 50 words of prose: enough to be an article before its comments
SHORT_LINE_PENALTY = 0.7  # cost of one menu item / teaser headline inside the region
NOISE_PENALTY = 1.0  # cost of a line that matches a noise pattern
NEUTRAL_MIN_WORDS = 4  # short sentence-like lines ("He declined to comment.") cost nothing
MAX_TITLE_WORDS = 25  # a first line longer than this is a paragraph, not a headline
MIN_TITLE_WORDS = 3  # "News", "Sport": menu items, not headlines
MAX_LABEL_WORDS = 3  # a label between a lead's paragraphs (an embed's author: "AZ", "50 Cent")
TITLE_LOOKBACK = 4  # the headline sits within a few lines (byline, dateline, caption) of the body
MAX_TWEET_CHARS = 300  # a tweet is at most 280 characters, plus a link or two
SHARED_MAX_WORDS = 8  # boilerplate shared by articles is a label or sign-off, not a paragraph
TAIL_TEASER_SHARE = 0.3  # a teaser header with under this share of the text's words after it ends the body
MIN_COPY_WORDS = 12  # a repeated prose paragraph this long is a copy of the article, not a refrain
MIN_STANDFIRST_WORDS = 10  # shorter unpunctuated first lines are kickers or section labels
MIN_CLOSING_LIST_ITEMS = 3  # a list of teasers; a closing list of one or two items is too little to tell
MIN_CHROME_REPEATS = 3  # a teaser line repeated this often is a widget's chrome (aeb tune: 6-9 copies)
MIN_CHROME_WORDS = 3  # ... and has words enough not to be a speaker label or a "Share" button
MIN_REPEAT_WORDS = 6  # shorter lines repeat by chance ("Share", "Photo"), pull quotes do not
# A caption stands above its lone credit line: on the aeb tune pages those captions run 8-26 words
# (one of 49), while the body paragraphs above a caption-less photo's credit in Multi-News stories
# 1-40 (ta002 d0, ta088 d2) run 35-43; a line of this many words or fewer above a credit is its caption.
MAX_CAPTION_WORDS = 30
MAX_CREDIT_WORDS = 6  # "Photo: David Zalubowski, STF / Associated Press"; a caption runs longer
MIN_CREDIT_CAPITALISED = 0.5  # ... and a credit is names: "Hanwha Q cells", "Getty Images"
MIN_CAPITAL_LINK_WORDS = 5  # a capitalised link headline (Fox) is a sentence long; subheads are shorter or body
FALLBACK_MIN_WORDS = 50  # prose kept when cleaning found no body: at least MIN_BODY_SCORE's worth
# Up to this many characters texts are searched as one string for each query (each search is
# linear, so quadratic overall, but in C); longer ones (a 20 MB page) are indexed by word runs.
MAX_SCANNED_CHARS = 200_000
# ... and a few texts of any size are searched so too (few searches, each linear): indexing every
# word run of one 60 MB unbroken line took 2.4 GB.
MAX_SCANNED_TEXTS = 16
INDEX_WORDS = 4  # runs of this many words index texts for WordIndex (<= every query's length)
# Hard-wrapped text is wrapped at 60-80 columns (72 for e-mail and most wire feeds); a run of
# lines no longer than 40 is a list or a menu, and a line over 100 was not wrapped.
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
WRAP_RAGGEDNESS = 20  # a wrapped line ends within a long word of the wrap column
WRAPPED_SHARE = 0.75  # ... and so do this share of the lines followed by another in a wrapped text
MIN_WRAPPED_LINES = 2  # one line followed by another says nothing about wrapping

_TERMINAL = tuple(".!?…\"”’'):;。！？»")
_WORD = re.compile(r"\w+", re.U)
_LIST_ITEM = re.compile(r"^[-•*–] ")
_PUNCT = re.compile(r"[.,;:!?。、，！？]")
_SPACES = re.compile(r"[ \t\u00a0\u200b\f\v]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass
class Line:
    """One line (or hard-wrapped paragraph) of input, with what the classifier decided."""

    text: str
    number: int  # 1-based line in the input text
    kind: str | None = None  # a REMOVED_KINDS kind when removed, "title" for the headline
    words: int = 0
    prose: bool = False

    @cached_property
    def key(self) -> str:
        """`line_key` of the text, computed once (read only after `split_lines` joined the wraps)."""
        return line_key(self.text)


def line_key(text: str) -> str:
    """Lines compare on their words only: case, punctuation and spacing vary between copies."""
    return " ".join(_WORD.findall(text.lower()))


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their 1-based input line numbers; hard-wrapped paragraphs are joined.

    A joined paragraph is one `Line` numbered by its first input line, its pieces joined by one
    space: that joined text is what the cleaned text holds and what offsets index.
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = wrap_width(raw)
    lines: list[Line] = []
    previous: str | None = None  # the input line before, indent and all, while its block goes on
    for number, original in enumerate(raw, start=1):
        line_text = _SPACES.sub(" ", original).strip()
        if not line_text:
            previous = None
            continue
        if width and previous is not None and lines and _continues(previous, original, line_text, width):
            lines[-1].text += " " + line_text
        else:
            lines.append(Line(line_text, number))
        previous = original.rstrip()
    for line in lines:
        line.words = count_words(line.text)
        line.prose = is_prose(line.text, line.words)
    return lines


def _continues(previous: str, original: str, current: str, width: int) -> bool:
    """True when `current` goes on the paragraph a hard wrap broke after `previous`.

    A fixed-width wrap (wire feeds, e-mail) breaks a line only where the next word would not
    have fitted: the line before a wrap is near the block's width, and adding the next line's
    first word would pass it. A short line (a menu item, a paragraph's last line), an indented
    line (a new paragraph) or two title-case lines (headlines) are not wraps.
    """
    if original[:1] in (" ", "\t") or len(previous) > width:  # `previous` keeps its indent
        return False
    if len(previous) + 1 + len(current.split(" ", 1)[0]) <= width:
        return False  # the next word would have fitted: the line ended on purpose
    return not (capitalised_share(previous) > MAX_PROSE_CAPITALISED
                and capitalised_share(current) > MAX_PROSE_CAPITALISED and not is_capitals(previous))


def wrap_width(raw: list[str]) -> int | None:
    """The column a hard-wrapped text is wrapped at, or None when it is not hard-wrapped.

    In a wrapped text nearly every line that another line follows ends within a word's length
    of the wrap column; in paragraph-per-line text (and a page's lines) those lengths vary.
    Runs of short lines only (a menu, an e-mail header) are left out of the count.
    """
    inner: list[int] = []  # lengths of the lines another follows, in blocks that hold a long line
    block: list[int] = []
    for text in [*raw, ""]:
        if text.strip():
            block.append(len(text.rstrip()))
            continue
        if max(block, default=0) >= WRAP_MIN_WIDTH:  # a run of short lines is a menu or a header
            inner.extend(block[:-1])
        block = []
    long = [n for n in inner if n >= WRAP_MIN_WIDTH]
    if len(long) < MIN_WRAPPED_LINES:
        return None
    width = max((n for n in long if n <= WRAP_MAX_WIDTH), default=0)
    near = sum(width - WRAP_RAGGEDNESS <= n <= width for n in long)
    return width if width >= WRAP_MIN_WIDTH and near >= WRAPPED_SHARE * len(inner) else None


def count_words(text: str) -> int:
    """Words, counting scripts written without spaces (CJK) at about two characters a word."""
    words = len(text.split())
    cjk = len(_CJK.findall(text))
    return max(words, cjk // CJK_CHARS_PER_WORD) if cjk else words


def capitalised_share(text: str) -> float:
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def is_prose(text: str, words: int | None = None) -> bool:
    words = count_words(text) if words is None else words
    if words >= PROSE_LONG_WORDS:
        # Long but unpunctuated or nearly all capitalised: a tag cloud, a <select> of sections,
        # a list of languages or names run together. Text in capitals (some wire services) has
        # no case to tell by: there, sentence punctuation has to say it is prose.
        if is_capitals(text):
            return text.rstrip().endswith(_TERMINAL) and len(_PUNCT.findall(text)) >= 2
        return bool(_PUNCT.search(text)) and capitalised_share(text) <= MAX_PROSE_CAPITALISED
    return words >= PROSE_MIN_WORDS and text.rstrip().endswith(_TERMINAL)


def is_capitals(text: str) -> bool:
    """Written in capitals: letters there are, and no lower-case ones."""
    return text.isupper()


def is_headline(text: str) -> bool:
    """A headline: a short line that does not end like a sentence."""
    words = len(text.split())
    # A quoted sentence ends inside its quotation marks: look past them.
    return 2 <= words <= MAX_TITLE_WORDS and not text.rstrip(" \"'”’»)").endswith((".", ",", ";", ":"))


class WordIndex:
    """Where runs of words occur in many texts, found in time linear in the texts.

    Texts are `line_key`s (words joined by single spaces). Each is indexed by its `INDEX_WORDS`-
    word runs, so a query is checked only where its first run occurs instead of against every
    text (which made cleaning quadratic in lines). `joined=True` reads the texts as one, so a
    query may run across from one text into the next.
    """

    def __init__(self, keys: list[str], joined: bool = False) -> None:
        self._words: list[str | None] = []
        self._owner: list[int] = []  # for each word, the text it is from
        self._sizes = [len(key.split()) for key in keys]
        for n, key in enumerate(keys):
            self._words.extend(key.split())
            self._owner.extend([n] * self._sizes[n])
            if not joined:
                self._words.append(None)  # matches no word: a query cannot run into the next text
                self._owner.append(n)
        self._where: dict[tuple[str | None, ...], list[int]] = {}
        for i in range(len(self._words) - INDEX_WORDS + 1):
            self._where.setdefault(tuple(self._words[i:i + INDEX_WORDS]), []).append(i)

    def _matches(self, key: str) -> Iterator[int]:
        words = key.split()
        size, last = len(words), len(self._words) - len(words)
        if size >= INDEX_WORDS:
            starts: Iterable[int] = self._where.get(tuple(words[:INDEX_WORDS]), ())
        else:  # too short to look up by a run (rare: callers ask about longer lines)
            starts = (i for i, word in enumerate(self._words) if word == words[0]) if words else ()
        # Lazy, and a start too late for the whole key is never compared: in a page of one
        # paragraph pasted over and over, a long line's first run occurs everywhere, and comparing
        # a slice at each start made a 2 MB unbroken text take minutes.
        return (i for i in starts if i <= last and self._words[i:i + size] == words)

    def contains(self, key: str) -> bool:
        """Whether `key` occurs, whole words, in the texts."""
        return next(self._matches(key), None) is not None

    def inside_longer(self, key: str) -> bool:
        """Whether `key` occurs, whole words, inside a text longer than itself."""
        size = len(key.split())
        return any(self._sizes[self._owner[i]] > size for i in self._matches(key))


class ScanIndex:
    """`WordIndex`'s questions answered by substring search over the texts joined: faster for a
    page's worth of text (the search runs in C), quadratic for a huge one (`word_index` picks)."""

    def __init__(self, keys: list[str], joined: bool = False) -> None:
        separator = " " if joined else " \n "  # a newline is no word: a query cannot run across
        self._text = f" {separator.join(keys)} "
        self._starts: list[int] = []  # where each text begins in `_text`
        self._sizes = [len(key.split()) for key in keys]
        position = 1
        for key in keys:
            self._starts.append(position)
            position += len(key) + len(separator)

    def contains(self, key: str) -> bool:
        return f" {key} " in self._text

    def inside_longer(self, key: str) -> bool:
        needle, size = f" {key} ", len(key.split())
        found = self._text.find(needle)
        while found >= 0:
            if self._sizes[bisect_right(self._starts, found + 1) - 1] > size:
                return True
            found = self._text.find(needle, found + 1)
        return False


def word_index(keys: list[str], joined: bool = False) -> WordIndex | ScanIndex:
    """An index of the texts' word runs: by substring search up to `MAX_SCANNED_CHARS` (or for a few
    texts), else by runs."""
    if len(keys) <= MAX_SCANNED_TEXTS or sum(len(key) + 1 for key in keys) <= MAX_SCANNED_CHARS:
        return ScanIndex(keys, joined)
    return WordIndex(keys, joined)


def classify(lines: list[Line], shared: frozenset[str] = frozenset(), has_title: bool = False,
             find_region: bool = True) -> None:
    """Set `kind` on every noise line (and "title" on the headline); body lines keep None.

    `find_region=False` is for text an extractor already cut down to the article: the whole of
    it is the region, and only recognisable noise inside it goes.
    """
    if not lines:
        return
    for line in lines:
        line.kind = match_rule(line.text)
    listed = _mark_playlists(lines)
    _mark_repeats(lines)
    _mark_shared(lines, shared)
    start, end = _body_region(lines, listed) if find_region else (0, len(lines))
    if find_region:
        start = _lead_above(lines, start)
    _mark_inside(lines, start, end)
    _mark_chrome_repeats(lines, start, end)
    _mark_capital_links(lines, start, end)
    _mark_captions_above_credits(lines)
    _mark_standfirst(lines, start, end, has_title)
    _mark_closing_list(lines, end)
    mark_outside(lines, start, end)
    _mark_title(lines, start, has_title)


def _mark_repeats(lines: list[Line]) -> None:
    """A lone line that repeats an earlier line, or a part of a longer one, is a pull quote.

    Runs of repeated short lines are left alone: a page that carries a list twice (a recipe
    card, a list of features) has both in its body, and which to drop is not ours to say. A
    paragraph of prose said again word for word is another matter: pages carry the article a
    second time (a print view, a hidden copy the extractor took along), and the first copy stays.
    """
    seen: set[str] = set()
    keys = [line.key for line in lines]
    prose = word_index([k for k, line in zip(keys, lines, strict=True) if line.prose])
    repeat = [False] * len(lines)
    copies: list[int] = []  # prose paragraphs said word for word before: a page's hidden second copy
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if line.kind is not None or not key or line.words < MIN_REPEAT_WORDS:
            continue
        if key in seen and line.prose and line.words >= MIN_COPY_WORDS:
            copies.append(i)
        elif key in seen or prose.inside_longer(key):
            repeat[i] = True
        seen.add(key)
    for i, line in enumerate(lines):
        if repeat[i] and not (i > 0 and repeat[i - 1]) and not (i + 1 < len(lines) and repeat[i + 1]):
            line.kind = "duplicate"
    for i in copies:
        lines[i].kind = "duplicate"


def _mark_chrome_repeats(lines: list[Line], start: int, end: int) -> None:
    """A short headline-like line said three times or more is page chrome (a teaser repeated in
    every block of a related-stories widget), every copy of it. A repeated line that ends like a
    sentence or a question (an interview asks each guest the same), or holds a colon ("TRUMP:",
    "See it now: Amazon" under each product of a deals list), is body and stays."""
    counts = Counter(line.key for line in lines if not line.prose and line.words >= MIN_CHROME_WORDS
                     and ":" not in line.text and not line.text.rstrip().endswith(_TERMINAL))
    # Only inside the body: the region was found without it, and outside the body the line goes anyway.
    for line in lines[start:end]:
        if line.kind is None and counts.get(line.key, 0) >= MIN_CHROME_REPEATS:
            line.kind = "duplicate"


# A paragraph reports what someone said; a caption describes the picture (none of the aeb tune
# captions above a lone credit does).
_REPORTED = re.compile(r"\b(said|says|told|according to)\b|[\"“”]")
_CAPITAL_CLICK = re.compile(r"\bCLICK(ING)? HERE\b")


def _mark_capital_links(lines: list[Line], start: int, end: int) -> None:
    """On a page that writes its links in capitals ("CLICK HERE TO GET THE FOX NEWS APP"), a
    headline in capitals between the body's paragraphs is a link to another story, not a
    subhead (aeb tune 513745, 7dfc3e, eb62ac). Elsewhere capitals are subheads and stay."""
    if not any(_CAPITAL_CLICK.search(line.text) and is_capitals(line.text) for line in lines):
        return
    for line in lines[start:end]:
        if line.kind is None and is_capitals(line.text) and line.words >= MIN_CAPITAL_LINK_WORDS \
                and not line.text.rstrip().endswith((".", "!", "?")):
            line.kind = "related"


def _mark_captions_above_credits(lines: list[Line]) -> None:
    """A short line right above a photo credit alone on its line is that photo's caption.

    A caption goes with an article: on a page whose only prose is that line (a headline run into a
    one-sentence lead, then the photo's credit: val_stream ta041-1) the line is the article."""
    if sum(1 for line in lines if line.kind is None and line.prose) < 2:
        return
    for above, line in zip(lines, lines[1:], strict=False):
        # A caption is a sentence; a subhead above a photo's credit ("Netflix Live", Multi-News
        # ta088 d3) is not.
        if line.kind == "caption" and above.kind is None and above.words <= MAX_CAPTION_WORDS \
                and above.text.rstrip().endswith(_TERMINAL) and not _REPORTED.search(above.text) \
                and _is_credit(line.text):
            above.kind = "caption"


def _is_credit(text: str) -> bool:
    """A photo credit alone (`CREDIT_LINE`): after "Photo:" a name or an agency, not a caption
    ("Photo: A crane lifts the carriage back onto the rails")."""
    if not CREDIT_LINE.match(text):
        return False
    named = text.split(":", 1)[1] if ":" in text else text
    words = len(named.split())
    return words <= MAX_CREDIT_WORDS and (words <= 2 or capitalised_share(named) >= MIN_CREDIT_CAPITALISED)


def _mark_shared(lines: list[Line], shared: frozenset[str]) -> None:
    """Lines other articles of the story carry too are boilerplate unless they read as prose.

    Wire copy repeats whole body paragraphs across outlets; those are sentences and stay. Menus,
    section labels and sign-offs repeat too, and they are short and unpunctuated.
    """
    if not shared:
        return
    for line in lines:
        if line.kind is None and not line.prose and line.words <= SHARED_MAX_WORDS \
                and not _sentence_like(line) and line.key in shared:
            line.kind = "other"


def _sentence_like(line: Line) -> bool:
    return line.words >= NEUTRAL_MIN_WORDS and line.text.rstrip().endswith(_TERMINAL)


def _score(line: Line) -> float:
    if line.kind is not None:
        return -NOISE_PENALTY
    if line.prose:
        return min(line.words / WORDS_PER_MASS, PROSE_MASS_CAP)
    if _sentence_like(line):
        return 0.0
    return -SHORT_LINE_PENALTY


def _mark_playlists(lines: list[Line]) -> set[int]:
    """A video playlist run into one line (`PLAYLIST`) is video, whatever its length, and so are
    the titles of its videos listed one a line under it; the indexes of those titles.

    The titles are removed, but the body region is searched without them: forty short lines
    would otherwise cut off the article that goes on under the player (a list article's last
    items, as in the Gannett pages of Multi-News).
    """
    listed: set[int] = set()
    for i, line in enumerate(lines):
        if not PLAYLIST.match(line.text):
            continue
        line.kind = "video"
        within = f" {line.key} "
        for j in range(i + 1, len(lines)):
            title = lines[j]
            # A video's title may read as a sentence ("Bundle up! Here's what ..."); that the
            # playlist holds it word for word is what tells.
            if title.words > MAX_TITLE_WORDS or not title.key or f" {title.key} " not in within:
                break
            title.kind = "video"
            listed.add(j)
    return listed


def _body_region(lines: list[Line], listed: set[int] | frozenset[int] = frozenset()) -> tuple[int, int]:
    """[start, end) of the highest-scoring run of lines (a maximum-sum subarray); `listed` lines
    (a playlist's titles) count for nothing either way.

    Comments follow the body: once a body-sized region has been seen, a comment-section opener
    ends the search, so a long discussion can never win over the article it discusses.
    """
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if i in listed:
            continue
        if best >= MIN_BODY_SCORE and _opens_comments(line.text):
            break
        score = _score(line)
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


def _lead_above(lines: list[Line], start: int) -> int:
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
        if line.kind is not None:
            after_label = False
            continue
        # The text's first line is its headline (run into a caption, at times), never a lead that
        # reads as a list of names (Multi-News ta172 d3).
        if line.prose or (_prose_like(line) and not is_capitals(line.text)) or (i > 0 and _named_sentence(line)):
            lead, label_above_lead, after_label = i, False, False
        elif (i == 0 and _headline_like(line)) or (lead < start and DATELINE.match(line.text)):
            return start if label_above_lead else lead
        elif lead == i + 1 and _named_sentence(lines[lead]) and _repeats_page_title(lines, line):
            return lead  # the article's own headline, then its lead: not a teaser's
        elif (line.words <= MAX_LABEL_WORDS or _sentence_like(line)) and not after_label:
            # One label between paragraphs, an embedded post's author ("AZ") or "Check out the
            # posts below.", is passed over; two in a row are a menu.
            label_above_lead = after_label = True
        else:
            return start  # a menu item or a label above: the region starts where it was found
    return start if label_above_lead else lead


def _repeats_page_title(lines: list[Line], line: Line) -> bool:
    """The line is the headline the page's first line (its <title>, "Headline - Site") gives."""
    return line is not lines[0] and _headline_like(line) and f" {line.key} " in f" {lines[0].key} "


def _named_sentence(line: Line) -> bool:
    """A long sentence whose words are mostly names and titles ("President of the Senate, Bukola
    Saraki, Senator Dino Melaye ... have taken the Inspector-General of Police ... to court."): too
    capitalised for prose, but a menu does not end with a full stop or pause at commas (aeb tune e73011)."""
    text = line.text.rstrip()
    return (line.words >= PROSE_LONG_WORDS and text.endswith((".", ".\"", ".”")) and "," in text
            and not is_capitals(text))


def _opens_comments(text: str) -> bool:
    return bool(COMMENT_HEADER.match(text) or COMMENT_SIGNATURE.match(text))


def _mark_inside(lines: list[Line], start: int, end: int) -> None:
    """Inside the body only recognisable noise goes: video titles, tweet texts, teaser blocks."""
    teaser: str | bool = False
    words_after = [0] * (end + 1)  # body words from each line to the region's end
    for i in range(end - 1, start - 1, -1):
        words_after[i] = words_after[i + 1] + lines[i].words
    for i in range(start, end):
        line = lines[i]
        if line.kind is None and i > start and VIDEO_MARKER.match(lines[i - 1].text) and not line.prose:
            line.kind = "video"  # the video's title under "Click to play video"
        if line.kind is None and NAME_CREDIT.match(line.text):
            line.kind = "caption"  # a photo's credit
        if line.kind is None and i + 1 < end and TWEET_SIGNATURE.match(lines[i + 1].text) \
                and len(line.text) <= MAX_TWEET_CHARS:
            line.kind = "social"  # an embedded tweet's text, above its "— Name (@handle) date" line
        if BIO_HEADER.match(line.text) and i + 1 < end and lines[i + 1].kind is None:
            line.kind = lines[i + 1].kind = "credit"
            continue
        if TEASER_HEADER.match(line.text) and not line.prose:
            # In the last part of the text a teaser header followed at once by prose opens the
            # related-story block that ends the page, teasers with summaries; elsewhere, or once
            # short teaser headlines came first, the next prose is the body resuming.
            teaser = "tail" if words_after[i] <= TAIL_TEASER_SHARE * words_after[start] else "block"
            line.kind = "related"
            continue
        if teaser:
            if line.prose and teaser == "block":
                teaser = False
            elif line.kind is None:
                line.kind = "related"
                if not line.prose:
                    teaser = "block"


def _mark_standfirst(lines: list[Line], start: int, end: int, has_title: bool) -> None:
    """Under a known headline, a long first line that does not end like a sentence, with prose
    after it, is the standfirst (the dek): a second headline, not the article's first paragraph."""
    if not has_title or end - start < 2:
        return
    first, following = lines[start], lines[start + 1]
    # A colon marks a label line ("Tested by: ... Price: ..."), facts the article keeps.
    if first.kind is None and first.words >= MIN_STANDFIRST_WORDS and is_headline(first.text) and ":" not in first.text \
            and not first.text.rstrip().endswith(_TERMINAL) and following.kind is None and following.prose:
        first.kind = "other"


def _mark_closing_list(lines: list[Line], end: int) -> None:
    """A list that ends the body right after a noise line (a newsletter box, an advert) is a
    related-stories widget: "- Headline Summary" items with nothing of the article after them."""
    first = end
    while first > 0 and lines[first - 1].kind is None and _LIST_ITEM.match(lines[first - 1].text):
        first -= 1
    if end - first < MIN_CLOSING_LIST_ITEMS or first == 0:
        return
    # The widget's own header may stand between ("Join our Free Parlay Challenge"): a short line
    # that reads as a headline, itself after the noise.
    header = lines[first - 1]
    if header.kind is None and not header.prose and is_headline(header.text) and first > 1:
        first -= 1
    if lines[first - 1].kind not in (None, "title"):
        for line in lines[first:end]:
            line.kind = "related"


def mark_outside(lines: list[Line], start: int, end: int) -> None:
    """Lines before the body [start, end) are navigation; after it, related stories or comments."""
    for line in lines[:start]:
        if line.kind is None:
            line.kind = "navigation"
    section = "related"  # what the tail holds until a header says otherwise
    for line in lines[end:]:
        if _opens_comments(line.text):
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


def _mark_title(lines: list[Line], start: int, has_title: bool) -> None:
    """The headline: the first line when it reads as one; else (a page that opens with menus)
    the last headline-like line just above the body, skipping bylines, captions and datelines."""
    if has_title:
        return
    first = lines[0]
    # "other" here can only come from sharing: wire copy shares its headline as well as its body.
    if first.kind in (None, "navigation", "other") and _headline_like(first):
        first.kind = "title"
        return
    for line in reversed(lines[max(0, start - TITLE_LOOKBACK):start]):
        if line.kind == "navigation" and _headline_like(line):
            line.kind = "title"
            return
        if line.kind == "navigation":
            break  # a menu item sits between: the headline is not here


def keep_prose(lines: list[Line]) -> int:
    """When classifying left no body at all: keep the lines that still read as prose; how many.

    Only lines removed for where they stand (navigation, related, comment) come back, never
    one a noise pattern named; and only when they add up to an article's worth of words.
    """
    prose = [line for line in lines if line.kind in _POSITIONAL_KINDS and _prose_like(line)]
    if sum(line.words for line in prose) < FALLBACK_MIN_WORDS:
        return 0
    for line in prose:
        line.kind = None
    return len(prose)


_POSITIONAL_KINDS = frozenset({"navigation", "related", "comment", "title"})


def _prose_like(line: Line) -> bool:
    """Prose by a looser test: long, and not a run of capitalised names (punctuation may be missing,
    as in automatic transcripts)."""
    if line.prose:
        return True
    return line.words >= PROSE_LONG_WORDS and (capitalised_share(line.text) <= MAX_PROSE_CAPITALISED
                                               or is_capitals(line.text))


def _headline_like(line: Line) -> bool:
    return line.words >= MIN_TITLE_WORDS and is_headline(line.text) and match_rule(line.text) is None

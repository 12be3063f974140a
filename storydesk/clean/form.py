"""What a line of scraped text is: its words, whether it reads as prose, a sentence or a headline;
hard-wrapped paragraphs joined into one line (the form `lines.classify` judges by)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property

from storydesk.clean.rules import match_rule

# Tuned on the aeb pages (peers/html-text.json: whole pages as text) with the region's weights
# (region.py); see benchmarks/bench_clean.py.
PROSE_MIN_WORDS = 8  # a line ending like a sentence with this many words is prose
PROSE_LONG_WORDS = 20  # ... and any line this long is prose even without end punctuation
MAX_PROSE_CAPITALISED = 0.6  # English prose runs 10-30% capitalised words, German ~40%, menus ~90%
CJK_CHARS_PER_WORD = 2  # Chinese and Japanese words average about two characters
NEUTRAL_MIN_WORDS = 4  # short sentence-like lines ("He declined to comment.") cost nothing
MAX_TITLE_WORDS = 25  # a first line longer than this is a paragraph, not a headline
MIN_TITLE_WORDS = 3  # "News", "Sport": menu items, not headlines
# Hard-wrapped text is wrapped at 60-80 columns (72 for e-mail and most wire feeds); a run of
# lines no longer than 40 is a list or a menu, and a line over 100 was not wrapped.
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
WRAP_RAGGEDNESS = 20  # a wrapped line ends within a long word of the wrap column
WRAPPED_SHARE = 0.75  # ... and so do this share of the lines followed by another in a wrapped text
MIN_WRAPPED_LINES = 2  # one line followed by another says nothing about wrapping
TERMINAL = tuple(".!?…\"”’'):;。！？»")
_WORD = re.compile(r"\w+", re.U)
_PUNCT = re.compile(r"[.,;:!?。、，！？]")
_SPACES = re.compile(r"[ \t\u00a0\f\v]+")
# Invisible format characters a reader never sees: zero-width space, word joiner, byte-order mark,
# soft hyphen. Pages put them inside words ("A\u200brwa"), so they are deleted, not made spaces.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
# Only entities closed by their semicolon: "AT&T", "Q&A" and "&copy2019" are text.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass
class Line:
    """One line (or hard-wrapped paragraph) of input, with what the classifier decided."""

    text: str
    number: int  # 1-based line in the input text
    kind: str | None = None  # a REMOVED_KINDS kind when removed, "title" for the headline
    words: int = 0
    prose: bool = False
    post: bool = False  # an embedded post's text (a tweet above or before its signature)

    @cached_property
    def key(self) -> str:
        """`line_key` of the text, computed once (read only after `split_lines` joined the wraps)."""
        return line_key(self.text)


def line_key(text: str) -> str:
    """Lines compare on their words only: case, punctuation and spacing vary between copies."""
    return " ".join(_WORD.findall(text.lower()))


def _read_entity(match: re.Match[str]) -> str:
    character = html.unescape(match.group())
    return "" if character == "\ufffd" else character  # "&#0;": no character at all


def visible_text(text: str) -> str:
    """One line as a reader sees it: HTML entities a scraper left read ("S&amp;P" -> "S&P"),
    invisible characters gone, runs of spaces one space."""
    if "&" in text:
        text = _ENTITY.sub(_read_entity, text)
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


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
        line_text = visible_text(original)
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
            return text.rstrip().endswith(TERMINAL) and len(_PUNCT.findall(text)) >= 2
        return bool(_PUNCT.search(text)) and capitalised_share(text) <= MAX_PROSE_CAPITALISED
    return words >= PROSE_MIN_WORDS and text.rstrip().endswith(TERMINAL)


def is_capitals(text: str) -> bool:
    """Written in capitals: letters there are, and no lower-case ones."""
    return text.isupper()


def is_headline(text: str) -> bool:
    """A headline: a short line that does not end like a sentence."""
    words = len(text.split())
    # A quoted sentence ends inside its quotation marks: look past them.
    return 2 <= words <= MAX_TITLE_WORDS and not text.rstrip(" \"'”’»)").endswith((".", ",", ";", ":"))


def sentence_like(line: Line) -> bool:
    return line.words >= NEUTRAL_MIN_WORDS and line.text.rstrip().endswith(TERMINAL)


def prose_like(line: Line) -> bool:
    """Prose by a looser test: long, and not a run of capitalised names (punctuation may be missing,
    as in automatic transcripts)."""
    if line.prose:
        return True
    return line.words >= PROSE_LONG_WORDS and (capitalised_share(line.text) <= MAX_PROSE_CAPITALISED
                                               or is_capitals(line.text))


# A dateline on its own line ("MOUNT DORA, Fla. -", Multi-News ta136): the body's opening, not a headline.
_BARE_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\s*(?:\([^()]{1,30}\)\s*)?[—–-]{1,2}$")


def headline_like(line: Line) -> bool:
    return (line.words >= MIN_TITLE_WORDS and is_headline(line.text) and match_rule(line.text) is None
            and not _BARE_DATELINE.match(line.text))

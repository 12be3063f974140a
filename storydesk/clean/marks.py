"""Noise that a line's neighbours give away, inside the body or around it: repeats and pull quotes,
widget chrome, captions above credits, playlists, tweets, teaser blocks and cards, standfirsts,
closing teaser lists, lines other articles of the story share."""

from __future__ import annotations

import re
from collections import Counter

from storydesk.clean.form import (
    MAX_TITLE_WORDS,
    TERMINAL,
    Line,
    capitalised_share,
    is_capitals,
    is_headline,
    line_key,
    sentence_like,
)
from storydesk.clean.index import word_index
from storydesk.clean.rules import (
    BIO_HEADER,
    CREDIT_LINE,
    EMBEDDED_VIDEO,
    GALLERY_COUNTER,
    NAME_CREDIT,
    PLAYLIST,
    SUMMARY_BOX,
    TAGS_LABEL,
    TEASER_HEADER,
    TWEET_SIGNATURE,
    VIDEO_MARKER,
)

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
_LIST_ITEM = re.compile(r"^[-•*–] ")


def mark_playlists(lines: list[Line]) -> set[int]:
    """A video playlist run into one line (`PLAYLIST`) is video, whatever its length, and so are
    the titles of its videos listed one a line under it; the indexes of those titles, of embedded
    players (`EMBEDDED_VIDEO`) and of a gallery's counter and captions (`GALLERY_COUNTER`).

    The titles are removed, but the body region is searched without them: forty short lines
    would otherwise cut off the article that goes on under the player (a list article's last
    items, as in the Gannett pages of Multi-News).
    """
    listed: set[int] = set()
    for i, line in enumerate(lines):
        if line.kind == "video" and EMBEDDED_VIDEO.match(line.text):
            listed.add(i)  # a player between paragraphs, not the body's end
        if GALLERY_COUNTER.match(line.text):
            line.kind = "caption"
            listed.add(i)
            for j in range(i + 1, len(lines)):  # the gallery's captions, one a line under its counter
                if lines[j].kind != "caption":
                    break
                listed.add(j)
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


def mark_posts(lines: list[Line]) -> None:
    """The text of an embedded tweet above its own "— Name (@handle) date" line is an embedded post:
    body (what the article quotes), but no evidence either way of where the body runs."""
    for line, below in zip(lines, lines[1:], strict=False):
        if line.kind is None and TWEET_SIGNATURE.match(below.text) and len(line.text) <= MAX_TWEET_CHARS:
            line.post = True


MAX_SUMMARY_BULLETS = 5  # CNBC's box holds two to four; a longer block is the article itself


def mark_summary_box(lines: list[Line]) -> None:
    """Under a summary box's header (`SUMMARY_BOX`), its bullets: the block of lines that follows it
    with no blank line between them (consecutive input lines), a restatement of the story, not its body."""
    for i, line in enumerate(lines):
        if not SUMMARY_BOX.match(line.text):
            continue
        block = [i + 1] if i + 1 < len(lines) else []
        while block and block[-1] + 1 < len(lines) and lines[block[-1] + 1].number == lines[block[-1]].number + 1:
            block.append(block[-1] + 1)
        if not block or len(block) > MAX_SUMMARY_BULLETS or any(lines[j].kind is not None for j in block):
            continue
        line.kind = "other"
        for j in block:
            lines[j].kind = "other"


def mark_repeats(lines: list[Line]) -> None:
    """A lone line that repeats an earlier line, or a part of a longer one, is a pull quote.

    Runs of repeated short lines are left alone: a page that carries a list twice (a recipe
    card, a list of features) has both in its body, and which to drop is not ours to say. A
    paragraph of prose said again word for word is another matter: pages carry the article a
    second time (a print view, a hidden copy the extractor took along), and the first copy stays.
    A question said three times or more is an interview's question put to each guest in turn (aeb
    tune 3c6d33), body: a pull quote is said twice.
    """
    seen: set[str] = set()
    keys = [line.key for line in lines]
    asked = Counter(key for key, line in zip(keys, lines, strict=True) if key and line.text.rstrip().endswith("?"))
    prose = word_index([k for k, line in zip(keys, lines, strict=True) if line.prose])
    repeat = [False] * len(lines)
    copies: list[int] = []  # prose paragraphs said word for word before: a page's hidden second copy
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if line.kind is not None or not key or line.words < MIN_REPEAT_WORDS or asked[key] >= MIN_CHROME_REPEATS:
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


MIN_PULL_QUOTE_WORDS = 10  # the quote said again: long enough not to repeat by chance
MAX_ATTRIBUTION_WORDS = 14  # "Richard Painter, chief White House ethics adviser under President George W. Bush"
MIN_ATTRIBUTION_CAPITALISED = 0.5  # a name and title; "attorney" may follow a name
_QUOTE_OR_DASH = re.compile(r"[\"“”«»]|\s[—–-]\s|^[—–-]")
_SAYING = re.compile(r"\b(said|says|told|tweeted|wrote|adds|added|asked|explained)\b", re.I)


def mark_pull_quotes(lines: list[Line], start: int, end: int) -> None:
    """A body quote said again with only its speaker's name after it ("The guy's got a big case ...
    Is the president ... or is he not? Richard Painter, chief White House ethics adviser") is a pull
    quote: the article quoted it above, the box repeats it (Multi-News ta227 d0, ta039 d2, ta103 d4,
    ta108 d1). A quote set above the article's first telling of it is an epigraph, which the aeb
    bodies keep (tune 851498: in quotation marks, "— Name" after it); the BBC's box, its speaker
    run on with no mark and the quote in none, stands a few paragraphs above the body's telling
    of the quote (seventh fresh sample ta131 d0): that one is a pull quote too."""
    for i in range(start + 1, end):
        line = lines[i]
        text = line.text.rstrip()
        if line.kind is not None or line.words < MIN_PULL_QUOTE_WORDS + 1 or text.endswith(TERMINAL):
            continue
        raw = text.split()
        above: list[str] | None = None  # the body's keys around the line, made when first needed
        unmarked = not _QUOTE_OR_DASH.search(text)
        for tail in range(1, min(MAX_ATTRIBUTION_WORDS, len(raw) - 1) + 1):
            quote = line_key(" ".join(raw[:-tail]))
            if len(quote.split()) < MIN_PULL_QUOTE_WORDS:
                break
            attribution = " ".join(raw[-tail:])
            if _SAYING.search(attribution) or capitalised_share(attribution) < MIN_ATTRIBUTION_CAPITALISED:
                continue
            # The body may break the quote with its speaker ("'...,' said Painter, now ... 'He's ...'"):
            # its opening and its close, each found in the body above, tell it.
            words = quote.split()
            opening, close = (f" {' '.join(part)} " for part in (words[:MIN_PULL_QUOTE_WORDS],
                                                               words[-MIN_PULL_QUOTE_WORDS:]))
            if above is None:
                above = [f" {other.key} " for other in lines[start:i] if other.kind is None]
                if unmarked:
                    above += [f" {other.key} " for other in lines[i + 1:end] if other.kind is None]
            if any(opening in key for key in above) and any(close in key for key in above):
                line.kind = "duplicate"
                break


def mark_shared(lines: list[Line], shared: frozenset[str]) -> None:
    """Lines other articles of the story carry too are boilerplate unless they read as prose.

    Wire copy repeats whole body paragraphs across outlets; those are sentences and stay. Menus,
    section labels and sign-offs repeat too, and they are short and unpunctuated.
    """
    if not shared:
        return
    for line in lines:
        if line.kind is None and not line.prose and line.words <= SHARED_MAX_WORDS \
                and not sentence_like(line) and line.key in shared:
            line.kind = "other"


def mark_inside(lines: list[Line], start: int, end: int) -> None:
    """Inside the body only recognisable noise goes: video titles, tweet texts, teaser blocks."""
    teaser: str | bool = False
    separator = ""  # in a block of cards (teaser == "cards"): the share bar each card stands under
    tail_box = False  # the teaser header stands in the text's last part (`TAIL_TEASER_SHARE`)
    pairs = 0  # headline-and-summary teasers seen under it
    copies = Counter(line.key for line in lines[start:end])
    words_after = [0] * (end + 1)  # body words from each line to the region's end
    for i in range(end - 1, start - 1, -1):
        words_after[i] = words_after[i + 1] + lines[i].words
    for i in range(start, end):
        line = lines[i]
        if line.kind is None and i > start and VIDEO_MARKER.match(lines[i - 1].text) and not line.prose:
            line.kind = "video"  # the video's title under "Click to play video"
        if line.kind is None and NAME_CREDIT.match(line.text):
            line.kind = "caption"  # a photo's credit
        if BIO_HEADER.match(line.text) and i + 1 < end and lines[i + 1].kind is None:
            line.kind = lines[i + 1].kind = "credit"
            if words_after[i] <= TAIL_TEASER_SHARE * words_after[start]:
                # In the text's last part the header opens a press release's closing "About" section:
                # the firm, its counsel, its contacts, paragraph after paragraph to the end (Multi-News
                # fifth sample ta142 d1). Before it, the header is a box inside the article: one paragraph.
                for below in lines[i + 2:end]:
                    below.kind = below.kind or "credit"
            continue
        if TAGS_LABEL.match(line.text) and i + 1 < end and lines[i + 1].kind is None \
                and not lines[i + 1].text.rstrip().endswith((".", "!", "?")):
            lines[i + 1].kind = "navigation"  # the tags under their label: a sentence there is body
        opening = _topic_widget_opening(lines, start, i)
        if opening is not None:
            # "<Topic> More", the topic's headlines, "More in <Topic>" (CBS News, aeb tune 7a664e): the
            # widget is closed, and what follows is the body again.
            for widget_line in lines[opening:i + 1]:
                widget_line.kind = "related"
            teaser = False
            continue
        if TEASER_HEADER.match(line.text) and not line.prose:
            # In the last part of the text a teaser header followed at once by prose opens the
            # related-story block that ends the page, teasers with summaries; elsewhere, or once
            # short teaser headlines came first, the next prose is the body resuming.
            teaser = "tail" if words_after[i] <= TAIL_TEASER_SHARE * words_after[start] else "block"
            tail_box, pairs = teaser == "tail", 0
            line.kind = "related"
            if i + 1 < end and lines[i + 1].key and copies[lines[i + 1].key] >= MIN_CHROME_REPEATS:
                # Each teaser a whole paragraph under the same share bar (aeb tune b3c19dd): the cards
                # go on as long as the bar comes back, however many words they hold.
                teaser, separator = "cards", lines[i + 1].key
            continue
        if teaser == "cards":
            if line.key == separator or lines[i - 1].key == separator:
                line.kind = line.kind or "related"
                continue
            teaser = False
        if teaser:
            if line.prose and teaser == "block" and not _quoted_headline(line):
                if tail_box and _summary_of_pair(lines, i, end, pairs):
                    line.kind, pairs = "related", pairs + 1
                    continue
                teaser = False
            elif line.kind is None:
                line.kind = "related"
                if not line.prose:
                    teaser = "block"


_MORE_IN = re.compile(r"^more in (.{3,60})$", re.I)
MAX_TOPIC_WIDGET_LINES = 12  # the widget's headlines between its two labels: CBS shows five


def _topic_widget_opening(lines: list[Line], start: int, i: int) -> int | None:
    """Where a topic widget closed by line `i` ("More in <Topic>") opens ("<Topic> More"), if it does."""
    found = _MORE_IN.match(lines[i].text.strip())
    if not found:
        return None
    label = f"{found.group(1)} more".lower()
    for j in range(i - 1, max(start, i - MAX_TOPIC_WIDGET_LINES) - 1, -1):
        if lines[j].text.strip().lower() == label:
            return j
    return None


def _summary_of_pair(lines: list[Line], i: int, end: int, pairs: int) -> bool:
    """Under a teaser header near the end, whether the prose line `i` is a teaser's summary: other
    stories as a headline, then a sentence, then the next headline (aeb tune d90bda: "Top stories",
    four such pairs). One headline and then prose is the body resuming, and so is prose that goes
    on with prose; the last summary of a run of pairs ends the region or meets a non-prose line."""
    above = lines[i - 1]
    if above.prose or above.kind != "related":
        return False
    if pairs and (i + 1 == end or not lines[i + 1].prose):
        return True
    return i + 2 < end and not lines[i + 1].prose and is_headline(lines[i + 1].text) and lines[i + 2].prose


def _quoted_headline(line: Line) -> bool:
    """A headline that ends on a quotation ("Mayor 'gave away keys to the depot'"): it reads as
    prose by its closing mark, but a sentence closes its quotation with a full stop or a pause
    ("... 'within a decade'." or "... 'no,' he said"), and a headline does not (aeb tune 8b1945)."""
    text = line.text.rstrip()
    return text.endswith(("'", "’", '"', "”")) and is_headline(text) and not text.rstrip("'’\"” ").endswith(("?", "!"))


def mark_chrome_repeats(lines: list[Line], start: int, end: int) -> None:
    """A short headline-like line said three times or more is page chrome (a teaser repeated in
    every block of a related-stories widget), every copy of it. A repeated line that ends like a
    sentence or a question (an interview asks each guest the same), or holds a colon ("TRUMP:",
    "See it now: Amazon" under each product of a deals list), is body and stays."""
    counts = Counter(line.key for line in lines if not line.prose and line.words >= MIN_CHROME_WORDS
                     and ":" not in line.text and not line.text.rstrip().endswith(TERMINAL))
    # Only inside the body: the region was found without it, and outside the body the line goes anyway.
    for line in lines[start:end]:
        if line.kind is None and counts.get(line.key, 0) >= MIN_CHROME_REPEATS:
            line.kind = "duplicate"


# A paragraph reports what someone said; a caption describes the picture (none of the aeb tune
# captions above a lone credit does).
_REPORTED = re.compile(r"\b(said|says|told|according to)\b|[\"“”]")
_CAPITAL_CLICK = re.compile(r"\bCLICK(ING)? HERE\b")


def mark_capital_links(lines: list[Line], start: int, end: int) -> None:
    """On a page that writes its links in capitals ("CLICK HERE TO GET THE FOX NEWS APP"), a
    headline in capitals between the body's paragraphs is a link to another story, not a
    subhead (aeb tune 513745, 7dfc3e, eb62ac). Elsewhere capitals are subheads and stay."""
    if not any(_CAPITAL_CLICK.search(line.text) and is_capitals(line.text) for line in lines):
        return
    for line in lines[start:end]:
        if line.kind is None and is_capitals(line.text) and line.words >= MIN_CAPITAL_LINK_WORDS \
                and not line.text.rstrip().endswith((".", "!", "?")):
            line.kind = "related"


def mark_captions_above_credits(lines: list[Line]) -> None:
    """A short line right above a photo credit alone on its line is that photo's caption.

    A caption goes with an article: on a page whose only prose is that line (a headline run into a
    one-sentence lead, then the photo's credit: val_stream ta041-1) the line is the article."""
    if sum(1 for line in lines if line.kind is None and line.prose) < 2:
        return
    for above, line in zip(lines, lines[1:], strict=False):
        # A caption is a sentence; a subhead above a photo's credit ("Netflix Live", Multi-News
        # ta088 d3) is not.
        if line.kind == "caption" and above.kind is None and above.words <= MAX_CAPTION_WORDS \
                and above.text.rstrip().endswith(TERMINAL) and not _REPORTED.search(above.text) \
                and _is_credit(line.text):
            above.kind = "caption"
    # The credit may stand above its caption instead, the byline under it (NJ.com, aeb tune 3f65af): a
    # short sentence between a lone photo credit and the byline describes the picture.
    for above, line, below in zip(lines, lines[1:], lines[2:], strict=False):
        if line.kind is None and above.kind == "caption" and below.kind == "credit" \
                and line.words <= MAX_CAPTION_WORDS and line.text.rstrip().endswith(TERMINAL) \
                and not _REPORTED.search(line.text) and _is_credit(above.text):
            line.kind = "caption"


_READ_MORE = re.compile(r"^\W*read more\W*$", re.I)
MIN_CUT_SUMMARY_WORDS = 8  # a teaser's summary cut off mid-sentence is a line of prose long


def mark_teaser_cards(lines: list[Line]) -> None:
    """Another story's card between the body's paragraphs (Gizmodo, aeb tune 7bb1ca): its headline, its
    summary cut off mid-sentence ("... and have even died due to"), then "Read more" alone. A finished
    paragraph above "Read more" is the body's own and stays."""
    for i in range(2, len(lines)):
        if lines[i].kind != "related" or not _READ_MORE.match(lines[i].text):
            continue
        summary, headline = lines[i - 1], lines[i - 2]
        if summary.kind is None and summary.words >= MIN_CUT_SUMMARY_WORDS \
                and not summary.text.rstrip().endswith(TERMINAL) and summary.text.rstrip()[-1:].isalpha():
            summary.kind = "related"
            if headline.kind is None and is_headline(headline.text) and not headline.text.rstrip().endswith("."):
                headline.kind = "related"


def _is_credit(text: str) -> bool:
    """A photo credit alone (`CREDIT_LINE`): after "Photo:" a name or an agency, not a caption
    ("Photo: A crane lifts the carriage back onto the rails")."""
    if not CREDIT_LINE.match(text):
        return False
    named = text.split(":", 1)[1] if ":" in text else text
    words = len(named.split())
    return words <= MAX_CREDIT_WORDS and (words <= 2 or capitalised_share(named) >= MIN_CREDIT_CAPITALISED)


def mark_standfirst(lines: list[Line], start: int, end: int, has_title: bool) -> None:
    """Under a known headline, a long first line that does not end like a sentence, with prose
    after it, is the standfirst (the dek): a second headline, not the article's first paragraph."""
    if not has_title or end - start < 2:
        return
    first, following = lines[start], lines[start + 1]
    # A colon marks a label line ("Tested by: ... Price: ..."), facts the article keeps.
    if first.kind is None and first.words >= MIN_STANDFIRST_WORDS and is_headline(first.text) and ":" not in first.text \
            and not first.text.rstrip().endswith(TERMINAL) and following.kind is None and following.prose:
        first.kind = "other"


def mark_closing_list(lines: list[Line], end: int) -> None:
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

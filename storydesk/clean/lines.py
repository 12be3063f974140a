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

The pieces: a line's form in `form.py`, the region and what lies outside it in `region.py`, the
noise its neighbours give away in `marks.py`, word-run lookups in `index.py`; the order they
run in is `classify` here.
"""

from __future__ import annotations

from storydesk.clean.form import Line, prose_like
from storydesk.clean.marks import (
    mark_capital_links,
    mark_captions_above_credits,
    mark_chrome_repeats,
    mark_closing_list,
    mark_inside,
    mark_playlists,
    mark_posts,
    mark_pull_quotes,
    mark_repeats,
    mark_shared,
    mark_standfirst,
    mark_summary_box,
    mark_teaser_cards,
)
from storydesk.clean.region import (
    body_region,
    closing_sentences,
    lead_above,
    mark_outside,
    mark_title,
    mark_title_echo,
    ranked_rows,
)
from storydesk.clean.rules import match_rule

FALLBACK_MIN_WORDS = 50  # prose kept when cleaning found no body: at least MIN_BODY_SCORE's worth


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
    mark_posts(lines)
    mark_summary_box(lines)
    listed = mark_playlists(lines)
    mark_repeats(lines)
    mark_shared(lines, shared)
    start, end = body_region(lines, listed, ranked_rows(lines)) if find_region else (0, len(lines))
    if find_region:
        start = lead_above(lines, start)
        end = closing_sentences(lines, start, end)
    mark_inside(lines, start, end)
    mark_chrome_repeats(lines, start, end)
    mark_pull_quotes(lines, start, end)
    mark_capital_links(lines, start, end)
    mark_captions_above_credits(lines)
    mark_teaser_cards(lines)
    mark_standfirst(lines, start, end, has_title)
    mark_closing_list(lines, end)
    mark_outside(lines, start, end)
    mark_title(lines, start, has_title)
    mark_title_echo(lines, start, end)


def keep_prose(lines: list[Line]) -> int:
    """When classifying left no body at all: keep the lines that still read as prose; how many.

    Only lines removed for where they stand (navigation, related, comment) come back, never
    one a noise pattern named; and only when they add up to an article's worth of words.
    """
    prose = [line for line in lines if line.kind in _POSITIONAL_KINDS and prose_like(line)]
    if sum(line.words for line in prose) < FALLBACK_MIN_WORDS:
        return 0
    for line in prose:
        line.kind = None
    return len(prose)


_POSITIONAL_KINDS = frozenset({"navigation", "related", "comment", "title"})

"""Pages that are not news articles: error pages, robot checks, sign-up and consent walls,
web-archive crawl notices, JavaScript notices, photo galleries, video pages (a YouTube description) and
lists of other stories' teasers.

A scraper saves such a page in place of the article it asked for (Multi-News has dozens). Their
lines read like prose ("Sorry, the page you requested could not be found."), so the line
cleaner keeps them; here the page as a whole is named, so it is left out with its reason.

A notice is looked for only in a short page: in the kept body when that body is short, or
anywhere when the body is nearly empty. A real article that mentions a 404 or cookies is long,
or says so in a sentence that does not start like the notice does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydesk.model import Removed

# Body length (words) up to which a notice in the body makes the page a notice. Chosen on the
# Multi-News pages read by hand: the notice pages keep under 120 words, the shortest real
# articles that quote such phrases are longer or phrase them differently.
NOTICE_BODY_MAX_WORDS = 150
# Body length up to which a notice among the removed lines also counts (a consent wall whose
# own lines the cleaner removed, leaving a sentence or two).
NEARLY_EMPTY_WORDS = 40
MIN_GALLERY_CAPTIONS = 3  # three captions and no story: a gallery, not an article with photos
QUOTE_CHARS = 80  # the notice quoted in the reason is clipped to this

_START = r"^\W*(?:(?:sorry|oops|uh[ -]oh|error|whoops)\b\W*)?"
NOTICES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("an error page", _START + r"(404\b|page not found|(the )?page (you (requested|are looking for|were looking for|"
                      r"tried to reach) )?(could not|cannot|can't|couldn't|can not) be found|we (can't|cannot|couldn't) "
                      r"find (the|that|this) page|this (page|feature|content|video) is (not|no longer) available|"
                      r"(this|the) (page|article|story) (has been|was) (removed|deleted)|something went wrong|"
                      r"an error (has )?occurred|your custom domain mapping|access denied|403 forbidden)"),
    ("a verification page (a robot check)", _START + r"(please )?(verify (that )?you('re| are) (not a robot|(a )?human)|"
                                            r"are you a robot|checking (if the site connection is secure|your browser)|"
                                            r"our systems have detected unusual traffic|press (&|and) hold)"),
    ("a JavaScript notice", _START + r"(javascript is (disabled|required|not (enabled|available))|"
                            r"(you need to |please )?(enable|turn on) javascript|this (site|page) requires javascript)"),
    ("a sign-up or registration page", r"(^\W*thank(s| you) for (registering|signing up|subscribing)|"
                                       r"\bwe have sent (you )?a confirmation e-?mail|\bactivate your account\b|"
                                       r"\bjoin our mailing list\b|^\W*you must confirm your (signature|e-?mail)|"
                                       r"^\W*(please )?(log|sign) ?in to (continue|read|view))"),
    ("a consent or privacy notice", _START + r"(we value your privacy|we and our (\d+ )?partners (use|store)|"
                                    r"(we|this site) uses? cookies|your privacy choices|manage (your )?consent|"
                                    r"(when you )?tweet with a location|you can add location information to your tweets)"),
    ("a web-archive crawl notice", r"(\balexa internet has been donating their crawl data|"
                                   r"^these crawls are part of an effort to archive|^this crawl was run at a level|"
                                   r"\bthe warc files associated with this crawl|^crawl of outlinks from|"
                                   r"\bweb collections curated by\b|^\W*slash pages from every domain on the web|"
                                   r"^this collection contains .{0,80}\bcrawls? performed by|"
                                   r"^web[- ]?wide crawl with\b|^crawl (start|end) date:)"),
))
# A crawl's description runs longer than other notices (Multi-News ta099 d0, 306 words: what is in
# the data set, how it was crawled); its opening paragraphs say what it is.
CRAWL_NOTICE_MAX_WORDS = 800
CRAWL_NOTICE_OPENING_PARAGRAPHS = 3
_CRAWL = "a web-archive crawl notice"
_CRAWL_NOTICE = dict(NOTICES)[_CRAWL]


# YouTube's header over a video's description, as the first line of a saved page: "Published on May 3,
# 2015" (Multi-News ta063 d2, ta088 d6, ta092 d2, ta137 d2; the fresh samples count such a page as no
# article). The month in three letters without a full stop is YouTube's; a site's dateline writes it out.
MAX_DESCRIPTION_CHARS = 5000  # YouTube's limit on a description: a longer body is something else
VIDEO_PAGE_HEADER = re.compile(r"^(published|uploaded|streamed live) on (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) "
                               r"\d{1,2}, \d{4}$", re.I)


# A listing of other stories' teasers, each cut off with " ..." (ScienceDaily, sixth fresh sample ta089
# d1: 78 of its 88 lines), saved in place of an article. Over Multi-News val and the aeb pages no other
# page has over 8% of its lines cut off so (ta144 d1: 4 of 48); written from that sample page alone.
TEASER_LIST_SHARE = 0.6
MIN_TEASER_LINES = 10
_CUT_OFF = re.compile(r"\s(\.\.\.|…)$")


def not_an_article(body: Sequence[str], removed: Sequence[Removed], first_line: str | None = None) -> str | None:
    """Why a cleaned page is not a news article ("an error page: 'Sorry, ...'"), or None.

    `body` holds the kept paragraphs, `removed` what the cleaner took out, `first_line` the
    page's first line.
    """
    if first_line is not None and VIDEO_PAGE_HEADER.match(first_line.strip()) \
            and sum(len(p) for p in body) <= MAX_DESCRIPTION_CHARS:
        return f"a video page's description: {_clip(first_line.strip())!r}"
    page_lines = [text.strip() for text in [*body, *(r.text for r in removed)] if text.strip()]
    cut_off = [text for text in page_lines if _CUT_OFF.search(text)]
    if len(cut_off) >= MIN_TEASER_LINES and len(cut_off) >= TEASER_LIST_SHARE * len(page_lines):
        return f"a list of story teasers ({len(cut_off)} of {len(page_lines)} lines cut off): {_clip(cut_off[0])!r}"
    words = sum(len(p.split()) for p in body)
    if words > NOTICE_BODY_MAX_WORDS:
        openings = [first_line or "", *body[:CRAWL_NOTICE_OPENING_PARAGRAPHS]]
        opening = next((p for p in openings if _CRAWL_NOTICE.search(p.strip())), None)
        return f"{_CRAWL}: {_clip(opening)!r}" if opening and words <= CRAWL_NOTICE_MAX_WORDS else None
    candidates = list(body) + ([r.text for r in removed] if words <= NEARLY_EMPTY_WORDS else [])
    for name, pattern in NOTICES:
        for text in candidates:
            if pattern.search(text):
                return f"{name}: {_clip(text)!r}"
    captions = [r.text for r in removed if r.kind == "caption"]
    if len(captions) >= MIN_GALLERY_CAPTIONS and words <= NEARLY_EMPTY_WORDS:
        return f"a photo gallery ({len(captions)} captions and no story): {_clip(captions[0])!r}"
    return None


def _clip(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…"

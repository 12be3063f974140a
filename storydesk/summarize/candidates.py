"""Which sentences may enter a summary, and the light compression that is always safe.

A summary sentence must read on its own: no bylines, captions, link labels or sign-up prompts the
clean stage let through, no headings, no half of a quotation split across two sentences. The one
compression applied is cutting a leading dateline ("WASHINGTON (AP) — "): it names where the
copy was filed, not what happened, and what remains is still an exact slice of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydesk.clean.rules import match_rule
from storydesk.lexicon import REPORTING_PATTERN
from storydesk.model import Article, Sentence, Span
from storydesk.summarize.standalone import (
    definite_subject,
    dependence,
    first_names_alone,
    full_names,
    in_writers_voice,
    leans_on_previous,
    names_its_time,
    one_name_speakers,
    opens_another_time,
    surnames_alone,
    words_said,
)
from storydesk.summarize.text import content_terms, word_count

# Shorter sentences are headings, labels or fragments ("Long Story Short", "Why is this
# important?"); 6 words keeps "None of the injuries was considered life-threatening."
MIN_WORDS = 6
# Longer "sentences" are run-together lists, tag clouds or missing boundaries in scraped text
# ("...for Ebola.The CDC says..."): 21 of the 4,175 sentences of the first 50 Multi-News clusters.
MAX_WORDS = 70
# Content words a sentence needs to say something checkable.
MIN_CONTENT_TERMS = 4

# "WASHINGTON (AP) — ", "PORT AVERLY (Meridian Press) — ", "LONDON, March 3 (Reuters) - ",
# "(CNN) — ", "(CNN)", "Washington (CNN)": an upper-case place, optionally a date and an agency in
# brackets, then a dash (a plain hyphen only after the agency: "U.S. - China talks" is a sentence).
# A state or country after the place: ", Puerto Rico", ", N.M.".
_STATE = r"(?:,\s+(?:(?:[A-Z]\.){2,3}|[A-Z][a-z.]+(?: [A-Z][a-z.]+){0,2}))?"
_PLACE = (r"[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4}"  # SAN JUAN
          + _STATE
          + r"(?:,?\s+[A-Z][a-z]{2,8}\.? \d{1,2})?")  # , March 3
DATELINE = re.compile(
    rf"^(?:{_PLACE}\s*(?:\([^()]{{1,40}}\)\s*[—–-]{{1,2}}|[—–]{{1,2}}|--)\s*"
    r"|\((?:CNN|AP|Reuters|AFP|NBC|CBS|ABC)[^()]{0,20}\)\s*(?:[—–-]{1,2}\s*)?"
    # A wire's name alone in brackets before a dash: "(HealthDay News) -- ".
    r"|\([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}\)\s*[—–-]{1,2}\s*"
    # A place in capitals run into the sentence, the dash lost in scraping: "PARIS An Algerian
    # man..." (only before an article, so "NASA Administrator Bill Nelson" keeps its name).
    r"|(?-i:[A-Z]{4,}(?: [A-Z]{2,}){0,2}) (?=(?:The|An?) )"
    # CNN's "Washington (CNN) Vermont Sen. ...": a place in capitalised words, the agency alone in
    # brackets, no dash.
    r"|[A-Z][a-z]+(?:,? [A-Z][a-z]+){0,3} \((?:CNN|AP|Reuters|AFP)\)\s*"
    # A place in capitals (a word of four or more), then an outlet of one to three capitalised words in
    # brackets and no dash: "FORT WAYNE, Ind. (WANE) The mother..." (real held-out ta052); "UN (United
    # Nations) officials" and "NATO (North Atlantic Treaty Organization) Secretary..." keep theirs.
    r"|[A-Z][A-Z.'’-]{3,}(?: [A-Z][A-Z.'’-]*){0,4}" + _STATE +
    r" ?\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}\)\s*"
    # A place in capitals (a word of four or more letters, no full stops: "U.S. - China talks" is a
    # sentence) and a spaced single hyphen: "TORONTO - For more than a decade ..." (ta125).
    r"|(?-i:[A-Z]{4,}(?: [A-Z]{2,}){0,2})" + _STATE + r" - )"
    # A label in capitals and a colon: a transcript's speaker ("MARTIN: ", "GEORGE STEPHANOPOULOS: "),
    # a section's label ("USING SMARTPHONES FOR PLANNING: ") or a dateline ("NEW DELHI: "). It says
    # who speaks or what the section is about, not what happened; what follows must read alone.
    r"|(?-i:[A-Z][A-Z.'’&-]*(?: [A-Z][A-Z.'’&-]*){0,5}):\s+"
)
# Leftovers that read as page furniture wherever they sit in a sentence.
BOILERPLATE = re.compile(
    r"\b(click here|read more|sign up|subscribe|newsletter|all rights reserved|copyright|cookies?|"
    r"javascript|your browser|follow (us|him|her|me)\b|contributed to this report|reporting by|"
    r"editing by|image copyright|image caption|pic\.twitter|tweet with a location|"
    r"terms of (use|service)|privacy policy|this (story|article) (has been|was) (updated|corrected)|"
    r"mailing list|contact details|e-?mail address|your inbox|(in|fill out) the form below|"
    r"in the comments|send us your|(join|like) us on|our gallery|newsfeed)\b"
    r"|https?://|www\.|\S+@\S+\.\w+|©",
    re.I,
)
# Page chrome run into a sentence's start ("Updated | When...", "Image The White House...",
# "Skip in Skip x Embed x Share The...") and caption openings ("A photo from the excavation").
LEADING_CHROME = re.compile(
    r"^(updated\s*\||image\s+(?-i:[A-Z])|credit:|photo:|skip in\b|(a|this) (photo|picture|image)s? "
    r"(from|taken|provided|shows)\b)",
    re.I,
)
# A quotation given to a bare pronoun ('..., he said.'): out of its article nobody can tell who
# spoke, and the summary must not leave the reader guessing (the quotes section names them).
PRONOUN_SPEAKER = re.compile(rf"[\"”’'],?\s+(?:he|she|they)\s+(?:told\b.*|(?:{REPORTING_PATTERN})\b)\W*$", re.I)
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")")
_QUOTES = re.compile(r'["“”]')
# A straight quotation mark is ambiguous: it opens a quote that runs on only if the sentence
# ends inside it (no mark after the last full stop).
_QUOTE_RUNS_ON = (".", "!", "?")
# An article's opening sentences that say which day its story is on (for `opens_another_time`).
LEAD_FOR_TIME = 2
# A video's running time in brackets ("(3:31)"): it closes the caption of a video player, so the
# sentence before it in its paragraph describes the clip ("Analyst X details the video..."), not the news.
RUNNING_TIME = re.compile(r"^\(\d{1,2}:\d{2}(?::\d{2})?\)$")
# From this sentence of an article on, an opening "The <noun>" whose noun the article used before
# points back at it ("The team dug a small trench across the mound", real pairs2 ta002); before it,
# at the article's opening, it is mostly the headline's own news (the bundled example's lead "The
# fire started shortly after 2 a.m. ..."). Three, as the lead's openings (lead.PLACE_WEIGHTS).
THING_AFTER = 3
# Quotations split into more sentences than this are left out rather than quoted at length.
MAX_QUOTE_SENTENCES = 3


@dataclass(frozen=True)
class Candidate:
    """A sentence that may be quoted in the summary, trimmed of its dateline."""

    sentence: Sentence
    text: str  # article.text[start:end]
    start: int
    end: int
    terms: tuple[str, ...]
    article_rank: int  # order of its article (earliest published first)
    article_sentences: int  # how many sentences its article has
    # A sentence that reads on its own only right after the article's sentence before it ("He
    # added that..."): the index of the candidate sentence it follows. It may enter the summary
    # only with that one, placed just after it.
    follows: int | None = None
    # Last names of people its article introduced earlier by full name and it names alone
    # ("Al-Rahabi landed..."): the summary must have named them before it.
    needs_names: frozenset[str] = frozenset()
    # In a paragraph written in the writer's first or second person (a letter, blog post, column):
    # the writer's view, not a report. It still tells the lead what its outlet leads with, but is
    # not quoted as a statement of the news (its article's opening, a review's verdict, may be).
    voiced: bool = False
    # The thing an opening "The <noun>" points back at, its article having introduced it before
    # ("The team dug a small trench across the mound"): the summary must mention one before it.
    # Not counted in `leans`: the lead's vote and the place weights read these sentences as before.
    needs_things: frozenset[str] = frozenset()

    @property
    def leans(self) -> bool:
        """Whether it reads on its own only after another sentence or once someone is named."""
        return self.follows is not None or bool(self.needs_names)

    @property
    def span(self) -> Span:
        return Span(self.sentence.article, self.start, self.end)

    @property
    def article(self) -> str:
        return self.sentence.article


def strip_dateline(text: str) -> int:
    """How many leading characters are a dateline (0 when there is none)."""
    match = DATELINE.match(text)
    if not match:
        return 0
    rest = text[match.end():]
    # Only a dateline if a sentence follows it ("U.S. - China talks" is not one).
    return match.end() if rest[:1].isupper() or rest[:1] in "\"“" else 0


def rejection(text: str) -> str | None:
    """Why a sentence cannot stand in a summary, or None when it can."""
    reason = _form_rejection(text)
    if reason:
        return reason
    if PRONOUN_SPEAKER.search(text):
        return "quotes a speaker it names only as a pronoun"
    return dependence(text)


def needs_previous(text: str) -> bool:
    """Whether `text` is a sentence in form and fails to stand alone only for leaning on the
    sentence before it (`standalone.leans_on_previous`)."""
    return _form_rejection(text) is None and leans_on_previous(text)


def _form_rejection(text: str) -> str | None:
    """Why `text` is no summary sentence in form (length, ending, furniture, a split quote)."""
    n = word_count(text)
    if n < MIN_WORDS:
        return "too short"
    if n > MAX_WORDS:
        return "too long"
    if not text.rstrip().endswith(_TERMINAL):
        return "not a sentence (heading, caption or label)"
    if not (text[:1].isupper() or text[:1] in "\"“‘'(0123456789"):
        return "starts mid-sentence"
    if match_rule(text) or BOILERPLATE.search(text) or LEADING_CHROME.match(text):
        return "boilerplate"
    if _unbalanced_quote(text):
        return "part of a quotation split across sentences"
    if len(content_terms(text)) < MIN_CONTENT_TERMS and not PRONOUN_SPEAKER.search(text):
        return "says too little"
    return None


def _unbalanced_quote(text: str) -> bool:
    straight = text.count('"')
    if straight % 2:
        return True
    return text.count("“") != text.count("”")


def find_candidates(articles: list[Article], sentences: list[Sentence]) -> list[Candidate]:
    """The sentences fit for a summary, datelines cut, with their article's rank and length.

    A quotation the splitter cut into several sentences is one candidate: its sentences joined
    from the one that opens the quote to the one that closes it (up to `MAX_QUOTE_SENTENCES`).
    """
    order = sorted(range(len(articles)), key=lambda i: (_published_key(articles[i]), i))
    rank = {articles[i].id: r for r, i in enumerate(order)}
    texts = {a.id: a.text for a in articles}
    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        if s.article in texts:
            by_article.setdefault(s.article, []).append(s)
    out = []
    for article_id, own in by_article.items():
        seen: set[str] = set()
        previous: Candidate | None = None  # the candidate ending where this sentence starts, if any
        lead = " ".join(s.text for s in own[:LEAD_FOR_TIME])
        elsewhen = False  # inside a paragraph that opened on another day or event
        introduced: dict[str, str] = {}  # last name -> first name, of the people named so far
        met: dict[str, str] = {}  # first name -> last name, of the same people
        voiced = _paragraphs_in_writers_voice(own, texts[article_id])
        quoting = False  # inside a quotation opened by an earlier sentence of the paragraph
        earlier_words: set[str] = set()  # every word of the article's sentences so far
        for i, s in enumerate(own):
            if i:
                earlier_words |= words_said(own[i - 1].text)
            needs_names = surnames_alone(s.text, introduced) | first_names_alone(s.text, met)
            for last, first in full_names(s.text).items():
                introduced.setdefault(last, first)
                met.setdefault(first, last)
            if i == 0 or s.paragraph != own[i - 1].paragraph:
                elsewhen = i > 0 and opens_another_time(s.text, lead)
                opens_paragraph, quoting = True, False
            else:
                opens_paragraph = False
            inside_quote, quoting = quoting, _still_quoting(quoting, s.text)
            if _captions_a_video(own, i):
                previous = None
                continue
            if inside_quote:
                # Someone's words in the middle of a long quotation: who said them comes later,
                # if at all ('...They blur reality and fiction quite often. ...” — Damian Lewis').
                previous = None
                continue
            start = s.start + strip_dateline(s.text)
            end = _quote_end(own, i) if _unbalanced_quote(s.text) and _opens_quote(s.text) else s.end
            text = texts[article_id][start:end]
            follows = None
            if text in seen:  # an article repeating itself counts once
                continue
            joined = previous is not None and previous.end == own[i - 1].end
            if rejection(text):
                speakers = one_name_speakers(text) if _form_rejection(text) is None else frozenset()
                if speakers:  # '..." said Vecchio.' reads on its own once the summary has named Vecchio
                    needs_names |= speakers
                elif not joined or not needs_previous(text):
                    continue
                else:
                    follows = previous.sentence.index
            elif elsewhen and not opens_paragraph and not names_its_time(text):
                # "Dozens of officers were hurt." after "On Saturday, protesters...": only with that.
                if not joined:
                    continue
                follows = previous.sentence.index
            # An opening's "the X" is mostly the headline's thing, the news itself ("The fire started
            # shortly after 2 a.m. on Friday in a storage building on Northgate Dock").
            thing = definite_subject(text) if i >= THING_AFTER else None
            seen.add(text)
            previous = Candidate(s, text, start, end, content_terms(text), rank[article_id], len(own), follows,
                                 needs_names, voiced=s.paragraph in voiced and i > 0,
                                 needs_things=frozenset({thing}) if thing in earlier_words else frozenset())
            out.append(previous)
    return out


def _paragraphs_in_writers_voice(own: list[Sentence], text: str) -> set[int]:
    """The paragraphs of an article (its sentences `own`) written in the first or second person
    outside quotation marks: a writer's view, not a report (`standalone.in_writers_voice`)."""
    spans: dict[int, tuple[int, int]] = {}
    for s in own:
        start, end = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(start, s.start), max(end, s.end))
    return {p for p, (start, end) in spans.items() if in_writers_voice(text[start:end])}


def _captions_a_video(own: list[Sentence], i: int) -> bool:
    """Whether the next sentence of `own[i]`'s paragraph is a running time: `own[i]` is a video's caption."""
    after = own[i + 1] if i + 1 < len(own) else None
    return after is not None and after.paragraph == own[i].paragraph and bool(RUNNING_TIME.match(after.text.strip()))


def _still_quoting(quoting: bool, text: str) -> bool:
    """Whether a quotation is open after `text`, given whether one was open before it."""
    opened = text.count("“") - text.count("”")
    if opened:
        return opened > 0
    return quoting != (text.count('"') % 2 == 1)


def _opens_quote(text: str) -> bool:
    """Whether the sentence's last quotation mark opens a quotation that runs on."""
    marks = _QUOTES.findall(text)
    if not marks:
        return False
    if marks[-1] == "“":
        return True
    return marks[-1] == '"' and text.count('"') % 2 == 1 and text.rstrip().endswith(_QUOTE_RUNS_ON)


def _quote_end(own: list[Sentence], first: int) -> int:
    """End of the sentence closing the quotation `own[first]` opens, or its own end if none does."""
    for j in range(first + 1, min(first + MAX_QUOTE_SENTENCES, len(own))):
        if own[j].paragraph != own[first].paragraph:
            break
        if _unbalanced_quote(own[j].text):
            return own[j].end
    return own[first].end


def _published_key(article: Article) -> float:
    return article.published.timestamp() if article.published else float("inf")

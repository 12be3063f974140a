"""Plain records shared by every stage.

Every span is an (article id, start, end) triple into that article's *cleaned* text, so any
output can be traced back to the exact characters it came from. Records are frozen: stages
return new records instead of changing the ones they were given. Records know nothing of their
renderings: `storydesk.render` takes a Digest (`storydesk.to_json(digest)` and friends).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, get_args

# The closed vocabularies of the digest-v1 schema's enums, as types: a checker flags a typo.
RemovedKind = Literal["caption", "video", "advert", "newsletter", "related", "comment",
                      "credit", "navigation", "social", "duplicate", "other"]
EntityType = Literal["person", "organization", "place", "event", "other"]
ConflictKind = Literal["quantity", "date", "attribution", "statement", "other"]
Severity = Literal["contradiction", "discrepancy"]  # "discrepancy": compatible values ("at least 4" vs 6)
Qualifier = Literal["=", ">=", ">", "<=", "<", "~"]
Precision = Literal["day", "month", "year"]

# The kinds of noise the clean stage may remove (the schema's `removed[].kind` enum).
REMOVED_KINDS: tuple[str, ...] = get_args(RemovedKind)


@dataclass(frozen=True)
class Span:
    """A slice of one article's cleaned text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input that did not stop the run (or did, if nothing was read)."""

    where: str  # "path" or "path:line"
    message: str
    fatal: bool = False  # True when this item could not be read at all
    article: str | None = None  # the id of the article cleaning left out, when that is the problem
    removed: tuple[Removed, ...] = ()  # ... and every line of it, with its kind: nothing lost silently

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class RawDocument:
    """One article as read from disk, before cleaning."""

    id: str
    content: str
    is_html: bool = False
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: datetime | None = None
    path: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Removed:
    """A piece of the input that cleaning took out, kept so nothing is lost silently."""

    text: str
    kind: RemovedKind
    line: int | None = None  # 1-based line of the input text, when the input was text


@dataclass(frozen=True)
class Article:
    """A cleaned article: `text` is the body every offset in a digest points into."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    published: datetime | None = None
    language: str | None = "en"
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True)
class Sentence:
    article: str
    index: int  # position within its article, 0-based
    start: int
    end: int
    text: str
    paragraph: int = 0

    @property
    def span(self) -> Span:
        return Span(self.article, self.start, self.end)


@dataclass(frozen=True)
class Passage:
    """A passage shared by two articles, with offsets in both."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class ReusePair:
    a: str
    b: str
    share_a: float  # share of a's body that b also carries
    share_b: float
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class ReuseReport:
    pairs: tuple[ReusePair, ...] = ()
    originality: dict[str, float] = field(default_factory=dict)
    # Per article: the spans found in no other article of the story (what that outlet adds).
    original_spans: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    # Groups of article ids that share copy (connected components of strong reuse), so a fact
    # carried by several of them counts as one independent source.
    copy_groups: tuple[frozenset[str], ...] = ()

    def independent_count(self, article_ids: set[str] | frozenset[str] | list[str]) -> int:
        """How many independent sources `article_ids` are once shared copy counts once."""
        ids = set(article_ids)
        count = 0
        for group in self.copy_groups:
            if ids & group:
                count += 1
                ids -= group
        return count + len(ids)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str  # the fullest form seen
    type: EntityType
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: tuple[Span, ...] = ()
    # A digest read back from JSON keeps only how many mentions there were, not their spans.
    mention_count: int | None = None

    @property
    def mention_total(self) -> int:
        return len(self.mentions) if self.mention_count is None else self.mention_count


@dataclass(frozen=True)
class QuoteMention:
    """One article's occurrence of a direct quote, with the speaker *that article* gives."""

    article: str
    text: str  # the words inside the quotation marks, as this article prints them
    span: Span  # where those words sit in the article's cleaned text
    speaker: str | None  # merged entity name, None when the article names nobody
    speaker_entity: str | None = None  # Entity.id of the speaker
    cue: str | None = None  # the reporting verb: "said", "wrote", "told reporters"
    sentence: int | None = None  # index of the sentence it starts in


@dataclass(frozen=True)
class Quote:
    """A quote merged across the articles that carry it (small wording differences allowed).

    `speaker` is the speaker most sources give; `mentions` keeps each article's own attribution,
    so an outlet that names someone else is visible (an attribution conflict, found in align).
    """

    id: str
    text: str
    speaker: str | None
    sources: tuple[str, ...]
    speaker_entity: str | None = None
    evidence: tuple[Span, ...] = ()
    variants: tuple[str, ...] = ()
    mentions: tuple[QuoteMention, ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A normalized number: "at least four rockets" -> value 4, qualifier ">=", noun "rocket"."""

    value: float
    noun: str
    qualifier: Qualifier
    text: str
    span: Span
    sentence: int | None = None  # index of the sentence it sits in
    upper: float | None = None  # for ranges and fractions written as "41 out of 120"


@dataclass(frozen=True)
class DateMention:
    """A date in the text, resolved against the article's publication date."""

    date: str  # ISO at the precision the text supports: YYYY, YYYY-MM or YYYY-MM-DD
    precision: Precision
    text: str  # the words the article used
    span: Span
    sentence: int | None = None


@dataclass(frozen=True)
class Extraction:
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()


@dataclass(frozen=True)
class Fact:
    id: str
    text: str
    sources: tuple[str, ...]
    independent_sources: int
    evidence: tuple[Span, ...] = ()
    # Why some of `sources` count as one origin ("b and c both report what WKMG reported ...").
    origin_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    value: str | float | None
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Conflict:
    id: str
    topic: str
    kind: ConflictKind
    claims: tuple[Claim, ...]
    severity: Severity = "contradiction"


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str
    sources: tuple[str, ...]
    date_text: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Alignment:
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    # Per article: ids of the facts no other article carries.
    unique_facts: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SummarySentence:
    text: str
    sources: tuple[str, ...]
    facts: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Story:
    id: str
    headline: str
    first_published: datetime | None = None
    last_published: datetime | None = None


@dataclass(frozen=True)
class Digest:
    story: Story
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...] = ()
    reuse: ReuseReport = field(default_factory=ReuseReport)
    extraction: Extraction = field(default_factory=Extraction)
    alignment: Alignment = field(default_factory=Alignment)
    summary: tuple[SummarySentence, ...] = ()
    problems: tuple[Problem, ...] = ()

"""Independent sources as an editor counts them, and why two articles count as one.

Articles are one origin when they are wire copies of each other (the reuse stage's copy groups),
when they name the same outlet as where their report comes from (a credit line "(AP) —", "The
Associated Press contributed to this report", "according to news station WKMG", "WPXI reported",
"told NewsChannel 15"), or when one rewrites the other (they share most of the facts the smaller
one carries). A fact stated as one quotation in several articles has one origin whoever relays
it: the speaker's words are one statement, not several confirmations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from storydesk.model import Article, ReuseReport

# Outlets named in relay and credit constructions: US station call signs, numbered channels, the
# agencies and networks, and names ending in a news word.
_KNOWN = (r"Associated Press|AP|Reuters|AFP|Agence France-Presse|BBC|CNN|NBC(?: News)?|CBS(?: News)?|"
          r"ABC(?: News)?|NPR|TMZ|Recode|Bloomberg|Politico|Axios")
_OUTLET = (rf"(?:{_KNOWN}|[KW][A-Z]{{2,3}}(?:-TV)?|(?:News)?[Cc]hannel \d+(?: News)?|Newscenter \d+|"
           r"(?:[A-Z][\w.&'-]+ ){0,3}(?:News|Times|Post|Press|Journal|Tribune|Herald|Gazette|Daily|Telegraph))")
_RELAYS = [re.compile(p) for p in (
    rf"\baccording to (?:news station |the station |the )?(?P<o>{_OUTLET})\b",
    rf"\b(?P<o>{_OUTLET}) (?:has |had )?(?:first )?(?:reported|reports|learned|revealed|has learned)\b",
    rf"\b(?:told|[Pp]er) (?P<o>{_OUTLET})\b",
    rf"\((?P<o>{_OUTLET})\)\s*[—–-]",
    rf"\b(?:The )?(?P<o>{_OUTLET})(?: writers?| reporters?)?(?: [A-Z][\w'-]+){{0,4}} contributed to this (?:report|story)",
    r"\b(?:the )?(?P<o>BBC|CNN|NBC|CBS|ABC|NPR)(?: News)?['’]s (?:[A-Z][\w'-]+ ){1,3}(?:reports|says|said|reported)\b",
    r"\bsays the (?P<o>BBC|CNN|NBC|CBS|ABC|NPR)(?: News)?['’]s\b",
)]
_ALIASES = {"associated press": "AP", "agence france-presse": "AFP"}
# Two articles share a rewrite's share of facts: the number of facts both carry over the facts of
# the smaller of the two. Chosen on the tune half of benchmarks/gold/align/real (bench_align.py
# --real): the rewrite there (a station relaying the Coast Guard's release, ta164) shares 0.60;
# independent reports of one event sharing 3+ facts at most 0.40 (Reuters and the BBC on one
# video, ta168).
REWRITE_SHARE = 0.45
# ... and at least this many facts: two short articles sharing two facts reach 0.50 (ta032).
REWRITE_MIN_FACTS = 3


def outlet_credits(text: str) -> dict[str, str]:
    """{outlet: the words that credit it} for every outlet the text gives as its source."""
    found: dict[str, str] = {}
    for pattern in _RELAYS:
        for m in pattern.finditer(text):
            name = re.sub(r"^(?:The|the) ", "", m.group("o")).strip()
            key = _ALIASES.get(name.lower(), re.sub(r" News$", "", name))
            found.setdefault(key, m.group(0).strip())
    return found


@dataclass
class Origins:
    """Which articles are one origin, and why (for the digest's readers)."""

    parent: dict[str, str] = field(default_factory=dict)
    reasons: dict[frozenset[str], str] = field(default_factory=dict)

    def find(self, a: str) -> str:
        while self.parent.get(a, a) != a:
            a = self.parent[a]
        return a

    def join(self, a: str, b: str, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb
            self.reasons[frozenset((a, b))] = why

    def count(self, articles: Iterable[str], one_origin: Iterable[frozenset[str]] = ()) -> int:
        """Origins among `articles`, once the groups of `one_origin` (one quotation, one
        speaker's statement in this fact) count once too."""
        roots = {a: self.find(a) for a in articles}
        parent = {r: r for r in roots.values()}

        def top(r: str) -> str:
            while parent[r] != r:
                r = parent[r]
            return r

        for group in one_origin:
            tops = sorted({top(roots[a]) for a in group if a in roots})
            for r in tops[1:]:
                parent[r] = tops[0]
        return len({top(r) for r in parent})

    def notes(self, articles: Iterable[str]) -> tuple[str, ...]:
        ids = set(articles)
        return tuple(why for pair, why in self.reasons.items() if pair <= ids)


def article_origins(articles: list[Article], reuse: ReuseReport, shared_facts: dict[frozenset[str], int],
                    facts_per_article: dict[str, int]) -> Origins:
    origins = Origins()
    for group in reuse.copy_groups:
        first, *rest = sorted(group)
        for other in rest:
            origins.join(first, other, f"{first} and {other} are copies of one text")
    credits = {a.id: outlet_credits(a.text) for a in articles}
    for a, b in combinations([a.id for a in articles], 2):
        common = sorted(set(credits[a]) & set(credits[b]))
        if common:
            outlet = common[0]
            origins.join(a, b, f"{a} and {b} both report what {outlet} reported "
                               f"(“{credits[a][outlet]}”; “{credits[b][outlet]}”)")
            continue
        shared = shared_facts.get(frozenset((a, b)), 0)
        smaller = min(facts_per_article.get(a, 0), facts_per_article.get(b, 0))
        if shared >= REWRITE_MIN_FACTS and smaller and shared / smaller >= REWRITE_SHARE:
            origins.join(a, b, f"{a} and {b} share {shared} of the {smaller} facts the shorter one carries: one "
                               "rewrites the other")
    return origins

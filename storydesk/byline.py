"""Bylines and datelines at the top of scraped text: who wrote it, for which outlet, and when.

Plain-text articles carry no metadata, but their second line often does:
"By Marta Lindqvist, Meridian Press | March 9, 2024" or "By Meridian Press · Posted March 9,
2024 10:05 am". Reading it gives the article a publication date, so relative dates ("Friday")
resolve without --published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}

_BY = re.compile(r"^\s*(?:by|written by|von)\s+(?P<rest>.+)$", re.I)
_MONTH_DATE = re.compile(
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d\d)\s*(?P<ampm>[ap]\.?m\.?)?)?", re.I)
_DAY_MONTH_DATE = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<year>(?:19|20)\d\d)", re.I)
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_SEPARATORS = re.compile(r"\s*(?:\||·|•|—|–|/|,)\s*")
_NOT_OUTLET = re.compile(r"^(?:posted|published|updated|staff|reporter|correspondent|senior|\d)", re.I)
# A byline is short; a long line starting with "By" is a sentence ("By noon, the fire ...").
_MAX_BYLINE_WORDS = 18


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    outlet: str | None
    published: datetime | None


def _month_number(name: str) -> int | None:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or _MONTH_ABBR.get(name[:4]) or _MONTH_ABBR.get(name[:3])


def find_date(text: str) -> datetime | None:
    """The first calendar date written out in `text` (with its time when given), in UTC."""
    for pattern in (_MONTH_DATE, _DAY_MONTH_DATE, _ISO_DATE):
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["month"]) if groups["month"].isdigit() else _month_number(groups["month"])
        if not month:
            continue
        hour, minute = int(groups.get("hour") or 0), int(groups.get("minute") or 0)
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        try:
            return datetime(int(groups["year"]), month, int(groups["day"]), hour, minute, tzinfo=UTC)
        except ValueError:
            continue
    return None


def parse_byline(line: str) -> Byline | None:
    """Read a byline ("By NAME, OUTLET | DATE"); None when the line is not one."""
    match = _BY.match(line)
    if not match or len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    rest = match.group("rest")
    published = find_date(rest)
    for pattern in (_MONTH_DATE, _DAY_MONTH_DATE, _ISO_DATE):
        rest = pattern.sub("", rest)
    rest = re.sub(r"\b(?:posted|published|updated)\b(?:\s+on)?", "", rest, flags=re.I)
    rest = re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", "", rest, flags=re.I)
    parts = [p.strip(" .") for p in _SEPARATORS.split(rest) if p.strip(" .")]
    names = [p for p in parts if not _NOT_OUTLET.match(p)]
    if not names:
        return Byline((), None, published)
    # "By Meridian Press" alone names the outlet; "By A and B, Outlet" names people, then the outlet.
    if len(names) == 1:
        return Byline((), names[0], published) if _looks_like_outlet(names[0]) else Byline((names[0],), None, published)
    authors = tuple(a.strip() for a in re.split(r"\s+and\s+", " and ".join(names[:-1])) if a.strip())
    return Byline(authors, names[-1], published)


def _looks_like_outlet(name: str) -> bool:
    return bool(re.search(r"\b(?:press|news|times|post|herald|tribune|courier|gazette|journal|agency|"
                          r"reuters|associated|service|wire|daily|independent|report|media|tv|radio)\b", name, re.I))

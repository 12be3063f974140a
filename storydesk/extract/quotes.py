"""Direct quotes with their speaker, merged across the outlets that carry them.

Attribution patterns, in the sentence around the quotation marks:
    "...," he said. / "...," said X, leader of Y. / X said: "..." / X wrote in a post: "..."
A pronoun speaker is the person named nearest before the quote; a quote with no closing mark
continues into the next paragraph. When nothing names a speaker, the speaker is None.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from storydesk.extract.entities import person_mentions
from storydesk.model import Article, Entity, Quote, QuoteMention, Sentence, Span

CUES = r"(?:said|says|told\s+(?:reporters|[A-Z]\w+|the\s+\w+)|added|wrote|posted|stated|explained|warned|" \
       r"insisted|recalled|asked|declared|noted|continued|according\s+to)"
QUOTED = re.compile(r"[\"“]([^\"“”]{12,}?)(?:[\"”]|(?=\n\n[\"“]))", re.S)
PRONOUN = re.compile(r"^\W*(?:he|she)\s+" + CUES, re.I)
# Small wording differences between outlets ("I'm"/"I am", metres/meters) keep one quote.
SAME_QUOTE = 85
MIN_QUOTE_WORDS = 4
ATTRIBUTION_WINDOW = 140  # characters after the closing mark where "said X" may sit


def find_quotes(articles: list[Article], sentences: list[Sentence], entities: list[Entity]) -> list[Quote]:
    persons = person_mentions(entities)
    starts: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        starts.setdefault(sentence.article, []).append(sentence)
    mentions: list[QuoteMention] = []
    for article in articles:
        mentions.extend(quote_mentions(article, persons.get(article.id, []), starts.get(article.id, [])))
    return merge_quotes(mentions)


def quote_mentions(article: Article, persons: list[tuple[int, int, Entity]], sentences: list[Sentence]) -> list[QuoteMention]:
    text = article.text
    found = []
    continued_from: QuoteMention | None = None  # a quote whose paragraph ended without a closing mark
    for match in QUOTED.finditer(text):
        words = match.group(1).strip().rstrip(",")
        if len(words.split()) < MIN_QUOTE_WORDS:
            continue
        start, end = match.start(1), match.start(1) + len(words)
        if continued_from is not None and text[continued_from.span.end:match.start()].strip() == "":
            speaker_id, cue = continued_from.speaker_entity, continued_from.cue
            speaker = next((p[2] for p in persons if p[2].id == speaker_id), None)
        else:
            speaker, cue = _attribute(text, match.start(), match.end(), persons)
        sentence = next((s.index for s in reversed(sentences) if s.start <= start), None)
        found.append(QuoteMention(article=article.id, text=words, span=Span(article.id, start, end),
                                  speaker=speaker.name if speaker else None,
                                  speaker_entity=speaker.id if speaker else None, cue=cue, sentence=sentence))
        closed = match.end() > match.end(1) and text[match.end() - 1] in "\"”"
        continued_from = None if closed else found[-1]
    return found


def _attribute(text: str, open_at: int, close_at: int, persons: list[tuple[int, int, Entity]]):
    after = text[close_at:close_at + ATTRIBUTION_WINDOW].split("\n\n")[0]
    after = re.split(r"[\"“]", after)[0]
    cue = re.search(CUES, after)
    if cue and cue.start() < 60:
        if PRONOUN.match(after):
            return _nearest_before(open_at, persons), cue.group()
        named = [p for p in persons if close_at <= p[0] < close_at + len(after)]
        if named:
            return named[0][2], cue.group()
    paragraph_start = text.rfind("\n\n", 0, open_at) + 2 if text.rfind("\n\n", 0, open_at) >= 0 else 0
    before = text[paragraph_start:open_at]
    lead = re.search(rf"{CUES}[^\"“]*?:?\s*$", before)
    if lead:
        named = [p for p in persons if paragraph_start <= p[0] < open_at]
        if named:
            return named[-1][2], lead.group().split()[0]
        if re.search(r"\b(?:he|she)\s+" + CUES, before, re.I):
            return _nearest_before(open_at, persons), lead.group().split()[0]
    if cue and cue.start() < 60 and re.match(r"^\W*(?:he|she)\b", after, re.I):
        return _nearest_before(open_at, persons), cue.group()
    return None, cue.group() if cue and cue.start() < 60 else None


def _nearest_before(offset: int, persons: list[tuple[int, int, Entity]]) -> Entity | None:
    before = [p for p in persons if p[1] <= offset]
    return before[-1][2] if before else None


def merge_quotes(mentions: list[QuoteMention]) -> list[Quote]:
    """One Quote per text carried by one or more articles, each article's attribution kept."""
    groups: list[list[QuoteMention]] = []
    keys: list[str] = []
    for mention in mentions:
        key = " ".join(re.findall(r"\w+", mention.text.lower()))
        for index, known in enumerate(keys):
            if fuzz.ratio(key, known) >= SAME_QUOTE or (len(key) > 40 and fuzz.partial_ratio(key, known) >= 95):
                if mention.article not in {m.article for m in groups[index]}:
                    groups[index].append(mention)
                break
        else:
            keys.append(key)
            groups.append([mention])
    quotes = []
    for n, group in enumerate(sorted(groups, key=lambda g: -len(g)), 1):
        speakers = Counter(m.speaker for m in group if m.speaker)
        speaker = speakers.most_common(1)[0][0] if speakers else None
        entity = next((m.speaker_entity for m in group if m.speaker == speaker), None)
        texts = Counter(m.text for m in group)
        quotes.append(Quote(id=f"q{n}", text=texts.most_common(1)[0][0], speaker=speaker,
                            sources=tuple(dict.fromkeys(m.article for m in group)), speaker_entity=entity,
                            evidence=tuple(m.span for m in group), variants=tuple(t for t in texts if t != texts.most_common(1)[0][0]),
                            mentions=tuple(group)))
    return quotes

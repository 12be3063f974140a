"""Direct quotes with their speakers, merged across the outlets that carry them (issue 5).

    find_quotes(articles, sentences, entities) -> list[Quote]

Each article is read paragraph by paragraph for quotation marks (straight or curly); a quote
whose paragraph ends without a closing mark continues when the next paragraph opens with one
(the news convention), and is dropped otherwise. The speaker comes from the words around it
(`storydesk.extract.attribution`): "...," he said. / "...," said X, leader of Y. / X said: "..." /
X wrote in a post: "..." / according to X. One QuoteMention per article occurrence keeps that
article's own speaker; mentions with small wording differences merge into one Quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from storydesk.extract.attribution import Attribution, Speakers, attribute
from storydesk.extract.names import american, fold
from storydesk.model import Article, Entity, Quote, QuoteMention, Sentence, Span
from storydesk.segment import paragraph_spans

# Double quotation marks as written: straight, curly, guillemets, and the LDC newswire archives'
# ``two backticks'' (closed by two apostrophes, or two curly ones after a text was "smartened").
OPENING = ("\"", "“", "„", "«", "``")
CLOSING = ("\"", "”", "»", "''", "’’")
_REOPENING = ("“", "„", "«", "``")  # an opening mark inside an open quote: the first one was stray
_MARK = re.compile("``|''|’’|[\"“”„«»]")
# Single quotation marks (British style, and quotes in headlines): an opening mark at a word's
# start before a letter, a closing one at a word's end. An apostrophe ending a plural before a
# lowercase word ("the residents' association") is not a closing mark.
_SINGLE_OPEN = re.compile(r"(?<![\w'’‘])(['‘])(?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'‘])['’](?![^\W_])")
# A paragraph that is a link to another story ends like this.
_LINK_TEASER = re.compile(r"\b(?:Read more|Read More|READ MORE|Continue reading)\W*$")
_PLURAL_POSSESSIVE = re.compile(r"s['’] [a-z]")
# A quote no one is said to speak needs this many words: shorter quoted words are scare quotes
# or names ("the so-called "safe zone"") more often than speech.
MIN_UNATTRIBUTED_WORDS = 5
# Quoted words inside the speaker's own sentence need this many to count as a quote.
MIN_PARTIAL_WORDS = 2
# Two outlets' wordings of one quote ("I'm" / "I am", "metres" / "meters", a dropped "that")
# score 90-99 on rapidfuzz's ratio after normalization; different quotes by one speaker on one
# topic stay under 75 on the gold set and the example. 85 sits between.
SAME_QUOTE_RATIO = 85
# A quote one outlet prints only in part: the part must be this long and sit almost verbatim in
# the other's wording.
PARTIAL_QUOTE_WORDS = 8
SAME_PART_RATIO = 95


@dataclass(frozen=True)
class QuotedText:
    """Where one quote sits: its words and the marks around them."""

    start: int  # first character of the words
    end: int  # end of the words (a trailing comma left out); a quote over paragraphs spans them all
    open_at: int  # the opening mark
    close_at: int  # just after the closing mark
    paragraph: int  # the paragraph the quote starts in
    last_paragraph: int  # the paragraph it ends in
    text: str  # the words; parts in several paragraphs joined by a space


def find_quotes(articles: list[Article], sentences: list[Sentence], entities: list[Entity]) -> list[Quote]:
    """The story's quotes, each with every article that carries it and each article's speaker."""
    speakers = Speakers(entities, articles, sentences)
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_article[s.article].append(s)
    mentions = [m for a in articles for m in quote_mentions(a, by_article.get(a.id, []), speakers)]
    return merge_quotes(mentions, [a.id for a in articles])


def quote_mentions(article: Article, sentences: list[Sentence], speakers: Speakers) -> list[QuoteMention]:
    """Every direct quote in one article, with the speaker this article gives it."""
    text = article.text
    paragraphs = paragraph_spans(text)
    quoted = quoted_texts(text, paragraphs)
    inside = [(q.open_at, q.close_at) for q in quoted]
    attributions: list[Attribution] = []
    for i, q in enumerate(quoted):
        previous_close = quoted[i - 1].close_at if i and quoted[i - 1].last_paragraph == q.paragraph else None
        next_open = quoted[i + 1].open_at if i + 1 < len(quoted) and quoted[i + 1].paragraph == q.last_paragraph else None
        attributions.append(attribute(article.id, text, q, paragraphs, previous_close, next_open, inside, speakers))
    own = attributions
    attributions = _pronoun_after_quote(quoted, _carry_speakers(quoted, own, paragraphs, text), speakers, article.id)
    # A quote running on from one whose "he" was only now resolved takes that speaker too
    # ('"...," he continued. "And they asked ..."'): carried again from the resolved speakers.
    attributions = _carry_speakers(quoted, [o if o.kind == "none" else a for o, a in zip(own, attributions, strict=True)],
                                   paragraphs, text)
    starts = [s.start for s in sentences]
    found = []
    for q, who in zip(quoted, attributions, strict=True):
        if (who.kind == "title" or _names_a_work(q.text, text[max(0, q.open_at - 12):q.open_at]) or (who.kind == "none" and not _speech_like(q.text))
                or ((who.partial or who.kind == "unnamed") and not _partial_speech(q.text))):
            # scare quotes, titles, one word inside someone's sentence ('it was "devastated"'), one
            # word no one named says (a feature's 'could have ‘drifted’' before "Scientists believe")
            continue
        if who.kind == "none" and _LINK_TEASER.search(text, paragraphs[q.last_paragraph][0], paragraphs[q.last_paragraph][1]):
            continue  # a related story's headline ("'A sense that ...': making sense of it Read more")
        at = bisect_right(starts, q.start) - 1
        found.append(QuoteMention(
            article=article.id, text=q.text, span=Span(article.id, q.start, q.end),
            speaker=who.name, speaker_entity=who.entity, cue=who.cue,
            sentence=sentences[at].index if at >= 0 else None,
        ))
    return found


def quoted_texts(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedText]:
    """The quotes of a text, paragraph by paragraph; an unmatched mark drops only its quote."""
    found: list[QuotedText] = []
    carried: list[tuple[int, int]] = []  # parts of a quote still open at a paragraph's end
    carried_open = carried_paragraph = -1
    for number, (p_start, p_end) in enumerate(paragraphs):
        if carried and not text.startswith(OPENING, p_start):
            carried = []  # the quote never closed: drop it, keep the rest of the article
        open_at = open_len = None
        for mark in _MARK.finditer(text, p_start, p_end):
            i, char = mark.start(), mark.group()
            if open_at is None:
                if char in OPENING:
                    open_at, open_len = i, len(char)
            elif char in CLOSING:
                parts = [*carried, (open_at + open_len, i)]
                first_open = carried_open if carried else open_at
                first_paragraph = carried_paragraph if carried else number
                quote = _quoted(text, parts, first_open, mark.end(), first_paragraph, number)
                if quote is not None:
                    found.append(quote)
                open_at, carried = None, []
            elif char in _REOPENING:
                open_at, open_len = i, len(char)
        if open_at is not None:
            if not carried:
                carried_open, carried_paragraph = open_at, number
            carried = [*carried, (open_at + open_len, p_end)]
    inside = [(q.open_at, q.close_at) for q in found]
    found += [q for q in _single_quoted(text, paragraphs) if not any(o <= q.open_at < c for o, c in inside)]
    return sorted(found, key=lambda q: q.open_at)


def _single_quoted(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedText]:
    """Quotes in single marks, each within one paragraph; none inside double quotation marks."""
    found = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        if "'" not in text[p_start:p_end] and "‘" not in text[p_start:p_end]:
            continue
        at = p_start
        while (opening := _SINGLE_OPEN.search(text, at, p_end)) is not None:
            wanted = "’" if opening.group(1) == "‘" else "'"
            close = next((m for m in _SINGLE_CLOSE.finditer(text, opening.end(), p_end)
                          if m.group() == wanted and not _PLURAL_POSSESSIVE.match(text, m.start() - 1)), None)
            if close is None:
                break
            words = text[opening.end():close.start()]
            at = close.end()
            if any(mark in words for mark in "\"“”"):
                continue
            quote = _quoted(text, [(opening.end(), close.start())], opening.start(), close.end(), number, number)
            if quote is not None:
                found.append(quote)
    return found


def _quoted(text: str, parts: list[tuple[int, int]], open_at: int, close_at: int,
            paragraph: int, last_paragraph: int) -> QuotedText | None:
    pieces = []
    start = end = None
    for n, (s, e) in enumerate(parts):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if n == len(parts) - 1 and e > s and text[e - 1] == ",":
            e -= 1  # '"...hour," he said': the comma belongs to the attribution
        if e > s:
            pieces.append(text[s:e])
            start = s if start is None else start
            end = e
    if start is None or not re.search(r"[^\W\d_]", text[start:end]):
        return None
    return QuotedText(start, end, open_at, close_at, paragraph, last_paragraph, " ".join(pieces))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _speech_like(words: str, minimum: int = MIN_UNATTRIBUTED_WORDS) -> bool:
    """Enough words, and not a title in capitals ("The Return of the King", "Trivia Crack")."""
    tokens = _WORD.findall(words)
    if len(tokens) < minimum:
        return False
    return sum(t[0].isupper() for t in tokens) < 0.7 * len(tokens)


# A work's title in quotation marks: a few words, most in title case, no sentence's end ("Top Gun",
# "Violent Torpedo of Truth: Defeat Is Not an Option"); not speech, whoever the sentence names.
MAX_TITLE_WORDS = 10


# Small words a title leaves in lower case ("Taking a Bite Out of Twilight"): they count neither way.
_TITLE_SMALL_WORDS = frozenset("a an the of to in on at by for and or but with from as vs".split())


# What stands before a title that closes its sentence, its full stop inside the marks in American
# style ('Rubio said on NBC's "Meet the Press."', Multi-News ta232).
_BEFORE_A_TITLE = re.compile(r"(?:\b(?:on|in|of|from|called|titled|entitled)|[’']s)\s+$")


def _names_a_work(words: str, before: str = "") -> bool:
    tokens = _WORD.findall(words)
    ends_sentence = words.rstrip().endswith((".", "!", "?", "…"))
    if (not tokens or len(tokens) > MAX_TITLE_WORDS
            or ends_sentence and not (words.rstrip().endswith(".") and _BEFORE_A_TITLE.search(before))):
        return False
    counted = [t for t in tokens if t not in _TITLE_SMALL_WORDS] or tokens
    titled = sum(t[0].isupper() and not (len(t) > 1 and t.isupper()) and t != "I" for t in counted)
    return titled >= 0.7 * len(counted)


def _partial_speech(words: str) -> bool:
    return _speech_like(words, MIN_PARTIAL_WORDS)


_WHOLE_SENTENCE = re.compile(r"[.!?]$")
_NEW_SENTENCE = re.compile(r"\s+[A-Z]")
_JOINED_QUOTES = re.compile(r"\s*,?\s*(?:and|or)\s*")


def _carry_speakers(quoted: list[QuotedText], found: list[Attribution], paragraphs: list[tuple[int, int]],
                    text: str) -> list[Attribution]:
    """A quote with no attribution of its own takes the speaker of the quote before it when
    that quote sits in the same paragraph, or in the paragraph just before and this paragraph
    is nothing but the quote (a speaker's words running on: "..." he said. / "More words.").
    Scare quotes in between ('confusing "bring" with "send"') do not break the run."""
    carried = list(found)
    last = None  # the quote before, scare quotes and titles skipped
    for i, q in enumerate(quoted):
        if last is not None and carried[i].kind == "none" and carried[last].kind not in ("none", "title"):
            previous = carried[last]
            # Only a quote opening its own sentence runs on ('"A," she said. "B."'), not quoted
            # words inside a sentence ('a sign reading "Homes, not hotels."').
            opens_sentence = re.search(r"(?:^|[.!?\"”])\s*$", text[paragraphs[q.paragraph][0]:q.open_at]) is not None
            # Two quotes joined in one sentence ('writing "A" and "B"') have one speaker.
            joined = _JOINED_QUOTES.fullmatch(text, quoted[last].close_at, q.open_at) is not None
            same_paragraph = quoted[last].last_paragraph == q.paragraph and (opens_sentence or joined)
            p_end = paragraphs[q.last_paragraph][1]
            after = text[q.close_at:p_end]
            # (a whole quoted sentence opening the paragraph runs on though prose follows it: a
            # page's next paragraph run into this one)
            whole_paragraph = (quoted[last].last_paragraph == q.paragraph - 1 and q.open_at == paragraphs[q.paragraph][0]
                               and (not after.strip() or (_WHOLE_SENTENCE.search(q.text) is not None
                                                          and _speech_like(q.text) and _NEW_SENTENCE.match(after))))
            if same_paragraph or whole_paragraph:
                carried[i] = Attribution("carried" if previous.name else "unnamed", previous.name, previous.entity,
                                         previous.cue)
        if carried[i].kind != "title" and (carried[i].kind != "none" or _speech_like(q.text)):
            last = i
    return carried


def _pronoun_after_quote(quoted: list[QuotedText], found: list[Attribution], speakers: Speakers,
                         article: str) -> list[Attribution]:
    """'"...," said Barnes. / "...," he said.': "he" right after a quote is that quote's speaker
    (when the gender allows), not someone named before it and not since."""
    result = list(found)
    for i in range(1, len(quoted)):
        who, previous = result[i], result[i - 1]
        if who.pronoun_gender is None or not previous.name or previous.name == who.name or previous.kind == "none":
            continue
        if previous.entity in speakers.named_organizations:
            continue  # "he" is a person: not the outlet or group the quote before was given to
        if quoted[i].paragraph - quoted[i - 1].last_paragraph > 1:
            continue
        named_since = who.entity is not None and any(
            e.id == who.entity for _, _, e in speakers.mentions_in(article, quoted[i - 1].open_at, quoted[i].open_at))
        gender = speakers.gender.get(previous.entity) if previous.entity else None
        if not named_since and gender in (None, who.pronoun_gender):
            result[i] = Attribution("pronoun", previous.name, previous.entity, who.cue, who.partial, who.pronoun_gender)
    return result


# ---- merging across articles -----------------------------------------------------------------

_CONTRACTIONS = [
    (re.compile(r"\b(can)'t\b"), r"\1 not"), (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"), (re.compile(r"'m\b"), " am"), (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"), (re.compile(r"'ve\b"), " have"), (re.compile(r"'d\b"), " would"),
]


def comparable(words: str) -> str:
    """A quote's words as compared across outlets: folded, contractions spelled out, American."""
    words = fold(words)
    for pattern, replacement in _CONTRACTIONS:
        words = pattern.sub(replacement, words)
    return " ".join(american(w) for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", words))


def merge_quotes(mentions: list[QuoteMention], article_order: list[str] | None = None) -> list[Quote]:
    """One Quote per set of mentions with (nearly) the same words; each mention kept as it was."""
    groups: list[list[QuoteMention]] = []
    keys: list[str] = []
    for mention in mentions:
        key = comparable(mention.text)
        best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=SAME_QUOTE_RATIO) if keys else None
        if best is None and len(key.split()) >= PARTIAL_QUOTE_WORDS:
            best = process.extractOne(key, keys, scorer=fuzz.partial_ratio, score_cutoff=SAME_PART_RATIO)
            if best is not None and len(keys[best[2]].split()) < PARTIAL_QUOTE_WORDS:
                best = None
        if best is None:
            keys.append(key)
            groups.append([mention])
        else:
            groups[best[2]].append(mention)
    order = {a: i for i, a in enumerate(article_order or [])}
    groups.sort(key=lambda g: (-len({m.article for m in g}), order.get(g[0].article, len(order)), g[0].span.start))
    return [_quote(f"q{n}", group) for n, group in enumerate(groups, 1)]


def _quote(quote_id: str, group: list[QuoteMention]) -> Quote:
    texts = Counter(m.text for m in group)
    # The commonest wording; on a tie the one closest to all the others ("I'm" between "I’m" and
    # "I am"), then the first.
    top = [t for t in texts if texts[t] == max(texts.values())]
    text = max(top, key=lambda t: sum(fuzz.ratio(t, m.text) for m in group))
    named = Counter(m.speaker for m in group if m.speaker)
    speaker = max(named, key=lambda s: named[s]) if named else None
    entity = next((m.speaker_entity for m in group if m.speaker == speaker and m.speaker_entity), None)
    return Quote(
        id=quote_id, text=text, speaker=speaker, speaker_entity=entity,
        sources=tuple(dict.fromkeys(m.article for m in group)),
        evidence=tuple(m.span for m in group),
        variants=tuple(t for t in texts if t != text),
        mentions=tuple(group),
    )

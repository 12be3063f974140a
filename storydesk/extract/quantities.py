"""Numbers with what they count and their qualifier, normalized (issue 5).

    find_quantities(articles, sentences) -> list[Quantity]

"at least four firefighters" -> 4 firefighter ">=". Regular expressions and a small number-word
parser, no model: a tagger would find the counted noun a little more often, but the rules run at
about 5,000 sentences a second (bench_numbers_dates.py) and their choices are easy to test.

Normalization, as conflict detection reads it:
- value: the number; a written number is parsed ("twenty-three" -> 23, "1.5 million" -> 1500000).
- qualifier: "=", ">=" ("at least", "or more"), ">" ("more than", "over"), "<=" ("up to",
  "as many as"), "<" ("fewer than", "nearly", "almost": just under the figure), "~" ("about",
  "around", "some", "roughly", "an estimated").
- vague counts are lower bounds: "dozens" -> >= 24, "hundreds" -> >= 200, "thousands" -> >= 2000,
  "tens of thousands" -> >= 20000 (the least the word can mean, so "dozens" never contradicts 40);
  "a dozen" -> 12.
- `upper`: with qualifier "=" it is the whole a part is taken from ("41 of the 120 containers" ->
  41, upper 120); with ">=" it closes a range ("10 to 12 people" -> >= 10, upper 12).
- fractions are values in (0, 1]: "three-quarters of the dock" -> 0.75 dock; percentages keep
  their figure with noun "percent" ("40 percent" -> 40 percent).
- noun: the counted thing in dictionary form, the first plural after the number, skipping
  adjectives ("five off-duty firefighters" -> firefighter); "two of whom" takes the noun of the
  count before it in the sentence, whose value becomes `upper` (a part of that whole); money
  is "dollar", "pound", "euro"; "people" stays "people" (as examples/harbor-fire counts it).
Never quantities: dates, clock times, years, ages ("aged 45", "45-year-old"), phone numbers,
scores, ordinals, "one of the" idioms, identifiers ("page 5", "Flight 370", "No. 10").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydesk.extract.dates import MONTH_NAME
from storydesk.extract.numbers import (
    INVARIANT,
    SCALE_SUFFIXES,
    SCALES,
    TENS,
    UNIT_ABBREVIATIONS,
    UNITS,
    looks_plural,
    parse_figure,
    parse_number_words,
    singular,
    word_value,
)
from storydesk.model import Article, Quantity, Sentence, Span

__all__ = ["find_quantities", "quantities_in", "singular"]  # singular: re-exported for bench_extract

# Words before a number that say how exact it is (longest phrases first when matching).
QUALIFIERS = {
    "at least": ">=", "no fewer than": ">=", "no less than": ">=", "a minimum of": ">=", "not less than": ">=",
    "more than": ">", "over": ">", "upwards of": ">", "in excess of": ">", "well over": ">", "just over": ">",
    "greater than": ">", "above": ">", "exceeding": ">",
    "up to": "<=", "at most": "<=", "no more than": "<=", "as many as": "<=", "a maximum of": "<=",
    "not more than": "<=",
    "fewer than": "<", "less than": "<", "under": "<", "below": "<", "nearly": "<", "almost": "<",
    "just under": "<", "not quite": "<", "just shy of": "<",
    "about": "~", "around": "~", "some": "~", "roughly": "~", "approximately": "~", "an estimated": "~",
    "estimated": "~", "close to": "~", "approx.": "~", "more or less": "~", "circa": "~", "nearly all": "~",
    "exactly": "=", "precisely": "=", "only": "=", "just": "=", "all": "=",
    "between": "=",  # "between 10 and 12": the range makes it ">=" with an upper bound
}
# Qualifier phrases by their first word, longest first, so a token is checked against a few at most.
_QUALIFIERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted((tuple(p.split()) for p in QUALIFIERS), key=len, reverse=True):
    _QUALIFIERS_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
TRAILING_QUALIFIERS = {("or", "more"): ">=", ("or", "so"): "~", ("or", "fewer"): "<=", ("or", "less"): "<=",
                       ("and", "counting"): ">="}

# Plural number words are lower bounds (see the module docstring).
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
         "billions": 2_000_000_000, "tens": 20}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}

# Joins two modifiers of the counted noun ("current and former students", "young or elderly").
_COORDINATION = frozenset({"and", "or"})
# Quotation marks around a counted noun (state TV's three "terrorists", ta076 of the real align gold).
_QUOTE_MARKS = frozenset('"“”')
# Words that end the noun phrase after a number.
_STOP = set("""
of in on at by for from to with into onto over under after before during across near since until against
about between through per via without within among amid toward towards than as like
and or but nor so yet while when where if because although though whether
who whom whose that which what this these those there here it its their his her our my your we they he she
is are was were be been being have has had do did does will would can could may might must shall should
also still now then already just only even ever never not no more most less least very too each every all
said says told say including included according reported
""".split())
_DETERMINERS = {"the", "my", "our", "his", "her", "its", "their", "your", "these", "those", "this", "that"}
# Common irregular past tenses: "one broke a wrist" has no counted noun.
_VERBS = set("""
broke went came took got made saw found fell ran gave became began left kept held felt stood lost won
brought caught fought sent spent thought bought built hit put set cut led met paid sat shot slept struck
""".split())
# Words before a figure that make it an identifier, not a count.
_IDENTIFIER_WORDS = set("""
page pages section sections chapter article clause paragraph no no. number nos line item exhibit verse rule
room route flight platform gate level grade version season episode volume issue part phase stage
highway interstate bus channel code model mark act amendment resolution bill lot unit apartment suite
aged age ages
""".split())
# "one day" (someday), "one another", "on the one hand": set phrases, not counts.
_ONE_IDIOMS = {"day", "another", "hand", "thing", "way", "time", "point", "side", "more", "last", "such",
               "by", "or", "too"}

# How many words after a number the counted noun may sit ("nearly 500 new social housing units").
HEAD_NOUN_WINDOW = 5
# Counted nouns that take no plural "s": "20 police", "seven dead", "12 injured".
_PLURAL_WITHOUT_S = {"police", "staff", "personnel", "crew", "cattle", "livestock", "dead",
                     "injured", "wounded", "missing", "homeless"}
_TOKEN = re.compile(r"[$£€¥]?\d[\d,]*(?:\.\d+)?(?:%|(?:bn|mn|tn|m|k)\b)?|[A-Za-z]+(?:['’][A-Za-z]+)*"
                    r"(?:-[A-Za-z0-9]+(?:['’][A-Za-z]+)*)*|\S")
# Spans that hold digits but no count; masked before the scan.
_NOT_COUNTS = re.compile(
    rf"""
    \b{MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b      # March 9, 2024 / Feb. 12
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}\b(?:,?\s+\d{{4}})?  # 12 February 2024
    | \b{MONTH_NAME}\s+(?:of\s+)?\d{{4}}\b                                  # May 2023
    | \b\d{{1,2}}(?::\d{{2}})?\s*(?:[ap]\.\s?m\.|[ap]m\b|o'clock|GMT|UTC|BST|EST|EDT|PST|PDT|CET)  # 2 a.m.
    | \b\d{{1,2}}:\d{{2}}\b                                                  # 14:30
    | \b\d{{4}}-\d{{2}}-\d{{2}}\b | \b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b     # 2024-03-09, 3/9/24, 9/11
    | (?:\+\d{{1,3}}[\s.-]?)?\(?\d{{2,4}}\)?[\s.-]\d{{3,4}}[\s.-]\d{{3,4}}\b   # phone numbers
    | \b\d{{3}}-\d{{4}}\b
    | \b\d+(?:st|nd|rd|th)\b | \b\d{{2,4}}'?s\b | '\d{{2}}s?\b                  # 12th, 1990s, '90s
    | \b\d+-\d+(?=\s+(?:win|victory|defeat|loss|lead|draw|vote|decision|ruling|majority)\b)  # scores, votes
    | \b\d+(?:\.\d+)?-(?:years?|months?|weeks?|days?)-old\b | \b\d+\s+years?\s+old\b  # ages
    | \b[A-Za-z]+-\d+\b | \b\d+[A-Za-z]+\d+                                     # COVID-19, F-35, 3G4
    | \b(?:\d+|[A-Za-z]+)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago\b        # "three days ago": a date
    """,
    re.VERBOSE,
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")
_YEAR_BEFORE = {"the", "in", "since", "of", "from", "by", "until", "during", "before", "after", "this", "that",
                "last", "next", "its", "their", "his", "her"}
# Most sentences hold no number at all: this cheap test skips them.
_NUMBER_STARTS = {*UNITS, *TENS, *SCALES, "a", "an", "half", "dozen", *VAGUE}
_MAY_COUNT = re.compile(r"\d|\b(?:" + "|".join(sorted(_NUMBER_STARTS - {"a", "an"}, key=len, reverse=True))
                        + r"|thirds?|quarters?|fifths?|tenths?)\b", re.I)


@dataclass
class _Token:
    text: str
    start: int
    end: int
    lower: str = ""


def find_quantities(articles: list[Article], sentences: list[Sentence]) -> list[Quantity]:
    """Every counted quantity in the sentences, in text order, each with its exact span."""
    known = {a.id for a in articles}
    found: list[Quantity] = []
    for sentence in sentences:
        if sentence.article in known:
            found.extend(quantities_in(sentence.text, sentence.article, sentence.start, sentence.index))
    return found


def quantities_in(text: str, article: str = "", offset: int = 0, sentence: int | None = None) -> list[Quantity]:
    """The quantities in one sentence; spans are `offset` + positions in `text`."""
    if not _MAY_COUNT.search(text):
        return []
    masked = _NOT_COUNTS.sub(lambda m: "#" * len(m.group()), text)
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(masked)]
    for token in tokens:
        if "#" not in token.text:  # masked characters stay "#": neither numbers nor nouns
            token.text = text[token.start:token.end]
        token.lower = token.text.lower().replace("’", "'")
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_at(tokens, i, found)
        if parsed is None:
            i += 1
            continue
        value, qualifier, noun, upper, first, last = parsed
        start, end = tokens[first].start, tokens[last].end
        found.append(Quantity(value=value, noun=noun, qualifier=qualifier, text=text[start:end],
                              span=Span(article, offset + start, offset + end), sentence=sentence, upper=upper))
        i = last + 1
    return found


def _parse_at(tokens: list[_Token], i: int, earlier: list[Quantity]):
    """(value, qualifier, noun, upper, first token, last token) of a quantity starting at i, or None."""
    qualifier, j = _qualifier_at(tokens, i)
    number = _number_at(tokens, j)
    if number is None:
        return None
    value, kind, k = number
    if not _countable_context(tokens, i, j, kind):
        return None
    if kind == "vague":
        qualifier = ">=" if qualifier in (None, "=", "~") else qualifier
    qualifier = qualifier or "="
    first, upper = i, None
    last = k - 1
    # Range: "10 to 12 people", "between 10 and 12", "10-12"
    if kind == "count" and k + 1 < len(tokens) and tokens[k].lower in ("to", "-", "–", "and", "or"):
        second = _number_at(tokens, k + 1)
        if second is not None and second[1] == "count" and second[0] > value:
            if tokens[k].lower != "and" or (j > 0 and tokens[j - 1].lower == "between"):
                upper, k, last = second[0], second[2], second[2] - 1
                qualifier = ">=" if qualifier == "=" else qualifier
    trailing = _trailing_qualifier(tokens, k)
    if trailing:
        noun_at = trailing[1] + 1  # "five or more cars"
    elif kind == "fraction":
        # "three-quarters of the dock"; "two-thirds of the 450 delegates" keeps the whole as upper
        noun_at = k + 1 if k < len(tokens) and tokens[k].lower in _DETERMINERS else k
        if noun_at + 1 < len(tokens) and tokens[noun_at].lower.endswith(("'s", "s'")):
            noun_at += 1 if _number_at(tokens, noun_at + 1) else 0  # "of the country's 9 million voters"
        whole = _number_at(tokens, noun_at)
        if whole is not None and whole[1] == "count":
            upper, noun_at = whole[0], whole[2]
    elif kind == "count" and k < len(tokens) and tokens[k].lower == "in" and (
            whole := _larger_count(tokens, k + 1, value)):
        upper, noun_at = whole[0], whole[2]  # "one in five children"
    elif kind == "percent":
        noun_at = k
    elif k < len(tokens) and tokens[k].lower in ("of", "out") and kind in ("count", "vague"):
        # "41 of the 120 containers", "41 out of 120", "two of whom", "dozens of boats"
        m = k + 2 if tokens[k].lower == "out" and k + 1 < len(tokens) and tokens[k + 1].lower == "of" else k + 1
        if m < len(tokens) and tokens[m].lower in ("whom", "them", "which", "those"):
            antecedent = earlier[-1] if earlier else None
            if antecedent is None or kind != "count":
                return None
            # "six firefighters, two of whom": two of the six, so the six is the whole (upper)
            return value, qualifier, antecedent.noun, antecedent.value, first, m
        m = m + 1 if m < len(tokens) and tokens[m].lower in _DETERMINERS else m
        whole = _number_at(tokens, m)
        if whole is not None and whole[1] == "count" and kind == "count":
            upper, m = whole[0], whole[2]
        elif value == 1 and kind == "count":
            return None  # "one of the worst fires": an idiom, not a count
        noun_at = m
    else:
        noun_at = k
    if kind == "percent":
        noun, noun_last = "percent", k - 1
    elif kind == "money":
        noun, noun_last = CURRENCIES[tokens[j].text[0]], k - 1
    else:
        head = _head_noun(tokens, noun_at, singular_ok=(value == 1 or kind == "fraction"))
        if head is None:
            return None
        noun, noun_last = head
        if kind == "count" and value == 1 and upper is None and (
                tokens[noun_at].lower in _ONE_IDIOMS
                or [t.lower for t in tokens[noun_last + 1:noun_last + 3]] == ["after", "another"]):
            return None  # "one day", "one bang after another"
    last = max(last, noun_last)
    trailing = trailing or _trailing_qualifier(tokens, noun_last + 1)  # "five cars or more"
    if trailing:
        qualifier, last = trailing[0], max(last, trailing[1])
    return value, qualifier, noun, upper, first, last


def _qualifier_at(tokens: list[_Token], i: int) -> tuple[str | None, int]:
    for phrase in _QUALIFIERS_BY_FIRST.get(tokens[i].lower, ()):
        n = len(phrase)
        if i + n <= len(tokens) and tuple(t.lower for t in tokens[i:i + n]) == phrase:
            return QUALIFIERS[" ".join(phrase)], i + n
    return None, i


def _trailing_qualifier(tokens: list[_Token], k: int) -> tuple[str, int] | None:
    pair = tuple(t.lower for t in tokens[k:k + 2])
    if pair in TRAILING_QUALIFIERS:
        return TRAILING_QUALIFIERS[pair], k + 1
    return None


def _number_at(tokens: list[_Token], j: int) -> tuple[float, str, int] | None:
    """(value, kind, index after it) of a number at j; kind: count, vague, fraction, percent, money."""
    if j >= len(tokens):
        return None
    token = tokens[j]
    lower = token.lower
    if not (token.text[0].isdigit() or token.text[0] in CURRENCIES or lower.partition("-")[0] in _NUMBER_STARTS):
        return None  # most tokens: no number can start here
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    if token.text[0].isdigit() or token.text[0] in CURRENCIES:
        return _figure_at(tokens, j)
    if lower in ("a", "an", "one") and nxt == "dozen":
        return _scaled(tokens, j + 2, 12, "count")
    if lower in ("a", "an", "one") and nxt in ("hundred", "thousand", "million", "billion"):
        # "a hundred and five", "One hundred and three male patients": the words after belong to it
        words = ["one"] + [t.text for t in tokens[j + 1:j + 8]]
        value, used = parse_number_words(words) or (SCALES[nxt], 2)
        return _percent_after(tokens, *_scaled(tokens, j + used, value, "count",
                                               already_scaled=any(w.lower() in SCALES for w in words[:used])))
    if lower == "half" and nxt == "a" and j + 2 < len(tokens) and tokens[j + 2].lower in ("dozen", "million", "billion"):
        scale = tokens[j + 2].lower
        return (6 if scale == "dozen" else SCALES[scale] / 2), "count", j + 3  # "half a million"
    if lower in ("a", "one", "half") and nxt in FRACTIONS and _followed_by_of(tokens, j + 2):
        value = 0.5 if lower == "half" else FRACTIONS[nxt]
        return value, "fraction", j + 3
    if lower == "half" and (nxt in ("of", "the", "its", "their") or nxt in _DETERMINERS):
        return 0.5, "fraction", j + (2 if nxt == "of" else 1)
    if "-" in lower:  # "three-quarters", "two-thirds", "one-third"
        numerator, _, denominator = lower.partition("-")
        if word_value(numerator) and denominator in FRACTIONS and _followed_by_of(tokens, j + 1):
            return word_value(numerator) * FRACTIONS[denominator], "fraction", j + 2
    if word_value(lower) and nxt in FRACTIONS and nxt.endswith("s") and _followed_by_of(tokens, j + 2):
        return word_value(lower) * FRACTIONS[nxt], "fraction", j + 3  # "three quarters of"
    if lower in VAGUE:
        if lower == "tens" and not (nxt == "of" and j + 2 < len(tokens) and tokens[j + 2].lower in VAGUE):
            return None
        value = VAGUE[lower]
        k = j + 1
        # "tens of thousands", "hundreds of thousands"
        if nxt == "of" and j + 2 < len(tokens) and tokens[j + 2].lower in ("thousands", "millions", "billions"):
            value = value * VAGUE[tokens[j + 2].lower] / 2 if lower != "tens" else 10 * VAGUE[tokens[j + 2].lower]
            k = j + 3
        if k < len(tokens) and tokens[k].lower != "of":
            return None  # "thousands" alone is a noun ("in the thousands"); "dozens of" counts
        return value, "vague", k
    if word_value(lower.partition("-")[0]) is not None and "-" in lower and word_value(lower) is None:
        return None  # "five-year", "two-day": adjectives, not counts
    words = [t.text for t in tokens[j:j + 8]]
    parsed = parse_number_words(words)
    if parsed is None:
        return None
    value, used = parsed
    if nxt == "dozen" and used == 1:
        return _scaled(tokens, j + 2, value * 12, "count")
    return _percent_after(tokens, *_scaled(tokens, j + used, value, "count",
                                           already_scaled=any(w.lower() in SCALES for w in words[:used])))


def _figure_at(tokens: list[_Token], j: int) -> tuple[float, str, int] | None:
    text = tokens[j].text
    currency = text[0] if text[0] in CURRENCIES else None
    body = text[1:] if currency else text
    if not body:
        return None
    percent = body.endswith("%")
    body = body.rstrip("%")
    suffix = re.search(r"(bn|mn|tn|m|k)$", body)
    scale = 1
    if suffix:
        scale = SCALE_SUFFIXES[suffix.group()]
        body = body[: suffix.start()]
    value = parse_figure(body)
    if value is None:
        return None
    value *= scale
    if percent:
        return value, "percent", j + 1
    value, kind, k = _percent_after(tokens, *_scaled(tokens, j + 1, value, "count"))
    if currency and kind == "count":
        return value, "money", k
    return value, kind, k


def _percent_after(tokens: list[_Token], value: float, kind: str, k: int) -> tuple[float, str, int]:
    """A number followed by "percent" / "per cent" / "pct" is a percentage ("Sixty-two percent")."""
    if k < len(tokens) and tokens[k].lower in ("percent", "pct"):
        return value, "percent", k + 1
    if k + 1 < len(tokens) and tokens[k].lower == "per" and tokens[k + 1].lower == "cent":
        return value, "percent", k + 2
    return value, kind, k


def _scaled(tokens: list[_Token], k: int, value: float, kind: str, already_scaled: bool = False):
    """Apply "million"/"billion" after a figure: "1.5 million" -> 1500000."""
    while k < len(tokens) and tokens[k].lower in SCALES and not (already_scaled and tokens[k].lower == "hundred"):
        value *= SCALES[tokens[k].lower]
        k += 1
    return value, kind, k


def _larger_count(tokens: list[_Token], k: int, value: float) -> tuple[float, str, int] | None:
    """The count at k if it exceeds `value` (the whole in "one in five"), else None."""
    number = _number_at(tokens, k)
    return number if number is not None and number[1] == "count" and number[0] > value else None


def _followed_by_of(tokens: list[_Token], k: int) -> bool:
    return k < len(tokens) and tokens[k].lower == "of"


def _countable_context(tokens: list[_Token], i: int, j: int, kind: str) -> bool:
    """False where the figure is a year, an age, an identifier or a name ("Apollo 11")."""
    number = tokens[j]
    if kind == "count" and _YEAR.match(number.text):
        # "2000 people attended" counts; "the 2012 attacks", "in 2019 elections" name a year.
        k = j + 1
        year_word = i > 0 and (tokens[i - 1].lower in _YEAR_BEFORE or tokens[i - 1].lower.endswith("'s"))
        return not year_word and k < len(tokens) and looks_plural(tokens[k].text) and tokens[k].text[0].islower()
    before = tokens[i - 1] if i > 0 else None
    if before is None:
        return True
    if before.lower in _IDENTIFIER_WORDS or before.text == "#":
        return False
    if number.text[0].isdigit() and before.text[0].isupper() and before.text.isalpha() and j == i:
        # "Flight 370", "Windows 10"; a sentence-initial capital ("Police 5"?) is rare enough.
        return False
    return True


def _head_noun(tokens: list[_Token], k: int, singular_ok: bool) -> tuple[str, int] | None:
    """The counted noun after index k, (lemma, its index): the first plural within a few words,
    skipping adjectives ("five off-duty firefighters", "500 new social housing units"); for one
    thing or a fraction, the last word before a verb-like word ("of the dock remained")."""
    window: list[int] = []  # the words a singular head may be taken from
    open_window = True
    for m in range(k, min(k + HEAD_NOUN_WINDOW, len(tokens))):
        token = tokens[m]
        lower = token.lower
        if lower in _COORDINATION and window:
            continue  # "48,000 current and former students": two modifiers of one noun
        if token.text in _QUOTE_MARKS and m + 1 < len(tokens) and tokens[m + 1].text[0].isalpha():
            continue  # three "terrorists": a word the outlet holds at arm's length is still counted
        if not token.text[0].isalpha() or lower in _STOP or lower in _VERBS:
            break
        if lower in UNIT_ABBREVIATIONS:
            return UNIT_ABBREVIATIONS[lower], m
        if looks_plural(token.text):
            return singular(token.text), m
        modifier = m + 1 < len(tokens) and looks_plural(tokens[m + 1].text)  # "40 crew members"
        if (lower in _PLURAL_WITHOUT_S or lower in INVARIANT) and not modifier:
            return lower, m  # "20 police", "11 aircraft", "2 million kroner"
        if window and lower.endswith(("ed", "ing")):
            open_window = False  # "the dock remained": the head came before
        if open_window:
            window.append(m)
    if not window or not singular_ok:
        return None
    last = window[-1]
    if tokens[last].lower.endswith("ing"):
        return None
    return singular(tokens[last].text), last

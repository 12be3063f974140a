"""Numbers with what they count and their qualifier, normalized.

    "at least four rockets" -> 4 rocket ">=";  "more than 200 residents" -> 200 resident ">";
    "41 of the 120 containers" -> 41 container "=" upper 120;  "three-quarters of the dock" -> 0.75 dock;
    "dozens of boats" -> 24 boat ">="

Rules on the text, no model: a qualifier, a number (digits, words, a scale word, a vague count),
then the counted noun: the first word after it that is not an adjective or modifier of the noun,
singularized. Years, times of day, dates and ordinals are not quantities.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from storydesk.extract.numbers import FRACTIONS, VAGUE, WORD_NUMBER, parse_number
from storydesk.model import Article, Quantity, Sentence, Span

QUALIFIERS = {
    "at least": ">=", "no fewer than": ">=", "a minimum of": ">=",
    "more than": ">", "over": ">", "upwards of": ">",
    "at most": "<=", "up to": "<=", "no more than": "<=",
    "fewer than": "<", "less than": "<", "under": "<", "nearly": "<", "almost": "<",
    "about": "~", "around": "~", "roughly": "~", "approximately": "~", "some": "~", "an estimated": "~",
}
_QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion))?"
_VAGUE = "|".join(sorted(VAGUE, key=len, reverse=True))
_FRACTION = "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?<![\w.$£€-])(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?P<number>(?:{_DIGITS}){_SCALE}|(?:{WORD_NUMBER}){_SCALE}|{_VAGUE}|(?P<fraction>{_FRACTION}))"
    rf"(?:\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|my\s+|our\s+)?(?P<upper>{_DIGITS}|{WORD_NUMBER}))?"
    rf"(?=(?P<rest>(?:\s+of)?(?:\s+(?:the|its|their|his|her|my|our))?(?:\s+[\w'’-]+){{1,4}}))",
    re.IGNORECASE,
)
# Words between a number and its noun that describe the noun ("five off-duty firefighters").
MODIFIERS = set("""more other additional new further injured wounded dead missing local foreign off-duty
    young old elderly senior junior former separate large small big major minor main nearby neighbouring neighboring
    armed unarmed full-time part-time people's city's country's state's police fire rescue emergency""".split())
# After the number, these end the search: the number is not counting a thing here.
NOT_NOUNS = set("""a.m am p.m pm o'clock of and or to the in on at by for from with as is was were are be been
    a an percent per cent times year-old years-old whom which who them those these they we us""".split())
MONTHS = set("january february march april may june july august september october november december jan feb mar apr "
             "jun jul aug sep sept oct nov dec".split())
IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman", "police": "police",
             "staff": "staff", "crew": "crew", "series": "series", "news": "news"}


def find_quantities(articles: list[Article], sentences: list[Sentence]) -> list[Quantity]:
    by_article: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    found: list[Quantity] = []
    for article in articles:
        starts = [s.start for s in by_article.get(article.id, [])]
        for quantity in quantities_in(article.text, article.id):
            index = bisect_right(starts, quantity.span.start) - 1
            found.append(_with_sentence(quantity, by_article[article.id][index].index if index >= 0 else None))
    return found


def quantities_in(text: str, article: str = "") -> list[Quantity]:
    """Every counted quantity in `text`, in order."""
    results = []
    for match in QUANTITY.finditer(text):
        number = match.group("number")
        value = FRACTIONS[number.lower()] if match.group("fraction") else parse_number(number)
        if value is None:
            continue
        if not match.group("fraction") and re.fullmatch(r"(19|20)\d\d", number):
            continue  # a year
        if match.start() and text[max(0, match.start() - 12):match.start()].split()[-1:] and \
                text[max(0, match.start() - 12):match.start()].split()[-1].strip(".,").lower() in MONTHS:
            continue  # "March 8", "Feb. 12"
        noun, noun_end = _counted_noun(match)
        if noun is None:
            continue
        if number.lower() in ("one", "a") and not match.group("qualifier"):
            continue  # "one of the", "a" is an article
        qualifier = QUALIFIERS.get((match.group("qualifier") or "").lower(), "=")
        if number.lower() in VAGUE and number.lower() != "a dozen" and qualifier == "=":
            qualifier = ">="
        upper = parse_number(match.group("upper")) if match.group("upper") else None
        results.append(Quantity(value=value, noun=noun, qualifier=qualifier, text=text[match.start():noun_end],
                                span=Span(article, match.start(), noun_end), upper=upper))
    return results


def _counted_noun(match: re.Match) -> tuple[str | None, int]:
    rest_start = match.start("rest")
    for word in re.finditer(r"[\w'’-]+", match.group("rest")):
        lowered = word.group().lower().strip("'’")
        if lowered in ("of", "the", "its", "their", "his", "her", "my", "our"):
            continue
        if lowered in MONTHS or lowered in NOT_NOUNS or lowered[:1].isdigit():
            return None, 0
        if lowered in MODIFIERS:
            continue
        if not lowered.isalpha() and "-" not in lowered:
            return None, 0
        return singular(lowered), rest_start + word.end()
    return None, 0


def singular(word: str) -> str:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _with_sentence(quantity: Quantity, index: int | None) -> Quantity:
    from dataclasses import replace

    return replace(quantity, sentence=index)


__all__ = ["find_quantities", "quantities_in", "singular"]

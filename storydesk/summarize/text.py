"""Words, numbers and negations of a sentence, as the summary's selection and checks compare them.

Content words are lower-cased, stop words dropped and plural/verb endings cut ("firefighters"
and "firefighter", "evacuated" and "evacuate" meet), so a lightly edited wire copy and a rewrite
in other words can be compared by the words that carry the claim.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storydesk.lexicon import STOP_WORDS, stem

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.U)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12",
}
# A claim and its denial share nearly every word ("no one was inside" / "someone was inside"):
# the negation words must agree before one may cite the other.
NEGATIONS = frozenset("no not never none nobody nothing neither nor without n't cannot".split())


def words(text: str) -> list[str]:
    """Lower-cased word tokens, apostrophes kept inside words."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=200_000)
def content_terms(text: str) -> tuple[str, ...]:
    """Stemmed content words in order (stop words out, numbers written as digits)."""
    out = []
    for word in words(text):
        word = NUMBER_WORDS.get(word, word)
        if word in STOP_WORDS or len(word) < 2 and not word.isdigit():
            continue
        out.append(stem(word.removesuffix("'s")) if not word[0].isdigit() else word)
    return tuple(out)


def numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states, as digits ("two warehouses" -> "2"; "1,200" -> "1200")."""
    found = {m.group().replace(",", "") for m in _NUMBER.finditer(text)}
    found |= {NUMBER_WORDS[w] for w in words(text) if w in NUMBER_WORDS}
    return frozenset(found)


def negated(text: str) -> bool:
    tokens = words(text)
    return any(w in NEGATIONS or w.endswith("n't") for w in tokens)


def names(text: str) -> frozenset[str]:
    """Capitalised words past a sentence's opening (people, places, organisations), lower-cased.

    The opening word of the sentence, of a quotation or of a clause after a colon or dash is
    capitalised whatever it is, so it does not count.
    """
    found = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        before = text[:match.start()].rstrip()
        if not before or before[-1] in "\"“‘'(:—–":
            continue
        lowered = word.lower().replace("’", "'")
        if lowered not in STOP_WORDS:
            found.add(lowered.removesuffix("'s"))
    return frozenset(found)


def word_count(text: str) -> int:
    return len(text.split())

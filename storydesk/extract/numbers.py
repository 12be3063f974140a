"""Small lexical helpers shared by the quantity and date extractors.

`parse_number_words` reads English cardinals ("twenty-three", "two hundred and fifty",
"1.5 million"); `singular` turns a counted noun into its dictionary form ("children" -> "child")
without a model: news text counts a few hundred everyday nouns, and a suffix rule plus a short
table of irregular forms gets them right far faster than a lemmatizer pass.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# Abbreviated scales glued to a figure: "$1.5m", "£3bn".
SCALE_SUFFIXES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000,
                  "tn": 1_000_000_000_000}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_figure(token: str) -> float | None:
    """'1,500' -> 1500.0, '1.5' -> 1.5; None for anything else (codes, '3-1', '9/11')."""
    if not _DIGITS.match(token):
        return None
    return float(token.replace(",", ""))


def word_value(word: str) -> int | None:
    """The value of one number word or hyphenated compound: 'seven' -> 7, 'twenty-three' -> 23."""
    word = word.lower()
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in TENS and unit in UNITS and 0 < UNITS[unit] < 10:
            return TENS[tens] + UNITS[unit]
    return None


def parse_number_words(words: list[str]) -> tuple[float, int] | None:
    """The value of the cardinal that opens `words`, and how many words it used.

    ["two", "hundred", "and", "fifty", "homes"] -> (250, 4); ["seven", "people"] -> (7, 1);
    None when `words` does not open with a number word. "a dozen" and "dozens" are the caller's.
    """
    total, current, used, i = 0.0, 0.0, 0, 0
    previous = None  # kind of the last word read: "unit", "tens" or "scale"
    while i < len(words):
        word = words[i].lower()
        value = word_value(word)
        if value is not None:
            # "twenty three" adds; "two three" or "five twenty" are two numbers, not one.
            if previous == "unit" or (previous == "tens" and not 0 < value < 10):
                break
            current += value
            previous = "tens" if word in TENS else "unit"
        elif word in SCALES and previous is not None:
            if SCALES[word] == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * SCALES[word]
                current = 0
            previous = "scale"
        elif word == "and" and previous == "scale" and i + 1 < len(words) and word_value(words[i + 1]) is not None:
            i += 1  # "two hundred and fifty": the "and" belongs to the number
            continue
        else:
            break
        i += 1
        used = i
    if previous is None:
        return None
    return total + current, used


IRREGULAR_PLURALS = {
    "people": "people", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "thieves": "thief", "halves": "half", "wolves": "wolf", "shelves": "shelf",
    "leaves": "leaf", "loaves": "loaf", "calves": "calf", "crises": "crisis", "analyses": "analysis",
    "theses": "thesis", "diagnoses": "diagnosis", "criteria": "criterion", "phenomena": "phenomenon",
    "buses": "bus", "gases": "gas", "statuses": "status", "viruses": "virus", "campuses": "campus",
    "bonuses": "bonus", "censuses": "census", "heroes": "hero", "potatoes": "potato",
    "tomatoes": "tomato", "vetoes": "veto", "echoes": "echo", "torpedoes": "torpedo",
    "lice": "louse", "oxen": "ox", "dice": "die", "indices": "index", "matrices": "matrix",
}
# Nouns whose plural is the singular (or that only come as a plural): kept as written.
INVARIANT = {
    "police", "staff", "personnel", "sheep", "fish", "deer", "aircraft", "series", "species", "news",
    "cattle", "livestock", "offspring", "crew", "clergy", "militia", "data", "media",
    "spacecraft", "hovercraft", "headquarters", "means", "cargo", "equipment", "debris",
    "kroner", "krone", "yuan", "yen", "baht", "rand", "naira", "renminbi",
}
# American spellings of units, so "50 meters" and "50 metres" compare equal.
SPELLING = {"meter": "metre", "kilometer": "kilometre", "centimeter": "centimetre", "millimeter": "millimetre",
            "liter": "litre", "kilometre": "kilometre"}
UNIT_ABBREVIATIONS = {
    "km": "kilometre", "kms": "kilometre", "cm": "centimetre", "mm": "millimetre", "kg": "kilogram",
    "kgs": "kilogram", "lb": "pound", "lbs": "pound", "ft": "foot", "mph": "mph", "km/h": "km/h",
    "sq": "square", "ha": "hectare", "mw": "megawatt", "gw": "gigawatt",
}


# Compounds of "man" whose plural ends in "men" ("two of the gunmen", "five policemen"); a list,
# because "omen", "specimen" and "Yemen" end in "men" too.
_MAN_COMPOUNDS = frozenset(
    "gun police fire fisher service congress chair spokes business sales crew country trades horse "
    "clergy states lines sea air work fore watch council alder middle gentle fresh sports kins "
    "towns patrol committee camera anchor mad bats marks hench".split()
)


def _man_compound(word: str) -> bool:
    return word.endswith("men") and word[:-3] in _MAN_COMPOUNDS


def singular(word: str) -> str:
    """'firefighters' -> 'firefighter', 'cities' -> 'city', 'children' -> 'child', 'people' -> 'people'."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if "-" in word:  # "off-duty" stays whole; "fire-fighters" singularises its last part
        head, _, last = word.rpartition("-")
        return f"{head}-{singular(last)}"
    if word in INVARIANT:
        result = word
    elif word in IRREGULAR_PLURALS:
        result = IRREGULAR_PLURALS[word]
    elif _man_compound(word):
        result = word[:-3] + "man"
    elif word.endswith("ies") and len(word) > 4:
        result = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        result = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        result = word[:-1]
    else:
        result = word
    return SPELLING.get(result, result)


def looks_plural(word: str) -> bool:
    """A guess good enough for the noun after a number: 'warehouses' yes, 'glass'/'bus'/'news' no."""
    lower = word.lower().replace("’", "'")
    if lower in IRREGULAR_PLURALS or lower == "people" or _man_compound(lower):
        return True
    if lower in INVARIANT or "'" in lower:
        return False
    last = lower.rpartition("-")[2]
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "ous"))

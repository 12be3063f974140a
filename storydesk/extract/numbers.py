"""Reading numbers written in words or digits: "twenty-three", "1,200", "1.5 million", "a dozen"."""

from __future__ import annotations

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
FRACTIONS = {"half": 0.5, "a half": 0.5, "one-half": 0.5, "a third": 1 / 3, "one-third": 1 / 3, "two-thirds": 2 / 3,
             "a quarter": 0.25, "one-quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75}
# Vague counts: the value is the smallest the word allows, marked ">=" by the caller.
VAGUE = {"a dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000}

NUMBER_WORDS = "|".join(sorted({*UNITS, *TENS, "hundred", "a"}, key=len, reverse=True))
WORD_NUMBER = rf"(?:(?:{'|'.join(sorted(TENS, key=len, reverse=True))})-(?:{'|'.join(sorted(UNITS, key=len, reverse=True))})|" \
              rf"{'|'.join(sorted({*UNITS, *TENS}, key=len, reverse=True))})"


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; None when it is not one."""
    text = text.strip().lower().replace(",", "")
    if not text:
        return None
    if text in VAGUE:
        return float(VAGUE[text])
    words = text.replace("-", " ").split()
    scale = 1.0
    if len(words) > 1 and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    try:
        return float(" ".join(words)) * scale
    except ValueError:
        pass
    total = 0
    for word in words:
        if word in UNITS:
            total += UNITS[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "and":
            continue
        else:
            return None
    return float(total) * scale

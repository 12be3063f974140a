"""Renderers read only the Digest, so JSON, Markdown, HTML and the terminal cannot disagree."""

import re

_BOUND = re.compile(r"^(>=|<=|~|>|<)?(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$")
_SYMBOL = {">=": "≥", "<=": "≤"}


def shown_value(value: str | float | int | None) -> str:
    """A disagreement's value as a reader writes it: "1,000,000,000,000", "~1,000,000", "≥4"; a date
    or a name as it is."""
    if value is None:
        return "—"
    if isinstance(value, str):
        bound = _BOUND.match(value)
        if bound is None:
            return value
        qualifier, number = bound.group(1) or "", float(bound.group(2))
        return _SYMBOL.get(qualifier, qualifier) + _number(number)
    return _number(float(value))


def _number(number: float) -> str:
    # separators from five digits on: a year ("1899", a date conflict's value) reads as written
    if abs(number) < 10_000:
        return str(int(number)) if number.is_integer() else f"{number:.6g}"
    return f"{int(number):,}" if number.is_integer() else f"{number:,.6g}"

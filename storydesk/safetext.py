"""Text that can always be written: lone surrogates replaced, counted so the replacement is reported.

A JSON record may carry a lone UTF-16 surrogate escape ("\\ud800") and a file name that is not
UTF-8 reaches Python as surrogate escapes; neither can be encoded as UTF-8, so writing either
would fail. Each is replaced with U+FFFD, the Unicode replacement character, at the edge where
it comes in (ingest) and again where text goes out (the writers), and the count is reported.
"""

from __future__ import annotations

import re
from pathlib import Path

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """(text with every lone surrogate replaced by U+FFFD, how many were replaced)."""
    if text.isascii():
        return text, 0
    return _SURROGATE.subn(REPLACEMENT, text)


def encodable(text: str) -> str:
    """The text with lone surrogates replaced: always encodable as UTF-8."""
    return replace_surrogates(text)[0]


def shown(path: str | Path) -> str:
    """A path as text that can be printed and stored (undecodable bytes of its name as U+FFFD)."""
    return encodable(str(path))


def replace_surrogates_in(value: object) -> tuple[object, int]:
    """A parsed JSON value with lone surrogates replaced in every string (keys too), and the count.

    Callers bound the nesting depth first (see ingest.MAX_JSON_DEPTH), so recursion is safe."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        total = 0
        items = []
        for item in value:
            item, count = replace_surrogates_in(item)
            items.append(item)
            total += count
        return items, total
    if isinstance(value, dict):
        total = 0
        pairs = {}
        for key, item in value.items():
            key, key_count = replace_surrogates(key)
            item, count = replace_surrogates_in(item)
            pairs[key] = item
            total += key_count + count
        return pairs, total
    return value, 0

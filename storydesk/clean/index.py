"""Where runs of words occur among many lines, found without comparing every pair (repeats,
pull quotes, paragraphs of a body found in a page)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

# Up to this many characters texts are searched as one string for each query (each search is
# linear, so quadratic overall, but in C); longer ones (a 20 MB page) are indexed by word runs.
MAX_SCANNED_CHARS = 200_000
# ... and a few texts of any size are searched so too (few searches, each linear): indexing every
# word run of one 60 MB unbroken line took 2.4 GB.
MAX_SCANNED_TEXTS = 16
INDEX_WORDS = 4  # runs of this many words index texts for WordIndex (<= every query's length)


class WordIndex:
    """Where runs of words occur in many texts, found in time linear in the texts.

    Texts are `line_key`s (words joined by single spaces). Each is indexed by its `INDEX_WORDS`-
    word runs, so a query is checked only where its first run occurs instead of against every
    text (which made cleaning quadratic in lines). `joined=True` reads the texts as one, so a
    query may run across from one text into the next.
    """

    def __init__(self, keys: list[str], joined: bool = False) -> None:
        self._words: list[str | None] = []
        self._owner: list[int] = []  # for each word, the text it is from
        self._sizes = [len(key.split()) for key in keys]
        for n, key in enumerate(keys):
            self._words.extend(key.split())
            self._owner.extend([n] * self._sizes[n])
            if not joined:
                self._words.append(None)  # matches no word: a query cannot run into the next text
                self._owner.append(n)
        self._where: dict[tuple[str | None, ...], list[int]] = {}
        for i in range(len(self._words) - INDEX_WORDS + 1):
            self._where.setdefault(tuple(self._words[i:i + INDEX_WORDS]), []).append(i)

    def _matches(self, key: str) -> Iterator[int]:
        words = key.split()
        size, last = len(words), len(self._words) - len(words)
        if size >= INDEX_WORDS:
            starts: Iterable[int] = self._where.get(tuple(words[:INDEX_WORDS]), ())
        else:  # too short to look up by a run (rare: callers ask about longer lines)
            starts = (i for i, word in enumerate(self._words) if word == words[0]) if words else ()
        # Lazy, and a start too late for the whole key is never compared: in a page of one
        # paragraph pasted over and over, a long line's first run occurs everywhere, and comparing
        # a slice at each start made a 2 MB unbroken text take minutes.
        return (i for i in starts if i <= last and self._words[i:i + size] == words)

    def contains(self, key: str) -> bool:
        """Whether `key` occurs, whole words, in the texts."""
        return next(self._matches(key), None) is not None

    def inside_longer(self, key: str) -> bool:
        """Whether `key` occurs, whole words, inside a text longer than itself."""
        size = len(key.split())
        return any(self._sizes[self._owner[i]] > size for i in self._matches(key))


class ScanIndex:
    """`WordIndex`'s questions answered by substring search over the texts joined: faster for a
    page's worth of text (the search runs in C), quadratic for a huge one (`word_index` picks)."""

    def __init__(self, keys: list[str], joined: bool = False) -> None:
        separator = " " if joined else " \n "  # a newline is no word: a query cannot run across
        self._text = f" {separator.join(keys)} "
        self._starts: list[int] = []  # where each text begins in `_text`
        self._sizes = [len(key.split()) for key in keys]
        position = 1
        for key in keys:
            self._starts.append(position)
            position += len(key) + len(separator)

    def contains(self, key: str) -> bool:
        return f" {key} " in self._text

    def inside_longer(self, key: str) -> bool:
        needle, size = f" {key} ", len(key.split())
        found = self._text.find(needle)
        while found >= 0:
            if self._sizes[bisect_right(self._starts, found + 1) - 1] > size:
                return True
            found = self._text.find(needle, found + 1)
        return False


def word_index(keys: list[str], joined: bool = False) -> WordIndex | ScanIndex:
    """An index of the texts' word runs: by substring search up to `MAX_SCANNED_CHARS` (or for a few
    texts), else by runs."""
    if len(keys) <= MAX_SCANNED_TEXTS or sum(len(key) + 1 for key in keys) <= MAX_SCANNED_CHARS:
        return ScanIndex(keys, joined)
    return WordIndex(keys, joined)

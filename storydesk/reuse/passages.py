"""Shared passages between two texts, robust to small edits.

Both texts are reduced to word tokens (lower-cased `\\w+`, so punctuation, curly vs straight
quotes and "Mr" vs "Mr." do not matter), each token keeping its character offsets. Every
SEED_WORDS-gram the two texts share is a seed; seeds on (nearly) the same diagonal are chained
across gaps of a few words (a word dropped, added or changed), and chains shorter than
MIN_PASSAGE_WORDS are dropped, so a rewrite that keeps a phrase here and there scores low.
A passage that is a quote both outlets carry, with little narrative around it, is not copy
(MIN_UNQUOTED_WORDS): independent outlets quote the same people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count

import numpy as np

from storydesk.model import Passage

# Four words is the shortest run that is rarely shared by chance inside one story ("said in a
# statement" is four, but it never chains to MIN_PASSAGE_WORDS on its own).
SEED_WORDS = 4
# A chain survives a gap of this many words on either side: one edit ("told" -> "urged"), a
# dropped adjective, "Mr al-Rubaie" for "al-Rubaie".
MAX_GAP_WORDS = 3
# The shortest passage counted as shared copy: about one clause. Chosen on the bundled example,
# where the rewrite (city-tribune) shares only quotes and names with the wire and must score low.
MIN_PASSAGE_WORDS = 12
# A shared quote is not copy: independent outlets quote the same speaker, and a statement comes
# with "he said in a statement" around it. A passage counts only when, in one text or the other,
# at least this many of its words lie outside quotation marks: a passage's worth of narrative.
# (A share rule, 80% inside quotes, let through an 18-word statement with its 5-word
# attribution in Multi-News ta011, two outlets that only quoted Stallone.)
MIN_UNQUOTED_WORDS = MIN_PASSAGE_WORDS
# A shingle one text carries more often than this (a live blog's repeated list of headlines, a
# menu) seeds nothing: it cannot say where copying happened, and seeds grow with the square of
# the repeats (one 6,000-word Multi-News page made 18,615 runs to chain against its copy).
MAX_SEED_REPEATS = 3
# How many of the latest runs a new piece may continue: enough to step over a stray seed or two
# ("said in a statement" elsewhere in the text) between two pieces of one passage.
CHAIN_LOOKBACK = 8
_NON_WORD = re.compile(r"(\W+)")
# Within a paragraph: a quote left open (news style opens each paragraph of a long quote) must
# not pair with the next paragraph's mark and turn the rest of the text inside out.
_QUOTE = re.compile(r"[\"“”]([^\"“”\n]{10,}?)[\"“”]")
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Tokens:
    """A text as word tokens: shingle hashes for matching, character offsets to point back.

    Only what alignment needs is kept (the corpus path holds thousands): ~20 bytes a word."""

    starts: np.ndarray  # int32 character offset where each token starts (bodies are far below 2 GB)
    ends: np.ndarray
    quoted_before: np.ndarray  # how many tokens before each position (len + 1) sit inside quotes
    shingles: np.ndarray  # uint64 hash of the SEED_WORDS words from each token on (len - SEED_WORDS + 1)

    def __len__(self) -> int:
        return len(self.starts)


class Vocabulary:
    """Word ids shared by the texts compared with one another (one per story or corpus)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.issued = 0  # ids handed out so far, used or not

    def lookup(self, words: list[str]) -> np.ndarray:
        """The id of each word, new words getting new ids."""
        # setdefault over a running counter stays in C; the counter moves for every word, so ids
        # are unique but not contiguous, and the next call must start past all of them.
        first = self.issued + 1
        self.issued += len(words)
        return np.fromiter(map(self.ids.setdefault, words, count(first)), dtype=np.int64, count=len(words))


def tokenize(text: str, vocabulary: Vocabulary) -> Tokens:
    """`text` as lower-cased word tokens with their character offsets."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two ("İ"): keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # Splitting on non-word runs keeps words and separators alternating, so every offset is a
    # running sum of lengths: C speed, where a finditer loop costs ~1 ms per article. Only the
    # first and last word can be empty (text opening or closing on punctuation).
    parts = _NON_WORD.split(lowered)
    lengths = np.fromiter(map(len, parts), dtype=np.int32, count=len(parts))
    starts = np.concatenate(([0], np.cumsum(lengths, dtype=np.int32)))[0:-1:2]
    ends = starts + lengths[0::2]
    words = parts[0::2]
    first, last = int(not words[0]), len(words) - int(not words[-1])
    if first or last < len(words):
        words, starts, ends = words[first:max(first, last)], starts[first:last], ends[first:last]
    ids = vocabulary.lookup(words)
    quoted = np.zeros(len(words), dtype=bool)
    for match in _QUOTE.finditer(text):
        lo, hi = np.searchsorted(starts, [match.start(1), match.end(1)])
        quoted[lo:hi] = True
    return Tokens(starts, ends, np.concatenate(([0], np.cumsum(quoted, dtype=np.int32))), shingle_hashes(ids))


def shingle_hashes(ids: np.ndarray, size: int = SEED_WORDS) -> np.ndarray:
    """One uint64 hash per run of `size` consecutive token ids (empty when the text is shorter)."""
    n = len(ids) - size + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    values = ids.astype(np.uint64)
    hashes = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(size):
            hashes = (hashes ^ values[offset:offset + n]) * _MIX
            hashes ^= hashes >> np.uint64(29)
    return hashes


def shared_token_runs(a: Tokens, b: Tokens) -> list[tuple[int, int, int, int]]:
    """Maximal shared runs as token ranges (a_start, a_end, b_start, b_end), longest first kept."""
    a_hashes, b_hashes = a.shingles, b.shingles
    if not len(a_hashes) or not len(b_hashes):
        return []
    # Seeds: every (i, j) with the same shingle at a[i] and b[j], found by binary search.
    order = np.argsort(b_hashes, kind="stable")
    sorted_b = b_hashes[order]
    lo = np.searchsorted(sorted_b, a_hashes, "left")
    counts = np.searchsorted(sorted_b, a_hashes, "right") - lo
    counts[counts > MAX_SEED_REPEATS] = 0
    total = int(counts.sum())
    if not total:
        return []
    seed_a = np.repeat(np.arange(len(a_hashes)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    seed_b = order[np.repeat(lo, counts) + within]
    return _chain(_diagonal_runs(seed_a, seed_b))


def _diagonal_runs(seed_a: np.ndarray, seed_b: np.ndarray) -> list[list[int]]:
    """Seeds on one diagonal, each close to the last, as runs (vectorized: seeds are many)."""
    diagonal = seed_a - seed_b
    order = np.lexsort((seed_a, diagonal))
    seed_a, seed_b, diagonal = seed_a[order], seed_b[order], diagonal[order]
    breaks = np.nonzero((np.diff(diagonal) != 0) | (np.diff(seed_a) > SEED_WORDS + MAX_GAP_WORDS))[0] + 1
    firsts = np.concatenate(([0], breaks))
    lasts = np.concatenate((breaks - 1, [len(seed_a) - 1]))
    runs = np.stack([seed_a[firsts], seed_a[lasts] + SEED_WORDS, seed_b[firsts], seed_b[lasts] + SEED_WORDS], axis=1)
    return runs[np.argsort(runs[:, 0], kind="stable")].tolist()


def _chain(pieces: list[list[int]]) -> list[tuple[int, int, int, int]]:
    """Join runs across small gaps off the diagonal (a word added or dropped), then keep the
    long ones that do not overlap a longer one."""
    runs: list[list[int]] = []
    for a0, a1, b0, b1 in pieces:
        # Newest first: the run a piece continues is almost always the one just extended.
        for run in reversed(runs[-CHAIN_LOOKBACK:]):
            gap_a, gap_b = a0 - run[1], b0 - run[3]
            if -SEED_WORDS < gap_a <= MAX_GAP_WORDS and -SEED_WORDS < gap_b <= MAX_GAP_WORDS \
                    and abs(gap_a - gap_b) <= MAX_GAP_WORDS and b0 >= run[2]:
                if a1 > run[1]:
                    run[1] = a1
                if b1 > run[3]:
                    run[3] = b1
                break
        else:
            runs.append([a0, a1, b0, b1])
    runs = [r for r in runs if min(r[1] - r[0], r[3] - r[2]) >= MIN_PASSAGE_WORDS]
    # A repeated sentence can match twice; keep the longest runs and drop ones overlapping them.
    runs.sort(key=lambda r: r[0] - r[1])
    kept: list[list[int]] = []
    for run in runs:
        a0, a1, b0, b1 = run
        for k in kept:
            if (a0 < k[1] and a1 > k[0]) or (b0 < k[3] and b1 > k[2]):
                break
        else:
            kept.append(run)
    return [tuple(r) for r in sorted(kept)]


def aligned_runs(a: Tokens, b: Tokens) -> np.ndarray:
    """Shared runs as an (n, 4) array of token ranges, quotes both outlets carry left out."""
    runs = np.array(shared_token_runs(a, b), dtype=np.int64).reshape(-1, 4)
    if not len(runs):
        return runs
    unquoted_a = runs[:, 1] - runs[:, 0] - (a.quoted_before[runs[:, 1]] - a.quoted_before[runs[:, 0]])
    unquoted_b = runs[:, 3] - runs[:, 2] - (b.quoted_before[runs[:, 3]] - b.quoted_before[runs[:, 2]])
    return runs[np.maximum(unquoted_a, unquoted_b) >= MIN_UNQUOTED_WORDS]


def runs_to_passages(a: Tokens, b: Tokens, runs: np.ndarray) -> list[Passage]:
    """Token runs as character offsets: from the first token's start to the last token's end."""
    return [Passage(*r) for r in zip(a.starts[runs[:, 0]].tolist(), a.ends[runs[:, 1] - 1].tolist(),
                                     b.starts[runs[:, 2]].tolist(), b.ends[runs[:, 3] - 1].tolist(), strict=True)]


def shared_passages(a: Tokens, b: Tokens) -> list[Passage]:
    """Shared passages with character offsets into both texts, quotes both outlets carry left out."""
    return runs_to_passages(a, b, aligned_runs(a, b))


def covered_share(tokens: Tokens, spans: list[tuple[int, int]]) -> float:
    """Share of the tokens that fall inside the character spans."""
    if not len(tokens):
        return 0.0
    return float(covered_mask(tokens, spans).mean())


def covered_mask(tokens: Tokens, spans: list[tuple[int, int]]) -> np.ndarray:
    """True for each token inside one of the character spans (spans may overlap)."""
    depth = np.zeros(len(tokens) + 1, dtype=np.int32)
    if spans:
        bounds = np.searchsorted(tokens.starts, np.asarray(spans, dtype=np.int64))
        np.add.at(depth, bounds[:, 0], 1)
        np.add.at(depth, bounds[:, 1], -1)
    return np.cumsum(depth[:-1]) > 0

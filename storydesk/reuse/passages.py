"""Shared passages between two texts, robust to small edits.

Both texts are reduced to word tokens (lower-cased `\\w+`, so punctuation, curly vs straight
quotes and "Mr" vs "Mr." do not matter), each token keeping its character offsets. Every
SEED_WORDS-gram the two texts share is a seed; seeds on (nearly) the same diagonal are chained
across gaps of a few words (a word dropped, added or changed), and chains shorter than
MIN_PASSAGE_WORDS are dropped, so a rewrite that keeps a phrase here and there scores low.
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
# A passage lying this much inside quotation marks in both texts is a quote both outlets
# carried, not copy one took from the other: independent outlets quote the same speaker.
QUOTE_SHARE = 0.8
_NON_WORD = re.compile(r"(\W+)")
_QUOTE = re.compile(r"[\"“”]([^\"“”]{10,}?)[\"“”]")
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Tokens:
    """A text as word tokens: ids for matching, character offsets to point back."""

    ids: np.ndarray  # int64 ids of the lower-cased words
    starts: np.ndarray  # character offset where each token starts
    ends: np.ndarray
    quoted: np.ndarray  # bool: token sits inside quotation marks

    def __len__(self) -> int:
        return len(self.ids)


def tokenize(text: str, vocabulary: dict[str, int]) -> Tokens:
    """`text` as tokens; `vocabulary` maps words to ids and grows (share one across a corpus)."""
    # Splitting on non-word runs keeps words and separators alternating, so every offset is a
    # running sum of lengths: C speed, where a finditer loop costs ~1 ms per article.
    parts = _NON_WORD.split(text)
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    words = parts[0::2]
    word_lengths = lengths[0::2]
    keep = word_lengths > 0
    starts = offsets[0::2][:len(words)][keep]
    ends = starts + word_lengths[keep]
    words = [w for w, k in zip(words, keep.tolist(), strict=True) if k]
    # ids need only be unique per word: setdefault with a running counter stays in C.
    ids = np.fromiter(map(vocabulary.setdefault, map(str.lower, words), count(len(vocabulary) + 1)),
                      dtype=np.int64, count=len(words))
    quoted = np.zeros(len(words), dtype=bool)
    for match in _QUOTE.finditer(text):
        lo, hi = np.searchsorted(starts, [match.start(1), match.end(1)])
        quoted[lo:hi] = True
    return Tokens(ids, starts, ends, quoted)


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


def shared_token_runs(
    a: Tokens, b: Tokens, a_hashes: np.ndarray | None = None, b_hashes: np.ndarray | None = None
) -> list[tuple[int, int, int, int]]:
    """Maximal shared runs as token ranges (a_start, a_end, b_start, b_end), longest first kept."""
    a_hashes = shingle_hashes(a.ids) if a_hashes is None else a_hashes
    b_hashes = shingle_hashes(b.ids) if b_hashes is None else b_hashes
    if not len(a_hashes) or not len(b_hashes):
        return []
    # Seeds: every (i, j) with the same shingle at a[i] and b[j], found by binary search.
    order = np.argsort(b_hashes, kind="stable")
    sorted_b = b_hashes[order]
    lo = np.searchsorted(sorted_b, a_hashes, "left")
    counts = np.searchsorted(sorted_b, a_hashes, "right") - lo
    total = int(counts.sum())
    if not total:
        return []
    seed_a = np.repeat(np.arange(len(a_hashes)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    seed_b = order[np.repeat(lo, counts) + within]
    return _chain(_diagonal_runs(seed_a, seed_b))


def _diagonal_runs(seed_a: np.ndarray, seed_b: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Seeds on one diagonal, each close to the last, as runs (vectorized: seeds are many)."""
    diagonal = seed_a - seed_b
    order = np.lexsort((seed_a, diagonal))
    seed_a, seed_b, diagonal = seed_a[order], seed_b[order], diagonal[order]
    breaks = np.nonzero((np.diff(diagonal) != 0) | (np.diff(seed_a) > SEED_WORDS + MAX_GAP_WORDS))[0] + 1
    firsts = np.concatenate(([0], breaks))
    lasts = np.concatenate((breaks - 1, [len(seed_a) - 1]))
    runs = np.stack([seed_a[firsts], seed_a[lasts] + SEED_WORDS, seed_b[firsts], seed_b[lasts] + SEED_WORDS], axis=1)
    return [tuple(r) for r in runs[np.argsort(runs[:, 0], kind="stable")].tolist()]


def _chain(pieces: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Join runs across small gaps off the diagonal (a word added or dropped), then keep the
    long ones that do not overlap a longer one."""
    runs: list[list[int]] = []
    for a0, a1, b0, b1 in pieces:
        for run in runs[-8:]:
            gap_a, gap_b = a0 - run[1], b0 - run[3]
            if -SEED_WORDS < gap_a <= MAX_GAP_WORDS and -SEED_WORDS < gap_b <= MAX_GAP_WORDS \
                    and abs(gap_a - gap_b) <= MAX_GAP_WORDS and b0 >= run[2]:
                run[1], run[3] = max(run[1], a1), max(run[3], b1)
                break
        else:
            runs.append([a0, a1, b0, b1])
    runs = [r for r in runs if min(r[1] - r[0], r[3] - r[2]) >= MIN_PASSAGE_WORDS]
    # A repeated sentence can match twice; keep the longest runs and drop ones overlapping them.
    runs.sort(key=lambda r: r[0] - r[1])
    kept: list[list[int]] = []
    for run in runs:
        if all(run[1] <= k[0] or run[0] >= k[1] for k in kept) and all(run[3] <= k[2] or run[2] >= k[3] for k in kept):
            kept.append(run)
    return [tuple(r) for r in sorted(kept)]


def shared_passages(a: Tokens, b: Tokens, a_hashes=None, b_hashes=None) -> list[Passage]:
    """Shared passages with character offsets into both texts, quotes both outlets carry left out."""
    passages = []
    for a0, a1, b0, b1 in shared_token_runs(a, b, a_hashes, b_hashes):
        if a.quoted[a0:a1].mean() >= QUOTE_SHARE and b.quoted[b0:b1].mean() >= QUOTE_SHARE:
            continue
        passages.append(Passage(int(a.starts[a0]), int(a.ends[a1 - 1]), int(b.starts[b0]), int(b.ends[b1 - 1])))
    return passages


def covered_share(tokens: Tokens, spans: list[tuple[int, int]]) -> float:
    """Share of the tokens that fall inside the character spans."""
    if not len(tokens):
        return 0.0
    return float(covered_mask(tokens, spans).mean())


def covered_mask(tokens: Tokens, spans: list[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(len(tokens), dtype=bool)
    for start, end in spans:
        lo, hi = np.searchsorted(tokens.starts, [start, end])
        mask[lo:hi] = True
    return mask

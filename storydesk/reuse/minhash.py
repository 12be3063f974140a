"""MinHash signatures and banded LSH on numpy, for candidate pairs in a corpus.

A signature is the minimum of NUM_PERM universal hashes over an article's word shingles; two
articles' signatures agree in a share of positions that estimates their Jaccard similarity.
LSH cuts the signature into BANDS bands of ROWS values: articles that agree on a whole band
share a bucket, so an article meets only its likely near-duplicates instead of every other one.
"""

from __future__ import annotations

import numpy as np

NUM_PERM = 128
# 42 bands of 3 rows (126 of the 128 values): pairs with Jaccard ~0.29 ((1/42)**(1/3)) collide
# half the time. A short wire brief with an edit every 15 words has only ~0.5 (4-word shingles),
# and 32 bands of 4 missed 7% of those (1 - (1 - 0.5**4)**32); 42 of 3 miss 0.1%. Unrelated
# articles of one story (below 0.05) collide 0.5% of the time and are cut by MIN_SIMILARITY.
BANDS = 42
ROWS = 3
# A bucket shared by many copies of one text keeps only its most recent members: the newest
# copies are the likeliest partners and the candidate list stays bounded.
MAX_BUCKET = 64
_MIX = np.uint64(0x9E3779B97F4A7C15)
# Shingles hashed in one matrix (NUM_PERM x this many uint64: 32 MB). A 60 MB text, 15M
# shingles, hashed at once took 15 GB; an article of a few thousand words is one chunk.
SIGNATURE_CHUNK = 1 << 15


class MinHasher:
    """Signatures with one fixed set of permutations (same seed, comparable signatures)."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = 1):
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.a = rng.integers(1, 1 << 61, size=(num_perm, 1), dtype=np.uint64) | np.uint64(1)
        self.b = rng.integers(0, 1 << 61, size=(num_perm, 1), dtype=np.uint64)

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """uint32 signature of a set of uint64 shingle hashes (all-max for an empty set).

        Repeats may stay in `shingles`: they cannot change a minimum."""
        if not len(shingles):
            return np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        minimum = self._hashed(shingles[:SIGNATURE_CHUNK]).min(axis=1)
        for start in range(SIGNATURE_CHUNK, len(shingles), SIGNATURE_CHUNK):
            np.minimum(minimum, self._hashed(shingles[start:start + SIGNATURE_CHUNK]).min(axis=1), out=minimum)
        # The top 32 bits of the minimum are the minimum of the top 32 bits: shift once, after.
        return (minimum >> np.uint64(32)).astype(np.uint32)

    def signatures(self, shingles: np.ndarray, counts: np.ndarray) -> list[np.ndarray]:
        """`signature` of several sets in one pass: `shingles` holds them one after another,
        `counts[i]` values (at least one) for the i-th."""
        ends = np.cumsum(counts)
        starts = ends - counts
        found: list[np.ndarray] = []
        first = 0
        while first < len(counts):  # runs of sets of at most SIGNATURE_CHUNK shingles, or one bigger set
            last = max(first + 1, int(np.searchsorted(ends, starts[first] + SIGNATURE_CHUNK, side="right")))
            if last == first + 1 and counts[first] > SIGNATURE_CHUNK:
                found.append(self.signature(shingles[starts[first]:ends[first]]))
            else:
                run = self._hashed(shingles[starts[first]:ends[last - 1]])
                minima = np.minimum.reduceat(run, starts[first:last] - starts[first], axis=1)
                found.extend(np.ascontiguousarray((minima >> np.uint64(32)).astype(np.uint32).T))
            first = last
        return found

    def _hashed(self, shingles: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            hashed = self.a * shingles[None, :]
            hashed += self.b
        return hashed


def band_keys(signature: np.ndarray, bands: int = BANDS, rows: int = ROWS) -> list:
    """One int per band: its `rows` values mixed together (a collision of two different bands is a
    2**-64 event, so equal keys mean equal bands). The one banding of the package: the reuse
    index and the story clusterer's near-duplicate index both use it. Given a stack of
    signatures (one a row), a list of key lists, one per signature."""
    values = signature[..., :bands * rows].reshape(*signature.shape[:-1], bands, rows).astype(np.uint64)
    keys = np.zeros(values.shape[:-1], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for row in range(rows):
            keys = (keys ^ values[..., row]) * _MIX
            keys ^= keys >> np.uint64(31)
    return keys.tolist()


class LSHIndex:
    """Banded buckets over signatures; `add_and_query` returns earlier articles worth aligning."""

    def __init__(self, num_perm: int = NUM_PERM, bands: int = BANDS, rows: int = ROWS, max_bucket: int = MAX_BUCKET):
        if bands * rows > num_perm:
            raise ValueError(f"{bands} bands of {rows} rows need {bands * rows} values; signatures have {num_perm}")
        self.rows = rows
        self.bands = bands
        self.max_bucket = max_bucket
        # One dict per band, keyed by the band's values folded into one int. Most buckets hold
        # one article, kept as a bare int: one-item lists made the index of 100,000 distinct
        # signatures 640 MB instead of 440 MB (tracemalloc).
        self.buckets: list[dict[int, int | list[int]]] = [{} for _ in range(bands)]
        self.signatures = np.zeros((1024, num_perm), dtype=np.uint32)
        self.count = 0

    def band_keys(self, signature: np.ndarray) -> list[int]:
        return band_keys(signature, self.bands, self.rows)

    def add_and_query(self, signature: np.ndarray) -> tuple[int, list[int]]:
        """Index `signature`; return its number and the earlier ones sharing a bucket with it."""
        number = self.count
        if number == len(self.signatures):
            self.signatures = np.concatenate((self.signatures, np.zeros_like(self.signatures)))
        self.signatures[number] = signature
        self.count += 1
        found: set[int] = set()
        for buckets, key in zip(self.buckets, self.band_keys(signature), strict=True):
            members = buckets.get(key)
            if members is None:
                buckets[key] = number
            elif isinstance(members, int):
                found.add(members)
                buckets[key] = [members, number]
            else:
                found.update(members)
                members.append(number)
                if len(members) > self.max_bucket:
                    del members[0]
        return number, sorted(found)

    def similarity(self, number: int, others: list[int]) -> np.ndarray:
        """Estimated Jaccard similarity of signature `number` with each of `others`."""
        if not others:
            return np.zeros(0)
        return (self.signatures[others] == self.signatures[number]).mean(axis=1)

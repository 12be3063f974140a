"""MinHash signatures and banded LSH on numpy, for candidate pairs in a corpus.

A signature is the minimum of NUM_PERM universal hashes over an article's word shingles; two
articles' signatures agree in a share of positions that estimates their Jaccard similarity.
LSH cuts the signature into BANDS bands: articles that agree on a whole band share a bucket, so
an article meets only its likely near-duplicates instead of every other article.
"""

from __future__ import annotations

import numpy as np

NUM_PERM = 128
# 32 bands of 4 rows: pairs with Jaccard ~0.42 ((1/32)**(1/4)) collide half the time; a wire copy
# with edits has 0.6-0.9, unrelated articles of one story below 0.05.
BANDS = 32
# A bucket shared by many copies of one text keeps only its most recent members: the newest
# copies are the likeliest partners and the candidate list stays bounded.
MAX_BUCKET = 64
_PRIME = np.uint64((1 << 61) - 1)


class MinHasher:
    """Signatures with one fixed set of permutations (same seed, comparable signatures)."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = 1):
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.a = rng.integers(1, 1 << 61, size=(num_perm, 1), dtype=np.uint64) | np.uint64(1)
        self.b = rng.integers(0, 1 << 61, size=(num_perm, 1), dtype=np.uint64)

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """uint32 signature of a set of uint64 shingle hashes (all-max for an empty set)."""
        if not len(shingles):
            return np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        with np.errstate(over="ignore"):
            hashed = (self.a * shingles[None, :] + self.b) >> np.uint64(32)
        return hashed.min(axis=1).astype(np.uint32)


class LSHIndex:
    """Banded buckets over signatures; `add_and_query` returns earlier articles worth aligning."""

    def __init__(self, num_perm: int = NUM_PERM, bands: int = BANDS, max_bucket: int = MAX_BUCKET):
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.rows = num_perm // bands
        self.bands = bands
        self.max_bucket = max_bucket
        self.buckets: list[dict[bytes, list[int]]] = [{} for _ in range(bands)]
        self.signatures: list[np.ndarray] = []

    def add_and_query(self, signature: np.ndarray) -> tuple[int, list[int]]:
        """Index `signature`; return its number and the earlier ones sharing a bucket with it."""
        number = len(self.signatures)
        self.signatures.append(signature)
        found: set[int] = set()
        for band, buckets in enumerate(self.buckets):
            key = signature[band * self.rows:(band + 1) * self.rows].tobytes()
            members = buckets.setdefault(key, [])
            found.update(members)
            members.append(number)
            if len(members) > self.max_bucket:
                del members[0]
        return number, sorted(found)

    def similarity(self, number: int, others: list[int]) -> np.ndarray:
        """Estimated Jaccard similarity of signature `number` with each of `others`."""
        if not others:
            return np.zeros(0)
        stacked = np.stack([self.signatures[o] for o in others])
        return (stacked == self.signatures[number]).mean(axis=1)

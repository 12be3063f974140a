"""What the clusterer sees of an article: hashed TF-IDF terms, names, and a near-duplicate signature.

Terms and names are hashed into a fixed number of buckets (the "hashing trick"), so the
vocabulary never has to be kept and memory stays flat on a stream of any length. Hashes are
CRC-32, not Python's `hash()`, because they must be the same in every process: the store keeps
document frequencies and story centroids across runs.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from storydesk.lexicon import STOP_WORDS, stem
from storydesk.model import Article
from storydesk.reuse.minhash import MinHasher

# 2**21 buckets: a few million distinct terms and names collide rarely enough not to matter
# (a collision merges two rare words' weights), and the document-frequency table is 8 MB.
HASH_BITS = 21
HASH_MASK = (1 << HASH_BITS) - 1
# Title words say what the story is about more than body words; counted this many times.
# Not tuned (the Multi-News stream has no titles): a headline's words as strong as a paragraph's.
TITLE_WEIGHT = 3
# Names in the lead say who the story is about; names further down are often background (an
# earlier case, a quoted expert). Lead names count LEAD_NAME_WEIGHT times in all. On the tune half
# of the event gold 1, 2 and 3 score within 0.01 pairwise F1 of each other (bench_cluster.py
# --lead-weights), too close to choose by; 2 is kept for the reason above.
LEAD_CHARS = 400
LEAD_NAME_WEIGHT = 2
# A name's hash is salted so that "Paris" the name and "paris" the word are separate features.
NAME_SALT = b"@"
_SALT_CRC = zlib.crc32(NAME_SALT)
# Near-duplicate signature: word 3-gram shingles, 64 min-hashes. 3 words catch reworded wire
# copy; 64 hashes estimate Jaccard within about +-0.06, enough to tell copy (>0.5) from topic.
SHINGLE_WORDS = 3
MINHASH_PERMUTATIONS = 64
# Only the body's first words are shingled: wire copy shows at the top, and it bounds the cost.
MINHASH_MAX_WORDS = 300

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# A name: capitalized words in a row ("Randall Hackett", "U.S. Coast Guard", "Crane Beach").
# Written so the engine never backtracks inside a word (same matches as "[A-Z][a-zA-Z'’-]*[a-z]...",
# a quarter faster: finding names is a fifth of the features' time).
_NAME_WORD = r"(?:[A-Z](?:[A-Z'’-]*[a-z][a-zA-Z'’-]*|\.(?:[A-Z]\.)+))"  # "Reyes", "McCain", "U.S."
_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD})*")
# The same runs, each with whether it opens a sentence (`_opens_sentence` as lookbehinds: a
# sentence end, then at most two spaces, quotes or brackets; or three of those; or the text's
# start), so one findall in C finds them all: group 1 is the run's first letter when it opens a
# sentence, "" when not; group 2 the run.
_QUOTING = "[ \"“‘'(]"
_ENDS = "[.!?:\n]"
_OPENING = (rf"(?<={_ENDS})|(?<={_ENDS}{_QUOTING})|(?<={_ENDS}{_QUOTING}{_QUOTING})|(?<={_QUOTING}{_QUOTING}{_QUOTING})"
            rf"|(?<![\s\S])|(?<=\A{_QUOTING})|(?<=\A{_QUOTING}{_QUOTING})")
# The capital first, then the word boundary: the same matches, but a pattern that opens with a
# character class lets the engine skip to the next capital letter in C (30% faster than "\b" first).
_PLACED_NAME = re.compile(rf"(?=[A-Z])\b(?:(?:{_OPENING})(?=(.))|)({_NAME_WORD}(?:\s+{_NAME_WORD})*)")

# Function words, and words every news story uses ("new", "time", weekdays): no story is told by them.
STOPWORDS = STOP_WORDS | frozenset("""
one two new like get got year years time week day monday tuesday wednesday thursday friday saturday sunday last
first may might must us way per via don didn doesn isn wasn won can't it's i'm that's there's he's she's
we're they're you're i've we've they've let's well back
""".split())
_POSSESSIVES = ("'s", "’s")
# A capitalized word that opens a sentence is usually not a name ("The", "But", "After").
_NOT_NAMES = STOPWORDS | {w.capitalize() for w in STOPWORDS}

# The reuse stage's hasher; its fixed seed keeps signatures comparable across runs and processes.
_HASHER = MinHasher(num_perm=MINHASH_PERMUTATIONS)


@dataclass(frozen=True)
class ArticleFeatures:
    """Raw counts of one article; weighting by IDF happens when the clusterer sees it."""

    article: str
    terms: Counter  # hashed term -> count (title words counted TITLE_WEIGHT times)
    names: Counter  # hashed name -> count
    signature: np.ndarray | None  # MinHash over word shingles; None for very short texts
    time: float | None  # publication time (POSIX seconds) when known


class _TokenTable:
    """Token -> term bucket (-1 for a stopword), filled as tokens are first seen.

    Bounded: cleared when it reaches LIMIT tokens, so a stream of endless new words cannot grow it.
    """

    # Small enough to stay in the CPU's cache: a look-up in a large table misses it, and misses
    # cost more than working a cleared token out again. 20,000 perturbed articles (~38 new tokens
    # each), looking up every article's vocabulary: 2.2 s with 500,000 tokens, 1.55 s with
    # 100,000, 1.27 s with 50,000, 1.16 s with 30,000, 1.59 s with 10,000.
    LIMIT = 50_000

    def __init__(self) -> None:
        # The bucket only: a token's CRC-32 (for the near-duplicate signature) is computed again
        # in C when needed, cheaper than a tuple per token (peak 45 MB lower on 20,000 perturbed articles).
        self.bucket_of: dict[str, int] = {}
        # A capitalized run as found (with whether it opens a sentence) -> what it adds (see
        # _effect): names repeat within and across articles, and working each one out again was a
        # third of the features' time.
        self.phrases: dict[tuple[str, str], _Effect] = {}

    def buckets(self, vocabulary: dict[str, None]) -> dict[str, int]:
        """The term bucket of each token of an article's vocabulary (stopwords already left out),
        learning the new ones.

        Looked up once per distinct token (in C): the table is large and a lookup in it misses the
        CPU cache, so the article's own tokens are then counted through the small dict returned."""
        table = self.bucket_of
        # The new tokens, found in C (a perturbed stream brings ~40 an article); the table's
        # order does not matter, only what it holds.
        new = list(itertools.filterfalse(table.__contains__, vocabulary))
        if new:
            if len(table) + len(new) > self.LIMIT:
                table.clear()
                self.phrases.clear()
                new = list(vocabulary)
            table.update(zip(new, _vocabulary_buckets(new), strict=True))
        return dict(zip(vocabulary, map(table.__getitem__, vocabulary), strict=True))

    def bucket(self, token: str) -> int:
        found = self.bucket_of.get(token)
        return found if found is not None else term_bucket(token)


_tokens = _TokenTable()


def _vocabulary_buckets(tokens: list[str]) -> list[int]:
    """`term_bucket` of each token, for tokens known not to be stopwords (an article's vocabulary
    leaves them out). Worked out over the list at once (CRC-32s in C, no call per token but the
    stem's): a perturbed stream brings ~40 new tokens an article."""
    keys = [stem(token[:-2] if token.endswith(_POSSESSIVES) else token) for token in tokens]
    crcs = map(zlib.crc32, map(str.encode, keys))
    return [-1 if key in STOPWORDS or len(key) < 2 else crc & HASH_MASK for key, crc in zip(keys, crcs, strict=True)]


def term_bucket(token: str) -> int:
    """A lowercased token's term bucket: the CRC-32 of its stem, or -1 for a stopword."""
    key = stem_word(token)
    return -1 if token in STOPWORDS or key in STOPWORDS or len(key) < 2 else zlib.crc32(key.encode()) & HASH_MASK


# What one capitalized run adds to an article's features, as a plain tuple (single, names, words):
#   single: one word (not a name when it opens a sentence);
#   names: the name's bucket, and its last word's for a multi-word name;
#   words: term buckets of its words (they count as the name, not as terms).
# A tuple of ints and bools, not a class: the garbage collector stops tracking such tuples, and a
# stream holds a few hundred thousand of them (collections were 8% of clustering's CPU on
# 20,000 perturbed articles, gc callbacks).
_Phrase = tuple[bool, tuple[int, ...], tuple[int, ...]]


def _phrase(raw: str, bucket_of: Callable[[str], int | None]) -> _Phrase | None:
    """What one capitalized run adds; `bucket_of` gives the term bucket of a known token (None when
    unknown: worked out here)."""
    words = raw.split()
    # Most runs hold no stopword and no possessive: each word is looked at only when one is there.
    if not _NOT_NAMES.isdisjoint(words):
        words = [w for w in words if w not in _NOT_NAMES]
    if "'s" in raw or "’s" in raw:
        words = [w[:-2] if w.endswith(_POSSESSIVES) else w for w in words]
    if not words:
        return None
    if len(words) == 1:  # most runs: no joining and splitting again
        word = words[0].lower()
        bucket = bucket_of(word)
        return (True, (name_bucket(word),), (term_bucket(word) if bucket is None else bucket,))
    phrase = " ".join(words).lower()
    names = (name_bucket(phrase), name_bucket(words[-1].lower()))
    # most of a name's words were just seen as tokens: no stemming again (looked up in C)
    lowered = phrase.split()
    buckets = list(map(bucket_of, lowered))
    if None in buckets:
        buckets = [term_bucket(word) if bucket is None else bucket for word, bucket in zip(lowered, buckets, strict=True)]
    return (False, names, tuple(buckets))


# What one capitalized run adds where it was found: (its name buckets, its words' term buckets);
# nothing for a stopword-only run or a single word opening a sentence (usually not a name).
_Effect = tuple[tuple[int, ...], tuple[int, ...]]
_NO_NAME: _Effect = ((), ())


def _effect(placed: tuple[str, str], bucket_of: Callable[[str], int | None]) -> _Effect:
    """`placed` as the name regex finds it: (the run's first letter when it opens a sentence, else
    "", the run)."""
    opening, raw = placed
    found = _phrase(raw, bucket_of)
    if found is None or (opening and found[0]):
        return _NO_NAME
    return found[1], found[2]


def stem_word(token: str) -> str:
    """The shared stem, possessives first ("fires" -> "fir", "Hackett's" -> "hackett")."""
    return stem(token[:-2] if token.endswith(("'s", "’s")) else token)


def name_bucket(name: str) -> int:
    # The CRC-32 of NAME_SALT + name, continued from the salt's (no concatenated copy).
    return zlib.crc32(name.encode(), _SALT_CRC) & HASH_MASK


def name_phrases(text: str) -> list[list[str]]:
    """Runs of capitalized words, each as its words (stopwords and possessives dropped).

    A lone capitalized word that opens a sentence ("Investigators said") is not taken for a name.
    """
    return [words for _, words in _placed_name_phrases(text)]


def _placed_name_phrases(text: str) -> list[tuple[int, list[str]]]:
    """`name_phrases` with where each starts."""
    phrases = []
    for match in _NAME.finditer(text):
        words = [w[:-2] if w.endswith(_POSSESSIVES) else w for w in match.group().split() if w not in _NOT_NAMES]
        if not words or (len(words) == 1 and _opens_sentence(text, match.start())):
            continue
        phrases.append((match.start(), words))
    return phrases


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def find_names(text: str) -> list[str]:
    """Names, lowercased; a multi-word name also counts its last word ("dana reyes", "reyes")."""
    names: list[str] = []
    for words in name_phrases(text):
        names.append(" ".join(words).lower())
        if len(words) > 1:
            names.append(words[-1].lower())
    return names


def article_features(article: Article) -> ArticleFeatures:
    """One article's features (see `batch_features`, which the clusterer uses)."""
    return batch_features([article])[0]


def batch_features(articles: Sequence[Article]) -> list[ArticleFeatures]:
    """Count each article's terms and names and sign its opening words; the signatures of the
    whole batch are computed together (numpy over all of them at once).

    A word inside a name counts as part of the name, not as a term: terms say what happened,
    names who and where, so two events that share a port and a fire chief are not made alike
    twice over ("Fire Chief Dana Reyes" adds no weight to the term "fire").
    """
    counted = [_counts(article) for article in articles]
    signatures = minhashes([hashes for _, _, hashes in counted])
    return [
        ArticleFeatures(article.id, terms, names, signature, article.published.timestamp() if article.published else None)
        for article, (terms, names, _), signature in zip(articles, counted, signatures, strict=True)
    ]


def _counts(article: Article) -> tuple[dict[int, int], Counter, list[int]]:
    """(term counts, name counts, the CRC-32 of the body's first MINHASH_MAX_WORDS words)."""
    body = article.text
    tokens = _WORD.findall(body.lower())
    # Stopwords (half the tokens) only ever count under bucket -1, which is dropped at the end:
    # left out before counting (filtered in C), the other buckets are counted in the same order.
    words = list(itertools.filterfalse(STOPWORDS.__contains__, tokens))
    title_words = list(itertools.filterfalse(STOPWORDS.__contains__, _WORD.findall(article.title.lower()))) if article.title else []
    vocabulary = dict.fromkeys(words)
    vocabulary.update(dict.fromkeys(title_words))
    bucket_of = _tokens.buckets(vocabulary)
    # Counted in C (Counter over the mapped tokens) through the article's own small dict.
    terms: Counter = Counter(map(bucket_of.__getitem__, words))
    for bucket in map(bucket_of.__getitem__, title_words):
        terms[bucket] += TITLE_WEIGHT
    # Every capitalized run with where it is (opens a sentence or not), each worked out once
    # (cached), then its names and words counted in C over the runs in order: the same counts, in
    # the same first-seen order, as one run at a time.
    effects = _tokens.phrases
    body_runs = _PLACED_NAME.findall(body)
    title_runs = _PLACED_NAME.findall(article.title) if article.title else []
    for placed in list(itertools.filterfalse(effects.__contains__, dict.fromkeys(body_runs + title_runs))):
        effects[placed] = _effect(placed, bucket_of.get)
    found = list(map(effects.__getitem__, body_runs))
    names: Counter = Counter(itertools.chain.from_iterable(map(operator.itemgetter(0), found)))
    # A word inside a name counts as the name: taken off the terms below.
    in_names: Counter = Counter(itertools.chain.from_iterable(map(operator.itemgetter(1), found)))
    for name_buckets, word_buckets in map(effects.__getitem__, title_runs):
        for bucket in name_buckets:
            names[bucket] += TITLE_WEIGHT
        for bucket in word_buckets:
            in_names[bucket] += TITLE_WEIGHT
    # A lead name's extra weight goes to the name only: its words count once as words.
    for match in _PLACED_NAME.finditer(body):
        if match.start() >= LEAD_CHARS:
            break
        for bucket in effects[match.groups("")][0]:
            names[bucket] += LEAD_NAME_WEIGHT - 1
    # Stopwords out, and the words that only ever appeared inside names. Walked over the name
    # words, fewer than the terms: the terms keep their counting order (weighing breaks ties by it).
    kept = dict(terms)
    kept.pop(-1, None)
    for bucket, count in in_names.items():
        left = kept.get(bucket)
        if left is not None:
            if left > count:
                kept[bucket] = left - count
            else:
                del kept[bucket]
    return kept, names, list(map(zlib.crc32, map(str.encode, tokens[:MINHASH_MAX_WORDS])))


def minhash(token_hashes: list[int]) -> np.ndarray | None:
    """MinHash of the word shingles; None for a text shorter than one shingle."""
    return minhashes([token_hashes])[0]


# Articles whose shingles are hashed in one numpy pass: 64 x 30,000 values, 15 MB at a time.
MINHASH_CHUNK = 100


def minhashes(token_hashes: Sequence[list[int]]) -> list[np.ndarray | None]:
    """`minhash` of many texts: shingles of every text in one array, the minimum per text by
    `np.minimum.reduceat` (the same values as one at a time, without numpy's per-call cost)."""
    signatures: list[np.ndarray | None] = [None] * len(token_hashes)
    signed = [i for i, hashes in enumerate(token_hashes) if len(hashes) >= SHINGLE_WORDS]
    for start in range(0, len(signed), MINHASH_CHUNK):
        chunk = signed[start:start + MINHASH_CHUNK]
        tokens = np.fromiter(itertools.chain.from_iterable(token_hashes[i] for i in chunk), dtype=np.uint64)
        lengths = np.array([len(token_hashes[i]) for i in chunk])
        ends = np.cumsum(lengths)
        span = len(tokens) - SHINGLE_WORDS + 1
        shingles = tokens[:span].copy()
        for offset in range(1, SHINGLE_WORDS):
            shingles = (shingles * np.uint64(1_000_003) + tokens[offset:span + offset]) & np.uint64(0xFFFFFFFF)
        # A text's shingles start at its first word and stop SHINGLE_WORDS - 1 words before its end.
        starts = ends - lengths
        valid = np.zeros(len(tokens), dtype=np.int64)
        np.add.at(valid, starts, 1)
        np.add.at(valid, ends - SHINGLE_WORDS + 1, -1)
        keep = np.cumsum(valid)[:span].astype(bool)
        counts = lengths - SHINGLE_WORDS + 1
        for i, signature in zip(chunk, _HASHER.signatures(shingles[keep], counts), strict=True):
            signatures[i] = signature
    return signatures


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


class DocumentFrequencies:
    """How many articles seen so far carry each hashed term or name, for inverse document frequency."""

    def __init__(self, counts: np.ndarray | None = None, documents: int = 0):
        self.counts = counts if counts is not None else np.zeros(1 << HASH_BITS, dtype=np.int32)
        self.documents = documents

    def add(self, features: ArticleFeatures) -> None:
        self.documents += 1
        keys = np.fromiter((*features.terms, *features.names), dtype=np.int64)
        self.counts[np.unique(keys)] += 1

    def add_all(self, batch: Sequence[ArticleFeatures]) -> None:
        """`add` for every article of a batch, in one numpy pass."""
        if not batch:
            return
        self.documents += len(batch)
        sizes = [len(f.terms) + len(f.names) for f in batch]
        keys = np.fromiter(itertools.chain.from_iterable(itertools.chain(f.terms, f.names) for f in batch),
                           dtype=np.int64, count=sum(sizes))
        # A term and a name can share a bucket: each article counts a bucket once. One unique over
        # (article, bucket) pairs, then one bincount, instead of a unique and np.add.at per article.
        article = np.repeat(np.arange(len(batch), dtype=np.int64), sizes)
        pairs = np.sort((article << HASH_BITS) | keys)  # sorted by hand: np.unique hashes, 20x slower here
        keys = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))] & HASH_MASK
        self.counts += np.bincount(keys, minlength=len(self.counts)).astype(self.counts.dtype)

    def to_bytes(self) -> bytes:
        """The table compressed (mostly zeros: a few hundred kB), for the store."""
        return zlib.compress(self.counts.tobytes(), 1)

    @classmethod
    def from_bytes(cls, data: bytes, documents: int) -> DocumentFrequencies:
        counts = np.frombuffer(zlib.decompress(data), dtype=np.int32).copy()
        if len(counts) != 1 << HASH_BITS:
            raise ValueError(f"document-frequency table has {len(counts)} buckets, expected {1 << HASH_BITS}")
        return cls(counts, documents)

    def weigh(self, counts: Counter, limit: int | None = None) -> dict[int, float]:
        """Sublinear TF times smoothed IDF, heaviest first, the `limit` heaviest kept, L2-normalised."""
        if not counts:
            return {}
        keys = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(tf)) * (np.log((self.documents + 1) / (self.counts[keys] + 1)) + 1.0)
        order = np.argsort(-weights, kind="stable")[:limit]
        keys, weights = keys[order], weights[order]
        weights /= math.sqrt(float(weights @ weights)) or 1.0
        return dict(zip(keys.tolist(), weights.tolist(), strict=True))

    def weigh_all(self, batch: Sequence[Counter | dict[int, int]], limit: int | None = None) -> list[dict[int, float]]:
        """`weigh` of every count vector of a batch: the weights computed and sorted in one numpy
        pass (the same values and order as one at a time)."""
        sizes = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        if not sizes.sum():
            return [{} for _ in batch]
        keys = np.fromiter(itertools.chain.from_iterable(batch), dtype=np.int64, count=int(sizes.sum()))
        tf = np.fromiter(itertools.chain.from_iterable(c.values() for c in batch), dtype=np.float64, count=len(keys))
        weights = (1.0 + np.log(tf)) * (np.log((self.documents + 1) / (self.counts[keys] + 1)) + 1.0)
        group = np.repeat(np.arange(len(batch)), sizes)
        order = np.lexsort((-weights, group))  # by vector, heaviest first, ties in counting order (stable)
        ends = np.cumsum(sizes)
        starts = ends - sizes
        kept = ends if limit is None else np.minimum(ends, starts + limit)
        keys, weights = keys[order], weights[order]
        key_list = keys.tolist()
        vectors = []
        for start, end in zip(starts.tolist(), kept.tolist(), strict=True):
            part = weights[start:end]
            part = part / (math.sqrt(float(part @ part)) or 1.0)  # per vector, as `weigh` sums it
            vectors.append(dict(zip(key_list[start:end], part.tolist(), strict=True)))
        return vectors

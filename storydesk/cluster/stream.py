"""Online story clustering: each article, in arrival order, joins the most similar live story or starts one.

A story keeps a centroid of its articles' TF-IDF term vectors and of their name vectors
(both summed, truncated to their heaviest entries), the MinHash signatures of a few of its
articles, and its time span. An article is compared only with the stories that share one of its
heaviest terms or names (an inverted index over each story's top entries) or a MinHash band
(near-duplicates), so the cost per article stays flat as the stream grows. Stories untouched for
longer than the time window (or, without dates, for too many articles) retire from the index.
An article that scores above the join threshold with two stories whose own similarity is high
shows they are one story: the younger is folded into the older and the move is recorded in
`merges` (the store moves its articles); so is an article still alone at the end of its batch
(or the next) whose words alone now match a grown story at the join threshold (the second
chance: it came before the rest of its event's coverage). A story keeps its members' own
vectors too, and one whose members drifted apart is cut in two (storydesk.cluster.drift),
recorded in `splits`.
Merges and splits, in the order they happened, are in `moves`.
"""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from storydesk.cluster.drift import (
    MAX_MEMBERS,
    MIN_PART_SIZE,
    Member,
    Split,
    due_for_check,
    pairwise_similarity,
    split_in_two,
)
from storydesk.cluster.features import (
    MINHASH_PERMUTATIONS,
    ArticleFeatures,
    DocumentFrequencies,
    article_features,
    batch_features,
    jaccard_estimate,
)
from storydesk.cluster.second_opinion import SECOND_OPINION_FLOOR, LeadOpinion
from storydesk.model import Article
from storydesk.reuse.minhash import band_keys

# Chosen by benchmarks/bench_cluster.py on the tune half of the event-labelled stream
# (benchmarks/gold/cluster/: val_stream.jsonl relabelled into events by reading; the half is the
# CRC-32 of the Multi-News story an event came from, even): the whole stream is clustered for each
# grid point and the point with the best pairwise F1 over the tune half's pairs is kept.
# With NAME_OFFSET and splitting (below), join 0.20-0.24 at name weight 0.75 score pairwise F1
# 0.928-0.936 on the tune half (0.18: 0.934); 0.2 is the grid's best.
JOIN_THRESHOLD = 0.2  # similarity an article needs to join a story
# Shared names add to the word similarity: word cosine + NAME_WEIGHT * name cosine. Added, not
# multiplied: a product let the same people and places lift a weak word match past the threshold
# (two lottery stories, two warships off Japan), a sum keeps the words' share of the evidence.
NAME_WEIGHT = 0.75
# Below this word cosine shared names add nothing: names alone never join two articles.
MIN_WORD_SIMILARITY = 0.1
# Names shared count for the story, names not shared against it: the name term is
# NAME_WEIGHT * (name cosine - NAME_OFFSET), so an article whose people and places the story has
# never named needs more shared words to join (two mothers charged with killing their children
# in two states, two lotteries, two warships: same kind of news, different events).
# Chosen on the tune half of the event gold (bench_cluster.py): offsets 0, 0.1, 0.2, 0.3 with
# join 0.16-0.28 and name weights 0.5-1.0; 0.1 is the only offset with a plateau (join 0.20-0.24 at
# name weight 0.75 all at pairwise F1 0.928-0.929, precision 0.95-0.97 against 0.87-0.94 at 0).
NAME_OFFSET = 0.1
# With embeddings on: EMBEDDING_WEIGHT of the score is the cosine of title-and-lead embeddings.
# On the tune half (weights 0.3 and 0.5, thresholds 0.20-0.36) the best point, 0.3 and 0.28,
# scores pairwise F1 0.921 against 0.920 without them, at ~20 articles per CPU-second for the
# embedding alone: they stay off by default.
EMBEDDING_WEIGHT = 0.3
EMBEDDING_JOIN_THRESHOLD = 0.28
EMBEDDING_NAME_WEIGHT = 0.5  # as tried with the embedding weight above
# Two live stories merge when an article joins one while scoring at least JOIN_THRESHOLD with the
# other, and the two stories' own similarity (centroid to centroid, same formula) reaches this:
# the article showed they meet. Set well above the join threshold so a bridge article alone is
# not enough (see bench_cluster.py's merge count).
MERGE_THRESHOLD = 0.5
# A story whose two parts (average link over its members' own vectors, storydesk.cluster.drift)
# are on average less alike than this, member to member, is cut in two. On the tune half, 0.2 to
# 0.5 score the same (pairwise F1 0.936 against 0.929 without splitting: the one split there parts
# two lottery stories); below 0.2 nothing splits there. 0.3 is inside that range with room on both
# sides: at the join threshold (0.2) a round-up article that tells both events is enough to hold
# two parts together (tests/test_cluster.py's round-up scores 0.21 between them).
SPLIT_THRESHOLD = 0.3
# A lone article's second chance (see `_second_chance`) scores the stories sharing most of its
# heaviest words: looked up by words alone (names do not count there) and only these many. 5 and
# 20 (with names in the look-up) give the same figures on the tune half, every fresh draw and in
# batches of 200; 5 by words halves what the second chance adds to assignment on the perturbed
# stream (8,000 articles in batches of 1,000: about +0.9 CPU-s of 3.6 with 20, +0.5 with 5).
SECOND_CHANCE_CANDIDATES = 5

# Two articles whose shingles overlap this much (estimated Jaccard) are copies of one text (wire
# copy, a republished story): the copy joins its original's story whatever the other scores say.
NEAR_DUPLICATE_JACCARD = 0.5
# LSH banding of the 64 min-hashes: 16 bands of 4 rows find pairs at Jaccard 0.5 with
# probability 0.64 and at 0.7 with 0.99, and rarely pair unrelated texts.
LSH_BANDS = 16
LSH_ROWS = MINHASH_PERMUTATIONS // LSH_BANDS
MAX_SIGNATURES = 16  # a story keeps the signatures of its first articles; copy usually comes early

# Coverage of one event mostly runs within a few days; a week leaves room for follow-ups. Not
# tuned (the validation stream has no dates): TDT-style trackers use windows of days to weeks.
STORY_WINDOW_DAYS = 7.0
# Without dates, a story that no article joined within this many arrivals retires (a busy day of
# wires and outlets is a few thousand articles).
MAX_IDLE_ARTICLES = 20_000
EXPIRE_EVERY = 256  # articles between sweeps for retired stories

# Sizes that bound the work per article. Measured: 50 to 3,000 centroid terms, 40 to all article
# terms and 10 to 40 candidates all score within 0.02 F1 on the validation stream; these are the
# smallest at the top, and what keeps a 10,000-article stream above 500 articles/s.
ARTICLE_TERMS = 100  # heaviest terms and names an article is compared by (more: no better F1)
ARTICLE_NAMES = 30
CENTROID_TERMS = 100  # heaviest terms a story centroid keeps
CENTROID_NAMES = 30
INDEX_TERMS = 20  # heaviest centroid terms and names a story is findable by
INDEX_NAMES = 8
QUERY_TERMS = 20  # heaviest article terms and names used to look up candidate stories
QUERY_NAMES = 8
MAX_CANDIDATES = 20  # stories scored exactly per article, those sharing most query entries first


@dataclass(frozen=True)
class ClusterOptions:
    """How the clusterer decides; the defaults are the tuned constants above."""

    join_threshold: float = JOIN_THRESHOLD
    name_weight: float = NAME_WEIGHT
    min_word_similarity: float = MIN_WORD_SIMILARITY
    near_duplicates: bool = True
    near_duplicate_jaccard: float = NEAR_DUPLICATE_JACCARD
    embeddings: bool = False  # add sentence-embedding similarity (storydesk.embed); slower
    embedding_weight: float = EMBEDDING_WEIGHT
    window_days: float = STORY_WINDOW_DAYS
    max_idle_articles: int = MAX_IDLE_ARTICLES
    merge_threshold: float = MERGE_THRESHOLD  # above 1 + name_weight: never merge
    name_offset: float = NAME_OFFSET
    split_threshold: float | None = SPLIT_THRESHOLD  # None: never split a story
    second_chance: bool = True  # a batch's lone articles look again at the stories grown since (a merge)
    # ... and those still alone with borderline words ask the sentence encoder (second_opinion.py); ~9x slower
    second_opinion: bool = False

    @classmethod
    def with_embeddings(cls) -> ClusterOptions:
        """Embeddings on, with the threshold and name weight tuned for them (~20x slower)."""
        return cls(embeddings=True, join_threshold=EMBEDDING_JOIN_THRESHOLD, name_weight=EMBEDDING_NAME_WEIGHT)


@dataclass(frozen=True)
class Assignment:
    article: str
    story: str
    score: float  # word cosine with the story plus weighted name cosine (can pass 1); 0.0 for a new story
    reason: str  # "new" | "similar" | "near-duplicate"


@dataclass(frozen=True)
class Merge:
    """Story `source` was folded into story `target` (every article of `source` now belongs to `target`)."""

    source: str
    target: str
    article: str  # the article that showed the two stories meet
    score: float  # the two stories' similarity


@dataclass
class StoryState:
    """What the clusterer remembers of one live story (mutable: it grows as articles join)."""

    id: str
    size: int = 0
    terms: dict[int, float] = field(default_factory=dict)  # summed article term weights
    names: dict[int, float] = field(default_factory=dict)
    first_time: float | None = None
    last_time: float | None = None
    last_seq: int = 0
    signatures: list[np.ndarray] = field(default_factory=list)
    embedding: np.ndarray | None = None  # sum of member embeddings
    # Each member's own vectors, in joining order, up to MAX_MEMBERS (drift: storydesk.cluster.drift).
    members: list[Member] = field(default_factory=list)
    terms_norm: float = 0.0
    names_norm: float = 0.0

    def refresh_norms(self) -> None:
        self.terms_norm = math.sqrt(sum(map(operator.mul, self.terms.values(), self.terms.values())))
        self.names_norm = math.sqrt(sum(map(operator.mul, self.names.values(), self.names.values())))

    def index_keys(self) -> tuple[list[int], list[int]]:
        return _heaviest(self.terms, INDEX_TERMS), _heaviest(self.names, INDEX_NAMES)

    def to_bytes(self) -> bytes:
        """The state as an .npz archive (arrays only, no pickle), for the store."""
        arrays = {
            "term_keys": np.fromiter(self.terms, dtype=np.int64, count=len(self.terms)),
            "term_weights": np.fromiter(self.terms.values(), dtype=np.float64, count=len(self.terms)),
            "name_keys": np.fromiter(self.names, dtype=np.int64, count=len(self.names)),
            "name_weights": np.fromiter(self.names.values(), dtype=np.float64, count=len(self.names)),
            "signatures": np.array(self.signatures, dtype=np.uint32).reshape(-1, MINHASH_PERMUTATIONS),
            "numbers": np.array([self.size, _nan(self.first_time), _nan(self.last_time), self.last_seq]),
        }
        if self.embedding is not None:
            arrays["embedding"] = self.embedding
        arrays.update(_member_arrays(self.members))
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, story_id: str, data: bytes) -> StoryState:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            size, first_time, last_time, last_seq = arrays["numbers"].tolist()
            story = cls(
                id=story_id,
                size=int(size),
                terms=dict(zip(arrays["term_keys"].tolist(), arrays["term_weights"].tolist(), strict=True)),
                names=dict(zip(arrays["name_keys"].tolist(), arrays["name_weights"].tolist(), strict=True)),
                first_time=None if math.isnan(first_time) else first_time,
                last_time=None if math.isnan(last_time) else last_time,
                last_seq=int(last_seq),
                signatures=list(arrays["signatures"]),
                embedding=arrays["embedding"] if "embedding" in arrays else None,
                members=_members_from(arrays),  # none in a state saved before members were kept
            )
        story.refresh_norms()
        return story


class StoryClusterer:
    """Assign articles to stories one at a time. State lives in the object; `stories` is the live set.

    >>> clusterer = StoryClusterer()
    >>> [a.story for a in clusterer.assign(articles)]  # doctest: +SKIP
    """

    def __init__(
        self,
        options: ClusterOptions | None = None,
        *,
        frequencies: DocumentFrequencies | None = None,
        stories: Iterable[StoryState] = (),
        next_story: int = 1,
        seen: int = 0,
        latest_time: float | None = None,
    ):
        self.options = options or ClusterOptions()
        self.frequencies = frequencies or DocumentFrequencies()
        self.next_story = next_story
        self.seen = seen  # articles assigned so far, over the clusterer's whole life
        # The stories this batch and the previous one started, with the article that started each:
        # a lone article gets a second chance at the end of its batch and of the next (not kept by
        # the store: a reloaded clusterer looks again at its own batch's only).
        self._started: dict[str, str] = {}
        self._started_before: dict[str, str] = {}
        self.latest_time = latest_time
        self.stories: dict[str, StoryState] = {}
        # Postings are dicts used as ordered sets: a set's order follows the string hash, which
        # differs per process, and candidates tied at the cut-off were then chosen by it (the same
        # stream could give different stories in two runs).
        self._term_index: dict[int, dict[str, None]] = {}
        self._name_index: dict[int, dict[str, None]] = {}
        self._band_index: dict[tuple[int, int], dict[str, None]] = {}
        self._indexed: dict[str, tuple[list[int], list[int]]] = {}
        self.retired: set[str] = set()  # stories that left the live set (the caller may clear it)
        self.merges: list[Merge] = []  # stories folded into others, in order (the caller may clear it)
        self.splits: list[Split] = []  # stories cut in two, in order (the caller may clear it)
        # Merges and splits together, in the order they happened: replaying them in this order
        # over the assignments gives every article its story now (the caller may clear it).
        self.moves: list[Merge | Split] = []
        # Band keys of the signatures in the band index and of the batch being placed, by the
        # signature's id (with the signature, so the id stays its own): computed once, for the
        # whole batch in one numpy pass, and found again when a story retires.
        self._bands: dict[int, tuple[np.ndarray, list[tuple[int, int]]]] = {}
        self._batch_bands: dict[int, tuple[np.ndarray, list[tuple[int, int]]]] = {}
        # The articles' leads, for the sentence encoder's second opinion (only `assign` gives them).
        self.opinion = LeadOpinion() if self.options.second_opinion else None
        for story in stories:
            self.stories[story.id] = story
            self._index(story)
            for signature in story.signatures:
                self._index_signature(story.id, signature)

    # -- public -------------------------------------------------------------------------------

    def assign(self, articles: Sequence[Article]) -> list[Assignment]:
        """Assign each article of a batch in order (see `assign_features`)."""
        embeddings = embed_articles(articles) if self.options.embeddings else None
        if self.opinion is not None:
            self.opinion.add(articles)
        with _collector_paused():
            return self.assign_features(batch_features(articles), embeddings)

    def assign_features(
        self, features: Sequence[ArticleFeatures], embeddings: Sequence[np.ndarray] | None = None
    ) -> list[Assignment]:
        """Assign a batch of featurised articles in order.

        The batch's words count in the document frequencies before any of it is placed: the
        batch is known, and the first articles of a small stream would otherwise be weighed
        with an IDF from a handful of documents.
        """
        with _collector_paused():
            return self._assign_features(features, embeddings)

    def _assign_features(self, features: Sequence[ArticleFeatures], embeddings: Sequence[np.ndarray] | None
                         ) -> list[Assignment]:
        self.frequencies.add_all(features)
        vectors = embeddings if embeddings is not None else [None] * len(features)
        # Weighed, and band keys made, for the whole batch at once: the frequencies are the
        # batch's from here on, and numpy's cost per call was most of weighing one article.
        terms = self.frequencies.weigh_all([f.terms for f in features], ARTICLE_TERMS)
        names = self.frequencies.weigh_all([f.names for f in features], ARTICLE_NAMES)
        signed = [f.signature for f in features if f.signature is not None]
        if signed:
            keys = band_keys(np.stack(signed), LSH_BANDS, LSH_ROWS)
            self._batch_bands = {id(s): (s, list(enumerate(k))) for s, k in zip(signed, keys, strict=True)}
        batch_start = self.seen
        try:
            placed = [self._place(*article) for article in zip(features, vectors, terms, names, strict=True)]
        finally:
            self._batch_bands = {}
        options = self.options
        if options.second_chance and options.merge_threshold <= 1 + options.name_weight:  # else: never merge
            # The previous batch's lone articles were compared at its end with every story then:
            # now only with the stories grown since.
            self._second_chance(self._started_before, grown_after=batch_start)
            self._second_chance(self._started, grown_after=-1)
        self._started_before, self._started = self._started, {}
        return placed

    def add(self, article: Article, embedding: np.ndarray | None = None) -> Assignment:
        """Assign one article as it arrives (a true stream: its words count from now on)."""
        return self.assign_features([article_features(article)], None if embedding is None else [embedding])[0]

    def _place(self, features: ArticleFeatures, embedding: np.ndarray | None, terms: dict[int, float],
               names: dict[int, float]) -> Assignment:
        self.seen += 1
        if features.time is not None:
            self.latest_time = max(self.latest_time or features.time, features.time)
        story, score, reason, runner_up = self._best_story(features, terms, names, embedding)
        if story is None:
            story = StoryState(id=f"story-{self.next_story}")
            self.next_story += 1
            self.stories[story.id] = story
            score, reason = 0.0, "new"
            self._started[story.id] = features.article
        self._join(story, features, terms, names, embedding)
        if runner_up is not None:
            story = self._maybe_merge(story, runner_up, features.article)
        if self.options.split_threshold is not None and due_for_check(story.size, len(story.members)):
            story = self._maybe_split(story, features.article)
        if self.seen % EXPIRE_EVERY == 0:
            self.expire()
        return Assignment(features.article, story.id, round(score, 4), reason)

    def expire(self) -> list[str]:
        """Retire stories outside the time window (or idle too long); returns their ids."""
        window = self.options.window_days * 86_400
        horizon = self.latest_time - window if self.latest_time is not None else None
        old = [
            s.id for s in self.stories.values()
            if (horizon is not None and s.last_time is not None and s.last_time < horizon)
            or self.seen - s.last_seq > self.options.max_idle_articles
        ]
        for story_id in old:
            self._retire(story_id)
        return old

    # -- scoring ------------------------------------------------------------------------------

    def _best_story(self, features, terms, names, embedding) -> tuple[StoryState | None, float, str, StoryState | None]:
        """The story to join (None: start one), its score, why, and the second story above the threshold."""
        if self.options.near_duplicates and features.signature is not None:
            copy_of = self._near_duplicate_story(features)
            if copy_of is not None:
                return (*copy_of, None)
        scored = []
        for story_id in self._candidates(terms, names):
            story = self.stories[story_id]
            if not self._in_window(story, features.time):
                continue
            score = self._similarity(story, terms, names, embedding)
            if score >= self.options.join_threshold:
                scored.append((score, story))
        if not scored:
            return None, self.options.join_threshold, "similar", None
        scored.sort(key=lambda item: -item[0])
        best_score, best = scored[0]
        return best, best_score, "similar", scored[1][1] if len(scored) > 1 else None

    def _similarity(self, story: StoryState, terms, names, embedding) -> float:
        text = _cosine(terms, story.terms, story.terms_norm)
        # Names add to what shared words say and cannot join stories alone: two events at the
        # same port with the same fire chief stay apart unless their words are alike too.
        if text < self.options.min_word_similarity:
            return text
        if not names or not story.names_norm:
            # No names on one side is no evidence of other people: the offset would count it against
            # (a study's abstract, which names no one, beside the news of it).
            score = text
        else:
            score = text + self.options.name_weight * (_cosine(names, story.names, story.names_norm) - self.options.name_offset)
        if embedding is not None and story.embedding is not None:
            weight = self.options.embedding_weight
            semantic = float(embedding @ story.embedding) / (float(np.linalg.norm(story.embedding)) or 1.0)
            score = (1 - weight) * score + weight * semantic
        return score

    def _maybe_merge(self, story: StoryState, other: StoryState, article: str) -> StoryState:
        """Fold the smaller of two stories into the larger when they are alike enough; returns the survivor."""
        if self.options.merge_threshold > 1 + self.options.name_weight or other.id not in self.stories:
            return story
        terms = _unit(story.terms, story.terms_norm)
        names = _unit(story.names, story.names_norm)
        embedding = None
        if story.embedding is not None:
            embedding = story.embedding / (float(np.linalg.norm(story.embedding)) or 1.0)
        score = self._similarity(other, terms, names, embedding)
        if score < self.options.merge_threshold:
            return story
        # The older story keeps its id (readers may already know it), whichever is larger.
        target, source = (story, other) if _story_number(story.id) < _story_number(other.id) else (other, story)
        self._absorb(target, source)
        merge = Merge(source.id, target.id, article, round(score, 4))
        self.merges.append(merge)
        self.moves.append(merge)
        return target

    def _second_chance(self, started: dict[str, str], grown_after: int) -> None:
        """Fold each story of `started` (story id: the article that started it) still of that one
        article into the story its words alone now match best at the join threshold, among the
        stories joined after the `grown_after`-th article.

        An article that came before the rest of its event's coverage started a story, and the
        coverage that followed could start another (each article is compared with the stories of
        its moment; the coverage's own articles were closer to one another than to it). At a
        batch's end the stories are grown, and the lone articles of this batch and the previous
        one are compared with them again. Names do not count here: the late joins they lift are
        the same people's other happening (a publisher's blurbs beside a book tour, the Iran talks
        beside Crimea's annexation), the ones words alone allow are one event told once more (a
        study's abstract, a post and the news of it). Recorded as a merge of the lone article's
        story into the other.
        """
        threshold = self.options.join_threshold
        for story_id, article in started.items():
            lone = self.stories.get(story_id)
            if lone is None or lone.size != 1:
                continue  # joined, merged, retired, or folded into an earlier lone story of this list
            best, best_words = None, threshold
            for story, words in self._grown_by_words(lone, grown_after):
                if words >= best_words:  # the last of equals, as it always was
                    best, best_words = story, words
            if best is not None:
                self._fold_lone(lone, best, article, best_words)
        if self.opinion is not None:
            self._second_opinion(started, grown_after)

    def _second_opinion(self, started: dict[str, str], grown_after: int) -> None:
        """Each story of `started` still of its one article, whose best story by words (as the second
        chance looks them up) scores SECOND_OPINION_FLOOR..join threshold, is folded into it when
        the sentence encoder finds their leads alike (storydesk.cluster.second_opinion)."""
        for story_id, article in started.items():
            lone = self.stories.get(story_id)
            if lone is None or lone.size != 1:
                continue
            best, best_words = None, -1.0
            for story, words in self._grown_by_words(lone, grown_after):
                if words > best_words:  # the first of equals
                    best, best_words = story, words
            if (best is not None and SECOND_OPINION_FLOOR <= best_words < self.options.join_threshold
                    and self.opinion.agrees(article, [m.article for m in best.members])):
                self._fold_lone(lone, best, article, best_words)

    def _grown_by_words(self, lone: StoryState, grown_after: int) -> Iterator[tuple[StoryState, float]]:
        """The stories that grew since `grown_after` among a lone story's candidates, each with its
        words' cosine to the lone story, in candidate order."""
        terms = _unit(lone.terms, lone.terms_norm)
        for candidate in self._candidates(lone.terms, {})[:SECOND_CHANCE_CANDIDATES]:
            story = self.stories[candidate]
            if story is lone or story.last_seq <= grown_after or not self._in_window(story, lone.last_time):
                continue
            yield story, _cosine(terms, story.terms, story.terms_norm)

    def _fold_lone(self, lone: StoryState, best: StoryState, article: str, words: float) -> None:
        """One story of the two into the other (the older keeps its id), recorded as a merge."""
        target, source = (lone, best) if _story_number(lone.id) < _story_number(best.id) else (best, lone)
        self._absorb(target, source)
        merge = Merge(source.id, target.id, article, round(words, 4))
        self.merges.append(merge)
        self.moves.append(merge)

    def _maybe_split(self, story: StoryState, article: str) -> StoryState:
        """Cut a story whose members drifted apart in two; returns the part `article` is in now."""
        options = self.options
        similarity = pairwise_similarity(story.members, options.name_weight, options.name_offset,
                                         options.min_word_similarity)
        leaving, between = split_in_two(similarity)
        if between >= options.split_threshold or min(leaving.sum(), len(leaving) - leaving.sum()) < MIN_PART_SIZE:
            return story
        staying = [m for m, gone in zip(story.members, leaving, strict=True) if not gone]
        moved = [m for m, gone in zip(story.members, leaving, strict=True) if gone]
        new = StoryState(id=f"story-{self.next_story}")
        self.next_story += 1
        self.stories[new.id] = new
        self._unindex_signatures(story)
        for part, members in ((story, staying), (new, moved)):
            self._rebuild(part, members, story.last_seq)
        split = Split(story.id, new.id, tuple(m.article for m in moved), round(between, 4))
        self.splits.append(split)
        self.moves.append(split)
        return new if article in split.articles else story

    def _rebuild(self, story: StoryState, members: list[Member], last_seq: int) -> None:
        """Make a story's state again from the members it keeps (after a split)."""
        story.members = members
        story.size = len(members)
        story.last_seq = last_seq
        times = [m.time for m in members if m.time is not None]
        story.first_time, story.last_time = (min(times), max(times)) if times else (None, None)
        story.terms, story.names = {}, {}
        for member in members:
            _add_into(story.terms, dict(zip(member.term_keys.tolist(), member.term_weights.tolist(), strict=True)),
                      CENTROID_TERMS)
            _add_into(story.names, dict(zip(member.name_keys.tolist(), member.name_weights.tolist(), strict=True)),
                      CENTROID_NAMES)
        story.refresh_norms()
        embeddings = [m.embedding for m in members if m.embedding is not None]
        story.embedding = np.sum(embeddings, axis=0) if embeddings else None
        story.signatures = [m.signature for m in members if m.signature is not None][:MAX_SIGNATURES]
        for signature in story.signatures:
            self._index_signature(story.id, signature)
        self._unindex(story.id)
        self._index(story)

    def _absorb(self, target: StoryState, source: StoryState) -> None:
        target.size += source.size
        target.last_seq = max(target.last_seq, source.last_seq)
        if source.first_time is not None:
            target.first_time = min(target.first_time or source.first_time, source.first_time)
            target.last_time = max(target.last_time or source.last_time, source.last_time)
        _add_into(target.terms, source.terms, CENTROID_TERMS)
        _add_into(target.names, source.names, CENTROID_NAMES)
        target.refresh_norms()
        if source.embedding is not None:
            target.embedding = source.embedding.copy() if target.embedding is None else target.embedding + source.embedding
        for signature in source.signatures[: MAX_SIGNATURES - len(target.signatures)]:
            target.signatures.append(signature)
            self._index_signature(target.id, signature)
        if len(target.members) + len(source.members) <= MAX_MEMBERS:
            target.members.extend(source.members)  # still one per article only if both were whole
        else:
            target.members.clear()  # too large to check for drift: keep no vectors
        self._retire(source.id)
        self.retired.discard(source.id)  # merged, not aged out: the caller learns of it from `merges`
        self._unindex(target.id)
        self._index(target)

    def _candidates(self, terms: dict[int, float], names: dict[int, float]) -> list[str]:
        # Article vectors come heaviest first. One Counter over every posting in order (counted in
        # C) finds the same stories in the same order as one update per key, without Counter.update's
        # per-call Mapping check (a twentieth of the clusterer's time).
        empty: dict[str, None] = {}
        hits = Counter(itertools.chain(
            itertools.chain.from_iterable(map(self._term_index.get, itertools.islice(terms, QUERY_TERMS),
                                              itertools.repeat(empty))),
            itertools.chain.from_iterable(map(self._name_index.get, itertools.islice(names, QUERY_NAMES),
                                              itertools.repeat(empty)))))
        return [story_id for story_id, _ in hits.most_common(MAX_CANDIDATES)]

    def _near_duplicate_story(self, features: ArticleFeatures) -> tuple[StoryState, float, str] | None:
        found: dict[str, None] = {}
        for key in self._bands_of(features.signature):
            found.update(self._band_index.get(key, {}))
        best, best_similarity = None, self.options.near_duplicate_jaccard
        for story_id in found:
            story = self.stories[story_id]
            if not self._in_window(story, features.time):
                continue
            similarity = max(jaccard_estimate(features.signature, s) for s in story.signatures)
            if similarity >= best_similarity:
                best, best_similarity = story, similarity
        return (best, best_similarity, "near-duplicate") if best else None

    def _in_window(self, story: StoryState, time: float | None) -> bool:
        if time is None or story.last_time is None:
            return True
        window = self.options.window_days * 86_400
        return story.first_time - window <= time <= story.last_time + window

    # -- updating -----------------------------------------------------------------------------

    def _join(self, story: StoryState, features: ArticleFeatures, terms, names, embedding) -> None:
        story.size += 1
        story.last_seq = self.seen
        if features.time is not None:
            story.first_time = min(story.first_time or features.time, features.time)
            story.last_time = max(story.last_time or features.time, features.time)
        _add_into(story.terms, terms, CENTROID_TERMS)
        _add_into(story.names, names, CENTROID_NAMES)
        story.refresh_norms()
        if embedding is not None:
            story.embedding = embedding.copy() if story.embedding is None else story.embedding + embedding
        if features.signature is not None and len(story.signatures) < MAX_SIGNATURES:
            story.signatures.append(features.signature)
            self._index_signature(story.id, features.signature)
        if self.options.split_threshold is not None and len(story.members) == story.size - 1 < MAX_MEMBERS:
            story.members.append(Member.of(features.article, terms, names, features.time, features.signature, embedding))
        self._unindex(story.id)
        self._index(story)

    def _index(self, story: StoryState) -> None:
        term_keys, name_keys = self._indexed[story.id] = story.index_keys()
        for key in term_keys:
            self._term_index.setdefault(key, {})[story.id] = None
        for key in name_keys:
            self._name_index.setdefault(key, {})[story.id] = None

    def _unindex(self, story_id: str) -> None:
        term_keys, name_keys = self._indexed.pop(story_id, ((), ()))
        for index, keys in ((self._term_index, term_keys), (self._name_index, name_keys)):
            for key in keys:
                postings = index.get(key)
                if postings is not None:
                    postings.pop(story_id, None)
                    if not postings:
                        del index[key]

    def _bands_of(self, signature: np.ndarray) -> list[tuple[int, int]]:
        """Band keys of a signature: of the batch or the index when there, else computed."""
        known = self._batch_bands.get(id(signature)) or self._bands.get(id(signature))
        if known is not None and known[0] is signature:
            return known[1]
        return _band_keys(signature)

    def _index_signature(self, story_id: str, signature: np.ndarray) -> None:
        keys = self._bands_of(signature)
        self._bands[id(signature)] = (signature, keys)
        for key in keys:
            self._band_index.setdefault(key, {})[story_id] = None

    def _retire(self, story_id: str) -> None:
        story = self.stories.pop(story_id)
        self._unindex(story_id)
        self._unindex_signatures(story)
        self.retired.add(story_id)

    def _unindex_signatures(self, story: StoryState) -> None:
        for signature in story.signatures:
            for key in self._bands_of(signature):
                postings = self._band_index.get(key)
                if postings is not None:
                    postings.pop(story.id, None)
                    if not postings:
                        del self._band_index[key]
            self._bands.pop(id(signature), None)  # a merged story's signatures: computed again if needed


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a batch is placed (back on after, if it was on).

    Placing an article makes many small containers that live on (features, vectors, postings) and
    no cycles; the collector scanned them again and again as they aged through its generations:
    6% of clustering's CPU on 20,000 perturbed articles (paired runs). It runs again after the batch."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def final_stories(assigned: dict[str, str], moves: Iterable[Merge | Split]) -> dict[str, str]:
    """Each article's story after the moves: merges (a story's articles follow it into its target)
    and splits (the listed articles leave for the new story) replayed in the order they happened
    over the stories the articles were first given. Articles keep the order of `assigned`."""
    members: dict[str, set[str]] = {}
    for article, story in assigned.items():
        members.setdefault(story, set()).add(article)
    for move in moves:
        if isinstance(move, Split):
            moved = set(move.articles)
            members[move.source] -= moved
            members.setdefault(move.target, set()).update(moved)
        else:
            members.setdefault(move.target, set()).update(members.pop(move.source, set()))
    now = {article: story for story, articles in members.items() for article in articles}
    return {article: now[article] for article in assigned}


def cluster_articles(articles: Sequence[Article], options: ClusterOptions | None = None) -> list[Assignment]:
    """Cluster a batch of articles as a stream, in the order given."""
    return StoryClusterer(options).assign(articles)


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


def _story_number(story_id: str) -> int:
    tail = story_id.rpartition("-")[2]
    return int(tail) if tail.isdigit() else 0


def _unit(vector: dict[int, float], norm: float) -> dict[int, float]:
    return {key: weight / norm for key, weight in vector.items()} if norm else {}


def _heaviest(weights: dict[int, float], count: int) -> list[int]:
    if len(weights) <= count:
        return list(weights)
    # sorted()[:count] is what heapq.nlargest documents itself as, and sorting in C is faster
    return sorted(weights, key=weights.__getitem__, reverse=True)[:count]


def _cosine(vector: dict[int, float], centroid: dict[int, float], centroid_norm: float) -> float:
    """Cosine of a unit vector with a centroid; iterates the smaller of the two."""
    if not centroid_norm:
        return 0.0
    small, large = (vector, centroid) if len(vector) <= len(centroid) else (centroid, vector)
    # map() and filter() keep the loop in C: scoring candidates is the clusterer's second largest
    # cost. Only the shared keys are multiplied and added, in the smaller vector's order: the
    # products left out were 0.0, and adding 0.0 changes no sum, so the
    # dot is the same to the last bit as over every key.
    shared = list(filter(large.__contains__, small))
    return sum(map(operator.mul, map(small.__getitem__, shared), map(large.__getitem__, shared))) / centroid_norm


def _add_into(total: dict[int, float], vector: dict[int, float], limit: int) -> None:
    """Add a vector into a centroid; past twice `limit` entries, keep the `limit` heaviest."""
    # One update in C: each key's sum in the vector's order, new keys added in that order (as a
    # loop setting total[key] one at a time would).
    sums = map(operator.add, map(total.get, vector, itertools.repeat(0.0)), vector.values())
    total.update(zip(vector, sums, strict=True))
    if len(total) > 2 * limit:
        keep = sorted(total.items(), key=operator.itemgetter(1), reverse=True)[:limit]
        total.clear()
        total.update(keep)


def _member_arrays(members: list[Member]) -> dict[str, np.ndarray]:
    """Members as flat arrays for the store's .npz (vectors concatenated, with their lengths)."""
    if not members:
        return {}
    arrays = {
        "member_ids": np.array([m.article for m in members]),
        "member_times": np.array([_nan(m.time) for m in members]),
        "member_term_lengths": np.array([len(m.term_keys) for m in members], dtype=np.int64),
        "member_term_keys": np.concatenate([m.term_keys for m in members]),
        "member_term_weights": np.concatenate([m.term_weights for m in members]),
        "member_name_lengths": np.array([len(m.name_keys) for m in members], dtype=np.int64),
        "member_name_keys": np.concatenate([m.name_keys for m in members]),
        "member_name_weights": np.concatenate([m.name_weights for m in members]),
        "member_signed": np.array([m.signature is not None for m in members]),
        "member_signatures": np.array([m.signature for m in members if m.signature is not None],
                                      dtype=np.uint32).reshape(-1, MINHASH_PERMUTATIONS),
    }
    if all(m.embedding is not None for m in members):
        arrays["member_embeddings"] = np.array([m.embedding for m in members])
    return arrays


def _members_from(arrays) -> list[Member]:
    if "member_ids" not in arrays:
        return []
    ids = arrays["member_ids"].tolist()
    term_ends = np.cumsum(arrays["member_term_lengths"])
    name_ends = np.cumsum(arrays["member_name_lengths"])
    term_keys = np.split(arrays["member_term_keys"], term_ends[:-1])
    term_weights = np.split(arrays["member_term_weights"], term_ends[:-1])
    name_keys = np.split(arrays["member_name_keys"], name_ends[:-1])
    name_weights = np.split(arrays["member_name_weights"], name_ends[:-1])
    signatures = iter(arrays["member_signatures"])
    signed = arrays["member_signed"].tolist()
    embeddings = arrays["member_embeddings"] if "member_embeddings" in arrays else [None] * len(ids)
    return [
        Member(article, term_keys[i], term_weights[i], name_keys[i], name_weights[i],
               None if math.isnan(time) else time, next(signatures) if signed[i] else None, embeddings[i])
        for i, (article, time) in enumerate(zip(ids, arrays["member_times"].tolist(), strict=True))
    ]


def _band_keys(signature: np.ndarray) -> list[tuple[int, int]]:
    return list(enumerate(band_keys(signature, LSH_BANDS, LSH_ROWS)))


def embed_articles(articles: Sequence[Article]) -> list[np.ndarray]:
    """One vector per article from its title and opening (the embedding model reads 128 tokens)."""
    from storydesk.embed import embed

    texts = [f"{a.title}. {a.text[:600]}" if a.title else a.text[:700] for a in articles]
    return list(embed(texts)) if texts else []

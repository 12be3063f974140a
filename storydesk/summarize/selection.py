"""Choosing the summary's sentences: centrality, position, support, then greedy non-redundancy.

Each candidate gets one score,

    W_CENTRALITY * LexRank centrality + W_POSITION * lead bias + W_SUPPORT * share of sources,

and sentences are taken best first (maximal marginal relevance: the score minus a penalty for
resembling what is already chosen), skipping near-repeats, until the word budget is spent.
The chosen sentences are then put in story order: lead material first, then by position.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

import numpy as np

from storydesk.summarize.candidates import Candidate
from storydesk.summarize.text import word_count
from storydesk.summarize.verify import SUPPORT_CONTAINMENT

# Weights of the score's parts, each part scaled to [0, 1]. Chosen on the first 150 Multi-News
# validation clusters (ROUGE-1/2 at 260 words, benchmarks/bench_summarize.py): grids over each
# weight (0-2), POSITION_DECAY (0.3-1.0), MMR_PENALTY (0.5-1.5) and REDUNDANT_SIMILARITY
# (0.35-0.5) all stayed within about 0.5 ROUGE-1 of these; dropping any one part cost 0.5-2.
# Embedding similarity (MiniLM) in place of TF-IDF scored lower (45.4 against 46.1 ROUGE-1 on
# the first 50) at several times the cost, so the summary uses none.
W_CENTRALITY = 1.0
W_POSITION = 1.0
W_SUPPORT = 1.0
# Lead bias: the k-th usable sentence of an article weighs 1 / (1 + k) ** POSITION_DECAY.
POSITION_DECAY = 0.5
# LexRank's damping (the share of rank that flows along similarity edges), as in Erkan & Radev.
LEXRANK_DAMPING = 0.85
LEXRANK_ITERATIONS = 50
# MMR: score minus MMR_PENALTY times the largest cosine similarity to a chosen sentence.
MMR_PENALTY = 1.0
# A candidate this similar (TF-IDF cosine) to a chosen sentence says the same thing again.
REDUNDANT_SIMILARITY = 0.5
# Beyond this many candidates a story's later sentences are left out of the similarity graph
# (a 1,500 x 1,500 matrix is ~9 MB); lead sentences of every article always stay in.
MAX_CANDIDATES = 1500


def similarity_matrix(cands: list[Candidate]) -> np.ndarray:
    """TF-IDF cosine similarity between candidates (IDF over the candidates themselves)."""
    n = len(cands)
    counts = [Counter(c.terms) for c in cands]
    df = Counter(t for c in counts for t in c)
    idf = {t: math.log(n / d) + 1.0 for t, d in df.items()}
    norms = np.array([math.sqrt(sum((tf * idf[t]) ** 2 for t, tf in c.items())) or 1.0 for c in counts])
    # Only words two sentences share can add to their dot product: a small dense matrix suffices.
    shared = {t: i for i, t in enumerate(t for t, d in df.items() if d > 1)}
    weights = np.zeros((n, len(shared)), dtype=np.float32)
    for row, c in enumerate(counts):
        for t, tf in c.items():
            if t in shared:
                weights[row, shared[t]] = tf * idf[t]
    sims = (weights @ weights.T) / np.outer(norms, norms)
    np.fill_diagonal(sims, 1.0)
    return sims.astype(np.float32)


def lexrank(sims: np.ndarray) -> np.ndarray:
    """Continuous LexRank: the stationary rank of a walk along similarity edges, max scaled to 1."""
    n = len(sims)
    if n == 1:
        return np.ones(1)
    graph = sims.copy()
    np.fill_diagonal(graph, 0.0)
    rows = graph.sum(axis=1, keepdims=True)
    transition = np.where(rows > 0, graph / np.where(rows > 0, rows, 1.0), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(LEXRANK_ITERATIONS):
        updated = (1 - LEXRANK_DAMPING) / n + LEXRANK_DAMPING * (rank @ transition)
        if np.abs(updated - rank).sum() < 1e-8:
            rank = updated
            break
        rank = updated
    return rank / rank.max()


def position_weights(cands: list[Candidate]) -> np.ndarray:
    """Lead bias by the candidate's rank among its article's usable sentences."""
    seen: Counter[str] = Counter()
    weights = []
    for c in cands:
        weights.append(1.0 / (1 + seen[c.article]) ** POSITION_DECAY)
        seen[c.article] += 1
    return np.array(weights)


def cap_candidates(cands: list[Candidate], limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """At most `limit` candidates, taking every article's k-th sentence before any (k+1)-th."""
    if len(cands) <= limit:
        return cands
    seen: Counter[str] = Counter()
    ranked = []
    for position, c in enumerate(cands):
        ranked.append((seen[c.article], position))
        seen[c.article] += 1
    keep = sorted(p for _, p in sorted(ranked)[:limit])
    return [cands[p] for p in keep]


def select(
    cands: list[Candidate],
    scores: np.ndarray,
    sims: np.ndarray,
    words: int,
    facts: list[frozenset[str]] | None = None,
    follows: list[int | None] | None = None,
    names: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None,
    usable: Callable[[int], bool] | None = None,
    restates: Callable[[int, list[int]], bool] | None = None,
    min_score: float = 0.0,
) -> list[int]:
    """Indices of the chosen candidates, best first, within `words` words.

    `facts` (per candidate: the ids of the aligned facts it states) makes two sentences the align
    stage put in one fact redundant however differently they are worded. `follows` (per
    candidate: the candidate it must come right after, or None) keeps a sentence that leans on
    the one before it out until that one is chosen. `names` (per candidate: the names it needs
    introduced, and the names it mentions) keeps "Al-Rahabi landed..." out until a chosen sentence
    has named Al-Rahabi. `usable` is a costlier check (a parse) asked only of a candidate about
    to be chosen; one it refuses is passed over, as is one that `restates` (given the chosen so
    far: another costly check, meaning) finds saying a chosen sentence again.

    A candidate that would overflow the budget is passed over for a shorter one; when not even
    one fits, the best single sentence is the summary (a summary of one sentence over the
    target is more useful than none). A candidate scored under `min_score` is not taken at all:
    the summary stops short rather than fill its budget with it (the best one is still taken
    when every candidate is under it).
    """
    lengths = np.array([word_count(c.text) for c in cands])
    chosen: list[int] = []
    used = 0
    closest = np.zeros(len(cands))  # largest similarity to anything chosen so far
    available = scores >= min_score
    needs = np.array([-1 if f is None else f for f in (follows or [None] * len(cands))], dtype=np.int64)
    taken = np.zeros(len(cands) + 1, dtype=bool)
    taken[-1] = True  # needs == -1 reads this: nothing to follow
    needed, named = names if names is not None else ([frozenset()] * len(cands), [frozenset()] * len(cands))
    waiting = np.array([bool(n) for n in needed])  # still needs a name no chosen sentence gave
    said: set[str] = set()
    while (ready := available & taken[needs] & ~waiting).any():
        marginal = np.where(ready, scores - MMR_PENALTY * closest, -np.inf)
        best = int(np.argmax(marginal))
        available[best] = False
        if closest[best] >= REDUNDANT_SIMILARITY or _restates(cands[best], [cands[c] for c in chosen]):
            continue
        if facts is not None and facts[best] and any(facts[best] & facts[c] for c in chosen):
            continue
        if used + lengths[best] > words or usable is not None and not usable(best):
            continue
        if restates is not None and chosen and restates(best, chosen):
            continue
        chosen.append(best)
        taken[best] = True
        if named[best] - said:
            said |= named[best]
            waiting = np.array([bool(n - said) for n in needed])
        used += lengths[best]
        closest = np.maximum(closest, sims[best])
        available &= used + lengths <= words
    if not chosen and len(cands):
        chosen.append(int(np.argmax(np.where(needs < 0, scores, -np.inf))))
    return chosen


def _restates(cand: Candidate, chosen: list[Candidate]) -> bool:
    """Whether `cand` and a chosen sentence state each other, either way round: one holds most of
    the other's content words, the share the citation check takes as stating it ("the second
    fire at Northgate Dock in less than a year" / "the second fire at Northgate Dock since May
    2023, when..."). Cosine misses this when the shorter sentence is a part of a longer one."""
    terms = set(cand.terms)
    for c in chosen:
        shared = len(terms & set(c.terms))
        if terms and c.terms and shared >= SUPPORT_CONTAINMENT * min(len(terms), len(set(c.terms))):
            return True
    return False


def story_order(cands: list[Candidate], chosen: list[int]) -> list[int]:
    """The chosen sentences in reading order: the best one (the lead) first, then by position.

    Position is the sentence's place in its article relative to the article's length, so the
    opening facts of every article come before later detail; ties go to the earlier article.
    """
    if not chosen:
        return []
    lead, rest = chosen[0], chosen[1:]

    def key(i: int) -> tuple[float, int, int]:
        c = cands[i]
        return (c.sentence.index / max(1, c.article_sentences), c.article_rank, c.sentence.index)

    return [lead] + sorted(rest, key=key)

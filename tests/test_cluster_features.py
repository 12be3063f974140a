"""The clusterer's fast feature count gives what the plain definition gives, order included.

`features._counts` takes shortcuts for speed (a token table, stopwords left out before counting,
a cache of capitalized runs, tuples the collector does not track); the reference below is the
definition written out one token and one name at a time. Same counts and same insertion order
(ties in weight are broken by it downstream), whatever the cache holds.
"""

from __future__ import annotations

import zlib
from collections import Counter

import pytest

from storydesk.cluster import features
from storydesk.cluster.features import (
    _NOT_NAMES,
    _PLACED_NAME,
    _POSSESSIVES,
    _WORD,
    LEAD_CHARS,
    LEAD_NAME_WEIGHT,
    MINHASH_MAX_WORDS,
    TITLE_WEIGHT,
    name_bucket,
    term_bucket,
)
from storydesk.model import Article


def _reference(article: Article) -> tuple[list, list, list[int]]:
    tokens = _WORD.findall(article.text.lower())
    title_tokens = _WORD.findall(article.title.lower()) if article.title else []
    terms: Counter = Counter(term_bucket(t) for t in tokens)
    for token in title_tokens:
        terms[term_bucket(token)] += TITLE_WEIGHT
    names: Counter = Counter()

    def name_of(opening: str, raw: str) -> list[str] | None:
        words = [w[:-2] if w.endswith(_POSSESSIVES) else w for w in raw.split() if w not in _NOT_NAMES]
        return None if not words or (opening and len(words) == 1) else words

    for text, weight in ((article.text, 1), (article.title, TITLE_WEIGHT)):
        for opening, raw in _PLACED_NAME.findall(text or ""):
            words = name_of(opening, raw)
            if words is None:
                continue
            phrase = " ".join(words).lower()
            for word in phrase.split():
                terms[term_bucket(word)] -= weight
            names[name_bucket(phrase)] += weight
            if len(words) > 1:
                names[name_bucket(words[-1].lower())] += weight
    for match in _PLACED_NAME.finditer(article.text):
        if match.start() >= LEAD_CHARS:
            break
        words = name_of(match.group(1), match.group(2))
        if words is not None:
            names[name_bucket(" ".join(words).lower())] += LEAD_NAME_WEIGHT - 1
            if len(words) > 1:
                names[name_bucket(words[-1].lower())] += LEAD_NAME_WEIGHT - 1
    kept = [(b, c) for b, c in terms.items() if c > 0 and b != -1]
    hashes = [zlib.crc32(t.encode()) for t in tokens[:MINHASH_MAX_WORDS]]
    return kept, list(names.items()), hashes


TEXTS = [
    ("Harbor fire", "Fire Chief Dana Reyes said the fire at the Port of Tacoma warehouse was out. "
     "Reyes's crews stayed overnight. The Coast Guard's boats and the U.S. Navy helped. "
     "\"We were lucky,\" Reyes said. But The Mayor's office said the port would reopen Monday."),
    ("", "It was a quiet week. After the vote, Senator Ann Lee’s aides left; Lee's office was shut. "
     "On Tuesday the Senate met again and the senators voted 52-48 on the fires' costs."),
    (None, "The the and of a. One two. Investigators said nothing. (AP) — Officials in Paris, Texas, "
     "and Paris, France, said Paris was calm."),
]


@pytest.mark.parametrize("title, text", TEXTS)
def test_counts_match_the_definition_in_order(title, text):
    article = Article("a", text, title=title or "")
    expected = _reference(article)
    for _ in range(2):  # first with the caches cold (or as earlier tests left them), then warm
        terms, names, hashes = features._counts(article)
        assert (list(terms.items()), list(names.items()), hashes) == expected


def test_counts_survive_the_token_table_being_emptied(monkeypatch):
    article = Article("a", TEXTS[0][1], title=TEXTS[0][0])
    expected = _reference(article)
    monkeypatch.setattr(features._TokenTable, "LIMIT", 5)  # every article empties it
    table = features._TokenTable()
    monkeypatch.setattr(features, "_tokens", table)
    terms, names, hashes = features._counts(article)
    assert (list(terms.items()), list(names.items()), hashes) == expected
    assert len(table.bucket_of) <= max(5, len(set(_WORD.findall(article.text.lower()))))

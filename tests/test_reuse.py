"""Reuse: shared passages robust to small edits, shares, originality, what each outlet adds,
copy groups, and the corpus path through MinHash LSH."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from storydesk.model import Article, Passage, ReusePair
from storydesk.reuse import find_wire_copy
from storydesk.reuse.corpus import find_reuse
from storydesk.reuse.minhash import LSHIndex, MinHasher
from storydesk.reuse.passages import (
    MIN_PASSAGE_WORDS,
    SEED_WORDS,
    Vocabulary,
    shared_passages,
    tokenize,
)
from tests.conftest import DATA

WIRE = (
    'PORT CALDER (Meridian Press) — A fire tore through two warehouses at the harbour early Friday, '
    'injuring at least four firefighters and forcing the evacuation of homes near the waterfront, officials said.\n\n'
    'The blaze broke out shortly after 2 a.m. in a storage building on Northgate Dock and spread to the building next door '
    'before crews brought it under control about five hours later, Fire Chief Hassan al-Rubaie told reporters.\n\n'
    '"It was the worst fire I have seen on this waterfront in a decade," al-Rubaie said.'
)
# The same copy with the edits outlets make: dateline, a changed verb, Mr, curly quotes, a dropped word.
EDITED = (
    'PORT CALDER — A fire tore through two warehouses at the harbour early on Friday, '
    'injuring at least four firefighters and forcing residents from their homes near the waterfront, officials said.\n\n'
    'The blaze broke out shortly after 2 a.m. in a storage building on Northgate Dock and spread to the building next door '
    'before crews brought it under control five hours later, Fire Chief Hassan al-Rubaie told reporters.\n\n'
    '“It was the worst fire I have seen on this waterfront in a decade,” Mr. al-Rubaie said.\n\n'
    'The dock handles roughly a third of the cargo that passes through the port, and importers expect delays.'
)
# A rewrite: own words, the quote kept.
REWRITE = (
    'Firefighters spent five hours fighting a blaze that gutted two harbour warehouses on Friday. '
    'Several crew members were hurt, and families living by the water had to leave in the middle of the night.\n\n'
    '"It was the worst fire I have seen on this waterfront in a decade," the fire chief, Hassan al-Rubaie, said.'
)
OTHER = 'The city council approved a new budget on Tuesday after a long debate about school funding and road repairs.'
WORD = re.compile(r"\w")


def article(id: str, text: str) -> Article:
    return Article(id=id, text=text)


def test_reuse_edited_copy_scores_high_and_passages_point_at_the_same_words():
    vocabulary = Vocabulary()
    a, b = tokenize(WIRE, vocabulary), tokenize(EDITED, vocabulary)
    passages = shared_passages(a, b)
    assert passages, "an edited copy shares passages"
    for p in passages:
        left, right = WIRE[p.a_start:p.a_end], EDITED[p.b_start:p.b_end]
        assert left.split()[0].lower() == right.split()[0].lower()
        assert left.split()[-1].strip('".,”').lower() == right.split()[-1].strip('".,”').lower()
    report = find_wire_copy([article("wire", WIRE), article("edited", EDITED)])
    (pair,) = report.pairs
    assert pair.share_a > 0.9 and pair.share_b > 0.75
    assert report.copy_groups == (frozenset({"wire", "edited"}),)
    # What the edited copy adds: its own last paragraph, and nothing of the shared text.
    added = [EDITED[s.start:s.end] for s in report.original_spans["edited"]]
    assert any(text.startswith("The dock handles roughly a third") for text in added)
    assert report.originality["wire"] < 0.1 and 0.1 < report.originality["edited"] < 0.3


def test_reuse_rewrite_keeping_a_quote_is_not_copy():
    report = find_wire_copy([article("wire", WIRE), article("rewrite", REWRITE), article("other", OTHER)])
    assert report.pairs == (), "a shared quote alone is not wire copy"
    assert report.copy_groups == ()
    assert report.originality == {"wire": 1.0, "rewrite": 1.0, "other": 1.0}
    assert report.independent_count({"wire", "rewrite", "other"}) == 3


@pytest.mark.parametrize("variant", [
    WIRE.replace("Friday", "Friday,"),  # punctuation
    WIRE.replace("al-Rubaie said", "Mr al-Rubaie said"),  # honorific added
    WIRE.replace("two warehouses", "two large warehouses"),  # a word added
    WIRE.replace("about five hours", "five hours"),  # a word dropped
    WIRE.replace('"', "“", 1).replace('decade,"', "decade,”"),  # curly quotes
])
def test_reuse_small_edits_keep_one_passage_per_paragraph(variant):
    vocabulary = Vocabulary()
    passages = shared_passages(tokenize(WIRE, vocabulary), tokenize(variant, vocabulary))
    covered = sum(p.a_end - p.a_start for p in passages)
    assert covered > 0.9 * len(WIRE)
    assert len(passages) <= 3


def test_reuse_empty_and_tiny_articles_share_nothing():
    report = find_wire_copy([article("empty", ""), article("tiny", "Fire."), article("wire", WIRE)])
    assert report.pairs == ()
    assert report.originality["empty"] == 1.0
    assert report.original_spans["empty"] == ()
    assert len(tokenize("", Vocabulary()).shingles) == 0


def assert_passages_slice_the_same_words(texts: dict[str, str], pairs) -> None:
    """Every passage starts and ends on whole words, and its two slices open and close with the
    same SEED_WORDS words once normalized (passages grow from shared seeds at both ends)."""
    assert pairs, "nothing to check"
    for pair in pairs:
        for p in pair.passages:
            for text, start, end in ((texts[pair.a], p.a_start, p.a_end), (texts[pair.b], p.b_start, p.b_end)):
                assert 0 <= start < end <= len(text)
                assert WORD.match(text[start]) and WORD.match(text[end - 1])
                assert start == 0 or not WORD.match(text[start - 1])
                assert end == len(text) or not WORD.match(text[end])
            left = WORD.findall(texts[pair.a][p.a_start:p.a_end].lower())
            right = WORD.findall(texts[pair.b][p.b_start:p.b_end].lower())
            assert len(left) >= MIN_PASSAGE_WORDS and len(right) >= MIN_PASSAGE_WORDS
            assert left[:SEED_WORDS] == right[:SEED_WORDS] and left[-SEED_WORDS:] == right[-SEED_WORDS:]


def test_reuse_fixture_passages_slice_the_same_words():
    texts = {"wire": WIRE, "edited": EDITED, "rewrite": REWRITE, "other": OTHER}
    report = find_wire_copy([article(id, text) for id, text in texts.items()])
    assert_passages_slice_the_same_words(texts, report.pairs)


def test_reuse_article_shared_with_nobody_is_all_its_own():
    report = find_wire_copy([article("wire", WIRE), article("edited", EDITED), article("other", OTHER)])
    assert {(p.a, p.b) for p in report.pairs} == {("wire", "edited")}
    assert report.originality["other"] == 1.0
    assert [(s.start, s.end) for s in report.original_spans["other"]] == [(0, len(OTHER) - 1)]  # the final "." is no word
    assert report.independent_count({"wire", "edited", "other"}) == 2


STATEMENT = '"We are heartbroken by the loss of the building and grateful that nobody was killed in the fire," '


@pytest.mark.parametrize(("first", "second", "is_copy"), [
    # Two outlets that only quote the same statement, each with its own attribution: not copy.
    (STATEMENT + "the port authority said in a statement on Friday.",
     STATEMENT.replace('"', "“", 1).replace('," ', ',” ') + "the authority said in a statement.", False),
    # The statement inside copied narrative: the narrative makes it copy.
    (STATEMENT + "the port authority said in a statement on Friday, adding that the dock would stay closed "
     "until engineers had checked every crane on the quay.",
     STATEMENT + "the port authority said in a statement on Friday, adding that the dock would stay closed "
     "until engineers had checked every crane on the quay.", True),
])
def test_reuse_a_shared_quote_alone_is_not_copy(first, second, is_copy):
    report = find_wire_copy([article("first", first), article("second", second)])
    assert bool(report.pairs) is is_copy
    assert bool(report.copy_groups) is is_copy


def test_reuse_example_copy_group_and_rewrite(example_digest, example_expected):
    reuse = example_digest.reuse
    expected_group = {"wire-service", *example_expected["articles"]["wire-service"]["shares_wire_with"]}
    assert reuse.copy_groups == (frozenset(expected_group),)
    shares = {(p.a, p.b): max(p.share_a, p.share_b) for p in reuse.pairs}
    assert shares[("daily-courier", "wire-service")] > 0.85
    assert shares[("metro-herald", "wire-service")] > 0.85
    assert all(share < 0.1 for (a, b), share in shares.items() if "city-tribune" in (a, b))
    assert not any("independent-report" in (p.a, p.b) for p in reuse.pairs)
    assert reuse.originality["independent-report"] == 1.0 and reuse.originality["city-tribune"] > 0.9
    texts = {a.id: a.text for a in example_digest.articles}
    assert reuse.independent_count(set(texts)) == 3
    assert_passages_slice_the_same_words(texts, reuse.pairs)


def test_reuse_example_original_spans_hold_each_outlets_own_details(example_digest, example_expected):
    reuse = example_digest.reuse
    texts = {a.id: a.text for a in example_digest.articles}
    for article_id, details in example_expected["unique"].items():
        added = [texts[article_id][s.start:s.end] for s in reuse.original_spans[article_id]]
        for detail in details:
            assert any(detail in span for span in added), (article_id, detail)
        if not details:  # the wire and a faithful copy add nothing of their own
            assert added == [] and reuse.originality[article_id] == 0.0


def test_reuse_minhash_estimates_jaccard():
    hasher = MinHasher(num_perm=256)
    vocabulary = Vocabulary()
    a = tokenize(WIRE, vocabulary).shingles
    b = tokenize(EDITED, vocabulary).shingles
    true = len(set(a.tolist()) & set(b.tolist())) / len(set(a.tolist()) | set(b.tolist()))
    estimate = (hasher.signature(a) == hasher.signature(b)).mean()
    assert abs(estimate - true) < 0.1
    index = LSHIndex(num_perm=256, bands=64, rows=4)
    index.add_and_query(hasher.signature(a))
    index.add_and_query(hasher.signature(tokenize(OTHER, vocabulary).shingles))
    number, candidates = index.add_and_query(hasher.signature(b))
    assert candidates == [0]


def test_reuse_minhash_in_chunks_gives_the_same_signatures(monkeypatch):
    # A 60 MB text hashed in one matrix took 15 GB; in chunks the minima must not change.
    import storydesk.reuse.minhash as minhash

    hasher = MinHasher()
    rng = np.random.default_rng(3)
    sets = [rng.integers(0, 1 << 63, size=n, dtype=np.uint64) for n in (1, 5, 40, 7, 100)]
    whole = [hasher.signature(s) for s in sets]
    together = hasher.signatures(np.concatenate(sets), np.array([len(s) for s in sets]))
    monkeypatch.setattr(minhash, "SIGNATURE_CHUNK", 6)
    assert all((hasher.signature(s) == w).all() for s, w in zip(sets, whole, strict=True))
    chunked = hasher.signatures(np.concatenate(sets), np.array([len(s) for s in sets]))
    assert all((c == w).all() and (t == w).all() for c, t, w in zip(chunked, together, whole, strict=True))


def test_reuse_corpus_finds_copies_among_unrelated_articles():
    articles = [article(f"other-{i}", f"{OTHER} Item {i} was added.") for i in range(3)]
    articles += [article("wire", WIRE), article("rewrite", REWRITE), article("edited", EDITED)]
    pairs = list(find_reuse(articles))
    found = {(p.a, p.b) for p in pairs}
    assert_passages_slice_the_same_words({a.id: a.text for a in articles}, pairs)
    assert ("wire", "edited") in found
    assert not any("rewrite" in pair for pair in found)


def test_reuse_cli_writes_pairs_and_reports_a_broken_line(tmp_path):
    from typer.testing import CliRunner

    from storydesk.cli import app

    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "wire", "text": WIRE}), "{not json", json.dumps({"id": "edited", "text": EDITED}),
             json.dumps({"id": "other", "text": OTHER})]
    corpus.write_text("\n".join(lines) + "\n")
    out = tmp_path / "pairs.jsonl"
    result = CliRunner().invoke(app, ["reuse", str(corpus), "--out", str(out), "--raw"])
    assert result.exit_code == 0, result.output
    assert "corpus.jsonl:2" in result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert (record["a"], record["b"]) == ("wire", "edited") and record["share_a"] > 0.9
    pair = ReusePair(record["a"], record["b"], record["share_a"], record["share_b"],
                     tuple(Passage(*offsets) for offsets in record["passages"]))
    assert_passages_slice_the_same_words({"wire": WIRE, "edited": EDITED}, [pair])


def multinews_story(story_id: str) -> list[Article]:
    from storydesk.clean import clean_documents
    from storydesk.model import RawDocument

    path = DATA / "multinews" / "val.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    for line in path.open(encoding="utf-8"):
        cluster = json.loads(line)
        if cluster["id"] == story_id:
            documents = [RawDocument(id=d["id"], content=d["text"], title=d.get("title") or None)
                         for d in cluster["documents"]]
            return clean_documents(documents)[0]
    pytest.fail(f"{story_id} not in {path}")


@pytest.mark.parametrize(("story_id", "groups"), [
    # One AP story run by two outlets, straight vs curly apostrophes, AP's "_" for a dash.
    ("multinews-validation-ta182", [{"d0", "d1"}]),
    # The same op-ed syndicated twice.
    ("multinews-validation-ta220", [{"d0", "d1"}]),
    # Two outlets quoting one Stallone statement ("... Arts," he said in a statement): not copy.
    ("multinews-validation-ta011", []),
])
def test_reuse_multinews_stories(story_id, groups):
    articles = multinews_story(story_id)
    report = find_wire_copy(articles)
    assert [set(g) for g in report.copy_groups] == groups
    if report.pairs:
        assert_passages_slice_the_same_words({a.id: a.text for a in articles}, report.pairs)


def test_reuse_vocabulary_gives_different_words_different_ids_across_calls():
    vocabulary = Vocabulary()
    texts = ["the fire spread to the dock", "Crews fought THE fire", "a new word list, then the dock"]
    words = [re.findall(r"\w+", t.lower()) for t in texts]
    ids = [vocabulary.lookup(w).tolist() for w in words]
    seen: dict[int, str] = {}
    for text_words, text_ids in zip(words, ids, strict=True):
        for word, word_id in zip(text_words, text_ids, strict=True):
            assert seen.setdefault(word_id, word) == word
    assert ids[0][0] == ids[0][4] == ids[1][2] == ids[2][5]  # "the"


def test_reuse_corpus_finds_every_lightly_edited_copy_of_a_short_brief():
    import random

    rng = random.Random(3)
    words = WIRE.split(" ")
    copies = []
    for n in range(30):  # one word in ~15 dropped: Jaccard ~0.5 over 4-word shingles
        kept = [w for w in words if rng.random() > 1 / 15]
        copies.append(article(f"copy-{n}", " ".join(kept)))
    unrelated = [article(f"other-{n}", f"{OTHER} Item {n} was added.") for n in range(30)]
    articles = [article("wire", WIRE)] + [a for pair in zip(copies, unrelated, strict=True) for a in pair]
    pairs = list(find_reuse(articles))
    assert not any(p.a.startswith("other") != p.b.startswith("other") for p in pairs)
    linked = {"wire"}
    for _ in range(3):  # pairs link each copy to the wire or to a copy linked to it
        linked |= {id for p in pairs if {p.a, p.b} & linked for id in (p.a, p.b)}
    assert {c.id for c in copies} <= linked

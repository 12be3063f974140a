"""Reuse: shared passages robust to small edits, shares, originality, what each outlet adds,
copy groups, and the corpus path through MinHash LSH."""

from __future__ import annotations

import json

import pytest

from storydesk.model import Article
from storydesk.reuse import find_wire_copy
from storydesk.reuse.corpus import find_reuse
from storydesk.reuse.minhash import LSHIndex, MinHasher
from storydesk.reuse.passages import shared_passages, shingle_hashes, tokenize

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


def article(id: str, text: str) -> Article:
    return Article(id=id, text=text)


def test_reuse_edited_copy_scores_high_and_passages_point_at_the_same_words():
    vocabulary: dict[str, int] = {}
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
    vocabulary: dict[str, int] = {}
    passages = shared_passages(tokenize(WIRE, vocabulary), tokenize(variant, vocabulary))
    covered = sum(p.a_end - p.a_start for p in passages)
    assert covered > 0.9 * len(WIRE)
    assert len(passages) <= 3


def test_reuse_empty_and_tiny_articles_share_nothing():
    report = find_wire_copy([article("empty", ""), article("tiny", "Fire."), article("wire", WIRE)])
    assert report.pairs == ()
    assert report.originality["empty"] == 1.0
    assert report.original_spans["empty"] == ()
    assert len(shingle_hashes(tokenize("", {}).ids)) == 0


def test_reuse_example_copy_group_and_rewrite(example_digest):
    reuse = example_digest.reuse
    assert reuse.copy_groups == (frozenset({"wire-service", "daily-courier", "metro-herald"}),)
    shares = {(p.a, p.b): max(p.share_a, p.share_b) for p in reuse.pairs}
    assert shares[("daily-courier", "wire-service")] > 0.85
    assert shares[("metro-herald", "wire-service")] > 0.85
    assert all(share < 0.1 for (a, b), share in shares.items() if "city-tribune" in (a, b))
    assert not any("independent-report" in (p.a, p.b) for p in reuse.pairs)
    assert reuse.originality["independent-report"] == 1.0 and reuse.originality["city-tribune"] > 0.9
    texts = {a.id: a.text for a in example_digest.articles}
    added = " ".join(texts["daily-courier"][s.start:s.end] for s in reuse.original_spans["daily-courier"])
    assert "Northgate Dock handles roughly a third of the cargo" in added
    assert reuse.independent_count(set(texts)) == 3
    for pair in reuse.pairs:  # offsets slice the same words out of both articles
        for p in pair.passages:
            left, right = texts[pair.a][p.a_start:p.a_end], texts[pair.b][p.b_start:p.b_end]
            assert left.split()[:3] == right.split()[:3] or pair.a == "city-tribune" or len(left) > 50


def test_reuse_minhash_estimates_jaccard():
    hasher = MinHasher(num_perm=256)
    vocabulary: dict[str, int] = {}
    a = shingle_hashes(tokenize(WIRE, vocabulary).ids)
    b = shingle_hashes(tokenize(EDITED, vocabulary).ids)
    true = len(set(a.tolist()) & set(b.tolist())) / len(set(a.tolist()) | set(b.tolist()))
    estimate = (hasher.signature(a) == hasher.signature(b)).mean()
    assert abs(estimate - true) < 0.1
    index = LSHIndex(num_perm=256, bands=64)
    index.add_and_query(hasher.signature(a))
    index.add_and_query(hasher.signature(shingle_hashes(tokenize(OTHER, vocabulary).ids)))
    number, candidates = index.add_and_query(hasher.signature(b))
    assert candidates == [0]


def test_reuse_corpus_finds_copies_among_unrelated_articles():
    articles = [article(f"other-{i}", f"{OTHER} Item {i} was added.") for i in range(3)]
    articles += [article("wire", WIRE), article("rewrite", REWRITE), article("edited", EDITED)]
    pairs = list(find_reuse(articles))
    found = {(p.a, p.b) for p in pairs}
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
    a0, a1, b0, b1 = record["passages"][0]
    assert WIRE[a0:a1].split()[:4] == EDITED[b0:b1].split()[:4] or WIRE[a0:a1][-20:] == EDITED[b0:b1][-20:]

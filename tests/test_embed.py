"""The embedding model loads from its PyPI packages and gives meaningful sentence vectors."""

from __future__ import annotations

import numpy as np
import pytest

from storydesk.embed import DIMENSIONS, get_encoder


def test_embed_paraphrases_are_closer_than_unrelated_sentences() -> None:
    vectors = get_encoder().encode([
        "Five firefighters were hurt in the blaze.",
        "Five of the city's firefighters suffered injuries in the fire.",
        "The central bank raised interest rates by a quarter point.",
    ])
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.6 > vectors[0] @ vectors[2]


def test_embed_repeated_texts_give_identical_vectors_and_empty_input_works() -> None:
    encoder = get_encoder()
    first = encoder.encode(["A ferry ran aground.", "A ferry ran aground."])
    again = encoder.encode(["A ferry ran aground."])
    assert np.array_equal(first[0], first[1]) and np.array_equal(first[0], again[0])
    assert encoder.encode([]).shape == (0, DIMENSIONS)


def test_embed_batches_padded_to_their_longest_give_the_vectors_of_single_sentences() -> None:
    """Token-count batches pad short sentences next to long ones: the mask keeps them unchanged."""
    encoder = get_encoder()
    texts = ["Rain.", "The harbour authority closed the northern dock for the rest of the week after the fire."]
    together = encoder._encode(texts, batch_size=2)
    alone = np.stack([encoder._encode([t], batch_size=1)[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_embed_remembered_vectors_are_served_without_encoding() -> None:
    encoder = get_encoder()
    text = "A vector read back from a store is not computed again."
    vector = encoder.encode([text])[0]
    encoder.clear_cache()
    assert encoder.cached([text]) == {}
    encoder.remember({text: vector})
    before = encoder.encoded
    assert np.array_equal(encoder.encode([text])[0], vector)
    assert encoder.encoded == before
    assert set(encoder.cached([text, "never seen"])) == {text}


def test_embed_runs_the_fp32_build_when_installed_and_it_matches_the_shipped_model() -> None:
    from storydesk.embed import BUILT_MODEL, SentenceEncoder, model_files, shipped_model_files

    if not BUILT_MODEL.is_file():
        pytest.skip("encoder not built (python -m storydesk.encoder_build)")
    assert model_files()[0] == BUILT_MODEL
    shipped = SentenceEncoder(*shipped_model_files())
    texts = ["Five firefighters were hurt in the blaze.", "The central bank raised interest rates."]
    cosines = (get_encoder().encode(texts) * shipped.encode(texts)).sum(axis=1)
    assert cosines.min() > 0.99  # the same model: the shipped weights are these, rounded to int8

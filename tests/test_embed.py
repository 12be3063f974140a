"""The embedding model loads from its PyPI packages and gives meaningful sentence vectors."""

from __future__ import annotations

import numpy as np

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

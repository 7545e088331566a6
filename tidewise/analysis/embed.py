"""Sentences -> unit-length 384-d vectors with all-MiniLM-L6-v2 (int8 ONNX) on the CPU.

How it runs: batch-longest padding (the shipped tokenizer pads
to a fixed 128, which is 5-6x slower), truncation at 256 tokens, 2 intra-op threads,
mask-weighted mean pooling, L2 normalisation. onnxruntime and tokenizers are imported
inside the constructor so that `tidewise --help` never pays for them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from tidewise.analysis.model_files import model_file, tokenizer_file

DIMENSIONS = 384
MAX_TOKENS = 256
BATCH = 32

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TokenShares:
    """How one text's unit vector splits over its tokens.

    Mean pooling is linear, so the unit vector is exactly the sum of `shares` (one row per
    real token: its output state divided by the token count and the mean's length). Any
    linear score of the vector therefore splits exactly over the tokens, which is how the
    evidence finds the words that carried a label. `spans` are each token's character
    offsets in the text that was embedded.
    """

    spans: npt.NDArray[np.int64]  # (tokens, 2)
    shares: Vectors  # (tokens, DIMENSIONS)


class Encoder(Protocol):
    """Anything that turns texts into an (n, DIMENSIONS) float32 array (tests use fakes)."""

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> Vectors: ...

    def embed_with_tokens(
        self, texts: Sequence[str], batch: int = BATCH
    ) -> tuple[Vectors, list[TokenShares]]:
        """The same vectors, and how each splits over its tokens."""
        ...


class Embedder:
    """The real on-device encoder. Build once per process; `embed` is deterministic."""

    def __init__(
        self, threads: int = 2, max_tokens: int = MAX_TOKENS, model: Path | None = None
    ) -> None:
        """`model`: another encoder of the same shape and tokenizer (the safety screen's
        own, `model_files.safety_encoder_file`); the reader's MiniLM by default."""
        # Heavy imports here, not at module level: `tidewise --help` must stay fast.
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._tok = Tokenizer.from_file(str(tokenizer_file()))
        self._tok.enable_truncation(max_length=max_tokens)
        self._tok.enable_padding()  # no length: pad to the longest text in each batch
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        # Two sessions run one after the other for every entry (the reader's and the
        # screen's): threads left spinning by one slowed the other twofold on 2 cores.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._sess = ort.InferenceSession(
            str(model if model is not None else model_file()),
            opts,
            providers=["CPUExecutionProvider"],
        )

    def tokenize(self, texts: Sequence[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Token ids and attention mask for one batch, padded to its longest text."""
        enc = self._tok.encode_batch(list(texts))
        ids = np.asarray([e.ids for e in enc], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
        return ids, mask

    def encode_tokens(self, ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]) -> Vectors:
        """Run the encoder on one tokenised batch and pool to unit vectors."""
        return pool(self._states(ids, mask), mask)

    def _states(self, ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]) -> Vectors:
        feeds: dict[str, Any] = {
            "input_ids": ids,
            "attention_mask": mask,
            "token_type_ids": np.zeros_like(ids),
        }
        return np.asarray(self._sess.run(["last_hidden_state"], feeds)[0], dtype=np.float32)

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> Vectors:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for picked, _, mask, states in self._batches(texts, batch):
            out[picked] = pool(states, mask)
        return out

    def embed_with_tokens(
        self, texts: Sequence[str], batch: int = BATCH
    ) -> tuple[Vectors, list[TokenShares]]:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        shares: dict[int, TokenShares] = {}
        for picked, offsets, mask, states in self._batches(texts, batch):
            out[picked] = pool(states, mask)
            for row, index in enumerate(picked):
                shares[index] = token_shares(states[row], mask[row], offsets[row])
        return out, [shares[i] for i in range(len(texts))]

    def _batches(
        self, texts: Sequence[str], batch: int
    ) -> Iterator[tuple[list[int], list[list[tuple[int, int]]], npt.NDArray[np.int64], Vectors]]:
        # Batches of similar length: each batch is padded to its longest text, so mixing a
        # 5-word and a 60-word sentence wastes most of the work. The int8 model gives the
        # same vector whatever the padding, so the order changes nothing but the speed.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch):
            picked = order[start : start + batch]
            enc = self._tok.encode_batch([texts[i] for i in picked])
            ids = np.asarray([e.ids for e in enc], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
            yield picked, [e.offsets for e in enc], mask, self._states(ids, mask)


class LazyEmbedder:
    """An `Embedder` for another model file, built on first use: a process that never
    screens an entry (`tidewise classify`) never loads it or checks its hash. `load()`
    builds it ahead (the warm-up thread of `tidewise write`)."""

    def __init__(self, model: Callable[[], Path]) -> None:
        self._model = model  # returns the verified file (model_files), called once
        self._built: Embedder | None = None
        self._lock = threading.Lock()

    def load(self) -> Embedder:
        with self._lock:
            if self._built is None:
                self._built = Embedder(model=self._model())
            return self._built

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> Vectors:
        return self.load().embed(texts, batch)

    def embed_with_tokens(
        self, texts: Sequence[str], batch: int = BATCH
    ) -> tuple[Vectors, list[TokenShares]]:
        return self.load().embed_with_tokens(texts, batch)


def pool(tokens: npt.NDArray[np.float32], mask: npt.NDArray[np.int64]) -> Vectors:
    """Mask-weighted mean over tokens, then L2 normalisation (cosine = dot product)."""
    weights = mask[:, :, None].astype(np.float32)
    mean = (tokens * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
    return np.asarray(mean / norms, dtype=np.float32)


def token_shares(
    states: Vectors, mask: npt.NDArray[np.int64], offsets: Sequence[tuple[int, int]]
) -> TokenShares:
    """One text's token states scaled so that they sum to its pooled unit vector."""
    real = mask.astype(bool)
    mean = states[real].mean(axis=0)
    scale = 1.0 / (real.sum() * max(float(np.linalg.norm(mean)), 1e-12))
    spans = np.asarray(offsets, dtype=np.int64).reshape(-1, 2)[: len(mask)]
    return TokenShares(spans[real], np.asarray(states[real] * scale, dtype=np.float32))

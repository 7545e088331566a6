"""Sentences -> unit-length 384-d vectors with all-MiniLM-L6-v2 (int8 ONNX) on the CPU.

Follows `shared/notes/embedding.md`: batch-longest padding (the shipped tokenizer pads
to a fixed 128, which is 5-6x slower), truncation at 256 tokens, 2 intra-op threads,
mask-weighted mean pooling, L2 normalisation. onnxruntime and tokenizers are imported
inside the constructor so that `tidewise --help` never pays for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from tidewise.analysis.model_files import model_file, tokenizer_file

DIMENSIONS = 384
MAX_TOKENS = 256
BATCH = 32

Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Anything that turns texts into an (n, DIMENSIONS) float32 array (tests use fakes)."""

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> Vectors: ...


class Embedder:
    """The real on-device encoder. Build once per process; `embed` is deterministic."""

    def __init__(self, threads: int = 2, max_tokens: int = MAX_TOKENS) -> None:
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
        self._sess = ort.InferenceSession(
            str(model_file()), opts, providers=["CPUExecutionProvider"]
        )

    def tokenize(self, texts: Sequence[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Token ids and attention mask for one batch, padded to its longest text."""
        enc = self._tok.encode_batch(list(texts))
        ids = np.asarray([e.ids for e in enc], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
        return ids, mask

    def encode_tokens(self, ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]) -> Vectors:
        """Run the encoder on one tokenised batch and pool to unit vectors."""
        feeds: dict[str, Any] = {
            "input_ids": ids,
            "attention_mask": mask,
            "token_type_ids": np.zeros_like(ids),
        }
        tokens = self._sess.run(["last_hidden_state"], feeds)[0]
        return pool(np.asarray(tokens, dtype=np.float32), mask)

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> Vectors:
        # Batches of similar length: each batch is padded to its longest text, so mixing a
        # 5-word and a 60-word sentence wastes most of the work. The int8 model gives the
        # same vector whatever the padding, so the order changes nothing but the speed.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), batch):
            picked = order[start : start + batch]
            out[picked] = self.encode_tokens(*self.tokenize([texts[i] for i in picked]))
        return out


def pool(tokens: npt.NDArray[np.float32], mask: npt.NDArray[np.int64]) -> Vectors:
    """Mask-weighted mean over tokens, then L2 normalisation (cosine = dot product)."""
    weights = mask[:, :, None].astype(np.float32)
    mean = (tokens * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
    return np.asarray(mean / norms, dtype=np.float32)

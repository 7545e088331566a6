"""The classifier head: a numpy softmax over shipped weights.

`data/head.npz` (written by `python -m training.classifier`, never by hand) holds
the label order, one weight matrix for [embedding, cue features], one for the hashed
n-grams (kept sparse at run time), the intercept, the calibration temperature fitted
on held-out folds of the training corpus, and a JSON config (n-gram hashing, the
feature names it was trained with, the entry-summary settings, the version). No
scikit-learn, pickle or joblib at run time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.embed import BATCH, DIMENSIONS, Encoder
from tidewise.analysis.features import (
    DENSE_NAMES,
    FeatureConfig,
    dense_features,
    model_text,
    ngram_features,
)
from tidewise.cycle.labels import LABEL_NAMES
from tidewise.errors import ModelFilesError

HEAD_FILE = Path(__file__).parent / "data" / "head.npz"
Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Head:
    """Linear weights over [embedding, dense cues] and sparse hashed n-grams."""

    labels: tuple[str, ...]
    dense_coef: Matrix  # (labels, 384 + len(DENSE_NAMES))
    sparse_coef: Matrix  # (labels, config.sparse_size)
    intercept: Matrix  # (labels,)
    temperature: float
    config: FeatureConfig
    version: str
    settings: dict[str, Any] = field(default_factory=dict)

    def logits(self, vectors: Matrix, sentences: Sequence[str]) -> Matrix:
        """Raw scores (before calibration) of sentences whose embeddings are `vectors`."""
        if not sentences:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        embedded = vectors @ self.dense_coef[:, :DIMENSIONS].T + self.intercept
        return np.asarray(embedded + self.word_logits(sentences), dtype=np.float32)

    def word_logits(self, sentences: Sequence[str]) -> Matrix:
        """The part of the scores that comes from the words alone (cues and n-grams)."""
        dense = np.stack([dense_features(s) for s in sentences])
        out = dense @ self.dense_coef[:, DIMENSIONS:].T
        for row, sentence in enumerate(sentences):
            idx, val = ngram_features(sentence, self.config)
            out[row] += self.sparse_coef[:, idx] @ val
        return np.asarray(out, dtype=np.float32)

    def probabilities(self, vectors: Matrix, sentences: Sequence[str]) -> Matrix:
        """Calibrated label probabilities, one row per sentence, columns in `labels` order."""
        return softmax(self.logits(vectors, sentences) / self.temperature)


def softmax(logits: Matrix) -> Matrix:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)


def load_head(path: Path = HEAD_FILE) -> Head:
    """Read and check the shipped weights (a typed error if missing or inconsistent)."""
    if not path.is_file():
        raise ModelFilesError
    with np.load(path, allow_pickle=False) as data:
        config = json.loads(str(data["config"]))
        head = Head(
            labels=tuple(str(x) for x in data["labels"]),
            dense_coef=data["dense_coef"].astype(np.float32),
            sparse_coef=data["sparse_coef"].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
            temperature=float(data["temperature"]),
            config=FeatureConfig(config["word_buckets"], config["char_buckets"]),
            version=str(config["version"]),
            settings=dict(config.get("settings", {})),
        )
    if head.labels != LABEL_NAMES or tuple(config["dense_names"]) != DENSE_NAMES:
        raise ModelFilesError
    return head


@cache
def shipped_head() -> Head:
    """The head in the package, loaded once per process."""
    return load_head()


class SentenceClassifier:
    """Encoder + head: texts in, calibrated probabilities out (one unit per text)."""

    def __init__(self, encoder: Encoder, head: Head) -> None:
        self.encoder = encoder
        self.head = head

    def probabilities(self, texts: Sequence[str], batch: int = BATCH) -> Matrix:
        cleaned = [model_text(t) for t in texts]
        vectors = self.encoder.embed(cleaned, batch=batch)
        return self.head.probabilities(vectors, cleaned)

    def classify(
        self, texts: Sequence[str], batch: int = BATCH
    ) -> list[tuple[str, dict[str, float]]]:
        """(label, {label: probability}) per text, in order."""
        probs = self.probabilities(texts, batch)
        return [labelled(row, self.head.labels) for row in probs]


def labelled(row: Matrix, labels: Sequence[str]) -> tuple[str, dict[str, float]]:
    """The winning label and every label's probability, rounded for JSON."""
    scores = {label: round(float(p), 4) for label, p in zip(labels, row, strict=True)}
    return labels[int(np.argmax(row))], scores

"""Analysis fixtures: a fake encoder behind the Encoder protocol and a small fake head.

The fake encoder hashes words into a 384-d vector (deterministic, no model); the fake
head is random but seeded, so tests exercise the real numpy code paths quickly.
Tests that load the real on-device model are marked `model`.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pytest

from tidewise.analysis.classify import Head, SentenceClassifier
from tidewise.analysis.embed import DIMENSIONS, Vectors
from tidewise.analysis.engine import Engine
from tidewise.analysis.features import DENSE_NAMES, FeatureConfig
from tidewise.cycle.labels import LABEL_NAMES


class FakeEncoder:
    """Bag-of-words vectors: each word adds a fixed pseudo-random direction."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str], batch: int = 32) -> Vectors:
        self.calls.append(len(texts))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                rng = np.random.default_rng(zlib.crc32(word.encode()))
                out[row] += rng.standard_normal(DIMENSIONS).astype(np.float32)
            norm = float(np.linalg.norm(out[row]))
            out[row] /= max(norm, 1e-12)
        return out


def fake_head(seed: int = 7) -> Head:
    rng = np.random.default_rng(seed)
    config = FeatureConfig(word_buckets=256, char_buckets=512)
    return Head(
        labels=LABEL_NAMES,
        dense_coef=rng.standard_normal((7, DIMENSIONS + len(DENSE_NAMES))).astype(np.float32),
        sparse_coef=rng.standard_normal((7, config.sparse_size)).astype(np.float32),
        intercept=np.zeros(7, dtype=np.float32),
        temperature=1.5,
        config=config,
        version="test",
    )


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture
def fake_classifier(fake_encoder: FakeEncoder) -> SentenceClassifier:
    return SentenceClassifier(fake_encoder, fake_head())


@pytest.fixture
def fake_engine(fake_classifier: SentenceClassifier) -> Engine:
    return Engine(fake_classifier)

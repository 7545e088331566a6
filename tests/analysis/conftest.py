"""Analysis fixtures: a fake encoder behind the Encoder protocol and a small fake head.

The fake encoder hashes words into a 384-d vector (deterministic, no model); the fake
head is random but seeded, so tests exercise the real numpy code paths quickly.
Tests that load the real on-device model are marked `model`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
import pytest

from tidewise.analysis.classify import Head, SentenceClassifier
from tidewise.analysis.embed import DIMENSIONS, TokenShares, Vectors
from tidewise.analysis.engine import Engine
from tidewise.analysis.features import DENSE_NAMES, FeatureConfig
from tidewise.cycle.labels import LABEL_NAMES


class FakeEncoder:
    """Bag-of-words vectors: each word adds a fixed pseudo-random direction."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str], batch: int = 32) -> Vectors:
        return self.embed_with_tokens(texts, batch)[0]

    def embed_with_tokens(
        self, texts: Sequence[str], batch: int = 32
    ) -> tuple[Vectors, list[TokenShares]]:
        """Each word is one token; its share is its direction over the sum's length."""
        self.calls.append(len(texts))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        shares = []
        for row, text in enumerate(texts):
            spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
            states = np.zeros((len(spans), DIMENSIONS), dtype=np.float32)
            for i, (start, end) in enumerate(spans):
                word = text[start:end].lower()
                rng = np.random.default_rng(zlib.crc32(word.encode()))
                states[i] = rng.standard_normal(DIMENSIONS).astype(np.float32)
            total = states.sum(axis=0)
            norm = max(float(np.linalg.norm(total)), 1e-12)
            out[row] = total / norm
            shares.append(
                TokenShares(np.asarray(spans, dtype=np.int64).reshape(-1, 2), states / norm)
            )
        return out, shares


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

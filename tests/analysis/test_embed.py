"""The real on-device encoder: unit vectors, identical across batch sizes, no network."""

from __future__ import annotations

import socket
from typing import Any

import numpy as np
import pytest

from tidewise.analysis.embed import DIMENSIONS, Embedder, pool

SENTENCES = [
    "I let him hold me last night.",
    "what is wrong with me",
    "Slept in the spare room again, door locked.",
    "so tired of this war " * 80,  # past 256 tokens: cut, not an error
    "",
]


def test_pooling_ignores_padding_and_gives_unit_vectors() -> None:
    tokens = np.ones((1, 3, DIMENSIONS), dtype=np.float32)
    tokens[0, 2] = 100.0  # a padded position: must not count
    mask = np.array([[1, 1, 0]], dtype=np.int64)
    vector = pool(tokens, mask)
    assert np.allclose(vector, 1 / np.sqrt(DIMENSIONS))


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


@pytest.mark.model
def test_vectors_are_unit_length(embedder: Embedder) -> None:
    vectors = embedder.embed(SENTENCES)
    assert vectors.shape == (len(SENTENCES), DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.model
def test_vectors_are_identical_across_batch_sizes(embedder: Embedder) -> None:
    assert np.array_equal(embedder.embed(SENTENCES, batch=1), embedder.embed(SENTENCES, batch=32))


@pytest.mark.model
def test_padding_is_to_the_longest_in_the_batch(embedder: Embedder) -> None:
    ids, _ = embedder.tokenize(["short one", "a slightly longer sentence here"])
    assert ids.shape[1] < 20
    long_ids, _ = embedder.tokenize(["word " * 1000])
    assert long_ids.shape[1] == 256


@pytest.mark.model
def test_embedding_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError("network use is not allowed")

    monkeypatch.setattr(socket, "socket", refuse)
    vectors = Embedder().embed(["no network here"])
    assert vectors.shape == (1, DIMENSIONS)

"""The personal layer: pure numpy, a pull toward the shipped reader, deterministic."""

from __future__ import annotations

import numpy as np

from tidewise.analysis.personal import PersonalSettings, fit_layer, log_softmax
from tidewise.cycle.labels import LABEL_NAMES


def _unit(rows: np.ndarray) -> np.ndarray:
    return np.asarray(rows / np.linalg.norm(rows, axis=1, keepdims=True), dtype=np.float32)


def _problem(count: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentences in two clusters; the shipped reader calls all of them neutral, the person
    says the first cluster is withdrawing."""
    rng = np.random.default_rng(seed)
    centre_a, centre_b = rng.normal(size=384), rng.normal(size=384)
    side = np.arange(count) % 2
    noise = rng.normal(size=(count, 384))
    vectors = _unit(np.where(side[:, None] == 0, centre_a, centre_b) + noise)
    shipped = np.full((count, 7), -4.0, dtype=np.float32)
    shipped[:, LABEL_NAMES.index("neutral")] = 0.0
    labels = np.where(side == 0, LABEL_NAMES.index("withdrawing"), LABEL_NAMES.index("neutral"))
    return log_softmax(shipped), vectors, labels


def test_no_corrections_is_the_shipped_reader() -> None:
    log_probs, vectors, _ = _problem(10)
    layer = fit_layer(log_probs[:0], vectors[:0], [])
    assert layer.empty and layer.version == ""
    assert np.array_equal(layer.adjust(log_probs, vectors), log_probs)


def test_corrections_move_similar_sentences_and_leave_the_others() -> None:
    log_probs, vectors, labels = _problem(240)
    layer = fit_layer(log_probs[:200], vectors[:200], labels[:200])
    read = layer.adjust(log_probs[200:], vectors[200:]).argmax(axis=1)
    assert np.array_equal(read, labels[200:])  # unseen sentences of both clusters


def test_a_handful_of_corrections_cannot_swing_everything() -> None:
    log_probs, vectors, labels = _problem(240)
    few = fit_layer(log_probs[:2], vectors[:2], labels[:2])
    moved = few.adjust(log_probs[2:], vectors[2:]).argmax(axis=1)
    assert (moved == LABEL_NAMES.index("neutral")).mean() > 0.9  # the prior holds


def test_a_stronger_penalty_moves_less() -> None:
    log_probs, vectors, labels = _problem(120)
    loose = fit_layer(log_probs, vectors, labels, PersonalSettings(weight_penalty=0.25))
    tight = fit_layer(log_probs, vectors, labels, PersonalSettings(weight_penalty=16.0))
    assert np.abs(tight.weights).sum() < np.abs(loose.weights).sum()


def test_the_same_corrections_give_the_same_layer_and_version() -> None:
    log_probs, vectors, labels = _problem(60)
    first, again = fit_layer(log_probs, vectors, labels), fit_layer(log_probs, vectors, labels)
    assert first.version == again.version and first.version.startswith("p-")
    assert np.array_equal(first.weights, again.weights)
    other = fit_layer(log_probs, vectors, np.roll(labels, 1))
    assert other.version != first.version

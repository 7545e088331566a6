"""The numpy head: calibrated probabilities, shipped weights that load and check."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tidewise.analysis.classify import SentenceClassifier, load_head, shipped_head, softmax
from tidewise.cycle.labels import LABEL_NAMES
from tidewise.errors import ModelFilesError
from training.classifier import save_head

from .conftest import fake_head


def test_softmax_rows_are_distributions_even_for_huge_logits() -> None:
    probs = softmax(np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]], dtype=np.float32))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert probs[0, 0] == pytest.approx(1.0)


def test_classify_gives_one_result_per_text_with_every_label(
    fake_classifier: SentenceClassifier,
) -> None:
    results = fake_classifier.classify(["I let him in", "", "he left for work"])
    assert len(results) == 3
    for label, scores in results:
        assert label in LABEL_NAMES
        assert list(scores) == list(LABEL_NAMES)
        assert sum(scores.values()) == pytest.approx(1.0, abs=1e-3)
        assert label == max(scores, key=lambda k: scores[k])


def test_results_do_not_depend_on_batch_size(fake_classifier: SentenceClassifier) -> None:
    texts = [f"sentence number {i} about the spare room" for i in range(40)]
    assert np.array_equal(
        fake_classifier.probabilities(texts, batch=32),
        fake_classifier.probabilities(texts, batch=5),
    )


def test_a_saved_head_loads_back_the_same(tmp_path: Path) -> None:
    head = fake_head()
    save_head(head, tmp_path / "head.npz")
    loaded = load_head(tmp_path / "head.npz")
    assert loaded.labels == head.labels
    assert np.array_equal(loaded.dense_coef, head.dense_coef)
    assert np.allclose(loaded.sparse_coef, head.sparse_coef, atol=1e-2)
    assert loaded.temperature == head.temperature
    assert loaded.config == head.config


def test_a_missing_head_is_a_model_files_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFilesError):
        load_head(tmp_path / "absent.npz")


def test_a_head_with_another_label_order_is_refused(tmp_path: Path) -> None:
    head = fake_head()
    reordered = type(head)(
        tuple(reversed(head.labels)),
        head.dense_coef,
        head.sparse_coef,
        head.intercept,
        head.temperature,
        head.config,
        head.version,
    )
    save_head(reordered, tmp_path / "head.npz")
    with pytest.raises(ModelFilesError):
        load_head(tmp_path / "head.npz")


def test_the_shipped_head_matches_the_contract() -> None:
    head = shipped_head()
    assert head.labels == LABEL_NAMES
    assert head.temperature > 0
    assert head.sparse_coef.shape == (7, head.config.sparse_size)

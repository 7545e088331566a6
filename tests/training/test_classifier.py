"""The classifier head's training pieces (scikit-learn is allowed here, never at run time)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.analysis.conftest import FakeEncoder
from tidewise.analysis.features import FeatureConfig
from tidewise.cycle.labels import LABEL_NAMES
from training import classifier as train
from training import classifier_settings
from training.embeddings import cached_embeddings


def _write(path: Path, rows: list[object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")


def test_the_corpus_is_read_from_every_file_and_bad_rows_are_skipped(tmp_path: Path) -> None:
    _write(
        tmp_path / "sentences" / "b.jsonl",
        [{"text": "I miss us", "label": "exhaustion", "voice": "v2"}],
    )
    _write(
        tmp_path / "sentences" / "a.jsonl",
        [
            {"text": "he left", "label": "neutral", "voice": "v1"},
            {"text": "x", "label": "not-a-label", "voice": "v1"},
            {"text": "  ", "label": "neutral", "voice": "v1"},
        ],
    )
    _write(
        tmp_path / "entries" / "a.jsonl",
        [{"text": "One. Two.", "dominant": "reaching", "labels": []}],
    )
    corpus = train.read_corpus(tmp_path)
    assert corpus.texts == ["he left", "I miss us"]
    assert corpus.labels.tolist() == [LABEL_NAMES.index("neutral"), LABEL_NAMES.index("exhaustion")]
    assert corpus.voices == ["v1", "v2"]
    assert len(corpus.entries) == 1


def test_temperature_softens_overconfident_scores() -> None:
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, size=600)
    logits = rng.standard_normal((600, 3))
    logits[np.arange(600), labels] += 1.0
    assert train.fit_temperature(logits * 5, labels) > train.fit_temperature(logits, labels)


def test_cached_embeddings_are_reused_exactly(tmp_path: Path) -> None:
    encoder = FakeEncoder()
    cache = tmp_path / "cache.npz"
    first = cached_embeddings(encoder, ["a b", "c"], cache)  # type: ignore[arg-type]
    second = cached_embeddings(encoder, ["c", "a b"], cache)  # type: ignore[arg-type]
    assert np.array_equal(first[::-1], second)
    assert encoder.calls == [2]


def test_training_fits_a_head_that_separates_the_labels(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    texts = [f"{label} words {i}" for label in LABEL_NAMES for i in range(10)]
    labels = np.repeat(np.arange(7), 10)
    corpus = classifier_settings.Corpus(texts, labels, [f"v{i % 5}" for i in range(70)], [])
    config = FeatureConfig(word_buckets=128, char_buckets=256)
    blocks = train.feature_blocks(texts, FakeEncoder().embed(texts), config)
    score, logits = train.cross_validate(blocks, corpus, 1.0, (1.0, 1.0, 1.0))
    assert score > 0.9
    assert logits.shape == (70, 7)


def test_the_data_card_measures_the_head_on_every_blind_set(tmp_path: Path) -> None:
    from tests.analysis.conftest import fake_head
    from tidewise.analysis.classify import SentenceClassifier
    from training.classifier_report import blind_figures

    sentence = {"id": "s1", "text": "I slept in the spare room.", "label": "withdrawing"}
    entry = {"id": "e1", "text": "We argued. I slept downstairs.", "dominant": "withdrawing"}
    for folder in ("passages", "blind"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "w_sentences.jsonl").write_text(json.dumps(sentence) + "\n")
        (tmp_path / folder / "w_entries.jsonl").write_text(json.dumps(entry) + "\n")
    lines = blind_figures(SentenceClassifier(FakeEncoder(), fake_head()), tmp_path)
    assert lines[0].startswith("- passages (posts written without labels in mind): 1 sentences")
    assert "macro-F1" in lines[0] and "any-shame F1" in lines[0]
    assert [line.split(":")[0] for line in lines[2:]] == ["- passages entries", "- blind entries"]


def test_no_validation_sets_is_said_plainly(tmp_path: Path) -> None:
    from tests.analysis.conftest import fake_head
    from tidewise.analysis.classify import SentenceClassifier
    from training.classifier_report import blind_figures

    classifier = SentenceClassifier(FakeEncoder(), fake_head())
    assert blind_figures(classifier, tmp_path) == ["- no validation sets found"]

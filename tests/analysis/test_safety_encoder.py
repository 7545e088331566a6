"""The safety screen's own encoder: pinned, loaded beside the reader's, and the vectors the
screen reads on every path (the engine, `screen_vectors`)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from tidewise.analysis.embed import LazyEmbedder
from tidewise.analysis.engine import Engine, default_analyzer, safety_encoder_for
from tidewise.analysis.model_files import (
    SAFETY_ENCODER_FILE,
    SAFETY_ENCODER_SHA256,
    checked,
    safety_encoder_file,
)
from tidewise.analysis.safety import screen
from tidewise.analysis.safety_model import OWN_ENCODER, READER, shipped_safety_head
from tidewise.errors import ModelFilesError


def test_the_shipped_head_reads_the_screens_own_encoder() -> None:
    assert shipped_safety_head().encoder == OWN_ENCODER


def test_a_changed_safety_encoder_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "safety_encoder.onnx"
    shutil.copy(SAFETY_ENCODER_FILE, copy)
    with copy.open("r+b") as handle:  # one byte changed in the middle of the weights
        handle.seek(copy.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelFilesError):
        checked(copy, SAFETY_ENCODER_SHA256)


def test_the_engine_without_a_safety_encoder_screens_with_the_readers_vectors(
    fake_engine: Engine,
) -> None:
    reader = fake_engine.embed(["We had pasta."])
    assert np.array_equal(fake_engine.screen_vectors(["We had pasta."]), reader)


@pytest.mark.model
def test_the_installed_safety_encoder_matches_its_pin() -> None:
    assert safety_encoder_file() == SAFETY_ENCODER_FILE


@pytest.mark.model
def test_the_real_engine_screens_with_its_own_encoder() -> None:
    engine = default_analyzer()
    assert engine.safety_encoder is not None
    sentences = ["I stood on the bridge for an hour tonight.", "We had pasta."]
    own = engine.screen_vectors(sentences)
    reader = engine.embed(sentences)
    assert own.shape == reader.shape == (2, 384)
    assert np.allclose(np.linalg.norm(own, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(own, reader, atol=1e-3)  # a different encoder, not a copy


@pytest.mark.model
def test_an_entry_is_screened_exactly_as_the_screen_reads_its_own_vectors() -> None:
    engine = default_analyzer()
    text = "I keep looking at the pills he left. I counted them twice tonight."
    analysis = engine.analyze(text)
    sentences = [s.text for s in analysis.sentences]
    direct = screen(sentences, vectors=engine.screen_vectors(sentences))
    assert analysis.safety.level == direct.level
    assert analysis.safety.kinds == direct.kinds


@pytest.mark.model
def test_a_head_that_reads_the_readers_vectors_loads_no_second_encoder() -> None:
    head = shipped_safety_head()
    assert isinstance(safety_encoder_for(head), LazyEmbedder)
    assert safety_encoder_for(replace(head, encoder=READER)) is None


@pytest.mark.model
def test_classifying_alone_never_loads_the_safety_encoder() -> None:
    import subprocess
    import sys

    code = (
        "from tidewise.analysis.engine import default_analyzer, classify_texts\n"
        "classify_texts(['We had pasta.'])\n"
        "print(default_analyzer().safety_encoder._built is None)\n"
        "default_analyzer().analyze('We had pasta. I slept.')\n"
        "print(default_analyzer().safety_encoder._built is None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]


@pytest.mark.model
def test_a_sentence_gets_the_same_vector_whatever_else_is_in_its_batch() -> None:
    # Weight-only int8 (training/safety_encoder.py, quantize_weights): a verdict must not
    # depend on which other entries were read alongside (an import reads thousands).
    encoder = default_analyzer().screen_vectors
    alone = encoder(["I stood on the bridge for an hour."])
    beside = encoder(
        [
            "I stood on the bridge for an hour.",
            "We had a long dinner by the river with his parents, the kids and the dog.",
        ]
    )
    assert np.array_equal(alone[0], beside[0])

"""`make train` runs the two trainers as `python -m training.<head>` from the repository
root, and each writes the very file the journal loads at run time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tidewise.analysis.classify import HEAD_FILE
from tidewise.analysis.model_files import SAFETY_ENCODER_FILE
from tidewise.analysis.safety_model import SAFETY_HEAD_FILE

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> str:
    env = os.environ | {"COLUMNS": "400"}  # argparse wraps its help at the terminal width
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_encoder_trainer_writes_the_head_and_the_encoder_the_screen_loads() -> None:
    shown = _run("training.safety_encoder", "--help")  # no torch needed to ask
    assert f"(default: {SAFETY_HEAD_FILE})" in shown
    assert f"(default: {SAFETY_ENCODER_FILE})" in shown


def test_the_classifier_trainer_writes_beside_the_head_the_reader_loads() -> None:
    assert f"(default: {HEAD_FILE.parent})" in _run("training.classifier", "--help")


def test_the_classifier_trainer_counts_the_corpus_without_scikit_learn() -> None:
    counts = _run("training.classifier", "--counts")
    assert counts.startswith("| file | voices |") and "| **all** |" in counts


def test_the_linear_layer_never_overwrites_the_shipped_head() -> None:
    from training.safety import main

    for extra in ([], ["--with-new-writers"]):
        with pytest.raises(SystemExit) as refused:
            main([*extra, "--out", str(SAFETY_HEAD_FILE)])
        assert refused.value.code == 2
        with pytest.raises(SystemExit) as refused:
            main(extra)  # --out is required
        assert refused.value.code == 2

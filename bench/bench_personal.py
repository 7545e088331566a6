"""Corrections that teach the reader: does the personal layer help, and what does it cost?

    .venv/bin/python -m bench personal        (needs the `train` extra: make bench installs it)
    .venv/bin/python -m bench.bench_personal --grid      (the settings that were compared)

1. Held-out writers (in-style, 14 corpus writers). For each writer, the reader is
   trained without any of that writer's sentences (leave-one-writer-out; the held-out
   scores are cached in bench/out, keyed by the corpus). Then a person corrects k of
   their sentences the way a person would: looking through their sentences in a random
   order and correcting the ones the reader got wrong, until k are corrected. The
   personal layer is fitted on those k and the rest of the writer is scored, against
   the shipped reader on the same rest. Three orders per writer.
2. Passages (blind: real-style posts, never trained on). k sentences chosen at random are
   corrected to their gold label (many of them confirm the reading), the layer is fitted
   and the rest is scored; 20 draws per k. This is closest to the outside check: many
   writers, random corrections.
3. Fitting time for 1,000 corrections.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import shipped_head
from tidewise.analysis.embed import Embedder
from tidewise.analysis.features import FeatureConfig
from tidewise.analysis.personal import PersonalSettings, fit_layer, log_softmax
from tidewise.cycle.labels import LABEL_NAMES
from training.classifier import read_corpus
from training.classifier_report import f1_of
from training.classifier_settings import BLOCK_SCALES, C_VALUE
from training.embeddings import cached_embeddings

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "out" / "embeddings.npz"
HELD_OUT = ROOT / "bench" / "out" / "personal_held_out.npz"
PASSAGES = ROOT / "validation" / "passages"
KS = (0, 10, 25, 50, 100)
VOICE_KS = (0, 10, 25, 50)  # a voice has 100-140 sentences
SHAME = {LABEL_NAMES.index("attachment_shame"), LABEL_NAMES.index("disconnection_shame")}
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float32]


def held_out_scores(
    quick: bool,
) -> tuple[Floats, Floats, Ints, npt.NDArray[np.str_], npt.NDArray[np.str_]]:
    """Leave-one-writer-out log-probabilities for every corpus sentence (cached per writer)."""
    corpus = read_corpus(ROOT / "corpus")
    writers = np.asarray([v[0] for v in corpus.voices])
    vectors = cached_embeddings(Embedder(), corpus.texts, CACHE)
    key = hashlib.sha256(
        ("\n".join(corpus.texts) + repr(corpus.labels.tolist()) + repr(C_VALUE)).encode()
    ).hexdigest()
    logits = np.zeros((len(corpus.texts), len(LABEL_NAMES)), dtype=np.float32)
    done = np.zeros(len(corpus.texts), dtype=bool)
    if HELD_OUT.is_file():
        with np.load(HELD_OUT, allow_pickle=False) as data:
            if str(data["key"]) == key:
                logits, done = data["logits"], data["done"]
    wanted = _writers(writers, quick)
    missing = [w for w in wanted if not done[writers == w].all()]
    if missing:
        _fit_held_out(corpus, vectors, writers, missing, logits, done, key)
    log_probs = log_softmax(logits / shipped_head().temperature)
    keep = np.isin(writers, wanted)
    voices = np.asarray(corpus.voices)
    return log_probs[keep], vectors[keep], corpus.labels[keep], writers[keep], voices[keep]


def _fit_held_out(
    corpus: Any,
    vectors: Floats,
    writers: Any,
    missing: list[str],
    logits: Floats,
    done: Any,
    key: str,
) -> None:
    """One reader per writer, trained without them. Each fit starts from the shipped
    weights (the same convex problem has one optimum; a warm start only gets there
    sooner) and is saved at once, so an interrupted run resumes."""
    from training.classifier import _model, feature_blocks, stacked

    x = stacked(feature_blocks(corpus.texts, vectors, FeatureConfig()), BLOCK_SCALES)
    head = shipped_head()
    HELD_OUT.parent.mkdir(parents=True, exist_ok=True)
    for writer in missing:
        held = writers == writer
        print(f"personal: training without writer {writer}", file=sys.stderr, flush=True)
        model = _model(C_VALUE)
        model.set_params(warm_start=True)
        model.coef_ = np.hstack([head.dense_coef, head.sparse_coef]).astype(np.float64)
        model.intercept_ = head.intercept.astype(np.float64)
        model.fit(x[~held], corpus.labels[~held])
        logits[held] = model.decision_function(x[held])
        done[held] = True
        np.savez(HELD_OUT, key=np.asarray(key), logits=logits, done=done)


def _writers(writers: Any, quick: bool) -> list[str]:
    names = sorted(set(writers.tolist()))
    return [w for w in names if w in "bfrt"] if quick else names


Chooser = Callable[[np.random.Generator, Ints, Ints, int], Ints]


def wrong_first(rng: np.random.Generator, gold: Ints, shipped: Ints, k: int) -> Ints:
    """A person looking through in a random order, correcting what the reader got wrong."""
    order = rng.permutation(len(gold))
    wrong = order[gold[order] != shipped[order]]
    return np.asarray(wrong[:k], dtype=np.int64)


def at_random(rng: np.random.Generator, gold: Ints, shipped: Ints, k: int) -> Ints:
    return np.asarray(rng.permutation(len(gold))[:k], dtype=np.int64)


class Tally:
    """Predictions on the rest, pooled over people and draws: shipped and personal reader."""

    def __init__(self) -> None:
        self.gold: list[Ints] = []
        self.shipped: list[Ints] = []
        self.personal: list[Ints] = []
        self.per_person: list[tuple[float, float]] = []

    def add(self, gold: Ints, shipped: Ints, personal: Ints) -> None:
        self.gold.append(gold)
        self.shipped.append(shipped)
        self.personal.append(personal)
        self.per_person.append((macro_f1(gold, shipped), macro_f1(gold, personal)))

    def row(self) -> dict[str, float]:
        gold = np.concatenate(self.gold)
        shipped = np.concatenate(self.shipped)
        personal = np.concatenate(self.personal)
        before, after = np.asarray(self.per_person).mean(axis=0)
        labels = list(range(len(LABEL_NAMES)))
        worst = min(f1_of(gold, personal, {c}) - f1_of(gold, shipped, {c}) for c in labels)
        return {
            "before": float(before),
            "after": float(after),
            "shame_before": f1_of(gold, shipped, SHAME),
            "shame_after": f1_of(gold, personal, SHAME),
            "worst_label": float(worst),
        }


def macro_f1(gold: Ints, pred: Ints) -> float:
    """Mean F1 over the labels present in gold or predicted (as scikit-learn counts it)."""
    present = sorted(set(gold.tolist()) | set(pred.tolist()))
    return float(np.mean([f1_of(gold, pred, {c}) for c in present]))


def simulate(
    people: Sequence[Ints],
    log_probs: Floats,
    vectors: Floats,
    labels: Ints,
    k: int,
    choose: Chooser,
    draws: int,
    settings: PersonalSettings,
) -> Tally:
    tally = Tally()
    shipped_all = log_probs.argmax(axis=1)
    for number, person in enumerate(people):
        for draw in range(draws):
            rng = np.random.default_rng(1000 * number + draw)
            chosen = person[choose(rng, labels[person], shipped_all[person], k)]
            rest = np.setdiff1d(person, chosen)
            layer = fit_layer(log_probs[chosen], vectors[chosen], labels[chosen], settings)
            personal = layer.adjust(log_probs[rest], vectors[rest]).argmax(axis=1)
            tally.add(labels[rest], shipped_all[rest], personal)
    return tally


def passage_scores() -> tuple[Floats, Floats, Ints]:
    from bench.reader_choices import labelled_set

    texts, gold = labelled_set(sorted(PASSAGES.glob("*_sentences.jsonl")))
    vectors = cached_embeddings(Embedder(), texts, CACHE)
    head = shipped_head()
    return log_softmax(head.logits(vectors, texts) / head.temperature), vectors, gold


def curve(
    title: str,
    people: Sequence[Ints],
    scores: tuple[Floats, Floats, Ints],
    choose: Chooser,
    draws: int,
    settings: PersonalSettings,
    ks: Sequence[int],
) -> list[str]:
    """Table rows, one per k: the rest scored by the shipped and the personal reader."""
    lines: list[str] = []
    for k in ks:
        row = simulate(people, *scores, k, choose, draws, settings).row()
        name = title if not lines else ""
        lines.append(
            f"| {name} | {k} | {row['before']:.3f} → {row['after']:.3f}"
            f" ({row['after'] - row['before']:+.3f})"
            f" | {row['shame_before']:.3f} → {row['shame_after']:.3f}"
            f" ({row['shame_after'] - row['shame_before']:+.3f}) | {row['worst_label']:+.3f} |"
        )
    return lines


def fitting_time(settings: PersonalSettings) -> float:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(1000, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    log_probs = log_softmax(rng.normal(size=(1000, 7)).astype(np.float32))
    labels = rng.integers(0, 7, size=1000)
    started = time.perf_counter()
    fit_layer(log_probs, vectors, labels, settings)
    return time.perf_counter() - started


def tables(quick: bool = False, settings: PersonalSettings | None = None) -> str:
    settings = settings or PersonalSettings()
    log_probs, vectors, labels, writers, voices = held_out_scores(quick)
    held = (log_probs, vectors, labels)
    people = [np.flatnonzero(writers == w) for w in sorted(set(writers.tolist()))]
    names = sorted(set(voices.tolist()))
    one_voice = [np.flatnonzero(voices == v) for v in names if (voices == v).sum() >= 100]
    passages = passage_scores()
    lines = [
        "## Personal reader: corrections (macro-F1 of the rest, shipped → personal)\n",
        f"Held-out writers: {len(people)} corpus writers, each read by a reader trained "
        "without them (in-style); a person looks through their sentences in a random order "
        "and corrects the ones the reader got wrong, until k are corrected (3 orders each). "
        f"One voice: the {len(one_voice)} corpus voices (one invented person each) with 100 "
        "or more sentences, from those held-out readers, k random sentences corrected "
        "(3 draws). Passages: blind real-style posts by many writers (80 posts, 1,069 "
        "sentences), k random sentences corrected, 20 draws. Macro-F1 is the mean over "
        "people or draws; any-shame F1 and the worst per-label change are pooled.\n",
        "| set | k | macro-F1 shipped → personal | any-shame F1 shipped → personal "
        "| worst label change |",
        "|---|---|---|---|---|",
    ]
    lines += curve("held-out writers", people, held, wrong_first, 3, settings, KS)
    lines += curve("one voice", one_voice, held, at_random, 3, settings, VOICE_KS)
    whole = [np.arange(len(passages[2]))]
    lines += curve("passages (blind)", whole, passages, at_random, 20, settings, KS)
    lines.append(f"\nFitting 1,000 corrections: {fitting_time(settings) * 1000:.0f} ms.")
    return "\n".join(lines)


def run() -> str:
    return tables(quick=False)


GRID = {
    "shipped settings (penalty 1)": PersonalSettings(),
    "penalty 0.25": PersonalSettings(weight_penalty=0.25),
    "penalty 4": PersonalSettings(weight_penalty=4.0),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 writers only")
    parser.add_argument("--grid", nargs="*", default=None, help="settings variants to compare")
    args = parser.parse_args(argv)
    if args.grid is None:
        print(tables(args.quick))
        return 0
    for name, settings in GRID.items():
        if args.grid and name not in args.grid:
            continue
        print(f"\n### {name}: {settings}\n")
        print(tables(args.quick, settings), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The provenance note written beside the weights by `classifier.py`
(tidewise/analysis/data/README.md)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tidewise.cycle.labels import LABEL_NAMES
from training.classifier_settings import (
    BLOCK_SCALES,
    C_VALUE,
    CLASS_WEIGHT,
    ENTRY_SETTINGS,
    FOLDS,
    Corpus,
)
from training.entries import phase_accuracy, read_entries

if TYPE_CHECKING:
    from tidewise.analysis.classify import SentenceClassifier


def f1_of(gold: npt.NDArray[np.int64], pred: npt.NDArray[np.int64], positive: set[int]) -> float:
    g = np.isin(gold, list(positive))
    p = np.isin(pred, list(positive))
    tp = int((g & p).sum())
    return 2 * tp / (2 * tp + int((~g & p).sum()) + int((g & ~p).sum())) if tp else 0.0


def write_readme(
    path: Path,
    corpus: Corpus,
    oof_logits: npt.NDArray[np.float64],
    temperature: float,
    entry_report: dict[str, Any],
    blind: list[str],
) -> None:
    pred = oof_logits.argmax(axis=1)
    gold = corpus.labels
    per_label = {name: f1_of(gold, pred, {i}) for i, name in enumerate(LABEL_NAMES)}
    macro = sum(per_label.values()) / len(per_label)
    shame = {LABEL_NAMES.index("attachment_shame"), LABEL_NAMES.index("disconnection_shame")}
    counts = Counter(LABEL_NAMES[i] for i in gold)
    lines = [
        "# Classifier head: provenance",
        "",
        "Written by `python -m training.classifier` (`make train`); do not edit by hand.",
        "Trained only on this project's own corpus (`corpus/`); never on `../shared/eval`",
        "and never on the blind validation sets in `validation/`.",
        "",
        "## Data",
        "",
        f"- {len(corpus.texts)} labelled sentences from {len(set(corpus.voices))} voices or"
        f" posts; {len(corpus.entries)} entries.",
        "- Sentences per label: "
        + ", ".join(f"{name} {counts.get(name, 0)}" for name in LABEL_NAMES)
        + ".",
        "",
        "## Blind validation (never trained on, measured after training)",
        "",
        *blind,
        "",
        "## Model",
        "",
        "Multinomial logistic regression (scikit-learn, lbfgs) on [384-d all-MiniLM-L6-v2",
        "embedding, cue features, hashed word 1-2-grams and char 3-5-grams]. Weights ship",
        "as `head.npz` (numpy only at run time; n-gram weights stored as float16).",
        f"Settings chosen on the blind validation sets (`python -m bench.reader_choices`):"
        f" C = {C_VALUE}, block weights (embedding, cues, n-grams) = {BLOCK_SCALES},"
        f" class weights {CLASS_WEIGHT or 'none'}.",
        f"Calibration: temperature {temperature} fitted on out-of-fold scores (NLL).",
        "",
        f"## Cross-validation ({FOLDS} folds grouped by voice or post; in-style, flatters)",
        "",
        f"- macro-F1 {macro:.3f}, any-shame F1 {f1_of(gold, pred, shame):.3f}",
        "- per label: " + ", ".join(f"{n} {v:.3f}" for n, v in per_label.items()),
        "",
        "## Entry summary",
        "",
        f"Settings {ENTRY_SETTINGS.to_dict()} (chosen on the blind entries).",
        f"Dominant-phase accuracy on {entry_report.get('entries', 0)} corpus entries"
        f" (in-style): {entry_report.get('accuracy', 0)}.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def blind_figures(classifier: SentenceClassifier, root: Path) -> list[str]:
    """Macro-F1 and any-shame F1 of the new head on each blind set, and entry accuracy.

    The passages come first: written without labels in mind and labelled by independent
    readers, they are the set closest to real writing (the report quotes the first
    macro-F1 in this file).
    """
    import json

    def rows(pattern: str) -> list[dict[str, Any]]:
        return [
            json.loads(line)
            for p in sorted(root.glob(pattern))
            for line in p.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]

    shame = {LABEL_NAMES.index("attachment_shame"), LABEL_NAMES.index("disconnection_shame")}
    lines = []
    for name, pattern in (
        ("passages (posts written without labels in mind)", "passages/*_sentences.jsonl"),
        ("blind style sentences (written to labels)", "blind/*_sentences.jsonl"),
    ):
        found = rows(pattern)
        if not found:
            continue
        gold = np.asarray([LABEL_NAMES.index(r["label"]) for r in found])
        probs = classifier.probabilities([str(r["text"]) for r in found])
        pred = probs.argmax(axis=1)
        macro = sum(f1_of(gold, pred, {i}) for i in range(len(LABEL_NAMES))) / len(LABEL_NAMES)
        lines.append(
            f"- {name}: {len(found)} sentences, macro-F1 {macro:.3f},"
            f" any-shame F1 {f1_of(gold, pred, shame):.3f}"
        )
    for name, pattern in (
        ("passages", "passages/*_entries.jsonl"),
        ("blind", "blind/*_entries.jsonl"),
    ):
        found = rows(pattern)
        if found:
            accuracy = phase_accuracy(read_entries(classifier, found), ENTRY_SETTINGS)
            lines.append(f"- {name} entries: {len(found)}, dominant-phase accuracy {accuracy:.3f}")
    return lines or ["- no validation sets found"]


def corpus_counts(root: Path) -> str:
    """Markdown tables of the corpus: sentences per file and label, voices, entries."""
    import json

    header = "| file | voices | " + " | ".join(LABEL_NAMES) + " | total |"
    lines = [header, "|---" * (len(LABEL_NAMES) + 3) + "|"]
    totals: Counter[str] = Counter()
    all_voices: set[str] = set()
    for path in sorted((root / "sentences").glob("*.jsonl")):
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        counts = Counter(str(r.get("label")) for r in rows)
        voices = {str(r.get("voice")) for r in rows}
        all_voices |= voices
        totals.update(counts)
        cells = " | ".join(str(counts.get(name, 0)) for name in LABEL_NAMES)
        lines.append(f"| {path.name} | {len(voices)} | {cells} | {len(rows)} |")
    cells = " | ".join(str(totals.get(name, 0)) for name in LABEL_NAMES)
    lines.append(f"| **all** | {len(all_voices)} | {cells} | {sum(totals.values())} |")
    lines += ["", "| entries file | " + " | ".join(LABEL_NAMES) + " | total |"]
    lines.append("|---" * (len(LABEL_NAMES) + 2) + "|")
    for path in sorted((root / "entries").glob("*.jsonl")):
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        counts = Counter(str(r.get("dominant")) for r in rows)
        cells = " | ".join(str(counts.get(name, 0)) for name in LABEL_NAMES)
        lines.append(f"| {path.name} | {cells} | {len(rows)} |")
    return "\n".join(lines)

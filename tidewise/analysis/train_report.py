"""The provenance note written beside the weights by `train.py` (data/README.md)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tidewise.cycle.labels import LABEL_NAMES

if TYPE_CHECKING:
    from tidewise.analysis.train import Corpus


def _f1(gold: npt.NDArray[np.int64], pred: npt.NDArray[np.int64], positive: set[int]) -> float:
    g = np.isin(gold, list(positive))
    p = np.isin(pred, list(positive))
    tp = int((g & p).sum())
    return 2 * tp / (2 * tp + int((~g & p).sum()) + int((g & ~p).sum())) if tp else 0.0


def write_readme(
    path: Path,
    corpus: Corpus,
    report: dict[str, Any],
    oof_logits: npt.NDArray[np.float64],
    temperature: float,
    entry_report: dict[str, Any],
) -> None:
    pred = oof_logits.argmax(axis=1)
    gold = corpus.labels
    per_label = {name: _f1(gold, pred, {i}) for i, name in enumerate(LABEL_NAMES)}
    shame = {LABEL_NAMES.index("attachment_shame"), LABEL_NAMES.index("disconnection_shame")}
    counts = Counter(LABEL_NAMES[i] for i in gold)
    chosen = report["chosen"]
    lines = [
        "# Classifier head: provenance",
        "",
        "Written by `python -m tidewise.analysis.train` (`make train`); do not edit by hand.",
        "Trained only on this project's own corpus (`corpus/`); never on `../shared/eval`.",
        "",
        "## Data",
        "",
        f"- {len(corpus.texts)} labelled sentences from {len(set(corpus.voices))} voices;"
        f" {len(corpus.entries)} entries (used to tune the entry summary).",
        "- Sentences per label: "
        + ", ".join(f"{name} {counts.get(name, 0)}" for name in LABEL_NAMES)
        + ".",
        "",
        "## Model",
        "",
        "Multinomial logistic regression (scikit-learn, lbfgs) on [384-d all-MiniLM-L6-v2",
        "embedding, cue features, hashed word 1-2-grams and char 3-5-grams]. Weights ship",
        "as `head.npz` (numpy only at run time; n-gram weights stored as float16).",
        f"Chosen by {_folds()}-fold cross-validation grouped by voice: C = {chosen['C']},"
        f" block weights (embedding, cues, n-grams) = {tuple(chosen['scales'])}.",
        f"Calibration: temperature {temperature} fitted on the out-of-fold scores (NLL).",
        "",
        "## Cross-validation (out of fold, grouped by voice)",
        "",
        f"- macro-F1 {chosen['cv_macro_f1']:.3f}, any-shame F1 {_f1(gold, pred, shame):.3f}",
        "- per label: " + ", ".join(f"{n} {v:.3f}" for n, v in per_label.items()),
        "",
        "| C | block weights | macro-F1 |",
        "|---|---|---|",
        *[f"| {t['C']} | {tuple(t['scales'])} | {t['macro_f1']:.3f} |" for t in report["trials"]],
        "",
        "## Entry summary",
        "",
        f"Tuned on {entry_report.get('entries', 0)} corpus entries (in-sample: four settings):",
        f"dominant-phase accuracy {entry_report.get('default_accuracy', 0)} with the defaults,",
        f"{entry_report.get('tuned_accuracy', 0)} tuned; settings {entry_report.get('settings')}.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


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


def _folds() -> int:
    from tidewise.analysis.train import FOLDS

    return FOLDS

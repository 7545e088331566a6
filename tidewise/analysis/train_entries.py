"""Train-time tuning of the entry summary on the corpus's own entries.

Each corpus entry carries the phase its writer meant to dominate. The sentences are
classified once; then a small grid of `EntrySettings` is tried and the one whose
`phase` agrees with the writers most often is kept (ties go to the earlier, gentler
setting). Used only by `train.py`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import SentenceClassifier
from tidewise.analysis.entry import EntrySettings, contextual, summarise
from tidewise.analysis.features import CueMatch, cue_matches
from tidewise.analysis.readable import has_words
from tidewise.analysis.segment import sentences as split

SMOOTHING = (0.0, 0.15, 0.3, 0.5)
UNCERTAIN_BELOW = (0.5, 0.7, 1.01)
PHASE_FLOOR = (0.2, 0.4, 0.7, 1.0)
ATTACHMENT_WEIGHT = (1.0, 1.25)

_Reading = tuple[npt.NDArray[np.float32], list[tuple[CueMatch, ...]], str]


def read_entries(
    classifier: SentenceClassifier, entries: Sequence[dict[str, Any]]
) -> list[_Reading]:
    """Raw sentence probabilities and cue matches for each entry, with its gold phase."""
    pieces = [[s for s in split(str(e["text"])) if has_words(s)] for e in entries]
    flat = [s for piece in pieces for s in piece]
    probs = classifier.probabilities(flat) if flat else np.zeros((0, 7), dtype=np.float32)
    readings, offset = [], 0
    for entry, piece in zip(entries, pieces, strict=True):
        rows = probs[offset : offset + len(piece)]
        readings.append((rows, [cue_matches(s) for s in piece], str(entry["dominant"])))
        offset += len(piece)
    return readings


def phase_accuracy(readings: Sequence[_Reading], settings: EntrySettings) -> float:
    if not readings:
        return 0.0
    hits = sum(
        summarise(contextual(rows, matches, settings), settings).phase == gold
        for rows, matches, gold in readings
    )
    return hits / len(readings)


def tune_entry_settings(
    classifier: SentenceClassifier, entries: Sequence[dict[str, Any]]
) -> tuple[EntrySettings, dict[str, Any]]:
    """The settings with the best dominant-phase accuracy on the corpus entries."""
    default = EntrySettings()
    readings = read_entries(classifier, entries)
    if not readings:
        return default, {"entries": 0}
    best, best_score = default, phase_accuracy(readings, default)
    grid = itertools.product(SMOOTHING, UNCERTAIN_BELOW, PHASE_FLOOR, ATTACHMENT_WEIGHT)
    for smoothing, unsure, floor, weight in grid:
        candidate = EntrySettings(smoothing, unsure, floor, default.present_at, weight)
        score = phase_accuracy(readings, candidate)
        if score > best_score:
            best, best_score = candidate, score
    report = {
        "entries": len(readings),
        "default_accuracy": round(phase_accuracy(readings, default), 4),
        "tuned_accuracy": round(best_score, 4),
        "settings": best.to_dict(),
    }
    return best, report

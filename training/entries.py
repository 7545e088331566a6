"""Scoring how sentence readings add up to an entry's phase, against labelled entries.

Each labelled entry carries the phase that dominates it. The sentences are classified
once; `phase_accuracy` then tells how often the entry summary agrees for given
settings. Used by `classifier.py` (corpus entries, in-style) and `bench/reader_choices.py`
(blind entries, where the settings are chosen).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import SentenceClassifier
from tidewise.analysis.entry import EntrySettings, contextual, summarise
from tidewise.analysis.features import CueMatch, cue_matches
from tidewise.analysis.readable import has_words
from tidewise.analysis.segment import sentences as split

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

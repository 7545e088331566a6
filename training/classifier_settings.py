"""What one training run reads (`Corpus`) and the settings it was given.

Apart from `classifier.py` so the provenance note (`classifier_report.py`) can print
the settings without importing the trainer that imports it. The settings (C, the weight
of each feature block, class weights, how sentences add up to an entry's phase) were
chosen on the blind validation sets in `validation/`, never trained on: `python -m
bench.reader_choices` prints every variant tried.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.entry import EntrySettings

SEED = 20240611
FOLDS = 5
# Chosen on validation/ (see the module docstring and the README's tables).
C_VALUE = 4.0
BLOCK_SCALES = (1.0, 1.0, 1.0)  # embedding, cue features, hashed n-grams
CLASS_WEIGHT: str | None = None
ENTRY_SETTINGS = EntrySettings(
    smoothing=0.0, uncertain_below=0.55, phase_floor=0.4, present_at=0.5, attachment_weight=1.25
)
HEAD_VERSION = "2.0"


@dataclass(frozen=True)
class Corpus:
    texts: list[str]
    labels: npt.NDArray[np.int64]
    voices: list[str]
    entries: list[dict[str, Any]]

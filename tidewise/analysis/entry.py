"""Sentences with probabilities -> the entry's summary: phase, movement, distancing.

Context matters, so two readings use the neighbours before anything is summed:

- *smoothing*: a sentence the classifier is unsure of (its top probability below
  `uncertain_below`) borrows a little of its neighbours' readings;
- *the tie rule in sequence*: a reaching sentence followed at once by self-judgement
  ("I let him hold me. What is wrong with me.") makes that judgement shame about the
  closeness: its disconnection-shame reading moves to attachment shame.

Then: `label_mass` is the mean distribution; `phase` the non-neutral label with the
most mass (or "neutral" when none reaches `phase_floor` sentences' worth); movement
and distancing come from which sides are clearly present. The settings are chosen on
the blind entries in `validation/` (`training/classifier_settings.py`) and shipped with
the weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.features import CueMatch
from tidewise.analysis.shame import VOICE_CUES
from tidewise.cycle.labels import LABEL_NAMES, LABELS, Distancing, Label, Movement, Phase

Matrix = npt.NDArray[np.float32]
_COL = {name: i for i, name in enumerate(LABEL_NAMES)}
_JUDGEMENT_CUES = VOICE_CUES | {"guilty", "staying", "worth", "self_blame"}


SHORT_ENTRY_SHARE = 0.45  # of its sentences, the mass a short entry needs for a phase


@dataclass(frozen=True)
class EntrySettings:
    """How sentences add up to an entry; tuned offline, stored in head.npz."""

    smoothing: float = 0.2  # weight of each neighbour for an unsure sentence
    uncertain_below: float = 0.55
    phase_floor: float = 0.4  # summed probability a phase needs to be the entry's phase
    present_at: float = 0.5  # a side is present when one sentence reads it this strongly
    # The first tie rule at entry level: shame about closeness outweighs the closeness.
    attachment_weight: float = 1.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntrySettings:
        known = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in data.items() if k in known})

    def to_dict(self) -> dict[str, float]:
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class Summary:
    probs: Matrix  # contextual probabilities, one row per sentence
    label_mass: dict[str, float]
    phase: Phase
    movement: Movement
    distancing: Distancing


def contextual(
    probs: Matrix, matches: Sequence[Sequence[CueMatch]], settings: EntrySettings
) -> Matrix:
    """Probabilities after neighbours have had their say (smoothing, then the tie rule)."""
    smoothed = _smoothed(probs, settings)
    return _closeness_then_judgement(smoothed, matches)


def _smoothed(probs: Matrix, settings: EntrySettings) -> Matrix:
    if len(probs) < 2 or settings.smoothing <= 0:
        return probs.copy()
    padded = np.vstack([np.zeros_like(probs[:1]), probs, np.zeros_like(probs[:1])])
    neighbours = padded[:-2] + padded[2:]
    unsure = probs.max(axis=1, keepdims=True) < settings.uncertain_below
    mixed = probs + settings.smoothing * neighbours
    mixed = mixed / mixed.sum(axis=1, keepdims=True)
    return np.asarray(np.where(unsure, mixed, probs), dtype=np.float32)


def _closeness_then_judgement(probs: Matrix, matches: Sequence[Sequence[CueMatch]]) -> Matrix:
    out = probs.copy()
    reach, attach, discon = (
        _COL[Label.REACHING],
        _COL[Label.ATTACHMENT_SHAME],
        _COL[Label.DISCONNECTION_SHAME],
    )
    for i in range(1, len(out)):
        after_reaching = int(np.argmax(probs[i - 1])) == reach
        judged = any(m.cue in _JUDGEMENT_CUES for m in matches[i])
        shame_read = int(np.argmax(probs[i])) in (attach, discon)
        if after_reaching and (judged or shame_read):
            out[i, attach] += out[i, discon]
            out[i, discon] = 0.0
    return out


def summarise(probs: Matrix, settings: EntrySettings) -> Summary:
    """Label mass, phase, movement and distancing from contextual probabilities."""
    mass = probs.mean(axis=0) if len(probs) else np.zeros(len(LABEL_NAMES), dtype=np.float32)
    label_mass = {name: round(float(mass[i]), 4) for i, name in enumerate(LABEL_NAMES)}
    return Summary(
        probs=probs,
        label_mass=label_mass if len(probs) else {},
        phase=_phase(probs, settings),
        movement=_movement(probs, settings),
        distancing=_distancing(probs, settings),
    )


def _phase(probs: Matrix, settings: EntrySettings) -> Phase:
    if not len(probs):
        return Label.NEUTRAL
    totals = probs.sum(axis=0)
    totals[_COL[Label.ATTACHMENT_SHAME]] *= settings.attachment_weight
    totals[_COL[Label.NEUTRAL]] = -1.0
    best = int(np.argmax(totals))
    # A one- or two-sentence entry cannot gather a long entry's worth of mass: there the
    # floor is a share of what it could hold, so "I moved to the spare room." has a phase.
    floor = min(settings.phase_floor, SHORT_ENTRY_SHARE * len(probs)) - 1e-6
    return LABELS[best] if totals[best] >= floor else Label.NEUTRAL


def _present(probs: Matrix, labels: Sequence[Label], settings: EntrySettings) -> bool:
    if not len(probs):
        return False
    side = probs[:, [_COL[label] for label in labels]].sum(axis=1)
    return bool(side.max() >= settings.present_at)


def _movement(probs: Matrix, settings: EntrySettings) -> Movement:
    toward = _present(probs, [Label.REACHING], settings)
    away = _present(probs, [Label.WITHDRAWING, Label.PUNISHING], settings)
    if toward and away:
        return Movement.TORN
    if toward:
        return Movement.TOWARD
    return Movement.AWAY if away else Movement.STILL


def _distancing(probs: Matrix, settings: EntrySettings) -> Distancing:
    withdrawing = _present(probs, [Label.WITHDRAWING], settings)
    punishing = _present(probs, [Label.PUNISHING], settings)
    if withdrawing and punishing:
        return Distancing.BOTH
    if withdrawing:
        return Distancing.WITHDRAWING
    return Distancing.PUNISHING if punishing else Distancing.NONE

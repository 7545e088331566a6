"""Each entry's two readings: its own, and the tide's. Pure: no I/O.

An entry's own reading is `entry.analysis.phase`, made from its sentences alone. The
tide (`observations.tide_of`) reads the whole journal as one sequence, so it gives
each entry a phase smoothed by the entries around it: a hopeful entry inside a long
worn-out week is "Reaching" on its own and "Worn out" in the tide. Both are true
readings of different things; every view that shows a phase says which one it is,
and shows the other where the two differ. These helpers give the views both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from tidewise.cycle.labels import PHASES, Label, Phase

if TYPE_CHECKING:
    from tidewise.cycle.tide import Tide
    from tidewise.records import Entry

# An entry read alone may have no clear phase; the tide always gives one of PHASES.
READ_ALONE_KEYS: tuple[str, ...] = (*(str(p) for p in PHASES), str(Label.NEUTRAL))


def own_phases(entries: Iterable[Entry]) -> dict[int, Phase]:
    """Entry id -> its own reading, for every entry that has been read."""
    return {e.id: e.analysis.phase for e in entries if e.analysis is not None}


def tide_phases(tide: Tide) -> dict[int, Label]:
    """Entry id -> the tide's phase for it, for every entry in the tide's range."""
    timeline = tide.timeline
    return {
        observation.ref: phase
        for observation, phase in zip(timeline.observations, timeline.phases, strict=True)
        if observation.ref is not None
    }


def tide_phase_if_different(own: str | None, tide_phase: Label | None) -> Label | None:
    """The tide's phase for an entry when it has one and it differs from the entry's own."""
    if tide_phase is None or own == tide_phase:
        return None
    return tide_phase


def read_alone_shares(tide: Tide, own: Mapping[int, str]) -> dict[str, float | None]:
    """Per phase (and "neutral": no clear phase), the share of the tide's entries whose
    own reading is that phase. The entries are the ones the tide's shares count, so the
    two columns of the report compare like with like; None for every key when the
    period holds no entry (as the tide's own shares)."""
    refs = [o.ref for o in tide.timeline.observations]
    if not refs:
        return dict.fromkeys(READ_ALONE_KEYS)
    counts = Counter(_known(own.get(ref) if ref is not None else None) for ref in refs)
    return {key: round(counts[key] / len(refs), 4) for key in READ_ALONE_KEYS}


def _known(phase: str | None) -> str:
    return phase if phase in READ_ALONE_KEYS else str(Label.NEUTRAL)

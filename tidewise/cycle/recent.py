"""The turn a person has just made, read from their latest few entries.

Reflections can speak to it ("you have just turned away after a warm day"), so it
must be conservative: only entries on the toward or away side count (the two
shames and exhaustion are passages between them), and a turn is named only when
the newest entry is itself on one side.
"""

from __future__ import annotations

from collections.abc import Sequence

from tidewise.cycle.labels import AWAY_LABELS, TOWARD_LABELS

TOWARD_TO_AWAY = "toward_to_away"
AWAY_TO_TOWARD = "away_to_toward"
REPEATED_SWING = "repeated_swing"
# Three changes of side among the latest entries is a swing back and forth, not one turn.
SWING_CHANGES = 3


def _side(phase: str) -> str | None:
    """The side of a phase ("toward" or "away"); None for the passages between."""
    if phase in TOWARD_LABELS:
        return "toward"
    if phase in AWAY_LABELS:
        return "away"
    return None


def recent_turn(phases: Sequence[str]) -> str | None:
    """`phases` are the dominant phases of the latest entries, oldest first, newest last.

    Kept free of numpy (unlike phases.py) because `tidewise write` calls it.
    """
    if not phases or _side(phases[-1]) is None:
        return None
    sides = [s for s in (_side(p) for p in phases) if s is not None]
    changes = sum(1 for a, b in zip(sides, sides[1:], strict=False) if a != b)
    if changes >= SWING_CHANGES:
        return REPEATED_SWING
    if len(sides) >= 2 and sides[-2] != sides[-1]:
        return TOWARD_TO_AWAY if sides[-1] == "away" else AWAY_TO_TOWARD
    return None

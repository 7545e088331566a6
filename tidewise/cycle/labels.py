"""The seven sentence labels, the six cycle phases and the four movements.

The order of LABELS is part of the contract: classifier weights, score vectors
and the HMM's emission columns all use it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeAlias


class Label(StrEnum):
    REACHING = "reaching"
    ATTACHMENT_SHAME = "attachment_shame"
    DISCONNECTION_SHAME = "disconnection_shame"
    WITHDRAWING = "withdrawing"
    PUNISHING = "punishing"
    EXHAUSTION = "exhaustion"
    NEUTRAL = "neutral"


LABELS: tuple[Label, ...] = tuple(Label)
LABEL_NAMES: tuple[str, ...] = tuple(str(label) for label in LABELS)

# Phases of the cycle are the six labels that carry movement; `neutral` is not a phase.
PHASES: tuple[Label, ...] = tuple(label for label in LABELS if label is not Label.NEUTRAL)
# An entry's phase, or a decoded state of the tide: one of PHASES, or `Label.NEUTRAL`
# where an entry shows none. The same enum as a sentence's label, so a phase is titled,
# ordered and charted like one.
Phase: TypeAlias = Label

SHAME_LABELS = frozenset({Label.ATTACHMENT_SHAME, Label.DISCONNECTION_SHAME})
DISTANCING_LABELS = frozenset({Label.WITHDRAWING, Label.PUNISHING})
TOWARD_LABELS = frozenset({Label.REACHING})
AWAY_LABELS = DISTANCING_LABELS


class Movement(StrEnum):
    TOWARD = "toward"
    AWAY = "away"
    TORN = "torn"
    STILL = "still"


class Distancing(StrEnum):
    WITHDRAWING = "withdrawing"
    PUNISHING = "punishing"
    BOTH = "both"
    NONE = "none"


# Plain words for people, used by the CLI, the web UI and the report.
LABEL_TITLES: dict[Label, str] = {
    Label.REACHING: "Reaching",
    Label.ATTACHMENT_SHAME: "Shame for reaching",
    Label.DISCONNECTION_SHAME: "Shame from the rupture",
    Label.WITHDRAWING: "Withdrawing",
    Label.PUNISHING: "Punishing",
    Label.EXHAUSTION: "Worn out",
    Label.NEUTRAL: "Telling",
}


def title(name: str, unknown: str | None = None) -> str:
    """The plain words for a label's name; `unknown` (else the name itself) for any other."""
    try:
        return LABEL_TITLES[Label(name)]
    except ValueError:
        return name if unknown is None else unknown


# The cycle's own order around the wheel, clockwise from the top (see `phases.py`):
# reaching, shame for reaching, pulling away, punishing, worn out, shame from the rupture.
CYCLE_ORDER: tuple[Label, ...] = (
    Label.REACHING,
    Label.ATTACHMENT_SHAME,
    Label.WITHDRAWING,
    Label.PUNISHING,
    Label.EXHAUSTION,
    Label.DISCONNECTION_SHAME,
)


def _plain(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").casefold().split())


def label_named(name: str) -> Label | None:
    """The label a person means by `name`: the title the app shows ("Worn out") or the
    internal name ("exhaustion", "attachment_shame"), in any case, with spaces, hyphens or
    underscores. None when it names no label."""
    wanted = _plain(name)
    for label, title in LABEL_TITLES.items():
        if wanted in (_plain(title), _plain(label.value)):
            return label
    return None

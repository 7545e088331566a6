"""The turn just made, read from the latest entries' phases (oldest first)."""

from __future__ import annotations

import pytest

from tidewise.cycle.recent import recent_turn


@pytest.mark.parametrize(
    ("phases", "turn"),
    [
        ([], None),
        (["reaching"], None),
        (["reaching", "withdrawing"], "toward_to_away"),
        (["reaching", "attachment_shame", "punishing"], "toward_to_away"),
        (["withdrawing", "exhaustion", "reaching"], "away_to_toward"),
        (["reaching", "attachment_shame"], None),  # a passage, not yet a turn
        (["reaching", "reaching"], None),
        (["withdrawing", "neutral", "punishing"], None),
        (["reaching", "withdrawing", "reaching", "punishing"], "repeated_swing"),
        (["neutral", "reaching"], None),
    ],
)
def test_turns_are_named_only_when_the_newest_entry_lands_on_a_side(
    phases: list[str], turn: str | None
) -> None:
    assert recent_turn(phases) == turn

"""The last guard: words of death or self-injury never get an ordinary reflection, even
when the screen rated the entry "none" (a missed crisis must not hear calm words)."""

from __future__ import annotations

import pytest

from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import Distancing, Label, Movement
from tidewise.replies import graded_reply


def _analysis(*texts: str) -> EntryAnalysis:
    scores = {"neutral": 1.0}
    return EntryAnalysis(
        version="t",
        sentences=tuple(SentenceAnalysis(t, 0, len(t), Label.NEUTRAL, scores) for t in texts),
        movement=Movement.STILL,
        phase=Label.NEUTRAL,
        shame=Shame(),
        shame_voice=(),
        distancing=Distancing.NONE,
        safety=Safety(concern=False),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Everyone would be better off without me.",
        "I keep thinking about life insurance and the kids.",
        "Some nights I hope I never wake up.",
        "I burnt myself on purpose with the lighter.",
        "I just want to die.",
    ],
)
def test_heavy_words_get_a_check_in_not_a_reflection(text: str) -> None:
    reply = graded_reply(_analysis("We had dinner.", text))
    assert reply.kind == "check_in"


def test_an_ordinary_entry_still_gets_its_reflection() -> None:
    reply = graded_reply(_analysis("We had dinner and watched a film."))
    assert reply.kind == "reflection"

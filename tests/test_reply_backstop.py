"""The last guard: words of death or self-injury never get an ordinary reflection. The
screen itself rates them "possible" (so the level and the reply agree), unless a rule read
the sentence and set it aside on purpose."""

from __future__ import annotations

import pytest

from tidewise.analysis.safety import HEAVY_WORDS_RULE, explain, screen
from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import Distancing, Label, Movement
from tidewise.replies import graded_reply


def _analysis(safety: Safety, *texts: str) -> EntryAnalysis:
    scores = {"neutral": 1.0}
    return EntryAnalysis(
        version="t",
        sentences=tuple(SentenceAnalysis(t, 0, len(t), Label.NEUTRAL, scores) for t in texts),
        movement=Movement.STILL,
        phase=Label.NEUTRAL,
        shame=Shame(),
        shame_voice=(),
        distancing=Distancing.NONE,
        safety=safety,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Everyone would be better off without me.",
        "I keep thinking about life insurance and the kids.",
        "Some nights I hope I never wake up.",
        "I burnt myself on purpose with the lighter.",
        "I just want to die.",
        "The word dead keeps going round my head.",
    ],
)
def test_heavy_words_are_at_least_possible_and_get_a_check_in(text: str) -> None:
    sentences = ["We had dinner.", text]
    safety = screen(sentences)
    assert safety.level in ("possible", "clear")
    reply = graded_reply(_analysis(safety, *sentences))
    assert reply.kind in ("check_in", "safety")


def test_the_guard_names_itself_when_it_is_what_fired() -> None:
    hits = explain(["We had dinner.", "The word dead keeps going round my head."])
    assert [(h.rule, h.level, h.sentence) for h in hits] == [(HEAVY_WORDS_RULE, "possible", 1)]


def test_a_crisis_plainly_past_and_resolved_stays_set_aside() -> None:
    sentences = [
        "Four years ago I was suicidal. These days I'm doing much better and I'm in therapy."
    ]
    assert screen(sentences).level == "none"


def test_an_ordinary_entry_still_gets_its_reflection() -> None:
    sentences = ["We had dinner and watched a film."]
    safety = screen(sentences)
    assert safety.level == "none"
    assert graded_reply(_analysis(safety, *sentences)).kind == "reflection"


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to see the kids on Saturday.",
        "Honestly I was bored to death at his work do.",
        "Dead tired after the school run.",
        "My phone died halfway through the call with my sister.",
        "Over my dead body is she coming to the wedding.",
        "She gave me a death stare across the car park.",
    ],
)
def test_everyday_figures_of_speech_do_not_trip_the_guard(text: str) -> None:
    assert screen(["We had dinner.", text]).level == "none"


def test_a_figure_of_speech_does_not_hide_other_words_of_death() -> None:
    sentences = ["I'm dead tired and I keep thinking everyone would be better off if I died."]
    assert screen(sentences).level in ("possible", "clear")

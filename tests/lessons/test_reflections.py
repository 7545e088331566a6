"""Choosing the reply after an entry: every reflection reachable, safety above all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tidewise.analysis.crisis import DANGER_FROM_PARTNER, SELF_HARM, resources_for
from tidewise.analysis.safety import screen
from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.lessons.model import lessons
from tidewise.lessons.reflections import (
    RECENT_TURNS,
    Reflection,
    choose_reflection,
    detect_factor,
    reflections,
)

FACTOR_WORDS = {
    "unhealthy": "He belittles me in front of the kids.",
    "stuck": "I feel stuck here because of the mortgage.",
    "judgement": "I keep wondering what people will think.",
    "carried_shame": "I am so embarrassed when his friends look at me.",
}


def _analysis(
    *,
    phase: str = "neutral",
    movement: str = "toward",
    distancing: str = "none",
    shame_voice: tuple[str, ...] = (),
    text: str = "We had dinner.",
    safety: Safety | None = None,
) -> EntryAnalysis:
    sentence = SentenceAnalysis(text, 0, len(text), phase, {phase: 1.0})
    return EntryAnalysis(
        version="test",
        sentences=(sentence,),
        movement=movement,
        phase=phase,
        shame=Shame(),
        shame_voice=shame_voice,
        distancing=distancing,
        safety=safety or Safety(concern=False),
    )


def _analysis_for(item: Reflection) -> tuple[EntryAnalysis, str | None]:
    """The plainest analysis (and recent turn) that fits this reflection's `when`."""
    when = item.when
    turn = when["recent_turn"][0] if "recent_turn" in when else None
    analysis = _analysis(
        phase=when.get("phase", ["neutral"])[0],
        movement=when.get("movement", ["toward"])[0],
        distancing=when.get("distancing", ["none"])[0],
        shame_voice=("What is wrong with me?",) if when.get("shame_voice") else (),
        text=FACTOR_WORDS.get(when.get("factor", ""), "We had dinner."),
    )
    return analysis, turn


def test_there_are_enough_reflections_and_they_point_to_real_lessons() -> None:
    items = reflections()
    assert len(items) >= 60
    weeks = {item.week for item in lessons()}
    assert all(item.lesson in weeks for item in items)
    assert all(item.text.endswith("?") and item.text.count("?") == 1 for item in items)


def test_every_reflection_is_reachable_from_some_analysis() -> None:
    unreached = []
    for item in reflections():
        analysis, turn = _analysis_for(item)
        chosen = {choose_reflection(analysis, turn, seed=seed).reflection_id for seed in range(400)}
        if item.id not in chosen:
            unreached.append(item.id)
    assert unreached == []


def test_choice_is_deterministic_and_varies_with_the_seed() -> None:
    analysis = _analysis(phase="reaching")
    first = choose_reflection(analysis, seed=7)
    assert first == choose_reflection(analysis, seed=7)
    assert len({choose_reflection(analysis, seed=s).reflection_id for s in range(30)}) > 1
    assert first.kind == "reflection" and first.lesson is not None


def test_more_specific_tiers_win() -> None:
    torn = choose_reflection(_analysis(phase="reaching", movement="torn"))
    assert torn.reflection_id is not None and "torn" in torn.reflection_id
    voice = _analysis(phase="reaching", movement="torn", shame_voice=("Where is my self-respect?",))
    assert choose_reflection(voice).reflection_id in {
        r.id for r in reflections() if "shame_voice" in r.when
    }
    factor = replace(voice, sentences=_analysis(text=FACTOR_WORDS["stuck"]).sentences)
    assert "stuck" in str(choose_reflection(factor, "repeated_swing").reflection_id)


@pytest.mark.parametrize("factor", sorted(FACTOR_WORDS))
def test_factor_cues(factor: str) -> None:
    assert detect_factor(_analysis(text=FACTOR_WORDS[factor])) == factor
    assert detect_factor(_analysis(text="We watched a film together.")) is None


def test_safety_outranks_every_other_reply() -> None:
    danger = screen(["He put his hands around my neck."])
    for item in reflections():
        analysis, turn = _analysis_for(item)
        reply = choose_reflection(replace(analysis, safety=danger), turn, seed=1)
        assert reply.kind == "safety", item.id
        assert reply.offer_safety_plan and reply.resources == danger.resources
        assert reply.concerns == (DANGER_FROM_PARTNER,)
        assert reply.reflection_id is None


def test_safety_reply_leads_with_help_for_each_kind() -> None:
    self_harm = choose_reflection(_analysis(safety=screen(["I want to die."])))
    assert self_harm.text.startswith("What you wrote sounds like a great deal of pain")
    assert "choice" in self_harm.text and "not told anyone" in self_harm.text
    both = choose_reflection(_analysis(safety=screen(["I want to die.", "He hit me."])))
    assert both.concerns == (SELF_HARM, DANGER_FROM_PARTNER)
    assert "whether you stay or go" in both.text
    uk = choose_reflection(_analysis(safety=screen(["He hit me."])), country="UK")
    assert uk.resources[0].country == "UK"
    assert uk.resources == resources_for((DANGER_FROM_PARTNER,), "UK")
    assert uk.to_dict()["resources"][0]["country"] == "UK"


def test_recent_turns_are_the_documented_ones() -> None:
    used = {t for r in reflections() for t in r.when.get("recent_turn", [])}
    assert used == set(RECENT_TURNS)

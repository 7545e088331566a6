"""Writing prompts: enough of them, each unique and tagged, in the project's voice, chosen
from the recent tide and the week's reading, and "no prompts" kept in the journal."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from tidewise.cycle.labels import PHASES
from tidewise.errors import ContentError
from tidewise.journal import Journal
from tidewise.lessons.model import lessons
from tidewise.lessons.prompts import (
    STATE_KEY,
    choose,
    parse_prompts,
    prompts,
    set_wanted,
    wanted,
)

DAY = date(2026, 3, 3)
# Words that would push toward staying or leaving, or call it one thing or the other.
STEERING = re.compile(
    r"\b(stay|staying|leave|leaving|divorce|separate|forgive|move on|break up|work it out|"
    r"give (?:it|them|him|her) (?:another|a second) chance|deserve better|walk away)\b",
    re.IGNORECASE,
)
# Words that would send the person back into the discovery or its details.
RELIVING = re.compile(
    r"\b(describe|relive|picture|imagine|replay|every detail|in detail|exactly what|"
    r"found out|discover\w*|the day you|the night you|what you saw|what they did)\b",
    re.IGNORECASE,
)
# A write page can be seen over a shoulder: the same words the readings' titles avoid.
SHARED_SCREEN = re.compile(r"\b(affair|cheat\w*|betray\w*|infidelity|unfaithful)\b", re.IGNORECASE)
LABELLING = re.compile(r"\b(codependent|denial|narcissis\w*|toxic|trauma\w*|disorder)\b", re.I)


def test_there_are_at_least_forty_prompts() -> None:
    assert len(prompts()) >= 40


def test_every_prompt_is_unique_and_tagged() -> None:
    every = prompts()
    assert len({p.id for p in every}) == len(every)
    texts = [re.sub(r"\W+", " ", p.text.lower()).strip() for p in every]
    assert [t for t, n in Counter(texts).items() if n > 1] == []
    weeks = {lesson.week for lesson in lessons()}
    for prompt in every:
        assert prompt.phases, prompt.id
        assert set(prompt.phases) <= {str(p) for p in PHASES}, prompt.id
        assert prompt.weeks, prompt.id
        assert set(prompt.weeks) <= weeks, prompt.id


def test_every_phase_and_every_reading_has_prompts_to_turn_through() -> None:
    every = prompts()
    for phase in PHASES:
        assert sum(str(phase) in p.phases for p in every) >= 5, phase
    for lesson in lessons():
        assert sum(lesson.week in p.weeks for p in every) >= 2, lesson.week


@pytest.mark.parametrize("prompt", prompts(), ids=lambda p: p.id)
def test_a_prompt_is_warm_short_and_steers_nowhere(prompt: Any) -> None:
    text = prompt.text
    assert not STEERING.search(text), "never steer toward staying or leaving"
    assert not RELIVING.search(text), "never ask anyone to relive what happened"
    assert not SHARED_SCREEN.search(text)
    assert not LABELLING.search(text)
    assert len(text.split()) <= 30
    assert text[0].isupper() and text[-1] in ".?"
    assert "?" in text, "a prompt asks, gently"


def test_the_tide_and_the_week_each_give_one_prompt() -> None:
    offered = choose("punishing", 3, DAY)
    assert [o.reason for o in offered] == ["tide", "lesson"]
    assert "punishing" in offered[0].prompt.phases
    assert 3 in offered[1].prompt.weeks
    assert offered[0].prompt.id != offered[1].prompt.id


def test_without_a_tide_the_week_gives_two() -> None:
    offered = choose(None, 6, DAY)
    assert [o.reason for o in offered] == ["lesson", "lesson"]
    assert all(6 in o.prompt.weeks for o in offered)
    assert offered[0].prompt.id != offered[1].prompt.id


def test_the_choice_holds_on_reload_and_turns_with_another_or_a_new_day() -> None:
    assert choose("exhaustion", 8, DAY) == choose("exhaustion", 8, DAY)
    first = choose("exhaustion", 8, DAY)
    assert choose("exhaustion", 8, DAY, turn=1) != first
    assert choose("exhaustion", 8, DAY + timedelta(days=1)) != first
    seen = {o.prompt.id for turn in range(40) for o in choose("exhaustion", 8, DAY, turn)}
    assert len(seen) >= 10, "turning goes through the whole list"


@pytest.mark.parametrize(
    "raw",
    [
        {"not": "a list"},
        [{"id": "a", "text": "What is here?", "phases": ["reaching"]}],
        [{"id": "a", "text": "What is here?", "phases": [], "weeks": [1]}],
        [{"id": "a", "text": "What is here?", "phases": ["reaching"], "weeks": []}],
        [{"id": "a", "text": "What is here?", "phases": ["sadness"], "weeks": [1]}],
        [{"id": "a", "text": "What is here?", "phases": ["reaching"], "weeks": [99]}],
        [{"id": "a", "text": "  ", "phases": ["reaching"], "weeks": [1]}],
        [
            {"id": "a", "text": "What is here?", "phases": ["reaching"], "weeks": [1]},
            {"id": "a", "text": "What else?", "phases": ["reaching"], "weeks": [1]},
        ],
    ],
)
def test_a_prompt_file_that_breaks_the_format_is_refused(raw: Any) -> None:
    with pytest.raises(ContentError):
        parse_prompts(raw, weeks=15)


def test_no_prompts_is_kept_in_the_journal_until_turned_back_on(fresh_journal: Journal) -> None:
    assert wanted(fresh_journal)
    set_wanted(fresh_journal, on=False)
    assert not wanted(fresh_journal)
    assert fresh_journal.get_state(STATE_KEY) == {"off": True}
    set_wanted(fresh_journal, on=True)
    assert wanted(fresh_journal)
    assert fresh_journal.get_state(STATE_KEY) is None

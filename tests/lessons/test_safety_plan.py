"""The safety plan: kept encrypted in the journal state, cleaned, rendered."""

from __future__ import annotations

from datetime import UTC, datetime

from tidewise.journal import Journal
from tidewise.lessons.safety_plan import MAX_ITEMS, SECTIONS, load_plan, save_plan

NOW = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


def test_an_empty_plan_says_how_to_fill_it(fresh_journal: Journal) -> None:
    plan = load_plan(fresh_journal)
    assert plan.empty
    assert "tidewise safety-plan edit" in plan.render()
    assert [s["key"] for s in plan.to_dict()["sections"]] == [s.key for s in SECTIONS]


def test_plan_round_trips_through_the_journal(fresh_journal: Journal) -> None:
    saved = save_plan(
        fresh_journal,
        {
            "warning_signs": ["  Not sleeping  ", "", "Checking his phone at 3am"],
            "reasons": ["My sister", "The garden in spring"],
            "not_a_section": ["ignored"],
        },
        NOW,
    )
    loaded = load_plan(fresh_journal)
    assert loaded == saved
    assert loaded.section("warning_signs") == ("Not sleeping", "Checking his phone at 3am")
    assert loaded.updated == NOW.isoformat()
    text = loaded.render()
    assert text.index("My warning signs") < text.index("My reasons to keep going")
    assert "  - The garden in spring" in text and "(nothing yet)" in text
    assert "not_a_section" not in str(fresh_journal.get_state("safety_plan"))


def test_plan_stays_short_enough_to_read_in_a_crisis(fresh_journal: Journal) -> None:
    save_plan(fresh_journal, {"coping": [f"idea {i}" for i in range(50)]}, NOW)
    assert len(load_plan(fresh_journal).section("coping")) == MAX_ITEMS


# ---- the part for when home is not safe ---------------------------------------------------

from tidewise.lessons.safety_plan import (  # noqa: E402
    CRISIS,
    HOME,
    HOME_NOTE,
    PARTS,
    sections_of,
)


def test_the_home_part_covers_what_an_abuse_safety_plan_needs() -> None:
    keys = {s.key for s in sections_of(HOME)}
    assert keys == {"documents", "money", "bag", "code_word", "children", "pets", "devices"}
    prompts = " ".join(s.prompt for s in sections_of(HOME)).lower()
    for word in ("passport", "cash", "medicines", "word or phrase", "children", "animals"):
        assert word in prompts
    assert "location sharing" in prompts
    assert [s.key for s in sections_of(CRISIS)][0] == "warning_signs" and set(PARTS) == {
        CRISIS,
        HOME,
    }


def test_the_home_note_says_leaving_or_confronting_can_raise_the_danger() -> None:
    note = HOME_NOTE.lower()
    assert "leaving" in note and "confronting" in note and "danger higher" in note
    assert "whether you stay or go" in note  # never steers either way
    assert "anyone who unlocks your journal can read" in note


def test_the_home_part_shows_with_its_note_only_once_written(fresh_journal: Journal) -> None:
    save_plan(fresh_journal, {"reasons": ["My sister"]}, NOW)
    without = load_plan(fresh_journal).render()
    assert HOME_NOTE not in without and "safety-plan edit --home" in without
    save_plan(
        fresh_journal, {"reasons": ["My sister"], "code_word": ["'Blue kettle' with Sam"]}, NOW
    )
    plan = load_plan(fresh_journal)
    text = plan.render()
    assert text.index("My reasons to keep going") < text.index(PARTS[HOME]) < text.index(HOME_NOTE)
    assert "  - 'Blue kettle' with Sam" in text and "The pets" not in text
    parts = {s["key"]: s["part"] for s in plan.to_dict()["sections"]}
    assert parts["code_word"] == HOME and parts["reasons"] == CRISIS


def test_an_empty_plan_mentions_the_home_part(fresh_journal: Journal) -> None:
    assert "tidewise safety-plan edit --home" in load_plan(fresh_journal).render()

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

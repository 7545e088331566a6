"""Lesson parsing, the shipped readings, the weekly release with a fake clock, progress."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.lessons.conftest import START, StartedJournal
from tidewise.cycle.labels import LABEL_NAMES
from tidewise.errors import ContentError, NotFoundError
from tidewise.journal import Journal
from tidewise.lessons.model import (
    complete_lesson,
    current,
    lesson,
    lessons,
    open_lesson,
    parse_lesson,
    statuses,
    unlocked_count,
    unlocks_at,
)

FIXTURE = Path(__file__).parent / "fixtures" / "week-99.md"
WEEK = timedelta(weeks=1)


def test_parser_reads_the_fixture() -> None:
    item = parse_lesson(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name)
    assert (item.week, item.slug, item.title) == (99, "test-reading", "A reading for the parser")
    assert item.labels == ("reaching", "exhaustion")
    assert item.questions == (
        "What did you notice first?",
        "What helped, even a little?",
        "What would you like to try next week?",
    )
    assert item.practice.startswith("Once this week")
    assert 60 < item.words < 120
    assert item.to_dict(with_body=True)["questions"] == list(item.questions)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda t: t.replace("---\n", "", 1), "must start"),
        (lambda t: t.replace("slug: test-reading\n", ""), "lacks slug"),
        (lambda t: t.replace("3. What would you like to try next week?\n", ""), "three"),
        (lambda t: t.replace("## A small practice", "## Something else"), "practice"),
        (lambda t: t + "\nA second paragraph.\n", "one paragraph"),
        (lambda t: t.replace("week: 99", "week: ninety"), "whole number"),
    ],
)
def test_parser_rejects_broken_readings(change: object, problem: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert callable(change)
    with pytest.raises(ContentError, match=problem):
        parse_lesson(change(text), "broken.md")


def test_every_shipped_reading_follows_the_format() -> None:
    shipped = lessons()
    assert len(shipped) >= 12
    assert [item.week for item in shipped] == list(range(1, len(shipped) + 1))
    assert len({item.slug for item in shipped}) == len(shipped)
    for item in shipped:
        assert len(item.questions) == 3, item.week
        assert all(q.endswith("?") for q in item.questions), item.week
        assert item.practice, item.week
        assert 600 <= item.words <= 1200, (item.week, item.words)
        assert set(item.labels) <= set(LABEL_NAMES), item.week
        for word in ("affair", "cheating", "betrayal", "infidelity", "unfaithful"):
            assert word not in (item.title + item.summary).lower(), (item.week, word)


def test_lessons_are_cached_and_findable() -> None:
    assert lessons() is lessons()
    assert lesson(2).week == 2
    with pytest.raises(NotFoundError):
        lesson(999)


def test_weekly_release_with_a_fake_clock() -> None:
    total = len(lessons())
    assert unlocked_count(START, START) == 1
    assert unlocked_count(START, START + WEEK - timedelta(seconds=1)) == 1
    assert unlocked_count(START, START + WEEK) == 2
    assert unlocked_count(START, START + 5 * WEEK + timedelta(days=3)) == 6
    assert unlocked_count(START, START + 100 * WEEK) == total
    assert unlocked_count(START, START - WEEK) == 1  # a clock set back never hides week 1
    assert unlocks_at(START, 3) == START + 2 * WEEK


def test_statuses_follow_the_clock(journal_at_start: StartedJournal) -> None:
    rows = statuses(journal_at_start, START + 2 * WEEK)
    assert [row.state for row in rows[:4]] == ["unlocked", "unlocked", "unlocked", "locked"]
    assert rows[3].unlocks_at == START + 3 * WEEK
    assert current(journal_at_start, START + 2 * WEEK).week == 3


def test_progress_is_kept_in_the_journal(
    journal_at_start: StartedJournal, fresh_journal: Journal
) -> None:
    early = START + timedelta(days=1)
    row = open_lesson(journal_at_start, 5, early)  # locked, read early on request
    assert not row.unlocked and row.opened == early and row.completed is None
    done = complete_lesson(journal_at_start, 1, early + timedelta(hours=2))
    assert done.state == "completed" and done.opened == early + timedelta(hours=2)
    again = complete_lesson(journal_at_start, 1, early + WEEK)  # the first time counts
    assert again.completed == early + timedelta(hours=2)
    stored = fresh_journal.get_state("lessons")
    assert isinstance(stored, dict)
    assert stored["opened"]["5"] == early.isoformat()
    assert set(stored["completed"]) == {"1"}
    with pytest.raises(NotFoundError):
        open_lesson(journal_at_start, 0, early)

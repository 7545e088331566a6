"""The reply after an entry sees the turn the person has just made."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tidewise.journal import Journal
from tidewise.replies import reply_for, turn_before


def test_a_turn_away_after_a_warm_day_is_seen(fresh_journal: Journal) -> None:
    start = datetime(2026, 3, 1, 20, tzinfo=UTC)
    fresh_journal.write("We laughed and he held my hand.", created=start)
    away = fresh_journal.write("I slept in the spare room.", created=start + timedelta(days=1))
    assert turn_before(fresh_journal, away) == "toward_to_away"
    reply = reply_for(fresh_journal, away)
    assert reply is not None and reply.kind == "reflection" and reply.text.endswith("?")


def test_entries_more_than_a_week_apart_make_no_turn(fresh_journal: Journal) -> None:
    start = datetime(2026, 3, 1, 20, tzinfo=UTC)
    fresh_journal.write("We laughed and he held my hand.", created=start)
    away = fresh_journal.write("I slept in the spare room.", created=start + timedelta(days=9))
    assert turn_before(fresh_journal, away) is None


def test_of_two_entries_dated_by_the_same_day_the_second_sees_the_first(
    fresh_journal: Journal,
) -> None:
    day = datetime(2026, 3, 1, tzinfo=UTC)  # `--date 2026-03-01`: the day alone, midnight
    warm = fresh_journal.write("We laughed and he held my hand.", created=day)
    away = fresh_journal.write("I slept in the spare room.", created=day)
    assert turn_before(fresh_journal, away) == "toward_to_away"
    assert turn_before(fresh_journal, fresh_journal.get(warm.id)) is None

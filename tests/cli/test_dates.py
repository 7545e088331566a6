"""Dates as jrnl users type them: `yesterday`, `today 9pm`, `last monday`, `3 days ago`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tidewise.cli.dates import understand
from tidewise.errors import InputError

# A Friday afternoon, so "last monday" and "3 days ago" land on known days.
NOW = datetime(2026, 12, 4, 14, 30)


@pytest.mark.parametrize(
    ("typed", "moment", "has_time"),
    [
        ("yesterday", datetime(2026, 12, 3), False),
        ("today 9pm", datetime(2026, 12, 4, 21, 0), True),
        ("last monday", datetime(2026, 11, 30), False),
        ("3 days ago", datetime(2026, 12, 1), False),
        ("yesterday at 21:30", datetime(2026, 12, 3, 21, 30), True),
        ("2 hours ago", datetime(2026, 12, 4, 12, 30), True),
        ("2024-05-01", datetime(2024, 5, 1), False),
        ("2024-05-01T21:30", datetime(2024, 5, 1, 21, 30), True),
    ],
)
def test_words_and_iso_dates_are_understood(typed: str, moment: datetime, has_time: bool) -> None:
    found = understand(typed, now=NOW)
    assert (found.moment, found.has_time) == (moment, has_time)


def test_a_period_to_a_day_stops_at_the_next_midnight_and_to_a_time_at_that_time() -> None:
    assert understand("yesterday", now=NOW, end_of_day=True).period_end() == datetime(2026, 12, 4)
    assert understand("2024-02-29", end_of_day=True).period_end() == datetime(2024, 3, 1)
    at_nine = understand("yesterday at 21:30", now=NOW, end_of_day=True)
    assert at_nine.period_end() == datetime(2026, 12, 3, 21, 30)
    assert "3 December" in understand("yesterday", now=NOW, end_of_day=True).words()


@pytest.mark.parametrize("typed", ["soon", "the day the music died", "", "   "])
def test_nonsense_is_refused_with_examples(typed: str) -> None:
    with pytest.raises(InputError, match="yesterday"):
        understand(typed, now=NOW)


def test_write_yesterday_dates_the_day_and_says_so(journal_home: Path) -> None:
    result = run("write", "--date", "yesterday", "--no-analysis", stdin="A quiet day.\n")
    assert result.exit_code == 0, result.stderr
    yesterday = date.today() - timedelta(days=1)
    said = f"Date understood: {yesterday:%A} {yesterday.day} {yesterday:%B %Y}"
    assert said in result.stderr
    assert "(the day alone, no time)" in result.stderr
    shown = json.loads(run("show", "1", "--json").stdout)
    assert shown["created"].startswith(f"{yesterday.isoformat()}T00:00:00")


def test_write_today_9pm_keeps_the_time(journal_home: Path) -> None:
    result = run("write", "--date", "today 9pm", "--no-analysis", stdin="Late words.\n")
    assert result.exit_code == 0, result.stderr
    assert ", 21:00." in result.stderr
    shown = json.loads(run("show", "1", "--json").stdout)
    assert shown["created"].startswith(f"{date.today().isoformat()}T21:00:00")


def test_iso_dates_are_not_repeated_back(journal_home: Path) -> None:
    result = run("write", "--date", "2024-05-01", "--no-analysis", stdin="Old words.\n")
    assert result.exit_code == 0, result.stderr
    assert "understood" not in result.stderr


def test_list_from_and_to_take_words(journal_home: Path) -> None:
    for when in ("2 days ago", "yesterday", "today"):
        assert run("write", "--date", when, "--no-analysis", stdin=when + "\n").exit_code == 0
    result = run("list", "--from", "yesterday", "--to", "yesterday", "--json")
    assert result.exit_code == 0, result.stderr
    assert [e["text"] for e in json.loads(result.stdout)] == ["yesterday"]
    assert "From: " in result.stderr and "(from the start of that day)" in result.stderr
    assert "Up to: " in result.stderr and "(to the end of that day)" in result.stderr


def test_a_date_nobody_can_read_exits_1_and_writes_nothing(journal_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tidewise", "write", "--date", "whenever", "--no-analysis"],
        input="Words.\n",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "not understood" in result.stderr
    assert run("list", "--json").stdout.strip() == "[]"

"""`tidewise lessons`, `help-now` and `safety-plan` through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import run
from tidewise.lessons.model import lessons


def test_lessons_list_shows_week_one_open_and_the_rest_locked(journal_home: Path) -> None:
    result = run("lessons")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(lessons())
    assert "unlocked" in lines[0] and "locked" in lines[1] and "opens" in lines[1]
    rows = json.loads(run("lessons", "--json").stdout)
    assert [row["state"] for row in rows[:2]] == ["unlocked", "locked"]


def test_read_and_done(journal_home: Path) -> None:
    read = run("lessons", "read", "1")
    assert read.exit_code == 0, read.stderr
    assert read.stdout.startswith(lessons()[0].title)
    assert "Questions to sit with" in read.stdout
    early = run("lessons", "read", "3")
    assert early.exit_code == 0 and "early" in early.stderr
    assert run("lessons", "done", "1").exit_code == 0
    rows = json.loads(run("lessons", "--json").stdout)
    assert rows[0]["state"] == "completed" and rows[2]["opened"] is not None
    payload = json.loads(run("lessons", "read", "2", "--json").stdout)
    assert len(payload["questions"]) == 3 and payload["practice"]


def test_unknown_lesson_is_a_clear_error(journal_home: Path) -> None:
    result = run("lessons", "read", "99")
    assert result.exit_code != 0


def test_help_now_needs_no_journal_and_puts_the_country_first() -> None:
    result = run("help-now", "--country", "IE")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2] == "Ireland"
    assert "116 123" in result.stdout and "1800 341 900" in result.stdout
    assert "findahelpline.com" in result.stdout
    assert "United States" not in result.stdout
    everyone = run("help-now", "--json")
    payload = json.loads(everyone.stdout)
    assert payload["safety_plan"] is None
    assert {r["country"] for r in payload["resources"]} >= {"US", "UK", "CA", "AU", "IE", "NZ"}


def test_help_now_uses_the_saved_country_and_shows_the_plan(journal_home: Path) -> None:
    assert run("help-now", "--country", "nz", "--remember").exit_code == 0
    plan = "Walk to the park\n\nMy sister Ana\n\n=\n=\n=\nMy dog\n\n"
    assert run("safety-plan", "edit", stdin=plan).exit_code == 0
    result = run("help-now")
    assert result.stdout.splitlines()[2] == "New Zealand"
    assert "Your safety plan" in result.stdout and "My sister Ana" in result.stdout
    shown = json.loads(run("safety-plan", "--json").stdout)
    sections = {s["key"]: s["items"] for s in shown["sections"]}
    assert sections["warning_signs"] == ["Walk to the park"]
    assert sections["coping"] == ["My sister Ana"]
    assert sections["reasons"] == ["My dog"]


def test_email_commands_without_a_server_explain_the_setup(journal_home: Path) -> None:
    result = run("lessons", "email", "subscribe", "reader@example.net")
    assert result.exit_code != 0
    status = json.loads(run("lessons", "email", "status", "--json").stdout)
    assert status == {
        "configured": False,
        "address": None,
        "confirmed": False,
        "pending": False,
        "last_sent_week": None,
    }
    assert run("lessons", "email", "unsubscribe").exit_code == 0


def test_read_renders_the_markdown(journal_home: Path) -> None:
    read = run("lessons", "read", "1")
    assert read.exit_code == 0, read.stderr
    lines = read.stdout.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("#")]
    assert any(line.strip() == "Two systems that keep you alive" for line in lines)
    assert all(line == line.rstrip() for line in lines)
    assert max(len(line) for line in lines) <= 88
    assert "\x1b[" not in read.stdout  # not a terminal: plain text, no colour codes


def test_help_now_with_a_country_not_in_the_list_says_so_then_shows_all() -> None:
    result = run("help-now", "--country", "FR")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    notice = "FR is not in Tidewise's list of countries yet"
    assert notice in text
    assert "To find a line where you are:" in text and "findahelpline.com" in text
    assert text.index(notice) < text.index("United States") < text.index("New Zealand")
    payload = json.loads(run("help-now", "--country", "FR", "--json").stdout)
    assert payload["country_not_listed"] is True and payload["country"] is None
    known = run("help-now", "--country", "UK")
    assert "not in Tidewise's list" not in known.stdout
    assert (
        json.loads(run("help-now", "--country", "UK", "--json").stdout)["country_not_listed"]
        is False
    )


def test_help_now_never_echoes_odd_input_as_a_country() -> None:
    result = run("help-now", "--country", "<script>")
    assert result.exit_code == 0
    assert "That country is not in Tidewise's list" in result.stdout
    assert "<script>" not in result.stdout

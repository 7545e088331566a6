"""`tidewise grounding` and the home part of `tidewise safety-plan`, through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import run
from tidewise.lessons.grounding import GROUNDING
from tidewise.lessons.safety_plan import HOME_NOTE, sections_of


def test_grounding_needs_no_journal_and_ends_with_where_to_turn() -> None:
    result = run("grounding")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == GROUNDING.title
    assert f"1. {GROUNDING.steps[0]}" in lines
    assert result.stdout.rstrip().endswith("tidewise help-now")


def test_grounding_is_listed_in_help() -> None:
    assert "grounding" in run("--help").stdout


def test_editing_the_home_part_keeps_the_rest_of_the_plan(journal_home: Path) -> None:
    crisis = "Walk to the park\n\nMy sister Ana\n\n=\n=\n=\nMy dog\n\n"
    assert run("safety-plan", "edit", stdin=crisis).exit_code == 0
    home = "Passports at Ana's\n\n=\n=\n'Blue kettle' means call the police\n\n" + "\n" * 3
    result = run("safety-plan", "edit", "--home", stdin=home)
    assert result.exit_code == 0, result.stderr
    assert HOME_NOTE in result.stderr
    shown = json.loads(run("safety-plan", "--json").stdout)
    items = {s["key"]: s["items"] for s in shown["sections"]}
    assert items["warning_signs"] == ["Walk to the park"] and items["reasons"] == ["My dog"]
    assert items["documents"] == ["Passports at Ana's"]
    assert items["code_word"] == ["'Blue kettle' means call the police"]
    assert all(
        items[s.key] == [] for s in sections_of("home") if s.key not in {"documents", "code_word"}
    )
    text = run("safety-plan").stdout
    assert "If home is not safe" in text and "Blue kettle" in text

"""Starring from the terminal, and Daylio's mood shown on the entry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import run
from tidewise.journal import Journal
from tidewise.settings import Settings

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


def _write(text: str, *extra: str) -> None:
    result = run("write", "--no-analysis", *extra, stdin=text + "\n")
    assert result.exit_code == 0, result.stderr


def _ids(*args: str) -> list[int]:
    result = run("list", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return [e["id"] for e in json.loads(result.stdout)]


def test_write_star_and_list_starred(journal_home: Path) -> None:
    _write("First.", "--star")
    _write("Second.")
    assert _ids("--starred") == [1]
    assert _ids() == [2, 1]
    shown = json.loads(run("show", "1", "--json").stdout)
    assert shown["starred"] is True


def test_star_and_unstar_change_only_the_mark(
    journal_home: Path, settings: Settings, passphrase: str
) -> None:
    _write("Words to find again.")
    before = json.loads(run("show", "1", "--json").stdout)
    result = run("star", "1")
    assert result.exit_code == 0, result.stderr
    assert "Entry 1 starred." in result.stderr
    assert _ids("--starred") == [1]
    assert "Starred" in run("show", "1").stdout
    listed = run("list").stdout
    assert "★" in listed
    after = json.loads(run("show", "1", "--json").stdout)
    assert after["updated"] == before["updated"]
    assert run("unstar", "1").exit_code == 0
    assert _ids("--starred") == []
    assert "★" not in run("list").stdout
    with Journal.open(settings, passphrase) as journal:
        assert journal.get(1).starred is False


def test_the_export_carries_the_star(journal_home: Path) -> None:
    _write("Kept.")
    run("star", "1")
    result = run("export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"starred": true' in result.stdout


def test_starring_a_missing_entry_exits_1(journal_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tidewise", "star", "99"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "No entry with that id" in result.stderr


def test_show_gives_daylios_mood(journal_home: Path) -> None:
    csv = str(FIXTURES / "daylio_current.csv")
    imported = run("import", csv, "--no-analysis", "--mood-map", "so-so=3")
    assert imported.exit_code == 0, imported.stderr
    entries = json.loads(run("list", "--json").stdout)
    awful = next(e for e in entries if e["source_mood"] and e["source_mood"]["label"] == "awful")
    text = run("show", str(awful["id"])).stdout
    assert "Mood in Daylio: awful (1 of 5)" in text
    shown = json.loads(run("show", str(awful["id"]), "--json").stdout)
    assert shown["source_mood"] == {"label": "awful", "score": 1}


def test_show_has_no_mood_line_without_one(journal_home: Path) -> None:
    _write("Mine.")
    assert "Mood in" not in run("show", "1").stdout
    assert json.loads(run("show", "1", "--json").stdout)["source_mood"] is None


def test_show_gives_each_sentence_and_the_reply(
    journal_home: Path, settings: Settings, passphrase: str
) -> None:
    from tests.conftest import FakeAnalyzer

    with Journal.open(settings, passphrase, analyzer=FakeAnalyzer()) as journal:
        journal.write("So tired tonight. He held me at the door.")
    result = run("show", "1")
    assert result.exit_code == 0, result.stderr
    assert "1. [Worn out] So tired tonight." in result.stdout
    assert "2. [Reaching] He held me at the door." in result.stdout
    shown = json.loads(run("show", "1", "--json").stdout)
    assert [s["title"] for s in shown["sentences"]] == ["Worn out", "Reaching"]
    assert shown["reply"]["text"] in result.stdout

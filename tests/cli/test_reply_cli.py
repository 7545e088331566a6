"""Issue 12: the terminal shows the same graded reply as the web; `analyze` carries it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.test_graded_reply import LevelAnalyzer
from tidewise import reply_words as words
from tidewise.journal import Journal
from tidewise.replies import check_ins, reply_for
from tidewise.settings import Settings


def test_text_on_the_command_line_warns_once_and_stdin_or_a_file_do_not(
    journal_home: Path, tmp_path: Path
) -> None:
    argued = run("write", "A quiet day by the river.", "--no-analysis")
    assert argued.exit_code == 0, argued.stderr
    assert argued.stderr.count("shell history") == 1
    piped = run("write", "--no-analysis", stdin="A quiet day.\n")
    assert piped.exit_code == 0 and "shell history" not in piped.stderr
    path = tmp_path / "entry.txt"
    path.write_text("From a file.\n", encoding="utf-8")
    filed = run("write", "--file", str(path), "--no-analysis")
    assert filed.exit_code == 0 and "shell history" not in filed.stderr
    shown = json.loads(run("show", filed.stdout.strip(), "--json").stdout)
    assert shown["text"] == "From a file."
    both = run("write", "x", "--file", str(path), "--no-analysis")
    assert both.exit_code != 0


def test_the_help_names_the_prompt_and_file() -> None:
    result = run("write", "--help")
    assert "--file" in result.stdout and "shell history" in result.stdout


def test_safety_check_records_the_answer(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal.create(settings, passphrase, analyzer=LevelAnalyzer())
    entry = journal.write("HEAVY tonight.")
    reply_for(journal, entry)
    journal.close()
    monkeypatch.setenv("TIDEWISE_PASSPHRASE", passphrase)
    result = run("safety-check", str(entry.id), "not-sure")
    assert result.exit_code == 0, result.stderr
    assert words.AFTER_ANSWER["not_sure"] in result.stderr
    bad = run("safety-check", str(entry.id), "maybe")
    assert bad.exit_code == 1
    reopened = Journal.open(settings, passphrase)
    assert check_ins(reopened)[0]["answer"] == "not_sure"
    reopened.close()


@pytest.mark.model
def test_write_prints_the_kind_aware_reply_with_the_saved_country(journal_home: Path) -> None:
    assert run("help-now", "--country", "UK", "--remember").exit_code == 0
    result = run("write", stdin="He put the gun on the table while we were arguing.\n")
    assert result.exit_code == 0, result.stderr
    assert "phone or computer they cannot see" in result.stderr
    assert "advocate" in result.stderr
    assert "Samaritans" in result.stderr or "Refuge" in result.stderr
    assert "988" not in result.stderr and "Lifeline" not in result.stderr  # not every country
    assert "help-now --all-countries" in result.stderr
    assert "shell history" not in result.stderr


@pytest.mark.model
def test_write_of_a_heavy_entry_offers_the_check_in_off_a_terminal(journal_home: Path) -> None:
    result = run("write", stdin="I went to the bridge. I stood there an hour.\n")
    assert result.exit_code == 0, result.stderr
    assert words.CHECK_IN in result.stderr
    assert "tidewise safety-check 1 safe|not-sure|not-safe" in result.stderr


def test_help_now_can_show_every_country(journal_home: Path) -> None:
    assert run("help-now", "--country", "UK", "--remember").exit_code == 0
    one = run("help-now", "--json")
    assert {r["country"] for r in json.loads(one.stdout)["resources"]} <= {"UK", "INTL"}
    every = run("help-now", "--all-countries", "--json")
    assert {r["country"] for r in json.loads(every.stdout)["resources"]} >= {"UK", "US", "NZ"}


@pytest.mark.model
def test_analyze_carries_the_level_and_the_reply_for_the_entry_alone() -> None:
    crisis = json.loads(run("analyze", stdin="I keep staring at the rope in the garage.").stdout)
    assert crisis["safety"]["level"] == "clear" and crisis["safety"]["concern"] is True
    assert crisis["reply"]["kind"] == "safety" and crisis["reply"]["id"] == "safety.self_harm"
    assert {r["country"] for r in crisis["safety"]["resources"]} >= {"US", "UK", "AU"}
    uk = run("analyze", "--country", "uk", stdin="I keep staring at the rope in the garage.")
    assert {r["country"] for r in json.loads(uk.stdout)["safety"]["resources"]} <= {"UK", "INTL"}
    window = json.loads(run("analyze", stdin="I went to the bridge. I stood there an hour.").stdout)
    assert window["safety"]["level"] == "possible"
    assert window["reply"] == {"kind": "check_in", "id": "check_in.first", "text": words.CHECK_IN}
    calm = json.loads(run("analyze", stdin="We walked the dog and had soup.").stdout)
    assert calm["safety"]["level"] == "none" and calm["reply"]["kind"] == "reflection"
    assert calm["reply"]["id"] and calm["reply"]["text"]
    harm = json.loads(run("analyze", stdin="I'm going to find her and hurt her.").stdout)
    assert harm["safety"]["kinds"] == ["harm_to_others"]
    assert run("analyze", "--country", "XX", stdin="hello").exit_code == 1


def test_init_saves_the_country_and_rejects_an_unknown_one(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIDEWISE_NEW_PASSPHRASE", passphrase)
    monkeypatch.setenv("TIDEWISE_PASSPHRASE", passphrase)
    bad = run("init", "--country", "XX")
    assert bad.exit_code == 1 and not Journal.exists(settings)
    made = run("init", "--country", "uk")
    assert made.exit_code == 0, made.stderr
    shown = json.loads(run("help-now", "--json").stdout)
    assert shown["country"] == "UK"

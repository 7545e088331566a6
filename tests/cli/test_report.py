"""`tidewise report` through Typer's runner: files written, suggestions on stderr, preview."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import FakeAnalyzer
from tidewise.journal import Journal
from tidewise.records import NewEntry
from tidewise.report import REDACTIONS_KEY
from tidewise.settings import PASSPHRASE_ENV, Settings

WORDS = (
    "Alex held my hand at the pier.",
    "What is wrong with me, where is my self-respect?",
    "I slept in the spare room and shut the door.",
    "I am tired and lonely.",
)


@pytest.fixture
def journal_home(settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    with Journal.create(settings, passphrase, analyzer=FakeAnalyzer()) as journal:
        journal.import_entries(
            [
                NewEntry(
                    text=WORDS[n % 4] + (" We met Jordan near Westhaven." if n == 0 else ""),
                    created=datetime(2025, 5, 1, 20, tzinfo=UTC) + timedelta(days=n),
                )
                for n in range(16)
            ]
        )
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    return settings.home


def test_report_writes_html_and_its_appendix(journal_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    result = run("report", "--out", str(out), "--from", "2025-05-01", "--to", "2025-05-10")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = json.loads(out.with_suffix(".json").read_text("utf-8"))
    assert data["entries"] == 10 and data["excerpts"] == []
    assert "figures only" in result.stderr
    assert "Alex" not in out.read_text("utf-8")


def test_report_pdf_quotes_shared_entries_redacted_and_suggests_names(
    journal_home: Path, tmp_path: Path, settings: Settings, passphrase: str
) -> None:
    out = tmp_path / "summary.pdf"
    result = run("report", "--out", str(out), "--share", "1", "--redact", "Alex")
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    data = json.loads(out.with_suffix(".json").read_text("utf-8"))
    assert data["excerpts"][0]["text"].startswith("[name] held my hand")
    assert "Jordan" in result.stderr and "Westhaven" in result.stderr  # suggested only
    assert "Jordan" in data["excerpts"][0]["text"]
    with Journal.open(settings, passphrase) as journal:
        assert journal.get_state(REDACTIONS_KEY) == {"names": ["Alex"], "places": []}
        history = journal.get_state("reports")
        assert isinstance(history, list) and history[0]["entries_shared"] == [1]


def test_the_kept_list_applies_to_the_next_report(journal_home: Path, tmp_path: Path) -> None:
    run("report", "--out", str(tmp_path / "a.html"), "--redact-place", "pier")
    result = run("report", "--out", str(tmp_path / "b.html"), "--share", "1")
    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "b.json").read_text("utf-8"))
    assert "at the [place]" in data["excerpts"][0]["text"]


def test_preview_prints_the_shared_words_and_writes_nothing(
    journal_home: Path, tmp_path: Path
) -> None:
    result = run("report", "--out", str(tmp_path / "p.html"), "--share", "3", "--preview",
                 "--redact", "spare")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "I slept in the [name] room" in result.stdout
    assert list(tmp_path.glob("p.*")) == []


def test_a_wrong_suffix_is_a_usage_error(journal_home: Path, tmp_path: Path) -> None:
    result = run("report", "--out", str(tmp_path / "r.txt"))
    assert result.exit_code != 0
    assert not (tmp_path / "r.txt").exists()


def test_check_in_answers_go_in_only_with_include_check_ins(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.test_graded_reply import LevelAnalyzer
    from tests.test_report import ask_three

    with Journal.create(settings, passphrase, analyzer=LevelAnalyzer()) as journal:
        ask_three(journal)
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    assert "Include your answers to 'are you safe right now?'" in run("report", "--help").stdout
    plain = run("report", "--out", str(tmp_path / "plain.html"))
    assert plain.exit_code == 0, plain.stderr
    assert "safety_check_ins" not in json.loads((tmp_path / "plain.json").read_text("utf-8"))
    chosen = run("report", "--out", str(tmp_path / "chosen.html"), "--include-check-ins")
    assert chosen.exit_code == 0, chosen.stderr
    data = json.loads((tmp_path / "chosen.json").read_text("utf-8"))
    assert [c["answer"] for c in data["safety_check_ins"]] == [
        "not sure",
        "not safe",
        "not answered",
    ]
    assert "Safety check-ins" in (tmp_path / "chosen.html").read_text("utf-8")
    shown = run("report", "--include-check-ins", "--preview")
    assert "asked again · not safe" in shown.stdout
    assert "are you safe" not in run("report", "--preview").stdout

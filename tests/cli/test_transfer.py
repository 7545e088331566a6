"""`tidewise import` and `tidewise export` via Typer's runner: data on stdout, words on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tidewise.cli.transfer import EXPORT_PASSPHRASE_ENV, NOT_ENCRYPTED, parse_mood_map
from tidewise.errors import ImportFormatError, UsageError
from tidewise.journal import Journal
from tidewise.settings import Settings

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


def test_import_guesses_the_format_and_summarises_on_stderr(journal_home: Path) -> None:
    result = run("import", str(FIXTURES / "daylio_current.csv"), "--mood-map", "so-so=3",
                 "--zone", "Europe/London")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Imported 3 entries (daylio-csv); 0 were already in the journal" in result.stderr
    assert "mood-only rows" in result.stderr
    again = run("import", str(FIXTURES / "daylio_current.csv"), "--mood-map", "so-so=3",
                "--zone", "Europe/London")  # fmt: skip
    assert "Imported 0 entries (daylio-csv); 3 were already in the journal" in again.stderr


def test_import_reports_dropped_fields_and_can_skip_analysis(
    journal_home: Path, tmp_path: Path
) -> None:
    import zipfile

    archive = tmp_path / "Export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURES / "day_one_Journal.json", "Journal.json")
    result = run("import", str(archive), "--no-analysis")
    assert result.exit_code == 0, result.stderr
    assert "Left out and never stored:" in result.stderr and "location" in result.stderr
    assert "tidewise reanalyze" in result.stderr


def test_a_broken_file_exits_1_with_one_line_and_imports_nothing(
    journal_home: Path, tmp_path: Path, settings: Settings, passphrase: str
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                      "2026-02-30,x,y,9:00 pm,good,,,Some words\n", "utf-8")  # fmt: skip
    result = run("import", str(broken))
    assert result.exit_code == 1
    assert isinstance(result.exception, ImportFormatError)  # main() prints it as one line
    message = str(result.exception)
    assert "line 2" in message and "\n" not in message and "Some words" not in message
    with Journal.open(settings, passphrase) as journal:
        assert journal.count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--zone", "Mars/Olympus"], "--zone"),
        (["--mood-map", "so-so"], "--mood-map"),
        (["--format", "nope"], "Unknown import format"),
    ],
)
def test_bad_import_options_are_usage_errors(
    journal_home: Path, args: list[str], message: str
) -> None:
    result = run("import", str(FIXTURES / "jrnl.txt"), *args)
    assert result.exit_code != 0
    assert message in str(result.exception) + result.stderr


def test_parse_mood_map() -> None:
    assert parse_mood_map("so-so=3, Numb=2") == {"so-so": 3, "numb": 2}
    assert parse_mood_map(None) == {}
    with pytest.raises(UsageError):
        parse_mood_map("tired=9")


def _with_entries(journal_home: Path) -> None:
    result = run("import", str(FIXTURES / "jrnl.txt"), "--zone", "UTC")
    assert result.exit_code == 0, result.stderr


def test_export_json_goes_to_stdout_and_the_warning_to_stderr(journal_home: Path) -> None:
    _with_entries(journal_home)
    result = run("export")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["format"] == "tidewise-export" and len(doc["entries"]) >= 2
    assert NOT_ENCRYPTED in result.stderr
    assert NOT_ENCRYPTED not in result.stdout


def test_export_to_a_file_or_folder_is_atomic_and_neutrally_named(
    journal_home: Path, tmp_path: Path
) -> None:
    _with_entries(journal_home)
    out = tmp_path / "mine.md"
    result = run("export", "--format", "markdown", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text("utf-8").startswith("# Journal")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    folder = tmp_path / "exports"
    folder.mkdir()
    assert run("export", "--format", "csv", "--out", str(folder)).exit_code == 0
    [made] = list(folder.iterdir())
    assert made.name.startswith("notes-") and made.suffix == ".csv"
    assert not list(tmp_path.glob(".partial-*"))


def test_export_dates_limit_the_entries(journal_home: Path) -> None:
    _with_entries(journal_home)
    everything = json.loads(run("export").stdout)["entries"]
    noon = everything[0]["created"][:10] + "T12:00"
    some = json.loads(run("export", "--to", noon).stdout)["entries"]
    assert 0 < len(some) < len(everything)


def test_encrypted_export_round_trips_through_the_cli(
    journal_home: Path, tmp_path: Path, settings: Settings, passphrase: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _with_entries(journal_home)
    monkeypatch.setenv(EXPORT_PASSPHRASE_ENV, "another long phrase")
    sealed = tmp_path / "sealed.json"
    result = run("export", "--encrypt", "--out", str(sealed))
    assert result.exit_code == 0, result.stderr
    assert NOT_ENCRYPTED not in result.stderr
    assert json.loads(sealed.read_text("utf-8"))["format"] == "tidewise-encrypted-export"
    with Journal.open(settings, passphrase) as journal:
        count = journal.count()
        for entry in journal.entries():
            journal.delete(entry.id)
    imported = run("import", str(sealed))
    assert imported.exit_code == 0, imported.stderr
    assert f"Imported {count} entries (tidewise-encrypted)" in imported.stderr
    monkeypatch.setenv(EXPORT_PASSPHRASE_ENV, "the wrong phrase")
    wrong = run("import", str(sealed))
    assert wrong.exit_code != 0


def test_export_out_ending_in_a_slash_is_a_private_folder(
    journal_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        run("import", str(FIXTURES / "jrnl.txt"), "--zone", "UTC", "--no-analysis").exit_code == 0
    )
    monkeypatch.setenv(EXPORT_PASSPHRASE_ENV, "another long phrase")
    folder = tmp_path / "out" / "enc"
    result = run("export", "--encrypt", "--out", f"{folder}/")
    assert result.exit_code == 0, result.stderr
    [made] = list(folder.iterdir())
    assert made.name.startswith("notes-") and made.suffix == ".json"
    assert json.loads(made.read_text("utf-8"))["format"] == "tidewise-encrypted-export"
    for made_folder in (folder, folder.parent):
        assert oct(made_folder.stat().st_mode & 0o777) == "0o700"
    assert f"to {made}, encrypted with the export passphrase." in result.stderr
    assert "Exported 2 entries (json)" in result.stderr


def test_a_plain_export_says_it_is_not_encrypted(journal_home: Path, tmp_path: Path) -> None:
    assert (
        run("import", str(FIXTURES / "jrnl.txt"), "--zone", "UTC", "--no-analysis").exit_code == 0
    )
    result = run("export", "--format", "markdown", "--out", str(tmp_path / "mine.md"))
    assert result.exit_code == 0, result.stderr
    assert f"to {tmp_path / 'mine.md'}, not encrypted." in result.stderr
    assert NOT_ENCRYPTED in result.stderr


def test_export_out_slash_on_a_file_is_refused(journal_home: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("mine", "utf-8")
    result = run("export", "--out", f"{a_file}/")
    assert result.exit_code != 0
    assert "is a file, not a folder" in str(result.exception)
    assert a_file.read_text("utf-8") == "mine"

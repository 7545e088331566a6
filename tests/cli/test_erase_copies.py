"""`erase` knows the backups, exports and reports Tidewise wrote elsewhere: it erases
them with the person's yes, or names each one it kept or could not reach."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import run
from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.settings import Settings


def _copies(tmp_path: Path) -> tuple[Path, Path, Path]:
    assert run("write", "--no-analysis", "Kept somewhere else too.").exit_code == 0
    backup = tmp_path / "usb" / "journal-copy"
    assert run("backup", str(backup)).exit_code == 0
    export = tmp_path / "notes.md"
    assert run("export", "--format", "markdown", "--out", str(export)).exit_code == 0
    report = tmp_path / "summary.html"
    assert run("report", "--out", str(report)).exit_code == 0
    return backup, export, report


def test_erase_with_yes_erases_every_copy_it_made(journal_home: Path, tmp_path: Path) -> None:
    backup, export, report = _copies(tmp_path)
    done = run("erase", "--yes", "--yes-really", stdin="y\n")
    assert done.exit_code == 0, done.stderr
    assert not backup.exists() and not export.exists() and not report.exists(), done.stderr
    assert not report.with_suffix(".json").exists()
    assert "Also erased:" in done.stderr and str(backup) in done.stderr
    assert not journal_home.exists()


def test_erase_keeping_copies_names_them(journal_home: Path, tmp_path: Path) -> None:
    backup, export, report = _copies(tmp_path)
    done = run("erase", "--yes", "--yes-really", "--keep-copies")
    assert done.exit_code == 0, done.stderr
    assert (backup / "journal.db").exists() and export.exists() and report.exists()
    kept = done.stderr.split("Kept, as you chose")[1]
    for path in (backup, export, report):
        assert str(path) in kept
    assert "backups are erased" in done.stderr  # true: the automatic ones are


def test_copies_it_cannot_reach_or_that_changed_are_named_and_left_alone(
    settings: Settings, passphrase: str, tmp_path: Path
) -> None:
    with Journal.create(settings, passphrase) as journal:
        journal.write("x", analysis=Analysis.OFF)
        gone = journal.backup(tmp_path / "unplugged")
        replaced = tmp_path / "notes.md"
        replaced.write_text("Tidewise wrote this.\n")
        journal.note_copy("export", replaced)
        (tmp_path / "moved.md").write_text("Tidewise wrote this too.\n")
        journal.note_copy("export", tmp_path / "moved.md")
    (tmp_path / "moved.md").unlink()
    for path in gone.iterdir():
        path.unlink()
    gone.rmdir()
    replaced.write_text("The person's own, different file now.\n")
    journal = Journal.open(settings, passphrase)
    done = journal.erase(copies=True)
    assert replaced.read_text() == "The person's own, different file now.\n"
    assert set(done.unreachable) == {gone.resolve(), replaced.resolve(), tmp_path / "moved.md"}
    assert done.erased == ()

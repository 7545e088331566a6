"""Backups: verified, encrypted, restorable; VACUUM INTO never used."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import tidewise
from tidewise.errors import InputError, JournalExistsError, WrongPassphraseError
from tidewise.journal import Journal
from tidewise.settings import Settings
from tidewise.storage import backup


def test_backup_and_restore_round_trip(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    for number in range(12):
        fresh_journal.write(f"Night {number}: I miss him and I am tired.", tags=["night"])
    fresh_journal.set_state("safety_plan", {"people": ["my sister"]})
    expected = fresh_journal.logical_hash()
    folder = fresh_journal.backup(tmp_path / "usb" / "backup-1")
    assert sorted(p.name for p in folder.iterdir()) == ["journal.db", "journal.header"]
    fresh_journal.write("Written after the backup.")

    target = Settings(home=tmp_path / "restored", kdf=fresh_journal.settings.kdf)
    with Journal.restore(target, folder, passphrase) as restored:
        assert restored.logical_hash() == expected
        assert restored.count() == 12
        assert restored.get_state("safety_plan") == {"people": ["my sister"]}


def test_a_backup_folder_opens_directly_as_a_journal(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    fresh_journal.write("Only entry.")
    folder = fresh_journal.backup(tmp_path / "b")
    with Journal.open(Settings(home=folder), passphrase) as copy:
        assert [e.text for e in copy.entries()] == ["Only entry."]


def test_backup_keeps_the_passphrase_it_was_made_with(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    fresh_journal.write("Before the change.")
    folder = fresh_journal.backup(tmp_path / "b")
    fresh_journal.change_passphrase(passphrase, "a brand new one")
    with pytest.raises(WrongPassphraseError):
        Journal.open(Settings(home=folder), "a brand new one")
    Journal.open(Settings(home=folder), passphrase).close()


def test_backup_refuses_a_folder_holding_a_journal(fresh_journal: Journal, tmp_path: Path) -> None:
    folder = fresh_journal.backup(tmp_path / "b")
    with pytest.raises(InputError):
        fresh_journal.backup(folder)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError):
        fresh_journal.backup(tmp_path / "file")


def test_restore_never_overwrites_a_journal(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    folder = fresh_journal.backup(tmp_path / "b")
    before = fresh_journal.settings.db_path.read_bytes()
    with pytest.raises(JournalExistsError):
        Journal.restore(fresh_journal.settings, folder, passphrase)
    assert fresh_journal.settings.db_path.read_bytes() == before


def test_restore_with_a_wrong_passphrase_copies_nothing(
    fresh_journal: Journal, tmp_path: Path
) -> None:
    folder = fresh_journal.backup(tmp_path / "b")
    target = tmp_path / "restored"
    with pytest.raises(WrongPassphraseError):
        Journal.restore(Settings(home=target), folder, "not it")
    assert not target.exists()


def test_automatic_backups_keep_five_generations(fresh_journal: Journal) -> None:
    made = [fresh_journal.backup() for _ in range(7)]
    kept = sorted(p for p in fresh_journal.settings.backups_dir.iterdir())
    assert kept == made[-backup.KEEP_GENERATIONS :]


def _code_strings(path: Path) -> list[str]:
    """String constants that are not docstrings (docstrings may name what is banned)."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_vacuum_into_is_never_used() -> None:
    package = Path(tidewise.__file__).parent
    banned = re.compile(r"vacuum\s+into", re.IGNORECASE)
    offenders = [
        str(path)
        for path in package.rglob("*.py")
        if any(banned.search(text) for text in _code_strings(path))
    ]
    assert offenders == []
    assert banned.search("VACUUM  INTO 'x'")  # the pattern itself works

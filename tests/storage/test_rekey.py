"""A passphrase change re-keys the database: the old passphrase with an old header opens
nothing current, a change cut short is finished or undone at the next open, and the
person learns which backups still open with the old passphrase."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tidewise import crypto
from tidewise.errors import DamagedJournalError, JournalBusyError, WrongPassphraseError
from tidewise.journal import Journal
from tidewise.settings import Settings
from tidewise.storage import engine, keys, rekey

NEW = "a brand new passphrase"


def _opens(settings: Settings, passphrase: str) -> bool:
    try:
        Journal.open(settings, passphrase).close()
    except WrongPassphraseError:
        return False
    return True


def _prepared_but_not_switched(journal: Journal) -> Settings:
    """A journal with one entry whose change to NEW stopped after `rekey.prepare`, as if
    killed there; closed. Its settings."""
    settings = journal.settings
    journal.write("Kept.")
    new_key = crypto.new_data_key()
    header = keys.wrap(new_key, NEW, settings.kdf)
    with journal._connection() as con:
        rekey.prepare(con, new_key, settings.db_path, settings.header_path, header)
    journal.close()
    return settings


def test_old_header_and_old_passphrase_cannot_read_the_new_database(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    settings = fresh_journal.settings
    fresh_journal.write("Written before the change.")
    old_header = settings.header_path.read_bytes()
    fresh_journal.change_passphrase(passphrase, NEW)
    fresh_journal.write("Written after the change.")
    fresh_journal.close()

    old_key = keys.unwrap(keys.parse_header(old_header), passphrase)
    with pytest.raises(DamagedJournalError):
        engine.open_database(settings.db_path, old_key).close()
    # The same through the facade: the current database beside the old header.
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    shutil.copyfile(settings.db_path, mixed / "journal.db")
    (mixed / "journal.header").write_bytes(old_header)
    with pytest.raises(DamagedJournalError):
        Journal.open(Settings(home=mixed), passphrase)
    with Journal.open(settings, NEW) as journal:
        assert sorted(e.text for e in journal.entries()) == [
            "Written after the change.",
            "Written before the change.",
        ]


def test_the_data_key_and_the_database_salt_change(fresh_journal: Journal, passphrase: str) -> None:
    settings = fresh_journal.settings
    salt_before = rekey.db_salt(settings.db_path)
    key_before = bytes(keys.unwrap(keys.read_header(settings.header_path), passphrase))
    fresh_journal.change_passphrase(passphrase, NEW)
    assert bytes(keys.unwrap(keys.read_header(settings.header_path), NEW)) != key_before
    fresh_journal.write("Written under the new key.")  # the open journal holds the new key
    assert rekey.db_salt(settings.db_path) != salt_before
    fresh_journal.close()
    assert sorted(p.name for p in settings.home.iterdir()) == ["journal.db", "journal.header"]


def test_the_change_names_the_backups_that_still_open_with_the_old_passphrase(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    fresh_journal.write("Kept.")
    older = fresh_journal.backup(tmp_path / "older")
    fresh_journal.change_passphrase(passphrase, "an in-between passphrase")
    recent = fresh_journal.backup(tmp_path / "recent")
    automatic = fresh_journal.backup()
    still_open = fresh_journal.change_passphrase("an in-between passphrase", NEW)
    assert sorted(still_open) == sorted([recent.resolve(), automatic])
    assert older.resolve() not in still_open  # it opens with the first passphrase only
    Journal.open(Settings(home=recent), "an in-between passphrase").close()


def test_a_change_stopped_before_the_switch_leaves_the_old_passphrase(
    fresh_journal: Journal, passphrase: str
) -> None:
    settings = _prepared_but_not_switched(fresh_journal)
    assert rekey.pending_db(settings.db_path).exists()
    assert [_opens(settings, p) for p in (passphrase, NEW)] == [True, False]
    assert sorted(p.name for p in settings.home.iterdir()) == ["journal.db", "journal.header"]


def test_a_change_stopped_between_the_renames_is_finished_at_the_next_open(
    fresh_journal: Journal, passphrase: str
) -> None:
    settings = _prepared_but_not_switched(fresh_journal)
    # The first rename only, as if killed right after it.
    rekey.pending_db(settings.db_path).replace(settings.db_path)
    assert [_opens(settings, p) for p in (NEW, passphrase)] == [True, False]
    with Journal.open(settings, NEW) as journal:
        assert [e.text for e in journal.entries()] == ["Kept."]


def test_a_second_connection_refuses_the_change_and_changes_nothing(
    fresh_journal: Journal, passphrase: str
) -> None:
    settings = fresh_journal.settings
    fresh_journal.write("Kept.")
    other = Journal.open(settings, passphrase)  # like the web page left unlocked
    try:
        with pytest.raises(JournalBusyError):
            fresh_journal.change_passphrase(passphrase, NEW)
        assert [e.text for e in other.entries()] == ["Kept."]
        assert fresh_journal.count() == 1
    finally:
        other.close()
    fresh_journal.close()
    assert [_opens(settings, p) for p in (passphrase, NEW)] == [True, False]


def test_the_old_database_file_is_overwritten(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    settings = fresh_journal.settings
    fresh_journal.write("Kept.")
    with fresh_journal._connection() as con:
        engine.checkpoint(con)
    link = tmp_path / "old-inode"
    link.hardlink_to(settings.db_path)  # a second name for the old file's blocks
    before = link.read_bytes()
    fresh_journal.change_passphrase(passphrase, NEW)
    after = link.read_bytes()
    assert len(after) == len(before)
    assert after[:16] != before[:16] and after[4096:8192] != before[4096:8192]
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(link).execute("select * from sqlite_master").fetchall()

"""Encrypted backups with `sqlcipher_export`, verified before they count, and restore.

A backup is a folder that is itself a journal: `journal.db` (encrypted with the same
data key) and a copy of `journal.header`. So the passphrase that was current at backup
time opens it, `tidewise --journal FOLDER list` reads it, and restoring is copying it
back. The database is exported to a temp file, reopened and compared (entry count and
logical hash) with the source read in the same transaction, and only then renamed into
place. `VACUUM INTO` is never used (a test greps for it): it has produced corrupt and,
elsewhere, plaintext copies.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from tidewise import durable, private_files
from tidewise.errors import DamagedJournalError, InputError, JournalExistsError
from tidewise.settings import DB_NAME, HEADER_NAME
from tidewise.storage import engine, migrations, store
from tidewise.storage.engine import Connection

KEEP_GENERATIONS = 5


def export(con: Connection, key: bytearray, header_path: Path, dest: Path) -> Path:
    """Write a verified encrypted copy of the open journal into the folder `dest`."""
    _prepare_folder(dest)
    partial = dest / f".{DB_NAME}.{secrets.token_hex(6)}.partial"
    try:
        private_files.create_empty(partial)  # 0600 before SQLite fills it in
        expected = export_copy(con, key, partial)
        verify_copy(partial, key, expected)
        durable.fsync(partial)
        os.replace(partial, dest / DB_NAME)
        durable.write_atomically(dest / HEADER_NAME, header_path.read_bytes())
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return dest


def _prepare_folder(dest: Path) -> None:
    if dest.exists() and not dest.is_dir():
        msg = "The backup path must be a folder (new or empty)."
        raise InputError(msg)
    if (dest / DB_NAME).exists() or (dest / HEADER_NAME).exists():
        msg = "That folder already holds a journal or a backup; choose another."
        raise InputError(msg)
    private_files.make_dir(dest)


def export_copy(con: Connection, key: bytearray, partial: Path) -> tuple[int, str]:
    # ATTACH takes bound parameters, so neither the path nor the key needs quoting.
    con.execute("ATTACH DATABASE ? AS bak KEY ?", (str(partial), f"x'{key.hex()}'"))
    try:
        with engine.transaction(con):  # holds writers off: copy and hash see one state
            con.execute("SELECT sqlcipher_export('bak')").fetchall()
            # sqlcipher_export copies tables, not the header's user_version.
            version = migrations.schema_version(con)
            con.execute(f"PRAGMA bak.user_version = {int(version)}")
            expected = (store.count(con), store.logical_hash(con))
    finally:
        con.execute("DETACH DATABASE bak")
    return expected


def verify_copy(path: Path, key: bytearray, expected: tuple[int, str]) -> None:
    copy = engine.open_database(path, key)
    try:
        found = (store.count(copy), store.logical_hash(copy))
    finally:
        copy.close()
    if found != expected:
        msg = "The backup copy did not match the journal; it was not kept."
        raise DamagedJournalError(msg)


def prune(backups_dir: Path, keep: int = KEEP_GENERATIONS) -> list[Path]:
    """Remove the oldest automatic backups beyond `keep` (their names sort by time)."""
    generations = sorted(p for p in backups_dir.glob("*") if (p / DB_NAME).exists())
    removed = generations[:-keep] if keep > 0 else generations
    for folder in removed:
        shutil.rmtree(folder)
    return removed


def restore(source: Path, home: Path, key: bytearray) -> None:
    """Copy a verified backup folder into an empty journal home (never over a journal)."""
    target_db, target_header = home / DB_NAME, home / HEADER_NAME
    if target_db.exists() or target_header.exists():
        raise JournalExistsError
    engine.open_database(source / DB_NAME, key).close()  # verifies both integrity checks
    private_files.make_dir(home)
    partial = home / f".{DB_NAME}.{secrets.token_hex(6)}.partial"
    try:
        with os.fdopen(private_files.create_file(partial), "wb") as out:
            with (source / DB_NAME).open("rb") as src:
                shutil.copyfileobj(src, out)
        durable.fsync(partial)
        durable.write_atomically(target_header, (source / HEADER_NAME).read_bytes())
        durable.rename(partial, target_db)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()

"""SQLCipher connections: PRAGMAs, opening with verification, transactions.

Why raw `sqlcipher3` and not SQLAlchemy Core: measured on this machine, `import
sqlcipher3` takes 7 ms and `import sqlalchemy` 178 ms. The CLI pays start-up on every
command and must stay within 2x of jrnl writing one entry, while the store's SQL is a
few dozen plain statements that gain nothing from an expression layer. One code path
(CLI and web alike) also means one set of PRAGMAs and one place to get them right.
The web server shares one connection across threads behind the Journal's lock.

Opening decides between "wrong passphrase" and "damaged" in one order. `keys.py` goes
first: a missing or unreadable header is damage, a data key that will not unwrap is a
wrong passphrase. Only a verified key reaches this module, so any failure here, from
the first read to `quick_check`, means damage.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tidewise.errors import (
    DamagedJournalError,
    DiskFullError,
    FolderNotWritableError,
    JournalBusyError,
    TidewiseError,
)

# sqlcipher3 ships no type stubs; a connection is typed as Any at this one boundary.
Connection = Any

# SQLite's primary result codes that are not damage (sqlite3.h).
SQLITE_READONLY = 8
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
# Below this much free space a failed open or write is the disk's fault, not damage.
FULL_BELOW_BYTES = 64 * 1024

# A keyed 0-byte or short file reads as a valid *empty* database; ours is never that small.
MIN_DB_BYTES = 4096
BUSY_TIMEOUT_S = 10.0


def _driver() -> Any:
    import sqlcipher3  # 7 ms; deferred so `tidewise --help` never loads the C library

    return sqlcipher3


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _apply_key(con: Connection, key: bytearray) -> None:
    # Before the key, or a failed HMAC check prints lines on stderr.
    con.execute("PRAGMA cipher_log_level = NONE")
    # Raw-key form: hex has nothing to escape, and SQLCipher skips its own PBKDF2.
    con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    con.execute("PRAGMA temp_store = MEMORY")  # sorts and temp tables never touch disk


def _apply_settings(con: Connection) -> None:
    mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise DamagedJournalError
    con.execute("PRAGMA synchronous = FULL")  # NORMAL can lose the last commits on power loss
    con.execute("PRAGMA foreign_keys = ON")


def _connect(path: Path, mode: str) -> Connection:
    sqlcipher3 = _driver()
    return sqlcipher3.connect(
        _uri(path, mode),
        uri=True,
        isolation_level=None,  # we issue BEGIN IMMEDIATE / COMMIT ourselves
        check_same_thread=False,  # the web server's threads share it behind a lock
        timeout=BUSY_TIMEOUT_S,
    )


def create_database(path: Path, key: bytearray) -> Connection:
    """A new, empty, keyed database at `path` (which must not exist)."""
    con = _connect(path, "rwc")
    _apply_key(con, key)
    _apply_settings(con)
    return con


def open_database(path: Path, key: bytearray) -> Connection:
    """Open an existing journal with a verified key; anything odd is DamagedJournalError.

    Uses mode=rw so a missing file is an error, never a new empty database.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        msg = "The journal's database file is missing; nothing was changed. Restore a backup."
        raise DamagedJournalError(msg) from None
    if size < MIN_DB_BYTES:
        raise DamagedJournalError
    sqlcipher3 = _driver()
    try:
        con = _connect(path, "rw")
    except sqlcipher3.Error as err:
        raise (not_damage(err, path) or DamagedJournalError()) from None
    try:
        _apply_key(con, key)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        verify(con)
        _apply_settings(con)
    except sqlcipher3.Error as err:
        con.close()
        raise (not_damage(err, path) or DamagedJournalError()) from None
    except BaseException:
        con.close()
        raise
    return con


def not_damage(err: Exception, path: Path) -> TidewiseError | None:
    """The error to report when a SQLite failure is about the disk, not the journal.

    A full disk, a read-only folder or file, and a lock held elsewhere all surface from
    SQLite as errors that would otherwise read as damage ("restore from a backup").
    """
    code = int(getattr(err, "sqlite_errorcode", 0) or 0) & 0xFF  # the primary code
    text = str(err).lower()
    if code == SQLITE_FULL or "disk is full" in text or disk_full(path):
        # On a full disk SQLite may also fail earlier, growing `-shm` ("disk I/O error").
        return DiskFullError()
    if "locked" in text or "busy" in text:
        return JournalBusyError()
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN) or "readonly" in text:
        if not writable(path):
            return FolderNotWritableError()
    return None


def disk_full(path: Path) -> bool:
    """Less free space than a few pages on the journal's disk (as SQLite sees it)."""
    try:
        info = os.statvfs(path.parent)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < FULL_BELOW_BYTES


def writable(path: Path) -> bool:
    """Can this process write the file and create files beside it (WAL, -shm, temp)?"""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def verify(con: Connection) -> None:
    """Both checks: HMAC of every page, then SQLite's own structure check.

    A file cut short can pass the HMAC check and still fail reads, so both are needed.
    """
    if con.execute("PRAGMA cipher_integrity_check").fetchall():
        raise DamagedJournalError
    if con.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        raise DamagedJournalError


def integrity_ok(con: Connection) -> bool:
    """Full `integrity_check` plus the HMAC check (slower; for tests and benches)."""
    if con.execute("PRAGMA cipher_integrity_check").fetchall():
        return False
    return bool(con.execute("PRAGMA integrity_check").fetchall() == [("ok",)])


@contextlib.contextmanager
def transaction(con: Connection) -> Iterator[Connection]:
    """One user action = one BEGIN IMMEDIATE ... COMMIT; "saved" only after COMMIT returns."""
    sqlcipher3 = _driver()
    path = Path(con.execute("PRAGMA database_list").fetchone()[2] or ".")
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlcipher3.OperationalError as err:
        raise (not_damage(err, path) or err) from None
    try:
        yield con
        con.execute("COMMIT")
    except sqlcipher3.Error as err:
        _rollback(con, sqlcipher3)
        raise (not_damage(err, path) or err) from None
    except BaseException:
        _rollback(con, sqlcipher3)
        raise


def _rollback(con: Connection, sqlcipher3: Any) -> None:
    # After some errors (a full disk) SQLite has already rolled back on its own.
    if not con.in_transaction:
        return
    with contextlib.suppress(sqlcipher3.Error):
        con.execute("ROLLBACK")


def checkpoint(con: Connection) -> None:
    """Fold the WAL back into the database file (used before backups and on close)."""
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def cipher_facts(con: Connection) -> dict[str, str]:
    """Cipher and SQLite versions, recorded in the meta table."""
    cipher = con.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = con.execute("SELECT sqlite_version()").fetchone()[0]
    return {"cipher_version": str(cipher), "sqlite_version": str(sqlite)}

"""Re-keying on a passphrase change: a new data key, the database re-encrypted, crash-safe.

A passphrase change is made for "someone learned my passphrase", so re-wrapping the old
data key is not enough: every backup folder holds a copy of the old header, and the old
header with the old passphrase would still open the current database. Here the database
is copied under a brand-new data key and the copy takes the original's place.

Why `sqlcipher_export` into a new file and not `PRAGMA rekey` in place:
- The copy is complete, verified (entry count and logical hash, read in the same
  transaction as the copy) and fsynced under the new key before anything current
  changes; the switch is then one `rename(2)`, which is atomic.
- `rekey` rewrites the live file page by page through the WAL; a crash leaves new-key
  frames in the WAL over old-key pages in the file, and recovery would have to know
  which key the next reader needs before it can even read the WAL.
- The database and its header are two files, and no rename swaps two files at once.
  The new header records the new file's SQLCipher salt (its first 16 bytes, random per
  file), so the files themselves say which header belongs to the database in place and
  a killed change is finished or undone at the next open, without any passphrase.

Order on disk (P = pending, fixed hidden names in the journal's folder):
1. export to P.db under the new key, verify, fsync;
2. write P.header (new key wrapped by the new passphrase, plus P.db's salt), atomically;
3. close every connection (the old WAL is folded in and removed), else refuse;
4. rename P.db -> journal.db: from here the new passphrase is the one that opens it;
5. rename P.header -> journal.header; overwrite the old database's blocks.
At every instant exactly one of the two passphrases opens the current journal: before
step 4 the old one (pending files are swept at the next open), after it the new one
(step 5 is finished at the next open if it was cut short). A folder lock (flock) keeps
a second process's open from sweeping files while a change is under way.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from tidewise import durable, private_files
from tidewise.errors import DamagedJournalError, JournalBusyError
from tidewise.storage import backup, keys
from tidewise.storage.engine import Connection

PENDING_SUFFIX = ".rekey"
BUSY_MESSAGE = (
    "The journal is open in another Tidewise window (perhaps the web page); "
    "close it and change the passphrase again. Nothing was changed."
)


def pending_db(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}{PENDING_SUFFIX}")


def pending_header(header_path: Path) -> Path:
    return header_path.with_name(f".{header_path.name}{PENDING_SUFFIX}")


def db_salt(db_path: Path) -> bytes:
    """SQLCipher's per-file random salt: the file's first 16 bytes."""
    with db_path.open("rb") as handle:
        return handle.read(keys.DB_SALT_BYTES)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on the journal's folder (no extra file is made)."""
    try:
        import fcntl
    except ImportError:  # no flock on this platform: the rename order alone still holds
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing drops the lock


def prepare(
    con: Connection, new_key: bytearray, db_path: Path, header_path: Path, header: keys.Header
) -> None:
    """Steps 1 and 2: the verified new-key copy and its pending header, nothing current.

    `header` is the new header without its `db_salt`; the copy's salt is added here.
    """
    copy = pending_db(db_path)
    discard(db_path, header_path)  # a leftover of an earlier attempt
    private_files.create_empty(copy)
    try:
        expected = backup.export_copy(con, new_key, copy)
        backup.verify_copy(copy, new_key, expected)
        durable.fsync(copy)
        salted = keys.Header(
            kdf=header.kdf, salt=header.salt, wrapped_key=header.wrapped_key, db_salt=db_salt(copy)
        )
        keys.write_header(pending_header(header_path), salted)
    except BaseException:
        discard(db_path, header_path)
        raise


def switch(db_path: Path, header_path: Path) -> None:
    """Steps 3-5, with every connection to the journal already closed by the caller."""
    side_files = [db_path.with_name(db_path.name + s) for s in ("-wal", "-shm")]
    if any(path.exists() for path in side_files):
        discard(db_path, header_path)
        raise JournalBusyError(BUSY_MESSAGE)
    old = os.open(db_path, os.O_RDWR)
    try:
        durable.rename(pending_db(db_path), db_path)  # the commit point
        durable.rename(pending_header(header_path), header_path)
        _overwrite(old)
    finally:
        os.close(old)


def _overwrite(fd: int) -> None:
    """Random bytes over the old database (best effort: SSDs and snapshots may keep blocks)."""
    size = os.fstat(fd).st_size
    os.lseek(fd, 0, os.SEEK_SET)
    chunk = 1 << 20
    for start in range(0, size, chunk):
        os.write(fd, secrets.token_bytes(min(chunk, size - start)))
    os.fsync(fd)


def leftovers(db_path: Path, header_path: Path) -> list[Path]:
    """The pending files, and temp files of a pending header killed before its rename."""
    waiting, copy = pending_header(header_path), pending_db(db_path)
    # The copy's own rollback journal too: the export writes it through an ATTACH.
    side = [copy.with_name(copy.name + suffix) for suffix in ("-journal", "-wal", "-shm")]
    found = [path for path in (waiting, copy, *side) if path.exists()]
    return found + keys.stale_temp_headers(waiting)


def discard(db_path: Path, header_path: Path) -> None:
    for path in leftovers(db_path, header_path):
        path.unlink(missing_ok=True)


def recover(db_path: Path, header_path: Path) -> None:
    """Finish or undo a passphrase change that was cut short; no passphrase needed."""
    if not leftovers(db_path, header_path):
        return
    waiting = pending_header(header_path)
    with folder_lock(header_path.parent):
        try:
            header = keys.read_header(waiting)
        except DamagedJournalError:
            header = None  # never written whole: the change had not reached step 4
        try:
            in_place = db_salt(db_path)
        except FileNotFoundError:
            in_place = b""
        if header is not None and header.db_salt is not None and header.db_salt == in_place:
            durable.rename(waiting, header_path)  # step 4 happened: finish step 5
        discard(db_path, header_path)

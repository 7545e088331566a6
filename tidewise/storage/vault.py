"""The journal's two files and its data key, from making them to erasing them.

A journal on disk is a SQLCipher database and, beside it, the header file that holds the
database's data key wrapped by the passphrase (`keys.py`). This module is the one place
that handles the two files together with the key between them. The facade never sees a
temp file, a rename, a directory fsync or a key that needs zeroing:

- make: the database is built under a temp name and renamed into place last, after the
  header is written, so a crash never leaves a half-made journal;
- open: a passphrase change that was killed is finished or undone first (`rekey.py`),
  and the key is zeroed if the database will not open or migrate;
- re-key: a new data key and a re-encrypted copy take the old ones' place (`rekey.py`
  gives the order on disk);
- close and erase: the connection closes and the key is zeroed (both safe twice), then
  erasing removes the files.

A `Vault` is not thread-safe by itself: the facade calls it under its own lock.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime
from pathlib import Path

from tidewise import __version__, clock, crypto, durable, private_files
from tidewise.errors import (
    DamagedJournalError,
    InputError,
    JournalExistsError,
    LockedError,
    NoJournalError,
)
from tidewise.settings import HEADER_NAME, Settings
from tidewise.storage import backup, checks, engine, files, keys, migrations, rekey, store
from tidewise.storage.engine import Connection
from tidewise.storage.keys import EarlyUnlock

# (device, inode) of the database and the header; None for a file that is not there.
Identity = tuple[tuple[int, int] | None, ...]


class Vault:
    """One unlocked journal: its open connection and its data key, until `close()`."""

    def __init__(self, settings: Settings, con: Connection, key: bytearray) -> None:
        self.settings = settings
        self._con: Connection | None = con
        self._key = key
        self._files = _identity(settings)

    @staticmethod
    def exists(settings: Settings) -> bool:
        return settings.db_path.exists() or settings.header_path.exists()

    @classmethod
    def create(cls, settings: Settings, passphrase: str) -> Vault:
        """A new, empty journal; refuses to touch an existing one."""
        if cls.exists(settings):
            raise JournalExistsError
        checks.new_passphrase(passphrase)
        private_files.make_dir(settings.home)
        data_key = crypto.new_data_key()
        partial = settings.home / f".{settings.db_path.name}.{secrets.token_hex(6)}.partial"
        try:
            header = keys.wrap(data_key, passphrase, settings.kdf)
            private_files.create_empty(partial)  # 0600 before SQLite sees it: -wal/-shm copy it
            _build(partial, data_key, settings)
            keys.write_header(settings.header_path, header)
            durable.rename(partial, settings.db_path)
            return cls(settings, engine.open_database(settings.db_path, data_key), data_key)
        except BaseException:
            partial.unlink(missing_ok=True)
            crypto.zero(data_key)
            raise

    @classmethod
    def open(cls, settings: Settings, passphrase: str, early: EarlyUnlock | None = None) -> Vault:
        """Unlock: a wrong passphrase touches nothing; damage is DamagedJournalError.

        `early` is a key derivation started ahead of time; it is used only when it was
        made from this header file and this passphrase.
        """
        if not cls.exists(settings):
            raise NoJournalError
        rekey.recover(settings.db_path, settings.header_path)  # a killed passphrase change
        if early is not None and early.matches(settings.header_path, passphrase):
            key = early.key()
        else:
            key = keys.unwrap(keys.read_header(settings.header_path), passphrase)
        try:
            con = engine.open_database(settings.db_path, key)
        except BaseException:
            crypto.zero(key)
            raise
        try:
            migrations.migrate(con)
            _tidy(settings)
        except BaseException:
            con.close()
            crypto.zero(key)
            raise
        return cls(settings, con, key)

    @staticmethod
    def restore(settings: Settings, source: Path, passphrase: str) -> None:
        """Copy a backup folder (made by `backup`) into an empty journal home."""
        if not (source / HEADER_NAME).exists():
            msg = "That folder is not a Tidewise backup (no journal.header)."
            raise InputError(msg)
        key = keys.unwrap(keys.read_header(source / HEADER_NAME), passphrase)
        try:
            backup.restore(source, settings.home, key)
        finally:
            crypto.zero(key)

    @property
    def closed(self) -> bool:
        return self._con is None

    def connection(self) -> Connection:
        """The open connection; LockedError once closed."""
        if self._con is None:
            raise LockedError
        return self._con

    def close(self) -> None:
        """Close the connection and zero the key. Safe to call twice."""
        if self._con is not None:
            self._con.close()
            self._con = None
        crypto.zero(self._key)

    def erase(self) -> None:
        """Close, then delete the database, its side files, the header and all automatic
        backups (`files.erase`)."""
        self.close()
        files.erase(self.settings)

    def files_unchanged(self) -> bool:
        """False once the database or header file is gone or replaced since this opened."""
        return None not in self._files and _identity(self.settings) == self._files

    def backup(self, folder: Path) -> Path:
        """A verified encrypted copy of the journal in `folder`, with the header beside it."""
        return backup.export(self.connection(), self._key, self.settings.header_path, folder)

    def change_passphrase(self, old: str, new: str) -> bytes:
        """Re-key under `new` (crash-safe, see `rekey.py`); returns the header it replaced.

        `old` must unwrap the key this vault holds, or nothing changes.
        """
        checks.new_passphrase(new)
        settings = self.settings
        con = self.connection()
        before = settings.header_path.read_bytes()
        old_key = keys.unwrap(keys.parse_header(before), old)
        try:
            if not hmac.compare_digest(bytes(old_key), bytes(self._key)):
                raise DamagedJournalError
        finally:
            crypto.zero(old_key)
        new_key = crypto.new_data_key()
        try:
            header = keys.wrap(new_key, new, settings.kdf)  # Argon2id: before taking the lock
            with rekey.folder_lock(settings.home):
                self._switch(con, new_key, header)
        except BaseException:
            crypto.zero(new_key)
            raise
        crypto.zero(self._key)
        self._key = new_key
        self._con = engine.open_database(settings.db_path, new_key)
        self._files = _identity(settings)  # our own new files are not a replacement
        with engine.transaction(self._con):
            store.set_meta(self._con, _kdf_facts(settings))
        return before

    def _switch(self, con: Connection, new_key: bytearray, header: keys.Header) -> None:
        """The new-key copy takes the database's place; on failure before the switch, the
        journal carries on with the old key."""
        settings = self.settings
        try:
            rekey.prepare(con, new_key, settings.db_path, settings.header_path, header)
            engine.checkpoint(con)
            con.close()
            self._con = None
            rekey.switch(settings.db_path, settings.header_path)
        except BaseException:
            if self._con is None:  # not switched: carry on with the old key
                self._con = engine.open_database(settings.db_path, self._key)
            raise


def carries_header(folder: Path, header: bytes) -> bool:
    """True when the backup in `folder` carries exactly this header (so the same key)."""
    try:
        return (folder / HEADER_NAME).read_bytes() == header
    except OSError:
        return False


def _build(path: Path, data_key: bytearray, settings: Settings) -> None:
    """The schema and the journal's facts, in the empty file at `path`."""
    con = engine.create_database(path, data_key)
    try:
        migrations.migrate(con)
        with engine.transaction(con):
            store.set_meta(con, _meta_facts(con, settings, clock.now_utc()))
    finally:
        con.close()


def _identity(settings: Settings) -> Identity:
    found: list[tuple[int, int] | None] = []
    for path in (settings.db_path, settings.header_path):
        try:
            info = path.stat()
        except OSError:
            found.append(None)
            continue
        found.append((info.st_dev, info.st_ino))
    return tuple(found)


def _tidy(settings: Settings) -> None:
    """At each open: leftovers of killed commands go, and older journals become private."""
    for stale in keys.stale_temp_headers(settings.header_path):
        stale.unlink(missing_ok=True)  # a header write killed before its rename
    files.sweep_scratch(settings)
    db = settings.db_path
    for path in (db, settings.header_path, *(db.with_name(db.name + s) for s in ("-wal", "-shm"))):
        private_files.tighten(path)


def _kdf_facts(settings: Settings) -> dict[str, str]:
    kdf = settings.kdf
    return {
        "kdf": "argon2id",
        "kdf_m_kib": str(kdf.m_kib),
        "kdf_t": str(kdf.t),
        "kdf_p": str(kdf.p),
    }


def _meta_facts(con: Connection, settings: Settings, now: datetime) -> dict[str, str]:
    facts = {"created_utc": clock.to_utc_text(now), "created_by": f"tidewise {__version__}"}
    return facts | _kdf_facts(settings) | engine.cipher_facts(con)

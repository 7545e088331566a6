"""Connections: PRAGMAs on every connection, and every kind of damage told apart."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tidewise.errors import DamagedJournalError
from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.settings import Settings
from tidewise.storage import engine, keys


@pytest.fixture
def closed_journal(fresh_journal: Journal) -> Settings:
    for number in range(30):
        fresh_journal.write(f"Entry {number}. " + "the tide goes out " * 40, analysis=Analysis.OFF)
    fresh_journal.close()
    return fresh_journal.settings


def _key(settings: Settings, passphrase: str) -> bytearray:
    return keys.unwrap(keys.read_header(settings.header_path), passphrase)


def test_every_connection_gets_the_security_pragmas(
    closed_journal: Settings, passphrase: str
) -> None:
    con = engine.open_database(closed_journal.db_path, _key(closed_journal, passphrase))
    try:
        assert con.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        options = {row[0] for row in con.execute("PRAGMA compile_options")}
        assert "TEMP_STORE=2" in options
        assert "ENABLE_FTS5" in options
        assert con.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    finally:
        con.close()


def test_database_file_does_not_start_like_plain_sqlite(closed_journal: Settings) -> None:
    assert not closed_journal.db_path.read_bytes().startswith(b"SQLite format 3")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_damaged_and_untouched(settings: Settings, passphrase: str) -> None:
    before = _files(settings.home)
    with pytest.raises(DamagedJournalError) as caught:
        Journal.open(settings, passphrase)
    assert caught.value.exit_code == 3
    assert _files(settings.home) == before  # no new file, no changed byte


def test_truncated_database_is_damaged(closed_journal: Settings, passphrase: str) -> None:
    data = closed_journal.db_path.read_bytes()
    closed_journal.db_path.write_bytes(data[: len(data) // 2])
    _assert_damaged_and_untouched(closed_journal, passphrase)


@pytest.mark.parametrize("size", [0, 1000, 4095])
def test_tiny_database_is_damaged(closed_journal: Settings, passphrase: str, size: int) -> None:
    closed_journal.db_path.write_bytes(b"\0" * size)
    _assert_damaged_and_untouched(closed_journal, passphrase)


def test_garbage_database_is_damaged(closed_journal: Settings, passphrase: str) -> None:
    closed_journal.db_path.write_bytes(random.Random(7).randbytes(64 * 1024))
    _assert_damaged_and_untouched(closed_journal, passphrase)


def test_damaged_page_is_damaged(closed_journal: Settings, passphrase: str) -> None:
    data = bytearray(closed_journal.db_path.read_bytes())
    data[4096 * 3 + 100 : 4096 * 3 + 120] = b"\x00" * 20
    closed_journal.db_path.write_bytes(bytes(data))
    _assert_damaged_and_untouched(closed_journal, passphrase)


def test_missing_database_is_damaged_and_not_recreated(
    closed_journal: Settings, passphrase: str
) -> None:
    closed_journal.db_path.unlink()
    _assert_damaged_and_untouched(closed_journal, passphrase)
    assert not closed_journal.db_path.exists()


def test_missing_header_is_damaged(closed_journal: Settings, passphrase: str) -> None:
    closed_journal.header_path.unlink()
    _assert_damaged_and_untouched(closed_journal, passphrase)


def test_garbled_header_is_damaged(closed_journal: Settings, passphrase: str) -> None:
    closed_journal.header_path.write_bytes(b'{"format": 1, "kdf": "argon2id"')
    _assert_damaged_and_untouched(closed_journal, passphrase)


def test_header_from_another_journal_is_damage(
    closed_journal: Settings, passphrase: str, tmp_path: Path
) -> None:
    other = Journal.create(Settings(home=tmp_path / "other", kdf=closed_journal.kdf), passphrase)
    other.close()
    shutil.copyfile(other.settings.header_path, closed_journal.header_path)
    _assert_damaged_and_untouched(closed_journal, passphrase)


def test_every_random_bit_flip_is_detected(
    closed_journal: Settings, passphrase: str, tmp_path: Path
) -> None:
    original = closed_journal.db_path.read_bytes()
    key = _key(closed_journal, passphrase)
    rng = random.Random(2024)
    copy = tmp_path / "flipped.db"
    for _ in range(60):
        flipped = bytearray(original)
        position = rng.randrange(len(flipped))
        flipped[position] ^= 1 << rng.randrange(8)
        copy.write_bytes(bytes(flipped))
        with pytest.raises(DamagedJournalError):
            engine.open_database(copy, key).close()


def test_transaction_rolls_back_on_error(fresh_journal: Journal) -> None:
    before = fresh_journal.logical_hash()
    with fresh_journal._connection() as con, pytest.raises(RuntimeError):
        with engine.transaction(con):
            con.execute("INSERT INTO meta (key, value) VALUES ('half-done', 'x')")
            raise RuntimeError("stop")
    assert fresh_journal.logical_hash() == before
    with fresh_journal._connection() as con:
        assert con.execute("SELECT count(*) FROM meta WHERE key = 'half-done'").fetchone()[0] == 0

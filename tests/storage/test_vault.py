"""The vault: a journal's two files and its data key. A journal is made whole or not at
all, and every data key the vault lets go of (closed, failed, replaced) is zeroed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidewise import crypto
from tidewise.errors import DamagedJournalError, DiskFullError, JournalBusyError, LockedError
from tidewise.settings import Settings
from tidewise.storage import keys, migrations, store
from tidewise.storage.vault import Vault

NEW = "a brand new passphrase"


def _keys_handed_out(monkeypatch: pytest.MonkeyPatch) -> list[bytearray]:
    """Every data key made or unwrapped from here on, kept so a test can look at it later."""
    seen: list[bytearray] = []
    make, unwrap = crypto.new_data_key, keys.unwrap

    def made() -> bytearray:
        seen.append(make())
        return seen[-1]

    def unwrapped(header: keys.Header, passphrase: str) -> bytearray:
        seen.append(unwrap(header, passphrase))
        return seen[-1]

    monkeypatch.setattr(crypto, "new_data_key", made)
    monkeypatch.setattr(keys, "unwrap", unwrapped)
    return seen


def _zeroed(key: bytearray) -> bool:
    return len(key) == crypto.KEY_BYTES and not any(key)


def _leftovers(home: Path) -> list[str]:
    return sorted(p.name for p in home.iterdir()) if home.exists() else []


def test_close_zeroes_the_key_and_later_use_is_refused(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _keys_handed_out(monkeypatch)
    made = Vault.create(settings, passphrase)
    made.close()
    opened = Vault.open(settings, passphrase)
    assert opened.connection() is not None
    opened.close()
    opened.close()  # safe twice
    assert len(seen) == 2 and all(_zeroed(key) for key in seen)
    assert opened.closed
    with pytest.raises(LockedError):
        opened.connection()


def test_a_make_that_fails_leaves_no_journal_and_zeroes_the_key(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _keys_handed_out(monkeypatch)

    def disk_full(path: Path, header: keys.Header) -> None:
        raise DiskFullError

    monkeypatch.setattr(keys, "write_header", disk_full)
    with pytest.raises(DiskFullError):
        Vault.create(settings, passphrase)
    assert not Vault.exists(settings)
    assert _leftovers(settings.home) == []  # the temp database went too
    assert len(seen) == 1 and _zeroed(seen[0])
    monkeypatch.undo()
    Vault.create(settings, passphrase).close()  # nothing left behind stands in the way


def test_an_open_that_fails_after_unwrapping_zeroes_the_key(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(settings, passphrase).close()
    seen = _keys_handed_out(monkeypatch)

    def damaged(con: object) -> None:
        raise DamagedJournalError

    monkeypatch.setattr(migrations, "migrate", damaged)
    with pytest.raises(DamagedJournalError):
        Vault.open(settings, passphrase)
    assert len(seen) == 1 and _zeroed(seen[0])


def test_a_refused_change_zeroes_the_new_key_and_keeps_the_old_one(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(settings, passphrase).close()
    held = Vault.open(settings, passphrase)
    other = Vault.open(settings, passphrase)  # a second window keeps the journal busy
    seen = _keys_handed_out(monkeypatch)
    try:
        with pytest.raises(JournalBusyError):
            held.change_passphrase(passphrase, NEW)
        # The old passphrase's key was checked then zeroed; the new key made, then zeroed.
        assert len(seen) == 2 and all(_zeroed(key) for key in seen)
        assert store.count(held.connection()) == 0  # still open, under the old key
        assert held.files_unchanged()
    finally:
        other.close()
        held.close()


def test_a_change_replaces_the_key_and_names_the_header_it_replaced(
    settings: Settings, passphrase: str
) -> None:
    Vault.create(settings, passphrase).close()
    before = settings.header_path.read_bytes()
    held = Vault.open(settings, passphrase)
    try:
        assert held.change_passphrase(passphrase, NEW) == before
        assert held.files_unchanged()  # its own new files are not someone else's
        assert store.count(held.connection()) == 0
    finally:
        held.close()
    Vault.open(settings, NEW).close()

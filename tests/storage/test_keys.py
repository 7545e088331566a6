"""Keys and the header file: round trip, unique salt, wrong key vs damage, atomic writes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidewise.errors import DamagedJournalError, InputError, WrongPassphraseError
from tidewise.settings import DEFAULT_KDF, TEST_KDF
from tidewise.storage import keys


def test_wrapped_key_round_trips_with_the_right_passphrase() -> None:
    data_key = keys.new_data_key()
    header = keys.wrap(data_key, "tide and moon", TEST_KDF)
    assert keys.unwrap(header, "tide and moon") == data_key


def test_wrong_passphrase_raises_wrong_passphrase_not_damage() -> None:
    header = keys.wrap(keys.new_data_key(), "right", TEST_KDF)
    with pytest.raises(WrongPassphraseError) as caught:
        keys.unwrap(header, "wrong")
    assert caught.value.exit_code == 2


def test_every_wrap_uses_a_new_salt_and_nonce() -> None:
    data_key = keys.new_data_key()
    first, second = (keys.wrap(data_key, "same", TEST_KDF) for _ in range(2))
    assert first.salt != second.salt
    assert first.wrapped_key != second.wrapped_key


def test_header_round_trips_through_its_file(tmp_path: Path) -> None:
    header = keys.wrap(keys.new_data_key(), "pw", TEST_KDF)
    path = tmp_path / "journal.header"
    keys.write_header(path, header)
    assert keys.read_header(path) == header
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert keys.stale_temp_headers(path) == []


def test_header_holds_kdf_parameters_and_no_key(tmp_path: Path) -> None:
    data_key = keys.new_data_key()
    path = tmp_path / "journal.header"
    keys.write_header(path, keys.wrap(data_key, "pw", TEST_KDF))
    fields = json.loads(path.read_text())
    assert (fields["kdf"], fields["m_kib"], fields["t"], fields["p"]) == ("argon2id", 8, 1, 1)
    assert bytes(data_key) not in path.read_bytes()
    assert bytes(data_key).hex().encode() not in path.read_bytes()


@pytest.mark.parametrize(
    "change",
    [
        lambda f: f.update(m_kib=f["m_kib"] + 1),
        lambda f: f.update(salt="AAAAAAAAAAAAAAAAAAAAAA=="),
        lambda f: f.update(format=2),
        lambda f: f.update(kdf="scrypt"),
        lambda f: f.pop("sha256"),
        lambda f: f.pop("wrapped_key"),
    ],
)
def test_edited_header_is_damage_not_a_wrong_passphrase(tmp_path: Path, change: object) -> None:
    path = tmp_path / "journal.header"
    keys.write_header(path, keys.wrap(keys.new_data_key(), "pw", TEST_KDF))
    fields = json.loads(path.read_text())
    change(fields)  # type: ignore[operator]
    path.write_text(json.dumps(fields))
    with pytest.raises(DamagedJournalError):
        keys.read_header(path)


@pytest.mark.parametrize("blob", [b"", b"{", b"[]", b"\xff\xfe garbage", b"x" * 70_000, b"null"])
def test_garbled_header_is_damage(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "journal.header"
    path.write_bytes(blob)
    with pytest.raises(DamagedJournalError):
        keys.read_header(path)


def test_missing_header_is_damage(tmp_path: Path) -> None:
    with pytest.raises(DamagedJournalError, match="missing"):
        keys.read_header(tmp_path / "journal.header")


def test_passphrase_is_nfc_normalised() -> None:
    composed = unicodedata.normalize("NFC", "café")
    decomposed = unicodedata.normalize("NFD", "café")
    assert composed != decomposed
    data_key = keys.new_data_key()
    assert keys.unwrap(keys.wrap(data_key, composed, TEST_KDF), decomposed) == data_key


def test_lone_surrogate_passphrase_is_an_input_error() -> None:
    with pytest.raises(InputError):
        keys.normalize_passphrase("abc\ud800")


def test_zero_wipes_a_key_buffer() -> None:
    buffer = keys.new_data_key()
    keys.zero(buffer)
    assert buffer == bytearray(keys.KEY_BYTES)


def test_default_profile_derives_a_key_and_round_trips() -> None:
    data_key = keys.new_data_key()
    header = keys.wrap(data_key, "the real cost", DEFAULT_KDF)
    assert header.kdf == DEFAULT_KDF
    assert keys.unwrap(header, "the real cost") == data_key


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.text(min_size=1, max_size=64),
        st.sampled_from(["it's", 'say "hi"', "back\\slash", "🌊🌙", "x" * 1024, "' OR 1=1 --"]),
    )
)
def test_any_passphrase_round_trips(passphrase: str) -> None:
    try:
        keys.normalize_passphrase(passphrase)
    except InputError:
        return  # lone surrogates: rejected with a clear message, tested above
    data_key = keys.new_data_key()
    assert keys.unwrap(keys.wrap(data_key, passphrase, TEST_KDF), passphrase) == data_key

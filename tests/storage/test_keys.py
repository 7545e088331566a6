"""Keys and the header file: round trip, unique salt, wrong key vs damage, atomic writes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidewise import crypto
from tidewise.errors import DamagedJournalError, InputError, WrongPassphraseError
from tidewise.settings import DEFAULT_KDF, TEST_KDF
from tidewise.storage import keys


def test_wrapped_key_round_trips_with_the_right_passphrase() -> None:
    data_key = crypto.new_data_key()
    header = keys.wrap(data_key, "tide and moon", TEST_KDF)
    assert keys.unwrap(header, "tide and moon") == data_key


def test_wrong_passphrase_raises_wrong_passphrase_not_damage() -> None:
    header = keys.wrap(crypto.new_data_key(), "right", TEST_KDF)
    with pytest.raises(WrongPassphraseError) as caught:
        keys.unwrap(header, "wrong")
    assert caught.value.exit_code == 2


def test_every_wrap_uses_a_new_salt_and_nonce() -> None:
    data_key = crypto.new_data_key()
    first, second = (keys.wrap(data_key, "same", TEST_KDF) for _ in range(2))
    assert first.salt != second.salt
    assert first.wrapped_key != second.wrapped_key


def test_header_round_trips_through_its_file(tmp_path: Path) -> None:
    header = keys.wrap(crypto.new_data_key(), "pw", TEST_KDF)
    path = tmp_path / "journal.header"
    keys.write_header(path, header)
    assert keys.read_header(path) == header
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert keys.stale_temp_headers(path) == []


def test_header_holds_kdf_parameters_and_no_key(tmp_path: Path) -> None:
    data_key = crypto.new_data_key()
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
    keys.write_header(path, keys.wrap(crypto.new_data_key(), "pw", TEST_KDF))
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
    data_key = crypto.new_data_key()
    assert keys.unwrap(keys.wrap(data_key, composed, TEST_KDF), decomposed) == data_key


def test_lone_surrogate_passphrase_is_an_input_error() -> None:
    with pytest.raises(InputError):
        crypto.normalize_passphrase("abc\ud800")


def test_zero_wipes_a_key_buffer() -> None:
    buffer = crypto.new_data_key()
    crypto.zero(buffer)
    assert buffer == bytearray(crypto.KEY_BYTES)


def test_default_profile_derives_a_key_and_round_trips() -> None:
    data_key = crypto.new_data_key()
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
        crypto.normalize_passphrase(passphrase)
    except InputError:
        return  # lone surrogates: rejected with a clear message, tested above
    data_key = crypto.new_data_key()
    assert keys.unwrap(keys.wrap(data_key, passphrase, TEST_KDF), passphrase) == data_key


def _header_with(tmp_path: Path, **costs: int) -> Path:
    """A header whose checksum is right but whose Argon2 costs are `costs`."""
    header = keys.wrap(crypto.new_data_key(), "pw", TEST_KDF)
    fields = header.fields() | costs
    fields["sha256"] = keys._checksum(fields)
    path = tmp_path / "journal.header"
    path.write_text(json.dumps(fields))
    return path


@pytest.mark.parametrize(
    "costs",
    [
        {"t": 100_000},
        {"t": crypto.MAX_T + 1},
        {"m_kib": crypto.MAX_M_KIB + 1},
        {"m_kib": 64 * 1024 * 1024},  # 64 GiB
        {"p": crypto.MAX_P + 1, "m_kib": 65536},
        {"m_kib": crypto.MAX_M_KIB, "t": 5},  # each alone allowed, together too much work
        {"m_kib": 8, "p": 2},  # fewer than 8 KiB per lane: Argon2 itself would fail
    ],
)
def test_header_asking_too_much_of_argon2_is_damage_and_never_runs(
    tmp_path: Path, costs: dict[str, int]
) -> None:
    path = _header_with(tmp_path, **costs)
    before = crypto.THROTTLE.most_running
    crypto.THROTTLE.most_running = 0
    try:
        with pytest.raises(DamagedJournalError) as caught:
            keys.unwrap(keys.read_header(path), "pw")
        assert caught.value.exit_code == 3
        assert crypto.THROTTLE.most_running == 0  # no derivation was started
    finally:
        crypto.THROTTLE.most_running = before


def test_the_caps_admit_every_profile_tidewise_writes() -> None:
    from tidewise.settings import KdfProfile

    strong = KdfProfile(m_kib=256 * 1024, t=3, p=1)
    for kdf in (DEFAULT_KDF, TEST_KDF, strong, KdfProfile(m_kib=crypto.MAX_M_KIB, t=4, p=8)):
        assert crypto.kdf_within_limits(kdf)


def test_concurrent_wrong_unlocks_never_derive_two_keys_at_once() -> None:
    import threading

    from tidewise.settings import KdfProfile

    header = keys.wrap(crypto.new_data_key(), "the right one", KdfProfile(m_kib=1024, t=1, p=1))
    throttle = crypto.THROTTLE
    saved = (throttle.base_s, throttle.cap_s, throttle.most_running)
    throttle.base_s, throttle.cap_s, throttle.most_running = 0.001, 0.01, 0
    outcomes: list[str] = []

    def attempt(number: int) -> None:
        try:
            keys.unwrap(header, f"guess {number}")
        except WrongPassphraseError:
            outcomes.append("wrong")

    try:
        threads = [threading.Thread(target=attempt, args=(n,)) for n in range(24)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert outcomes == ["wrong"] * 24
        assert throttle.most_running == 1
        assert throttle.failures == 24
    finally:
        throttle.base_s, throttle.cap_s, throttle.most_running = saved


def test_each_failed_unlock_makes_the_next_one_wait_longer() -> None:
    import time

    throttle = crypto.Throttle(base_s=0.05, cap_s=0.2)
    waits = []
    for _ in range(5):
        waits.append(throttle.wait_s())
        throttle.failed()
    assert waits == [0.0, 0.05, 0.1, 0.2, 0.2]
    started = time.monotonic()
    with throttle.derivation():
        pass
    assert time.monotonic() - started >= 0.2  # the wait happens before deriving
    throttle.succeeded()
    assert throttle.wait_s() == 0.0


def test_a_right_unlock_resets_the_count(tmp_path: Path) -> None:
    header = keys.wrap(crypto.new_data_key(), "right", TEST_KDF)
    with pytest.raises(WrongPassphraseError):
        keys.unwrap(header, "wrong")
    assert crypto.THROTTLE.failures == 1
    keys.unwrap(header, "right")
    assert crypto.THROTTLE.failures == 0


def test_parallel_wrong_unlocks_stay_within_one_derivations_memory(tmp_path: Path) -> None:
    """A real process: 16 threads of wrong unlocks at 64 MiB each; peak memory grows by
    about one derivation, not sixteen (the issue measured 2.6 GB for 60)."""
    import subprocess
    import sys

    script = """
import resource, threading
from tidewise.settings import KdfProfile
from tidewise import crypto
from tidewise.storage import keys
from tidewise.errors import WrongPassphraseError
crypto.THROTTLE.base_s = 0.0
header = keys.wrap(crypto.new_data_key(), "right", KdfProfile(m_kib=65536, t=1, p=1))
keys.unwrap(header, "right")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def guess(n):
    try:
        keys.unwrap(header, f"guess {n}")
    except WrongPassphraseError:
        pass
threads = [threading.Thread(target=guess, args=(n,)) for n in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    grown_kib = int(done.stdout.strip())
    assert grown_kib < 64 * 1024  # past the first derivation's 64 MiB, almost nothing more

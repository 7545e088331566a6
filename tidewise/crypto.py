"""Key derivation and AES-GCM: the one place Tidewise turns a passphrase into a key.

A leaf: it knows nothing of files or formats. `storage/keys.py` builds the journal's
header on top of it, and `formats/sealed.py` the encrypted export's envelope, so both
share the same Argon2id limits, the same one-at-a-time throttle and the same key hygiene.

Key derivation is bounded twice over. The Argon2 costs a header or an export asks for must
stay under the caps below (a hostile or damaged file could otherwise hang every command or
take gigabytes of memory), and a process runs one derivation at a time, waiting longer
after each failed unlock (`Throttle`), so neither parallel nor repeated guessing is cheap.
Keys live in `bytearray`s so they can be zeroed (best effort: the `str` passphrase itself
cannot be wiped). The native libraries are imported only when a key is derived or used.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
import unicodedata
from collections.abc import Iterator
from typing import Any

from tidewise.errors import DamagedJournalError, InputError
from tidewise.settings import KdfProfile

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
# Argon2's own minimum memory; a header asking for less was not written by Tidewise.
MIN_M_KIB = 8
# Upper bounds on what a header (or a sealed export) may ask of Argon2id. Tidewise
# writes 64 MiB, 3 passes, 2 lanes; the "strong" profile is 256 MiB, 3 passes.
# - memory: 1 GiB, four times the strong profile; more makes an ordinary laptop swap.
# - passes: 10 (64 MiB x 10 passes is about half a second on the reference machine).
# - lanes: 8; more lanes than a personal machine has cores buys nothing.
# - work, memory x passes: 4 GiB-passes, so the slowest header allowed costs about what
#   1 GiB at 4 passes costs (4.1 s measured), never minutes.
# A header above any of them is reported as damaged and never run.
MAX_M_KIB = 1024 * 1024
MAX_T = 10
MAX_P = 8
MAX_WORK_KIB = 4 * 1024 * 1024


class Mismatch(Exception):
    """AES-GCM refused: a wrong key, or bytes that were changed. Never says which."""


def kdf_within_limits(kdf: KdfProfile) -> bool:
    """True when Argon2id can run these costs safely (and Argon2 itself accepts them)."""
    return (
        MIN_M_KIB <= kdf.m_kib <= MAX_M_KIB
        and 1 <= kdf.t <= MAX_T
        and 1 <= kdf.p <= MAX_P
        and kdf.m_kib >= 8 * kdf.p  # Argon2 needs 8 KiB per lane
        and kdf.m_kib * kdf.t <= MAX_WORK_KIB
    )


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC-normalise and encode, so the same passphrase typed any way gives the same key."""
    try:
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        msg = "The passphrase contains characters that are not valid text."
        raise InputError(msg) from None


class Throttle:
    """One key derivation at a time in this process, and a growing wait after failures.

    Every Argon2id run (unlock, passphrase change, sealed export) takes the lock, so 60
    parallel unlock attempts cost one derivation's memory, not 60. After `n` failed
    unlocks in a row the next derivation first waits `base_s * 2**(n-1)` seconds (at most
    `cap_s`), inside the lock: guesses queue up instead of running side by side. A
    successful unlock resets the count. The CLI is a new process per command, so this
    mostly guards the long-running web server; Argon2id's cost guards both.
    """

    def __init__(self, base_s: float = 0.25, cap_s: float = 8.0) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self.failures = 0
        self.lock = threading.Lock()
        self.running = 0  # derivations in progress (never above 1; tests read it)
        self.most_running = 0

    def wait_s(self) -> float:
        if self.failures <= 0:
            return 0.0
        return float(min(self.cap_s, self.base_s * 2 ** min(self.failures - 1, 30)))

    @contextlib.contextmanager
    def derivation(self) -> Iterator[None]:
        with self.lock:
            time.sleep(self.wait_s())
            self.running += 1
            self.most_running = max(self.most_running, self.running)
            try:
                yield
            finally:
                self.running -= 1

    def failed(self) -> None:
        self.failures += 1

    def succeeded(self) -> None:
        self.failures = 0


THROTTLE = Throttle()


def derive_kek(passphrase: str, salt: bytes, kdf: KdfProfile) -> bytearray:
    """Argon2id(passphrase, salt) -> 32-byte key-encryption key, one at a time."""
    from argon2.low_level import Type, hash_secret_raw  # 26 ms import: only when unlocking

    if not kdf_within_limits(kdf):
        raise DamagedJournalError  # never run costs a header should not ask for
    secret = normalize_passphrase(passphrase)
    with THROTTLE.derivation():
        raw = hash_secret_raw(
            secret,
            salt,
            time_cost=kdf.t,
            memory_cost=kdf.m_kib,
            parallelism=kdf.p,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    return bytearray(raw)


def zero(buffer: bytearray) -> None:
    """Overwrite a key buffer in place (best effort; Python may hold other copies)."""
    for index in range(len(buffer)):
        buffer[index] = 0


def new_data_key() -> bytearray:
    return bytearray(secrets.token_bytes(KEY_BYTES))


def _aesgcm(key: bytearray) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only when unlocking

    return AESGCM(bytes(key))


def seal(key: bytearray, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """AES-256-GCM under a fresh random nonce: (nonce, ciphertext with its tag)."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, _aesgcm(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytearray, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    """The plaintext, or Mismatch: nothing is ever half-decrypted."""
    from cryptography.exceptions import InvalidTag

    try:
        return bytes(_aesgcm(key).decrypt(nonce, sealed, aad))
    except InvalidTag:
        raise Mismatch from None

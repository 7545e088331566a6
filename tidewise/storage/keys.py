"""Keys: Argon2id, the envelope header file, and key hygiene. Never prompts.

The journal is encrypted with a random 32-byte *data key*, used as SQLCipher's raw key.
The header file beside the database holds that data key wrapped (AES-GCM) by a
*key-encryption key* derived from the passphrase with Argon2id. A passphrase change
makes a new data key and re-encrypts the database (storage/rekey.py), so an old header
and the old passphrase open nothing current.

Key derivation is bounded twice over. A header's Argon2 costs must stay under the caps
below (a hostile or damaged header could otherwise hang every command or take gigabytes
of memory), and a process runs one derivation at a time, waiting longer after each
failed unlock (`Throttle`), so neither parallel nor repeated guessing is cheap.

The header also carries a sha256 of its own other fields: a damaged header is then
reported as damage (exit 3), never as a wrong passphrase (exit 2). Keys live in
`bytearray`s and are zeroed when the journal closes (best effort: the `str` passphrase
itself cannot be wiped).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import secrets
import threading
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidewise.errors import DamagedJournalError, InputError, WrongPassphraseError
from tidewise.settings import KdfProfile

HEADER_FORMAT = 1
KDF_NAME = "argon2id"
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
WRAP_AAD = b"tidewise-header-v1"
CIPHER = "sqlcipher4-raw-key"
# A header is a few hundred bytes; anything much larger is not ours.
MAX_HEADER_BYTES = 64 * 1024
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
DB_SALT_BYTES = 16


def kdf_within_limits(kdf: KdfProfile) -> bool:
    """True when Argon2id can run these costs safely (and Argon2 itself accepts them)."""
    return (
        MIN_M_KIB <= kdf.m_kib <= MAX_M_KIB
        and 1 <= kdf.t <= MAX_T
        and 1 <= kdf.p <= MAX_P
        and kdf.m_kib >= 8 * kdf.p  # Argon2 needs 8 KiB per lane
        and kdf.m_kib * kdf.t <= MAX_WORK_KIB
    )


@dataclass(frozen=True)
class Header:
    """The header file's content. Holds no secret: the data key is wrapped."""

    kdf: KdfProfile
    salt: bytes
    wrapped_key: bytes  # 12-byte nonce + ciphertext + 16-byte tag
    # The first 16 bytes (SQLCipher's salt) of the database this header was made for.
    # Written by a re-keying passphrase change, so a crash can be finished without
    # a passphrase: the database file in place tells which header belongs to it.
    db_salt: bytes | None = None

    def fields(self) -> dict[str, Any]:
        fields = {
            "format": HEADER_FORMAT,
            "kdf": KDF_NAME,
            "m_kib": self.kdf.m_kib,
            "t": self.kdf.t,
            "p": self.kdf.p,
            "cipher": CIPHER,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "wrapped_key": base64.b64encode(self.wrapped_key).decode("ascii"),
        }
        if self.db_salt is not None:
            fields["db_salt"] = base64.b64encode(self.db_salt).decode("ascii")
        return fields

    def to_bytes(self) -> bytes:
        fields = self.fields()
        fields["sha256"] = _checksum(fields)
        return (json.dumps(fields, indent=1, sort_keys=True) + "\n").encode("ascii")


def _checksum(fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


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


def _aesgcm(kek: bytearray) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only when unlocking

    return AESGCM(bytes(kek))


def wrap(
    data_key: bytearray, passphrase: str, kdf: KdfProfile, *, db_salt: bytes | None = None
) -> Header:
    """A fresh header for `data_key` under `passphrase`, with a new random salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    kek = derive_kek(passphrase, salt, kdf)
    try:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = _aesgcm(kek).encrypt(nonce, bytes(data_key), WRAP_AAD)
    finally:
        zero(kek)
    return Header(kdf=kdf, salt=salt, wrapped_key=nonce + sealed, db_salt=db_salt)


def unwrap(header: Header, passphrase: str) -> bytearray:
    """The data key, or WrongPassphraseError. Touches nothing on disk."""
    from cryptography.exceptions import InvalidTag

    kek = derive_kek(passphrase, header.salt, header.kdf)
    try:
        nonce, sealed = header.wrapped_key[:NONCE_BYTES], header.wrapped_key[NONCE_BYTES:]
        key = bytearray(_aesgcm(kek).decrypt(nonce, sealed, WRAP_AAD))
    except InvalidTag:
        THROTTLE.failed()
        raise WrongPassphraseError from None
    finally:
        zero(kek)
    THROTTLE.succeeded()
    if len(key) != KEY_BYTES:
        raise DamagedJournalError
    return key


def parse_header(blob: bytes) -> Header:
    """Parse and verify header bytes; anything unexpected is damage, never a wrong key."""
    try:
        fields = json.loads(blob.decode("ascii"))
        if not isinstance(fields, dict):
            raise DamagedJournalError
        claimed = fields.pop("sha256")
        if fields.get("format") != HEADER_FORMAT or fields.get("kdf") != KDF_NAME:
            raise DamagedJournalError
        if claimed != _checksum(fields):
            raise DamagedJournalError
        kdf = KdfProfile(m_kib=int(fields["m_kib"]), t=int(fields["t"]), p=int(fields["p"]))
        salt = base64.b64decode(fields["salt"], validate=True)
        wrapped = base64.b64decode(fields["wrapped_key"], validate=True)
        db_salt = fields.get("db_salt")
        db_salt = None if db_salt is None else base64.b64decode(db_salt, validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise DamagedJournalError from None
    if len(salt) != SALT_BYTES or len(wrapped) != NONCE_BYTES + KEY_BYTES + 16:
        raise DamagedJournalError
    if db_salt is not None and len(db_salt) != DB_SALT_BYTES:
        raise DamagedJournalError
    if not kdf_within_limits(kdf):
        raise DamagedJournalError  # checked before any Argon2 run: a hostile header never runs
    return Header(kdf=kdf, salt=salt, wrapped_key=wrapped, db_salt=db_salt)


def read_header(path: Path) -> Header:
    try:
        with path.open("rb") as handle:
            blob = handle.read(MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        msg = (
            "The journal's key header file is missing; nothing was changed. "
            "Restore it from a backup."
        )
        raise DamagedJournalError(msg) from None
    if len(blob) > MAX_HEADER_BYTES:
        raise DamagedJournalError
    return parse_header(blob)


def write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, os.replace, fsync the folder."""
    from tidewise.errors import from_os_error

    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(fd, 0o600)  # whatever the umask
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as err:  # a full disk or a read-only folder: the old file is untouched
        raise from_os_error(err, journal=True) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_header(path: Path, header: Header) -> None:
    write_atomically(path, header.to_bytes())


def stale_temp_headers(path: Path) -> list[Path]:
    """Temp files left by a header write that was killed before its rename."""
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


class EarlyUnlock:
    """Unwraps the data key in a background thread, started before it is needed.

    Argon2id dominates a CLI command's cost, and argon2-cffi releases the GIL, so the
    CLI starts it while Typer is still starting up. `key()` then gives exactly what
    `unwrap(read_header(path), passphrase)` would, errors included; `matches()` makes
    sure the result is only used for the same header file, bytes and passphrase.
    """

    def __init__(self, header_path: Path, passphrase: str) -> None:
        import atexit
        import threading

        self.header_path = header_path
        self._secret = hashlib.sha256(normalize_passphrase(passphrase)).digest()
        self._blob = b""
        self._key: bytearray | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(passphrase,), name="tidewise-early-unlock", daemon=True
        )
        self._thread.start()
        atexit.register(self.discard)

    def _run(self, passphrase: str) -> None:
        try:
            self._blob = self.header_path.read_bytes()
            self._key = unwrap(parse_header(self._blob), passphrase)
        except BaseException as error:  # re-raised by key(), in the caller's thread
            self._error = error

    def matches(self, header_path: Path, passphrase: str) -> bool:
        self._thread.join()
        if header_path.resolve() != self.header_path.resolve():
            return False
        try:
            same_header = header_path.read_bytes() == self._blob
        except OSError:
            return False
        digest = hashlib.sha256(normalize_passphrase(passphrase)).digest()
        return same_header and secrets.compare_digest(digest, self._secret)

    def key(self) -> bytearray:
        """The data key (a copy; the caller owns and zeroes it), or the unwrap's error."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._key is not None
        return bytearray(self._key)

    def discard(self) -> None:
        self._thread.join()
        if self._key is not None:
            zero(self._key)

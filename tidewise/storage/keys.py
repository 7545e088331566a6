"""Keys: Argon2id, the envelope header file, and key hygiene. Never prompts.

The journal is encrypted with a random 32-byte *data key*, used as SQLCipher's raw key.
The header file beside the database holds that data key wrapped (AES-GCM) by a
*key-encryption key* derived from the passphrase with Argon2id. A passphrase change
makes a new data key and re-encrypts the database (storage/rekey.py), so an old header
and the old passphrase open nothing current.

Argon2id, AES-GCM, their limits and the throttle on guessing live in `tidewise/crypto.py`;
this module is the header format on top of them.

The header also carries a sha256 of its own other fields: a damaged header is then
reported as damage (exit 3), never as a wrong passphrase (exit 2). Keys live in
`bytearray`s and are zeroed when the journal closes (best effort: the `str` passphrase
itself cannot be wiped).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidewise import crypto, durable
from tidewise.crypto import KEY_BYTES, NONCE_BYTES
from tidewise.errors import DamagedJournalError, WrongPassphraseError
from tidewise.settings import KdfProfile

HEADER_FORMAT = 1
KDF_NAME = "argon2id"
WRAP_AAD = b"tidewise-header-v1"
CIPHER = "sqlcipher4-raw-key"
# A header is a few hundred bytes; anything much larger is not ours.
MAX_HEADER_BYTES = 64 * 1024
SALT_BYTES = 16
DB_SALT_BYTES = 16


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


def wrap(
    data_key: bytearray, passphrase: str, kdf: KdfProfile, *, db_salt: bytes | None = None
) -> Header:
    """A fresh header for `data_key` under `passphrase`, with a new random salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    kek = crypto.derive_kek(passphrase, salt, kdf)
    try:
        nonce, sealed = crypto.seal(kek, bytes(data_key), WRAP_AAD)
    finally:
        crypto.zero(kek)
    return Header(kdf=kdf, salt=salt, wrapped_key=nonce + sealed, db_salt=db_salt)


def unwrap(header: Header, passphrase: str) -> bytearray:
    """The data key, or WrongPassphraseError. Touches nothing on disk."""
    kek = crypto.derive_kek(passphrase, header.salt, header.kdf)
    nonce, sealed = header.wrapped_key[:NONCE_BYTES], header.wrapped_key[NONCE_BYTES:]
    try:
        key = bytearray(crypto.unseal(kek, nonce, sealed, WRAP_AAD))
    except crypto.Mismatch:
        crypto.THROTTLE.failed()
        raise WrongPassphraseError from None
    finally:
        crypto.zero(kek)
    crypto.THROTTLE.succeeded()
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
    if len(salt) != SALT_BYTES or len(wrapped) != NONCE_BYTES + KEY_BYTES + crypto.TAG_BYTES:
        raise DamagedJournalError
    if db_salt is not None and len(db_salt) != DB_SALT_BYTES:
        raise DamagedJournalError
    if not crypto.kdf_within_limits(kdf):
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


def write_header(path: Path, header: Header) -> None:
    durable.write_atomically(path, header.to_bytes())


def stale_temp_headers(path: Path) -> list[Path]:
    """Temp files left by a header write that was killed before its rename."""
    return durable.stale_temps(path)


class EarlyUnlock:
    """Unwraps the data key in a background thread, started before it is needed.

    Argon2id dominates a CLI command's cost, and argon2-cffi releases the GIL, so the
    CLI starts it while Typer is still starting up. `key()` then gives exactly what
    `unwrap(read_header(path), passphrase)` would, errors included; `matches()` makes
    sure the result is only used for the same header file, bytes and passphrase.
    """

    def __init__(self, header_path: Path, passphrase: str) -> None:
        import atexit

        self.header_path = header_path
        self._secret = hashlib.sha256(crypto.normalize_passphrase(passphrase)).digest()
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
        digest = hashlib.sha256(crypto.normalize_passphrase(passphrase)).digest()
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
            crypto.zero(self._key)

"""Encrypted exports: any export sealed with its own passphrase, and import of them.

The envelope is a small JSON document:

    {"format": "tidewise-encrypted-export", "version": 1, "content": "json",
     "kdf": {"name": "argon2id", "m_kib": 65536, "t": 3, "p": 1},
     "salt": <base64, 16 bytes>, "nonce": <base64, 12 bytes>, "ciphertext": <base64>}

The key is Argon2id(passphrase, salt) with the journal's own KDF code and limits
(tidewise/crypto.py); the export is AES-256-GCM with every field but the ciphertext
and nonce bound in as associated data, so a changed field fails like a wrong
passphrase would, and nothing is ever half-decrypted. The plaintext lives only in
memory: importing never writes a decrypted copy to disk.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from pathlib import Path
from typing import Any

from tidewise import crypto
from tidewise.errors import ExportPassphraseError, ImportFormatError, InputError
from tidewise.formats.archive import field, load_json
from tidewise.formats.base import ImportOptions, ParsedImport, read_head, read_text
from tidewise.settings import KdfProfile

FORMAT = "tidewise-encrypted-export"
VERSION = 1
SALT_BYTES = 16
NONCE_BYTES = crypto.NONCE_BYTES


def _aad(content: str, kdf: KdfProfile, salt: bytes) -> bytes:
    bound = {
        "format": FORMAT,
        "version": VERSION,
        "content": content,
        "kdf": {"name": "argon2id", "m_kib": kdf.m_kib, "t": kdf.t, "p": kdf.p},
        "salt": base64.b64encode(salt).decode("ascii"),
    }
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("ascii")


def seal(plaintext: str, content: str, passphrase: str, kdf: KdfProfile) -> str:
    """The envelope JSON (one document, ending in a newline) holding `plaintext` encrypted."""
    if not passphrase:
        msg = "An encrypted export needs a passphrase."
        raise InputError(msg)
    salt = secrets.token_bytes(SALT_BYTES)
    key = crypto.derive_kek(passphrase, salt, kdf)
    try:
        nonce, sealed = crypto.seal(key, plaintext.encode("utf-8"), _aad(content, kdf, salt))
    finally:
        crypto.zero(key)
    doc = json.loads(_aad(content, kdf, salt))
    doc["nonce"] = base64.b64encode(nonce).decode("ascii")
    doc["ciphertext"] = base64.b64encode(sealed).decode("ascii")
    return json.dumps(doc, indent=1) + "\n"


def _b64(doc: dict[str, Any], key: str, where: str, size: int | None = None) -> bytes:
    try:
        value = base64.b64decode(field(doc, key, str, where, "envelope"), validate=True)
    except (binascii.Error, ValueError):
        raise ImportFormatError(where, f"field {key!r}", "is not base64") from None
    if size is not None and len(value) != size:
        raise ImportFormatError(where, f"field {key!r}", "has the wrong length")
    return value


def _kdf(doc: dict[str, Any], where: str) -> KdfProfile:
    params = field(doc, "kdf", dict, where, "envelope")
    if params.get("name") != "argon2id":
        raise ImportFormatError(where, "field 'kdf'", "names a key derivation we do not use")
    values = [field(params, name, int, where, "field 'kdf'") for name in ("m_kib", "t", "p")]
    kdf = KdfProfile(m_kib=values[0], t=values[1], p=values[2])
    # A hostile file could ask for gigabytes of Argon2 memory or hours of passes: the
    # same caps as the journal header's.
    if not crypto.kdf_within_limits(kdf):
        raise ImportFormatError(where, "field 'kdf'", "asks for costs outside safe limits")
    return kdf


def open_sealed(text: str, passphrase: str, where: str) -> tuple[str, str]:
    """(content format, plaintext) of an envelope; ExportPassphraseError on a wrong key."""
    doc = load_json(text, where)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportFormatError(where, "document", "is not an encrypted Tidewise export")
    if doc.get("version") != VERSION:
        raise ImportFormatError(where, "document", "is from a newer Tidewise; update first")
    content = field(doc, "content", str, where, "envelope")
    kdf = _kdf(doc, where)
    salt = _b64(doc, "salt", where, SALT_BYTES)
    nonce = _b64(doc, "nonce", where, NONCE_BYTES)
    sealed = _b64(doc, "ciphertext", where)
    key = crypto.derive_kek(passphrase, salt, kdf)
    try:
        plain = crypto.unseal(key, nonce, sealed, _aad(content, kdf, salt))
    except crypto.Mismatch:
        raise ExportPassphraseError from None
    finally:
        crypto.zero(key)
    try:
        return content, plain.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFormatError(where, "content", "is not UTF-8 text") from None


class TidewiseEncryptedImporter:
    name = "tidewise-encrypted"
    description = "Tidewise encrypted export (needs its export passphrase)"

    def sniff(self, path: Path) -> bool:
        return f'"{FORMAT}"' in read_head(path, 512)

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        from tidewise.formats.tidewise_json import parse_export_text

        where = str(path)
        if not options.passphrase:
            raise ImportFormatError(where, "file", "is encrypted; give its export passphrase")
        content, plain = open_sealed(read_text(path), options.passphrase, where)
        if content != "json":
            raise ImportFormatError(
                where, "content", f"holds a {content} export, which is for reading, not import"
            )
        return parse_export_text(plain, where)

"""Receiving an import file from the browser without a plaintext copy outside the journal.

Starlette's own form parser spools uploads over 1 MB to the system's temp folder, where
anyone's tools may look; so the upload route reads the multipart body itself, as it
streams in, and writes the file part straight into the journal's private scratch folder
(`<journal>/.scratch`, 0700; storage/files.py) as a 0600 file holding a lock (so the
start-up sweep leaves it alone while it is in use). The caller removes it, overwritten,
as soon as the import has read it; one a kill left behind is swept at the next unlock.

The form token must arrive before the file (our form puts it first, and browsers send
fields in page order): a file from a page without the token is never written at all.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from fastapi import Request

from tidewise import private_files
from tidewise.formats.base import MAX_FILE_BYTES
from tidewise.web.exceptions import BadRequestError, ForbiddenError
from tidewise.web.guards import FORM_TOKEN_FIELD
from tidewise.web.security import BodyTooLargeError, tokens_match

MAX_FIELDS = 20
MAX_FIELD_BYTES = 10_000
# The multipart wrapping around the file: boundaries, part headers, a few small fields.
UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 256 * 1024
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}$")


@dataclass
class Upload:
    """What the upload form sent: small fields in memory, the file in the scratch folder."""

    fields: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    name: str = ""  # the file's own name, as the browser gave it (shown in messages)
    size: int = 0
    too_large: bool = False

    def discard(self) -> None:
        """Overwrite and remove the scratch copy (safe to call twice)."""
        if self.path is not None:
            discard_file(self.path)
            self.path = None


def discard_file(path: Path) -> None:
    from tidewise.journal import Journal

    with contextlib.suppress(OSError):
        Journal.shred(path)
    with contextlib.suppress(OSError):
        path.unlink()


class _Receiver:
    """python-multipart callbacks: part headers, then fields or the one file."""

    def __init__(self, scratch: Path, token: str) -> None:
        self.scratch = scratch
        self.token = token
        self.upload = Upload()
        self._headers: dict[bytes, bytes] = {}
        self._header_field = b""
        self._header_value = b""
        self._name = ""
        self._filename: str | None = None
        self._value = bytearray()
        self._file: IO[bytes] | None = None

    # header callbacks
    def on_part_begin(self) -> None:
        self._headers, self._value = {}, bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field, self._header_value = b"", b""

    def on_headers_finished(self) -> None:
        from python_multipart.multipart import parse_options_header

        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        raw_file = options.get(b"filename")
        self._filename = None if raw_file is None else raw_file.decode("utf-8", "replace")
        if self._filename is not None:
            self._open_file()

    def _open_file(self) -> None:
        if self.upload.path is not None:
            raise BadRequestError  # one file per import
        if not tokens_match(self.upload.fields.get(FORM_TOKEN_FIELD), self.token):
            raise ForbiddenError
        name = (self._filename or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
        self.upload.name = name
        suffix = _SUFFIX.search(name)
        path = self.scratch / f".upload-{secrets.token_hex(8)}{suffix.group(0) if suffix else ''}"
        fd = private_files.create_file(path)
        self.upload.path = path
        self._file = os.fdopen(fd, "wb")
        _hold_lock(fd)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._filename is None:
            self._value += chunk
            if len(self._value) > MAX_FIELD_BYTES:
                raise BadRequestError
            return
        self.upload.size += len(chunk)
        if self.upload.size > MAX_FILE_BYTES:
            self.upload.too_large = True
            return  # the rest is read and dropped, never written
        if self._file is not None:
            self._file.write(chunk)

    def on_part_end(self) -> None:
        if self._filename is None:
            if self._name in self.upload.fields or len(self.upload.fields) >= MAX_FIELDS:
                raise BadRequestError
            self.upload.fields[self._name] = self._value.decode("utf-8", "replace")
            return
        self.close_file()

    def close_file(self) -> None:
        if self._file is not None:
            self._file.flush()
            self._file.close()
            self._file = None


def _hold_lock(fd: int) -> None:
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


async def receive_upload(request: Request, scratch: Path, token: str) -> Upload:
    """Stream a multipart body into an Upload; refuses a body that is not one (400)."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    kind, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise BadRequestError
    receiver = _Receiver(scratch, token)
    callbacks = {
        name: getattr(receiver, name)
        for name in (
            "on_part_begin",
            "on_part_data",
            "on_part_end",
            "on_header_field",
            "on_header_value",
            "on_header_end",
            "on_headers_finished",
        )
    }
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except (BadRequestError, ForbiddenError, BodyTooLargeError):
        receiver.close_file()
        receiver.upload.discard()
        raise
    except Exception:  # a malformed body; the parser's message could echo it
        receiver.close_file()
        receiver.upload.discard()
        raise BadRequestError from None
    receiver.close_file()
    return receiver.upload  # path None: no file was chosen (the route says so)

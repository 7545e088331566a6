"""Reading zips and JSON from files that may be hostile: caps before trust."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from tidewise.errors import ImportFormatError
from tidewise.formats.base import (
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_ZIP_MEMBERS,
    MAX_ZIP_UNCOMPRESSED,
    check_size,
)


def open_zip(path: Path) -> zipfile.ZipFile:
    """A zip whose members are all safe to read: no absolute or `..` paths, no links, no bombs."""
    check_size(path)
    where = str(path)
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise ImportFormatError(where, "file", "is not a readable zip (truncated?)") from err
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ImportFormatError(where, "file", "has too many members")
    total = 0
    for info in infos:
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or info.filename.startswith("/"):
            raise ImportFormatError(where, f"member {info.filename!r}", "has an unsafe path")
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise ImportFormatError(where, f"member {info.filename!r}", "is a symbolic link")
        total += info.file_size
    if total > MAX_ZIP_UNCOMPRESSED:
        raise ImportFormatError(where, "file", "unpacks to more than we will read")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, where: str) -> bytes:
    """One member, read with a hard cap (the declared size may lie)."""
    try:
        with archive.open(name) as member:
            data = member.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as err:
        raise ImportFormatError(where, f"member {name!r}", "cannot be read (damaged?)") from err
    if len(data) > MAX_FILE_BYTES:
        raise ImportFormatError(where, f"member {name!r}", "is too large")
    return data


def _depth(value: Any, limit: int) -> int:
    stack: list[tuple[Any, int]] = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def load_json(data: bytes | str, where: str) -> Any:
    """Parsed JSON, refusing bad encodings, syntax errors and absurd nesting."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise ImportFormatError(where, f"byte {err.start}", "is not UTF-8 text") from err
    try:
        value = json.loads(data)
    except RecursionError:
        raise ImportFormatError(where, "file", "is nested too deeply") from None
    except json.JSONDecodeError as err:
        raise ImportFormatError(
            where, f"line {err.lineno} column {err.colno}", "is not valid JSON"
        ) from None
    if _depth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise ImportFormatError(where, "file", "is nested too deeply")
    return value


def field(obj: Any, key: str, kind: type | tuple[type, ...], where: str, place: str) -> Any:
    """obj[key] of the expected type, or a clear error naming the place and field."""
    if not isinstance(obj, dict) or key not in obj:
        raise ImportFormatError(where, place, f"has no field {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind in (int, (int, float)):
        raise ImportFormatError(where, place, f"field {key!r} has the wrong type")
    return value

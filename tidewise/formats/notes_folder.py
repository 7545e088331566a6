"""A folder of Markdown or text notes: one entry per file.

The date comes from front matter (`date: 2026-03-14 21:40`) or from the file's
name or path (`2026-03-14.md`, `2026-03-14 evening.txt`, `2026/03/14.txt`); a
file with neither is refused by name, so nothing lands on a made-up date.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from tidewise.clock import localise
from tidewise.errors import ImportFormatError
from tidewise.formats.base import ImportOptions, ParsedImport, read_text
from tidewise.formats.text import normalise, text_key
from tidewise.records import NewEntry

SUFFIXES = (".md", ".markdown", ".txt")
MAX_FILES = 50_000
_NAME_DATE = re.compile(r"(\d{4})[-_/](\d{2})[-_/](\d{2})(?:[ T_-]?(\d{2})[:.h-]?(\d{2}))?")
_FRONT = re.compile(r"\A---\n(?P<head>.*?)\n---\n?", re.DOTALL)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    head: dict[str, str] = {}
    for line in match.group("head").split("\n"):
        key, sep, value = line.partition(":")
        if sep:
            head[key.strip().lower()] = value.strip().strip("'\"")
    return head, text[match.end() :]


def _date_from(value: str) -> datetime | None:
    value = value.strip()
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        pass
    match = _NAME_DATE.search(value)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        return datetime(int(year), int(month), int(day), int(hour or 12), int(minute or 0))
    except ValueError:
        return None


class NotesFolderImporter:
    name = "folder"
    description = "a folder of Markdown or text files, one entry per file"

    def sniff(self, path: Path) -> bool:
        return path.is_dir()

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        if not path.is_dir():
            raise ImportFormatError(str(path), "path", "is not a folder")
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        if not files:
            raise ImportFormatError(str(path), "folder", "has no .md or .txt files")
        if len(files) > MAX_FILES:
            raise ImportFormatError(str(path), "folder", "has too many files")
        entries = []
        for file in files:
            if file.is_symlink():
                raise ImportFormatError(str(file), "file", "is a symbolic link")
            head, body = _front_matter(normalise(read_text(file)))
            rel = file.relative_to(path).as_posix()
            when = _date_from(head["date"]) if "date" in head else _date_from(rel)
            if when is None:
                raise ImportFormatError(
                    str(file), "name", "has no date in its front matter or name"
                )
            title = head.get("title", "")
            text = normalise(f"{title}\n{body}" if title else body)
            if not text:
                continue
            tags = tuple(
                t.strip() for t in head.get("tags", "").strip("[]").split(",") if t.strip()
            )
            entries.append(
                NewEntry(
                    text=text,
                    created=localise(when, options.zone),
                    time_zone=options.zone,
                    zone_assumed=True,
                    tags=tags,
                    import_key=text_key("folder", when, text),
                )
            )
        entries.sort(key=lambda e: e.created)
        return ParsedImport(entries)

"""jrnl's plain-text journal (its native file and `--format txt`).

An entry starts where a line begins with `[<date>] `; the date follows the
person's `timeformat`, which we are given or recognise among the common ones
(refusing a file that two formats would read differently). Implemented from a
description of the file format written for this project, not from jrnl's code (GPL-3.0).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from tidewise.clock import localise
from tidewise.errors import ImportFormatError
from tidewise.formats.base import ImportOptions, ParsedImport, read_text
from tidewise.formats.daylio_csv import parse_time
from tidewise.formats.text import normalise, text_key
from tidewise.records import NewEntry

_START = re.compile(r"^\[(?P<stamp>[^\]\n]{8,40})\] ?(?P<rest>.*)$")
_TAG = re.compile(r"(?<![\w@#])(?:#@|@)(?P<tag>[\w][\w\-+*#/]*)")
# The common timeformats, each paired with a parser that does not depend on the locale.
_KNOWN = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p")


def _parse_stamp(stamp: str, fmt: str) -> datetime:
    if "%p" in fmt:
        day, _, clock = stamp.strip().partition(" ")
        return datetime.combine(datetime.strptime(day, "%Y-%m-%d").date(), parse_time(clock))
    return datetime.strptime(stamp.strip(), fmt)


def _pick_format(stamps: list[str], given: str | None, where: str) -> str:
    candidates = (given,) if given else _KNOWN
    fitting = []
    for fmt in candidates:
        try:
            for stamp in stamps:
                _parse_stamp(stamp, fmt)
        except ValueError:
            continue
        fitting.append(fmt)
    if not fitting:
        raise ImportFormatError(
            where, "dates", "do not match a known jrnl time format (pass --time-format)"
        )
    return fitting[0]


class JrnlTextImporter:
    name = "jrnl-text"
    description = "jrnl plain-text journal"

    def sniff(self, path: Path) -> bool:
        try:
            with path.open(encoding="utf-8-sig") as f:
                first = next((line for line in f if line.strip()), "")
        except (OSError, UnicodeDecodeError):
            return False
        return bool(_START.match(first.rstrip("\n"))) and first[1:5].isdigit()

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        where = str(path)
        blocks = self._blocks(normalise(read_text(path)), where)
        fmt = _pick_format([stamp for _, stamp, _ in blocks], options.time_format, where)
        entries = []
        for line, stamp, body in blocks:
            try:
                when = _parse_stamp(stamp, fmt)
            except ValueError:
                raise ImportFormatError(where, f"line {line}", "the date cannot be read") from None
            entries.append(self._entry(when, body, options))
        entries.sort(key=lambda e: e.created)
        return ParsedImport(entries)

    @staticmethod
    def _blocks(text: str, where: str) -> list[tuple[int, str, str]]:
        blocks: list[tuple[int, str, list[str]]] = []
        for number, line in enumerate(text.split("\n"), start=1):
            match = _START.match(line)
            if match and match.group("stamp")[:4].isdigit():
                blocks.append((number, match.group("stamp"), [match.group("rest")]))
            elif blocks:
                blocks[-1][2].append(line)
            elif line.strip():
                raise ImportFormatError(where, f"line {number}", "is not inside a dated entry")
        if not blocks:
            raise ImportFormatError(where, "file", "has no jrnl entries")
        return [(n, stamp, "\n".join(lines).strip()) for n, stamp, lines in blocks]

    @staticmethod
    def _entry(when: datetime, body: str, options: ImportOptions) -> NewEntry:
        first, _, rest = body.partition("\n")
        starred = first.rstrip().endswith("*")
        if starred:
            first = first.rstrip()[:-1].rstrip()
        text = normalise(f"{first}\n{rest}" if rest else first)
        tags = tuple(dict.fromkeys(m.group("tag").lower() for m in _TAG.finditer(text)))
        return NewEntry(
            text=text,
            created=localise(when, options.zone),
            time_zone=options.zone,
            zone_assumed=True,
            tags=tags,
            starred=starred,
            import_key=text_key("jrnl", when, text),
        )

"""Reading Tidewise's own per-entry CSV export back: text, instant, zone, check-in, tags, star.

The header must be exactly the exporter's (csv_export.ENTRY_COLUMNS). Text is kept
exactly as it was exported (the apostrophe added against spreadsheet formulas is
removed again); phase and movement are not read, since analysis is made anew.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime
from pathlib import Path

from tidewise.errors import ImportFormatError, InputError
from tidewise.formats.base import ImportOptions, ParsedImport, csv_problem, read_text
from tidewise.formats.csv_export import ENTRY_COLUMNS, unsafe_cell
from tidewise.formats.text import normalise
from tidewise.records import CheckIn, NewEntry

MAX_FIELD = 1_000_000
_HEADER = ",".join(ENTRY_COLUMNS)


def _key(created: datetime, text: str) -> str:
    """The exact instant (not just the minute) and the text: two rows differ in one of them."""
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]
    return f"tidewise-csv:{created.isoformat()}:{digest}"


def _number(cell: str, where: str, place: str, name: str) -> int | None:
    if not cell.strip():
        return None
    try:
        return int(cell)
    except ValueError:
        raise ImportFormatError(where, place, f"column {name} is not a whole number") from None


class TidewiseCsvImporter:
    name = "tidewise-csv"
    description = "CSV exported by Tidewise, one row per entry"

    def sniff(self, path: Path) -> bool:
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                return f.readline().rstrip("\r\n") == _HEADER
        except (OSError, UnicodeDecodeError):
            return False

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        where = str(path)
        csv.field_size_limit(MAX_FIELD)
        reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
        entries: list[NewEntry] = []
        try:
            if tuple(next(reader, [])) != ENTRY_COLUMNS:
                raise ImportFormatError(where, "line 1", "is not a Tidewise CSV header")
            for values in reader:
                entries.append(self._entry(values, where, f"line {reader.line_num}"))
        except csv.Error as err:
            problem = csv_problem(err, MAX_FIELD)
            raise ImportFormatError(where, f"line {reader.line_num}", problem) from None
        entries.sort(key=lambda e: e.created)
        return ParsedImport(entries, notes=("CSV holds no analyses; they are made anew",))

    @staticmethod
    def _entry(values: list[str], where: str, place: str) -> NewEntry:
        if len(values) != len(ENTRY_COLUMNS):
            raise ImportFormatError(
                where, place, f"has {len(values)} fields, expected {len(ENTRY_COLUMNS)}"
            )
        cell = dict(zip(ENTRY_COLUMNS, values, strict=True))
        try:
            created = datetime.fromisoformat(cell["created"])
        except ValueError:
            raise ImportFormatError(where, place, "the date cannot be read") from None
        if created.tzinfo is None:
            raise ImportFormatError(where, place, "the date has no time zone")
        text = unsafe_cell(cell["text"])
        if not text.strip():
            raise ImportFormatError(where, place, "has no text")
        try:
            checkin = CheckIn(
                _number(cell["closeness"], where, place, "closeness"),
                _number(cell["shame"], where, place, "shame"),
            )
        except InputError:
            raise ImportFormatError(where, place, "has a check-in out of range") from None
        if cell["starred"] not in ("yes", "no"):
            raise ImportFormatError(where, place, "column starred is not yes or no")
        tags = unsafe_cell(cell["tags"])
        return NewEntry(
            text=text,
            created=created,
            time_zone=cell["time_zone"] or "UTC",
            checkin=None if checkin.empty else checkin,
            tags=tuple(t for t in tags.split(" | ") if t.strip()),
            starred=cell["starred"] == "yes",
            import_key=_key(created, text),
        )

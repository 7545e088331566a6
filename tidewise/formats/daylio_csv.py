"""Daylio's CSV export: the current 8-column file and the older 7-column one.

Rows come newest first; times are local with no zone (12- or 24-hour, as the
phone was set); the mood is a label the person may have renamed, so unknown
labels need a mapping (`--mood-map so-so=3`). Samples of both layouts are in
tests/formats/fixtures/.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from tidewise.clock import localise
from tidewise.errors import ImportFormatError
from tidewise.formats.base import ImportOptions, ParsedImport, csv_problem, read_head, read_text
from tidewise.formats.text import html_to_text, normalise, text_key
from tidewise.records import NewEntry, SourceMood

DEFAULT_MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
CURRENT = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
OLDER = ("year", "date", "weekday", "time", "mood", "activities", "note")
OPTIONAL = frozenset({"scales"})
MAX_FIELD = 1_000_000
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Row:
    when: datetime
    mood: str
    tags: tuple[str, ...]
    text: str


def parse_time(value: str) -> time:
    """'21:40', '9:40 pm', '9:40 p.m.': parsed by hand, since %p depends on the locale."""
    match = _TIME.match(value)
    if not match:
        raise ValueError(value)
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(4) or "").lower().replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError(value)
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    return time(hour, minute)


def _older_date(year: str, display: str) -> date:
    """The 7-column file's '4 June' or 'June 4' plus its year column."""
    words = display.replace(",", " ").split()
    day = next((int(w) for w in words if w.isdigit()), None)
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    if day is None or month is None:
        raise ValueError(display)
    return date(int(year), month, day)


class DaylioCsvImporter:
    name = "daylio-csv"
    description = "Daylio CSV export (8-column and older 7-column)"

    def sniff(self, path: Path) -> bool:
        head = read_head(path, 512).partition("\n")[0].strip().lower()
        return head.startswith(("full_date,date,weekday,time,mood", "year,date,weekday,time,mood"))

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        text = read_text(path)
        csv.field_size_limit(MAX_FIELD)
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        where = str(path)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise ImportFormatError(where, "line 1", "the file is empty") from None
        except csv.Error as err:
            problem = csv_problem(err, MAX_FIELD)
            raise ImportFormatError(
                where, "line 1", f"the header cannot be read ({problem})"
            ) from err
        columns = self._columns(where, header)
        moods = {**DEFAULT_MOODS, **{k.lower(): v for k, v in options.mood_map.items()}}
        rows: list[_Row] = []
        try:
            for values in reader:
                line = reader.line_num
                if not any(v.strip() for v in values):
                    continue
                rows.append(self._row(where, line, columns, values, options))
        except csv.Error as err:
            problem = csv_problem(err, MAX_FIELD)
            raise ImportFormatError(where, f"line {reader.line_num}", problem) from err
        unmapped = sorted({r.mood for r in rows if r.mood.lower() not in moods})
        if unmapped:
            raise ImportFormatError(
                where,
                "column mood",
                f"{len(unmapped)} mood label(s) have no score; map them with --mood-map LABEL=1..5",
            )
        return self._entries(rows, moods, options)

    @staticmethod
    def _columns(where: str, header: list[str]) -> dict[str, int]:
        names = [h for h in header if h not in OPTIONAL]
        if tuple(names) not in (CURRENT, OLDER):
            raise ImportFormatError(where, "line 1", "the columns are not a Daylio CSV header")
        return {name: i for i, name in enumerate(header)}

    @staticmethod
    def _row(
        where: str, line: int, cols: dict[str, int], values: list[str], options: ImportOptions
    ) -> _Row:
        if len(values) != len(cols):
            raise ImportFormatError(
                where, f"line {line}", f"has {len(values)} fields, expected {len(cols)}"
            )
        get = {name: values[i] for name, i in cols.items()}
        try:
            day = (
                date.fromisoformat(get["full_date"].strip())
                if "full_date" in get
                else _older_date(get["year"].strip(), get["date"])
            )
        except ValueError:
            raise ImportFormatError(where, f"line {line}", "the date cannot be read") from None
        try:
            at = parse_time(get["time"])
        except ValueError:
            raise ImportFormatError(where, f"line {line}", "the time cannot be read") from None
        title = html_to_text(get.get("note_title", ""))
        note = html_to_text(get["note"])
        body = "\n".join(part for part in (title, note) if part)
        tags = tuple(t.strip() for t in get["activities"].split(" | ") if t.strip())
        return _Row(datetime.combine(day, at), get["mood"].strip(), tags, normalise(body))

    @staticmethod
    def _entries(rows: list[_Row], moods: dict[str, int], options: ImportOptions) -> ParsedImport:
        entries: list[NewEntry] = []
        moodless = 0
        for row in sorted(rows, key=lambda r: r.when):
            if not row.text:
                moodless += 1
                continue
            entries.append(
                NewEntry(
                    text=row.text,
                    created=localise(row.when, options.zone),
                    time_zone=options.zone,
                    zone_assumed=True,
                    tags=row.tags,
                    import_key=text_key("daylio", row.when, row.text),
                    source_mood=SourceMood(row.mood, moods[row.mood.lower()]),
                )
            )
        notes = (f"{moodless} mood-only rows without a note were not imported",) if moodless else ()
        return ParsedImport(entries, notes=notes)

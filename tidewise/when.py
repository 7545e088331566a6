"""Entries dated by the day alone, and the date and time a person types for an entry.

Pure functions (no I/O) shared by the web forms and the pages that show dates.

Tidewise keeps no "day only" flag for an entry (adding one needs a schema change), so
the rule is the best one the stored instant allows: an entry whose time, in its own
zone, is exactly midnight to the microsecond was dated by the day alone. That is what
a day-only date becomes everywhere it enters (`--date 2026-03-14`, the web form with
the time left empty). A time typed as exactly 00:00 reads the same way; that one lost
minute is the price of having no flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from tidewise.errors import InputError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
BAD_DATE = "The date could not be read: give it as year-month-day, like 2026-03-14."
BAD_TIME = "The time could not be read: give hours and minutes, like 21:30 (or leave it empty)."
TIME_WITHOUT_DATE = "A time needs a date: give the date too, or leave both empty."


def is_day_only(moment: datetime) -> bool:
    """True when `moment` (in its entry's zone) carries a day but no time of day."""
    return moment.timetz().replace(tzinfo=None) == time(0, 0)


@dataclass(frozen=True)
class WhenFields:
    """The date and time fields as a form shows them: "2026-03-14" and "21:30" (or "")."""

    date: str = ""
    time: str = ""

    @classmethod
    def of(cls, moment: datetime) -> WhenFields:
        """The fields for an existing moment; a day-only one has an empty time."""
        clock = "" if is_day_only(moment) else f"{moment:%H:%M}"
        return cls(moment.date().isoformat(), clock)

    @property
    def empty(self) -> bool:
        return not self.date.strip() and not self.time.strip()


def parse_when(fields: WhenFields, zone: tzinfo) -> datetime | None:
    """The moment the fields name in `zone`: None when both are empty, midnight (day
    only) when the time is empty. Bad input raises InputError with a one-line reason."""
    raw_date, raw_time = fields.date.strip(), fields.time.strip()
    if not raw_date:
        if raw_time:
            raise InputError(TIME_WITHOUT_DATE)
        return None
    day = _day(raw_date)
    clock = _clock(raw_time) if raw_time else time(0, 0)
    return datetime.combine(day, clock, tzinfo=zone)


def _day(raw: str) -> date:
    if not _DATE.fullmatch(raw):
        raise InputError(BAD_DATE)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(BAD_DATE) from None


def _clock(raw: str) -> time:
    match = _TIME.fullmatch(raw)
    if match is None:
        raise InputError(BAD_TIME)
    hour, minute, second = (int(part or 0) for part in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        raise InputError(BAD_TIME)
    return time(hour, minute, second)

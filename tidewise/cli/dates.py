"""Dates as people type them on the command line: `yesterday`, `today 9pm`, `3 days ago`.

ISO dates keep their exact meaning; anything else goes to dateparser (English only, so it
never guesses a language, and nothing is fetched: its data ships in the package). dateparser
costs about 0.1 s to import and 0.15 s on its first phrase, so it loads only when a command
gets a date in words, never for `tidewise --help`.

A phrase without a time of day names the whole day, as an ISO date does: `--date yesterday`
dates the entry by the day alone (midnight), `--from last monday` starts at that morning's
midnight and `--to yesterday` includes that whole day: periods are half-open, [from, to),
so the period stops at the next midnight (`Understood.period_end`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tidewise.errors import InputError

NOT_UNDERSTOOD = (
    "That date was not understood. Try 2024-05-01, 2024-05-01T21:30, yesterday, "
    "'today 9pm', 'last monday' or '3 days ago'."
)


@dataclass(frozen=True)
class Understood:
    """A moment read from the command line, and whether the person gave a time of day."""

    moment: datetime
    has_time: bool

    def words(self) -> str:
        """How the date was read, for the person to check: "Thursday 3 December 2026, 21:00"."""
        day = f"{self.moment:%A} {self.moment.day} {self.moment:%B %Y}"
        return f"{day}, {self.moment:%H:%M}" if self.has_time else day

    def period_end(self) -> datetime:
        """Where a period that runs to this date stops: a day alone is included whole."""
        return self.moment if self.has_time else self.moment + timedelta(days=1)


def _iso(value: str) -> Understood | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return Understood(moment, has_time="T" in value or " " in value)


def _in_words(value: str, now: datetime, end_of_day: bool) -> Understood | None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "past",  # a journal looks back: "monday" is the last one
            "PREFER_DAY_OF_MONTH": "last" if end_of_day else "first",
            "RELATIVE_BASE": now.replace(tzinfo=None),
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    data = parser.get_date_data(value)
    moment = data.date_obj
    if moment is None:
        return None
    has_time = data.period == "time"
    if not has_time:
        moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    # An offset the person typed ("9pm UTC") is kept; otherwise the time is local.
    return Understood(moment, has_time)


def understand(value: str, *, now: datetime | None = None, end_of_day: bool = False) -> Understood:
    """Read a date typed on the command line; InputError when it means nothing we can use.

    With `end_of_day`, a month in words means its last day (`--to may`); `period_end`
    then gives the moment a period ending on that date stops.
    """
    text = value.strip()
    if not text:
        raise InputError(NOT_UNDERSTOOD)
    found = _iso(text) or _in_words(text, now or datetime.now(), end_of_day)
    if found is None:
        raise InputError(NOT_UNDERSTOOD)
    return found


def is_iso(value: str) -> bool:
    return _iso(value.strip()) is not None

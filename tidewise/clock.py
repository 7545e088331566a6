"""Instants and zones: UTC text that sorts, the zone an entry was written in, local times.

A zone is an IANA name ("Europe/Berlin"), "UTC", or a fixed offset ("+01:00", our own
exports). Naive datetimes from the command line are taken as the machine's local time,
which is what a person typing `--date 2024-05-01T21:30` means; naive times read from
another app's file get the zone the person chose for the import (`localise`).

One rule for a zone name this machine does not know: `zone_info` answers None, never a
guess. Only the caller knows what is safe. An import asked for an unknown zone refuses it
with a clear message (silently reading every entry as UTC would shift them all by hours);
a stored entry whose zone is no longer in tzdata is shown in UTC (`in_zone`), because its
instant is stored exactly and showing it beats failing to open the journal.

One rule for periods: every one is half-open, [start, end). A day typed as an end
(`--to 2024-05-01`, the report's last day) ends at the next midnight, so no code
subtracts a microsecond to mean "the end of the day"; `last_day` turns such an end back
into the day a person chose.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")
_UTC_NAMES = ("UTC", "Etc/UTC", "Etc/Universal", "Zulu")

# Journal dates outside these years are data errors (Day One writes year 1 or 9999 for
# broken dates), and near the ends of the calendar a zone shift overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def aware(moment: datetime) -> datetime:
    """Attach the local zone to a naive datetime; leave aware ones alone."""
    return moment.astimezone() if moment.tzinfo is None else moment


def to_utc_text(moment: datetime) -> str:
    return aware(moment).astimezone(UTC).strftime(UTC_FORMAT)


def from_utc_text(text: str) -> datetime:
    return datetime.strptime(text, UTC_FORMAT).replace(tzinfo=UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


def zone_name(moment: datetime) -> str:
    """The best name for the zone of an aware datetime: IANA key, UTC, or an offset."""
    moment = aware(moment)
    key = getattr(moment.tzinfo, "key", None)
    if isinstance(key, str):
        return key
    offset = moment.utcoffset() or timedelta(0)
    return "UTC" if offset == timedelta(0) else offset_name(offset)


def offset_name(offset: timedelta) -> str:
    """ "+01:00" style name for a fixed offset."""
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def zone_info(name: str) -> tzinfo | None:
    """A tzinfo for a zone name, or None when this machine does not know the name."""
    if name in ("UTC", "Z"):
        return UTC
    match = _OFFSET.match(name)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        delta = timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
        return timezone(sign * delta)
    return iana_zone(name)


def iana_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone of that name (no offsets), or None when this machine does not know it."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return None


def in_zone(utc_text: str, name: str) -> datetime:
    """A stored instant in its stored zone; in UTC if that zone is unknown here (see above)."""
    return from_utc_text(utc_text).astimezone(zone_info(name) or UTC)


def localise(naive: datetime, zone: str) -> datetime:
    """Attach `zone` to a naive local time (fold=0 for the repeated autumn hour).

    Callers check the zone first (`zone_info(zone) is None` is refused); a zone that
    still cannot be read here falls back to UTC, as `in_zone` does.
    """
    return naive.replace(tzinfo=zone_info(zone) or UTC)


def local_now() -> datetime:
    """Now, in the machine's IANA zone when it can be named (keeps DST right), else an offset."""
    name = local_zone_name()
    info = zone_info(name) if name is not None else None
    return datetime.now(info) if info is not None else datetime.now().astimezone()


def local_zone_name() -> str | None:
    """The machine's IANA zone name from TZ or the /etc/localtime link, if it has one."""
    candidate = os.environ.get("TZ", "").lstrip(":")
    if not candidate:
        try:
            target = str(Path("/etc/localtime").resolve())
        except OSError:
            return None
        candidate = target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else ""
    if candidate in _UTC_NAMES:
        return "UTC"
    if not candidate or _OFFSET.match(candidate) or iana_zone(candidate) is None:
        return None
    return candidate


def system_zone() -> str:
    """The zone for naive times in an import when none is given: the machine's, else UTC.

    A TZ that names no known zone is passed over for /etc/localtime, as before the two
    zone modules were merged.
    """
    tz = os.environ.get("TZ", "").lstrip(":")
    if iana_zone(tz) is not None:
        return tz
    try:
        target = Path("/etc/localtime").resolve()
    except OSError:
        return "UTC"
    parts = target.parts
    if "zoneinfo" in parts:
        name = "/".join(parts[parts.index("zoneinfo") + 1 :])
        if iana_zone(name) is not None:
            return name
    return "UTC"


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def last_day(end: datetime) -> date:
    """The last day a period [start, end) covers: the day before, when it ends at midnight."""
    return end.date() - timedelta(days=1) if end.time() == time.min else end.date()

"""Turning the local times other apps store into aware instants."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


def system_zone() -> str:
    """The machine's IANA zone name, or "UTC" when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _is_zone(tz):
        return tz
    try:
        target = Path("/etc/localtime").resolve()
    except OSError:
        return "UTC"
    parts = target.parts
    if "zoneinfo" in parts:
        name = "/".join(parts[parts.index("zoneinfo") + 1 :])
        if _is_zone(name):
            return name
    return "UTC"


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_or_none(name: str | None) -> ZoneInfo | None:
    if not name or not _is_zone(name):
        return None
    return ZoneInfo(name)


def zone_info(name: str) -> tzinfo | None:
    """An IANA name, "UTC" or a fixed offset like "+05:30" (our own exports) as a tzinfo."""
    match = _OFFSET.match(name)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))
    return UTC if name in ("UTC", "Z") else zone_or_none(name)


def localise(naive: datetime, zone: str) -> datetime:
    """Attach `zone` to a naive local time (fold=0 for the repeated autumn hour)."""
    info = zone_info(zone)
    return naive.replace(tzinfo=info if info is not None else UTC)


def offset_name(offset: timedelta) -> str:
    """ "+01:00" style name for a fixed offset."""
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


# Journal dates outside these years are data errors (Day One writes year 1 or 9999 for
# broken dates), and near the ends of the calendar a zone shift overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR

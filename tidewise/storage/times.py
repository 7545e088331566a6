"""Instants and zones as stored: UTC text that sorts, plus the zone it was written in.

A zone is an IANA name ("Europe/Berlin"), "UTC", or a fixed offset ("+01:00"). Naive
datetimes are taken as the machine's local time, which is what a person typing
`--date 2024-05-01T21:30` means.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


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
    if offset == timedelta(0):
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zone_info(name: str) -> tzinfo:
    """A tzinfo for a stored zone name; unknown names fall back to UTC (the instant is exact)."""
    if name in ("UTC", "Z", ""):
        return UTC
    match = _OFFSET.match(name)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        delta = timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
        return timezone(sign * delta)
    try:
        from zoneinfo import ZoneInfo  # only for IANA names

        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return UTC


def in_zone(utc_text: str, name: str) -> datetime:
    return from_utc_text(utc_text).astimezone(zone_info(name))


def local_now() -> datetime:
    """Now, in the machine's IANA zone when it can be named (keeps DST right), else an offset."""
    name = local_zone_name()
    if name is not None:
        return datetime.now(zone_info(name))
    return datetime.now().astimezone()


def local_zone_name() -> str | None:
    """The machine's IANA zone name from TZ or the /etc/localtime link, if it has one."""
    candidate = os.environ.get("TZ", "").lstrip(":")
    if not candidate:
        try:
            target = str(Path("/etc/localtime").resolve())
        except OSError:
            return None
        candidate = target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else ""
    if candidate in ("UTC", "Etc/UTC", "Etc/Universal", "Zulu"):
        return "UTC"
    if not candidate or _OFFSET.match(candidate) or zone_info(candidate) is UTC:
        return None
    return candidate

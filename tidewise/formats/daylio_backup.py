"""Daylio's `.daylio` backup: a zip whose `backup.daylio` member is base64 of JSON.

We read only `customMoods`, `tags` and `dayEntries`. The PIN and everything else
is never kept, not even in memory past parsing.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tidewise.clock import offset_name
from tidewise.errors import ImportFormatError
from tidewise.formats.archive import field, load_json, open_zip, read_member
from tidewise.formats.base import ImportOptions, ParsedImport
from tidewise.formats.text import html_to_text
from tidewise.records import NewEntry, SourceMood

MEMBER = "backup.daylio"
# Daylio's five mood groups, best first: group 1 (rad) scores 5, group 5 (awful) scores 1.
_GROUP_NAMES = {1: "rad", 2: "good", 3: "meh", 4: "bad", 5: "awful"}


def _list(doc: dict[str, Any], key: str, where: str) -> list[Any]:
    """doc[key] as a list; absent or null is empty; any other shape is named."""
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportFormatError(where, MEMBER, f"field {key!r} is not a list")
    return value


def _text(item: dict[str, Any], key: str, where: str, place: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportFormatError(where, place, f"field {key!r} is not text")
    return value


class DaylioBackupImporter:
    name = "daylio-backup"
    description = "Daylio backup file (.daylio)"

    def sniff(self, path: Path) -> bool:
        import zipfile

        try:
            with zipfile.ZipFile(path) as z:
                return MEMBER in z.namelist()
        except (zipfile.BadZipFile, OSError):
            return False

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        where = str(path)
        with open_zip(path) as archive:
            if MEMBER not in archive.namelist():
                raise ImportFormatError(where, "file", f"has no {MEMBER} member")
            raw = read_member(archive, MEMBER, where)
        try:
            decoded = base64.b64decode(raw, validate=False)
        except (binascii.Error, ValueError) as err:
            raise ImportFormatError(where, MEMBER, "is not base64") from err
        doc = load_json(decoded, where)
        if not isinstance(doc, dict):
            raise ImportFormatError(where, MEMBER, "is not a Daylio backup document")
        moods = self._moods(doc, where)
        tags = self._tags(doc, where)
        entries, seen = [], set()
        for index, item in enumerate(field(doc, "dayEntries", list, where, MEMBER)):
            place = f"dayEntries[{index}]"
            entry_id = field(item, "id", int, where, place)
            if entry_id in seen:
                raise ImportFormatError(where, place, "repeats an id")
            seen.add(entry_id)
            entry = self._entry(item, moods, tags, where, place)
            if entry is not None:
                entries.append(entry)
        dropped = tuple(sorted(k for k in ("pin", "location") if k in doc))
        entries.sort(key=lambda e: e.created)
        return ParsedImport(entries, dropped_fields=dropped)

    @staticmethod
    def _moods(doc: dict[str, Any], where: str) -> dict[int, SourceMood]:
        moods: dict[int, SourceMood] = {}
        for index, mood in enumerate(_list(doc, "customMoods", where)):
            place = f"customMoods[{index}]"
            group = field(mood, "mood_group_id", int, where, place)
            if group not in _GROUP_NAMES:
                raise ImportFormatError(where, place, "has an unknown mood group")
            name = mood.get("custom_name")
            if name is not None and not isinstance(name, str):
                raise ImportFormatError(where, place, "field 'custom_name' is not text")
            moods[field(mood, "id", int, where, place)] = SourceMood(
                name or _GROUP_NAMES[group], 6 - group
            )
        return moods

    @staticmethod
    def _tags(doc: dict[str, Any], where: str) -> dict[int, str]:
        tags: dict[int, str] = {}
        for index, tag in enumerate(_list(doc, "tags", where)):
            place = f"tags[{index}]"
            tags[field(tag, "id", int, where, place)] = str(field(tag, "name", str, where, place))
        return tags

    @staticmethod
    def _entry(
        item: dict[str, Any],
        moods: dict[int, SourceMood],
        tags: dict[int, str],
        where: str,
        place: str,
    ) -> NewEntry | None:
        millis = field(item, "datetime", int, where, place)
        offset_ms = item.get("timeZoneOffset", 0)
        if not isinstance(offset_ms, int) or abs(offset_ms) > 18 * 3600 * 1000:
            raise ImportFormatError(where, place, "has an impossible time zone offset")
        offset = timedelta(milliseconds=offset_ms)
        try:
            created = datetime.fromtimestamp(millis / 1000, tz=timezone(offset))
        except (OverflowError, OSError, ValueError):
            raise ImportFormatError(where, place, "has a date out of range") from None
        if not 1900 <= created.year <= 2199:
            raise ImportFormatError(where, place, f"has a date in the year {created.year}")
        title = html_to_text(_text(item, "note_title", where, place))
        note = html_to_text(_text(item, "note", where, place))
        text = "\n".join(p for p in (title, note) if p)
        if not text:
            return None
        mood_id = item.get("mood")
        if mood_id is not None and (not isinstance(mood_id, int) or isinstance(mood_id, bool)):
            raise ImportFormatError(where, place, "field 'mood' is not a mood id")
        if mood_id is not None and mood_id not in moods and mood_id not in _GROUP_NAMES:
            raise ImportFormatError(where, place, "names a mood that is not in customMoods")
        mood = moods.get(mood_id) if isinstance(mood_id, int) else None
        if mood is None and isinstance(mood_id, int) and mood_id in _GROUP_NAMES:
            mood = SourceMood(_GROUP_NAMES[mood_id], 6 - mood_id)
        tag_ids = item.get("tags") or []
        if not isinstance(tag_ids, list) or not all(
            isinstance(t, int) and not isinstance(t, bool) for t in tag_ids
        ):
            raise ImportFormatError(where, place, "field 'tags' is not a list of tag ids")
        if any(t not in tags for t in tag_ids):
            raise ImportFormatError(where, place, "names a tag that is not in tags")
        return NewEntry(
            text=text,
            created=created,
            time_zone=offset_name(offset),
            tags=tuple(tags[t] for t in tag_ids),
            import_key=f"daylio:{field(item, 'id', int, where, place)}",
            source_mood=mood,
        )

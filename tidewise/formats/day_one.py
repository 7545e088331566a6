"""Day One's JSON export: a zip with one `<Journal name>.json` per journal.

`text` (Markdown with Day One's backslash escapes) is preferred over `richText`;
times are converted with the entry's own IANA zone; location, weather, device
and media metadata are dropped at parse time, never stored.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from tidewise.clock import iana_zone, plausible_year
from tidewise.errors import ImportFormatError
from tidewise.formats.archive import field, load_json, open_zip, read_member
from tidewise.formats.base import ImportOptions, ParsedImport
from tidewise.formats.text import normalise
from tidewise.records import NewEntry

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MEDIA = re.compile(r"!\[[^\]]*\]\(dayone-moment:/*[^)]*\)")
MEDIA_PLACEHOLDER = "[a photo or file was here]"
_KEPT = frozenset(
    {
        "uuid",
        "creationDate",
        "modifiedDate",
        "timeZone",
        "starred",
        "tags",
        "text",
        "richText",
        "isPinned",
        "isAllDay",
        "duration",
        "editingTime",
    }
)


def dayone_text(raw: str) -> str:
    """Day One Markdown to our plain text: media placeholders, escapes removed."""
    return normalise(_ESCAPE.sub(r"\1", _MEDIA.sub(MEDIA_PLACEHOLDER, raw)))


def _macos_metadata(name: str) -> bool:
    """Finder's resource-fork copies: `__MACOSX/...` and `._Journal.json`, never journals."""
    return name.startswith("__MACOSX/") or PurePosixPath(name).name.startswith("._")


def journal_members(names: list[str]) -> list[str]:
    """Every `.json` member, at the top or in a folder (a re-zipped export has one)."""
    return [n for n in names if n.lower().endswith(".json") and not _macos_metadata(n)]


class DayOneImporter:
    name = "day-one"
    description = "Day One JSON export (.zip)"

    def sniff(self, path: Path) -> bool:
        import zipfile

        try:
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
        except (zipfile.BadZipFile, OSError):
            return False
        return bool(journal_members(names)) and "backup.daylio" not in names

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        where = str(path)
        entries: list[NewEntry] = []
        dropped: set[str] = set()
        seen: set[str] = set()
        notes: list[str] = []
        with open_zip(path) as archive:  # refuses absolute and `..` member names
            journals = journal_members(archive.namelist())
            if not journals:
                raise ImportFormatError(where, "file", "has no Day One journal (.json) inside")
            skipped = sorted(n for n in archive.namelist() if _macos_metadata(n))
            if skipped:
                notes.append(f"left out {len(skipped)} macOS metadata files (__MACOSX, ._*)")
            if any("/" in n for n in journals):
                notes.append("read journals inside folders of the zip too")
            for member in sorted(journals):
                doc = load_json(read_member(archive, member, where), f"{where}:{member}")
                journal_tag = PurePosixPath(member).stem
                for index, item in enumerate(field(doc, "entries", list, where, member)):
                    place = f"{member} entries[{index}]"
                    if isinstance(item, dict):
                        dropped.update(k for k in item if k not in _KEPT)
                    entry = self._entry(item, journal_tag, len(journals) > 1, where, place)
                    if entry is None:
                        continue
                    if entry.import_key in seen:
                        raise ImportFormatError(where, place, "repeats a uuid")
                    seen.add(entry.import_key or "")
                    entries.append(entry)
        entries.sort(key=lambda e: e.created)
        return ParsedImport(entries, dropped_fields=tuple(sorted(dropped)), notes=tuple(notes))

    @staticmethod
    def _entry(
        item: Any, journal_tag: str, tag_journal: bool, where: str, place: str
    ) -> NewEntry | None:
        uuid = field(item, "uuid", str, where, place)
        stamp = field(item, "creationDate", str, where, place)
        try:
            instant = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            raise ImportFormatError(where, place, "creationDate cannot be read") from None
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        if not plausible_year(instant.year):
            raise ImportFormatError(where, place, f"creationDate is in the year {instant.year}")
        zone_name = item.get("timeZone") if isinstance(item.get("timeZone"), str) else None
        zone = iana_zone(zone_name)
        raw = item.get("text")
        if raw is not None and not isinstance(raw, str):
            raise ImportFormatError(where, place, "field 'text' is not text")
        text = dayone_text(raw or "")
        if not text:
            return None
        tags = item.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ImportFormatError(where, place, "field 'tags' has the wrong type")
        if tag_journal:
            tags = [*tags, journal_tag]
        return NewEntry(
            text=text,
            created=instant.astimezone(zone) if zone else instant.astimezone(UTC),
            time_zone=zone_name if zone and zone_name else "UTC",
            zone_assumed=zone is None,
            tags=tuple(dict.fromkeys(tags)),
            starred=bool(item.get("starred", False)),
            import_key=f"dayone:{uuid}",
        )

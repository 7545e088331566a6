"""jrnl's JSON export (`jrnl --format json`): title + body, local date and time, tags.

Journals backed by Day One add `uuid` (our import key) and a `creator` block
(host name, device) that is dropped at parse time.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tidewise.clock import localise
from tidewise.errors import ImportFormatError
from tidewise.formats.archive import field, load_json
from tidewise.formats.base import ImportOptions, ParsedImport, read_head, read_text
from tidewise.formats.text import normalise, text_key
from tidewise.records import NewEntry


class JrnlJsonImporter:
    name = "jrnl-json"
    description = "jrnl JSON export"

    def sniff(self, path: Path) -> bool:
        head = read_head(path)
        return (
            '"entries"' in head
            and '"tags"' in head
            and '"tidewise-export"' not in head
            and '"body"' in head
        )

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        where = str(path)
        doc = load_json(read_text(path), where)
        items = field(doc, "entries", list, where, "document")
        entries, dropped, seen = [], set(), set()
        for index, item in enumerate(items):
            place = f"entries[{index}]"
            title = str(field(item, "title", str, where, place))
            body = item.get("body") or ""
            if not isinstance(body, str):
                raise ImportFormatError(where, place, "field 'body' has the wrong type")
            try:
                when = datetime.strptime(
                    f"{field(item, 'date', str, where, place)} "
                    f"{field(item, 'time', str, where, place)}",
                    "%Y-%m-%d %H:%M",
                )
            except ValueError:
                raise ImportFormatError(where, place, "the date or time cannot be read") from None
            text = normalise(f"{title}\n{body}" if body.strip() else title)
            if not text:
                continue
            if "creator" in item:
                dropped.add("creator")
            uuid = item.get("uuid")
            key = (
                f"dayone:{uuid}" if isinstance(uuid, str) and uuid else text_key("jrnl", when, text)
            )
            if key in seen:
                raise ImportFormatError(where, place, "repeats an entry id")
            seen.add(key)
            tags = item.get("tags") or []
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                raise ImportFormatError(where, place, "field 'tags' has the wrong type")
            entries.append(
                NewEntry(
                    text=text,
                    created=localise(when, options.zone),
                    time_zone=options.zone,
                    zone_assumed=True,
                    tags=tuple(t.lstrip("@#").lower() for t in tags),
                    starred=bool(item.get("starred", False)),
                    import_key=key,
                )
            )
        entries.sort(key=lambda e: e.created)
        return ParsedImport(entries, dropped_fields=tuple(sorted(dropped)))

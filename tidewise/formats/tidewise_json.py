"""Tidewise's own JSON: lossless export, and import of it.

Everything a person wrote and chose is in it: entries, check-ins, tags, stars,
sharing marks, source moods, analyses and lesson progress. Exporting a journal
and importing the file into a new journal gives the same journal (tested).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from tidewise.analysis.types import EntryAnalysis
from tidewise.corrections import label_of
from tidewise.errors import ImportFormatError, InputError
from tidewise.formats.archive import field, load_json
from tidewise.formats.base import (
    CarriedCorrection,
    ExportMeta,
    ImportOptions,
    ParsedImport,
    read_head,
    read_text,
)
from tidewise.records import CheckIn, Entry, NewEntry, SourceMood

FORMAT = "tidewise-export"
VERSION = 1
MAX_ZONE_CHARS = 64  # the longest IANA names are about 30 characters


def _export_id(entry_id: int) -> str:
    return f"e-{entry_id:04d}"


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    checkin = entry.checkin
    return {
        "id": _export_id(entry.id),
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
        "time_zone": entry.time_zone,
        "zone_assumed": entry.zone_assumed,
        "text": entry.text,
        "checkin": None
        if checkin is None or checkin.empty
        else {"closeness": checkin.closeness, "shame": checkin.shame},
        "tags": list(entry.tags),
        "starred": entry.starred,
        "shared": entry.shared,
        "import_key": entry.import_key,
        "source_mood": None
        if entry.source_mood is None
        else {"label": entry.source_mood.label, "score": entry.source_mood.score},
        "analysis": None if entry.analysis is None else entry.analysis.to_dict(),
    }


class TidewiseJsonExporter:
    name = "json"
    description = "Tidewise JSON (lossless; can be imported again)"
    extension = "json"

    def write(self, entries: Sequence[Entry], stream: IO[str], meta: ExportMeta) -> None:
        ordered = sorted(entries, key=lambda e: e.created)
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": meta.exported_at,
            "state": meta.state,
            "entries": [entry_to_dict(e) for e in ordered],
            # The person's corrections of sentence readings (what the journal learned).
            "corrections": [
                {"entry": _export_id(e.id), **c}
                for e in ordered
                for c in meta.corrections.get(e.id, [])
            ],
        }
        json.dump(doc, stream, ensure_ascii=False, indent=1)
        stream.write("\n")


def _zone(value: Any, where: str, place: str) -> str:
    if value is None or value == "":
        return "UTC"
    if not isinstance(value, str) or len(value) > MAX_ZONE_CHARS:
        raise ImportFormatError(where, place, "field 'time_zone' has the wrong type")
    return value


def _own_key(item: dict[str, Any]) -> str:
    """Entries written in Tidewise have no import key; give a stable one for re-imports."""
    digest = hashlib.sha256(f"{item['created']}\n{item['text']}".encode()).hexdigest()[:16]
    return f"tidewise:{digest}"


def _checkin(value: Any, where: str, place: str) -> CheckIn | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ImportFormatError(where, place, "field 'checkin' has the wrong type")
    try:
        return CheckIn(closeness=value.get("closeness"), shame=value.get("shame"))
    except (InputError, TypeError):
        raise ImportFormatError(where, place, "has a check-in out of range") from None


def entry_from_dict(item: Any, where: str, place: str) -> tuple[NewEntry, EntryAnalysis | None]:
    text = field(item, "text", str, where, place)
    try:
        created = datetime.fromisoformat(field(item, "created", str, where, place))
    except ValueError:
        raise ImportFormatError(where, place, "the date cannot be read") from None
    if created.tzinfo is None:
        raise ImportFormatError(where, place, "the date has no time zone")
    analysis = None
    if item.get("analysis") is not None:
        try:
            analysis = EntryAnalysis.from_dict(item["analysis"])
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ImportFormatError(where, place, "has an analysis that cannot be read") from None
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ImportFormatError(where, place, "field 'tags' has the wrong type")
    entry = NewEntry(
        text=text,
        created=created,
        time_zone=_zone(item.get("time_zone"), where, place),
        zone_assumed=bool(item.get("zone_assumed", False)),
        checkin=_checkin(item.get("checkin"), where, place),
        tags=tuple(tags),
        starred=bool(item.get("starred", False)),
        shared=bool(item.get("shared", False)),
        import_key=_import_key(item, where, place),
        source_mood=_source_mood(item.get("source_mood"), where, place),
    )
    return entry, analysis


def _import_key(item: dict[str, Any], where: str, place: str) -> str:
    key = item.get("import_key")
    if key is None or key == "":
        return _own_key(item)
    if not isinstance(key, str):
        raise ImportFormatError(where, place, "field 'import_key' has the wrong type")
    return key


def _source_mood(value: Any, where: str, place: str) -> SourceMood | None:
    if value is None:
        return None
    label = field(value, "label", str, where, place)
    score = field(value, "score", int, where, place)
    return SourceMood(label, score)


class TidewiseJsonImporter:
    name = "tidewise-json"
    description = "Tidewise JSON export"

    def sniff(self, path: Path) -> bool:
        return f'"{FORMAT}"' in read_head(path, 512)

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        return parse_export_text(read_text(path), str(path))


def parse_export_text(text: str, where: str) -> ParsedImport:
    """A Tidewise JSON export already in memory (also the inside of an encrypted export)."""
    doc = load_json(text, where)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportFormatError(where, "document", "is not a Tidewise export")
    if doc.get("version") != VERSION:
        raise ImportFormatError(where, "document", "is from a newer Tidewise; update first")
    entries: list[NewEntry] = []
    analyses: dict[str, EntryAnalysis] = {}
    keys_by_id: dict[str, str] = {}
    seen: set[str] = set()
    for index, item in enumerate(field(doc, "entries", list, where, "document")):
        place = f"entries[{index}]"
        entry, analysis = entry_from_dict(item, where, place)
        key = entry.import_key or ""
        if key in seen:
            raise ImportFormatError(where, place, "repeats an entry")
        seen.add(key)
        entries.append(entry)
        if isinstance(item.get("id"), str):
            keys_by_id[item["id"]] = key
        if analysis is not None:
            analyses[key] = analysis
    state = doc["state"] if isinstance(doc.get("state"), dict) else {}
    carried = _corrections(doc.get("corrections", []), keys_by_id, where)
    return ParsedImport(entries, analyses=analyses, state=state, corrections=carried)


def _corrections(raw: Any, keys_by_id: dict[str, str], where: str) -> list[CarriedCorrection]:
    """The export's corrections, each tied to one of its entries, checked field by field."""
    if not isinstance(raw, list):
        raise ImportFormatError(where, "corrections", "is not a list")
    out = []
    for index, item in enumerate(raw):
        place = f"corrections[{index}]"
        key = keys_by_id.get(field(item, "entry", str, where, place))
        if key is None:
            raise ImportFormatError(where, place, "names an entry that is not in the file")
        sentence = field(item, "sentence", int, where, place)
        try:
            label, was = label_of(field(item, "label", str, where, place)), str(item.get("was"))
        except InputError:
            raise ImportFormatError(where, place, "has an unknown label") from None
        if isinstance(sentence, bool) or sentence < 1:
            raise ImportFormatError(where, place, "has a sentence number below 1")
        text = field(item, "text", str, where, place)
        created = field(item, "created", str, where, place)
        try:
            if datetime.fromisoformat(created).tzinfo is None:
                raise ValueError
        except ValueError:
            raise ImportFormatError(where, place, "the date cannot be read") from None
        out.append(CarriedCorrection(key, sentence, text, was, label, created))
    return out

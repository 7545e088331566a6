"""Markdown export: for reading and printing, oldest first, one heading per entry.

The notes-folder importer reads these headings back (text and dates), but the
file is not lossless: use JSON to move a journal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from tidewise.formats.base import ExportMeta
from tidewise.records import Entry


def _facts(entry: Entry) -> str:
    parts = []
    if entry.checkin and entry.checkin.closeness is not None:
        parts.append(f"closeness {entry.checkin.closeness:+d}")
    if entry.checkin and entry.checkin.shame is not None:
        parts.append(f"shame {entry.checkin.shame}/10")
    if entry.tags:
        parts.append("tags: " + ", ".join(entry.tags))
    if entry.analysis is not None and entry.analysis.phase != "neutral":
        parts.append(f"phase: {entry.analysis.phase.replace('_', ' ')}")
    return " · ".join(parts)


class MarkdownExporter:
    name = "markdown"
    description = "Markdown, for reading and printing"
    extension = "md"

    def write(self, entries: Sequence[Entry], stream: IO[str], meta: ExportMeta) -> None:
        stream.write(f"# Journal\n\nExported {meta.exported_at}. This file is not encrypted.\n")
        for entry in sorted(entries, key=lambda e: e.created):
            stamp = entry.created.strftime("%Y-%m-%d %H:%M")
            stream.write(f"\n## {stamp} ({entry.time_zone})\n\n")
            facts = _facts(entry)
            if facts:
                stream.write(f"{facts}\n\n")
            stream.write(entry.text.rstrip() + "\n")

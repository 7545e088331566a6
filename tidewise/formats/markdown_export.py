"""Markdown export (for reading and printing), and reading our own Markdown back.

Oldest first; one `## 2026-03-14 21:40 (Europe/London)` heading per entry, then an
optional facts line (`closeness +1 · shame 6/10 · tags: evening · phase: Worn out ·
starred`), then the text. Phases carry the names the app shows (LABEL_TITLES).
A text line that starts with `#` or reads like a facts line gets a backslash
(`\\#`, which Markdown shows as `#`), so no sentence can pose as a heading or as
facts; tags never hold line breaks or control characters (storage/checks.py), and
everything after `tags: ` is tags, so a tag cannot pose as a check-in either. The
`tidewise-markdown` importer reads text, date, zone, check-in, tags and the star back;
it is not lossless (no analyses, no seconds): use JSON to move a journal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import IO

from tidewise.clock import localise
from tidewise.cycle.labels import title
from tidewise.errors import ImportFormatError, InputError
from tidewise.formats.base import ExportMeta, ImportOptions, ParsedImport, read_head, read_text
from tidewise.formats.text import normalise, text_key
from tidewise.records import CheckIn, Entry, NewEntry

TITLE = "# Journal"
_HEADING = re.compile(r"^## (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \(([^()\n]{1,64})\)$")
_FACT_PARTS = (
    re.compile(r"^closeness (?P<closeness>[+-]\d)$"),
    re.compile(r"^shame (?P<shame>\d{1,2})/10$"),
    re.compile(r"^tags: (?P<tags>.+)$"),
    re.compile(r"^phase: (?P<phase>[A-Za-z ]+)$"),  # older exports wrote the internal name
    re.compile(r"^(?P<starred>starred)$"),
)


def _phase_title(phase: str) -> str:
    return title(phase, unknown=phase.replace("_", " "))


def _facts(
    entry_checkin: CheckIn | None, tags: Sequence[str], phase: str | None, starred: bool
) -> str:
    parts = []
    if entry_checkin and entry_checkin.closeness is not None:
        parts.append(f"closeness {entry_checkin.closeness:+d}")
    if entry_checkin and entry_checkin.shame is not None:
        parts.append(f"shame {entry_checkin.shame}/10")
    if tags:
        parts.append("tags: " + ", ".join(tags))
    if phase is not None and phase != "neutral":
        parts.append(f"phase: {_phase_title(phase)}")
    if starred:
        parts.append("starred")
    return " · ".join(parts)


def _needs_escape(line: str) -> bool:
    """A line the importer could take for structure: a heading or a facts line."""
    bare = line.lstrip("\\")
    return bare.startswith("#") or _parse_facts(bare) is not None


def escape_lines(text: str) -> str:
    """One more backslash before any line that could pose as a heading or a facts line.

    `#...` -> `\\#...` (Markdown shows it as `#`), `tags: x` -> `\\tags: x`, and a line
    already escaped that way gets one more, so reading back removes exactly one.
    """
    return "\n".join("\\" + line if _needs_escape(line) else line for line in text.split("\n"))


def unescape_lines(text: str) -> str:
    return "\n".join(
        line[1:] if line.startswith("\\") and _needs_escape(line) else line
        for line in text.split("\n")
    )


class MarkdownExporter:
    name = "markdown"
    description = "Markdown, for reading and printing"
    extension = "md"

    def write(self, entries: Sequence[Entry], stream: IO[str], meta: ExportMeta) -> None:
        stream.write(f"{TITLE}\n\nExported {meta.exported_at}. This file is not encrypted.\n")
        for entry in sorted(entries, key=lambda e: e.created):
            stamp = entry.created.strftime("%Y-%m-%d %H:%M")
            stream.write(f"\n## {stamp} ({entry.time_zone})\n\n")
            phase = entry.analysis.phase if entry.analysis is not None else None
            facts = _facts(entry.checkin, entry.tags, phase, entry.starred)
            if facts:
                stream.write(f"{facts}\n\n")
            stream.write(escape_lines(entry.text.rstrip()) + "\n")


def _parse_facts(line: str) -> dict[str, str] | None:
    """The facts line's values, or None when the line is not a facts line.

    Tags come after the check-in and before the phase, and everything between
    `tags: ` and a final ` · phase: ...` is tags, whatever characters they hold.
    """
    head, marker, rest = line.partition("tags: ")
    tags = None
    if marker:
        if head and not head.endswith(" · "):
            return None
        head = head.removesuffix(" · ")
        starred = rest.endswith(" · starred")  # the star comes last, after any phase
        rest = rest.removesuffix(" · starred")
        before, phase_marker, phase = rest.rpartition(" · phase: ")
        if phase_marker and _FACT_PARTS[3].match(f"phase: {phase}"):
            tags, head = before, " · ".join(p for p in (head, f"phase: {phase}") if p)
        else:
            tags = rest
        if starred:
            head = " · ".join(p for p in (head, "starred") if p)
        if not tags.strip():
            return None
    found: dict[str, str] = {} if tags is None else {"tags": tags}
    for part in head.split(" · ") if head else []:
        match = next((m for p in _FACT_PARTS if (m := p.match(part))), None)
        if match is None or "tags" in match.groupdict():
            return None
        found.update(match.groupdict())
    return found or None


class TidewiseMarkdownImporter:
    name = "tidewise-markdown"
    description = "Markdown exported by Tidewise (text, dates, check-ins, tags)"

    def sniff(self, path: Path) -> bool:
        head = read_head(path, 200)
        return head.startswith(f"{TITLE}\n\nExported ") and "This file is not encrypted." in head

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport:
        where = str(path)
        lines = normalise(read_text(path)).split("\n")
        if not lines or lines[0] != TITLE:
            raise ImportFormatError(where, "line 1", "is not a Tidewise Markdown export")
        starts = [i for i, line in enumerate(lines) if _HEADING.match(line)]
        entries = [
            self._entry(lines, start, end, where)
            for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)
        ]
        entries.sort(key=lambda e: e.created)
        return ParsedImport(entries, notes=("Markdown holds no analyses; they are made anew",))

    @staticmethod
    def _entry(lines: list[str], start: int, end: int, where: str) -> NewEntry:
        place = f"line {start + 1}"
        match = _HEADING.match(lines[start])
        assert match is not None  # `starts` holds heading lines only
        try:
            naive = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M")
        except ValueError:
            raise ImportFormatError(where, place, "the date cannot be read") from None
        body = lines[start + 1 : end]
        while body and not body[0].strip():
            body.pop(0)
        facts = _parse_facts(body[0]) if body else None
        if facts is not None:
            body = body[1:]
        text = normalise(unescape_lines("\n".join(body)))
        if not text:
            raise ImportFormatError(where, place, "has a heading with no text under it")
        zone = match.group(2)
        facts = facts or {}
        return NewEntry(
            text=text,
            created=localise(naive, zone),
            time_zone=zone,
            checkin=_checkin(facts, where, place),
            tags=tuple(t.strip() for t in facts.get("tags", "").split(", ") if t.strip()),
            starred="starred" in facts,
            import_key=text_key("tidewise-md", naive, text),
        )


def _checkin(facts: dict[str, str], where: str, place: str) -> CheckIn | None:
    if "closeness" not in facts and "shame" not in facts:
        return None
    try:
        return CheckIn(
            closeness=int(facts["closeness"]) if "closeness" in facts else None,
            shame=int(facts["shame"]) if "shame" in facts else None,
        )
    except InputError:
        raise ImportFormatError(where, place, "has a check-in out of range") from None

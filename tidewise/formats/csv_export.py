"""CSV export: one row per entry, or per sentence with `level="sentences"`.

RFC 4180 quoting, UTF-8. Text cells that a spreadsheet would run as a formula
(starting with = + - @ tab or CR) get a leading apostrophe, and so do cells that
already start with one, so `unsafe_cell` gives back exactly what was written;
numbers are never touched, so a closeness of -2 stays a number. The per-entry file
can be imported again (`tidewise-csv`, in csv_import.py).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO

from tidewise.cycle.labels import LABEL_NAMES
from tidewise.formats.base import ExportMeta
from tidewise.records import Entry

ENTRY_COLUMNS = (
    "id",
    "created",
    "time_zone",
    "closeness",
    "shame",
    "tags",
    "starred",
    "phase",
    "movement",
    "text",
)
SENTENCE_COLUMNS = ("entry_id", "created", "sentence", "label", *LABEL_NAMES, "text")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith((*_FORMULA_START, "'")) else text


def unsafe_cell(cell: str) -> str:
    """The text `safe_cell` was given."""
    return cell[1:] if cell.startswith("'") else cell


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


class CsvExporter:
    name = "csv"
    description = "CSV, one row per entry"
    extension = "csv"
    level = "entries"

    def write(self, entries: Sequence[Entry], stream: IO[str], meta: ExportMeta) -> None:
        writer = csv.writer(stream, lineterminator="\r\n")
        ordered = sorted(entries, key=lambda e: e.created)
        if self.level == "sentences":
            writer.writerow(SENTENCE_COLUMNS)
            for entry in ordered:
                for index, s in enumerate(entry.analysis.sentences if entry.analysis else ()):
                    scores = [f"{s.scores.get(label, 0.0):.4f}" for label in LABEL_NAMES]
                    writer.writerow(
                        [
                            entry.id,
                            entry.created.isoformat(),
                            index + 1,
                            s.label,
                            *scores,
                            safe_cell(s.text),
                        ]
                    )
            return
        writer.writerow(ENTRY_COLUMNS)
        for entry in ordered:
            check = entry.checkin
            writer.writerow(
                [
                    entry.id,
                    entry.created.isoformat(),
                    entry.time_zone,
                    _num(check.closeness if check else None),
                    _num(check.shame if check else None),
                    safe_cell(" | ".join(entry.tags)),
                    "yes" if entry.starred else "no",
                    entry.analysis.phase if entry.analysis else "",
                    entry.analysis.movement if entry.analysis else "",
                    safe_cell(entry.text),
                ]
            )


class CsvSentencesExporter(CsvExporter):
    name = "csv-sentences"
    description = "CSV, one row per sentence with its label and scores"
    level = "sentences"

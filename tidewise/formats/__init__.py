"""Importers and exporters, one module per format, all reached through this registry.

Built-in formats register exactly the way an extension would: by calling
`register_importer` / `register_exporter`. Nothing else keeps a list of formats.
"""

from __future__ import annotations

from pathlib import Path

from tidewise.errors import ImportFormatError, UsageError
from tidewise.formats.base import Exporter, Importer

_IMPORTERS: dict[str, Importer] = {}
_EXPORTERS: dict[str, Exporter] = {}


def register_importer(importer: Importer) -> None:
    _IMPORTERS[importer.name] = importer


def register_exporter(exporter: Exporter) -> None:
    _EXPORTERS[exporter.name] = exporter


def importers() -> dict[str, Importer]:
    return dict(_IMPORTERS)


def exporters() -> dict[str, Exporter]:
    return dict(_EXPORTERS)


def get_importer(name: str) -> Importer:
    if name not in _IMPORTERS:
        msg = f"Unknown import format; choose one of: {', '.join(sorted(_IMPORTERS))}."
        raise UsageError(msg)
    return _IMPORTERS[name]


def get_exporter(name: str) -> Exporter:
    if name not in _EXPORTERS:
        msg = f"Unknown export format; choose one of: {', '.join(sorted(_EXPORTERS))}."
        raise UsageError(msg)
    return _EXPORTERS[name]


def guess_importer(path: Path) -> Importer:
    """The one format that recognises the file; refuse to guess between several or none."""
    if not path.exists():
        raise ImportFormatError(str(path), "path", "does not exist")
    fitting = [imp for imp in _IMPORTERS.values() if imp.sniff(path)]
    if len(fitting) == 1:
        return fitting[0]
    names = ", ".join(sorted(_IMPORTERS))
    if not fitting:
        raise ImportFormatError(
            str(path), "file", f"is not in a format we recognise; name one with --format ({names})"
        )
    raise ImportFormatError(
        str(path), "file", "could be read more than one way; name the format with --format"
    )


def _register_builtins() -> None:
    from tidewise.formats.csv_export import CsvExporter, CsvSentencesExporter
    from tidewise.formats.csv_import import TidewiseCsvImporter
    from tidewise.formats.day_one import DayOneImporter
    from tidewise.formats.daylio_backup import DaylioBackupImporter
    from tidewise.formats.daylio_csv import DaylioCsvImporter
    from tidewise.formats.jrnl_json import JrnlJsonImporter
    from tidewise.formats.jrnl_text import JrnlTextImporter
    from tidewise.formats.markdown_export import MarkdownExporter, TidewiseMarkdownImporter
    from tidewise.formats.notes_folder import NotesFolderImporter
    from tidewise.formats.sealed import TidewiseEncryptedImporter
    from tidewise.formats.tidewise_json import TidewiseJsonExporter, TidewiseJsonImporter

    for importer in (
        DaylioCsvImporter(),
        DaylioBackupImporter(),
        JrnlTextImporter(),
        JrnlJsonImporter(),
        DayOneImporter(),
        NotesFolderImporter(),
        TidewiseJsonImporter(),
        TidewiseEncryptedImporter(),
        TidewiseMarkdownImporter(),
        TidewiseCsvImporter(),
    ):
        register_importer(importer)
    for exporter in (
        TidewiseJsonExporter(),
        MarkdownExporter(),
        CsvExporter(),
        CsvSentencesExporter(),
    ):
        register_exporter(exporter)


_register_builtins()

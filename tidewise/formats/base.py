"""What every importer and exporter is, and the rules they share.

Importers parse a whole file into `NewEntry` objects before anything is written
(all or nothing: the journal writes them in one transaction). Exporters write to
a stream they are given and never print. Neither ever puts entry text in an error.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from tidewise.analysis.types import EntryAnalysis
from tidewise.errors import ImportFormatError
from tidewise.records import Entry, NewEntry

# A journal export of ten years is a few MB; 50 MB is far past any real file and
# keeps a hostile or mistaken file (a 200 MB video renamed .csv) from being read.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_JSON_DEPTH = 64


@dataclass(frozen=True)
class ImportOptions:
    """Choices a person makes for an import. `zone` is used where the source has none."""

    zone: str = "UTC"
    mood_map: dict[str, int] = field(default_factory=dict)
    time_format: str | None = None  # jrnl plain text: the user's `timeformat`
    # An encrypted Tidewise export's passphrase; kept out of repr so no traceback shows it.
    passphrase: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class CarriedCorrection:
    """A correction read from a Tidewise export, tied to its entry by import key."""

    import_key: str
    sentence: int
    text: str
    was: str
    label: str
    created: str


@dataclass(frozen=True)
class ParsedImport:
    entries: list[NewEntry]
    dropped_fields: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # plain facts for the summary, e.g. "3 rows had no note"
    # Tidewise's own export carries analyses (by import key) and journal state (lessons).
    analyses: dict[str, EntryAnalysis] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    corrections: list[CarriedCorrection] = field(default_factory=list)


@dataclass(frozen=True)
class ExportMeta:
    exported_at: str
    state: dict[str, Any] = field(default_factory=dict)  # lesson progress and the like
    corrections: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # by entry id


class Importer(Protocol):
    name: str
    description: str

    def sniff(self, path: Path) -> bool:
        """True when the file is very likely in this format (cheap, never raises)."""
        ...

    def parse(self, path: Path, options: ImportOptions) -> ParsedImport: ...


class Exporter(Protocol):
    name: str
    description: str
    extension: str

    def write(self, entries: Sequence[Entry], stream: IO[str], meta: ExportMeta) -> None: ...


def csv_problem(err: Exception, limit: int) -> str:
    """What a csv.Error means, in words: an over-long field is not broken quoting."""
    if "field larger than field limit" in str(err):
        return f"has a field longer than {limit:,} characters, too large to be one entry"
    return "broken CSV quoting"


def check_size(path: Path) -> None:
    """Refuse files too large to be a journal before reading a byte of them."""
    try:
        size = os.stat(path).st_size
    except OSError as err:
        raise ImportFormatError(str(path), "file", "cannot be read") from err
    if size > MAX_FILE_BYTES:
        raise ImportFormatError(
            str(path), "file", f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
        )


def read_head(path: Path, size: int = 4096) -> str:
    """The start of a file as text, for sniffing; "" when it is not readable UTF-8 text."""
    try:
        with path.open(encoding="utf-8-sig") as f:
            return f.read(size)
    except (OSError, UnicodeDecodeError):
        return ""


def read_text(path: Path) -> str:
    """The file as text: UTF-8 with an optional BOM, or a clear refusal."""
    check_size(path)
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ImportFormatError(
            str(path), f"byte {err.start}", "is not UTF-8 text (save it as UTF-8 and retry)"
        ) from err

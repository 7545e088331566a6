"""Journal records shared by the facade, storage, formats, web and reports.

Plain frozen dataclasses: no I/O here. Times are timezone-aware datetimes; the
zone name (IANA, or an offset like "+01:00") is kept beside the instant, and
`zone_assumed` marks times whose zone the source did not say (jrnl, Daylio CSV).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from tidewise.analysis.types import EntryAnalysis
from tidewise.errors import InputError

CLOSENESS_RANGE = (-3, 3)
SHAME_RANGE = (0, 10)


@dataclass(frozen=True)
class CheckIn:
    """The optional check-in: closeness to the partner -3..+3, shame 0..10."""

    closeness: int | None = None
    shame: int | None = None

    def __post_init__(self) -> None:
        if self.closeness is not None and not (
            CLOSENESS_RANGE[0] <= self.closeness <= CLOSENESS_RANGE[1]
        ):
            msg = "Closeness must be a whole number from -3 to 3."
            raise InputError(msg)
        if self.shame is not None and not (SHAME_RANGE[0] <= self.shame <= SHAME_RANGE[1]):
            msg = "Shame must be a whole number from 0 to 10."
            raise InputError(msg)

    @property
    def empty(self) -> bool:
        return self.closeness is None and self.shame is None


@dataclass(frozen=True)
class SourceMood:
    """A mood carried over from another app (Daylio, ...): its label and a 1-5 score.

    Never treated as closeness or shame: another app's mood is not a Tidewise check-in.
    """

    label: str
    score: int


@dataclass(frozen=True)
class NewEntry:
    """An entry about to be written (by `write` or an importer)."""

    text: str
    created: datetime
    time_zone: str = "UTC"
    zone_assumed: bool = False
    checkin: CheckIn | None = None
    tags: tuple[str, ...] = ()
    starred: bool = False
    import_key: str | None = None
    source_mood: SourceMood | None = None
    shared: bool = False  # kept by Tidewise's own export, so a round trip loses nothing
    updated: datetime | None = None  # None: the moment it is written


class Analysis(StrEnum):
    """How `Journal.write` and `Journal.edit` read new text."""

    REQUIRED = "required"  # read it, or raise ModelFilesError / ImportError
    # Read it when the reader can run on this install; otherwise save it unread (the
    # entry matters more than its reading, which `tidewise reanalyze` can add later).
    IF_AVAILABLE = "if_available"
    OFF = "off"  # save it unread: the person asked (`tidewise write --no-analysis`)


class Unread(StrEnum):
    """Why an entry just saved has no reading."""

    ASKED = "asked"  # written with Analysis.OFF
    NO_READER = "no_reader"  # the model files or onnxruntime are missing on this install


@dataclass(frozen=True)
class Entry:
    """An entry as stored, with its latest analysis when it has one."""

    id: int
    text: str
    created: datetime
    updated: datetime
    time_zone: str = "UTC"
    zone_assumed: bool = False
    checkin: CheckIn | None = None
    tags: tuple[str, ...] = ()
    starred: bool = False
    import_key: str | None = None
    source_mood: SourceMood | None = None
    analysis: EntryAnalysis | None = None
    shared: bool = False  # marked by the person for a therapist report
    extra: dict[str, str] = field(default_factory=dict)
    # Why the entry has no reading, on the entry `write` or `edit` returns (None when it
    # was read, or an edit kept its text and reading). Never stored, never compared.
    unread: Unread | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Cursor:
    """A place in the newest-first list: the entry a page ended with.

    The list is ordered by time, then id, because many entries can share an instant
    (imports dated by the day alone); a time alone would skip or repeat them."""

    created: datetime
    entry_id: int

    @classmethod
    def at(cls, entry: Entry) -> Cursor:
        return cls(entry.created, entry.id)


@dataclass(frozen=True)
class EntryPage:
    """One page of the newest-first list; `next` is None on the last page."""

    entries: tuple[Entry, ...]
    next: Cursor | None


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    dropped_fields: tuple[str, ...] = ()
    unread: Unread | None = None  # why the imported entries have no reading, if they have none


UNSURE = "unsure"  # the person's "not sure": shown as such, read as telling, teaches nothing


@dataclass(frozen=True)
class Correction:
    """The person's own reading of one sentence of an entry.

    `label` is a sentence label or `UNSURE`; `was` is what the reader said before.
    `sentence` is the sentence's number (from 1) when it was corrected; `text` is kept
    so the correction still applies if an edit moves the sentence."""

    id: int
    entry_id: int
    sentence: int
    text: str
    was: str
    label: str
    created: datetime

    @property
    def teaches(self) -> bool:
        return self.label != UNSURE

    def to_dict(self) -> dict[str, object]:
        """The JSON form (`tidewise corrections --json`; exports drop `id` and `entry`)."""
        return {
            "id": self.id,
            "entry": self.entry_id,
            "sentence": self.sentence,
            "text": self.text,
            "was": self.was,
            "label": self.label,
            "created": self.created.isoformat(),
        }

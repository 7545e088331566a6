"""The report for a therapist as typed data: what the person asked for, and what it holds.

`reports/therapist.py` composes a `Report` from the entries (pure); the HTML, the PDF
and the web page's preview read its fields. `Report.to_dict()` is the JSON appendix
written beside every report: the same figures, under the keys of format
"tidewise-report" version 1 (its `tide` is `Tide.to_dict()`, the `tidewise tide --json`
contract). Every piece of entry text in a Report is already redacted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tidewise.cycle.labels import Label, title
from tidewise.reports.redact import Redactions

if TYPE_CHECKING:
    from tidewise.cycle.tide import Tide
    from tidewise.reports.stats import CheckinsByWeek, SafetyFlag, ShameByWeek

FORMAT = "tidewise-report"
VERSION = 1


@dataclass(frozen=True)
class ReportRequest:
    """What the person chose: the period, the entries to quote besides the marked ones,
    the names and places to replace, whether flagged safety sentences are shown, and
    whether their answers to "are you safe right now?" go in (never without consent)."""

    since: datetime | None = None
    until: datetime | None = None
    share: tuple[int, ...] = ()  # entry ids chosen for this report, besides marked ones
    redactions: Redactions = field(default_factory=Redactions)
    include_safety_text: bool = False
    include_check_ins: bool = False


def phase_title(name: str) -> str:
    return title(name, unknown="no clear phase")


@dataclass(frozen=True)
class Period:
    first: date | None  # None: from the first entry
    last: date

    def to_dict(self) -> dict[str, str | None]:
        return {
            "from": self.first.isoformat() if self.first else None,
            "to": self.last.isoformat(),
        }


@dataclass(frozen=True)
class LeftOut:
    """What the report does not hold, counted so the reader knows it is missing."""

    entries_before_period: int
    entries_after_period: int
    entries_not_analysed: int
    entries_not_shared: int
    safety_text: bool  # True: the words of flagged sentences are left out
    check_in_answers: bool  # True: the answers to "are you safe right now?" are left out


@dataclass(frozen=True)
class Excerpt:
    """One quoted entry: `phase` is its own reading, `tide_phase` the tide's (None when
    the tide did not read it)."""

    entry: int
    written: datetime
    phase: str
    tide_phase: Label | None
    text: str

    @property
    def date(self) -> str:
        return self.written.strftime("%Y-%m-%d %H:%M")

    def to_dict(self) -> dict[str, Any]:
        tide_phase = self.tide_phase
        return {
            "entry": self.entry,
            "date": self.date,
            "phase": self.phase,
            "phase_title": phase_title(self.phase),
            "tide_phase": None if tide_phase is None else str(tide_phase),
            "tide_phase_title": None if tide_phase is None else phase_title(tide_phase),
            "text": self.text,
        }


@dataclass(frozen=True)
class Safety:
    flags: tuple[SafetyFlag, ...]
    text_included: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "flags": [flag.to_dict() for flag in self.flags],
            "text_included": self.text_included,
        }


@dataclass(frozen=True)
class SafetyCheckIn:
    """One "are you safe right now?" check-in, only in a report the person chose it for:
    the day it was asked, which asking it was and the answer, in plain words. Never any
    entry text."""

    day: date
    asked: str  # one of ASKED
    answer: str  # one of ANSWERS

    def to_dict(self) -> dict[str, str]:
        return {"date": self.day.isoformat(), "asked": self.asked, "answer": self.answer}


# What was asked: the first time, asked again on a later worrying entry, or the gentle
# follow-up on the entry after one (replies.py's steps, as words).
ASKED = ("first", "again", "follow-up")
ANSWERS = ("safe", "not sure", "not safe", "not answered")


@dataclass(frozen=True)
class CompletedLesson:
    week: int
    title: str
    day: date


@dataclass(frozen=True)
class Lessons:
    total: int
    released: int
    opened: int
    completed: tuple[CompletedLesson, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "released": self.released,
            "opened": self.opened,
            "completed": [
                {"week": c.week, "title": c.title, "date": c.day.isoformat()}
                for c in self.completed
            ],
        }


@dataclass(frozen=True)
class Redacted:
    """How many names and places were replaced (never the words themselves)."""

    names: int
    places: int


@dataclass(frozen=True)
class Method:
    labels: str
    readings: str
    macro_f1: float | None
    macro_f1_note: str


@dataclass(frozen=True)
class Report:
    """Every number and consented excerpt of one report, gathered once."""

    made_at: datetime
    period: Period
    entries: int  # in the period
    left_out: LeftOut
    not_a_diagnosis: str
    tide: Tide
    entries_read_alone: dict[str, float | None]  # phase (or "neutral") -> share
    shame: ShameByWeek
    checkins: CheckinsByWeek
    safety: Safety
    lessons: Lessons
    excerpts: tuple[Excerpt, ...]
    redacted: Redacted
    method: Method
    # None: the person did not include their check-in answers, and nothing about them
    # (not even a count) is in the report; () : included, none asked in the period.
    safety_check_ins: tuple[SafetyCheckIn, ...] | None = None

    @property
    def made_at_text(self) -> str:
        return self.made_at.isoformat(timespec="seconds")

    def to_dict(self) -> dict[str, Any]:
        """The JSON appendix; "safety_check_ins" only when the person included them."""
        appendix: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "made_at": self.made_at_text,
            "period": self.period.to_dict(),
            "entries": self.entries,
            "left_out": asdict(self.left_out),
            "not_a_diagnosis": self.not_a_diagnosis,
            "tide": self.tide.to_dict(),
            "entries_read_alone": self.entries_read_alone,
            "shame": asdict(self.shame),
            "checkins": asdict(self.checkins),
            "safety": self.safety.to_dict(),
            "lessons": self.lessons.to_dict(),
            "excerpts": [excerpt.to_dict() for excerpt in self.excerpts],
            "redacted": asdict(self.redacted),
            "method": asdict(self.method),
        }
        if self.safety_check_ins is not None:
            appendix["safety_check_ins"] = [c.to_dict() for c in self.safety_check_ins]
        return appendix

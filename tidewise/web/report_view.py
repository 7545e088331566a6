"""The therapist report page: the person's choices, read and checked, and what the page
shows before anything leaves.

The same use-case as `tidewise report` (tidewise/report.py): consent first, quotes only
from entries marked to share or numbered here, names and places replaced everywhere. The
choices travel in the page's forms (never in a URL, where the names would sit in the
browser's history); the report is made in memory for the download, so no plaintext file
is written anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from tidewise.errors import InputError
from tidewise.web.guards import Form

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.reports.document import Report, ReportRequest

FORMATS = {"pdf": "PDF", "html": "HTML page", "json": "The figures alone, as data (JSON)"}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
MAX_WORDS = 100  # names, places or entry numbers in one form
_SPLIT = re.compile(r"[,\n]")


@dataclass(frozen=True)
class ReportChoices:
    """What the person typed, kept as typed so every form on the page can show it again."""

    since: str = ""
    until: str = ""
    names: str = ""
    places: str = ""
    share: str = ""
    safety_text: bool = False
    check_ins: bool = False  # the answers to "are you safe right now?"; unchecked at first

    @classmethod
    def from_form(cls, form: Form) -> ReportChoices:
        return cls(
            since=form.text("since").strip(),
            until=form.text("until").strip(),
            names=form.text("names"),
            places=form.text("places"),
            share=form.text("share"),
            safety_text=form.text("safety_text") == "yes",
            check_ins=form.text("check_ins") == "yes",
        )


def words(text: str) -> list[str]:
    """One name or place per line or between commas; blanks dropped."""
    found = [w.strip() for w in _SPLIT.split(text) if w.strip()]
    if len(found) > MAX_WORDS:
        msg = f"Give at most {MAX_WORDS} names or places at a time."
        raise InputError(msg)
    return found


def entry_numbers(text: str) -> tuple[int, ...]:
    numbers = []
    for word in words(text.replace(" ", ",")):
        if not word.isdigit() or len(word) > 18:
            msg = f"'{word[:20]}' is not an entry number; give numbers like 12, 15."
            raise InputError(msg)
        numbers.append(int(word))
    return tuple(dict.fromkeys(numbers))


def _day(text: str, which: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"The {which} day must be a date like 2026-03-01."
        raise InputError(msg) from None


def period(choices: ReportChoices) -> tuple[datetime | None, datetime | None]:
    """[start of the first day, start of the day after the last), in the journal's zone."""
    from tidewise.clock import local_now

    zone = local_now().tzinfo
    first, last = _day(choices.since, "first"), _day(choices.until, "last")
    if first and last and first > last:
        msg = "The first day comes after the last day; swap them or choose again."
        raise InputError(msg)
    since = datetime.combine(first, time.min, zone) if first else None
    until = datetime.combine(last + timedelta(days=1), time.min, zone) if last else None
    return since, until


def report_request(journal: Journal, choices: ReportChoices, *, save: bool) -> ReportRequest:
    """The use-case's request; InputError (one line) for anything that cannot be read.

    With `save`, the names and places join the list kept for the next report, as the
    CLI does when it writes a report (never on a preview).
    """
    from tidewise.report import kept_redactions
    from tidewise.reports.document import ReportRequest

    since, until = period(choices)
    names, places = words(choices.names), words(choices.places)
    share = entry_numbers(choices.share)
    return ReportRequest(
        since=since,
        until=until,
        share=share,
        redactions=kept_redactions(journal, names, places, save=save),
        include_safety_text=choices.safety_text,
        include_check_ins=choices.check_ins,
    )


def make_report(journal: Journal, request: ReportRequest) -> Report:
    """The report, or InputError when the period holds no entry (nothing to report)."""
    from tidewise.report import build_report

    made = build_report(journal, request)
    if made.entries == 0:
        msg = (
            "There are no entries in that period, so there is nothing to report. Choose other days."
        )
        raise InputError(msg)
    return made


def preview(journal: Journal, request: ReportRequest, made: Report) -> dict[str, Any]:
    """Everything the page shows before a download: what is in, what is out, the words."""
    from tidewise.report import suggestions
    from tidewise.reports import glance

    return {
        "period": made.period,
        "entries": made.entries,
        "quoted": made.excerpts,
        "redacted_names": request.redactions.names,
        "redacted_places": request.redactions.places,
        "maybe_names": suggestions(journal, request),
        "highlights": glance.highlights(made),
        "phase_head": glance.PHASE_TABLE_HEAD,
        "phase_rows": glance.phase_rows(made),
        "left_out": glance.left_out_lines(made),
        "safety_line": glance.safety_line(made),
        "safety_flags": made.safety.flags if made.safety.text_included else (),
        # None when the person did not include their check-in answers: nothing is shown.
        "check_ins": None if made.safety_check_ins is None else glance.check_in_rows(made),
        "check_in_words": glance.CHECK_INS_WORDS,
        "check_in_head": glance.CHECK_INS_HEAD,
        "excerpt_line": glance.excerpt_line,
        "not_a_diagnosis": made.not_a_diagnosis,
    }


def file_stem() -> str:
    """A neutral name for a downloads folder: nothing about the journal or the person."""
    from tidewise.clock import local_now

    return f"summary-{local_now():%Y-%m-%d}"


def report_bytes(made: Report, fmt: str, stem: str) -> bytes:
    """The download, made in memory (the report, or its figures as JSON)."""
    from tidewise.reports.therapist import render

    return render(made, fmt, f"{stem}.json")

"""The report for a therapist, as `tidewise report` and the web's report page make it.

This use-case reads the journal (the entries, the lesson progress, the names and
places kept for redaction), has reports/therapist.py compose and render the report,
writes the files whole (durable.py) and remembers in the journal's encrypted state
which entries went into which report and when. The report itself is a typed
`Report` (reports/document.py); `ReportRequest` is what the person chose.

Files: HTML or PDF by the file's suffix, and always the JSON appendix beside it as
`<name>.json` with the same numbers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tidewise import durable, replies
from tidewise.errors import UsageError
from tidewise.lessons.model import statuses
from tidewise.reports import therapist
from tidewise.reports.document import Report, ReportRequest
from tidewise.reports.redact import Redactions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tidewise.journal import Journal

STATE_KEY = "reports"
REDACTIONS_KEY = "report_redactions"  # the names and places kept for the next report
SUFFIXES = (".html", ".pdf")


def kept_redactions(
    journal: Journal, names: Sequence[str], places: Sequence[str], *, save: bool
) -> Redactions:
    """The person's list so far plus the words given now; with `save`, the union is kept
    (encrypted, in the journal's state) for the next report. A preview saves nothing."""
    kept = journal.get_state(REDACTIONS_KEY)
    kept = kept if isinstance(kept, dict) else {}
    all_names = tuple(dict.fromkeys([*kept.get("names", []), *(n.strip() for n in names)]))
    all_places = tuple(dict.fromkeys([*kept.get("places", []), *(p.strip() for p in places)]))
    redactions = Redactions(
        names=tuple(n for n in all_names if n), places=tuple(p for p in all_places if p)
    )
    if save and (names or places):
        journal.set_state(
            REDACTIONS_KEY, {"names": list(redactions.names), "places": list(redactions.places)}
        )
    return redactions


def build_report(
    journal: Journal, request: ReportRequest, *, now: datetime | None = None
) -> Report:
    """Every number and consented excerpt of the report, gathered once. The answers to
    "are you safe right now?" are read only when the person included them."""
    now = now or datetime.now(UTC)
    lessons = therapist.lesson_progress(statuses(journal, now))
    entries = journal.entries(newest_first=False)
    check_ins = None
    if request.include_check_ins:
        check_ins = therapist.check_ins_in_period(replies.check_ins(journal), request)
    return therapist.compose(entries, request, lessons, now, check_ins)


def suggestions(journal: Journal, request: ReportRequest) -> list[str]:
    """Capitalised words in the shared text that the person may want to redact too."""
    entries = journal.entries(newest_first=False)
    return therapist.suggestions(entries, request)


def report_format(path: Path) -> str:
    """ "html" or "pdf" by the file's suffix; UsageError for any other."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        msg = "The report file must end in .html or .pdf."
        raise UsageError(msg)
    return suffix[1:]


def write_report(report: Report, path: Path, *, scratch: Path | None = None) -> list[Path]:
    """Write the report (HTML or PDF by suffix) and its JSON appendix, each whole.

    Partial files go to `scratch` (the journal's own folder) when given, so a killed
    command leaves nothing half-written beside the report.
    """
    appendix = path.with_suffix(".json")
    for target, fmt in ((path, report_format(path)), (appendix, "json")):
        with durable.atomic_binary_file(target, scratch=scratch) as stream:
            stream.write(therapist.render(report, fmt, appendix.name))
    return [path, appendix]


def record_report(journal: Journal, report: Report, path: Path) -> None:
    """Remember which entries went into which report file, and when (state "reports")."""
    made = journal.get_state(STATE_KEY)
    history = list(made) if isinstance(made, list) else []
    history.append(
        {
            "made_at": report.made_at_text,
            "file": path.name,
            "period": report.period.to_dict(),
            "entries_shared": [excerpt.entry for excerpt in report.excerpts],
            "safety_text": report.safety.text_included,
            "check_ins_included": report.safety_check_ins is not None,
        }
    )
    journal.set_state(STATE_KEY, history)

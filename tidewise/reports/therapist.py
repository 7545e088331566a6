"""The report for a therapist: consent first, redacted, aggregates by default.

`build_report` gathers everything from the journal into one JSON-ready dict (the
appendix) plus the Tide for the charts. Only entries the person marked for sharing
(`Entry.shared`, or ids passed for this report) appear as excerpts, each redacted
and with its own phase (and the tide's, which may differ: reports/readings.py);
every other entry contributes numbers only. Safety flags show as
dates and kinds; the flagged sentences only when the person asks for them. Names
and places on the person's list are replaced in every piece of text that leaves.

`write_report` renders HTML (one self-contained file: inline CSS and SVG, no
script, no external asset) or PDF (fpdf2, report_pdf.py) by the file's suffix, and
always writes the appendix beside it as `<name>.json` with the same numbers.
`record_report` keeps, in the journal's encrypted state, which entries went into
which report and when.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidewise.cycle.labels import Label, title
from tidewise.errors import UsageError
from tidewise.reports import readings, stats
from tidewise.reports.observations import in_range, tide_of
from tidewise.reports.redact import Redactions, suggest_names

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from tidewise.cycle.tide import Tide
    from tidewise.journal import Journal
    from tidewise.records import Entry

FORMAT = "tidewise-report"
VERSION = 1
STATE_KEY = "reports"
REDACTIONS_KEY = "report_redactions"  # the names and places kept for the next report
SUFFIXES = (".html", ".pdf")
NOT_A_DIAGNOSIS = (
    "This is not a diagnosis or a clinical assessment. It was made by a journaling app "
    "from the writer's own words; its labels are automatic estimates and can be wrong."
)
METHOD = (
    "Each sentence is labelled on the writer's own computer by a small classifier "
    "(a MiniLM sentence embedding with a logistic-regression head, trained only on "
    "sentences written for this project) as reaching, shame for reaching, shame from "
    "the rupture, withdrawing, punishing, worn out, or none of these. Each entry is then "
    "read in two ways. On its own, its phase is the label its sentences carry most (or "
    "no clear phase, when none carries enough). In the tide, the entries are read as a "
    "sequence by a hidden Markov model whose transitions follow the cycle of reaching, "
    "shame, distancing and exhaustion, which gives each entry a phase smoothed by the "
    "entries around it; loops, turns and the shares of time and of entries are counted "
    "from those tide phases. The two can differ for the same entry."
)
READINGS_NOTE = (
    "The first two columns count the tide: each entry read together with the entries "
    "around it, as the loops and turns are. The last column counts the same entries, "
    "each read on its own from its own sentences."
)
_F1 = re.compile(r"macro-F1 (\d\.\d+)")


@dataclass(frozen=True)
class ReportRequest:
    since: datetime | None = None
    until: datetime | None = None
    share: tuple[int, ...] = ()  # entry ids chosen for this report, besides marked ones
    redactions: Redactions = field(default_factory=Redactions)
    include_safety_text: bool = False


@dataclass(frozen=True)
class Report:
    data: dict[str, Any]  # the JSON appendix; everything the report shows is in it
    tide: Tide


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


def phase_title(name: str) -> str:
    return title(name, unknown="no clear phase")


def measured_macro_f1() -> float | None:
    """The classifier's macro-F1 as recorded beside its weights, or None when not measured."""
    try:
        text = resources.files("tidewise.analysis").joinpath("data/README.md").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    match = _F1.search(text)
    return float(match.group(1)) if match else None


def _aware(moment: datetime | None) -> datetime | None:
    """A date typed without a zone means the machine's local time (as in `tidewise tide`)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.astimezone()


def _in_period(entries: list[Entry], since: datetime | None, until: datetime | None) -> list[Entry]:
    return [e for e in entries if in_range(e.created, since, until)]


def _shared(in_period: list[Entry], request: ReportRequest) -> list[Entry]:
    chosen = set(request.share)
    known = {e.id for e in in_period}
    missing = sorted(chosen - known)
    if missing:
        msg = f"Entry {missing[0]} is not in the report's period, so it cannot be shared in it."
        raise UsageError(msg)
    return [e for e in in_period if e.shared or e.id in chosen]


def _excerpt(
    entry: Entry, redactions: Redactions, tide_phases: Mapping[int, Label]
) -> dict[str, Any]:
    """One quoted entry: `phase` is its own reading, `tide_phase` the tide's (None when
    the tide did not read it)."""
    phase = entry.analysis.phase if entry.analysis is not None else "neutral"
    tide_phase = tide_phases.get(entry.id)
    return {
        "entry": entry.id,
        "date": entry.created.strftime("%Y-%m-%d %H:%M"),
        "phase": phase,
        "phase_title": phase_title(phase),
        "tide_phase": None if tide_phase is None else str(tide_phase),
        "tide_phase_title": None if tide_phase is None else phase_title(tide_phase),
        "text": redactions.apply(entry.text),
    }


def _safety(in_period: list[Entry], request: ReportRequest) -> dict[str, Any]:
    flags = stats.safety_flags(in_period)
    section: dict[str, Any] = {"flags": flags, "text_included": request.include_safety_text}
    if request.include_safety_text:
        by_id = {e.id: e for e in in_period}
        for flag in flags:
            sentences = stats.safety_sentences(by_id[flag["entry"]])
            flag["sentences"] = [request.redactions.apply(s) for s in sentences]
    return section


def _lessons(journal: Journal, now: datetime) -> dict[str, Any]:
    from tidewise.lessons.model import statuses

    items = statuses(journal, now)
    return {
        "total": len(items),
        "released": sum(1 for s in items if s.unlocked),
        "opened": sum(1 for s in items if s.opened is not None),
        "completed": [
            {
                "week": s.lesson.week,
                "title": s.lesson.title,
                "date": s.completed.date().isoformat(),
            }
            for s in items
            if s.completed is not None
        ],
    }


def _period(in_period: list[Entry], request: ReportRequest, now: datetime) -> dict[str, str | None]:
    first = request.since or (in_period[0].created if in_period else None)
    last = request.until or now
    return {
        "from": first.date().isoformat() if first else None,
        "to": last.date().isoformat(),
    }


def build_report(
    journal: Journal, request: ReportRequest, *, now: datetime | None = None
) -> Report:
    """Every number and consented excerpt of the report, gathered once."""
    now = now or datetime.now(UTC)
    request = replace(request, since=_aware(request.since), until=_aware(request.until))
    entries = journal.entries(newest_first=False)
    in_period = _in_period(entries, request.since, request.until)
    shared = _shared(in_period, request)
    tide = tide_of(entries, request.since, request.until)
    tide_phases = readings.tide_phases(tide)
    f1 = measured_macro_f1()
    data = {
        "format": FORMAT,
        "version": VERSION,
        "made_at": now.isoformat(timespec="seconds"),
        "period": _period(in_period, request, now),
        "entries": len(in_period),
        "left_out": {
            "entries_before_period": sum(
                1 for e in entries if request.since and e.created < request.since
            ),
            "entries_after_period": sum(
                1 for e in entries if request.until and e.created >= request.until
            ),
            "entries_not_analysed": tide.unanalysed,
            "entries_not_shared": len(in_period) - len(shared),
            "safety_text": not request.include_safety_text,
        },
        "not_a_diagnosis": NOT_A_DIAGNOSIS,
        "tide": tide.to_dict(),
        "entries_read_alone": readings.read_alone_shares(tide, readings.own_phases(in_period)),
        "shame": stats.shame_by_week(in_period),
        "checkins": stats.checkins_by_week(in_period),
        "safety": _safety(in_period, request),
        "lessons": _lessons(journal, now),
        "excerpts": [_excerpt(e, request.redactions, tide_phases) for e in shared],
        "redacted": {
            "names": len(request.redactions.names),
            "places": len(request.redactions.places),
        },
        "method": {
            "labels": METHOD,
            "readings": READINGS_NOTE,
            "macro_f1": f1,
            "macro_f1_note": "measured on posts written apart from its training data and "
            "labelled by two independent readers, who agree with each other at about 0.89; "
            "real writing may score lower"
            if f1 is not None
            else "not measured",
        },
    }
    return Report(data=data, tide=tide)


def suggestions(journal: Journal, request: ReportRequest) -> list[str]:
    """Capitalised words in the shared text that the person may want to redact too."""
    request = replace(request, since=_aware(request.since), until=_aware(request.until))
    entries = _in_period(journal.entries(newest_first=False), request.since, request.until)
    texts = [e.text for e in _shared(entries, request)]
    if request.include_safety_text:
        texts += [s for e in entries for s in stats.safety_sentences(e)]
    listed = (*request.redactions.names, *request.redactions.places)
    return suggest_names(texts, known=listed)


def appendix_path(path: Path) -> Path:
    return path.with_suffix(".json")


def write_report(report: Report, path: Path, *, scratch: Path | None = None) -> list[Path]:
    """Write the report (HTML or PDF by suffix) and its JSON appendix, each atomically.

    Partial files go to `scratch` (the journal's own folder) when given, so a killed
    command leaves nothing half-written beside the report.
    """
    from tidewise.durable import atomic_binary_file, atomic_text_file

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        msg = "The report file must end in .html or .pdf."
        raise UsageError(msg)
    appendix = appendix_path(path)
    if suffix == ".html":
        from tidewise.reports.report_html import render_html

        with atomic_text_file(path, scratch=scratch) as stream:
            stream.write(render_html(report, appendix.name))
    else:
        from tidewise.reports.report_pdf import render_pdf

        with atomic_binary_file(path, scratch=scratch) as raw:
            raw.write(render_pdf(report, appendix.name))
    with atomic_text_file(appendix, scratch=scratch) as stream:
        json.dump(report.data, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    return [path, appendix]


def record_report(journal: Journal, report: Report, path: Path) -> None:
    """Remember which entries went into which report file, and when (state "reports")."""
    made = journal.get_state(STATE_KEY)
    history = list(made) if isinstance(made, list) else []
    history.append(
        {
            "made_at": report.data["made_at"],
            "file": path.name,
            "period": report.data["period"],
            "entries_shared": [item["entry"] for item in report.data["excerpts"]],
            "safety_text": report.data["safety"]["text_included"],
        }
    )
    journal.set_state(STATE_KEY, history)

"""The report for a therapist: consent first, redacted, aggregates by default.

`compose` makes the typed `Report` (reports/document.py) from the journal's entries,
which the use-case in tidewise/report.py reads and passes in: nothing here opens the
journal or writes a file. Only entries the person
marked for sharing (`Entry.shared`, or ids asked for in this report) appear as
excerpts, each redacted and with its own phase (and the tide's, which may differ:
reports/readings.py); every other entry contributes numbers only. Safety flags show as
dates and kinds; the flagged sentences only when the person asks for them. Their
answers to "are you safe right now?" go in only when they include them
(`check_ins_in_period`, from the records replies.py keeps): the day, which asking and
the answer, never entry text; otherwise nothing about them is in the report. Names and
places on the person's list are replaced in every piece of text that leaves.

`render` turns a Report into the bytes of one format: HTML (one self-contained file:
inline CSS and SVG, no script, no external asset; report_html.py), PDF (fpdf2;
report_pdf.py) or the JSON appendix with the same numbers.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from tidewise import clock
from tidewise.errors import UsageError
from tidewise.reports import readings, stats
from tidewise.reports.document import (
    CompletedLesson,
    Excerpt,
    LeftOut,
    Lessons,
    Method,
    Period,
    Redacted,
    Report,
    ReportRequest,
    Safety,
    SafetyCheckIn,
)
from tidewise.reports.observations import in_range, tide_of
from tidewise.reports.redact import suggest_names
from tidewise.reports.report_html import render_html
from tidewise.reports.report_pdf import render_pdf

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from tidewise.cycle.labels import Label
    from tidewise.lessons.model import LessonStatus
    from tidewise.records import Entry

FORMATS = ("html", "pdf", "json")
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
F1_NOTE = (
    "measured on posts written apart from its training data and labelled by two "
    "independent readers, who agree with each other at about 0.89; real writing may "
    "score lower"
)
_F1 = re.compile(r"macro-F1 (\d\.\d+)")


def measured_macro_f1() -> float | None:
    """The classifier's macro-F1 as recorded beside its weights, or None when not measured."""
    try:
        text = resources.files("tidewise.analysis").joinpath("data/README.md").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    match = _F1.search(text)
    return float(match.group(1)) if match else None


def _with_zones(request: ReportRequest) -> ReportRequest:
    """A date typed without a zone means the machine's local time (as in `tidewise tide`)."""
    return replace(request, since=_aware(request.since), until=_aware(request.until))


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.astimezone()


def in_period(entries: Sequence[Entry], request: ReportRequest) -> list[Entry]:
    return [e for e in entries if in_range(e.created, request.since, request.until)]


def shared(period: list[Entry], request: ReportRequest) -> list[Entry]:
    """The entries to quote; UsageError when a chosen one is not in the period."""
    chosen = set(request.share)
    known = {e.id for e in period}
    missing = sorted(chosen - known)
    if missing:
        msg = f"Entry {missing[0]} is not in the report's period, so it cannot be shared in it."
        raise UsageError(msg)
    return [e for e in period if e.shared or e.id in chosen]


def suggestions(entries: Sequence[Entry], request: ReportRequest) -> list[str]:
    """Capitalised words in the text that would leave that the person may want to redact."""
    request = _with_zones(request)
    period = in_period(entries, request)
    texts = [e.text for e in shared(period, request)]
    if request.include_safety_text:
        texts += [s for e in period for s in stats.safety_sentences(e)]
    listed = (*request.redactions.names, *request.redactions.places)
    return suggest_names(texts, known=listed)


# replies.py's stored steps and answers -> the report's plain words.
ASKED_WORDS = {"first": "first", "again": "again", "follow_up": "follow-up"}
ANSWER_WORDS = {"safe": "safe", "not_sure": "not sure", "not_safe": "not safe"}
NOT_ANSWERED = "not answered"


def check_ins_in_period(
    records: Sequence[Mapping[str, Any]], request: ReportRequest
) -> tuple[SafetyCheckIn, ...]:
    """The check-ins asked in the report's half-open period, oldest first, as typed rows.

    `records` are replies.py's stored check-ins; the day is when the question was asked,
    in the machine's zone. A record this version cannot read is left out rather than
    guessed at."""
    request = _with_zones(request)
    rows = []
    for record in records:
        try:
            asked_at = datetime.fromisoformat(str(record["offered"]))
        except (KeyError, ValueError):
            continue
        asked_at = _aware(asked_at) or asked_at
        step = ASKED_WORDS.get(str(record.get("step")))
        if step is None or not in_range(asked_at, request.since, request.until):
            continue
        answer = ANSWER_WORDS.get(str(record.get("answer")), NOT_ANSWERED)
        rows.append(
            (asked_at, SafetyCheckIn(day=asked_at.astimezone().date(), asked=step, answer=answer))
        )
    rows.sort(key=lambda row: row[0])
    return tuple(row for _, row in rows)


def lesson_progress(statuses: Sequence[LessonStatus]) -> Lessons:
    return Lessons(
        total=len(statuses),
        released=sum(1 for s in statuses if s.unlocked),
        opened=sum(1 for s in statuses if s.opened is not None),
        completed=tuple(
            CompletedLesson(week=s.lesson.week, title=s.lesson.title, day=s.completed.date())
            for s in statuses
            if s.completed is not None
        ),
    )


def _excerpt(entry: Entry, request: ReportRequest, tide_phases: Mapping[int, Label]) -> Excerpt:
    return Excerpt(
        entry=entry.id,
        written=entry.created,
        phase=entry.analysis.phase if entry.analysis is not None else "neutral",
        tide_phase=tide_phases.get(entry.id),
        text=request.redactions.apply(entry.text),
    )


def _safety(period: list[Entry], request: ReportRequest) -> Safety:
    flags = stats.safety_flags(period)
    if request.include_safety_text:
        by_id = {e.id: e for e in period}
        flags = [
            replace(
                flag,
                sentences=tuple(
                    request.redactions.apply(s) for s in stats.safety_sentences(by_id[flag.entry])
                ),
            )
            for flag in flags
        ]
    return Safety(flags=tuple(flags), text_included=request.include_safety_text)


def _period(period: list[Entry], request: ReportRequest, now: datetime) -> Period:
    first = request.since or (period[0].created if period else None)
    # The period is half-open, [since, until): its last day is the day before `until`
    # when `until` is a midnight (clock.last_day).
    last = clock.last_day(request.until) if request.until else now.date()
    return Period(first=first.date() if first else None, last=last)


def _left_out(
    entries: Sequence[Entry],
    period: list[Entry],
    quoted: int,
    unanalysed: int,
    request: ReportRequest,
    check_ins_included: bool,
) -> LeftOut:
    since, until = request.since, request.until
    return LeftOut(
        entries_before_period=sum(1 for e in entries if since and e.created < since),
        entries_after_period=sum(1 for e in entries if until and e.created >= until),
        entries_not_analysed=unanalysed,
        entries_not_shared=len(period) - quoted,
        safety_text=not request.include_safety_text,
        check_in_answers=not check_ins_included,
    )


def _method() -> Method:
    f1 = measured_macro_f1()
    return Method(
        labels=METHOD,
        readings=READINGS_NOTE,
        macro_f1=f1,
        macro_f1_note=F1_NOTE if f1 is not None else "not measured",
    )


def compose(
    entries: Sequence[Entry],
    request: ReportRequest,
    lessons: Lessons,
    now: datetime,
    check_ins: Sequence[SafetyCheckIn] | None = None,
) -> Report:
    """The report of `entries` (the whole journal, oldest first) for `request`.

    `check_ins` (from `check_ins_in_period`) go in only when the request includes them;
    without that consent they are dropped here too, whatever was passed."""
    request = _with_zones(request)
    included = tuple(check_ins or ()) if request.include_check_ins else None
    period = in_period(entries, request)
    quoted = shared(period, request)
    tide = tide_of(entries, request.since, request.until)
    tide_phases = readings.tide_phases(tide)
    return Report(
        made_at=now,
        period=_period(period, request, now),
        entries=len(period),
        left_out=_left_out(
            entries, period, len(quoted), tide.unanalysed, request, included is not None
        ),
        not_a_diagnosis=NOT_A_DIAGNOSIS,
        tide=tide,
        entries_read_alone=readings.read_alone_shares(tide, readings.own_phases(period)),
        shame=stats.shame_by_week(period),
        checkins=stats.checkins_by_week(period),
        safety=_safety(period, request),
        lessons=lessons,
        excerpts=tuple(_excerpt(e, request, tide_phases) for e in quoted),
        redacted=Redacted(
            names=len(request.redactions.names), places=len(request.redactions.places)
        ),
        method=_method(),
        safety_check_ins=included,
    )


def render(report: Report, fmt: str, appendix: str) -> bytes:
    """The report as one of FORMATS; `appendix` is the JSON file's name the others cite."""
    if fmt == "html":
        return render_html(report, appendix).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(report, appendix)
    if fmt == "json":
        return (json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    msg = f"No report format {fmt!r}."
    raise ValueError(msg)

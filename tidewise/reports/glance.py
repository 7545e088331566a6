"""The report in words: the few figures a busy clinician reads first, the phase table
and the line above each quoted entry.

Pure: reads a typed Report (reports/document.py) and its Tide, and returns plain
sentences and rows, shared by the HTML, the PDF and the web page's preview so all
three say exactly the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidewise.cycle.labels import PHASES, title
from tidewise.plural import counted

if TYPE_CHECKING:
    from tidewise.cycle.tide import Tide
    from tidewise.reports.document import Excerpt, Report

KIND_TITLES = {
    "self_harm": "self-harm or suicide",
    "danger_from_partner": "danger from the partner",
}
PHASE_TABLE_HEAD = (
    "Phase",
    "Share of time",
    "Share of entries",
    "Entries read alone as this phase",
)
NO_CLEAR_PHASE = "No clear phase"
CHECK_INS_TITLE = "Safety check-ins"
CHECK_INS_INTRO = (
    'When an entry seemed to touch on safety, Tidewise asked the writer "Are you safe right '
    'now?" The writer chose to include their answers, shown here as given, with no entry text.'
)
CHECK_INS_NONE = "The question was not asked in this period."
CHECK_INS_HEAD = ("Day", "Asked", "Answer")
CHECK_INS_WORDS = {"title": CHECK_INS_TITLE, "intro": CHECK_INS_INTRO, "none": CHECK_INS_NONE}
ASKED_TITLES = {
    "first": "first time",
    "again": "asked again",
    "follow-up": "follow-up on the next entry",
}
PRECURSOR_TITLES = {
    "attachment_shame": "shame for reaching",
    "reminder": "a reminder of the affair",
    "fight": "a fight",
}


def phase_name(name: str | None) -> str:
    return title(name or "", unknown="none")


def reading_name(name: str | None) -> str:
    """A phase as a reading: an entry read alone may have no clear phase."""
    return NO_CLEAR_PHASE if name in (None, "neutral") else phase_name(name)


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _days(value: float | None) -> str:
    if value is None:
        return "no completed loop"
    return counted(round(value, 1) if value < 10 else round(value), "day")


def kinds_text(kinds: Sequence[str]) -> str:
    return ", ".join(KIND_TITLES.get(kind, kind.replace("_", " ")) for kind in kinds)


def most_time(tide: Tide) -> str:
    shares = {p: tide.time_in_phase[p] for p in PHASES if p in tide.time_in_phase}
    if not shares:
        return "n/a"
    phase = max(shares, key=lambda p: shares[p])
    return f"{phase_name(phase)} ({pct(shares[phase])} of the time)"


def turns_after_shame(tide: Tide) -> str:
    turns = tide.precursors.turns
    if not turns:
        return "no turn away yet"
    count = tide.precursors.counts.get("attachment_shame", 0)
    return f"{count} of {counted(turns, 'turn away')} ({pct(count / turns)})"


def distancing(tide: Tide) -> str:
    d = tide.distancing
    if not d.away_entries:
        return "no distancing entries"
    return f"{d.usual or 'mixed'} (withdrawing {pct(d.withdrawing)}, punishing {pct(d.punishing)})"


def swings(tide: Tide) -> str:
    getting_smaller = tide.swings.closeness.getting_smaller
    if getting_smaller is None:
        return "not enough months of check-ins to tell"
    return "getting smaller" if getting_smaller else "not getting smaller"


def loop_length(tide: Tide) -> str:
    """The median loop in days and entries, for a sentence ("" with no completed loop)."""
    if tide.median_loop_days is None or tide.median_loop_entries is None:
        return ""
    days = counted(round(tide.median_loop_days, 1), "day")
    return f"median length {days} ({counted(tide.median_loop_entries, 'entry')})"


def precursors(tide: Tide) -> list[tuple[str, int]]:
    """(what came right before, how many turns away) in the tide's own order."""
    return [
        (PRECURSOR_TITLES[kind], count)
        for kind, count in tide.precursors.counts.items()
        if kind in PRECURSOR_TITLES
    ]


def highlights(report: Report) -> list[tuple[str, str]]:
    """(label, value) pairs for the first page, in reading order."""
    tide, shame, checks = report.tide, report.shame, report.checkins
    return [
        ("Entries in the period", str(report.entries)),
        ("Completed loops (away and back)", str(len(tide.loops))),
        ("Median loop length", _days(tide.median_loop_days)),
        ("Most time in", most_time(tide)),
        ("Usual way of distancing", distancing(tide)),
        ("Turns away right after shame for reaching", turns_after_shame(tide)),
        ("Swings in closeness (month by month)", swings(tide)),
        (
            "Shame trend, week by week",
            f"for reaching: {shame.attachment.trend}; "
            f"from the rupture: {shame.disconnection.trend}",
        ),
        ("Inner-critic (shame voice) sentences", str(shame.shame_voice_sentences)),
        (
            "Check-ins (closeness, shame)",
            f"{checks.checkins} given; closeness {checks.closeness.trend}, "
            f"shame {checks.shame.trend}",
        ),
        (
            "Phase of the latest entries",
            phase_name(tide.current.phase) if tide.current else "n/a",
        ),
    ]


def phase_rows(report: Report) -> list[tuple[str, str, str, str]]:
    """The time-in-phase table: the tide's two shares, then the share of the same entries
    read alone as each phase; a last row for entries with no clear phase of their own."""
    tide, alone = report.tide, report.entries_read_alone
    rows = [
        (
            phase_name(phase),
            pct(tide.time_in_phase.get(phase)),
            pct(tide.entries_in_phase.get(phase)),
            pct(alone.get(phase)),
        )
        for phase in PHASES
    ]
    if alone.get("neutral"):
        rows.append((NO_CLEAR_PHASE, "–", "–", pct(alone["neutral"])))
    return rows


def excerpt_line(item: Excerpt) -> str:
    """The line above a quoted entry: its own phase, and the tide's where it differs."""
    line = f"{item.date} · phase on its own: {reading_name(item.phase)}"
    if item.tide_phase is not None and item.tide_phase != item.phase:
        line += f" · in the tide: {phase_name(item.tide_phase)}"
    return line


def check_in_rows(report: Report) -> list[tuple[str, str, str]]:
    """The "Safety check-ins" table (day, what was asked, the answer); [] when the person
    did not include them or none was asked in the period."""
    return [
        (c.day.isoformat(), ASKED_TITLES.get(c.asked, c.asked), c.answer)
        for c in report.safety_check_ins or ()
    ]


def safety_line(report: Report) -> str:
    flags = report.safety.flags
    if not flags:
        return "No safety concern was flagged in this period."
    dates = "; ".join(f"{f.day.isoformat()} ({kinds_text(f.kinds)})" for f in flags)
    return f"Safety concerns were flagged on {counted(len(flags), 'day')}: {dates}."


def left_out_lines(report: Report) -> list[str]:
    left = report.left_out
    lines = [
        f"{left.entries_not_shared} of {counted(report.entries, 'entry')} in the period "
        f"{'is' if left.entries_not_shared == 1 else 'are'} not quoted: the writer did not "
        "choose them for sharing; they count in the figures only.",
    ]
    if left.entries_before_period or left.entries_after_period:
        lines.append(
            f"{counted(left.entries_before_period, 'entry')} before and "
            f"{left.entries_after_period} after the period are not included."
        )
    if left.entries_not_analysed:
        missing = left.entries_not_analysed
        lines.append(
            f"{counted(missing, 'entry')} had no analysis and {'is' if missing == 1 else 'are'} "
            "not counted."
        )
    if left.safety_text:
        lines.append("The wording of flagged safety sentences is left out (dates and kinds only).")
    if left.check_in_answers:
        lines.append('The writer\'s answers to "Are you safe right now?" are left out.')
    redacted = report.redacted
    if redacted.names or redacted.places:
        lines.append(
            f"Names ({redacted.names}) and places ({redacted.places}) chosen by the "
            "writer are replaced by [name] and [place]."
        )
    lines.append("Tags, check-in notes and all other text stay in the writer's journal.")
    return lines

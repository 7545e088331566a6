"""The report in words: the few figures a busy clinician reads first, the phase table
and the line above each quoted entry.

Pure: reads the report's JSON appendix (therapist.build_report) and returns
plain sentences and rows, shared by the HTML and the PDF so both say exactly the same.
"""

from __future__ import annotations

from typing import Any

from tidewise.cycle.labels import title
from tidewise.plural import counted

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


def kinds_text(kinds: list[str]) -> str:
    return ", ".join(KIND_TITLES.get(kind, kind.replace("_", " ")) for kind in kinds)


def most_time(tide: dict[str, Any]) -> str:
    shares = {k: v for k, v in tide["time_in_phase"].items() if v is not None}
    if not shares:
        return "n/a"
    phase = max(shares, key=lambda k: shares[k])
    return f"{phase_name(phase)} ({pct(shares[phase])} of the time)"


def turns_after_shame(tide: dict[str, Any]) -> str:
    turns = tide["turns"]
    if not turns:
        return "no turn away yet"
    count = tide["precursor_counts"].get("attachment_shame", 0)
    return f"{count} of {counted(turns, 'turn away')} ({pct(count / turns)})"


def distancing(tide: dict[str, Any]) -> str:
    d = tide["distancing"]
    if not d["away_entries"]:
        return "no distancing entries"
    return (
        f"{d['usual'] or 'mixed'} (withdrawing {pct(d['withdrawing'])}, "
        f"punishing {pct(d['punishing'])})"
    )


def swings(tide: dict[str, Any]) -> str:
    width = tide["swings"]["closeness"]
    if width["getting_smaller"] is None:
        return "not enough months of check-ins to tell"
    return "getting smaller" if width["getting_smaller"] else "not getting smaller"


def highlights(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs for the first page, in reading order."""
    tide, shame, checks = data["tide"], data["shame"], data["checkins"]
    loops = tide["loops"]
    current = tide["current_phase"]
    return [
        ("Entries in the period", str(data["entries"])),
        ("Completed loops (away and back)", str(loops["count"])),
        ("Median loop length", _days(loops["median_days"])),
        ("Most time in", most_time(tide)),
        ("Usual way of distancing", distancing(tide)),
        ("Turns away right after shame for reaching", turns_after_shame(tide)),
        ("Swings in closeness (month by month)", swings(tide)),
        (
            "Shame trend, week by week",
            f"for reaching: {shame['attachment']['trend']}; "
            f"from the rupture: {shame['disconnection']['trend']}",
        ),
        ("Inner-critic (shame voice) sentences", str(shame["shame_voice_sentences"])),
        (
            "Check-ins (closeness, shame)",
            f"{checks['checkins']} given; closeness {checks['closeness']['trend']}, "
            f"shame {checks['shame']['trend']}",
        ),
        ("Phase of the latest entries", phase_name(current["phase"]) if current else "n/a"),
    ]


def phase_rows(data: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """The time-in-phase table: the tide's two shares, then the share of the same entries
    read alone as each phase; a last row for entries with no clear phase of their own."""
    tide, alone = data["tide"], data["entries_read_alone"]
    rows = [
        (
            phase_name(phase),
            pct(tide["time_in_phase"][phase]),
            pct(tide["entries_in_phase"][phase]),
            pct(alone.get(phase)),
        )
        for phase in tide["time_in_phase"]
    ]
    if alone.get("neutral"):
        rows.append((NO_CLEAR_PHASE, "–", "–", pct(alone["neutral"])))
    return rows


def excerpt_line(item: dict[str, Any]) -> str:
    """The line above a quoted entry: its own phase, and the tide's where it differs."""
    line = f"{item['date']} · phase on its own: {reading_name(item['phase'])}"
    tide_phase = item.get("tide_phase")
    if tide_phase is not None and tide_phase != item["phase"]:
        line += f" · in the tide: {phase_name(tide_phase)}"
    return line


def safety_line(data: dict[str, Any]) -> str:
    flags = data["safety"]["flags"]
    if not flags:
        return "No safety concern was flagged in this period."
    dates = "; ".join(f"{f['date']} ({kinds_text(f['kinds'])})" for f in flags)
    return f"Safety concerns were flagged on {counted(len(flags), 'day')}: {dates}."


def left_out_lines(data: dict[str, Any]) -> list[str]:
    left = data["left_out"]
    lines = [
        f"{left['entries_not_shared']} of {counted(data['entries'], 'entry')} in the period "
        f"{'is' if left['entries_not_shared'] == 1 else 'are'} not quoted: the writer did not "
        "choose them for sharing; they count in the figures only.",
    ]
    if left["entries_before_period"] or left["entries_after_period"]:
        lines.append(
            f"{counted(left['entries_before_period'], 'entry')} before and "
            f"{left['entries_after_period']} after the period are not included."
        )
    if left["entries_not_analysed"]:
        missing = left["entries_not_analysed"]
        lines.append(
            f"{counted(missing, 'entry')} had no analysis and {'is' if missing == 1 else 'are'} "
            "not counted."
        )
    if left["safety_text"]:
        lines.append("The wording of flagged safety sentences is left out (dates and kinds only).")
    redacted = data["redacted"]
    if redacted["names"] or redacted["places"]:
        lines.append(
            f"Names ({redacted['names']}) and places ({redacted['places']}) chosen by the "
            "writer are replaced by [name] and [place]."
        )
    lines.append("Tags, check-in notes and all other text stay in the writer's journal.")
    return lines

"""`tidewise tide`: the tide over time, as a short summary, JSON, or a chart file.

Thin: open the journal, turn its entries into observations, call
`cycle.tide.analyze_tide`, print. The whole history is decoded (so an entry's phase
does not depend on the range asked for); --from/--to choose what the statistics
cover. The summary and the JSON go to stdout; notes about saved files go to stderr.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tidewise.cli import app, session
from tidewise.cli.console import out, say
from tidewise.plural import counted

if TYPE_CHECKING:
    from tidewise.cycle.tide import Tide

SPARK = "▁▂▃▄▅▆▇█"
COLUMNS = 60
PHASE_MARKS = {
    "reaching": "R",
    "attachment_shame": "A",
    "disconnection_shame": "D",
    "withdrawing": "W",
    "punishing": "P",
    "exhaustion": "E",
}
PRECURSOR_WORDS = {
    "attachment_shame": "shame for reaching",
    "reminder": "a reminder of the affair",
    "fight": "a fight",
}


@app.command()
def tide(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--from", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Up to this date (included).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Every statistic as JSON.")] = False,
    svg: Annotated[Path | None, typer.Option("--svg", help="Save the charts as SVG.")] = None,
    png: Annotated[Path | None, typer.Option("--png", help="Save the charts as PNG.")] = None,
) -> None:
    """Show your tide: loops, how long they take, where you are now, what comes before a turn away.

    Example: tidewise tide --from 2024-01-01 --png tide.png
    """
    start = _aware(session.parse_when(since, role="from")) if since else None
    end = _aware(session.parse_when(until, end_of_day=True, role="to")) if until else None
    with session.opened(ctx) as journal:
        entries = journal.entries(newest_first=False)
    from tidewise.reports.observations import tide_of

    result = tide_of(entries, start, end)
    out(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if as_json else summary(result))
    for path, fmt in ((svg, "svg"), (png, "png")):
        if path is not None:
            _save_chart(result, path, fmt)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


def _save_chart(result: Tide, path: Path, fmt: str) -> None:
    from tidewise.durable import atomic_binary_file
    from tidewise.reports.charts import tide_sheet

    with atomic_binary_file(path) as stream:  # 0600, whole or absent
        stream.write(tide_sheet(result, "svg" if fmt == "svg" else "png"))
    say(f"Saved the tide charts to {path}.")


def summary(result: Tide) -> str:
    """The tide in a few plain lines, with a small terminal chart."""
    lines = [_heading(result), *_chart_lines(result)]
    if result.message:
        lines.append(result.message)
    if result.entries:
        lines += _loop_lines(result) + _now_lines(result) + _turn_lines(result)
        lines += _style_lines(result) + _mismatch_lines(result)
    if result.unanalysed:
        lines.append(
            f"{counted(result.unanalysed, 'entry')} without an analysis yet "
            f"{'was' if result.unanalysed == 1 else 'were'} left out."
        )
    lines.append("Distance is protection and anger is information. Tidewise is not therapy.")
    return "\n".join(lines)


def _heading(result: Tide) -> str:
    from tidewise.clock import last_day

    def day(moment: datetime | None, *, end: bool = False) -> str:
        if moment is None:
            return "…"
        return (last_day(moment) if end else moment.date()).isoformat()

    span = (
        ""
        if result.since is None and result.until is None
        else (f", {day(result.since)} to {day(result.until, end=True)}")
    )
    return f"Your tide{span} ({counted(result.entries, 'entry')})\n"


def _chart_lines(result: Tide) -> list[str]:
    """A sparkline of movement (high = toward) over a row of phase marks."""
    if result.entries < 2:
        return []
    observations = result.timeline.observations
    scores = result.movement()
    stamps = [o.time.timestamp() for o in observations]
    first, last = stamps[0], stamps[-1]
    width = min(COLUMNS, result.entries)
    bins: list[list[int]] = [[] for _ in range(width)]
    for index, stamp in enumerate(stamps):
        slot = 0 if last == first else min(width - 1, int((stamp - first) / (last - first) * width))
        bins[slot].append(index)
    spark, marks = "", ""
    for members in bins:
        if not members:
            spark, marks = spark + " ", marks + " "
            continue
        mean = sum(float(scores[i]) for i in members) / len(members)
        spark += SPARK[min(len(SPARK) - 1, int((mean + 1.0) / 2.0 * len(SPARK)))]
        phases = [str(result.timeline.phases[i]) for i in members]
        marks += PHASE_MARKS[max(set(phases), key=phases.count)]
    from tidewise.cycle.labels import title

    legend = "  ".join(f"{m} {title(name)}" for name, m in PHASE_MARKS.items())
    axis = _date_axis(observations[0].time, observations[-1].time, width)
    return [f"  toward ↑ {spark}", f"  phase    {marks}", f"  dates    {axis}", f"  ({legend})", ""]


def _date_axis(first: datetime, last: datetime, width: int) -> str:
    """The first and last day under the chart's ends, and the middle day when there is room."""
    start, end = first.date().isoformat(), last.date().isoformat()
    if start == end:
        return start
    if width < len(start) + len(end) + 2:
        return f"{start} to {end}"  # too narrow to sit under the ends: say the span
    if width >= 3 * len(start) + 4:
        middle = (first + (last - first) / 2).date().isoformat()
        gap = width - 3 * len(start)
        return start + " " * (gap // 2) + middle + " " * (gap - gap // 2) + end
    return start + " " * (width - len(start) - len(end)) + end


def _loop_lines(result: Tide) -> list[str]:
    count = len(result.loops)
    if not count:
        return []
    noun = "loop" if count == 1 else "loops"
    lines = [
        f"Completed {noun}: {count}. A loop usually takes "
        f"{counted(round(result.median_loop_days or 0.0, 1), 'day')} "
        f"({counted(result.median_loop_entries or 0, 'entry')}), from reaching, away, and back."
    ]
    holding = [outer for outer in result.outer if len(outer.inner) >= 2]
    if holding:
        inner = sum(len(outer.inner) for outer in holding)
        lines.append(
            f"  {counted(inner, 'smaller loop')} sat inside "
            f"{counted(len(holding), 'longer one')} "
            f"(swings of under {counted(result.coarse_days, 'day')})."
        )
    return lines


def _now_lines(result: Tide) -> list[str]:
    from tidewise.cycle.labels import LABEL_TITLES

    now = result.current
    if now is None:
        return []
    return [
        f"Where you are now: {LABEL_TITLES[now.phase]}, since {now.since.date().isoformat()} "
        f"({counted(now.entries, 'entry')})."
    ]


def _turn_lines(result: Tide) -> list[str]:
    turns = result.precursors.turns
    usual = result.precursors.usual
    if not turns:
        return []
    shares = result.precursors.shares()
    if usual is None:
        return [f"Turns away: {turns}; nothing we look for came right before them."]
    # What never came before a turn is left out of the list rather than shown as 0%.
    others = [
        f"{PRECURSOR_WORDS[k]} {shares[k]:.0%}" for k in PRECURSOR_WORDS if k != usual and shares[k]
    ]
    also = (
        f"; also {', '.join(others)}"
        if others
        else "; nothing else we look for came right before one"
    )
    return [
        f"Before a turn away ({counted(turns, 'turn')}), most often: {PRECURSOR_WORDS[usual]} "
        f"({shares[usual] or 0:.0%}){also}."
    ]


def _style_lines(result: Tide) -> list[str]:
    d = result.distancing
    if d.usual is None or d.withdrawing is None or d.punishing is None:
        return []
    words = {"withdrawing": "withdrawing", "punishing": "punishing", "both": "both ways"}
    line = (
        f"Distance usually looked like {words[d.usual]} "
        f"(withdrawing {d.withdrawing:.0%}, punishing {d.punishing:.0%})."
    )
    swing = result.swings.closeness
    if swing.getting_smaller is not None:
        line += " Check-in swings are " + (
            "getting smaller." if swing.getting_smaller else "not getting smaller."
        )
    return [line]


def _mismatch_lines(result: Tide) -> list[str]:
    m = result.mismatches
    if not m.items:
        return []
    return [
        f"{len(m.items)} of {counted(m.checkins, 'check-in')} felt different from the words "
        "written (close or calm, while the text carried shame)."
    ]

"""The tide page's data: the cycle statistics (tidewise/cycle), chart series and plain words.

The Tide is computed the way `tidewise tide` computes it: journal entries ->
observations (reports/observations.py, numbers only, no text) -> `analyze_tide`. It is
cached per journal revision: the 3,650-entry journal of the benchmark decodes once,
then every view of the page, and every entry page, reads the cache. Beside it the cache
keeps each entry's own reading (its phase from its own sentences, reports/readings.py):
the timeline colours a point by the tide's phase and names the entry's own reading
when the two differ, and the entry page does the same the other way round. Chart data
carries no entry text; a point links to its entry by id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tidewise.cycle.labels import CYCLE_ORDER, LABEL_TITLES, PHASES, Label, Movement, Phase, title
from tidewise.plural import counted, times
from tidewise.reports import palette, readings
from tidewise.web import present

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tidewise.cycle.tide import Tide
    from tidewise.records import Entry
    from tidewise.web.state import WebState

FALLBACK_CHARTS = ("timeline", "wheel", "loops", "phases")
PRECURSOR_WORDS = {
    "attachment_shame": "Shame for reaching",
    "reminder": "A reminder",
    "fight": "A fight",
    "none_found": "Nothing we could see",
}


TIDE_KEY = "tide"  # the cache key of the JournalTide (prompt_view.py peeks at it)
TABLE_ROWS = 60  # the timeline's table lists the newest entries; the journal has them all


@dataclass(frozen=True)
class JournalTide:
    """The whole journal's Tide and each entry's own reading, from one read of the journal."""

    tide: Tide
    own: dict[int, Phase]  # entry id -> its own phase (no text)
    movement: dict[int, Movement]  # entry id -> its own movement


@dataclass(frozen=True)
class TimelineRow:
    """One entry in the timeline's table: when, the tide's phase, its own movement, its id."""

    when: datetime
    phase_title: str
    movement: str
    entry_id: int


@dataclass(frozen=True)
class TideView:
    entries: int
    unanalysed: int
    message: str | None
    summary: tuple[str, ...]
    charts: dict[str, Any]
    charts_json: str  # safe inside <script type="application/json">
    loops: int
    median_loop_days: float | None
    turns: int
    shame_first_share: float | None
    current_title: str | None
    timeline_rows: tuple[TimelineRow, ...] = ()


def tide_view(state: WebState) -> TideView:
    """The page's data for the unlocked journal, computed once per revision."""
    return state.cached("tide-view", lambda: _compute(state))


def tide_of(state: WebState) -> Tide:
    """The Tide of the whole journal, computed once per revision."""
    return journal_tide(state).tide


def journal_tide(state: WebState) -> JournalTide:
    """The Tide and the entries' own readings, computed once per revision."""
    return state.cached(TIDE_KEY, lambda: compute_tide(state))


def compute_tide(state: WebState) -> JournalTide:
    """The whole journal's Tide, computed exactly as `tidewise tide` does, and each
    entry's own reading, from the same single read of the journal."""
    from tidewise.reports.observations import tide_of

    entries = state.journal.entries(newest_first=False)
    movement = {e.id: e.analysis.movement for e in entries if e.analysis is not None}
    return JournalTide(tide_of(entries), readings.own_phases(entries), movement)


def tide_phase_of(state: WebState, entry: Entry) -> Label | None:
    """The tide's phase for one entry; None for an entry that has not been read (the
    tide leaves it out, so there is no need to decode the journal for it)."""
    if entry.analysis is None:
        return None
    phases = state.cached("tide-phases", lambda: readings.tide_phases(tide_of(state)))
    return phases.get(entry.id)


def chart_svg(state: WebState, name: str) -> bytes | None:
    """A static chart from reports/charts.py (the page's no-JavaScript fallback)."""
    from tidewise.reports.charts import chart_names

    draw = chart_names().get(name)
    if draw is None or name not in FALLBACK_CHARTS:
        return None
    return state.cached(f"svg:{name}", lambda: draw(tide_of(state), "svg"))


def _compute(state: WebState) -> TideView:
    whole = journal_tide(state)
    tide = whole.tide
    shares = tide.precursors.shares()
    current = tide.current
    charts = chart_data(tide, whole.own, whole.movement)
    return TideView(
        entries=tide.entries,
        unanalysed=tide.unanalysed,
        message=tide.message,
        summary=tuple(summary_sentences(tide)),
        charts=charts,
        charts_json=script_json(charts),
        loops=len(tide.loops),
        median_loop_days=tide.median_loop_days,
        turns=tide.precursors.turns,
        shame_first_share=shares.get("attachment_shame"),
        current_title=LABEL_TITLES[current.phase] if current else None,
        timeline_rows=timeline_rows(tide, whole.movement),
    )


def script_json(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment."""
    text = json.dumps(data, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_data(tide: Tide, own: Mapping[int, str], movement: Mapping[int, str]) -> dict[str, Any]:
    """The charts' data; `own` maps entry ids to their own readings (readings.own_phases),
    `movement` to their own movements (toward, away, torn, still)."""
    return {
        "timeline": _timeline(tide, own, movement),
        "wheel": _wheel(tide),
        "loops": _loops(tide),
        "precursors": _precursors(tide),
        "palette": palette.for_the_web(),  # the one palette (reports/palette.py)
    }


def _timeline(tide: Tide, own: Mapping[int, str], movement: Mapping[int, str]) -> dict[str, Any]:
    """Per tide phase: when, how far toward (+1) or away (-1) the words leaned, the entry's
    id, its own movement in words, and its own reading's title where that differs from
    the tide's phase (else None)."""
    observations = list(tide.timeline.observations)
    if not observations:
        return {"series": []}
    scores = tide.movement()
    series: dict[str, dict[str, list[Any]]] = {
        str(p): {"x": [], "y": [], "id": [], "alone": [], "movement": []} for p in PHASES
    }
    for index, (observation, phase) in enumerate(
        zip(observations, tide.timeline.phases, strict=True)
    ):
        bucket = series[str(phase)]
        bucket["x"].append(observation.time.isoformat(timespec="minutes"))
        bucket["y"].append(round(float(scores[index]), 3))
        bucket["id"].append(observation.ref)
        bucket["alone"].append(_alone_title(own, observation.ref, phase))
        bucket["movement"].append(_movement_words(movement, observation.ref))
    return {
        "series": [
            {"phase": name, "title": title(name), **points}
            for name, points in series.items()
            if points["x"]
        ]
    }


def _movement_words(movement: Mapping[int, str], ref: int | None) -> str:
    kind = movement.get(ref) if ref is not None else None
    return present.MOVEMENT_WORDS.get(kind or "", "Not read on its own")


def timeline_rows(
    tide: Tide, movement: Mapping[int, str], limit: int = TABLE_ROWS
) -> tuple[TimelineRow, ...]:
    """The newest `limit` entries of the timeline, newest first, for its table."""
    pairs = list(zip(tide.timeline.observations, tide.timeline.phases, strict=True))
    rows = [
        TimelineRow(o.time, LABEL_TITLES[phase], _movement_words(movement, o.ref), o.ref)
        for o, phase in reversed(pairs)
        if o.ref is not None
    ]
    return tuple(rows[:limit])


def _alone_title(own: Mapping[int, str], ref: int | None, phase: Label) -> str | None:
    mine = own.get(ref) if ref is not None else None
    if mine is None or mine == phase:
        return None
    return present.phase_words(mine)


def _wheel(tide: Tide) -> dict[str, Any]:
    current = str(tide.current.phase) if tide.current else None
    return {
        "phases": [str(p) for p in CYCLE_ORDER],
        "titles": [LABEL_TITLES[p] for p in CYCLE_ORDER],
        "share": [round(tide.time_in_phase.get(p, 0.0), 4) for p in CYCLE_ORDER],
        "current": current,
    }


def _loops(tide: Tide) -> dict[str, Any]:
    per_month = tide.loops_per_month()
    return {"months": list(per_month), "counts": list(per_month.values())}


def _precursors(tide: Tide) -> dict[str, Any]:
    shares = tide.precursors.shares()
    kinds = [k for k in PRECURSOR_WORDS if k in shares]
    return {
        "turns": tide.precursors.turns,
        "kinds": kinds,
        "titles": [PRECURSOR_WORDS[k] for k in kinds],
        "share": [round(shares[k] or 0.0, 4) for k in kinds],
    }


def _percent(share: float | None) -> str:
    return f"{round((share or 0.0) * 100)}%"


def summary_sentences(tide: Tide) -> list[str]:
    """The tide in plain words: a few sentences, no judgement, nothing to fix."""
    if tide.entries == 0:
        return [tide.message or "No entries yet."]
    words = [
        "Tidewise has read your one entry."
        if tide.entries == 1
        else f"Tidewise has read {tide.entries} of your entries."
    ]
    if tide.current is not None:
        words.append(
            f"Lately your entries sit mostly in {LABEL_TITLES[tide.current.phase].lower()} "
            f"({tide.current.entries} in a row)."
        )
    if tide.time_in_phase:
        top = max(tide.time_in_phase, key=lambda p: tide.time_in_phase[p])
        words.append(
            f"Most of your time was spent in {LABEL_TITLES[top].lower()} "
            f"({_percent(tide.time_in_phase[top])})."
        )
    words.extend(_loop_words(tide))
    words.extend(_precursor_words(tide))
    words.extend(_distancing_words(tide))
    if tide.swings.text.getting_smaller:
        words.append("Your swings have been getting smaller over the months.")
    return words


def _loop_words(tide: Tide) -> list[str]:
    if not tide.loops:
        return [tide.message] if tide.message else []
    days = tide.median_loop_days or 0.0
    count = len(tide.loops)
    usually = "taking" if count == 1 else "usually"
    return [
        f"You came back toward your partner after pulling away {times(count)}: "
        f"{counted(count, 'completed loop')}, {usually} about {counted(round(days), 'day')}"
        f"{'' if count == 1 else ' each'}."
    ]


def _precursor_words(tide: Tide) -> list[str]:
    turns = tide.precursors.turns
    if not turns:
        return []
    shame = tide.precursors.counts.get("attachment_shame", 0)
    return [
        f"Of {counted(turns, 'turn away')}, {shame} ({_percent(shame / turns)}) came right after "
        "shame for reaching: the inner critic speaking up after a step toward."
    ]


def _distancing_words(tide: Tide) -> list[str]:
    usual = tide.distancing.usual
    if usual not in ("withdrawing", "punishing"):
        return []
    share = tide.distancing.withdrawing if usual == "withdrawing" else tide.distancing.punishing
    return [f"When you pulled away, it was mostly by {usual} ({_percent(share)})."]

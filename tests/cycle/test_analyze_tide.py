"""The tide as a whole: bad input, the --json contract, and a golden snapshot."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tidewise.cycle.labels import LABEL_NAMES, PHASES
from tidewise.cycle.synthetic import SyntheticSpec, from_codes, generate
from tidewise.cycle.tide import EMPTY_RANGE, NO_ENTRIES, NO_LOOP, ONE_ENTRY, analyze_tide

GOLDEN = Path(__file__).parent / "golden" / "tide.json"


def test_empty_journal_is_an_honest_nothing() -> None:
    result = analyze_tide([])
    data = result.to_dict()
    assert data["message"] == NO_ENTRIES
    assert data["loops"]["count"] == 0
    assert data["loops"]["median_days"] is None
    assert data["current_phase"] is None
    assert data["precursors"] == {
        "attachment_shame": None,
        "reminder": None,
        "fight": None,
        "none_found": None,
    }
    assert set(data["time_in_phase"]) == {str(p) for p in PHASES}
    assert all(v is None for v in data["time_in_phase"].values())
    json.dumps(data)  # JSON-ready


def test_one_entry() -> None:
    data = analyze_tide(from_codes("W")).to_dict()
    assert data["message"] == ONE_ENTRY
    assert data["loops"]["count"] == 0
    assert data["current_phase"]["phase"] == "withdrawing"
    assert data["time_in_phase"]["withdrawing"] == 1.0


def test_all_in_one_phase_makes_no_loop() -> None:
    data = analyze_tide(from_codes("R" * 40)).to_dict()
    assert data["message"] == NO_LOOP
    assert data["loops"]["count"] == 0
    assert data["turns"] == 0
    assert data["time_in_phase"]["reaching"] == 1.0


def test_out_of_order_entries_give_the_same_tide() -> None:
    observations = from_codes("RRRAWWWEERRRAPPPEERR")
    forward = analyze_tide(observations).to_dict()
    shuffled = analyze_tide(observations[::2] + observations[1::2]).to_dict()
    assert shuffled == forward
    assert forward["loops"]["count"] == 2


def test_identical_timestamps_do_not_crash_or_invent_time() -> None:
    same = datetime(2024, 5, 1, tzinfo=UTC)
    observations = [replace(o, time=same) for o in from_codes("RRRAWWWEERRR")]
    data = analyze_tide(observations).to_dict()
    assert data["loops"]["count"] == 1
    assert data["loops"]["median_days"] == 0.0
    assert data["time_in_phase"]["reaching"] == 0.5


def test_a_range_with_nothing_in_it() -> None:
    observations = from_codes("RRRAWWWEERRR")
    later = observations[-1].time + timedelta(days=100)
    data = analyze_tide(observations, since=later).to_dict()
    assert data["message"] == EMPTY_RANGE
    assert data["entries"] == 0
    assert data["loops"]["count"] == 0
    assert data["range"]["from"] == later.isoformat()


def test_a_range_counts_only_loops_inside_it() -> None:
    observations = from_codes("RRRWWWRRRPPPRRRWWWRRR")
    everything = analyze_tide(observations)
    part = analyze_tide(observations, since=observations[3].time)
    assert len(everything.loops) == 3
    assert len(part.loops) == 2  # the first loop starts before the range
    assert part.entries == len(observations) - 3
    # Phases are decoded on the whole history, so they agree inside the range.
    assert part.timeline.phases == everything.timeline.phases[3:]


def test_to_dict_holds_the_contract_keys() -> None:
    data = analyze_tide(from_codes("RRRAWWWEERRRAPPPEERR")).to_dict()
    for key in ("loops", "time_in_phase", "precursors", "current_phase"):
        assert key in data
    assert {"count", "median_days"} <= set(data["loops"])
    assert set(data["precursors"]) == {"attachment_shame", "reminder", "fight", "none_found"}
    assert data["current_phase"]["phase"] in LABEL_NAMES
    assert sum(data["time_in_phase"].values()) == pytest.approx(1.0, abs=1e-3)


def test_golden_snapshot_of_the_json() -> None:
    spec = SyntheticSpec(loops=6, seed=11, noise=0.1, checkin_share=0.5, reminder_share=0.3)
    data = analyze_tide(generate(spec).observations).to_dict()
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    if os.environ.get("TIDEWISE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_movement_leans_toward_for_reaching_and_away_for_withdrawing() -> None:
    tide = analyze_tide(from_codes("RRRWWW"))
    scores = tide.movement()
    assert len(scores) == tide.entries == 6
    assert all(score > 0 for score in scores[:3])
    assert all(score < 0 for score in scores[3:])
    assert all(-1.0 <= score <= 1.0 for score in scores)


def test_an_empty_tide_has_no_movement() -> None:
    assert len(analyze_tide([]).movement()) == 0

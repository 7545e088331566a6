"""Tide benchmark: decoding plus every statistic, each chart, and how cost grows.

Synthetic journals (tidewise.cycle.synthetic) with 20% of labels flipped stand in for
a person's history; sizes are trimmed to the exact entry count asked for. Each time
is the best of a few runs, wall clock on this machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from tidewise.cycle.observation import Observation
from tidewise.cycle.synthetic import SyntheticSpec, generate
from tidewise.cycle.tide import Tide, analyze_tide

TARGETS = {3650: 1.0, 20000: 5.0}
GROWTH = (1000, 2000, 4000, 8000, 16000)
CHART_LIMIT = 2.0


def journal(entries: int, seed: int = 1) -> tuple[list[Observation], int, int]:
    """Exactly `entries` observations; returns them with the planted and found loops."""
    loops = max(2, entries // 34)  # about 34 entries per planted outer loop
    made = generate(SyntheticSpec(loops=loops, seed=seed, noise=0.2))
    while len(made.observations) < entries:
        loops = int(loops * 1.2) + 1
        made = generate(SyntheticSpec(loops=loops, seed=seed, noise=0.2))
    observations = list(made.observations[:entries])
    return observations, loops, made.truth.loops


def best_of(action: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def _scale_rows() -> list[str]:
    rows = []
    for entries, limit in TARGETS.items():
        observations, _, _ = journal(entries)
        seconds = best_of(partial(analyze_tide, observations))
        verdict = "ok" if seconds <= limit else "OVER"
        rows.append(f"| {entries:,} | {seconds:.3f} | {limit:.0f} | {verdict} |")
    return rows


def _growth_rows() -> list[str]:
    rows, base = [], None
    for entries in GROWTH:
        observations, _, _ = journal(entries)
        seconds = best_of(partial(analyze_tide, observations))
        per_k = seconds / entries * 1000
        base = base or per_k
        rows.append(f"| {entries:,} | {seconds:.3f} | {per_k * 1000:.1f} | {per_k / base:.2f} |")
    return rows


def _chart_rows(result: Tide) -> list[str]:
    from tidewise.reports.charts import chart_names

    rows = []
    for name, draw in chart_names().items():
        for fmt in ("svg", "png"):
            seconds = best_of(partial(draw, result, fmt), runs=2)
            verdict = "ok" if seconds <= CHART_LIMIT else "OVER"
            rows.append(f"| {name} | {fmt} | {seconds:.3f} | {verdict} |")
    return rows


def _accuracy_rows() -> list[str]:
    rows = []
    for noise in (0.0, 0.1, 0.2):
        for seed in range(3):
            made = generate(SyntheticSpec(loops=150, seed=700 + seed, noise=noise))
            result = analyze_tide(made.observations)
            shares = result.precursors.shares()
            gaps = [abs((shares[k] or 0.0) - v) for k, v in made.truth.precursors.items()]
            error = (len(result.loops) - made.truth.loops) / made.truth.loops
            rows.append(
                f"| {noise:.0%} | {seed} | {len(made.observations):,} | {made.truth.loops} | "
                f"{len(result.loops)} | {error:+.1%} | {max(gaps):.3f} |"
            )
    return rows


def run() -> str:
    observations, _, _ = journal(3650)
    ten_years = analyze_tide(observations)
    lines = [
        "## Tide: decoding and statistics",
        "",
        "Decode + every statistic (best of 3), synthetic journals with 20% of labels flipped.",
        "",
        "| entries | seconds | limit (s) | |",
        "|---:|---:|---:|---|",
        *_scale_rows(),
        "",
        "Growth (should be linear: the per-entry cost stays flat).",
        "",
        "| entries | seconds | µs per entry | per-entry cost vs 1k |",
        "|---:|---:|---:|---:|",
        *_growth_rows(),
        "",
        "Charts for 3,650 entries (best of 2).",
        "",
        "| chart | format | seconds | ≤ 2 s |",
        "|---|---|---:|---|",
        *_chart_rows(ten_years),
        "",
        "Recovery on ten-year synthetic journals: loop count error and the largest",
        "precursor-share gap (attachment shame, reminder, fight) against the planted truth.",
        "",
        "| labels flipped | seed | entries | true loops | found | loop error | max share gap |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        *_accuracy_rows(),
    ]
    return "\n".join(lines)

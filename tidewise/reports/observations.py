"""Journal entries -> tide observations (no text crosses over, only numbers and tags).

An entry's label distribution is its analysis' `label_mass`; an older analysis
without it falls back to the mean of its sentences' scores. Entries with no
analysis (or one that holds no label mass at all, such as an empty entry) are
skipped and counted, so the caller can say how many were left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from tidewise.analysis.types import EntryAnalysis
from tidewise.cycle.labels import LABEL_NAMES
from tidewise.cycle.observation import Observation, flags_from_tags, probs_from_mapping
from tidewise.records import Entry

if TYPE_CHECKING:
    from tidewise.cycle.tide import Tide


@dataclass(frozen=True)
class Collected:
    observations: list[Observation]
    skipped: int  # entries without a usable analysis


def label_distribution(analysis: EntryAnalysis) -> tuple[float, ...] | None:
    """The entry's 7-label distribution, or None when the analysis holds none."""
    if analysis.label_mass:
        return probs_from_mapping(analysis.label_mass)
    if not analysis.sentences:
        return None
    totals = dict.fromkeys(LABEL_NAMES, 0.0)
    for sentence in analysis.sentences:
        for name in LABEL_NAMES:
            totals[name] += float(sentence.scores.get(name, 0.0))
    return probs_from_mapping(totals)


def observation_from_entry(entry: Entry) -> Observation | None:
    if entry.analysis is None:
        return None
    probs = label_distribution(entry.analysis)
    if probs is None:
        return None
    checkin = entry.checkin
    return Observation(
        time=entry.created,
        probs=probs,
        closeness=checkin.closeness if checkin else None,
        shame=checkin.shame if checkin else None,
        tags=tuple(entry.tags),
        flags=flags_from_tags(entry.tags),
        ref=entry.id,
    )


def collect_observations(entries: Sequence[Entry]) -> Collected:
    """Observations for every entry with a usable analysis, and how many had none."""
    observations: list[Observation] = []
    skipped = 0
    for entry in entries:
        observation = observation_from_entry(entry)
        if observation is None:
            skipped += 1
        else:
            observations.append(observation)
    return Collected(observations, skipped)


def observations_from_entries(entries: Sequence[Entry]) -> list[Observation]:
    """Observations for the entries that have an analysis (see `collect_observations`)."""
    return collect_observations(entries).observations


def in_range(moment: datetime, since: datetime | None, until: datetime | None) -> bool:
    """The half-open period [since, until) that `tide`, the report and the web UI share."""
    return (since is None or moment >= since) and (until is None or moment < until)


def tide_of(
    entries: Sequence[Entry], since: datetime | None = None, until: datetime | None = None
) -> Tide:
    """The Tide of a journal: every entry is decoded (so a phase does not change with the
    chosen period), the statistics cover [since, until), and `unanalysed` counts the
    entries in that period that could not be read."""
    from tidewise.cycle.tide import analyze_tide  # numpy: only when a tide is asked for

    tide = analyze_tide(collect_observations(entries).observations, since=since, until=until)
    period = [e for e in entries if in_range(e.created, since, until)]
    return replace(tide, unanalysed=collect_observations(period).skipped)

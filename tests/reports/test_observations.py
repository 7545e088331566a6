"""Entries -> observations: label mass, sentence fallback, skipped entries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import Distancing, Label, Movement
from tidewise.cycle.observation import FIGHT, REMINDER
from tidewise.records import CheckIn, Entry
from tidewise.reports.observations import collect_observations, observations_from_entries

WHEN = datetime(2024, 2, 3, 20, 15, tzinfo=UTC)


def analysis(
    label_mass: dict[str, float] | None = None, sentences: tuple[SentenceAnalysis, ...] = ()
) -> EntryAnalysis:
    return EntryAnalysis(
        version="test",
        sentences=sentences,
        movement=Movement.STILL,
        phase=Label.NEUTRAL,
        shame=Shame(),
        shame_voice=(),
        distancing=Distancing.NONE,
        safety=Safety(concern=False),
        label_mass=label_mass or {},
    )


def entry(entry_id: int, result: EntryAnalysis | None, **extra: object) -> Entry:
    return Entry(id=entry_id, text="words", created=WHEN, updated=WHEN, analysis=result, **extra)  # type: ignore[arg-type]


def test_label_mass_becomes_the_distribution_with_check_in_and_tags() -> None:
    e = entry(
        7,
        analysis({"reaching": 3.0, "withdrawing": 1.0}),
        checkin=CheckIn(closeness=2, shame=4),
        tags=("Anniversary", "fight"),
    )
    (obs,) = observations_from_entries([e])
    assert obs.probs == pytest.approx((0.75, 0, 0, 0.25, 0, 0, 0))
    assert (obs.closeness, obs.shame, obs.ref, obs.time) == (2, 4, 7, WHEN)
    assert obs.flags == {REMINDER, FIGHT}


def test_sentence_scores_are_averaged_when_there_is_no_label_mass() -> None:
    sentences = (
        SentenceAnalysis("a", 0, 1, Label.REACHING, {"reaching": 1.0}),
        SentenceAnalysis("b", 2, 3, Label.PUNISHING, {"punishing": 1.0}),
    )
    (obs,) = observations_from_entries([entry(1, analysis(sentences=sentences))])
    assert obs.probs == pytest.approx((0.5, 0, 0, 0, 0.5, 0, 0))


def test_entries_without_a_usable_analysis_are_skipped_and_counted() -> None:
    entries = [entry(1, None), entry(2, analysis()), entry(3, analysis({"neutral": 1.0}))]
    collected = collect_observations(entries)
    assert collected.skipped == 2
    assert [o.ref for o in collected.observations] == [3]

"""The entry summary: context, tie rule, phase, movement, distancing, shame."""

from __future__ import annotations

import numpy as np
import pytest

from tidewise.analysis.entry import EntrySettings, contextual, summarise
from tidewise.analysis.features import cue_matches
from tidewise.analysis.shame import intensity, shame_of, shame_voice
from tidewise.cycle.labels import LABEL_NAMES

_I = {name: i for i, name in enumerate(LABEL_NAMES)}


def _row(**weights: float) -> list[float]:
    row = [0.0] * 7
    for name, value in weights.items():
        row[_I[name]] = value
    rest = 1.0 - sum(row)
    row[_I["neutral"]] += rest
    return row


def _probs(*rows: list[float]) -> np.ndarray:
    return np.asarray(rows, dtype=np.float32)


def test_self_judgement_right_after_reaching_becomes_attachment_shame() -> None:
    sentences = ["I let him hold me all night.", "I hate myself, honestly."]
    probs = _probs(_row(reaching=0.9), _row(disconnection_shame=0.6, attachment_shame=0.3))
    out = contextual(probs, [cue_matches(s) for s in sentences], EntrySettings(smoothing=0))
    assert int(np.argmax(out[1])) == _I["attachment_shame"]
    assert out[1, _I["disconnection_shame"]] == 0.0


def test_the_same_judgement_without_reaching_before_it_is_left_alone() -> None:
    sentences = ["We argued about the kids.", "I hate myself, honestly."]
    probs = _probs(_row(punishing=0.9), _row(disconnection_shame=0.6, attachment_shame=0.3))
    out = contextual(probs, [cue_matches(s) for s in sentences], EntrySettings(smoothing=0))
    assert int(np.argmax(out[1])) == _I["disconnection_shame"]


def test_an_unsure_sentence_leans_toward_its_neighbours() -> None:
    probs = _probs(_row(exhaustion=0.9), _row(exhaustion=0.3, reaching=0.35), _row(exhaustion=0.9))
    settings = EntrySettings(smoothing=0.3, uncertain_below=0.55)
    out = contextual(probs, [[], [], []], settings)
    assert int(np.argmax(out[1])) == _I["exhaustion"]
    assert np.allclose(out.sum(axis=1), 1.0)
    assert np.array_equal(out[0], probs[0])  # a sure sentence keeps its reading


@pytest.mark.parametrize(
    ("rows", "movement", "distancing"),
    [
        ([_row(reaching=0.9), _row(withdrawing=0.8)], "torn", "withdrawing"),
        ([_row(reaching=0.9)], "toward", "none"),
        ([_row(punishing=0.9), _row(withdrawing=0.7)], "away", "both"),
        ([_row(punishing=0.9)], "away", "punishing"),
        ([_row(exhaustion=0.9), _row()], "still", "none"),
    ],
)
def test_movement_and_distancing_follow_the_sides_present(
    rows: list[list[float]], movement: str, distancing: str
) -> None:
    summary = summarise(_probs(*rows), EntrySettings())
    assert (summary.movement, summary.distancing) == (movement, distancing)


def test_phase_is_the_heaviest_non_neutral_label() -> None:
    probs = _probs(_row(), _row(), _row(withdrawing=0.6), _row(withdrawing=0.5, punishing=0.4))
    summary = summarise(probs, EntrySettings(phase_floor=0.4))
    assert summary.phase == "withdrawing"
    assert sum(summary.label_mass.values()) == pytest.approx(1.0, abs=1e-3)


def test_phase_is_neutral_when_nothing_reaches_the_floor() -> None:
    summary = summarise(_probs(_row(reaching=0.1), _row()), EntrySettings(phase_floor=0.4))
    assert summary.phase == "neutral"


def test_an_empty_entry_summarises_to_stillness() -> None:
    summary = summarise(np.zeros((0, 7), dtype=np.float32), EntrySettings())
    assert (summary.phase, summary.movement, summary.distancing) == ("neutral", "still", "none")
    assert summary.label_mass == {}


def test_settings_round_trip_and_ignore_unknown_keys() -> None:
    settings = EntrySettings(0.1, 0.6, 0.3, 0.5)
    assert EntrySettings.from_dict({**settings.to_dict(), "future": 1}) == settings


def test_shame_intensity_grows_with_strength_and_extent() -> None:
    one = intensity(np.array([0.8, 0.0, 0.0], dtype=np.float32))
    three = intensity(np.array([0.8, 0.8, 0.8], dtype=np.float32))
    assert 0 < one < three <= 1
    assert intensity(np.zeros(0, dtype=np.float32)) == 0.0


def test_shame_of_reads_each_kind_from_its_own_column() -> None:
    shame = shame_of(_probs(_row(attachment_shame=0.9), _row()))
    assert shame.attachment > 0.6
    assert shame.disconnection == 0.0


def test_the_shame_voice_is_the_critic_speaking_not_every_shame_sentence() -> None:
    sentences = [
        "What is wrong with me, letting him back in.",
        "She is younger and it stings.",
        "Why do I keep doing this to myself?",
        "We watched a film.",
    ]
    probs = _probs(
        _row(attachment_shame=0.8),
        _row(disconnection_shame=0.8),
        _row(attachment_shame=0.5),
        _row(),
    )
    voice = shame_voice(sentences, probs, [cue_matches(s) for s in sentences])
    assert voice == (sentences[0], sentences[2])


def test_shame_about_closeness_can_outweigh_the_closeness_itself() -> None:
    probs = _probs(
        _row(reaching=0.9), _row(reaching=0.5, attachment_shame=0.4), _row(attachment_shame=0.9)
    )
    assert summarise(probs, EntrySettings(attachment_weight=1.0)).phase == "reaching"
    assert summarise(probs, EntrySettings(attachment_weight=1.25)).phase == "attachment_shame"


def test_a_short_entry_gets_its_phase_when_half_its_mass_is_one_phase() -> None:
    withdrawing = LABEL_NAMES.index("withdrawing")
    probs = np.full((2, len(LABEL_NAMES)), 0.05, dtype=np.float32)
    probs[:, withdrawing] = 0.5  # exactly one sentence's worth over two sentences
    settings = EntrySettings(phase_floor=1.0)
    assert summarise(probs, settings).phase == "withdrawing"
    probs[:, withdrawing] = 0.3
    probs[:, LABEL_NAMES.index("neutral")] = 0.55
    assert summarise(probs, settings).phase == "neutral"

"""The real engine (model + shipped head) on clear sentences, offline."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from tidewise.analysis.engine import analyze_entry, classify_texts, default_analyzer

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("we curled up on the sofa and I let him kiss me", "reaching"),
        ("what is wrong with me that I still want him after all this", "attachment_shame"),
        ("I keep thinking I was never pretty enough for him", "disconnection_shame"),
        ("I moved into the spare room and locked the door", "withdrawing"),
        ("I screamed at him that he is a lying coward", "punishing"),
        ("I am so tired of fighting, I just want it to stop", "exhaustion"),
        ("Our counselling appointment moved to Thursday", "neutral"),
    ],
)
def test_clear_sentences_get_their_label(text: str, label: str) -> None:
    assert classify_texts([text])[0][0] == label


def test_analyze_runs_with_sockets_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError("network use is not allowed")

    monkeypatch.setattr(socket, "socket", refuse)
    analysis = analyze_entry("He hugged me at the door. I pulled away and went upstairs.")
    assert analysis.movement in ("torn", "toward", "away")
    assert len(analysis.sentences) == 2


def test_the_default_analyzer_is_built_once() -> None:
    assert default_analyzer() is default_analyzer()


def test_the_same_entry_twice_gives_the_same_analysis() -> None:
    text = "I let him in tonight. Then I hated myself for it. I slept on the couch."
    assert analyze_entry(text) == analyze_entry(text)


def test_warming_up_in_the_background_builds_the_same_engine() -> None:
    from tidewise.analysis.engine import warm_up

    warm_up().join()
    assert classify_texts(["I miss us"]) == classify_texts(["I miss us"])
    assert default_analyzer() is default_analyzer()


def test_an_entry_too_terse_to_label_still_gets_the_whole_safety_screen() -> None:
    """A diary-card line reads as a list, too little to label (a note says so), but the
    screen must still read it with its learned layer, not with the rules alone: lists
    and ticks are how some people write the worst of a day."""
    from tidewise.analysis import readable
    from tidewise.analysis.safety import screen

    engine = default_analyzer()
    card = "Checklist: meds ✓ dog fed ✓ burn ✓ (lighter, left wrist, blistered)"
    analysis = engine.analyze(card)
    assert analysis.note == readable.NOT_SENTENCES and analysis.sentences == ()
    whole = screen([card], vectors=engine.screen_vectors([card]), context=engine.read_in_context)
    assert screen([card]).level == "none"  # the rules alone would let it through
    assert analysis.safety.level == whole.level != "none"
    assert analysis.safety.kinds == whole.kinds and analysis.safety.sentences == ()

"""The engine end to end with a fake encoder: bad input, determinism, batching, notes."""

from __future__ import annotations

import json

import pytest

from tidewise.analysis import readable
from tidewise.analysis.engine import ANALYZER_VERSION, MAX_SENTENCES, Engine
from tidewise.analysis.types import EntryAnalysis
from tidewise.cycle.labels import LABEL_NAMES

from .conftest import FakeEncoder

ENTRY = (
    "He brought me tea this morning. I let him sit with me for a while. "
    "Then I felt sick at myself for it, what is wrong with me. "
    "I moved my pillow to the spare room. I'm so tired of all of this."
)


def _check_shape(analysis: EntryAnalysis) -> None:
    data = json.loads(json.dumps(analysis.to_dict()))
    assert EntryAnalysis.from_dict(data) == analysis
    assert analysis.movement in ("toward", "away", "torn", "still")
    assert analysis.phase in LABEL_NAMES
    assert analysis.distancing in ("withdrawing", "punishing", "both", "none")
    assert 0.0 <= analysis.shame.attachment <= 1.0
    assert 0.0 <= analysis.shame.disconnection <= 1.0
    assert analysis.safety.screened


def test_an_entry_gets_every_part_of_its_analysis(fake_engine: Engine) -> None:
    analysis = fake_engine.analyze(ENTRY)
    _check_shape(analysis)
    assert analysis.version == ANALYZER_VERSION
    assert len(analysis.sentences) == 5
    for sentence in analysis.sentences:
        assert ENTRY[sentence.start : sentence.end] == sentence.text
        for evidence in sentence.evidence:
            assert sentence.text[evidence.start : evidence.end] == evidence.text
            assert evidence.label == sentence.label
    assert analysis.note is None


def test_the_same_text_gives_the_same_analysis(fake_engine: Engine) -> None:
    assert fake_engine.analyze(ENTRY) == fake_engine.analyze(ENTRY)


def test_many_entries_at_once_equal_one_at_a_time(fake_engine: Engine) -> None:
    # Unlabelled entries among them: the screen still reads their sentences, so the
    # vectors of the labelled ones must not shift.
    spanish = "Hoy no quise hablar con él. Dormí en el sofá otra vez y lloré mucho."
    texts = [ENTRY, "", spanish, "We went for a walk. I held his hand.", spanish, ENTRY.upper()]
    assert fake_engine.analyze_many(texts) == [fake_engine.analyze(t) for t in texts]


def test_many_entries_share_encoder_calls(fake_engine: Engine, fake_encoder: FakeEncoder) -> None:
    sentences = len(fake_engine.analyze(ENTRY).sentences)
    fake_encoder.calls.clear()
    fake_engine.analyze_many([ENTRY] * 10)
    # One call embeds every sentence of every entry; any other call is the safety screen
    # reading an entry's flagged sentences again with their neighbours (at most one call
    # an entry, a few windows each).
    assert fake_encoder.calls[0] == 10 * sentences
    assert len(fake_encoder.calls) <= 1 + 10
    assert all(count <= sentences for count in fake_encoder.calls[1:])


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("", readable.NOTHING_TO_READ),
        ("   \n\t  \n", readable.NOTHING_TO_READ),
        ("😭😭😭 💔", readable.NOTHING_TO_READ),
        ("<p></p><br/>", readable.NOTHING_TO_READ),
        ("".join(chr(i % 32) for i in range(3000)) + "abc", readable.NOT_TEXT),
        (
            "Hoy no quise hablar con él. Dormí en el sofá otra vez y lloré mucho.",
            readable.NOT_ENGLISH,
        ),
        ("彼と話したくなかった。またソファで寝た。", readable.NOT_ENGLISH),
    ],
)
def test_text_with_nothing_to_read_gets_a_plain_note(
    fake_engine: Engine, text: str, note: str
) -> None:
    analysis = fake_engine.analyze(text)
    _check_shape(analysis)
    assert analysis.note == note
    assert analysis.sentences == ()
    assert (analysis.phase, analysis.movement) == ("neutral", "still")


def test_html_is_read_for_its_words(fake_engine: Engine) -> None:
    analysis = fake_engine.analyze("<p>I slept in the spare room.</p> <p>He knocked.</p>")
    assert analysis.note is None
    assert [s.text for s in analysis.sentences][0].startswith("<p>I slept")


def test_a_one_megabyte_entry_is_read_up_to_a_limit(fake_engine: Engine) -> None:
    text = "I miss how we used to be. " * 40_000
    assert len(text) > 1_000_000
    analysis = fake_engine.analyze(text)
    assert len(analysis.sentences) == MAX_SENTENCES
    assert analysis.note is not None and str(MAX_SENTENCES) in analysis.note


def test_random_bytes_decoded_as_text_never_crash(fake_engine: Engine) -> None:
    import random

    rng = random.Random(3)
    for _ in range(20):
        blob = bytes(rng.randrange(256) for _ in range(2000)).decode("utf-8", errors="replace")
        _check_shape(fake_engine.analyze(blob))


def test_safety_outranks_the_reading_even_when_nothing_else_can_be_read(
    fake_engine: Engine,
) -> None:
    analysis = fake_engine.analyze("I want to kill myself.")
    assert analysis.safety.screened
    assert analysis.safety.concern
    assert "self_harm" in analysis.safety.kinds

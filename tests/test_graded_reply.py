"""Issue 12: one graded reply for CLI, web and analyze; the check-in band and its record."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import FakeAnalyzer
from tidewise import reply_words as words
from tidewise.analysis.types import EntryAnalysis, Safety
from tidewise.errors import InputError
from tidewise.journal import Journal
from tidewise.replies import (
    CHECK_INS_KEY,
    check_ins,
    graded_reply,
    record_answer,
    reply_for,
)
from tidewise.settings import Settings


class LevelAnalyzer(FakeAnalyzer):
    """The fake analyser, with a screen level raised by a cue word."""

    def analyze(self, text: str) -> EntryAnalysis:
        result = super().analyze(text)
        for cue, safety in (
            ("HEAVY", Safety(concern=True, kinds=("self_harm",), level="possible")),
            ("CRISIS", Safety(concern=True, kinds=("self_harm",), level="clear")),
        ):
            if cue in text:
                return replace(result, safety=safety)
        return result


@pytest.fixture
def journal(settings: Settings, passphrase: str) -> Journal:
    return Journal.create(settings, passphrase, analyzer=LevelAnalyzer())


def _analysis(safety: Safety) -> EntryAnalysis:
    return replace(FakeAnalyzer().analyze("I slept in the spare room."), safety=safety)


def test_clear_self_harm_gets_the_help_reply_naming_suicide() -> None:
    reply = graded_reply(_analysis(Safety(True, ("self_harm",), level="clear")))
    assert reply.kind == "safety" and "suicide" in reply.text
    assert "out of reach" in reply.text  # means safety
    assert reply.resources and reply.contract() == {
        "kind": "safety",
        "id": "safety.self_harm",
        "text": reply.text,
    }


def test_danger_keeps_the_device_line_and_lethality_signs_point_to_an_advocate() -> None:
    plain = graded_reply(_analysis(Safety(True, ("danger_from_partner",), level="clear")))
    assert "phone or computer they cannot see" in plain.text
    assert "advocate" not in plain.text
    signs = Safety(True, ("danger_from_partner",), level="clear", signs=("weapon", "pet"))
    reply = graded_reply(_analysis(signs))
    assert "advocate" in reply.text and "even if nothing worse has happened" in reply.text
    assert "a weapon being shown or handled and harm or threats to a pet" in reply.text
    assert reply.id == "safety.danger_from_partner.lethality"


def test_harm_to_others_has_its_own_reply_that_does_not_shame() -> None:
    reply = graded_reply(_analysis(Safety(True, ("harm_to_others",), level="clear")))
    assert reply.text.startswith(words.HARM_TO_OTHERS)
    assert "does not make you a bad person" in reply.text
    assert reply.resources, "lines are offered for harm to others too"


def test_possible_gets_the_check_in_and_none_gets_a_reflection() -> None:
    check = graded_reply(_analysis(Safety(True, ("self_harm",), level="possible")))
    assert check.kind == "check_in" and check.text == words.CHECK_IN
    assert [value for value, _ in check.answers] == ["safe", "not_sure", "not_safe"]
    assert check.resources
    ordinary = graded_reply(_analysis(Safety(False)))
    assert ordinary.kind == "reflection" and ordinary.id


def test_country_lines_come_alone_when_the_country_is_known() -> None:
    reply = graded_reply(_analysis(Safety(True, ("self_harm",), level="clear")), country="UK")
    assert {r.country for r in reply.resources} <= {"UK", "INTL"}
    everyone = graded_reply(_analysis(Safety(True, ("self_harm",), level="clear")))
    assert {r.country for r in everyone.resources} >= {"UK", "US", "AU"}


def test_the_check_in_is_recorded_answered_and_offered_again_next_time(journal: Journal) -> None:
    start = datetime.now(UTC) - timedelta(hours=3)
    heavy = journal.write("HEAVY day. I slept in the spare room.", created=start)
    first = reply_for(journal, heavy)
    assert first is not None and first.kind == "check_in" and first.id == "check_in.first"
    assert reply_for(journal, heavy) == first  # shown again, the same
    answered = record_answer(journal, heavy.id, "safe")
    assert answered.answered == "safe" and answered.after_answer == words.AFTER_ANSWER["safe"]
    # The next entry, ordinary as it reads, asks once more, gently.
    calm = journal.write("We laughed and he held my hand.", created=start + timedelta(hours=1))
    again = reply_for(journal, calm)
    assert again is not None and again.kind == "check_in" and again.id == "check_in.follow_up"
    assert again.text == words.CHECK_IN_FOLLOW_UP
    record_answer(journal, calm.id, "safe")
    # After a follow-up answered "safe", the ordinary reflection returns.
    later = journal.write("We laughed again.", created=start + timedelta(hours=2))
    reflection = reply_for(journal, later)
    assert reflection is not None and reflection.kind == "reflection"
    records = check_ins(journal)
    assert [(r["entry"], r["step"], r["answer"]) for r in records] == [
        (heavy.id, "first", "safe"),
        (calm.id, "follow_up", "safe"),
    ]
    assert all(r["share"] is False for r in records), "shared only with consent"


def test_a_second_heavy_entry_is_asked_again_and_an_unsure_answer_is_followed_up(
    journal: Journal,
) -> None:
    start = datetime.now(UTC) - timedelta(hours=3)
    one = journal.write("HEAVY one.", created=start)
    assert reply_for(journal, one) is not None
    two = journal.write("HEAVY two.", created=start + timedelta(hours=1))
    second = reply_for(journal, two)
    assert second is not None and second.id == "check_in.again"
    assert second.text == words.CHECK_IN_AGAIN
    record_answer(journal, two.id, "not-sure")
    three = journal.write("Quiet evening.", created=start + timedelta(hours=2))
    follow = reply_for(journal, three)
    assert follow is not None and follow.id == "check_in.follow_up"


def test_clear_concern_is_never_a_check_in_and_records_nothing(journal: Journal) -> None:
    entry = journal.write("CRISIS now.")
    reply = reply_for(journal, entry)
    assert reply is not None and reply.kind == "safety"
    assert journal.get_state(CHECK_INS_KEY) is None


def test_the_check_in_record_is_encrypted_with_the_journal(
    journal: Journal, settings: Settings
) -> None:
    entry = journal.write("HEAVY and alone.")
    reply_for(journal, entry)
    record_answer(journal, entry.id, "not_safe")
    raw = b"".join(p.read_bytes() for p in settings.home.rglob("*") if p.is_file())
    assert b"not_safe" not in raw and b"check_ins" not in raw


def test_a_wrong_answer_or_entry_changes_nothing(journal: Journal) -> None:
    entry = journal.write("HEAVY.")
    reply_for(journal, entry)
    with pytest.raises(InputError):
        record_answer(journal, entry.id, "fine")
    with pytest.raises(InputError):
        record_answer(journal, entry.id + 99, "safe")
    assert check_ins(journal)[0]["answer"] is None


def test_the_saved_country_decides_the_lines(journal: Journal) -> None:
    journal.set_state("prefs.country", "UK")
    entry = journal.write("CRISIS now.")
    reply = reply_for(journal, entry)
    assert reply is not None and reply.country == "UK"
    assert {r.country for r in reply.resources} <= {"UK", "INTL"}

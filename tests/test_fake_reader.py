"""The fake analyser learns like the real reader's interface says (tests rely on it)."""

from __future__ import annotations

from tests.conftest import FakeAnalyzer
from tidewise.analysis.types import PersonalReader
from tidewise.corrections import Request
from tidewise.journal import Journal

TEXT = "He held my hand. I went to the spare room. The kettle boiled."


def test_it_is_a_personal_reader() -> None:
    assert isinstance(FakeAnalyzer(), PersonalReader)


def test_fixed_sentences_read_as_the_person_said_and_the_summary_follows() -> None:
    reader = FakeAnalyzer()
    plain = reader.analyze(TEXT)
    assert plain.movement == "torn"
    sentence = plain.sentences[1].text
    [fixed] = reader.analyze_many([TEXT], fixed=[{sentence: "reaching"}])
    assert fixed.sentences[1].label == "reaching"
    assert fixed.sentences[1].correction == "reaching"
    assert fixed.sentences[1].reader_label == "withdrawing"
    assert (fixed.movement, fixed.phase, fixed.distancing) == ("toward", "reaching", "none")
    [unsure] = reader.analyze_many([TEXT], fixed=[{sentence: "unsure"}])
    assert unsure.sentences[1].label == "withdrawing"  # shown as read, counted as telling
    assert unsure.movement == "toward"
    assert reader.analyze_many([TEXT], fixed=[{}]) == [plain]


def test_personalised_has_another_version_and_reads_taught_sentences() -> None:
    reader = FakeAnalyzer()
    taught = reader.personalised(["The kettle boiled."], reader.embed(["x"]), ["exhaustion"])
    assert taught.version != reader.version
    assert (
        taught.version == reader.personalised(["The kettle boiled."], None, ["exhaustion"]).version
    )
    assert taught.analyze(TEXT).sentences[2].label == "exhaustion"
    assert reader.analyze(TEXT).sentences[2].label == "neutral"
    assert taught.classify(["The kettle boiled."]) == reader.classify(
        ["The kettle boiled."], fixed={"The kettle boiled.": "exhaustion"}
    )


def test_embed_is_deterministic_and_small() -> None:
    reader = FakeAnalyzer()
    first, again = reader.embed(["a", "b"]), reader.embed(["a", "b"])
    assert first.shape == (2, 32) and (first == again).all()
    assert (first[0] != first[1]).any()


def test_a_journal_learns_through_the_fake(fresh_journal: Journal) -> None:
    entry = fresh_journal.write(TEXT)
    older = fresh_journal.write("I went to the spare room.")
    fresh_journal.correct([Request(entry.id, 2, "reaching")])
    analysis = fresh_journal.get(entry.id).analysis
    assert analysis is not None
    assert (analysis.movement, analysis.phase) == ("toward", "reaching")
    assert analysis.sentences[1].correction == "reaching"
    assert fresh_journal.stale_readings() == 1
    assert fresh_journal.reanalyze() == 1
    again = fresh_journal.get(older.id).analysis
    assert again is not None and again.phase == "reaching"

"""The Journal facade: the use-cases CLI and web call, on real encrypted files."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import FakeAnalyzer
from tidewise.errors import (
    DamagedJournalError,
    InputError,
    JournalExistsError,
    LockedError,
    NoJournalError,
    NotFoundError,
    WrongPassphraseError,
)
from tidewise.journal import Journal
from tidewise.records import Analysis, CheckIn, NewEntry, SourceMood
from tidewise.settings import TEST_KDF, Settings


def test_create_then_open_with_the_same_passphrase(settings: Settings, passphrase: str) -> None:
    Journal.create(settings, passphrase).close()
    assert Journal.exists(settings)
    with Journal.open(settings, passphrase) as journal:
        assert journal.count() == 0
        assert abs(journal.started - datetime.now(UTC)) < timedelta(minutes=5)


def test_create_refuses_an_existing_journal(fresh_journal: Journal, passphrase: str) -> None:
    before = fresh_journal.settings.db_path.read_bytes()
    with pytest.raises(JournalExistsError):
        Journal.create(fresh_journal.settings, passphrase)
    assert fresh_journal.settings.db_path.read_bytes() == before


def test_open_without_a_journal_creates_nothing(settings: Settings, passphrase: str) -> None:
    with pytest.raises(NoJournalError):
        Journal.open(settings, passphrase)
    assert not settings.home.exists()


def test_wrong_passphrase_changes_nothing_on_disk(fresh_journal: Journal) -> None:
    fresh_journal.write("Kept safe.")
    fresh_journal.close()
    home = fresh_journal.settings.home
    before = {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()}
    with pytest.raises(WrongPassphraseError):
        Journal.open(fresh_journal.settings, "not the passphrase")
    assert {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()} == before


def test_empty_passphrase_is_refused(settings: Settings) -> None:
    with pytest.raises(InputError):
        Journal.create(settings, "")


def test_write_stores_text_checkin_tags_and_analysis(fresh_journal: Journal) -> None:
    entry = fresh_journal.write(
        "He held me on the sofa. What is wrong with me?",
        checkin=CheckIn(closeness=2, shame=7),
        tags=["#Evening", "evening", " sofa "],
    )
    again = fresh_journal.get(entry.id)
    assert again == entry
    assert again.tags == ("evening", "sofa")
    assert again.checkin == CheckIn(2, 7)
    assert again.analysis is not None
    assert [s.label for s in again.analysis.sentences] == ["reaching", "attachment_shame"]


def test_write_without_analysis_never_calls_the_analyzer(
    fresh_journal: Journal, fake_analyzer: FakeAnalyzer
) -> None:
    entry = fresh_journal.write("Quiet day.", analysis=Analysis.OFF)
    assert entry.analysis is None
    assert fake_analyzer.calls == 0


def test_writing_without_analysis_loads_no_numpy_or_model(settings: Settings) -> None:
    # The facade imports storage at its top; numpy and the reader must stay out of a
    # plain write (`tidewise write --no-analysis` would pay about 160 ms more).
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tidewise.journal import Journal\n"
        "from tidewise.records import Analysis\n"
        "from tidewise.settings import TEST_KDF, Settings\n"
        f"settings = Settings(home=Path({str(settings.home)!r}), kdf=TEST_KDF)\n"
        "Journal.create(settings, 'a quiet passphrase').close()\n"
        "with Journal.open(settings, 'a quiet passphrase') as journal:\n"
        "    journal.write('Quiet day.', analysis=Analysis.OFF)\n"
        "    journal.entries()\n"
        "names = ('numpy', 'onnxruntime', 'tokenizers', 'tidewise.analysis.engine')\n"
        "print(','.join(m for m in names if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "needs some text"),
        ("   \n", "needs some text"),
        ("a\x00b", "NUL"),
        ("a\ud800", "Unicode"),
    ],
)
def test_unusable_text_is_refused_with_a_clear_message(
    fresh_journal: Journal, text: str, problem: str
) -> None:
    with pytest.raises(InputError, match=problem) as caught:
        fresh_journal.write(text)
    assert text.strip() == "" or text not in str(caught.value)
    assert fresh_journal.count() == 0


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=400))
def test_any_unicode_text_round_trips(fresh_journal: Journal, text: str) -> None:
    assume(text.strip() and "\x00" not in text)
    entry = fresh_journal.write(text, analysis=Analysis.OFF)
    assert fresh_journal.get(entry.id).text == text


def test_edit_changes_text_and_reanalyses(
    fresh_journal: Journal, fake_analyzer: FakeAnalyzer
) -> None:
    entry = fresh_journal.write("He held me.", checkin=CheckIn(1, 2), tags=["a"])
    edited = fresh_journal.edit(entry.id, text="I moved to the spare room.")
    assert edited.analysis is not None and edited.analysis.phase == "withdrawing"
    assert (edited.checkin, edited.tags, edited.created) == (
        entry.checkin,
        entry.tags,
        entry.created,
    )
    assert edited.updated >= entry.updated
    assert fake_analyzer.calls == 2


def test_edit_checkin_and_tags_only_keeps_the_analysis(
    fresh_journal: Journal, fake_analyzer: FakeAnalyzer
) -> None:
    entry = fresh_journal.write("He held me.")
    edited = fresh_journal.edit(entry.id, checkin=CheckIn(shame=3), tags=["new"])
    assert (edited.checkin, edited.tags, edited.analysis) == (
        CheckIn(shame=3),
        ("new",),
        entry.analysis,
    )
    assert fake_analyzer.calls == 1
    cleared = fresh_journal.edit(entry.id, checkin=CheckIn())
    assert cleared.checkin is None


def test_delete_and_missing_ids(fresh_journal: Journal) -> None:
    entry = fresh_journal.write("Gone soon.", tags=["x"])
    fresh_journal.delete(entry.id)
    for action in (
        lambda: fresh_journal.get(entry.id),
        lambda: fresh_journal.delete(entry.id),
        lambda: fresh_journal.edit(entry.id, text="again"),
        lambda: fresh_journal.set_shared(entry.id, True),
    ):
        with pytest.raises(NotFoundError):
            action()
    assert fresh_journal.entries(tag="x") == []


def test_entries_filter_by_date_tag_phase_and_limit(fresh_journal: Journal) -> None:
    start = datetime(2024, 1, 1, 12, tzinfo=UTC)
    texts = ["He held me.", "I moved to the spare room.", "I am so tired.", "He held my hand."]
    for day, text in enumerate(texts):
        fresh_journal.write(
            text, created=start + timedelta(days=day), tags=["odd"] if day % 2 else []
        )
    newest = fresh_journal.entries()
    assert [e.text for e in newest] == texts[::-1]
    assert [e.text for e in fresh_journal.entries(newest_first=False, limit=2)] == texts[:2]
    window = fresh_journal.entries(since=start + timedelta(days=1), until=start + timedelta(days=3))
    assert [e.text for e in window] == texts[2:0:-1]
    assert [e.text for e in fresh_journal.entries(tag="ODD")] == [texts[3], texts[1]]
    assert [e.text for e in fresh_journal.entries(phase="reaching")] == [texts[3], texts[0]]


def test_set_shared_marks_an_entry(fresh_journal: Journal) -> None:
    entry = fresh_journal.write("For my therapist.")
    fresh_journal.set_shared(entry.id, True)
    assert fresh_journal.get(entry.id).shared is True


def test_state_stores_json_values(fresh_journal: Journal) -> None:
    assert fresh_journal.get_state("lessons") is None
    fresh_journal.set_state("lessons", {"week": 3, "done": [1, 2], "note": "ça va"})
    assert fresh_journal.get_state("lessons") == {"week": 3, "done": [1, 2], "note": "ça va"}
    fresh_journal.set_state("lessons", None)
    assert fresh_journal.get_state("lessons") is None
    with pytest.raises(InputError):
        fresh_journal.set_state("bad", {1, 2})
    with pytest.raises(InputError):
        fresh_journal.set_state("", 1)


def _imported(number: int, key: str | None) -> NewEntry:
    return NewEntry(
        text=f"Imported night {number}: I miss him.",
        created=datetime(2022, 5, 1, tzinfo=UTC) + timedelta(days=number),
        zone_assumed=True,
        import_key=key,
        source_mood=SourceMood("meh", 3),
        tags=("imported",),
    )


def test_import_dedupes_on_import_key_and_reports_progress(fresh_journal: Journal) -> None:
    calls: list[tuple[int, int]] = []
    first = fresh_journal.import_entries(
        [_imported(n, f"k{n}") for n in range(40)] + [_imported(99, "k3")],
        progress=lambda done, total: calls.append((done, total)),
    )
    assert (first.imported, first.skipped) == (40, 1)
    assert calls[-1] == (80, 80) and calls == sorted(calls)
    again = fresh_journal.import_entries([_imported(n, f"k{n}") for n in range(45)])
    assert (again.imported, again.skipped) == (5, 40)
    entry = fresh_journal.entries(newest_first=False)[0]
    assert (entry.zone_assumed, entry.source_mood, entry.analysis is not None) == (
        True,
        SourceMood("meh", 3),
        True,
    )


def test_import_with_one_bad_entry_imports_nothing(fresh_journal: Journal) -> None:
    before = fresh_journal.logical_hash()
    batch = [_imported(1, "a"), NewEntry(text="bad\x00", created=datetime.now(UTC))]
    with pytest.raises(InputError):
        fresh_journal.import_entries(batch)
    assert fresh_journal.logical_hash() == before


def test_reanalyze_redoes_other_versions_and_missing(settings: Settings, passphrase: str) -> None:
    with Journal.create(settings, passphrase, analyzer=FakeAnalyzer("v1")) as journal:
        journal.write("He held me.")
        journal.write("Plain.", analysis=Analysis.OFF)
    newer = FakeAnalyzer("v2")
    with Journal.open(settings, passphrase, analyzer=newer) as journal:
        seen: list[tuple[int, int]] = []
        assert journal.reanalyze(progress=lambda d, t: seen.append((d, t))) == 2
        assert seen[-1] == (2, 2)
        assert journal.reanalyze() == 0
        assert journal.reanalyze(force=True) == 2
        assert {e.analysis.version for e in journal.entries() if e.analysis} == {"v2"}


def test_change_passphrase_old_stops_working(fresh_journal: Journal, passphrase: str) -> None:
    fresh_journal.write("Still here.")
    with pytest.raises(WrongPassphraseError):
        fresh_journal.change_passphrase("not the old one", "new")
    fresh_journal.change_passphrase(passphrase, "🌊 new \"one\" \\ 'here'")
    fresh_journal.close()
    with pytest.raises(WrongPassphraseError):
        Journal.open(fresh_journal.settings, passphrase)
    with Journal.open(fresh_journal.settings, "🌊 new \"one\" \\ 'here'") as journal:
        assert [e.text for e in journal.entries()] == ["Still here."]


@pytest.mark.parametrize(
    "secret", ["it's", 'a "quote"', "back\\slash", "🌊🌙🌊", "p" * 1024, "x'00'"]
)
def test_passphrases_round_trip_through_a_real_journal(settings: Settings, secret: str) -> None:
    Journal.create(settings, secret).close()
    with Journal.open(settings, secret) as journal:
        assert journal.count() == 0


def test_closed_journal_is_locked(fresh_journal: Journal) -> None:
    fresh_journal.close()
    fresh_journal.close()
    with pytest.raises(LockedError):
        fresh_journal.count()
    with pytest.raises(LockedError):
        fresh_journal.write("x")


def test_erase_leaves_nothing_behind(fresh_journal: Journal) -> None:
    home = fresh_journal.settings.home
    fresh_journal.write("To be erased.")
    fresh_journal.backup()
    fresh_journal.backup(home / "manual")
    (home / ".journal.header.abc.tmp").write_text("left by a crash")
    fresh_journal.erase()
    leftovers = sorted(str(p.relative_to(home)) for p in home.rglob("*")) if home.exists() else []
    assert leftovers in ([], ["manual", "manual/journal.db", "manual/journal.header"])
    assert not (home / "journal.db").exists() and not (home / "journal.header").exists()
    with pytest.raises(LockedError):
        fresh_journal.count()


def test_erase_of_a_journal_alone_removes_its_folder(settings: Settings, passphrase: str) -> None:
    journal = Journal.create(settings, passphrase)
    journal.write("x", analysis=Analysis.OFF)
    journal.backup()
    journal.erase()
    assert not settings.home.exists()


def test_default_kdf_profile_journal_opens(tmp_path: Path) -> None:
    real = Settings(home=tmp_path / "real")
    Journal.create(real, "default cost").close()
    with Journal.open(Settings(home=real.home, kdf=TEST_KDF), "default cost") as journal:
        assert journal.count() == 0  # the header's parameters win over the settings


def test_naive_dates_are_local_time(fresh_journal: Journal) -> None:
    naive = datetime(2024, 2, 29, 21, 45)
    entry = fresh_journal.write("Leap day.", created=naive)
    assert entry.created == naive.astimezone()


def test_early_unlock_is_used_only_for_its_own_header_and_passphrase(
    fresh_journal: Journal, passphrase: str
) -> None:
    from tidewise.storage.keys import EarlyUnlock

    settings = fresh_journal.settings
    fresh_journal.close()
    early = EarlyUnlock(settings.header_path, passphrase)
    assert early.matches(settings.header_path, passphrase)
    assert not early.matches(settings.header_path, passphrase + "x")
    Journal.open(settings, passphrase, early=early).close()
    # A guess made with another passphrase is ignored, and the real one still decides.
    with pytest.raises(WrongPassphraseError):
        Journal.open(settings, "wrong", early=EarlyUnlock(settings.header_path, passphrase))
    Journal.open(settings, passphrase, early=EarlyUnlock(settings.header_path, "wrong")).close()


def test_early_unlock_reports_the_same_errors(fresh_journal: Journal, passphrase: str) -> None:
    from tidewise.storage.keys import EarlyUnlock

    settings = fresh_journal.settings
    fresh_journal.close()
    with pytest.raises(WrongPassphraseError):
        Journal.open(settings, "wrong", early=EarlyUnlock(settings.header_path, "wrong"))
    early = EarlyUnlock(settings.header_path, passphrase)
    early.key()
    fresh = Journal.open(settings, passphrase)
    fresh.change_passphrase(passphrase, "changed")  # the header's bytes change
    fresh.close()
    assert not early.matches(settings.header_path, passphrase)
    early.discard()
    settings.header_path.write_text("{broken")
    with pytest.raises(DamagedJournalError):
        EarlyUnlock(settings.header_path, passphrase).key()

"""Export then import: JSON gives the same journal; Markdown and CSV give the text and dates.

Journals are generated with Hypothesis (text in several scripts, check-ins, tags,
stars, zones), written through the facade, exported, and imported into a second,
empty journal. Each example makes two real SQLCipher journals with the cheap test KDF.
"""

from __future__ import annotations

import io
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FakeAnalyzer
from tidewise.errors import ExportPassphraseError, ImportFormatError
from tidewise.formats import guess_importer
from tidewise.formats.base import ImportOptions
from tidewise.journal import Journal
from tidewise.records import Analysis, CheckIn, Entry, NewEntry
from tidewise.settings import TEST_KDF, Settings
from tidewise.transfer import export, import_file

PASSPHRASE = "a long test passphrase"
WORDS = (
    "held", "hand", "warm", "cold", "wall", "tired", "lonely", "why", "am", "I", "still",
    "here", "café", "naïve", "Åsa", "ночь", "夜", "مرحبا", "don't", "yelled", "#", "=sum",
    "-2", "'quoted'", "@home", "spare", "room", "fool", "love", "🌊",
)  # fmt: skip
ZONES = ("UTC", "Europe/London", "America/Chicago", "Asia/Kolkata", "+05:30", "-03:00")

sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
texts = st.lists(sentences, min_size=1, max_size=4).map(
    lambda lines: "\n".join(lines) + "."
)  # text never empty; line starts may be '#', '=' or '-'
checkins = st.one_of(
    st.none(),
    st.builds(
        CheckIn,
        closeness=st.one_of(st.none(), st.integers(-3, 3)),
        shame=st.one_of(st.none(), st.integers(0, 10)),
    ),
)
tags = st.lists(st.sampled_from(["walk", "night", "counselling", "fight", "é-tag"]), max_size=3)


def _tz(name: str) -> Any:
    if name[0] in "+-":
        hours, minutes = int(name[1:3]), int(name[4:6])
        sign = -1 if name[0] == "-" else 1
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    return ZoneInfo(name)


@st.composite
def new_entries(draw: st.DrawFn) -> list[NewEntry]:
    count = draw(st.integers(1, 8))
    start = draw(st.datetimes(datetime(2018, 1, 1), datetime(2030, 1, 1)))
    gaps = draw(st.lists(st.integers(60, 20 * 86400), min_size=count, max_size=count))
    entries, moment = [], start.replace(tzinfo=UTC)
    for gap in gaps:
        moment += timedelta(seconds=gap, microseconds=draw(st.integers(0, 999_999)))
        zone = draw(st.sampled_from(ZONES))
        entries.append(
            NewEntry(
                text=draw(texts),
                created=moment.astimezone(_tz(zone)),
                time_zone=zone,
                checkin=draw(checkins),
                tags=tuple(draw(tags)),
                starred=draw(st.booleans()),
            )
        )
    return entries


@contextmanager
def two_journals() -> Iterator[tuple[Journal, Journal, Path]]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = Journal.create(Settings(root / "a", TEST_KDF), PASSPHRASE, analyzer=FakeAnalyzer())
        target = Journal.create(Settings(root / "b", TEST_KDF), PASSPHRASE, analyzer=FakeAnalyzer())
        try:
            yield source, target, root
        finally:
            source.close()
            target.close()


def _export_to(journal: Journal, fmt: str, path: Path, **kw: Any) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        export(journal, fmt, stream, **kw)
    return path


def _same_moment(a: Entry, b: Entry) -> bool:
    return a.created == b.created and a.created.utcoffset() == b.created.utcoffset()


def _lossless_view(entry: Entry) -> tuple[Any, ...]:
    return (
        entry.text,
        entry.created,
        entry.created.utcoffset(),
        entry.time_zone,
        entry.zone_assumed,
        entry.checkin if entry.checkin and not entry.checkin.empty else None,
        entry.tags,
        entry.starred,
        entry.source_mood,
        entry.shared,
        None if entry.analysis is None else entry.analysis.to_dict(),
    )


RELAXED = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RELAXED
@given(entries=new_entries(), share_first=st.booleans())
def test_json_export_imports_into_the_same_journal(
    entries: list[NewEntry], share_first: bool
) -> None:
    with two_journals() as (source, target, root):
        source.import_entries(entries)
        if share_first:
            source.set_shared(source.entries(newest_first=False)[0].id, True)
        source.set_state("lessons", {"opened": {"1": "2026-03-01T09:00:00+00:00"}, "completed": {}})
        path = _export_to(source, "json", root / "out.json")
        analyser = FakeAnalyzer()
        target._analyzer = analyser  # count analyses: imported ones must be kept, not redone
        summary = import_file(target, path)
        assert summary.imported == len(entries) and summary.skipped == 0
        assert [_lossless_view(e) for e in target.entries(newest_first=False)] == [
            _lossless_view(e) for e in source.entries(newest_first=False)
        ]
        assert analyser.calls == 0
        assert target.get_state("lessons") == source.get_state("lessons")


def _markdown_text(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


@RELAXED
@given(entries=new_entries())
def test_markdown_export_reimports_text_dates_checkins_and_tags(entries: list[NewEntry]) -> None:
    with two_journals() as (source, target, root):
        source.import_entries(entries, analysis=Analysis.OFF)
        path = _export_to(source, "markdown", root / "out.md")
        assert guess_importer(path).name == "tidewise-markdown"
        import_file(target, path, analysis=Analysis.OFF)
        before, after = source.entries(newest_first=False), target.entries(newest_first=False)
        assert [_markdown_text(e.text) for e in after] == [_markdown_text(e.text) for e in before]
        for old, new in zip(before, after, strict=True):
            assert new.created.replace(tzinfo=None) == old.created.replace(
                tzinfo=None, second=0, microsecond=0
            )
            assert new.time_zone == old.time_zone
            assert new.tags == old.tags
            assert new.starred == old.starred
            assert (new.checkin or CheckIn()) == (old.checkin or CheckIn())


@RELAXED
@given(entries=new_entries())
def test_csv_export_reimports_exact_text_and_instants(entries: list[NewEntry]) -> None:
    with two_journals() as (source, target, root):
        source.import_entries(entries, analysis=Analysis.OFF)
        path = _export_to(source, "csv", root / "out.csv")
        assert guess_importer(path).name == "tidewise-csv"
        import_file(target, path, analysis=Analysis.OFF)
        before, after = source.entries(newest_first=False), target.entries(newest_first=False)
        assert [e.text for e in after] == [e.text for e in before]
        assert all(_same_moment(a, b) for a, b in zip(before, after, strict=True))
        assert [(e.tags, e.starred, e.time_zone) for e in after] == [
            (e.tags, e.starred, e.time_zone) for e in before
        ]


@pytest.mark.parametrize("fmt", ["json", "markdown", "csv"])
def test_importing_the_same_export_twice_adds_nothing(fmt: str) -> None:
    entries = [
        NewEntry(text=f"Entry {n}. I held his hand.", created=datetime(2025, 1, n + 1, tzinfo=UTC))
        for n in range(5)
    ]
    with two_journals() as (source, target, root):
        source.import_entries(entries)
        path = _export_to(source, fmt, root / f"out.{fmt}")
        assert import_file(target, path).imported == 5
        before = target.logical_hash()
        again = import_file(target, path)
        assert (again.imported, again.skipped) == (0, 5)
        assert target.logical_hash() == before


def test_encrypted_export_round_trips_with_its_passphrase() -> None:
    with two_journals() as (source, target, root):
        source.import_entries(
            [NewEntry(text="Only for me.", created=datetime(2025, 2, 1, tzinfo=UTC))]
        )
        path = _export_to(
            source, "json", root / "sealed.json", passphrase="export words", kdf=TEST_KDF
        )
        raw = path.read_text("utf-8")
        assert "Only for me" not in raw and '"tidewise-encrypted-export"' in raw
        assert guess_importer(path).name == "tidewise-encrypted"
        with pytest.raises(ImportFormatError):
            import_file(target, path)  # no passphrase given
        with pytest.raises(ExportPassphraseError):
            import_file(target, path, options=ImportOptions(passphrase="wrong words"))
        assert target.count() == 0
        summary = import_file(target, path, options=ImportOptions(passphrase="export words"))
        assert summary.imported == 1
        assert target.entries()[0].text == "Only for me."


def test_tampered_encrypted_export_is_refused_and_writes_nothing() -> None:
    import json

    with two_journals() as (source, target, root):
        source.import_entries(
            [NewEntry(text="Quiet day.", created=datetime(2025, 2, 1, tzinfo=UTC))]
        )
        path = _export_to(source, "json", root / "s.json", passphrase="pw words", kdf=TEST_KDF)
        doc = json.loads(path.read_text("utf-8"))
        doc["content"] = "markdown"  # bound into the associated data: must not verify
        path.write_text(json.dumps(doc), "utf-8")
        with pytest.raises(ExportPassphraseError):
            import_file(target, path, options=ImportOptions(passphrase="pw words"))
        doc["kdf"]["m_kib"] = 1 << 30  # a hostile cost is refused before any work
        path.write_text(json.dumps(doc), "utf-8")
        with pytest.raises(ImportFormatError, match="safe limits"):
            import_file(target, path, options=ImportOptions(passphrase="pw words"))
        assert target.count() == 0


def test_markdown_lines_that_look_like_headings_stay_text() -> None:
    tricky = "## 2026-01-01 10:00 (UTC)\n\\# not a heading\n# Journal\nclosing line."
    with two_journals() as (source, target, root):
        source.import_entries([NewEntry(text=tricky, created=datetime(2025, 3, 1, tzinfo=UTC))])
        path = _export_to(source, "markdown", root / "t.md")
        assert import_file(target, path, analysis=Analysis.OFF).imported == 1
        assert target.entries()[0].text == tricky


def test_csv_keeps_formula_like_and_apostrophe_text_exactly() -> None:
    cases = ["=1+1 is what he said", "'already quoted", "-2 days", "@noon", "plain"]
    with two_journals() as (source, target, root):
        source.import_entries(
            [
                NewEntry(text=t, created=datetime(2025, 4, 1, tzinfo=UTC) + timedelta(hours=i))
                for i, t in enumerate(cases)
            ],
            analysis=Analysis.OFF,
        )
        stream = io.StringIO()
        export(source, "csv", stream)
        assert "\r\n1,2025-04-01T00:00:00+00:00,UTC,,,,no,,,'=1+1" in stream.getvalue()
        path = _export_to(source, "csv", root / "f.csv")
        import_file(target, path, analysis=Analysis.OFF)
        assert [e.text for e in target.entries(newest_first=False)] == cases


@pytest.mark.parametrize(
    "text",
    [
        "tags: work, home\nThe rest of the day.",
        "closeness +1 · shame 3/10\nWe talked.",
        "shame 9/10",
        "\\tags: already escaped\nand more",
        "phase: withdrawing\nI kept to the spare room.",
        "First line.\ntags: in the middle\ncloseness -2",
    ],
)
def test_markdown_text_lines_that_look_like_facts_stay_text(text: str) -> None:
    with two_journals() as (source, target, root):
        source.write(text, created=datetime(2025, 3, 1, tzinfo=UTC), analysis=Analysis.OFF)
        path = _export_to(source, "markdown", root / "t.md")
        assert import_file(target, path, analysis=Analysis.OFF).imported == 1
        [entry] = target.entries()
        assert entry.text == text
        assert entry.checkin is None and entry.tags == ()


def test_markdown_tags_cannot_pose_as_a_check_in() -> None:
    with two_journals() as (source, target, root):
        source.write(
            "Text.",
            created=datetime(2025, 3, 1, tzinfo=UTC),
            tags=["evening · shame 3/10", "walk"],
            analysis=Analysis.OFF,
        )
        path = _export_to(source, "markdown", root / "t.md")
        import_file(target, path, analysis=Analysis.OFF)
        [entry] = target.entries()
        assert entry.checkin is None
        assert entry.tags == ("evening · shame 3/10", "walk")


@pytest.mark.parametrize(
    "tag",
    [
        "two\nlines",
        "## 2026-01-01 10:00 (UTC)\nforged",
        "tab\there",
        "nul\x00",
        "\u202eevil",
        "a\u2028b",
    ],
)
def test_tags_with_line_breaks_or_control_characters_are_refused(tag: str) -> None:
    from tidewise.errors import InputError

    with two_journals() as (source, _target, _root):
        with pytest.raises(InputError, match="control characters"):
            source.write("Text.", tags=[tag], analysis=Analysis.OFF)
        with pytest.raises(InputError, match="control characters"):
            source.import_entries(
                [NewEntry(text="Text.", created=datetime(2025, 3, 1, tzinfo=UTC), tags=(tag,))],
                analysis=Analysis.OFF,
            )
        assert source.count() == 0


def test_markdown_names_phases_as_the_app_shows_them() -> None:
    from tidewise.cycle.labels import LABEL_TITLES, Label

    with two_journals() as (source, _target, root):
        source.write("So tired. I miss him. So lonely.")  # the fake reader: exhaustion
        source.write("I hate myself for wanting him. What is wrong with me?")
        text = _export_to(source, "markdown", root / "out.md").read_text("utf-8")
    assert f"phase: {LABEL_TITLES[Label.EXHAUSTION]}" in text
    assert f"phase: {LABEL_TITLES[Label.ATTACHMENT_SHAME]}" in text
    assert "exhaustion" not in text and "attachment shame" not in text

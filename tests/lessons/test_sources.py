"""Every figure the readings quote has a named, published source."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import run
from tidewise.lessons.model import lessons
from tidewise.lessons.sources import figures_in, render, sources


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("close to nine in ten said so", ["nine in ten"]),
        ("about 43% of them, or 43 per cent", ["43%", "43 per cent"]),
        ("one out of 4 people", ["one out of 4"]),
        ("a survey of nearly three hundred people", ["three hundred"]),
        ("Most people, many of them, nine of the ten rooms", []),
    ],
)
def test_figures_are_found_however_they_are_written(text: str, found: list[str]) -> None:
    assert figures_in(text) == found


def test_every_figure_in_a_reading_has_a_source_in_the_same_paragraph() -> None:
    for reading in lessons():
        quotes = [s.quote for s in sources() if s.week == reading.week]
        for paragraph in reading.body.split("\n\n"):
            if figures_in(paragraph):
                assert any(q in paragraph for q in quotes), (reading.week, paragraph[:80])


def test_every_source_is_quoted_where_it_says_and_names_its_study() -> None:
    by_week = {reading.week: reading.body for reading in lessons()}
    assert sources()
    for item in sources():
        assert item.quote in by_week[item.week], item.quote
        assert item.authors and item.title and 1900 < item.year < 2100
        assert item.published_in and item.reference.startswith(("doi:", "http"))
        assert any(ch.isdigit() for ch in item.figure)


def test_the_readings_that_quote_figures_point_to_the_sources_page() -> None:
    for week in sorted({s.week for s in sources()}):
        assert "Sources page" in lessons()[week - 1].body, week


def test_the_sources_command_needs_no_journal() -> None:
    result = run("lessons", "sources")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == render().strip()
    assert "Hollenbeck" in result.stdout and "10.1080/0092623X.2024.2306940" in result.stdout
    rows = json.loads(run("lessons", "sources", "--json").stdout)
    assert [row["week"] for row in rows] == [s.week for s in sources()]

"""Charts: valid SVG and PNG bytes for every chart, calm titles, honest empty states."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tidewise.cycle.labels import PHASES
from tidewise.cycle.synthetic import SyntheticSpec, from_codes, generate
from tidewise.cycle.tide import Tide, analyze_tide
from tidewise.reports import charts, palette
from tidewise.web import tide_view
from tidewise.web.tide_view import chart_data

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CHARTS: dict[str, Callable[[Tide, charts.Format], bytes]] = charts.chart_names()
ALARMING = re.compile(r"danger|warning|alert|crisis|toxic|unhealthy|bad|relapse", re.IGNORECASE)


@pytest.fixture(scope="module")
def journal_tide() -> Tide:
    spec = SyntheticSpec(loops=8, seed=5, noise=0.1, checkin_share=0.4)
    return analyze_tide(generate(spec).observations)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_renders_svg_and_png(name: str, journal_tide: Tide) -> None:
    svg = CHARTS[name](journal_tide, "svg")
    assert svg.lstrip().startswith(b"<?xml")
    assert b"<svg" in svg
    png = CHARTS[name](journal_tide, "png")
    assert png.startswith(PNG_MAGIC)


@pytest.mark.parametrize("name", sorted(CHARTS))
@pytest.mark.parametrize("codes", ["", "W", "RRRRRRRR"])
def test_charts_of_little_or_nothing_still_render(name: str, codes: str) -> None:
    result = analyze_tide(from_codes(codes))
    assert CHARTS[name](result, "svg").lstrip().startswith(b"<?xml")


def test_svg_is_reproducible(journal_tide: Tide) -> None:
    assert charts.tide_sheet(journal_tide, "svg") == charts.tide_sheet(journal_tide, "svg")


def test_titles_and_labels_are_calm_and_present(journal_tide: Tide) -> None:
    svg = charts.tide_sheet(journal_tide, "svg").decode("utf-8")
    texts = " ".join(re.findall(r">([^<>]+)</text>", svg))
    for title in (
        "Your tide: moving toward and away over time",
        "How your phases followed each other",
        "Completed loops each month",
        "Share of time in each phase",
    ):
        assert title in texts
    assert "share of time" in texts and "loops" in texts and "shame" in texts  # axis labels
    assert not ALARMING.search(texts)


def test_empty_charts_say_so_kindly() -> None:
    svg = charts.loops_per_month(analyze_tide([]), "svg").decode("utf-8")
    assert "No entries in this range yet." in svg
    wheel = charts.cycle_wheel(analyze_tide(from_codes("RRRR")), "svg").decode("utf-8")
    assert "No moves between" in wheel


def _grey(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_phases_differ_in_greyscale_and_in_hatch_pattern_and_symbol() -> None:
    levels = sorted(_grey(c) for c in palette.PHASE_COLOURS.values())
    assert min(b - a for a, b in zip(levels, levels[1:], strict=False)) >= 15
    for marks in (palette.PHASE_HATCHES, palette.PHASE_PATTERNS, palette.PHASE_SYMBOLS):
        assert set(marks) == set(PHASES)
        assert len(set(marks.values())) == len(marks)
    precursors = sorted(_grey(c) for c in palette.PRECURSOR_COLOURS.values())
    assert min(b - a for a, b in zip(precursors, precursors[1:], strict=False)) >= 15
    assert len(set(palette.PRECURSOR_PATTERNS.values())) == len(palette.PRECURSOR_PATTERNS)


def test_the_pictures_and_the_web_page_draw_with_the_one_palette(journal_tide: Tide) -> None:
    svg = charts.time_in_phase(journal_tide, "svg").decode("utf-8").lower()
    for colour in palette.PHASE_COLOURS.values():
        assert colour in svg
    web = chart_data(journal_tide, {}, {})["palette"]
    assert web["phases"] == {str(p): c for p, c in palette.PHASE_COLOURS.items()}
    script = (Path(tide_view.__file__).parent / "static" / "tide.js").read_text()
    assert not re.search(r"#[0-9a-fA-F]{6}\b", script), "no colour of its own in tide.js"


def test_an_empty_loops_chart_says_so_without_an_axis() -> None:
    tide = analyze_tide(from_codes("RRRRRRRR"))
    assert not tide.loops and tide.loops_per_month()
    svg = charts.loops_per_month(tide, "svg").decode("utf-8")
    assert "No completed loops yet." in svg
    assert "0.04" not in svg, "no axis of +-0.05 around nothing"


def test_unknown_format_is_refused(journal_tide: Tide) -> None:
    with pytest.raises(ValueError, match="format"):
        charts.time_in_phase(journal_tide, "gif")  # type: ignore[arg-type]

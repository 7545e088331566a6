"""Static pictures of the tide (SVG or PNG bytes) for the CLI and the report.

Four charts and a sheet holding all four: the tide timeline (movement over time,
phase bands behind it, shame intensity below), the cycle wheel (phases in a ring,
arrows as wide as the moves between them), completed loops per month, and the share
of time in each phase. The colours are the one palette of reports/palette.py: calm,
differing in lightness, and every phase also has its own hatch, so the charts read in
greyscale and for colour-blind eyes.
Titles describe; they never alarm. No entry text ever appears in a chart.

matplotlib is imported inside the functions (it is slow to import) and drawn with
the Agg canvas on a fresh Figure each time: no pyplot, no global state.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, cast

import numpy as np

from tidewise.cycle.decode import label_matrix
from tidewise.cycle.labels import CYCLE_ORDER, LABEL_TITLES, LABELS, PHASES, Label
from tidewise.cycle.phases import movement_score
from tidewise.cycle.stats import DEFAULT_HOLD_CAP_DAYS
from tidewise.cycle.tide import Tide
from tidewise.reports.palette import (
    INK,
    LINE,
    LOOPS,
    PHASE_COLOURS,
    PHASE_HATCHES,
    SHAME_EDGE,
    SHAME_FILL,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

Format = Literal["svg", "png"]

_SHAME_COLUMNS = [LABELS.index(Label.ATTACHMENT_SHAME), LABELS.index(Label.DISCONNECTION_SHAME)]
_STYLE = {
    "svg.hashsalt": "tidewise",  # stable ids, so the same tide gives the same file
    "svg.fonttype": "none",
    "font.size": 9,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "hatch.linewidth": 0.6,
}


def tide_timeline(tide: Tide, fmt: Format = "svg") -> bytes:
    """Movement over time with phase bands, and shame intensity below it."""
    return _render(lambda fig: _draw_timeline(fig, tide, fig.add_gridspec(3, 1)), fmt, (10, 5))


def cycle_wheel(tide: Tide, fmt: Format = "svg") -> bytes:
    """The phases in a ring with arrows weighted by how often one followed another."""
    return _render(lambda fig: _draw_wheel(fig.add_subplot(1, 1, 1), tide), fmt, (6, 6))


def loops_per_month(tide: Tide, fmt: Format = "svg") -> bytes:
    """Completed loops counted by the month they came back toward."""
    return _render(lambda fig: _draw_loops(fig.add_subplot(1, 1, 1), tide), fmt, (8, 3.5))


def time_in_phase(tide: Tide, fmt: Format = "svg") -> bytes:
    """The share of time spent in each phase."""
    return _render(lambda fig: _draw_shares(fig.add_subplot(1, 1, 1), tide), fmt, (7, 3.5))


def tide_sheet(tide: Tide, fmt: Format = "svg") -> bytes:
    """All four charts on one page."""

    def draw(fig: Figure) -> None:
        # Fixed margins: the constrained solver does not always settle on the same
        # layout for this nested grid, and the same tide should give the same file.
        top = fig.add_gridspec(3, 1, left=0.07, right=0.98, top=0.97, bottom=0.56, hspace=0.35)
        _draw_timeline(fig, tide, top)
        low = fig.add_gridspec(
            2,
            2,
            left=0.03,
            right=0.98,
            top=0.48,
            bottom=0.05,
            hspace=0.6,
            wspace=0.35,
            height_ratios=[1, 1.7],
        )
        _draw_wheel(fig.add_subplot(low[:, 0]), tide)
        _draw_loops(fig.add_subplot(low[0, 1]), tide)
        _draw_shares(fig.add_subplot(low[1, 1]), tide)

    return _render(draw, fmt, (12, 11), layout=None)


def _render(
    draw: Callable[[Figure], None],
    fmt: Format,
    size: tuple[float, float],
    layout: Literal["constrained"] | None = "constrained",
) -> bytes:
    # Imported here: matplotlib takes a noticeable time to import.
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if fmt not in ("svg", "png"):
        msg = f"unknown chart format: {fmt}"
        raise ValueError(msg)
    with matplotlib.rc_context(cast(Any, _STYLE)):
        fig = Figure(figsize=size, layout=layout)
        FigureCanvasAgg(fig)
        draw(fig)
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {}
        fig.savefig(buffer, format=fmt, dpi=110, metadata=metadata)
    return buffer.getvalue()


def _empty(ax: Axes, title: str, message: str) -> None:
    ax.set_title(title, loc="left", color=INK)
    ax.text(0.5, 0.5, message, ha="center", va="center", color=INK, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _draw_timeline(fig: Figure, tide: Tide, grid: Any) -> None:
    top = fig.add_subplot(grid[0:2, 0])
    bottom = fig.add_subplot(grid[2, 0], sharex=top if tide.entries else None)
    title = "Your tide: moving toward and away over time"
    if tide.entries == 0:
        _empty(top, title, "No entries in this range yet.")
        bottom.set_axis_off()
        return
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    observations = tide.timeline.observations
    # matplotlib's date numbers are days since 1970-01-01 UTC (its default epoch).
    x = np.array([o.time.timestamp() / 86400.0 for o in observations], dtype=np.float64)
    labels = label_matrix(list(observations))
    _phase_bands(top, x, tide.timeline.phases)
    score = movement_score(labels)
    top.plot(x, score, ".", color=LINE, markersize=2.5, alpha=0.45)
    top.plot(x, _break_gaps(x, _smooth(score)), "-", color=LINE, linewidth=1.4)
    top.axhline(0.0, color=INK, linewidth=0.6, alpha=0.6)
    top.set_ylim(-1.05, 1.05)
    top.set_ylabel("away  ←  movement  →  toward")
    top.set_title(title, loc="left", color=INK)
    top.legend(
        handles=_phase_handles(),
        loc="upper left",
        ncol=6,
        fontsize=7,
        frameon=False,
        bbox_to_anchor=(0.0, -0.02),
    )
    shame = labels[:, _SHAME_COLUMNS].sum(axis=1)
    bottom.fill_between(
        x,
        0.0,
        _smooth(shame),
        color=SHAME_FILL,
        alpha=0.8,
        step="mid",
        hatch="////",
        edgecolor=SHAME_EDGE,
        linewidth=0.0,
        label="Shame in the text",
    )
    checked = [
        (xi, o.shame / 10.0) for xi, o in zip(x, observations, strict=True) if o.shame is not None
    ]
    if checked:
        cx, cy = zip(*checked, strict=True)
        bottom.plot(cx, cy, "D", color=INK, markersize=2.5, label="Check-in shame / 10")
    bottom.set_ylim(0.0, 1.0)
    bottom.set_ylabel("shame")
    bottom.set_xlabel("date")
    bottom.legend(loc="upper right", fontsize=7, frameon=False)
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    top.tick_params(labelbottom=False)


def _phase_bands(ax: Axes, x: np.ndarray, phases: Sequence[Label]) -> None:
    """One coloured, hatched band per stretch of a phase, from entry to next entry."""
    # A phase holds until the next entry, for at most a week (as in time_in_phase).
    ends = np.append(x[1:], x[-1] + (np.median(np.diff(x)) if len(x) > 1 else 1.0))
    ends = np.minimum(ends, x + DEFAULT_HOLD_CAP_DAYS)
    spans: dict[Label, list[tuple[float, float]]] = {p: [] for p in PHASES}
    start = 0
    for i in range(1, len(phases) + 1):
        if i == len(phases) or phases[i] is not phases[start] or ends[i - 1] < x[i]:
            spans[phases[start]].append((float(x[start]), float(ends[i - 1] - x[start])))
            start = i
    for phase, ranges in spans.items():
        if ranges:
            ax.broken_barh(
                ranges,
                (-1.05, 2.1),
                facecolors=PHASE_COLOURS[phase],
                alpha=0.55,
                hatch=PHASE_HATCHES[phase],
                edgecolor="white",
                linewidth=0.0,
            )


def _phase_handles() -> list[Any]:
    from matplotlib.patches import Patch

    return [
        Patch(
            facecolor=PHASE_COLOURS[p],
            hatch=PHASE_HATCHES[p],
            edgecolor=INK,
            linewidth=0.4,
            label=LABEL_TITLES[p],
        )
        for p in PHASES
    ]


def _break_gaps(x: np.ndarray, y: np.ndarray, days: float = 7.0) -> np.ndarray:
    """The line stops across a silence of more than `days`, rather than inventing a path."""
    broken = np.array(y, dtype=np.float64)
    broken[1:][np.diff(x) > days] = np.nan
    return broken


def _smooth(values: np.ndarray, window: int = 7) -> np.ndarray:
    """A centred moving average (shorter at the ends), to show the tide under the noise."""
    if len(values) < 3:
        return values
    window = min(window, len(values))
    kernel = np.ones(window)
    sums = np.convolve(values, kernel, mode="same")
    counts = np.convolve(np.ones(len(values)), kernel, mode="same")
    return np.asarray(sums / counts, dtype=np.float64)


def _draw_wheel(ax: Axes, tide: Tide) -> None:
    from matplotlib.patches import Circle, FancyArrowPatch

    title = "How your phases followed each other"
    ax.set_title(title, loc="left", color=INK)
    ax.set_aspect("equal")
    ax.set_xlim(-1.95, 1.95)  # room for the side labels
    ax.set_ylim(-1.45, 1.45)
    ax.set_axis_off()
    ring = CYCLE_ORDER  # clockwise from the top
    spots = {
        p: (math.sin(2 * math.pi * i / 6), math.cos(2 * math.pi * i / 6))
        for i, p in enumerate(ring)
    }
    most = max((n for row in tide.moves.values() for n in row.values()), default=0)
    for origin, row in tide.moves.items():
        for target, count in row.items():
            if count:
                width = 0.6 + 5.0 * count / most
                ax.add_patch(
                    FancyArrowPatch(
                        spots[origin],
                        spots[target],
                        connectionstyle="arc3,rad=0.18",
                        arrowstyle="-|>",
                        mutation_scale=8 + width * 2,
                        linewidth=width,
                        color=LINE,
                        alpha=0.55,
                        shrinkA=24,
                        shrinkB=24,
                    )
                )
    for phase, (px, py) in spots.items():
        circle = Circle(
            (px, py),
            0.2,
            facecolor=PHASE_COLOURS[phase],
            hatch=PHASE_HATCHES[phase],
            edgecolor=INK,
            linewidth=0.8,
            zorder=3,
        )
        ax.add_patch(circle)
        # Labels sit outside the ring, leaning away from the centre so none covers a node.
        align = "center" if abs(px) < 0.1 else ("left" if px > 0 else "right")
        ax.text(
            px * 1.0 + math.copysign(0.24, px) * (align != "center"),
            py + math.copysign(0.28, py),
            LABEL_TITLES[phase],
            ha=align,
            va="center",
            color=INK,
            fontsize=8,
        )
    if most == 0:
        ax.text(0, 0, "No moves between\nphases yet.", ha="center", va="center", color=INK)


def _draw_loops(ax: Axes, tide: Tide) -> None:
    from matplotlib.ticker import MaxNLocator

    title = "Completed loops each month"
    per_month = tide.loops_per_month()
    if not per_month:
        _empty(ax, title, "No entries in this range yet.")
        return
    if not tide.loops:
        # Bars of height zero would leave matplotlib a +-0.05 axis: say it in words.
        _empty(ax, title, "No completed loops yet.")
        return
    months = list(per_month)
    ax.bar(
        range(len(months)),
        list(per_month.values()),
        color=LOOPS,
        hatch="..",
        edgecolor="white",
        linewidth=0.0,
    )
    ax.set_title(title, loc="left", color=INK)
    ax.set_ylabel("loops")
    ax.set_xlabel("month")
    step = max(1, len(months) // 12)
    ax.set_xticks(
        range(0, len(months), step),
        [months[i] for i in range(0, len(months), step)],
        rotation=45,
        ha="right",
        fontsize=7,
    )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def _draw_shares(ax: Axes, tide: Tide) -> None:
    title = "Share of time in each phase"
    if not tide.time_in_phase:
        _empty(ax, title, "No entries in this range yet.")
        return
    phases = list(PHASES)
    shares = [tide.time_in_phase[p] for p in phases]
    rows = range(len(phases))
    ax.barh(
        rows,
        shares,
        color=[PHASE_COLOURS[p] for p in phases],
        hatch=[PHASE_HATCHES[p] for p in phases],
        edgecolor=INK,
        linewidth=0.5,
    )
    for row, share in zip(rows, shares, strict=True):
        ax.text(share + 0.01, row, f"{share:.0%}", va="center", color=INK, fontsize=8)
    ax.set_yticks(list(rows), [LABEL_TITLES[p] for p in phases])
    ax.invert_yaxis()
    ax.set_xlim(0, max(1.0, max(shares) + 0.12) if max(shares) > 0.85 else max(shares) + 0.12)
    ax.set_xlabel("share of time")
    ax.set_title(title, loc="left", color=INK)


def chart_names() -> dict[str, Callable[[Tide, Format], bytes]]:
    """Every chart by name, for callers that let a person choose."""
    return {
        "sheet": tide_sheet,
        "timeline": tide_timeline,
        "wheel": cycle_wheel,
        "loops": loops_per_month,
        "phases": time_in_phase,
    }

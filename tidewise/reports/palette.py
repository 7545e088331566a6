"""The one palette of every chart: the web page's (Plotly), the PNG/SVG pictures
(matplotlib, reports/charts.py) and the report that carries those pictures.

Each phase keeps the hue of its label chip in the app (tidewise/web/static/app.css), so
a phase looks the same on an entry and in a chart. Lightness falls step by step from
reaching to withdrawing (each step at least 24 grey levels apart), so the phases stay
apart in greyscale and for colour-blind eyes; and each phase also has its own pattern
(hatches in matplotlib, `marker.pattern` and marker symbols in Plotly), so colour is
never the only signal. Points and bars get an outline in the text colour, which keeps
the light tints visible on a light page and the dark ones on a dark page.
"""

from __future__ import annotations

from tidewise.cycle.labels import Label

PHASE_COLOURS: dict[Label, str] = {
    Label.REACHING: "#c6e6da",
    Label.ATTACHMENT_SHAME: "#c3b1e0",
    Label.DISCONNECTION_SHAME: "#cf8295",
    Label.EXHAUSTION: "#8a7f58",
    Label.PUNISHING: "#a3561b",
    Label.WITHDRAWING: "#33496a",
}
# matplotlib hatches and Plotly pattern shapes: the same idea, each library's own marks.
PHASE_HATCHES: dict[Label, str] = {
    Label.REACHING: "",
    Label.ATTACHMENT_SHAME: "//",
    Label.DISCONNECTION_SHAME: "\\\\",
    Label.EXHAUSTION: "--",
    Label.PUNISHING: "xx",
    Label.WITHDRAWING: "..",
}
PHASE_PATTERNS: dict[Label, str] = {
    Label.REACHING: "",
    Label.ATTACHMENT_SHAME: "/",
    Label.DISCONNECTION_SHAME: "\\",
    Label.EXHAUSTION: "-",
    Label.PUNISHING: "x",
    Label.WITHDRAWING: ".",
}
PHASE_SYMBOLS: dict[Label, str] = {
    Label.REACHING: "circle",
    Label.ATTACHMENT_SHAME: "diamond",
    Label.DISCONNECTION_SHAME: "triangle-down",
    Label.EXHAUSTION: "square",
    Label.PUNISHING: "x",
    Label.WITHDRAWING: "triangle-up",
}

INK = "#33393f"  # text and outlines on the white of a picture or a printed page
LINE = "#2f4858"  # the timeline's movement line
SHAME_FILL = "#b9a3c9"  # shame intensity under the timeline
SHAME_EDGE = "#6d5a7c"
LOOPS = "#1f5f63"  # completed loops: the app's accent colour

# What came before a turn away: shame for reaching keeps its phase's colour; the others
# are greys of different lightness, each with its own pattern.
PRECURSOR_COLOURS: dict[str, str] = {
    "attachment_shame": PHASE_COLOURS[Label.ATTACHMENT_SHAME],
    "reminder": "#8f969c",
    "fight": "#5c6369",
    "none_found": "#d6d9dc",
}
PRECURSOR_PATTERNS: dict[str, str] = {
    "attachment_shame": PHASE_PATTERNS[Label.ATTACHMENT_SHAME],
    "reminder": "+",
    "fight": "x",
    "none_found": "",
}


def for_the_web() -> dict[str, dict[str, str] | str]:
    """The palette as the tide page's script reads it (keys are the phases' names)."""
    return {
        "phases": {str(p): c for p, c in PHASE_COLOURS.items()},
        "patterns": {str(p): s for p, s in PHASE_PATTERNS.items()},
        "symbols": {str(p): s for p, s in PHASE_SYMBOLS.items()},
        "precursors": dict(PRECURSOR_COLOURS),
        "precursor_patterns": dict(PRECURSOR_PATTERNS),
        "loops": LOOPS,
    }

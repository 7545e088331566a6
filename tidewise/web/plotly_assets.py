"""plotly.js from the installed plotly package, and its stylesheet as a file.

plotly.js adds `<style>` elements unless it finds one already in place: for its own
rules it looks for an element with id `plotly.js-style-global` and the class
`no-inline-styles` (our stylesheet link carries both, tide.html), and for bundled
third-party CSS (the map library's) for an element with a fixed id. `style_guard_ids`
reads those ids out of the bundle so that the page can hold an empty placeholder for
each; nothing inline is then attempted and the CSP reports no violation.

plotly.js injects its base CSS rules (chart layers, cursors, hover boxes) at run time
with `<style>` elements, which our CSP (`style-src 'self'`) blocks; the charts then
stack wrongly. Upstream's separate `plotly.css` is no longer shipped (plotly.js
issues #7109, #7543), so we read the same rule table out of the installed bundle and
serve it as an ordinary stylesheet from 127.0.0.1. If a future bundle changes shape,
the stylesheet is simply empty and the charts still draw.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_TABLE_START = '{"X,X div":'
_TABLE_END = "};for("
_RULE = re.compile(r"""("[^"]*")\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")
_GUARDED_STYLE = re.compile(
    r'getElementById\("([0-9a-f]{16,64})"\)\)\{var \w+=document\.createElement\("style"\)'
)
_ROOT = ".js-plotly-plot .plotly"
_NOTIFIER = ".plotly-notifier"


def plotly_bundle() -> Path:
    """plotly.min.js as shipped inside the installed plotly package."""
    import plotly  # only to find its package folder

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def rules_from_bundle(source: str) -> dict[str, str]:
    """The selector -> declarations table plotly.js would inject, or {} if not found."""
    start = source.find(_TABLE_START)
    end = source.find(_TABLE_END, start)
    if start < 0 or end < 0:
        return {}
    table = source[start : end + 1]
    rules: dict[str, str] = {}
    for key, value in _RULE.findall(table):
        selector = key[1:-1]
        if selector.startswith(","):
            selector = " " + selector
        selector = selector.replace("X", _ROOT).replace("Y", _NOTIFIER)
        rules[selector] = value[1:-1]
    return rules


def stylesheet(rules: dict[str, str]) -> str:
    return "".join(f"{selector}{{{body}}}\n" for selector, body in rules.items())


@lru_cache(maxsize=1)
def plotly_css() -> str:
    """The stylesheet for the installed plotly.js (read once per process)."""
    bundle = plotly_bundle()
    if not bundle.is_file():
        return ""
    return stylesheet(rules_from_bundle(bundle.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def style_guard_ids() -> tuple[str, ...]:
    """Ids of the `<style>` elements plotly.js would add at load unless one exists."""
    bundle = plotly_bundle()
    if not bundle.is_file():
        return ()
    return tuple(dict.fromkeys(_GUARDED_STYLE.findall(bundle.read_text(encoding="utf-8"))))

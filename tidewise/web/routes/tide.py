"""The tide page: interactive charts (plotly.js served from this computer) and plain words.

The chart data rides in a `<script type="application/json">` block that the page's own
script hands to Plotly (the CSP forbids inline script). Without JavaScript the page
shows the same numbers as tables, and the static SVG charts where they are available.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup

from tidewise.web.exceptions import PageNotFoundError
from tidewise.web.guards import require_session, web_state
from tidewise.web.plotly_assets import style_guard_ids
from tidewise.web.rendering import render
from tidewise.web.tide_view import chart_svg, tide_view

router = APIRouter(dependencies=[Depends(require_session)])


@router.get("/tide")
def tide(request: Request) -> Response:
    view = tide_view(web_state(request))
    # Safe: numbers and fixed titles only, with <, > and & escaped by `script_json`.
    charts_json = Markup(view.charts_json)  # noqa: S704
    guards = style_guard_ids()
    return render(
        request, "tide.html", nav="tide", view=view, charts_json=charts_json, style_guards=guards
    )


@router.get("/tide/charts/{name}.svg")
def chart(request: Request, name: str) -> Response:
    """A static chart for browsers without JavaScript (requested only from <noscript>)."""
    svg = chart_svg(web_state(request), name)
    if svg is None:
        raise PageNotFoundError
    return Response(svg, media_type="image/svg+xml")

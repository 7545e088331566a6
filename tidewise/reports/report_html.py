"""The report as ONE self-contained HTML file: inline CSS and SVG, no script, no URL.

Charts come from reports/charts.py as SVG; each is cleaned before it is inlined:
no XML prolog, DOCTYPE or metadata (they carry w3.org and purl.org addresses),
no namespace attributes (HTML5 gives inline <svg> its namespace), and element ids
prefixed per chart so two charts can never share an id. The template is escaped
by Jinja2's autoescape; every piece of entry text in it is already redacted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidewise.reports import glance

if TYPE_CHECKING:
    from tidewise.reports.document import Report

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<metadata>.*?</metadata>", re.DOTALL)
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_IDS = re.compile(r'(\bid=")|(url\(#)|(href="#)')


def inline_svg(svg: bytes, prefix: str) -> str:
    """An SVG chart ready to sit inside HTML: no prolog, no namespaces, unique ids."""
    text = _XMLNS.sub("", _PROLOG.sub("", svg.decode("utf-8")))
    text = _IDS.sub(lambda m: f"{m.group(0)}{prefix}-", text)
    return text.strip()


def _charts(report: Report) -> dict[str, str]:
    if not report.tide.entries:
        return dict.fromkeys(("timeline", "phases", "loops", "wheel"), "")
    from tidewise.reports import charts

    drawn = {
        "timeline": charts.tide_timeline(report.tide, "svg"),
        "phases": charts.time_in_phase(report.tide, "svg"),
        "loops": charts.loops_per_month(report.tide, "svg"),
        "wheel": charts.cycle_wheel(report.tide, "svg"),
    }
    return {name: inline_svg(svg, f"c-{name}") for name, svg in drawn.items()}


def render_html(report: Report, appendix_name: str) -> str:
    """The whole report page as a string."""
    import jinja2  # only when a report is made

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("tidewise.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    from tidewise.plural import counted

    env.filters["counted"] = counted
    template = env.get_template("report.html")
    return template.render(
        report=report,
        highlights=glance.highlights(report),
        safety_line=glance.safety_line(report),
        left_out=glance.left_out_lines(report),
        check_in_words=glance.CHECK_INS_WORDS,
        check_in_head=glance.CHECK_INS_HEAD,
        check_in_rows=glance.check_in_rows(report),
        phase_head=glance.PHASE_TABLE_HEAD,
        phase_rows=glance.phase_rows(report),
        excerpt_line=glance.excerpt_line,
        precursors=glance.precursors(report.tide),
        kinds_text=glance.kinds_text,
        loop_length=glance.loop_length(report.tide),
        swings=glance.swings(report.tide),
        charts=_charts(report),
        appendix_name=appendix_name,
    )

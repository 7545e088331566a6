"""The report as a PDF (fpdf2): one summary page for a busy clinician, then the detail.

Text is set in DejaVu Sans, which ships inside matplotlib, so any language the
writer uses prints; characters the font lacks (emoji, mostly) become a small box
rather than vanishing silently. Charts are PNGs from reports/charts.py.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidewise.plural import counted
from tidewise.reports import glance

if TYPE_CHECKING:
    from fpdf import FPDF

    from tidewise.reports.document import Report

INK = (43, 49, 55)
SOFT = (93, 102, 110)
NOTE_FILL = (246, 241, 230)
CALM_FILL = (238, 243, 241)
MISSING = "\u25a1"  # a white square, in DejaVu Sans
WIDTH = 180.0  # A4 minus 15 mm margins


def _font_dir() -> Path:
    import matplotlib  # the fonts ship with it; imported only when a PDF is made

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # an fpdf2 dependency

    with TTFont(_font_dir() / "DejaVuSans.ttf", lazy=True) as font:
        return frozenset(font.getBestCmap())


def printable(text: str) -> str:
    covered = _covered()
    return "".join(ch if ord(ch) in covered or ch in "\n\t" else MISSING for ch in text)


def _new_pdf() -> FPDF:
    from fpdf import FPDF

    class _ReportPdf(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("dejavu", size=7.5)
            self.set_text_color(*SOFT)
            line = "Not a diagnosis. Made by the writer with Tidewise, a private journal."
            self.cell(0, 5, f"{line}   Page {self.page_no()} of {{nb}}", align="C")

    pdf = _ReportPdf(format="A4")
    fonts = _font_dir()
    pdf.add_font("dejavu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("dejavu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_font("dejavu", "I", str(fonts / "DejaVuSans-Oblique.ttf"))
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_creator("Tidewise")
    pdf.set_title("Journal summary")
    return pdf


def _heading(pdf: FPDF, text: str, size: float = 12.5) -> None:
    pdf.ln(3)
    pdf.set_font("dejavu", "B", size)
    pdf.set_text_color(*INK)
    pdf.multi_cell(WIDTH, 7, printable(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(213, 217, 220)
    pdf.line(15, pdf.get_y(), 15 + WIDTH, pdf.get_y())
    pdf.ln(1.5)


def _para(pdf: FPDF, text: str, *, size: float = 9.5, style: str = "", soft: bool = False) -> None:
    pdf.set_font("dejavu", style, size)
    pdf.set_text_color(*(SOFT if soft else INK))
    pdf.multi_cell(WIDTH, size * 0.52, printable(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _box(pdf: FPDF, text: str, fill: tuple[int, int, int]) -> None:
    pdf.set_fill_color(*fill)
    pdf.set_font("dejavu", "", 9.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(WIDTH, 5.2, printable(text), fill=True, padding=3)
    pdf.ln(3)


def _table(pdf: FPDF, rows: Sequence[tuple[str, ...]], widths: tuple[int, ...], head: bool) -> None:
    pdf.set_font("dejavu", "", 9)
    pdf.set_text_color(*INK)
    pdf.set_fill_color(255, 255, 255)  # no leftover fill from the boxes
    pdf.set_draw_color(200, 205, 209)
    pdf.set_line_width(0.2)
    with pdf.table(
        col_widths=widths,
        width=WIDTH,
        first_row_as_headings=head,
        borders_layout="HORIZONTAL_LINES",
        line_height=5.2,
        padding=1.2,
        headings_style=_headings_style(),
        cell_fill_mode="NONE",
    ) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(printable(value))
    pdf.ln(2)


def _headings_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", color=SOFT)


def _chart(pdf: FPDF, png: bytes, width: float = WIDTH) -> None:
    pdf.image(io.BytesIO(png), x=15 + (WIDTH - width) / 2, w=width)
    pdf.ln(2)


def _first_page(pdf: FPDF, report: Report) -> None:
    pdf.add_page()
    pdf.set_font("dejavu", "B", 18)
    pdf.set_text_color(*INK)
    pdf.cell(WIDTH, 10, "Journal summary for a clinician", new_x="LMARGIN", new_y="NEXT")
    period = f"{report.period.first or 'first entry'} to {report.period.last}"
    _para(
        pdf,
        f"Period: {period} · {counted(report.entries, 'entry')} · "
        f"prepared {report.made_at.date()} by the writer, with Tidewise",
        soft=True,
    )
    _box(pdf, report.not_a_diagnosis, NOTE_FILL)
    rows = [*glance.highlights(report)]
    lessons = report.lessons
    rows.append(("Readings completed", f"{len(lessons.completed)} of {lessons.total}"))
    rows.append(("Entries the writer chose to quote", str(len(report.excerpts))))
    _table(pdf, rows, (80, 100), head=False)
    _box(pdf, glance.safety_line(report), CALM_FILL)
    if report.tide.entries:
        from tidewise.reports import charts

        room = 297 - 16 - pdf.get_y() - 4
        _chart(pdf, charts.tide_timeline(report.tide, "png"), min(WIDTH, room * 2))
    elif report.tide.message:
        _para(pdf, report.tide.message, soft=True)


def _cycle(pdf: FPDF, report: Report) -> None:
    tide = report.tide
    pdf.add_page()
    _heading(pdf, "The cycle in detail")
    length = glance.loop_length(tide)
    _para(
        pdf,
        "A loop is a move away from the partner (withdrawing or punishing) followed by a "
        f"return toward them. Completed loops: {len(tide.loops)}{'; ' + length if length else ''}. "
        f"Swings in closeness: {glance.swings(tide)}.",
    )
    _para(pdf, report.method.readings)
    rows = [glance.PHASE_TABLE_HEAD, *glance.phase_rows(report)]
    _table(pdf, rows, (60, 35, 35, 50), True)
    precursors = [(name, str(count)) for name, count in glance.precursors(tide)]
    _para(pdf, f"Turns from moving toward to moving away: {tide.precursors.turns}.")
    _table(pdf, [("Right before the turn", "Turns"), *precursors], (130, 50), True)
    if tide.entries:
        from tidewise.reports import charts

        _chart(pdf, charts.time_in_phase(tide, "png"), 140)
        _chart(pdf, charts.loops_per_month(tide, "png"), 150)


def _shame_and_checkins(pdf: FPDF, report: Report) -> None:
    shame, checks = report.shame, report.checkins
    _heading(pdf, "Shame, week by week")
    _para(
        pdf,
        f"Mean intensity (0 to 1). Shame for reaching: {shame.attachment.trend}; "
        f"shame from the rupture: {shame.disconnection.trend}. Inner-critic sentences "
        f"found: {shame.shame_voice_sentences} "
        f"(in {counted(shame.entries_with_shame_voice, 'entry')}).",
    )
    rows = [
        (week, f"{value:.2f}", f"{shame.disconnection.by_week.get(week, 0.0):.2f}")
        for week, value in shame.attachment.by_week.items()
    ]
    _table(pdf, [("Week of", "For reaching", "From the rupture"), *rows], (60, 60, 60), True)
    _heading(pdf, "Check-ins")
    _para(
        pdf,
        f"{counted(checks.checkins, 'check-in')}. "
        f"Closeness (-3 to +3): {checks.closeness.trend}; "
        f"shame (0 to 10): {checks.shame.trend}.",
    )
    close, felt = checks.closeness.by_week, checks.shame.by_week
    rows = [
        (
            week,
            f"{close[week]:+.1f}" if week in close else "–",
            f"{felt[week]:.1f}" if week in felt else "–",
        )
        for week in sorted(set(close) | set(felt))
    ]
    if rows:
        _table(pdf, [("Week of", "Closeness", "Shame"), *rows], (60, 60, 60), True)


def _safety_and_lessons(pdf: FPDF, report: Report) -> None:
    safety = report.safety
    _heading(pdf, "Safety flags")
    if not safety.flags:
        _para(pdf, "None in this period.")
    else:
        head: tuple[str, ...] = ("Date", "Kind")
        rows: list[tuple[str, ...]] = []
        for flag in safety.flags:
            row: tuple[str, ...] = (flag.day.isoformat(), glance.kinds_text(flag.kinds))
            if safety.text_included:
                row = (*row, " ".join(flag.sentences or ()))
            rows.append(row)
        if safety.text_included:
            head = (*head, "Words (shared by the writer)")
        widths = (35, 55, 90) if safety.text_included else (60, 120)
        _table(pdf, [head, *rows], widths, True)
    if report.safety_check_ins is not None:  # only when the person included them
        _heading(pdf, glance.CHECK_INS_TITLE)
        _para(pdf, glance.CHECK_INS_INTRO)
        answers = glance.check_in_rows(report)
        if answers:
            _table(pdf, [glance.CHECK_INS_HEAD, *answers], (45, 75, 60), True)
        else:
            _para(pdf, glance.CHECK_INS_NONE)
    lessons = report.lessons
    _heading(pdf, "Readings")
    _para(
        pdf,
        f"{len(lessons.completed)} of {lessons.total} weekly readings completed; "
        f"{lessons.opened} opened; {lessons.released} released so far.",
    )
    if lessons.completed:
        rows = [(str(c.week), c.title, c.day.isoformat()) for c in lessons.completed]
        _table(pdf, [("Week", "Reading", "Completed"), *rows], (20, 110, 50), True)


def _excerpts_and_method(pdf: FPDF, report: Report, appendix_name: str) -> None:
    _heading(pdf, "Entries the writer chose to share")
    if not report.excerpts:
        _para(pdf, "None: this report holds figures only.")
    for item in report.excerpts:
        _para(pdf, glance.excerpt_line(item), size=8.5, soft=True)
        _para(pdf, item.text, size=9.5)
        pdf.ln(1)
    _heading(pdf, "What is left out")
    for line in glance.left_out_lines(report):
        _para(pdf, f"• {line}")
    _heading(pdf, "How the labels are made")
    method = report.method
    _para(pdf, method.labels)
    f1 = f"{method.macro_f1:.2f}, " if method.macro_f1 is not None else ""
    _para(
        pdf,
        "Measured agreement with human labels (macro-F1 over the seven labels): "
        f"{f1}{method.macro_f1_note}. The writer's own check-ins are shown as given.",
    )
    _para(pdf, f"The same figures are in {appendix_name}, beside this file.", soft=True)


def render_pdf(report: Report, appendix_name: str) -> bytes:
    """The whole report as PDF bytes."""
    pdf = _new_pdf()
    _first_page(pdf, report)
    _cycle(pdf, report)
    _shame_and_checkins(pdf, report)
    _safety_and_lessons(pdf, report)
    _excerpts_and_method(pdf, report, appendix_name)
    return bytes(pdf.output())

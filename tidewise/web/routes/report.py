"""Report for a therapist: choose the period, see what will be in it, preview, download.

Consent first, as `tidewise report`: figures only unless entries are marked to share or
numbered on the form; the names and places to redact are listed before anything leaves.
Every step is a POST (names never go into a URL). The download is made in memory and sent
with a neutral name; which entries went into it is recorded in the journal, like the
CLI's reports. The file lands in the browser's downloads folder, which Tidewise cannot
see, so it is not among the copies `erase` offers to remove; the page says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from tidewise.errors import InputError, UsageError
from tidewise.web.guards import Form, require_session, session_form, web_state
from tidewise.web.rendering import render
from tidewise.web.report_view import (
    FORMATS,
    MEDIA_TYPES,
    ReportChoices,
    file_stem,
    make_report,
    preview,
    report_bytes,
    report_request,
)

router = APIRouter(dependencies=[Depends(require_session)])


def _page(
    request: Request, choices: ReportChoices, *, status: int = 200, error: str = "", **more: Any
) -> Response:
    from tidewise.report import kept_redactions

    kept = kept_redactions(web_state(request).journal, [], [], save=False)
    context: dict[str, Any] = {"shown": None, **more}
    return render(
        request,
        "report.html",
        status=status,
        nav="export",
        choices=choices,
        kept=kept,
        formats=FORMATS,
        error=error,
        **context,
    )


@router.get("/report")
def report_page(request: Request) -> Response:
    return _page(request, ReportChoices())


@router.post("/report/preview")
def report_preview(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    journal = web_state(request).journal
    choices = ReportChoices.from_form(form)
    try:
        wanted = report_request(journal, choices, save=False)
        made = make_report(journal, wanted)
    except (InputError, UsageError) as error:
        return _page(request, choices, status=400, error=error.message)
    return _page(request, choices, shown=preview(journal, wanted, made))


@router.post("/report/download")
def report_download(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    from tidewise.report import record_report

    journal = web_state(request).journal
    choices = ReportChoices.from_form(form)
    fmt = form.choice("format", tuple(FORMATS))
    try:
        made = make_report(journal, report_request(journal, choices, save=False))
    except (InputError, UsageError) as error:
        return _page(request, choices, status=400, error=error.message)
    report_request(journal, choices, save=True)  # checked above; now keep the names
    stem = file_stem()
    name = f"{stem}.{fmt}"
    body = report_bytes(made, fmt, stem)
    record_report(journal, made, Path(name))
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

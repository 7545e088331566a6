"""Import by choosing a file: the upload, then the import's progress and its summary.

The body is read by `web/upload.py` straight into the journal's private scratch folder
(never the system's temp folder) under the same 50 MB limit as `tidewise import`; the
format is recognised (or taken from the Format choice) before the import starts, so a
file in no known format is refused at once. The import itself runs in the background
(`web/importing.py`): all or nothing, and a file imported twice adds nothing.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.errors import ImportFormatError, InputError
from tidewise.web.exceptions import BadRequestError, ForbiddenError
from tidewise.web.guards import (
    FORM_TOKEN_FIELD,
    check_same_origin,
    checked_session,
    require_session,
    web_state,
)
from tidewise.web.importing import ImportJobs, ImportStatus, web_words
from tidewise.web.rendering import render
from tidewise.web.security import tokens_match
from tidewise.web.upload import Upload, receive_upload

router = APIRouter(dependencies=[Depends(require_session)])
CHOOSE_A_FILE = "Choose a file to import."
NEEDS_PASSPHRASE = "This is an encrypted Tidewise export: type its passphrase too."  # noqa: S105
BAD_ZONE = "The time zone is not one Tidewise knows: give a name like Europe/London."
BUSY = "An import is already running; wait for it to finish, then choose the next file."
NOT_UPLOADABLE = ("folder",)  # a notes folder is imported from the terminal


def _jobs(request: Request) -> ImportJobs:
    jobs: ImportJobs = request.app.state.imports  # made by create_app
    return jobs


def _formats() -> list[tuple[str, str]]:
    from tidewise.formats import importers

    return [(n, i.description) for n, i in importers().items() if n not in NOT_UPLOADABLE]


def _page(request: Request, *, status: int = 200, error: str = "", zone: str = "") -> Response:
    from tidewise.clock import system_zone

    return render(
        request,
        "import.html",
        status=status,
        nav="export",
        formats=_formats(),
        error=error,
        zone=zone or system_zone(),
    )


@router.get("/import")
def import_page(request: Request) -> Response:
    if _jobs(request).busy():
        return RedirectResponse("/import/status", status_code=303)
    return _page(request)


@router.post("/import")
async def upload(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    check_same_origin(request)
    session = checked_session(request)
    state = web_state(request)
    scratch = await run_in_threadpool(state.journal.scratch_dir)
    received = await receive_upload(request, scratch, session.form_token)
    if not tokens_match(received.fields.get(FORM_TOKEN_FIELD), session.form_token):
        received.discard()  # a post without a file is checked here
        raise ForbiddenError
    try:
        return await run_in_threadpool(_start, request, received)
    finally:
        if not _jobs(request).owns(received.path):
            received.discard()


def _start(request: Request, received: Upload) -> Response:
    """Check the choices, then start the import (the job owns the file from then on)."""
    from tidewise.clock import system_zone, zone_info
    from tidewise.formats import importers
    from tidewise.formats.base import ImportOptions
    from tidewise.formats.sealed import TidewiseEncryptedImporter
    from tidewise.transfer import importer_for

    fields = received.fields
    zone = fields.get("zone", "").strip()[:64]
    fmt = fields.get("format", "")
    if fmt and (fmt not in importers() or fmt in NOT_UPLOADABLE):
        raise BadRequestError
    if received.too_large:
        from tidewise.web.app import upload_limit

        return _page(request, status=413, error=upload_limit()[1], zone=zone)
    if received.path is None or received.size == 0:
        return _page(request, status=400, error=CHOOSE_A_FILE, zone=zone)
    if zone and zone_info(zone) is None:
        return _page(request, status=400, error=BAD_ZONE, zone=zone)
    try:
        importer = importer_for(received.path, fmt or None)
    except ImportFormatError as err:
        name = received.name or "The file"
        message = f"{name}: {err.where}: {web_words(err.problem)}. Nothing was imported."
        return _page(request, status=400, error=message, zone=zone)
    except InputError as err:
        return _page(request, status=400, error=err.message, zone=zone)
    secret = fields.get("export_passphrase") or None
    if importer.name == TidewiseEncryptedImporter.name and not secret:
        return _page(request, status=400, error=NEEDS_PASSPHRASE, zone=zone)
    options = ImportOptions(zone=zone or system_zone(), passphrase=secret)
    state = web_state(request)
    started = _jobs(request).start(
        state.journal,
        received.path,
        received.name,
        fmt=importer.name,
        options=options,
        on_change=state.changed,
    )
    if not started:
        return _page(request, status=409, error=BUSY, zone=zone)
    return RedirectResponse("/import/status", status_code=303)


@router.get("/import/status")
def import_status(request: Request) -> Response:
    status: ImportStatus | None = _jobs(request).status()
    if status is None:
        return RedirectResponse("/import", status_code=303)
    return render(request, "import_status.html", nav="export", job=status)

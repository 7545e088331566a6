"""Export: download the journal as JSON, Markdown or CSV (through the formats registry),
plain or sealed with a passphrase of its own.

A plain export is NOT encrypted, and the page says so before anything is downloaded,
offering the encrypted kind beside it. The encrypted one is a POST (the passphrase
never goes into a URL) and is sealed in memory (transfer.export) before a byte is
sent. File names are neutral ("notes-<month>.<ext>") because a downloads folder is
easy to look at.
"""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from tidewise.errors import InputError
from tidewise.web.exceptions import BadRequestError
from tidewise.web.guards import Form, require_session, session_form, web_state
from tidewise.web.rendering import render

router = APIRouter(dependencies=[Depends(require_session)])
MEDIA_TYPES = {"json": "application/json", "md": "text/markdown", "csv": "text/csv"}
PASSPHRASES_DIFFER = "The two passphrases are not the same; type it twice, the same both times."
NO_PASSPHRASE = "Choose a passphrase for the file."  # noqa: S105 - a message, not a secret


def _page(request: Request, *, status: int = 200, error: str = "") -> Response:
    from tidewise.formats import exporters

    return render(
        request, "export.html", status=status, nav="export", exporters=exporters(), error=error
    )


@router.get("/export")
def export_page(request: Request) -> Response:
    return _page(request)


@router.get("/export/download")
def download(request: Request, format: str = "") -> Response:
    from tidewise.formats import exporters
    from tidewise.transfer import default_export_name, export

    exporter = exporters().get(format)
    if exporter is None:
        raise BadRequestError
    stream = io.StringIO()
    export(web_state(request).journal, format, stream)  # the same use-case as the CLI
    name = default_export_name(format)
    media = MEDIA_TYPES.get(exporter.extension, "text/plain")
    return _attachment(stream.getvalue(), f"{media}; charset=utf-8", name)


@router.post("/export/encrypted")
def download_encrypted(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    """The export sealed with the passphrase typed twice (not stored anywhere)."""
    from tidewise.formats import exporters
    from tidewise.transfer import default_export_name, export

    fmt = form.text("format")
    if fmt not in exporters():
        raise BadRequestError
    passphrase, again = form.text("passphrase"), form.text("passphrase_again")
    if not passphrase:
        return _page(request, status=400, error=NO_PASSPHRASE)
    if passphrase != again:
        return _page(request, status=400, error=PASSPHRASES_DIFFER)
    journal = web_state(request).journal
    stream = io.StringIO()
    try:
        export(journal, fmt, stream, passphrase=passphrase, kdf=journal.settings.kdf)
    except InputError as error:
        return _page(request, status=400, error=error.message)
    name = default_export_name(fmt, sealed=True)
    return _attachment(stream.getvalue(), "application/json; charset=utf-8", name)


def _attachment(text: str, media: str, name: str) -> Response:
    return Response(
        text.encode("utf-8"),
        media_type=media,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

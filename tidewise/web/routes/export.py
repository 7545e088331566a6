"""Export: download the journal as JSON, Markdown or CSV (through the formats registry).

Exports are NOT encrypted, and the page says so before anything is downloaded. The file
name is neutral ("notes-<date>.<ext>") because a downloads folder is easy to look at.
"""

from __future__ import annotations

import io

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from tidewise.web.errors import BadRequestError
from tidewise.web.guards import require_session, web_state
from tidewise.web.rendering import render

router = APIRouter(dependencies=[Depends(require_session)])
MEDIA_TYPES = {"json": "application/json", "md": "text/markdown", "csv": "text/csv"}


@router.get("/export")
def export_page(request: Request) -> Response:
    from tidewise.formats import exporters

    return render(request, "export.html", nav="export", exporters=exporters())


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
    return Response(
        stream.getvalue().encode("utf-8"),
        media_type=f"{media}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

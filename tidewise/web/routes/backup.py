"""Backup: an encrypted, verified copy of the journal in a folder the person names.

The copy is made by the facade's `backup(dest)` (storage/backup.py), the same as
`tidewise backup`; it opens with the passphrase current when it was made. The folder is
typed as a full path (a browser cannot hand a local app a folder it chose), checked
here for the mistakes a person can make, and every refusal is one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from tidewise.errors import InputError, TidewiseError, from_os_error
from tidewise.web.guards import Form, require_session, session_form, web_state
from tidewise.web.rendering import render

router = APIRouter(dependencies=[Depends(require_session)])
MAX_PATH_CHARS = 4096
NEED_FULL_PATH = "Give the folder's full path, starting with / or ~ (for example ~/Backups/notes)."
INSIDE_JOURNAL = "Choose a folder outside the journal's own folder: a backup there is no backup."


def backup_folder(raw: str, journal_home: Path) -> Path:
    """The folder named in the form, or InputError saying what is wrong with it."""
    text = raw.strip()
    if not text:
        msg = "Type the folder for the backup."
        raise InputError(msg)
    if "\x00" in text or len(text) > MAX_PATH_CHARS:
        msg = "That folder name cannot be used."
        raise InputError(msg)
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        raise InputError(NEED_FULL_PATH)
    home = journal_home.resolve()
    target = folder.resolve()
    if target == home or home in target.parents:
        raise InputError(INSIDE_JOURNAL)
    return folder


@router.get("/backup")
def backup_page(request: Request) -> Response:
    return render(request, "backup.html", nav="export", folder="", error="", made="")


@router.post("/backup")
def make_backup(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    journal = web_state(request).journal
    raw = form.text("folder")
    try:
        folder = backup_folder(raw, journal.settings.home)
        try:
            made = journal.backup(folder)
        except OSError as err:  # a folder that cannot be made or written
            raise from_os_error(err) from None
    except TidewiseError as error:
        status = 400 if isinstance(error, InputError) else 500
        return render(
            request,
            "backup.html",
            status=status,
            nav="export",
            folder=raw,
            error=error.message,
            made="",
        )
    return render(request, "backup.html", nav="export", folder="", error="", made=str(made))

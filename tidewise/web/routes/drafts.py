"""Posts of typed text: saving an entry (write, edit), the page script's draft saves, and
discarding an offered draft (tidewise/drafts.py).

These routes have no router-wide session check on purpose: `typing_form` checks the
session itself, and when a lock came first (idle, quick exit, another tab, the journal
replaced on disk) it keeps the posted text as the draft instead of answering a bare
401. `POST /draft` answers 204; after a lock it answers 401, having kept the text for
the next unlock, and the page then leaves for the "Locked" page.

Saving follows the same rules as `tidewise write`, from the use-cases: the text is read
when the reader can run here and saved unread otherwise (`Analysis.IF_AVAILABLE`), and
`writing.after_write` records the reply and sends a due weekly note.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.drafts import discard_draft, finish_draft, keep_draft
from tidewise.errors import InputError
from tidewise.records import Analysis
from tidewise.web.draft_form import DRAFT_FORM_FIELD, draft_from_form, typing_form
from tidewise.web.guards import Form, session_form, web_state
from tidewise.web.rendering import render
from tidewise.web.routes.entries import (
    _checkin,
    _entry,
    _form_context,
    _form_values,
    _journal,
    _posted_when_values,
    _tags,
)
from tidewise.web.when_form import posted_when
from tidewise.writing import after_write

router = APIRouter()


@router.post("/write")
def write(request: Request, form: Annotated[Form, Depends(typing_form)]) -> Response:
    text, checkin, tags = form.text("text"), _checkin(form), _tags(form)
    journal = _journal(request)
    try:
        created = posted_when(form)
        entry = journal.write(
            text, created=created, checkin=checkin, tags=tags, analysis=Analysis.IF_AVAILABLE
        )
    except InputError as error:
        values = _form_values(text, checkin, tags, _posted_when_values(form))
        context = _form_context(values, error.message, draft_form=form.text(DRAFT_FORM_FIELD))
        return render(request, "write.html", status=400, nav="write", **context)
    finish_draft(journal, form.text(DRAFT_FORM_FIELD))
    web_state(request).changed()
    after_write(journal, entry)  # the page shows the reply; a due weekly note goes out
    return RedirectResponse(f"/entries/{entry.id}?saved=1", status_code=303)


@router.post("/entries/{entry_id}/edit")
def edit(request: Request, entry_id: int, form: Annotated[Form, Depends(typing_form)]) -> Response:
    entry = _entry(request, entry_id)
    text, checkin, tags = form.text("text"), _checkin(form), _tags(form)
    journal = _journal(request)
    try:
        created = posted_when(form)
        journal.edit(
            entry.id,
            text=text,
            checkin=checkin,
            tags=tags,
            created=created,
            analysis=Analysis.IF_AVAILABLE,
        )
    except InputError as error:
        values = _form_values(text, checkin, tags, _posted_when_values(form))
        context = _form_context(values, error.message, draft_form=form.text(DRAFT_FORM_FIELD))
        return render(request, "edit.html", status=400, nav="journal", entry=entry, **context)
    finish_draft(journal, form.text(DRAFT_FORM_FIELD))
    web_state(request).changed()
    return RedirectResponse(f"/entries/{entry.id}?saved=1", status_code=303)


@router.post("/draft", status_code=204)
def save_draft(request: Request, form: Annotated[Form, Depends(typing_form)]) -> Response:
    entry_id = form.optional_int("entry_id", 1, 2**62)
    keep_draft(web_state(request).journal, draft_from_form(form, entry_id))
    return Response(status_code=204)


@router.post("/draft/discard")
def discard(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    discard_draft(web_state(request).journal)
    return RedirectResponse("/write", status_code=303)

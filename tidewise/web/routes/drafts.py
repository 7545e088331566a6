"""The page script's draft saves, and discarding an offered draft (tidewise/drafts.py).

`POST /draft` is what the write and edit pages send as the person types (and when the
tab is hidden or closed). It answers 204; after a lock it answers 401, having kept the
text for the next unlock, and the page then leaves for the "Locked" page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.drafts import discard_draft, keep_draft
from tidewise.web.draft_form import draft_from_form, typing_form
from tidewise.web.guards import Form, require_session, session_form, web_state

router = APIRouter()


@router.post("/draft", status_code=204)
def save_draft(request: Request, form: Annotated[Form, Depends(typing_form)]) -> Response:
    entry_id = form.optional_int("entry_id", 1, 2**62)
    keep_draft(web_state(request).journal, draft_from_form(form, entry_id))
    return Response(status_code=204)


@router.post("/draft/discard", dependencies=[Depends(require_session)])
def discard(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    discard_draft(web_state(request).journal)
    return RedirectResponse("/write", status_code=303)

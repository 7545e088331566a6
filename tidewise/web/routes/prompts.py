"""Writing prompts: "no prompts" on the write page, and turning them off or on in Settings.

Both are POSTs (same origin, form token); the choice is kept in the journal's encrypted
state (lessons/prompts.py). "Another prompt" is a plain link to /write?prompt=N.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.lessons import prompts
from tidewise.web.guards import Form, require_session, session_form, web_state

router = APIRouter(dependencies=[Depends(require_session)])


@router.post("/prompts/off")
def prompts_off(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    prompts.set_wanted(web_state(request).journal, on=False)
    if form.text("then") == "settings":
        return RedirectResponse("/settings?done=prompts-off", status_code=303)
    return RedirectResponse("/write?prompts=off", status_code=303)


@router.post("/prompts/on")
def prompts_on(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    prompts.set_wanted(web_state(request).journal, on=True)
    return RedirectResponse("/settings?done=prompts-on", status_code=303)

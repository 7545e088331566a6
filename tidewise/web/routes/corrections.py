"""Correcting how a sentence was read, undoing it, and the "learned from you" page.

Thin routes over the facade (`Journal.correct`, `undo_correction`, `corrections`,
`forget_corrections`): each POST passes the same session, same-origin and form-token
checks as every other form, changes nothing when anything is wrong, and redirects
back (so the page works without JavaScript; app.js only spares the reload). After a
change the background re-reader reads entries an older reader read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.corrections import Request as CorrectionRequest
from tidewise.web.exceptions import BadRequestError, PageNotFoundError
from tidewise.web.guards import Form, require_session, session_form, web_state
from tidewise.web.rendering import render
from tidewise.web.sentence_view import CHOICE_VALUES, choice_title

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.web.rereading import Rereader

router = APIRouter(dependencies=[Depends(require_session)])
MAX_ID = 2**62
MAX_SENTENCES = 100_000
BACK_TO = ("entry", "learned")


def _journal(request: Request) -> Journal:
    return web_state(request).journal


def _rereader(request: Request) -> Rereader:
    rereader: Rereader = request.app.state.rereader
    return rereader


def _changed(request: Request) -> None:
    web_state(request).changed()
    _rereader(request).start()


@router.post("/entries/{entry_id}/correct")
def correct(
    request: Request, entry_id: int, form: Annotated[Form, Depends(session_form)]
) -> Response:
    """The person's word for one sentence; the entry is read again at once."""
    if not 1 <= entry_id <= MAX_ID:
        raise PageNotFoundError
    number = form.optional_int("sentence", 1, MAX_SENTENCES)
    label = form.choice("label", CHOICE_VALUES)
    if number is None:
        raise BadRequestError
    journal = _journal(request)
    journal.get(entry_id)  # a missing entry is a 404, before anything else
    journal.correct([CorrectionRequest(entry_id, number, label)])
    _changed(request)
    return RedirectResponse(f"/entries/{entry_id}?said={number}#sentence-{number}", 303)


@router.post("/corrections/{correction_id}/undo")
def undo(
    request: Request, correction_id: int, form: Annotated[Form, Depends(session_form)]
) -> Response:
    if not 1 <= correction_id <= MAX_ID:
        raise PageNotFoundError
    back = form.choice("back", BACK_TO)
    removed = _journal(request).undo_correction(correction_id)
    _changed(request)
    if back == "learned":
        return RedirectResponse("/learned?done=undone", 303)
    number = removed.sentence
    return RedirectResponse(
        f"/entries/{removed.entry_id}?undone={number}#sentence-{number}", status_code=303
    )


@router.get("/learned")
def learned(request: Request) -> Response:
    journal = _journal(request)
    done = {
        "undone": "That correction was taken back.",
        "forgotten": "Tidewise forgot everything it had learned from you.",
    }.get(request.query_params.get("done", ""), "")
    items = [
        (item, choice_title(item.was), choice_title(item.label))
        for item in reversed(journal.corrections())
    ]
    return render(
        request,
        "learned.html",
        nav="settings",
        items=items,
        done=done,
        progress=_rereader(request).progress(),
    )


@router.get("/learned/forget")
def forget_page(request: Request) -> Response:
    count = len(_journal(request).corrections())
    return render(request, "learned_forget.html", nav="settings", count=count)


@router.post("/learned/forget")
def forget(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    if form.text("confirm") != "yes":
        return RedirectResponse("/learned", status_code=303)
    _journal(request).forget_corrections()
    _changed(request)
    return RedirectResponse("/learned?done=forgotten", status_code=303)

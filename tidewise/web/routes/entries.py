"""Write, read, list, search, edit and delete entries: thin routes over the Journal facade.

Every route here needs an unlocked session (router dependency); every POST also
passes the same-origin and form-token checks (`session_form`). Saving analyses the
text on this computer; when the analysis engine cannot run, the entry is still saved,
and the page says it could not be read yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.drafts import current_draft
from tidewise.errors import NotFoundError
from tidewise.records import CLOSENESS_RANGE, SHAME_RANGE, CheckIn
from tidewise.web import present
from tidewise.web.draft_form import draft_values, new_form_id
from tidewise.web.entry_view import entry_context
from tidewise.web.exceptions import PageNotFoundError
from tidewise.web.guards import Form, require_session, session_form, web_state
from tidewise.web.listing import journal_page
from tidewise.web.prompt_view import prompts_view
from tidewise.web.rendering import render
from tidewise.web.sentence_view import sentence_context
from tidewise.web.tide_view import tide_phase_of
from tidewise.web.when_form import SHOWN_FIELD, posted_fields, when_values

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.records import Entry

router = APIRouter(dependencies=[Depends(require_session)])
MAX_ENTRY_ID = 2**62


def _journal(request: Request) -> Journal:
    return web_state(request).journal


def _entry(request: Request, entry_id: int) -> Entry:
    if not 1 <= entry_id <= MAX_ENTRY_ID:
        raise PageNotFoundError
    return _journal(request).get(entry_id)


def _checkin(form: Form) -> CheckIn:
    return CheckIn(
        closeness=form.optional_int("closeness", *CLOSENESS_RANGE),
        shame=form.optional_int("shame", *SHAME_RANGE),
    )


def _tags(form: Form) -> list[str]:
    return [tag for tag in form.text("tags").split(",") if tag.strip()]


def _form_values(
    text: str,
    checkin: CheckIn | None,
    tags: tuple[str, ...] | list[str],
    when: dict[str, str],
) -> dict[str, object]:
    """The form's values; `when` holds the date, time and when_shown fields (when_form)."""
    return {
        "text": text,
        "closeness": "" if checkin is None or checkin.closeness is None else checkin.closeness,
        "shame": "" if checkin is None or checkin.shame is None else checkin.shame,
        "tags": ", ".join(tag.strip() for tag in tags),
        **when,
    }


def _posted_when_values(form: Form) -> dict[str, str]:
    """The date and time fields as posted, to show them again beside an error."""
    fields = posted_fields(form)
    return {"date": fields.date, "time": fields.time, SHOWN_FIELD: form.text(SHOWN_FIELD)}


def _form_context(
    values: dict[str, object], error: str = "", *, draft_form: str = ""
) -> dict[str, Any]:
    return {
        "values": values,
        "error": error,
        "closeness_words": present.CLOSENESS_WORDS,
        "shame_range": range(SHAME_RANGE[0], SHAME_RANGE[1] + 1),
        "draft_form": draft_form or new_form_id(),
        "exit_form": "entry-form",  # the quick exit posts the text too (tidewise/drafts.py)
        "offer": None,
    }


@router.get("/write")
def write_page(request: Request, draft: str = "", prompt: int = 0, prompts: str = "") -> Response:
    """A blank page, or first the draft that a lock interrupted: keep it or discard it.
    A blank page offers writing prompts (`prompt` turns to the next ones)."""
    journal = _journal(request)
    offered = current_draft(journal)
    if offered is not None and draft == "keep":
        if offered.entry_id is not None and _still_there(journal, offered.entry_id):
            return RedirectResponse(f"/entries/{offered.entry_id}/edit?draft=keep", 303)
        context = _form_context(draft_values(offered, when_values()), draft_form=offered.form)
        return render(request, "write.html", nav="write", **context)
    context = _form_context(_form_values("", None, [], when_values()))
    context["offer"] = offered
    context["prompts"] = prompts_view(web_state(request), prompt)
    context["prompts_off"] = prompts == "off"
    return render(request, "write.html", nav="write", **context)


def _still_there(journal: Journal, entry_id: int) -> bool:
    try:
        journal.get(entry_id)
    except NotFoundError:
        return False
    return True


@router.get("/entries/{entry_id}")
def read(request: Request, entry_id: int, saved: str = "") -> Response:
    entry = _entry(request, entry_id)
    tide_phase = tide_phase_of(web_state(request), entry)
    context = entry_context(_journal(request), entry, tide_phase)
    context |= sentence_context(_journal(request), entry, request.query_params)
    return render(request, "entry.html", nav="journal", saved=saved == "1", **context)


@router.post("/entries/{entry_id}/safety-check")
def safety_check(
    request: Request, entry_id: int, form: Annotated[Form, Depends(session_form)]
) -> Response:
    """Record the answer to the entry's "are you safe right now?" check-in."""
    from tidewise.replies import record_answer

    _entry(request, entry_id)
    record_answer(_journal(request), entry_id, form.text("answer"))
    return RedirectResponse(f"/entries/{entry_id}#help-card", status_code=303)


STAR_RETURNS = {"entry": "", "journal": "/journal", "starred": "/journal?starred=1"}


@router.post("/entries/{entry_id}/star")
def star(request: Request, entry_id: int, form: Annotated[Form, Depends(session_form)]) -> Response:
    """Star or unstar; back to the entry, or to the list the button was in."""
    entry = _entry(request, entry_id)
    starred = form.choice("starred", ("1", "0")) == "1"
    back = STAR_RETURNS[form.choice("back", tuple(STAR_RETURNS))] or f"/entries/{entry.id}"
    _journal(request).set_starred(entry.id, starred)
    web_state(request).changed()
    anchor = f"#entry-{entry.id}" if back.startswith("/journal") else ""
    return RedirectResponse(back + anchor, status_code=303)


@router.get("/entries/{entry_id}/edit")
def edit_page(request: Request, entry_id: int, draft: str = "") -> Response:
    entry = _entry(request, entry_id)
    shown = when_values(entry.created)
    context = _form_context(_form_values(entry.text, entry.checkin, entry.tags, shown))
    offered = current_draft(_journal(request)) if draft == "keep" else None
    if offered is not None and offered.entry_id == entry.id:
        context = _form_context(draft_values(offered, shown), draft_form=offered.form)
    return render(request, "edit.html", nav="journal", entry=entry, **context)


@router.get("/entries/{entry_id}/delete")
def delete_page(request: Request, entry_id: int) -> Response:
    entry = _entry(request, entry_id)
    return render(request, "delete.html", nav="journal", entry=entry)


@router.post("/entries/{entry_id}/delete")
def delete(
    request: Request, entry_id: int, form: Annotated[Form, Depends(session_form)]
) -> Response:
    entry = _entry(request, entry_id)
    if form.text("confirm") != "yes":
        return RedirectResponse(f"/entries/{entry.id}", status_code=303)
    _journal(request).delete(entry.id)
    web_state(request).changed()
    return RedirectResponse("/journal?deleted=1", status_code=303)


@router.get("/journal")
def journal_list(request: Request) -> Response:
    page = journal_page(web_state(request), request.query_params)
    rereading = request.app.state.rereader.progress()  # tidewise/web/rereading.py
    return render(request, "journal.html", nav="journal", page=page, rereading=rereading)

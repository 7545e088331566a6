"""Settings: change the passphrase, the auto-lock minutes, and erase with a typed word.

Each is its own small form (POST, same origin, form token). Erasing deletes the journal,
its backups and its header, then locks; the typed word keeps a slip from doing it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.errors import InputError, WrongPassphraseError
from tidewise.lessons import prompts
from tidewise.web.guards import Form, require_session, session_form, web_state
from tidewise.web.rendering import render
from tidewise.web.routes.session import MIN_PASSPHRASE_CHARS
from tidewise.web.state import AUTO_LOCK_RANGE

router = APIRouter(dependencies=[Depends(require_session)])
ERASE_WORD = "erase"


def _page(request: Request, *, status: int = 200, **messages: str) -> Response:
    from tidewise.replies import saved_country
    from tidewise.web.routes.session import country_context

    state = web_state(request)
    return render(
        request,
        "settings.html",
        status=status,
        nav="settings",
        minutes=state.idle_minutes,
        minute_range=range(AUTO_LOCK_RANGE[0], AUTO_LOCK_RANGE[1] + 1),
        erase_word=ERASE_WORD,
        done=messages.get("done", ""),
        passphrase_error=messages.get("passphrase_error", ""),
        erase_error=messages.get("erase_error", ""),
        prompts_wanted=prompts.wanted(state.journal),
        **country_context(saved_country(state.journal)),
    )


@router.get("/settings")
def settings_page(request: Request) -> Response:
    done = {
        "passphrase": "Your passphrase was changed and the journal re-encrypted with a new key.",
        "passphrase-backups": (
            "Your passphrase was changed and the journal re-encrypted with a new key. "
            "Backups made before the change still open with the old passphrase: erase them "
            "if someone who knows it could reach them (`tidewise passwd` lists them)."
        ),
        "minutes": "Auto-lock was saved.",
        "country": "Your country for help lines was saved.",
        "prompts-on": "The write page will offer prompts again.",
        "prompts-off": "The write page will not offer prompts.",
    }
    return _page(request, done=done.get(request.query_params.get("done", ""), ""))


@router.post("/settings/passphrase")
def change_passphrase(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    old, new, again = form.text("current"), form.text("new"), form.text("new_again")
    if len(new) < MIN_PASSPHRASE_CHARS or new != again:
        problem = (
            f"The new passphrase needs at least {MIN_PASSPHRASE_CHARS} characters, "
            "typed the same way twice."
        )
        return _page(request, status=400, passphrase_error=problem)
    try:
        still_open = web_state(request).journal.change_passphrase(old, new)
    except WrongPassphraseError:
        problem = "The current passphrase was not right. Nothing was changed."
        return _page(request, status=400, passphrase_error=problem)
    done = "passphrase-backups" if still_open else "passphrase"
    return RedirectResponse(f"/settings?done={done}", status_code=303)


@router.post("/settings/country")
def country(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    from tidewise.replies import save_country

    save_country(web_state(request).journal, form.text("country"))
    return RedirectResponse("/settings?done=country", status_code=303)


@router.post("/settings/auto-lock")
def auto_lock(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    minutes = form.optional_int("minutes", *AUTO_LOCK_RANGE)
    if minutes is None:
        msg = "Auto-lock must be between 1 and 30 minutes."
        raise InputError(msg)
    web_state(request).save_minutes(minutes)
    return RedirectResponse("/settings?done=minutes", status_code=303)


@router.post("/settings/erase")
def erase(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    if form.text("confirm").strip().lower() != ERASE_WORD:
        problem = f'Nothing was erased. To erase, type the word "{ERASE_WORD}" in the box.'
        return _page(request, status=400, erase_error=problem)
    web_state(request).erase()
    return RedirectResponse("/", status_code=303)

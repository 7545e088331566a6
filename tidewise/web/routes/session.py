"""Getting in and getting out: launch link, create, unlock, example journal, lock.

The launch link's token is swapped once for a *pass* cookie (this browser may use the
create and unlock forms), then a redirect drops the token from the address bar.
Unlocking issues a fresh session id (never an upgraded old one); locking kills it.
`/lock` takes a bare POST (the quick exit's beacon carries no form): locking early
never hurts. Its answer is a blank page, so the quick exit works without JavaScript.
"""

from __future__ import annotations

import contextlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from tidewise.errors import InputError, JournalExistsError, NoJournalError, WrongPassphraseError
from tidewise.web.exceptions import ForbiddenError, NotAuthenticatedError, WebError
from tidewise.web.guards import (
    Form,
    current_pass,
    current_session,
    pass_form,
    request_host,
    session_header_token,
    web_state,
)
from tidewise.web.rendering import render
from tidewise.web.security import (
    PASS_COOKIE,
    SESSION_COOKIE,
    Session,
    cookie_header,
)

router = APIRouter()
MIN_PASSPHRASE_CHARS = 8
BLANK_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>New Tab</title>'
    '<link rel="icon" href="/static/favicon.svg"></head><body></body></html>'
)


def _redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def _start_session(request: Request, response: Response) -> Response:
    """Rotate: any session id this browser held dies; a new random one is issued."""
    state = web_state(request)
    state.sessions.kill(request.cookies.get(SESSION_COOKIE))
    session = state.sessions.new(unlocked=True, host=request_host(request))
    response.headers.append("set-cookie", cookie_header(SESSION_COOKIE, session.id))
    return response


@router.get("/launch/{token}")
def launch(request: Request, token: str) -> Response:
    state = web_state(request)
    if state.launch.redeem(token):
        browser_pass = state.sessions.new(unlocked=False, host=request_host(request))
        response = _redirect("/")
        response.headers.append("set-cookie", cookie_header(PASS_COOKIE, browser_pass.id))
        return response
    if current_pass(request) is not None:
        return _redirect("/")  # a reload of the launch link in the same browser
    msg = (
        "This address has already been used. To open Tidewise again, "
        "stop it and start it again, then use the new address it prints."
    )
    raise ForbiddenError(msg)


@router.get("/")
def start(request: Request) -> Response:
    if current_session(request) is not None:
        return _redirect("/write")
    if current_pass(request) is None:
        raise NotAuthenticatedError
    return _redirect("/unlock" if web_state(request).journal_exists() else "/create")


@router.get("/unlock")
def unlock_page(request: Request) -> Response:
    if current_pass(request) is None:
        raise NotAuthenticatedError
    if current_session(request) is not None:
        return _redirect("/write")
    if not web_state(request).journal_exists():
        return _redirect("/create")
    if web_state(request).quick_exited:
        return render(request, "locked.html")  # Back after a quick exit: nothing named
    return render(request, "unlock.html", error="")


@router.post("/unlock")
def unlock(request: Request, form: Annotated[Form, Depends(pass_form)]) -> Response:
    try:
        web_state(request).unlock(form.text("passphrase"))
    except WrongPassphraseError as error:
        return render(request, "unlock.html", status=401, error=error.message)
    except NoJournalError:
        return _redirect("/create")
    return _start_session(request, _redirect("/write"))


@router.get("/create")
def create_page(request: Request) -> Response:
    if current_pass(request) is None:
        raise NotAuthenticatedError
    if web_state(request).journal_exists():
        return _redirect("/unlock")
    if web_state(request).quick_exited:
        return render(request, "locked.html")  # Back after a quick exit: nothing named
    return render(request, "create.html", error="", **country_context(None))


@router.post("/create")
def create(request: Request, form: Annotated[Form, Depends(pass_form)]) -> Response:
    passphrase, again = form.text("passphrase"), form.text("passphrase_again")
    problem = _passphrase_problem(passphrase, again)
    if problem:
        context = country_context(form.text("country") or None)
        return render(request, "create.html", status=400, error=problem, **context)
    try:
        web_state(request).create(passphrase)
    except JournalExistsError:
        return _redirect("/unlock")
    _save_country_quietly(request, form.text("country"))
    return _start_session(request, _redirect("/write"))


def country_context(country: str | None) -> dict[str, Any]:
    """The country picker's choices (every country with lines) and the current choice."""
    from tidewise.analysis.crisis import ELSEWHERE, countries

    choices = [(code, name) for code, name in countries().items() if code != ELSEWHERE]
    return {"country_choices": choices, "country": country or ""}


def _save_country_quietly(request: Request, country: str) -> None:
    """The first-run choice; an unknown code is simply not saved (it was optional)."""
    from tidewise.replies import save_country

    if country.strip():
        with contextlib.suppress(InputError):
            save_country(web_state(request).journal, country)


def _passphrase_problem(passphrase: str, again: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return f"Please choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters."
    if passphrase != again:
        return "The two passphrases are not the same. Please type them again."
    return ""


@router.post("/demo")
def explore_demo(request: Request, form: Annotated[Form, Depends(pass_form)]) -> Response:
    web_state(request).explore_demo()
    return _start_session(request, _redirect("/journal"))


@router.post("/lock")
async def lock(request: Request) -> Response:
    """Quick exit, Lock button, or beacon: forget the key, then a blank page.

    The Lock button asks (`then=locked`) for the neutral "Locked" page instead. Nothing
    else in the body is read: locking needs no token, it never hurts.
    """
    state = web_state(request)
    body = await request.body()
    await run_in_threadpool(_keep_typed_text, request, body)
    await run_in_threadpool(state.lock)
    wants_locked_page = b"then=locked" in body[:64]
    if not wants_locked_page:
        state.quick_exited = True  # until the next unlock, every page stays neutral
    # The session cookie stays in the browser on purpose: the lock killed the session,
    # and its id now opens nothing; it only lets another tab that is still typing hand
    # over its text as the draft (with that page's form token). The next unlock
    # replaces it with a new id.
    return _redirect("/locked") if wants_locked_page else HTMLResponse(BLANK_PAGE)


def _keep_typed_text(request: Request, body: bytes) -> None:
    """The quick exit from the write or edit page posts its text too: keep it as the draft.

    Only from our own page (same origin) with this browser's session, live or just
    locked, and its form token; anything else is ignored and the lock goes ahead.
    """
    from urllib.parse import parse_qs

    from tidewise.web.draft_form import draft_from_form
    from tidewise.web.guards import FORM_TOKEN_FIELD, same_origin_ok
    from tidewise.web.security import tokens_match

    if b"text=" not in body or not same_origin_ok(request):
        return
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
        form = Form(fields)
        draft = draft_from_form(form, form.optional_int("entry_id", 1, 2**62))
    except (ValueError, WebError):
        return
    state = web_state(request)
    cookie = request.cookies.get(SESSION_COOKIE)
    session = current_session(request) or state.sessions.retired(cookie, request_host(request))
    if session is not None and tokens_match(form.text(FORM_TOKEN_FIELD), session.form_token):
        state.hold_draft(draft)


@router.post("/resume")
def resume(request: Request, form: Annotated[Form, Depends(pass_form)]) -> Response:
    """After a quick exit with no journal open: the person chose to go on, so the pages
    may name the app again."""
    web_state(request).quick_exited = False
    return _redirect("/")


@router.get("/locked")
def locked(request: Request) -> Response:
    """Where the page script goes after idle time: nothing of the journal, a way back in."""
    return render(request, "locked.html")


@router.post("/alive", status_code=204)
def alive(session: Annotated[Session, Depends(session_header_token)]) -> Response:
    """The page script's keep-alive while the person is typing (counts as activity)."""
    return Response(status_code=204)

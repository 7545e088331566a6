"""Typed text is never lost to a lock: the guard for write, edit and draft posts.

`typing_form` is `session_form` (same origin, session, form token) with one addition:
when the session was ended by a lock (idle, quick exit, the Lock button in another
tab, the journal replaced on disk), a post that still carries that session's cookie
and form token hands its text over as the draft (held until the next unlock) and the
page asks for the passphrase. This is what keeps a form typed without JavaScript.

A draft is kept even when a field is odd: the text is what matters, so a check-in
value out of range is simply left out rather than refusing the whole draft.
"""

from __future__ import annotations

import re
import secrets

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from tidewise.drafts import MAX_FORM_ID_CHARS, Draft
from tidewise.records import CLOSENESS_RANGE, SHAME_RANGE
from tidewise.web.exceptions import (
    BadRequestError,
    DraftHeldError,
    ForbiddenError,
    JournalReplacedError,
    NotAuthenticatedError,
)
from tidewise.web.guards import (
    FORM_TOKEN_FIELD,
    Form,
    check_same_origin,
    current_session,
    read_form,
    request_host,
    web_state,
)
from tidewise.web.security import SESSION_COOKIE, tokens_match

DRAFT_FORM_FIELD = "draft_form"
_FORM_ID = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_FORM_ID_CHARS}}}")


HELD = (
    "Tidewise locked before this could be saved. What you wrote is kept: unlock, "
    "and the Write page offers it back."
)


async def typing_form(request: Request) -> Form:
    """Write, edit and draft posts; text that arrives after a lock becomes the draft."""
    check_same_origin(request)
    form = await read_form(request)
    state = web_state(request)
    offered = form.text(FORM_TOKEN_FIELD)
    state.expired()  # an idle deadline that passed locks now, before the checks below
    session = current_session(request)
    draft = draft_from_form(form, _entry_id(request, form))
    if session is not None:
        if not tokens_match(offered, session.form_token):
            raise ForbiddenError
        state.touch()
        try:
            state.journal  # noqa: B018 - locks when the journal's files were replaced
        except JournalReplacedError:
            await run_in_threadpool(state.hold_draft, draft)
            raise
        return form
    cookie = request.cookies.get(SESSION_COOKIE)
    ended = state.sessions.retired(cookie, request_host(request))
    if ended is not None and tokens_match(offered, ended.form_token):
        await run_in_threadpool(state.hold_draft, draft)
        raise DraftHeldError(HELD)
    raise NotAuthenticatedError


def _entry_id(request: Request, form: Form) -> int | None:
    raw = request.path_params.get("entry_id")
    if raw is not None:
        return int(raw) if str(raw).isdigit() and 1 <= int(raw) <= 2**62 else None
    try:
        return form.optional_int("entry_id", 1, 2**62)
    except BadRequestError:
        return None


def new_form_id() -> str:
    """A random id for one rendering of the write or edit page."""
    return secrets.token_urlsafe(12)


def draft_from_form(form: Form, entry_id: int | None) -> Draft:
    form_id = form.text(DRAFT_FORM_FIELD)
    if form_id and not _FORM_ID.fullmatch(form_id):
        raise BadRequestError
    return Draft(
        form=form_id,
        text=form.text("text").replace("\x00", ""),
        closeness=_lenient_int(form, "closeness", CLOSENESS_RANGE),
        shame=_lenient_int(form, "shame", SHAME_RANGE),
        tags=form.text("tags")[:2000],
        entry_id=entry_id,
        date=form.text("date")[:40],
        time=form.text("time")[:40],
    )


def draft_values(draft: Draft, shown: dict[str, str]) -> dict[str, object]:
    """The write/edit form's values from a draft (check-in numbers as numbers).

    `shown` holds the date and time fields the page shows without a draft; a draft's own
    date and time replace them only when it kept some (older drafts have none).
    """
    when = dict(shown)
    if draft.date or draft.time:
        when |= {"date": draft.date, "time": draft.time}
    return {
        "text": draft.text,
        "closeness": _as_int(draft.closeness),
        "shame": _as_int(draft.shame),
        "tags": draft.tags,
        **when,
    }


def _lenient_int(form: Form, name: str, bounds: tuple[int, int]) -> str:
    try:
        value = form.optional_int(name, *bounds)
    except BadRequestError:
        return ""
    return "" if value is None else str(value)


def _as_int(value: str) -> int | str:
    try:
        return int(value)
    except ValueError:
        return ""

"""Request guards used as FastAPI dependencies: session, pass, CSRF, and form fields.

- `require_session`: an unlocked session, or 401 (also when the idle time ran out).
- `session_form` / `pass_form`: the same plus a same-origin check and the form token
  (403 otherwise); they return a `Form` whose getters answer 400 for malformed fields.
State changes are POST only: every POST route takes one of the form guards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastapi import Request

from tidewise.web.exceptions import BadRequestError, ForbiddenError, NotAuthenticatedError
from tidewise.web.security import (
    PASS_COOKIE,
    SESSION_COOKIE,
    BodyTooLargeError,
    Session,
    host_of,
    same_origin,
    tokens_match,
)

if TYPE_CHECKING:
    from tidewise.web.state import WebState

FORM_TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
FORM_TOKEN_HEADER = "x-form-token"  # noqa: S105 - a header name
MAX_FIELD_CHARS = 250_000  # above the journal's own limit, so its clear message wins


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def current_session(request: Request) -> Session | None:
    """The unlocked session of this request, without side effects (for templates)."""
    state = web_state(request)
    if not state.unlocked:
        return None
    cookie = request.cookies.get(SESSION_COOKIE)
    return state.sessions.get(cookie, unlocked=True, host=request_host(request))


def current_pass(request: Request) -> Session | None:
    cookie = request.cookies.get(PASS_COOKIE)
    return web_state(request).sessions.get(cookie, unlocked=False, host=request_host(request))


def request_host(request: Request) -> str:
    """The Host this request was sent to (HostGuard already allowed it)."""
    return host_of(request.scope) or ""


async def require_session(request: Request) -> Session:
    """An unlocked session, counted as activity; 401 otherwise.

    Async on purpose: it only reads memory, and as a sync dependency FastAPI would
    send every request through the thread pool one extra time (measured in bench_web).
    """
    return checked_session(request)


def checked_session(request: Request) -> Session:
    state = web_state(request)
    session = current_session(request)
    if session is None or state.expired():
        raise NotAuthenticatedError
    state.touch()
    return session


def require_pass(request: Request) -> Session:
    session = current_pass(request)
    if session is None:
        raise NotAuthenticatedError
    return session


def same_origin_ok(request: Request) -> bool:
    return same_origin(request.headers, host_of(request.scope))


def check_same_origin(request: Request) -> None:
    if not same_origin_ok(request):
        raise ForbiddenError


@dataclass(frozen=True)
class Form:
    """Submitted fields with typed getters; anything malformed is a 400."""

    fields: Mapping[str, list[str]]

    def text(self, name: str, *, default: str = "") -> str:
        values = self.fields.get(name, [])
        if len(values) > 1:
            raise BadRequestError
        value = values[0] if values else default
        if len(value) > MAX_FIELD_CHARS:
            raise BadRequestError
        return value

    def optional_int(self, name: str, low: int, high: int) -> int | None:
        raw = self.text(name).strip()
        if not raw:
            return None
        try:
            value = int(raw, 10)
        except ValueError:
            raise BadRequestError from None
        if not low <= value <= high:
            raise BadRequestError
        return value

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        value = self.text(name)
        if value not in options:
            raise BadRequestError
        return value


async def read_form(request: Request) -> Form:
    """Urlencoded or multipart fields (never files), as lists of strings."""
    try:
        data = await request.form(max_files=0, max_fields=200)
    except (BadRequestError, BodyTooLargeError):
        raise
    except Exception:  # malformed bodies: the parser's message could echo input
        raise BadRequestError from None
    fields: dict[str, list[str]] = {}
    for key, value in data.multi_items():
        if not isinstance(value, str):
            raise BadRequestError
        fields.setdefault(key, []).append(value)
    return Form(fields)


async def session_form(request: Request) -> Form:
    """A state change by the unlocked person: session, same origin, form token."""
    check_same_origin(request)
    session = checked_session(request)
    form = await read_form(request)
    if not tokens_match(form.text(FORM_TOKEN_FIELD), session.form_token):
        raise ForbiddenError
    return form


async def pass_form(request: Request) -> Form:
    """Create, unlock or explore: this browser's pass, same origin, form token."""
    check_same_origin(request)
    session = require_pass(request)
    form = await read_form(request)
    if not tokens_match(form.text(FORM_TOKEN_FIELD), session.form_token):
        raise ForbiddenError
    return form


def session_header_token(request: Request) -> Session:
    """For script calls (the keep-alive): session, same origin, token in a header."""
    check_same_origin(request)
    session = checked_session(request)
    if not tokens_match(request.headers.get(FORM_TOKEN_HEADER), session.form_token):
        raise ForbiddenError
    return session

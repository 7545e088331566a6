"""The web edge's one translation of errors into pages (the CLI's is `cli/__init__.py`).

The web's own exceptions are in `exceptions.py`, so the modules that raise them
(guards, forms, routes) never import this one, which renders pages.

Every page says only fixed words: a TidewiseError's own message (written to be safe,
never carrying entry text or a passphrase) or a generic sentence. Logs get the
exception's type name, never its message, locals or the request body. `CatchAll`
sits inside Starlette's ServerErrorMiddleware so that no traceback reaches the
server's log: Starlette re-raises after its 500 handler, which would print one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from tidewise.errors import (
    InputError,
    JournalExistsError,
    LockedError,
    NoJournalError,
    NotFoundError,
    TidewiseError,
    WrongPassphraseError,
)
from tidewise.web.exceptions import (
    GENERIC,
    WebError,
)
from tidewise.web.rendering import render
from tidewise.web.security import SECURITY_HEADERS, BodyTooLargeError

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from starlette.responses import Response
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG = logging.getLogger("tidewise.web")


def status_for(error: TidewiseError) -> int:
    if isinstance(error, LockedError):
        return 401
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, WrongPassphraseError):
        return 401
    if isinstance(error, InputError | JournalExistsError | NoJournalError):
        return 400
    return 500


def error_page(request: Request, status: int, message: str) -> Response:
    """The generic page: 401 shows the unlock form (when this browser may use it)."""
    if status == 401:
        held = message if message != GENERIC[401] else ""
        return render(request, "locked.html", status=401, held=held)
    return render(request, "error.html", status=status, message=message)


def install(app: FastAPI) -> None:
    """Register the handlers: web errors, Tidewise errors, HTTP errors, validation."""
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    async def on_web_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, WebError)
        return error_page(request, error.status, error.message)

    async def on_tidewise_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, TidewiseError)
        status = status_for(error)
        if status == 500:
            LOG.error("tidewise error: %s", type(error).__name__)
        return error_page(request, status, error.message)

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        status = error.status_code if error.status_code in GENERIC else 400
        return error_page(request, status, GENERIC[status])

    async def on_validation_error(request: Request, error: Exception) -> Response:
        return error_page(request, 400, GENERIC[400])

    app.add_exception_handler(WebError, on_web_error)
    app.add_exception_handler(TidewiseError, on_tidewise_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)


class CatchAll:
    """Last line: any unexpected exception becomes a generic 500 and a type-name log line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except BodyTooLargeError:
            if not started:
                await _send_plain(send, 413)
        except Exception as error:
            LOG.error("unexpected error: %s", type(error).__name__)
            if not started:
                await _send_plain(send, 500)


async def _send_plain(send: Send, status: int) -> None:
    body = _PLAIN_PAGE.format(message=GENERIC[status]).encode()
    headers: list[Any] = [(b"content-type", b"text/html; charset=utf-8")]
    headers += [(b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


_PLAIN_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title>'
    '<link rel="stylesheet" href="/static/app.css"></head><body><main class="narrow">'
    '<h1>Notes</h1><p>{message}</p><p><a href="/">Back to the start</a></p></main></body></html>'
)

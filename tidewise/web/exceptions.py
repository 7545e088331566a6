"""The web edge's own exceptions: an HTTP status and a fixed, safe message each.

Apart from `errors.py`, which turns them (and every TidewiseError) into pages: the
guards, forms and routes that raise them then never import the page rendering.
"""

from __future__ import annotations

GENERIC = {
    400: "That request could not be used. Nothing was changed.",
    401: "This page is locked.",
    403: "That request was refused. Nothing was changed.",
    404: "There is nothing here.",
    405: "That request could not be used. Nothing was changed.",
    413: "That was too large to accept. Nothing was changed.",
    500: "Something went wrong on this computer. Nothing was lost that had been saved.",
}


class WebError(Exception):
    """An HTTP answer with a fixed, safe message (never user text)."""

    status = 400

    def __init__(self, message: str | None = None) -> None:
        self.message = message or GENERIC[self.status]
        super().__init__(self.message)


class BadRequestError(WebError):
    status = 400


class ForbiddenError(WebError):
    status = 403


class NotAuthenticatedError(WebError):
    """No unlocked session (never had one, locked, idle or stopped): 401."""

    status = 401


class PageNotFoundError(WebError):
    status = 404


class JournalReplacedError(WebError):
    """The journal's files were deleted or replaced by another program while unlocked."""

    status = 409

    def __init__(self) -> None:
        super().__init__(
            "The journal's files were removed or replaced outside this window (for example "
            "by tidewise erase or a restore), so Tidewise locked and saved nothing from this "
            "page. If the journal is still there, unlock it: what you were writing is "
            "offered back on the Write page."
        )


class DraftHeldError(WebError):
    """A form arrived after a lock: its text is held as the draft, the page asks to unlock."""

    status = 401

"""The weekly readings: the list with this week's reading first, and one reading.

Readings are package data (tidewise/lessons); progress lives in the journal's encrypted
state. Reading a page changes nothing (GET); "I have read this" is a POST.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from tidewise.web.exceptions import PageNotFoundError
from tidewise.web.guards import Form, require_session, session_form, web_state
from tidewise.web.rendering import render

router = APIRouter(dependencies=[Depends(require_session)])
MAX_WEEK = 1000


def markdown_html(text: str) -> Markup:
    """A reading's Markdown as HTML; raw HTML in the source is never passed through."""
    # markdown-it-py (already installed with typer's rich) loads only for this page.
    from markdown_it import MarkdownIt

    # Safe: our own package data, rendered with raw HTML switched off (it is escaped).
    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))  # noqa: S704


@router.get("/lessons")
def lessons_list(request: Request) -> Response:
    from tidewise.lessons.model import current, statuses

    journal = web_state(request).journal
    now = datetime.now(UTC)
    return render(
        request,
        "lessons.html",
        nav="lessons",
        statuses=statuses(journal, now),
        this_week=current(journal, now),
    )


@router.get("/lessons/sources")
def lesson_sources(request: Request) -> Response:
    from tidewise.lessons.sources import SURVEY_NOTE, sources

    return render(
        request, "sources.html", nav="lessons", sources=sources(), survey_note=SURVEY_NOTE
    )


@router.get("/lessons/{week}")
def read_lesson(request: Request, week: int) -> Response:
    from tidewise.lessons.model import status

    if not 1 <= week <= MAX_WEEK:
        raise PageNotFoundError
    found = status(web_state(request).journal, week, datetime.now(UTC))
    body = markdown_html(found.lesson.body)
    return render(request, "lesson.html", nav="lessons", reading=found, body=body)


@router.post("/lessons/{week}/done")
def mark_done(
    request: Request, week: int, form: Annotated[Form, Depends(session_form)]
) -> Response:
    from tidewise.lessons.model import complete_lesson

    if not 1 <= week <= MAX_WEEK:
        raise PageNotFoundError
    complete_lesson(web_state(request).journal, week, datetime.now(UTC))
    return RedirectResponse(f"/lessons/{week}", status_code=303)

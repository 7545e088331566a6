"""Help now: crisis lines (no passphrase needed, shown even when locked) and the safety plan.

The crisis list and the grounding exercise are package data, so they show without a
journal or a network. The person's own safety plan lives encrypted in the journal: it
shows only when unlocked, and is edited here (a POST with the usual checks).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tidewise.web.exceptions import BadRequestError
from tidewise.web.guards import Form, current_session, require_session, session_form, web_state
from tidewise.web.rendering import render

router = APIRouter()
private = APIRouter(dependencies=[Depends(require_session)])


def _country(request: Request) -> str:
    from tidewise.analysis.crisis import countries

    code = request.query_params.get("country", "").strip().upper()
    if code and code not in countries():
        raise BadRequestError
    return code


@router.get("/help-now")
def help_now(request: Request) -> Response:
    from tidewise.analysis.crisis import countries, resources_for
    from tidewise.lessons.safety_plan import HOME_NOTE, PARTS, SECTIONS, load_plan

    country = _country(request)
    plan = None
    if current_session(request) is not None:
        state = web_state(request)
        state.touch()
        plan = load_plan(state.journal)
        if not country:  # unlocked: the country the person chose, unless they pick another
            from tidewise.replies import saved_country

            country = saved_country(state.journal) or ""
    return render(
        request,
        "help.html",
        nav="help",
        resources=resources_for(country=country or None),
        countries=countries(),
        country=country,
        plan=plan,
        sections=SECTIONS,
        parts=PARTS,
        home_note=HOME_NOTE,
    )


@router.get("/help-now/grounding")
def grounding(request: Request) -> Response:
    from tidewise.lessons.grounding import GROUNDING

    return render(request, "grounding.html", nav="help", grounding=GROUNDING)


@private.get("/help-now/plan")
def plan_page(request: Request) -> Response:
    from tidewise.lessons.safety_plan import HOME_NOTE, PARTS, SECTIONS, load_plan

    plan = load_plan(web_state(request).journal)
    return render(
        request,
        "plan.html",
        nav="help",
        plan=plan,
        sections=SECTIONS,
        parts=PARTS,
        home_note=HOME_NOTE,
    )


@private.post("/help-now/plan")
def save_plan(request: Request, form: Annotated[Form, Depends(session_form)]) -> Response:
    from tidewise.lessons import safety_plan

    items = {section.key: form.text(section.key).splitlines() for section in safety_plan.SECTIONS}
    safety_plan.save_plan(web_state(request).journal, items, datetime.now(UTC))
    return RedirectResponse("/help-now?saved=1", status_code=303)


router.include_router(private)

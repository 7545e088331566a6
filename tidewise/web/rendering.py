"""Templates: one Jinja2 environment per app (autoescaped), and the common page context.

Every page gets the same neutral title ("Notes") so that nothing sensitive shows in a
tab, a window list or the browser history; the visible heading inside the page names
it. The form token and the idle seconds ride along for the forms and the page script.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidewise.when import is_day_only

if TYPE_CHECKING:
    from fastapi import Request
    from starlette.responses import Response
    from starlette.templating import Jinja2Templates

TEMPLATES_DIR = Path(__file__).parent / "templates"
PAGE_TITLE = "Notes"


def make_templates() -> Jinja2Templates:
    # Jinja2 and Starlette's template glue load only when the web UI starts.
    import jinja2
    from starlette.templating import Jinja2Templates

    from tidewise.cycle.labels import LABEL_TITLES
    from tidewise.plural import counted, plural, times

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["PAGE_TITLE"] = PAGE_TITLE
    env.globals["label_title"] = lambda name: _label_title(name, LABEL_TITLES)
    env.filters["day"] = day
    env.filters["counted"] = counted  # {{ n|counted("entry") }}: "1 entry", "2 entries"
    env.filters["plural"] = plural  # {{ "loop"|plural(n) }}: the noun alone, for stat tiles
    env.filters["times"] = times  # {{ n|times }}: "once", "twice", "3 times"
    env.filters["day_time"] = day_time
    return Jinja2Templates(env=env)


def day(moment: Any) -> str:
    """'Tue 3 Mar 2026' (no zero padding, on every platform)."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}"


def day_time(moment: Any) -> str:
    """'Tue 3 Mar 2026, 21:30', or the day alone for an entry dated by day (tidewise/when.py)."""
    return day(moment) if is_day_only(moment) else f"{day(moment)}, {moment:%H:%M}"


def _label_title(name: str, titles: Any) -> str:
    for label, title in titles.items():
        if str(label) == name:
            return str(title)
    return name


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> Response:
    """A page with the shared context: session state, form token, idle seconds, nav."""
    from tidewise.web.guards import current_pass, current_session, web_state

    state = web_state(request)
    session = current_session(request)
    browser_pass = current_pass(request)
    token_source = session or browser_pass
    shared: dict[str, Any] = {
        "unlocked": session is not None,
        "has_pass": browser_pass is not None,
        "journal_exists": state.journal_exists(),
        "is_demo": state.is_demo and session is not None,
        "form_token": token_source.form_token if token_source else "",
        "idle_seconds": int(state.idle_seconds) if session is not None else 0,
        "nav": context.pop("nav", ""),
        "neutral": state.quick_exited and session is None,
    }
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {**shared, **context}, status_code=status)

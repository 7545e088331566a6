"""`tidewise serve --check`: everything the web UI needs at run time is installed.

Catches what a packaging slip would lose (templates, static files, the plotly bundle,
the readings and reflections, the crisis list) without starting a server or opening a
journal. Returns plain problem sentences; an empty list means all is well.
"""

from __future__ import annotations

from tidewise.errors import TidewiseError
from tidewise.settings import Settings

STATIC_FILES = ("app.css", "app.js", "tide.js", "favicon.svg")


def check_assets(settings: Settings) -> list[str]:
    from tidewise.web.app import STATIC_DIR, create_app
    from tidewise.web.plotly_assets import plotly_bundle, plotly_css

    problems: list[str] = []
    app = create_app(settings, port=1)
    env = app.state.templates.env
    for name in env.list_templates():
        try:
            env.get_template(name)
        except Exception as error:
            problems.append(f"template {name} does not load ({type(error).__name__})")
    if not env.list_templates():
        problems.append("no templates were found")
    problems += [
        f"static file {n} is missing" for n in STATIC_FILES if not (STATIC_DIR / n).is_file()
    ]
    if not plotly_bundle().is_file():
        problems.append("plotly.min.js is missing from the plotly package")
    elif ".main-svg" not in plotly_css():
        problems.append("plotly.js's stylesheet could not be read from its bundle")
    problems += _content_problems()
    return problems


def _content_problems() -> list[str]:
    from tidewise.analysis.crisis import resources_for
    from tidewise.lessons.model import lessons
    from tidewise.lessons.prompts import prompts
    from tidewise.lessons.reflections import reflections

    problems: list[str] = []
    try:
        if not lessons():
            problems.append("no readings were found")
        if not reflections():
            problems.append("no reflections were found")
        if not prompts():
            problems.append("no writing prompts were found")
    except TidewiseError as error:
        problems.append(error.message)
    if not resources_for():
        problems.append("the crisis list is empty")
    return problems

"""plotly.js and its stylesheet come from the installed package; `serve --check` parts."""

from __future__ import annotations

from tests.web.conftest import Web
from tidewise.settings import Settings
from tidewise.web.checks import check_assets
from tidewise.web.plotly_assets import rules_from_bundle, stylesheet


def test_the_rule_table_is_read_from_a_bundle() -> None:
    source = (
        'var a=1;var T={"X,X div":\'direction:ltr;font-family:"Open Sans";\','
        '"X .main-svg":"position:absolute;","Y .notifier-note":"color:#fff;"};for(k in T)x(k)'
    )
    rules = rules_from_bundle(source)
    root = ".js-plotly-plot .plotly"
    assert rules == {
        f"{root},{root} div": 'direction:ltr;font-family:"Open Sans";',
        ".js-plotly-plot .plotly .main-svg": "position:absolute;",
        ".plotly-notifier .notifier-note": "color:#fff;",
    }
    assert (
        stylesheet(rules).splitlines()[1] == ".js-plotly-plot .plotly .main-svg{position:absolute;}"
    )


def test_an_unknown_bundle_gives_an_empty_stylesheet() -> None:
    assert rules_from_bundle("function(){return 1}") == {}


def test_plotly_js_and_css_are_served_locally(web: Web) -> None:
    script = web.get("/static/plotly.min.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert len(script.content) > 1_000_000
    css = web.get("/static/plotly.css")
    assert css.headers["content-type"].startswith("text/css")
    assert ".js-plotly-plot .plotly .main-svg{" in css.text


def test_the_installed_tree_passes_the_check(settings: Settings) -> None:
    assert check_assets(settings) == []

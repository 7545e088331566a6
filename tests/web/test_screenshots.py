"""Browser tests write screenshots to a temporary folder; only `make screenshots` writes docs/."""

from __future__ import annotations

from pathlib import Path

from tests.web.screenshots import DOCS_SHOTS, REFRESH, refreshing_docs, screenshot_folder


def test_screenshots_go_to_the_temporary_folder_by_default(tmp_path: Path) -> None:
    folder = screenshot_folder(tmp_path / "shots", environ={})
    assert folder == tmp_path / "shots"
    assert folder.is_dir()


def test_only_an_explicit_request_points_them_at_the_docs(tmp_path: Path) -> None:
    for value in ("", "0", "yes", "true"):
        assert screenshot_folder(tmp_path / "t", environ={REFRESH: value}) == tmp_path / "t"
    assert screenshot_folder(tmp_path / "t", environ={REFRESH: "1"}) == DOCS_SHOTS


def test_the_test_run_itself_is_not_refreshing_the_docs() -> None:
    assert not refreshing_docs(), f"unset {REFRESH} to run the tests"


def test_the_docs_folder_is_the_one_the_readme_shows() -> None:
    readme = (DOCS_SHOTS.parents[1] / "README.md").read_text(encoding="utf-8")
    shown = [line for line in readme.splitlines() if "docs/screenshots/" in line]
    assert shown, "the README shows screenshots from docs/screenshots/"
    for line in shown:
        for name in line.split("docs/screenshots/")[1:]:
            assert (DOCS_SHOTS / name.split(")")[0]).is_file(), name

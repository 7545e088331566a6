"""`tidewise serve`: the URL is stdout's first line, loopback only, Ctrl+C stops and locks."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from typer.testing import CliRunner

from tidewise.cli import app


def test_serve_check_passes_on_an_installed_tree(isolated_home: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--check"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "all in place" in result.stderr


def test_serve_rejects_an_idle_time_out_of_range() -> None:
    result = CliRunner().invoke(app, ["serve", "--idle-minutes", "31"])
    assert result.exit_code != 0


def test_serve_prints_the_launch_url_first_and_stops_on_interrupt(isolated_home: Path) -> None:
    env = {**os.environ, "TIDEWISE_HOME": str(isolated_home), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tidewise", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        named = re.fullmatch(r"http://([0-9a-f]{20}\.localhost):(\d+)(/launch/\S+)", url)
        assert named, "a per-launch name under localhost, so no other port gets its cookies"
        name, port, path = named.group(1), int(named.group(2)), named.group(3)
        by_name = {"host": f"{name}:{port}"}  # what a browser resolving *.localhost sends
        with httpx.Client(follow_redirects=False, timeout=10) as client:
            launched = client.get(f"http://127.0.0.1:{port}{path}", headers=by_name)
            assert launched.status_code == 303
            assert "tw_pass=" in launched.headers["set-cookie"]
            again = client.get(f"http://127.0.0.1:{port}{path}", headers=by_name)
            assert again.status_code == 303  # same browser, link already used
            evil = client.get(f"http://127.0.0.1:{port}/help-now", headers={"host": "evil.com"})
            assert evil.status_code == 400
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "locked" in stderr
    fallback = f"http://127.0.0.1:{port}{path}"
    assert fallback in stderr, "the numeric address is offered for browsers without *.localhost"
    assert stderr.count("/launch/") == 1

"""The first `make run` on a fresh clone, timed up to the moment the address is printed.

The working copy's committed state is cloned (`git clone`) into a temporary folder and
`make run` runs there exactly as a newcomer types it, with the system `python3`. Make
echoes each command before running it, so the time between echoes splits the run into
its phases: creating the venv, `pip install` (resolving and unpacking the wheels) and
the first start of `tidewise serve`, which ends when its first line, the address, is
printed. The run is stopped there (Ctrl+C to the whole process group, as a person
would press it); BROWSER=true keeps `--open` from starting a browser if it got that far.
After the address, the launch link and the page it leads to are fetched from 127.0.0.1, to
show what the first start left for the person's first click; it is not in the total.

TIDEWISE_BENCH_SETUP_RUNS sets the number of runs (3); TIDEWISE_BENCH_SETUP_REF names
another commit to measure instead of HEAD, for a before-and-after comparison.

The package cache is warm: `make bench` has just installed the same wheels into the
working copy's own venv. The journal folder is a fresh temporary one. Goal: the total
(venv + install + first start) under 45 s on the reference machine.
"""

from __future__ import annotations

import http.client
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Three runs, as other work on a shared machine can slow any one of them.
RUNS = int(os.environ.get("TIDEWISE_BENCH_SETUP_RUNS", "3"))
# Another commit to measure instead of HEAD (say, the one before a change, to compare).
REF = os.environ.get("TIDEWISE_BENCH_SETUP_REF", "")
GOAL_SECONDS = 45.0
TIMEOUT_SECONDS = 600.0
# Variables of the make (and venv) this bench runs under, which must not leak into the
# newcomer's `make run`: a nested make would otherwise join our jobserver or dry-run.
INHERITED = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "VIRTUAL_ENV")


@dataclass(frozen=True)
class FirstRun:
    """Seconds from starting `make run` to each of its milestones."""

    venv_done: float  # make echoes the pip install line
    install_done: float  # make echoes the stamp's touch line
    url: float  # tidewise serve prints the address
    first_page: float  # the launch link answered, seconds after the address
    warnings: int  # setuptools deprecation lines on stderr (the licence banner)

    @property
    def venv(self) -> float:
        return self.venv_done

    @property
    def install(self) -> float:
        return self.install_done - self.venv_done

    @property
    def start(self) -> float:
        return self.url - self.install_done


def milestones(lines: list[tuple[float, str]]) -> tuple[float, float, float, str]:
    """From make's timed stdout lines: venv done, install done, address printed, address.

    The first pip line ends the venv phase and the stamp's `touch` ends the install.
    """
    venv_done = install_done = url_at = -1.0
    url = ""
    for at, line in lines:
        text = line.strip()
        if " -m pip install " in text and venv_done < 0:
            venv_done = at
        elif text.startswith("touch .venv/.installed") and install_done < 0:
            install_done = at
        elif text.startswith("http://") and not url:
            url_at, url = at, text
    if min(venv_done, install_done, url_at) < 0:
        shown = "\n".join(line for _, line in lines)
        raise RuntimeError(f"make run did not reach its address; its output:\n{shown}")
    return venv_done, install_done, url_at, url


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in INHERITED}
    venv = os.environ.get("VIRTUAL_ENV", str(ROOT / ".venv"))
    path = [p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(venv)]
    env["PATH"] = os.pathsep.join(path)
    env["TIDEWISE_HOME"] = str(home)
    env["BROWSER"] = "true"  # webbrowser runs `true <address>`: nothing opens
    return env


def _get(port: int, host: str, path: str, cookie: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        headers = {"Host": host, "Cookie": cookie} if cookie else {"Host": host}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    if response.status >= 400:
        raise RuntimeError(f"{path.split('/')[1]} answered {response.status}")
    return response


def _first_page(url: str) -> float:
    """Seconds for the launch link and the page it leads to (asked of 127.0.0.1 by name)."""
    parts = urlsplit(url)
    port = parts.port or 80
    started = time.perf_counter()
    launch = _get(port, parts.netloc, parts.path, "")
    cookies = [c.split(";", 1)[0] for c in launch.headers.get_all("Set-Cookie") or []]
    target = urlsplit(launch.headers.get("Location", "/"))
    _get(port, parts.netloc, target.path or "/", "; ".join(cookies))
    return time.perf_counter() - started


def _stop(process: subprocess.Popen[str]) -> None:
    """Ctrl+C to make and the server it started; a kill if they do not stop."""
    try:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def first_run(folder: Path) -> FirstRun:
    clone = folder / "tidewise"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    if REF:
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", REF], check=True)
    errors = (folder / "stderr.txt").open("w+", encoding="utf-8")
    started = time.perf_counter()
    process = subprocess.Popen(
        ["make", "run"],
        cwd=clone,
        env=_environment(folder / "journal"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        start_new_session=True,  # its own process group, so Ctrl+C reaches the server too
    )
    watchdog = threading.Timer(TIMEOUT_SECONDS, os.killpg, args=(process.pid, signal.SIGKILL))
    watchdog.start()
    lines: list[tuple[float, str]] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append((time.perf_counter() - started, line))
            if line.startswith("http://"):
                break
        venv_done, install_done, url_at, url = milestones(lines)
        page = _first_page(url)
    finally:
        watchdog.cancel()
        _stop(process)
        errors.seek(0)
        warnings = sum("deprecat" in line.lower() for line in errors)
        errors.close()
    return FirstRun(venv_done, install_done, url_at, page, warnings)


def run() -> str:
    runs = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="tidewise-bench-setup-") as tmp:
            runs.append(first_run(Path(tmp)))
    return table(runs)


def table(runs: list[FirstRun]) -> str:
    phases = {
        "python3 -m venv": [r.venv for r in runs],
        "pip install (run deps only)": [r.install for r in runs],
        "first start, to the address": [r.start for r in runs],
    }
    medians = {name: statistics.median(values) for name, values in phases.items()}
    totals = [r.url for r in runs]
    total = statistics.median(totals)
    dominant = max(medians, key=lambda name: medians[name])
    verdict = "ok" if total < GOAL_SECONDS else "over"
    lines = [
        f"### First `make run` on a fresh clone (warm package cache, {len(runs)} runs)",
        "",
        "| phase | median (s) | fastest | slowest | share |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, values in phases.items():
        lines.append(
            f"| {name} | {medians[name]:.1f} | {min(values):.1f} | {max(values):.1f} "
            f"| {medians[name] / total:.0%} |"
        )
    page = statistics.median(r.first_page for r in runs)
    lines += [
        f"| **total, to the printed address** | **{total:.1f}** | {min(totals):.1f} "
        f"| {max(totals):.1f} | goal < {GOAL_SECONDS:.0f} s: {verdict} |",
        f"| first page after the address (not in the total) | {page:.1f} | | | |",
        "",
        f"Dominated by: {dominant}. setuptools deprecation lines printed: "
        f"{max(r.warnings for r in runs)}. Load average when done: {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores.",
    ]
    return "\n".join(lines) + "\n"

"""Start-up: `tidewise --help` and `tidewise write` as whole processes, beside jrnl.

jrnl is installed into a throwaway venv at bench/.jrnl-venv (created here on first run
with `python -m venv` + `pip install jrnl`) and configured through a temp
XDG_CONFIG_HOME with an unencrypted temp journal, so it asks nothing. Tidewise writes
to a journal made with the DEFAULT Argon2id profile (the real per-command cost), with
TIDEWISE_PASSPHRASE and --no-analysis. Runs are interleaved and the median is reported.
Targets: --help within 1.5x of `jrnl --version`; write within 2x of jrnl writing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("TIDEWISE_BENCH_RUNS", "15"))
JRNL_VENV = Path(__file__).resolve().parent / ".jrnl-venv"
JRNL_SPEC = "jrnl>=4,<5"
PASSPHRASE = "bench passphrase for start-up timing"
JRNL_CONFIG = """colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%F %r'
version: v4.6
"""


def _jrnl() -> Path | None:
    """The jrnl executable in its own venv, installing it on first use."""
    exe = JRNL_VENV / "bin" / "jrnl"
    if exe.exists():
        return exe
    try:
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        pip = [str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", JRNL_SPEC]
        subprocess.run(pip, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, OSError):
        return None
    return exe if exe.exists() else None


def _tidewise() -> list[str]:
    script = Path(sys.executable).parent / "tidewise"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tidewise"]


def _time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def _prepare(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Environments for tidewise (default-KDF journal) and jrnl (temp config)."""
    from tidewise.journal import Journal
    from tidewise.settings import Settings

    home = folder / "tidewise"
    Journal.create(Settings(home=home), PASSPHRASE).close()  # DEFAULT_KDF: the real cost
    tidewise_env = dict(os.environ, TIDEWISE_HOME=str(home), TIDEWISE_PASSPHRASE=PASSPHRASE)
    config = folder / "config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True)
    journal = folder / "jrnl.txt"
    journal.touch()
    config.write_text(JRNL_CONFIG.format(journal=journal))
    jrnl_env = dict(
        os.environ, XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data")
    )
    return tidewise_env, jrnl_env


def _measure(cases: dict[str, tuple[list[str], dict[str, str]]]) -> dict[str, float]:
    for command, env in cases.values():  # warm-up: page cache, .pyc, jrnl's config upgrade
        _time(command, env)
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(RUNS):
        for name, (command, env) in cases.items():  # interleaved, so drift hits all alike
            samples[name].append(_time(command, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def run() -> str:
    jrnl = _jrnl()
    tidewise = _tidewise()
    with tempfile.TemporaryDirectory(prefix="tidewise-bench-") as tmp:
        tidewise_env, jrnl_env = _prepare(Path(tmp))
        text = "We walked by the water and it was quiet between us."
        cases = {
            "tidewise --help": (tidewise + ["--help"], tidewise_env),
            "tidewise write (no analysis)": (
                tidewise + ["write", text, "--no-analysis"],
                tidewise_env,
            ),
        }
        if jrnl is not None:
            cases["jrnl --version"] = ([str(jrnl), "--version"], jrnl_env)
            cases["jrnl write"] = ([str(jrnl), text], jrnl_env)
        medians = _measure(cases)
    return _table(medians, jrnl is not None)


def _table(medians: dict[str, float], have_jrnl: bool) -> str:
    lines = [
        f"### Start-up (whole processes, median of {RUNS} interleaved runs)",
        "",
        "| command | median (ms) | vs jrnl | target |",
        "|---|---:|---:|---|",
    ]
    pairs = [
        ("tidewise --help", "jrnl --version", "<= 1.5x"),
        ("tidewise write (no analysis)", "jrnl write", "<= 2x"),
    ]
    for ours, theirs, target in pairs:
        ratio = f"{medians[ours] / medians[theirs]:.2f}x" if have_jrnl else "n/a"
        lines.append(f"| {ours} | {medians[ours] * 1000:.0f} | {ratio} | {target} |")
    if have_jrnl:
        for name in ("jrnl --version", "jrnl write"):
            lines.append(f"| {name} | {medians[name] * 1000:.0f} | 1.00x | |")
    else:
        lines.append("| jrnl | not installed (pip could not reach the registry) | | |")
    return "\n".join(lines) + "\n"

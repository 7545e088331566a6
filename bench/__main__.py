"""Run every benchmark (or the ones named) and print their tables.

    python -m bench                 # all
    python -m bench startup tide    # some
    python -m bench setup           # the first `make run` on a fresh clone (about a minute)

Each module `bench/bench_<name>.py` has `run() -> str`, returning a Markdown table
(with a heading line) measured in this run. Timings are wall clock on this machine.
"""

from __future__ import annotations

import importlib
import sys
import time

BENCHES: tuple[str, ...] = (
    "startup",
    "storage",
    "analysis",
    "planted",
    "personal",
    "safety",
    "tide",
    "formats",
    "web",
    "setup",
)


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(
            f"unknown benchmark: {', '.join(unknown)}; known: {', '.join(BENCHES)}", file=sys.stderr
        )
        return 1
    for name in names:
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        print(module.run(), flush=True)
        print(f"_({name}: {time.perf_counter() - started:.0f} s)_\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""A real SIGKILL at a random moment, shared by the crash tests and the storage bench.

The child runs in a fork and reports each acknowledged step as a line on a pipe; the
parent kills it after `delay` seconds and keeps only the lines that arrived whole.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable


def run_and_kill(child: Callable[[Callable[[str], None]], None], delay: float) -> list[str]:
    """Fork, run `child(report)`, SIGKILL it after `delay`; complete reported lines."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        try:

            def report(line: str) -> None:
                os.write(write_end, line.encode())

            child(report)
        finally:
            os._exit(0)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    text = b"".join(chunks).decode()
    return text.splitlines()[: text.count("\n")]

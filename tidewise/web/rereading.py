"""Reading earlier entries again, in the background, after the person corrected some.

A correction changes this journal's reader (its personal layer has a new version), so
entries read by the older one are read again: by one thread at a time, through the
facade's `reanalyze`, which reads a batch without the journal lock and holds it only
to write that batch. A request made while a pass runs asks for one more pass after it.
The thread stops at the next batch when the journal locks or is replaced, and a lock
in the middle of a batch makes the facade refuse the write (LockedError): nothing half
written, no key kept.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidewise.errors import LockedError, TidewiseError
from tidewise.web.exceptions import WebError

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.web.state import WebState


class _Stopped(Exception):
    """The journal this pass was reading locked or changed: stop quietly."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


class Rereader:
    """One background re-reading at a time for one running web UI."""

    def __init__(self, state: WebState) -> None:
        self._state = state
        self._guard = threading.Lock()
        self._running = False
        self._again = False
        self._thread: threading.Thread | None = None
        self._done = 0
        self._total = 0
        state.on_unlock.append(self._after_unlock)

    @property
    def running(self) -> bool:
        with self._guard:
            return self._running

    def progress(self) -> Progress | None:
        """How far the pass running now has come (None when none runs)."""
        with self._guard:
            return Progress(self._done, self._total) if self._running else None

    def start(self) -> None:
        """Read stale entries again soon; never a second thread beside a running one."""
        with self._guard:
            if self._running:
                self._again = True
                return
            self._running, self._again = True, False
            self._done = self._total = 0
            self._thread = threading.Thread(target=self._run, name="tidewise-reread", daemon=True)
            self._thread.start()

    def wait(self, timeout: float) -> bool:
        """Wait for the running pass to end (tests, shutdown); True when none runs."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        return not self.running

    def _after_unlock(self, journal: Journal) -> None:
        """Corrections made elsewhere (the CLI, an import) may have left entries to read."""
        with contextlib.suppress(TidewiseError):
            if journal.corrections():
                self.start()

    def _run(self) -> None:
        while True:
            with contextlib.suppress(_Stopped, LockedError, TidewiseError, WebError, ImportError):
                self._one_pass()
            with self._guard:
                if not self._again or not self._state.unlocked:
                    self._running = False
                    return
                self._again = False
                self._done = self._total = 0

    def _one_pass(self) -> None:
        state = self._state
        journal = state.journal  # LockedError when locked meanwhile

        def progress(done: int, total: int) -> None:
            with self._guard:
                self._done, self._total = done, total
            state.changed()  # the tide and the report see each batch's new readings
            if not state.holds(journal):
                raise _Stopped

        journal.reanalyze(progress=progress)

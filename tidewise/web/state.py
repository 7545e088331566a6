"""What one running web UI holds: the journal (only while unlocked), sessions, the idle lock.

There is one `WebState` per `create_app` call (no module globals). The data key lives
only inside the open `Journal`; locking closes it (the facade zeroes the key), kills
every unlocked session and, for the example journal, deletes its temporary folder.
A watchdog thread locks after `idle_seconds` without a request, so the key is dropped
even when the browser is gone; every request also checks the deadline itself.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tidewise.errors import InputError, LockedError, TidewiseError
from tidewise.settings import Settings
from tidewise.web.exceptions import JournalReplacedError
from tidewise.web.security import LaunchToken, Sessions, launch_host_name

if TYPE_CHECKING:
    from tidewise.analysis.types import Analyzer
    from tidewise.drafts import Draft
    from tidewise.journal import Journal

T = TypeVar("T")
AUTO_LOCK_KEY = "web.auto_lock_minutes"
AUTO_LOCK_RANGE = (1, 30)
DEFAULT_AUTO_LOCK_MINUTES = 5
CACHE_SECONDS = 60.0


def valid_minutes(value: Any) -> int | None:
    """The auto-lock minutes when `value` is a whole number in range, else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        if AUTO_LOCK_RANGE[0] <= value <= AUTO_LOCK_RANGE[1]:
            return value
    return None


class WebState:
    """The running UI's state; every route reaches it through `request.app.state.web`."""

    def __init__(
        self,
        settings: Settings,
        *,
        port: int,
        analyzer: Analyzer | None = None,
        idle_minutes: int = DEFAULT_AUTO_LOCK_MINUTES,
        idle_seconds: float | None = None,
        launch_token: str | None = None,
        warm_analyzer: bool = False,
        host_name: str | None = None,
    ) -> None:
        self.settings = settings
        self.port = port
        self.host_name = host_name or launch_host_name()
        self.analyzer = analyzer
        self.launch = LaunchToken(launch_token)
        self.sessions = Sessions()
        self.idle_minutes = valid_minutes(idle_minutes) or DEFAULT_AUTO_LOCK_MINUTES
        self._idle_override = idle_seconds  # tests: seconds instead of minutes
        self.warm_analyzer = warm_analyzer
        self.revision = 0  # bumped on every change made here; keys the tide cache
        self.cache: dict[str, Any] = {}
        self._journal: Journal | None = None
        self._demo_home: Path | None = None
        self._held_draft: Draft | None = None  # typed while locked; only in this memory
        # True from a quick exit until the next unlock: every page then stays neutral
        # (no app name), because whoever presses Back may not be the person who left.
        self.quick_exited = False
        self._guard = threading.RLock()
        self._cache_lock = threading.RLock()  # cached values may build on each other
        self._last_activity = time.monotonic()
        self._wake = threading.Event()
        self._watchdog: threading.Thread | None = None
        self.on_lock: list[Callable[[], None]] = []
        self.on_unlock: list[Callable[[Journal], None]] = []  # run after each unlock

    # ---- reading -------------------------------------------------------------------

    @property
    def idle_seconds(self) -> float:
        if self._idle_override is not None:
            return self._idle_override
        return float(self.idle_minutes * 60)

    @property
    def unlocked(self) -> bool:
        return self._journal is not None

    @property
    def is_demo(self) -> bool:
        return self._demo_home is not None

    def journal_exists(self) -> bool:
        from tidewise.journal import Journal

        return Journal.exists(self.settings)

    @property
    def journal(self) -> Journal:
        """The open journal; locks (and raises) when idle, or when its files were replaced."""
        journal = self._journal
        if journal is None or self.expired():
            raise LockedError
        if not journal.files_unchanged():
            self.lock()
            raise JournalReplacedError
        return journal

    def holds(self, journal: Journal) -> bool:
        """True while `journal` is still the one open here (a background reader asks)."""
        return self._journal is journal and journal.files_unchanged()

    def changed(self) -> None:
        """Something was written: cached views of the journal are stale."""
        with self._guard:
            self.revision += 1
            self.cache.clear()

    def peek(self, key: str) -> Any | None:
        """A value `cached` holds and that is still fresh, without computing it; else None."""
        with self._cache_lock:
            hit = self.cache.get(key)
            if hit is not None and time.monotonic() - hit[0] < CACHE_SECONDS:
                return hit[1]
            return None

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()` once per journal revision, one at a time (no stampede under load).

        Values also expire after CACHE_SECONDS: another process (the CLI) may write to
        the same journal, and this server would not hear of it otherwise.
        """
        with self._cache_lock:
            hit = self.cache.get(key)
            if hit is not None and time.monotonic() - hit[0] < CACHE_SECONDS:
                value: T = hit[1]
                return value
            revision = self.revision
            value = compute()
            if revision == self.revision and self._journal is not None:
                self.cache[key] = (time.monotonic(), value)
            return value

    # ---- unlocking -----------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        from tidewise.journal import Journal

        journal = Journal.open(self.settings, passphrase, analyzer=self.analyzer)
        self._take(journal, demo_home=None)
        with self._guard:
            held, self._held_draft = self._held_draft, None
        if held is not None:
            self.hold_draft(held)

    def create(self, passphrase: str) -> None:
        from tidewise.journal import Journal

        journal = Journal.create(self.settings, passphrase, analyzer=self.analyzer)
        self._take(journal, demo_home=None)
        self._held_draft = None  # text typed for a journal that is no longer there

    # ---- drafts --------------------------------------------------------------------

    def hold_draft(self, draft: Draft) -> None:
        """Keep text that arrived after a lock: into the journal when it is open again
        (not the example journal), else in this process's memory until the next unlock."""
        from tidewise.drafts import keep_draft

        with self._guard:
            journal = self._journal
            if journal is None or self.is_demo or not journal.files_unchanged():
                if not draft.empty:
                    self._held_draft = draft
                return
            with contextlib.suppress(TidewiseError):
                keep_draft(journal, draft)

    def explore_demo(self) -> None:
        """A throwaway journal of example entries in a temp folder, deleted at lock."""
        from tidewise.demo import fill
        from tidewise.journal import Journal

        folder = Path(tempfile.mkdtemp(prefix="tidewise-demo-"))
        try:
            settings = Settings(home=folder / "journal", kdf=self.settings.kdf)
            journal = Journal.create(settings, secrets.token_urlsafe(24), analyzer=self.analyzer)
            fill(journal)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._take(journal, demo_home=folder)

    def _take(self, journal: Journal, *, demo_home: Path | None) -> None:
        with self._guard:
            self.lock()
            self._journal = journal
            self._demo_home = demo_home
            self.quick_exited = False
            self.revision += 1
            self.cache.clear()
            self._apply_saved_minutes(journal)
            self.touch()
            self._start_watchdog()
        if self.warm_analyzer:
            threading.Thread(target=_warm, args=(journal,), daemon=True).start()
        for callback in list(self.on_unlock):
            callback(journal)

    def _apply_saved_minutes(self, journal: Journal) -> None:
        with contextlib.suppress(TidewiseError):
            saved = valid_minutes(journal.get_state(AUTO_LOCK_KEY))
            if saved is not None:
                self.idle_minutes = saved

    def save_minutes(self, minutes: int) -> None:
        if valid_minutes(minutes) is None:
            msg = "Auto-lock must be between 1 and 30 minutes."
            raise InputError(msg)
        self.journal.set_state(AUTO_LOCK_KEY, minutes)
        self.idle_minutes = minutes

    # ---- locking -------------------------------------------------------------------

    def lock(self) -> None:
        """Forget the key: close the journal, kill sessions, delete a demo. Safe to repeat."""
        with self._guard:
            journal, demo_home = self._journal, self._demo_home
            self._journal, self._demo_home = None, None
            self.sessions.kill_unlocked()
            self.cache.clear()
            self._wake.set()
        if journal is not None:
            with contextlib.suppress(TidewiseError):
                if demo_home is not None:
                    journal.erase()
                journal.close()
        if demo_home is not None:
            shutil.rmtree(demo_home, ignore_errors=True)
        for callback in list(self.on_lock):
            callback()

    def erase(self) -> None:
        """Delete the journal for good (after the typed confirmation), then lock."""
        journal = self.journal
        with self._guard:
            self._journal = None
            journal.erase()
        self.lock()

    def shutdown(self) -> None:
        """`serve` is stopping: lock, and let the watchdog end."""
        self.lock()
        watchdog = self._watchdog
        if watchdog is not None and watchdog is not threading.current_thread():
            watchdog.join(timeout=5)

    # ---- idle ----------------------------------------------------------------------

    def touch(self) -> None:
        self._last_activity = time.monotonic()

    def expired(self) -> bool:
        """True (and locked now) when the idle time has passed since the last request."""
        if self._journal is None:
            return False
        if time.monotonic() - self._last_activity <= self.idle_seconds:
            return False
        self.lock()
        return True

    def _start_watchdog(self) -> None:
        if self._watchdog is not None and self._watchdog.is_alive():
            return
        self._wake.clear()
        self._watchdog = threading.Thread(target=self._watch, name="tidewise-idle", daemon=True)
        self._watchdog.start()

    def _watch(self) -> None:
        """Runs while unlocked; locks once the idle deadline passes, even with no requests."""
        while self._journal is not None:
            remaining = self.idle_seconds - (time.monotonic() - self._last_activity)
            if self._wake.wait(timeout=min(max(remaining, 0.05), 1.0)):
                self._wake.clear()
            self.expired()


def _warm(journal: Journal) -> None:
    """Load the analysis model in the background so the first entry saves quickly."""
    with contextlib.suppress(ImportError, TidewiseError):
        journal.analyzer.analyze("Warming up.")

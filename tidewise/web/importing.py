"""One import at a time, in the background, with progress the page can poll.

The upload is parsed and imported by `transfer.import_file` (the CLI's use-case: the
whole file is parsed before anything is written, then one transaction; a file imported
twice adds nothing). Reading every entry can take minutes, so it runs on a thread and
the status page refreshes itself (a meta refresh: no script needed). The scratch copy
of the file is overwritten and removed the moment the import ends, however it ends.
What is kept here is counts and one-line messages, never entry text; a lock forgets it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tidewise.errors import ImportFormatError, LockedError, TidewiseError

if TYPE_CHECKING:
    from tidewise.formats.base import ImportOptions
    from tidewise.journal import Journal
    from tidewise.transfer import ImportSummary
    from tidewise.web.state import WebState

LOCKED_MIDWAY = "Tidewise locked before the import finished, so nothing was imported."
FAILED = "The import stopped on this computer, so nothing was imported."


@dataclass(frozen=True)
class ImportStatus:
    """Where the current import is: running (done of total), finished, or refused."""

    running: bool
    name: str  # the file's own name
    done: int = 0
    total: int = 0
    summary: ImportSummary | None = None
    error: str = ""


class ImportJobs:
    """The one import of a running web UI."""

    def __init__(self, state: WebState) -> None:
        self._guard = threading.Lock()
        self._status: ImportStatus | None = None
        self._thread: threading.Thread | None = None
        self._path: Path | None = None
        state.on_lock.append(self.forget)

    def status(self) -> ImportStatus | None:
        with self._guard:
            return self._status

    def owns(self, path: Path | None) -> bool:
        """True when `path` is the file the running import reads (it removes it itself)."""
        with self._guard:
            return path is not None and self._path == path

    def busy(self) -> bool:
        status = self.status()
        return status is not None and status.running

    def forget(self) -> None:
        with self._guard:
            if self._status is not None and not self._status.running:
                self._status = None

    def start(
        self,
        journal: Journal,
        path: Path,
        name: str,
        *,
        fmt: str | None,
        options: ImportOptions,
        on_change: Callable[[], None] | None = None,
    ) -> bool:
        """Start importing `path` (a scratch copy, removed at the end); False if busy."""
        with self._guard:
            if self._status is not None and self._status.running:
                return False
            self._status = ImportStatus(running=True, name=name)
            self._path = path
        thread = threading.Thread(
            target=self._run, args=(journal, path, name, fmt, options, on_change), daemon=True
        )
        self._thread = thread
        thread.start()
        return True

    def wait(self, timeout: float | None = None) -> None:
        """Tests: wait for the running import to end."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _progress(self, done: int, total: int) -> None:
        with self._guard:
            if self._status is not None:
                self._status = replace(self._status, done=done, total=total)

    def _run(
        self,
        journal: Journal,
        path: Path,
        name: str,
        fmt: str | None,
        options: ImportOptions,
        on_change: Callable[[], None] | None,
    ) -> None:
        from tidewise.web.upload import discard_file

        summary = None
        error = ""
        try:
            summary = _import(journal, path, fmt, options, self._progress)
        except ImportFormatError as err:
            problem = web_words(err.problem)
            error = f"{name or 'The file'}: {err.where}: {problem}. Nothing was imported."
        except LockedError:
            error = LOCKED_MIDWAY
        except TidewiseError as err:
            error = err.message
        except Exception:  # never a traceback with a file's content in it
            error = FAILED
        finally:
            discard_file(path)
        if summary is not None and on_change is not None:
            on_change()
        with self._guard:
            self._status = ImportStatus(running=False, name=name, summary=summary, error=error)


def _import(
    journal: Journal,
    path: Path,
    fmt: str | None,
    options: ImportOptions,
    progress: Callable[[int, int], None],
) -> ImportSummary:
    from tidewise.records import Analysis
    from tidewise.transfer import import_file

    # No reader here (no model files or no onnxruntime): import now, read later.
    return import_file(
        journal, path, fmt=fmt, options=options, progress=progress, analysis=Analysis.IF_AVAILABLE
    )


def web_words(problem: str) -> str:
    """The CLI's hint words, as the web page names the same choice."""
    return problem.replace("with --format", "with the Format choice").replace(
        " (pass --time-format)", ""
    )

"""The one exception hierarchy. Each edge (CLI, web) translates it once.

Messages are fixed sentences written here: they never carry entry text, a key
or a passphrase, so they are safe to print, log or show on an error page.
"""

from __future__ import annotations


class TidewiseError(Exception):
    """Base of every error Tidewise raises on purpose."""

    exit_code = 1
    message = "Something went wrong."

    def __init__(self, message: str | None = None, *, hint: str | None = None) -> None:
        self.message = message or type(self).message
        self.hint = hint
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class UsageError(TidewiseError):
    """The command was given options or arguments that cannot work together."""

    message = "That command cannot be run as given."


class InputError(TidewiseError):
    """The input (text, date, number, file) is not acceptable."""

    message = "The input could not be used."


class NotFoundError(TidewiseError):
    """An entry or other record with that id does not exist."""

    message = "No entry with that id."


class NoJournalError(TidewiseError):
    """There is no journal at the chosen location."""

    message = "There is no journal here yet. Create one with: tidewise init"


class JournalExistsError(TidewiseError):
    """`init` was asked to create a journal where one already exists."""

    message = "A journal already exists here; nothing was changed."


class WrongPassphraseError(TidewiseError):
    """The passphrase does not unlock this journal. Nothing on disk was touched."""

    exit_code = 2
    message = "That passphrase does not unlock this journal."


class DamagedJournalError(TidewiseError):
    """The journal's files are missing pieces or have been changed outside Tidewise."""

    exit_code = 3
    message = "The journal's files are damaged; nothing was changed. Restore from a backup."


class LockedError(TidewiseError):
    """The journal is locked (for example after idle time or a quick exit)."""

    exit_code = 2
    message = "The journal is locked."


class ModelFilesError(TidewiseError):
    """The on-device model files are missing or do not match their pinned hashes."""

    message = "The model files are missing or changed; reinstall tidewise."


class ImportFormatError(InputError):
    """An import file is not in the expected format. Names the file and place, never text."""

    def __init__(self, path: str, where: str, problem: str) -> None:
        self.path = path
        self.where = where
        self.problem = problem
        super().__init__(f"{path}: {where}: {problem}. Nothing was imported.")


class JournalBusyError(TidewiseError):
    """Another Tidewise process holds the journal's write lock for too long."""

    message = "The journal is busy in another Tidewise window; try again in a moment."


class JournalTooNewError(TidewiseError):
    """The journal was written by a newer Tidewise with a schema this one does not know."""

    exit_code = 3
    message = "This journal was made by a newer version of Tidewise; update Tidewise to open it."


class ExportPassphraseError(WrongPassphraseError):
    """The passphrase given for an encrypted export does not open it. Nothing was imported."""

    message = "That passphrase does not open this encrypted export; nothing was imported."


class ContentError(TidewiseError):
    """Built-in content (a lesson or the reflections) does not follow its format."""

    exit_code = 3
    message = "Part of Tidewise's built-in reading content is damaged; reinstall tidewise."


class MailError(TidewiseError):
    """The optional weekly email could not be sent (server, login or address problem)."""

    message = "The email could not be sent; check the mail settings and try again."


class FolderNotWritableError(TidewiseError):
    """The folder cannot be written: read-only, on a read-only disk, or another account's."""

    message = (
        "The journal's folder cannot be written (it is read-only, or belongs to another "
        "account); nothing was changed. The journal itself is not damaged."
    )


class DiskFullError(TidewiseError):
    """The disk (or the user's quota) is full."""

    message = (
        "The disk is full, so Tidewise stopped: nothing already saved was lost, and the "
        "change in progress was not saved. Free some space and try again."
    )


def from_os_error(err: OSError, *, journal: bool = False) -> TidewiseError:
    """The one-line error for a failed file operation (never the OS text: it has paths)."""
    import errno

    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError()
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        if journal:
            return FolderNotWritableError()
        return InputError("That folder cannot be written (it is read-only, or not yours).")
    return InputError(
        "Cannot write a file in that folder (does it exist, and may you write there?)."
    )

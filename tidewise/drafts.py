"""The one current draft: what the person was typing, kept encrypted inside the journal.

The write and edit pages send their text as it is typed; it lands here, in the
journal's encrypted `state` table under one key, so a quick exit, an idle lock, a lock
from another tab or a stopped server never throws it away. There is exactly one
draft: the newest text replaces the older. Saving the entry finishes the draft.

Each page that types carries a random `form` id. Finishing a draft remembers that id,
so a late save from the same page (a request still in flight when the entry was saved)
cannot bring the already-saved text back as a draft.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tidewise.journal import Journal

DRAFT_KEY = "web.draft"
MAX_FORM_ID_CHARS = 64
KEPT_FINISHED = 20


@dataclass(frozen=True)
class Draft:
    """A page's typed text and fields, as strings exactly as the form held them."""

    form: str
    text: str
    closeness: str = ""
    shame: str = ""
    tags: str = ""
    entry_id: int | None = None  # the entry being changed; None on the write page
    date: str = ""  # the date and time fields as typed ("" when the page had none)
    time: str = ""

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @classmethod
    def from_json(cls, raw: Any) -> Draft | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            return None
        entry_id = raw.get("entry_id")
        return cls(
            form=str(raw.get("form", "")),
            text=raw["text"],
            closeness=str(raw.get("closeness", "")),
            shame=str(raw.get("shame", "")),
            tags=str(raw.get("tags", "")),
            entry_id=entry_id if isinstance(entry_id, int) else None,
            date=str(raw.get("date", "")),
            time=str(raw.get("time", "")),
        )


def _stored(journal: Journal) -> tuple[Draft | None, list[str]]:
    """(the current draft, the form ids that finished lately)."""
    raw = journal.get_state(DRAFT_KEY)
    if not isinstance(raw, dict):
        return None, []
    finished = [str(f) for f in raw.get("finished", []) if isinstance(f, str)]
    return Draft.from_json(raw.get("draft")), finished


def _store(journal: Journal, draft: Draft | None, finished: list[str]) -> None:
    if draft is None and not finished:
        journal.set_state(DRAFT_KEY, None)
        return
    value: dict[str, Any] = {"finished": finished[-KEPT_FINISHED:]}
    if draft is not None:
        value["draft"] = asdict(draft)
    journal.set_state(DRAFT_KEY, value)


def current_draft(journal: Journal) -> Draft | None:
    return _stored(journal)[0]


def keep_draft(journal: Journal, draft: Draft) -> bool:
    """Store `draft` as the one current draft; False when its page already saved the entry.

    Blank text from the page that owns the current draft clears it (the person deleted
    what they wrote); blank text from any other page leaves the current draft alone.
    """
    current, finished = _stored(journal)
    if draft.form in finished:
        return False
    if draft.empty:
        if current is not None and current.form == draft.form:
            _store(journal, None, finished)
        return True
    _store(journal, draft, finished)
    return True


def finish_draft(journal: Journal, form: str) -> None:
    """The page `form` saved its entry: its draft is gone and late saves from it are ignored."""
    current, finished = _stored(journal)
    if current is not None and current.form == form:
        current = None
    if form:
        finished = [*finished, form]
    _store(journal, current, finished)


def discard_draft(journal: Journal) -> None:
    """The person chose not to keep the offered draft."""
    _, finished = _stored(journal)
    _store(journal, None, finished)

"""The date and time fields of the write and change forms.

The page shows the entry's date and time (for a new entry: now, in the journal's time
zone) and remembers, in a hidden field, what it showed. Fields posted back unchanged
mean "leave it": a new entry then gets the exact moment of saving (seconds included,
so entries written in the same minute keep their order), a changed one keeps its own.
"""

from __future__ import annotations

from datetime import datetime

from tidewise.clock import local_now
from tidewise.web.guards import Form
from tidewise.when import WhenFields, parse_when

SHOWN_FIELD = "when_shown"


def when_values(moment: datetime | None = None) -> dict[str, str]:
    """The form values for `moment` (default: now); `when_shown` records them."""
    fields = WhenFields.of(moment or local_now())
    return {"date": fields.date, "time": fields.time, SHOWN_FIELD: _shown(fields)}


def posted_fields(form: Form) -> WhenFields:
    return WhenFields(form.text("date")[:40], form.text("time")[:40])


def posted_when(form: Form) -> datetime | None:
    """The moment the person gave, or None to leave it (fields untouched or empty).

    Raises InputError (one line, naming the field) for a date or time it cannot read.
    """
    fields = posted_fields(form)
    if _shown(fields) == form.text(SHOWN_FIELD):
        return None
    zone = local_now().tzinfo
    assert zone is not None  # local_now is always aware
    return parse_when(fields, zone)


def _shown(fields: WhenFields) -> str:
    return f"{fields.date.strip()}T{fields.time.strip()}"

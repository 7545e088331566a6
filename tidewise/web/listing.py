"""The journal list: search, filter by phase or tag, and pages of entries, newest first.

Paging uses a cursor (the last entry's time and id, `Journal.page`) rather than an
offset, so a page stays right while entries are written or deleted between clicks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tidewise.cycle.labels import PHASES
from tidewise.records import Cursor
from tidewise.web import present
from tidewise.web.exceptions import BadRequestError

if TYPE_CHECKING:
    from tidewise.records import Entry
    from tidewise.web.state import WebState

PAGE_SIZE = 30
MAX_SEARCH_RESULTS = 100
MAX_QUERY_CHARS = 200
MAX_CACHED_PAGES = 64  # list pages kept per journal revision (the cache empties on change)
PHASE_OPTIONS: tuple[tuple[str, str], ...] = tuple(
    (str(label), present.label_title(str(label))) for label in PHASES
)


@dataclass(frozen=True)
class Item:
    id: int
    created: datetime
    preview: str
    phase: str
    phase_title: str
    movement: str
    tags: tuple[str, ...]
    starred: bool = False


@dataclass(frozen=True)
class Page:
    items: tuple[Item, ...]
    query: str
    phase: str
    tag: str
    next_cursor: str
    total: int
    searched: bool
    known_tags: tuple[str, ...]
    starred: bool = False  # the list shows starred entries only
    phase_options: tuple[tuple[str, str], ...] = PHASE_OPTIONS
    matching: int | None = None  # with a phase or tag filter: how many entries it keeps


def _param(params: Mapping[str, str], name: str, limit: int) -> str:
    value = params.get(name, "").strip()
    if len(value) > limit or "\x00" in value:
        raise BadRequestError
    return value


def _cursor(raw: str) -> Cursor | None:
    if not raw:
        return None
    moment, _, number = raw.partition("~")
    try:
        when, entry_id = datetime.fromisoformat(moment), int(number)
    except ValueError:
        raise BadRequestError from None
    if when.tzinfo is None:
        raise BadRequestError
    return Cursor(when, entry_id)


def _item(entry: Entry) -> Item:
    analysis = entry.analysis
    phase = analysis.phase if analysis else ""
    return Item(
        id=entry.id,
        created=entry.created,
        preview=present.preview(entry.text),
        phase=phase,
        phase_title=present.phase_words(phase) if analysis else "Not read yet",
        movement=present.MOVEMENT_WORDS.get(analysis.movement, "") if analysis else "",
        tags=entry.tags,
        starred=entry.starred,
    )


def journal_page(state: WebState, params: Mapping[str, str]) -> Page:
    """One page of the list for the query parameters q, phase, tag, starred and before."""
    query = _param(params, "q", MAX_QUERY_CHARS)
    phase = _param(params, "phase", 40)
    tag = _param(params, "tag", 64)
    if phase and phase not in dict(PHASE_OPTIONS):
        raise BadRequestError
    starred = _param(params, "starred", 1)
    if starred not in ("", "1"):
        raise BadRequestError
    before = _param(params, "before", 80)
    cursor = _cursor(before)
    filters = Filters(phase, tag, starred == "1")
    if query:
        found = state.journal.search(query, limit=MAX_SEARCH_RESULTS)
        items = tuple(_item(e) for e in found if _wanted(e, filters))
        return Page(
            items, query, phase, tag, "", len(items), True, known_tags(state), filters.starred
        )
    key = f"page:{phase}|{tag}|{starred}|{before}"
    if len(state.cache) > MAX_CACHED_PAGES:
        return _browse(state, filters, cursor)
    return state.cached(key, lambda: _browse(state, filters, cursor))


@dataclass(frozen=True)
class Filters:
    phase: str
    tag: str
    starred: bool


def _browse(state: WebState, filters: Filters, cursor: Cursor | None) -> Page:
    """A page of the list without a search (cached per journal revision by the caller)."""
    journal = state.journal
    phase, tag = filters.phase, filters.tag
    found = journal.page(
        before=cursor,
        limit=PAGE_SIZE,
        tag=tag or None,
        phase=phase or None,
        starred=True if filters.starred else None,
    )
    last = found.next
    next_cursor = f"{last.created.isoformat()}~{last.entry_id}" if last else ""
    total = journal.count()
    matching = journal.count(tag=tag or None, phase=phase or None) if phase or tag else None
    items = tuple(_item(e) for e in found.entries)
    tags = known_tags(state)
    return Page(
        items, "", phase, tag, next_cursor, total, False, tags, filters.starred, matching=matching
    )


def _wanted(entry: Entry, filters: Filters) -> bool:
    if filters.starred and not entry.starred:
        return False
    if filters.phase and (entry.analysis is None or entry.analysis.phase != filters.phase):
        return False
    return not filters.tag or filters.tag.lower().lstrip("#") in entry.tags


def known_tags(state: WebState) -> tuple[str, ...]:
    """Every tag in the journal, for the filter's suggestions (cached until a change)."""
    return state.cached("tags", lambda: state.journal.tags())

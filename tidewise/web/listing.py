"""The journal list: search, filter by phase or tag, and pages of entries, newest first.

Paging uses a cursor (the last entry's time and id) rather than an offset, because the
facade filters by time: `until` is inclusive, so entries at the cursor's exact instant
with an id at or above the cursor's are dropped from the next page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tidewise.cycle.labels import PHASES
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


def _cursor(raw: str) -> tuple[datetime, int] | None:
    if not raw:
        return None
    moment, _, number = raw.partition("~")
    try:
        when, entry_id = datetime.fromisoformat(moment), int(number)
    except ValueError:
        raise BadRequestError from None
    if when.tzinfo is None:
        raise BadRequestError
    return when, entry_id


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


def _browse(state: WebState, filters: Filters, cursor: tuple[datetime, int] | None) -> Page:
    """A page of the list without a search (cached per journal revision by the caller)."""
    journal = state.journal
    phase, tag = filters.phase, filters.tag
    entries = _after_cursor(state, filters, cursor)
    more = len(entries) > PAGE_SIZE
    shown = entries[:PAGE_SIZE]
    last = shown[-1] if more else None
    next_cursor = f"{last.created.isoformat()}~{last.id}" if last else ""
    total = journal.count()
    matching = journal.count(tag=tag or None, phase=phase or None) if phase or tag else None
    items = tuple(_item(e) for e in shown)
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


def _after_cursor(
    state: WebState, filters: Filters, cursor: tuple[datetime, int] | None
) -> list[Entry]:
    """PAGE_SIZE + 1 entries strictly before the cursor (so we know if more exist)."""
    want = PAGE_SIZE + 1
    fetch = want + 1
    while True:
        until = cursor[0] if cursor else None
        batch = state.journal.entries(
            until=until,
            tag=filters.tag or None,
            phase=filters.phase or None,
            starred=True if filters.starred else None,
            limit=fetch,
        )
        kept = [e for e in batch if cursor is None or _before(e, cursor)]
        if len(kept) >= want or len(batch) < fetch:
            return kept[:want]
        fetch *= 4  # many entries share the cursor's instant: look further


def _before(entry: Entry, cursor: tuple[datetime, int]) -> bool:
    when, entry_id = cursor
    return entry.created < when or (entry.created == when and entry.id < entry_id)


def known_tags(state: WebState) -> tuple[str, ...]:
    """Every tag in the journal, for the filter's suggestions (cached until a change)."""

    def collect() -> tuple[str, ...]:
        return tuple(sorted({tag for entry in state.journal.entries() for tag in entry.tags}))

    return state.cached("tags", collect)

"""The weekly readings: parsing the Markdown files, the weekly release, and progress.

A reading is `content/week-NN.md`: front matter (week, slug, title, summary, labels),
a body, then "## Questions to sit with" (three numbered questions) and "## A small
practice" (one paragraph). Reading N unlocks at the journal's start + (N-1) weeks; every
reading stays readable on request before then. Progress (when each reading was first
opened and marked done) lives in the journal's encrypted state under "lessons".

The clock is always passed in (`now`), so the release can be tested with a fake one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources as package_files
from typing import Any, Protocol

from tidewise.errors import ContentError, NotFoundError

STATE_KEY = "lessons"
QUESTIONS_HEADING = "## Questions to sit with"
PRACTICE_HEADING = "## A small practice"
_FRONT_KEYS = ("week", "slug", "title", "summary", "labels")
_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(.+)$")
_WORD = re.compile(r"[A-Za-z0-9'\u2019-]+")


class StateStore(Protocol):
    """What progress needs from a journal: its start and its encrypted state."""

    @property
    def started(self) -> datetime: ...

    def get_state(self, key: str) -> Any | None: ...

    def set_state(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Lesson:
    week: int
    slug: str
    title: str
    summary: str
    labels: tuple[str, ...]
    body: str  # the Markdown after the front matter, questions and practice included
    questions: tuple[str, ...]
    practice: str

    @property
    def words(self) -> int:
        """Words in the body (front matter excluded), as the content rules count them."""
        return len(_WORD.findall(re.sub(r"^#+\s.*$", "", self.body, flags=re.MULTILINE)))

    def to_dict(self, *, with_body: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "week": self.week,
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "labels": list(self.labels),
            "words": self.words,
        }
        if with_body:
            data |= {
                "body": self.body,
                "questions": list(self.questions),
                "practice": self.practice,
            }
        return data


def _front_matter(text: str, source: str) -> tuple[dict[str, str], str]:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        msg = f"{source}: the front matter must start with ---."
        raise ContentError(msg)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        msg = f"{source}: the front matter has no closing ---."
        raise ContentError(msg) from None
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(": ")
        if not sep:
            msg = f"{source}: a front matter line is not 'key: value'."
            raise ContentError(msg)
        fields[key.strip()] = value.strip()
    missing = [k for k in _FRONT_KEYS if k not in fields]
    if missing:
        msg = f"{source}: the front matter lacks {', '.join(missing)}."
        raise ContentError(msg)
    return fields, "\n".join(lines[end + 1 :]).strip() + "\n"


def _labels(raw: str, source: str) -> tuple[str, ...]:
    if not (raw.startswith("[") and raw.endswith("]")):
        msg = f"{source}: labels must be a [list]."
        raise ContentError(msg)
    return tuple(part.strip() for part in raw[1:-1].split(",") if part.strip())


def _section(body: str, heading: str, until: str | None, source: str) -> str:
    start = body.find(heading)
    if start < 0:
        msg = f"{source}: the section '{heading[3:]}' is missing."
        raise ContentError(msg)
    rest = body[start + len(heading) :]
    if until is not None:
        stop = rest.find(until)
        if stop < 0:
            msg = f"{source}: '{until[3:]}' must follow '{heading[3:]}'."
            raise ContentError(msg)
        rest = rest[:stop]
    return rest.strip()


def _questions(section: str, source: str) -> tuple[str, ...]:
    found = [m.group(2).strip() for line in section.splitlines() if (m := _NUMBERED.match(line))]
    if len(found) != 3:
        msg = f"{source}: there must be exactly three numbered questions."
        raise ContentError(msg)
    return tuple(found)


def parse_lesson(text: str, source: str = "lesson") -> Lesson:
    """One reading from its Markdown; ContentError names the file and the problem."""
    fields, body = _front_matter(text, source)
    try:
        week = int(fields["week"])
    except ValueError:
        msg = f"{source}: week must be a whole number."
        raise ContentError(msg) from None
    questions = _questions(_section(body, QUESTIONS_HEADING, PRACTICE_HEADING, source), source)
    practice = _section(body, PRACTICE_HEADING, None, source)
    if not practice or "\n\n" in practice or practice.startswith("#"):
        msg = f"{source}: the practice must be exactly one paragraph."
        raise ContentError(msg)
    return Lesson(
        week=week,
        slug=fields["slug"],
        title=fields["title"],
        summary=fields["summary"],
        labels=_labels(fields["labels"], source),
        body=body,
        questions=questions,
        practice=practice,
    )


@lru_cache(maxsize=1)
def lessons() -> tuple[Lesson, ...]:
    """Every reading shipped with Tidewise, in week order (parsed once, then cached)."""
    folder = package_files.files("tidewise.lessons").joinpath("content")
    found = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if re.fullmatch(r"week-\d{2}\.md", item.name):
            lesson = parse_lesson(item.read_text(encoding="utf-8"), item.name)
            if item.name != f"week-{lesson.week:02d}.md":
                msg = f"{item.name}: the week in the front matter does not match."
                raise ContentError(msg)
            found.append(lesson)
    weeks = [lesson.week for lesson in found]
    if weeks != list(range(1, len(found) + 1)):
        msg = "The readings must be numbered 1, 2, 3... without gaps."
        raise ContentError(msg)
    return tuple(found)


def lesson(week: int) -> Lesson:
    for item in lessons():
        if item.week == week:
            return item
    msg = f"There is no reading {week}; there are {len(lessons())}."
    raise NotFoundError(msg)


# ---- the weekly release ----------------------------------------------------------------


def unlocks_at(started: datetime, week: int) -> datetime:
    """Reading `week` unlocks this long after the journal's start."""
    return started + timedelta(weeks=week - 1)


def unlocked_count(started: datetime, now: datetime, total: int | None = None) -> int:
    """How many readings are released at `now` (at least the first, at most all)."""
    total = len(lessons()) if total is None else total
    weeks_in = (now - started) // timedelta(weeks=1) + 1
    return max(1, min(total, weeks_in))


# ---- progress ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LessonStatus:
    lesson: Lesson
    unlocked: bool
    unlocks_at: datetime
    opened: datetime | None
    completed: datetime | None

    @property
    def state(self) -> str:
        if self.completed:
            return "completed"
        return "unlocked" if self.unlocked else "locked"

    def to_dict(self) -> dict[str, Any]:
        return self.lesson.to_dict() | {
            "state": self.state,
            "unlocked": self.unlocked,
            "unlocks_at": self.unlocks_at.isoformat(),
            "opened": self.opened.isoformat() if self.opened else None,
            "completed": self.completed.isoformat() if self.completed else None,
        }


def _progress(store: StateStore) -> dict[str, dict[str, str]]:
    raw = store.get_state(STATE_KEY)
    data = raw if isinstance(raw, dict) else {}
    return {
        "opened": {str(k): str(v) for k, v in dict(data.get("opened") or {}).items()},
        "completed": {str(k): str(v) for k, v in dict(data.get("completed") or {}).items()},
    }


def _when(stamps: dict[str, str], week: int) -> datetime | None:
    stamp = stamps.get(str(week))
    return datetime.fromisoformat(stamp) if stamp else None


def statuses(store: StateStore, now: datetime) -> list[LessonStatus]:
    """Every reading with its release and progress, in week order."""
    progress = _progress(store)
    released = unlocked_count(store.started, now)
    return [
        LessonStatus(
            lesson=item,
            unlocked=item.week <= released,
            unlocks_at=unlocks_at(store.started, item.week),
            opened=_when(progress["opened"], item.week),
            completed=_when(progress["completed"], item.week),
        )
        for item in lessons()
    ]


def status(store: StateStore, week: int, now: datetime) -> LessonStatus:
    lesson(week)  # NotFoundError for a week that does not exist
    return statuses(store, now)[week - 1]


def _mark(store: StateStore, kind: str, week: int, now: datetime) -> None:
    lesson(week)
    progress = _progress(store)
    progress[kind].setdefault(str(week), now.isoformat())  # the first time is what counts
    store.set_state(STATE_KEY, progress)


def open_lesson(store: StateStore, week: int, now: datetime) -> LessonStatus:
    """Read a lesson (locked ones too: early reading is allowed on request)."""
    _mark(store, "opened", week, now)
    return status(store, week, now)


def complete_lesson(store: StateStore, week: int, now: datetime) -> LessonStatus:
    _mark(store, "opened", week, now)
    _mark(store, "completed", week, now)
    return status(store, week, now)


def current(store: StateStore, now: datetime) -> Lesson:
    """This week's reading: the newest one released."""
    return lessons()[unlocked_count(store.started, now) - 1]

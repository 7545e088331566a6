"""The person's own safety plan: a short guided form kept encrypted in the journal.

Six sections, each a list of the person's own lines. It is shown by `tidewise help-now`
after the crisis resources, and one step away on every screen of the web UI. It is the
person's plan: Tidewise never shares it and never acts on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

STATE_KEY = "safety_plan"
MAX_ITEMS = 20
MAX_CHARS = 300


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    prompt: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "warning_signs",
        "My warning signs",
        "Thoughts, feelings or situations that tell me a hard time may be starting.",
    ),
    Section(
        "coping",
        "Things that help me cope on my own",
        "Things I can do by myself to get through a wave: a walk, music, a shower, breathing.",
    ),
    Section(
        "people_places",
        "People and places that help",
        "People I can call or sit with, and places where I feel a little safer.",
    ),
    Section(
        "professionals",
        "Professionals and lines I can contact",
        "My counsellor or doctor, a crisis line, and how to reach them.",
    ),
    Section(
        "safer_space",
        "Making my space safer",
        "What I can put away, lock up or hand to someone, and where I could go if I need "
        "to get away.",
    ),
    Section(
        "reasons",
        "My reasons to keep going",
        "The people, hopes and small things that matter to me.",
    ),
)
_KEYS = tuple(s.key for s in SECTIONS)


class StateStore(Protocol):
    def get_state(self, key: str) -> Any | None: ...

    def set_state(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class SafetyPlan:
    items: dict[str, tuple[str, ...]] = field(default_factory=dict)
    updated: str | None = None

    @property
    def empty(self) -> bool:
        return not any(self.items.get(k) for k in _KEYS)

    def section(self, key: str) -> tuple[str, ...]:
        return self.items.get(key, ())

    def to_dict(self) -> dict[str, Any]:
        return {
            "sections": [
                {"key": s.key, "title": s.title, "items": list(self.section(s.key))}
                for s in SECTIONS
            ],
            "updated": self.updated,
        }

    def render(self) -> str:
        """Plain text for a terminal or a printout."""
        if self.empty:
            return (
                "Your safety plan has nothing in it yet. Whenever you are ready, you can "
                "write it with: tidewise safety-plan edit"
            )
        lines = ["Your safety plan", ""]
        for s in SECTIONS:
            lines.append(s.title)
            lines.extend(f"  - {item}" for item in self.section(s.key))
            if not self.section(s.key):
                lines.append("  (nothing yet)")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def clean_items(items: Sequence[str]) -> tuple[str, ...]:
    """Trimmed, non-empty, capped lines: the plan stays short enough to read in a crisis."""
    kept = [" ".join(str(item).split())[:MAX_CHARS] for item in items]
    return tuple(item for item in kept if item)[:MAX_ITEMS]


def load_plan(store: StateStore) -> SafetyPlan:
    raw = store.get_state(STATE_KEY)
    if not isinstance(raw, dict):
        return SafetyPlan()
    sections = raw.get("sections") or {}
    items = {
        k: clean_items(list(sections.get(k) or [])) for k in _KEYS if isinstance(sections, dict)
    }
    updated = raw.get("updated")
    return SafetyPlan(items=items, updated=str(updated) if updated else None)


def save_plan(store: StateStore, items: Mapping[str, Sequence[str]], now: datetime) -> SafetyPlan:
    """Replace the plan (unknown sections are ignored) and stamp it."""
    cleaned = {k: clean_items(items.get(k, ())) for k in _KEYS}
    store.set_state(
        STATE_KEY,
        {"sections": {k: list(v) for k, v in cleaned.items()}, "updated": now.isoformat()},
    )
    return SafetyPlan(items=cleaned, updated=now.isoformat())

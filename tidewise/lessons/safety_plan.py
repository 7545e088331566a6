"""The person's own safety plan: a short guided form kept encrypted in the journal.

Two parts, each a few sections of the person's own lines: for when things get very hard
(warning signs, coping, people, professionals, a safer space, reasons), and for when
home is not safe (papers, money, a bag, a code word, children, pets, devices). It is
shown by `tidewise help-now` after the crisis resources, and one step away on every
screen of the web UI. It is the person's plan: Tidewise never shares it and never acts
on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

STATE_KEY = "safety_plan"
MAX_ITEMS = 20
MAX_CHARS = 300


CRISIS = "crisis"
HOME = "home"
PARTS: dict[str, str] = {
    CRISIS: "When things get very hard",
    HOME: "If home is not safe",
}
# Said wherever the home part is shown or edited: the one fact a plan must not leave out.
HOME_NOTE = (
    "Leaving, or confronting a partner who has been violent, threatening or controlling, "
    "can make the danger higher for a while, so it is worth planning the timing with an "
    "advocate from a helpline; that is true whether you stay or go, and the choice stays "
    "yours. Choking or strangling, threats to kill, a weapon, or harm to a pet are reasons "
    "to talk to an advocate soon, even if nothing worse has happened. If you are in danger "
    "right now, call your emergency number. Anyone who unlocks your journal can read this "
    "plan: if your partner might, keep the details (where the bag is, who holds copies) "
    "with someone you trust instead, and keep the code word in your head, not here."
)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    prompt: str
    part: str = CRISIS


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
        "Anything I could use to hurt myself (medicines, blades, a weapon): how I can put it "
        "away, lock it up or give it to someone to keep; and where I could go to be safer.",
    ),
    Section(
        "reasons",
        "My reasons to keep going",
        "The people, hopes and small things that matter to me.",
    ),
    Section(
        "documents",
        "Important papers",
        "Where my ID, passport, bank cards, birth certificates, housing papers, court orders "
        "and medical details are, or who keeps copies for me; and where any record of what "
        "has happened (dates, photos, messages) is kept, out of my partner's reach.",
        HOME,
    ),
    Section(
        "money",
        "Money I can reach",
        "An account, card or some cash of my own, where it is, and who could lend me some.",
        HOME,
    ),
    Section(
        "bag",
        "A bag I could take",
        "What goes in it (keys, medicines, chargers, clothes, copies of papers) and where it "
        "is kept, or who holds it for me.",
        HOME,
    ),
    Section(
        "code_word",
        "A code word with someone I trust",
        "Who I agreed a word or phrase with, and what they will do when they hear it "
        "(call the police, come to me, pick up the children). The word itself can stay in "
        "my head.",
        HOME,
    ),
    Section(
        "children",
        "The children",
        "What the children know to do (stay out of the way, never step in, how to call for "
        "help), where they can go, and who can collect them.",
        HOME,
    ),
    Section(
        "pets",
        "The pets",
        "Who could take the animals, even for a few days, if I had to leave quickly.",
        HOME,
    ),
    Section(
        "devices",
        "My phone and computer",
        "Which device is safe to use, which passwords to change, and what to check: location "
        "sharing, shared accounts, unknown apps. Changing things can alert someone who is "
        "watching, so an advocate can help me plan what to change, and when.",
        HOME,
    ),
)
_KEYS = tuple(s.key for s in SECTIONS)


def sections_of(part: str) -> tuple[Section, ...]:
    """The sections of one part of the plan, in order."""
    return tuple(s for s in SECTIONS if s.part == part)


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

    def has_part(self, part: str) -> bool:
        return any(self.section(s.key) for s in sections_of(part))

    def to_dict(self) -> dict[str, Any]:
        return {
            "sections": [
                {"key": s.key, "title": s.title, "part": s.part, "items": list(self.section(s.key))}
                for s in SECTIONS
            ],
            "home_note": HOME_NOTE,
            "updated": self.updated,
        }

    def render(self) -> str:
        """Plain text for a terminal or a printout."""
        if self.empty:
            return (
                "Your safety plan has nothing in it yet. Whenever you are ready, you can "
                "write it with: tidewise safety-plan edit\n"
                "If home is not safe, there is a part for that too: "
                "tidewise safety-plan edit --home\n"
            )
        lines = ["Your safety plan", ""]
        for s in sections_of(CRISIS):
            lines.append(s.title)
            lines.extend(f"  - {item}" for item in self.section(s.key))
            if not self.section(s.key):
                lines.append("  (nothing yet)")
            lines.append("")
        if self.has_part(HOME):
            lines += [PARTS[HOME], "", HOME_NOTE, ""]
            for s in sections_of(HOME):
                if self.section(s.key):
                    lines.append(s.title)
                    lines.extend(f"  - {item}" for item in self.section(s.key))
                    lines.append("")
        else:
            lines.append(
                "If home is not safe, your plan has a part for that: "
                "tidewise safety-plan edit --home"
            )
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

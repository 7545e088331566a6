"""A short grounding exercise for the moment a wave of feeling is too big.

Shown by `tidewise grounding` and on the web's help page (/help-now/grounding), with no
journal or passphrase needed: it has to work in the worst moment. The words are ours.
Grounding helps a person ride out a wave; it never stands in for the crisis lines, which
it points to at the end.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grounding:
    title: str
    intro: str
    steps: tuple[str, ...]
    closing: str

    def render(self) -> str:
        """Plain text for a terminal: numbered steps, then where to turn."""
        lines = [self.title, "", self.intro, ""]
        lines += [f"{n}. {step}" for n, step in enumerate(self.steps, start=1)]
        lines += ["", self.closing, "", "The help-now list: tidewise help-now"]
        return "\n".join(lines) + "\n"


GROUNDING = Grounding(
    title="Grounding: two or three minutes, here and now",
    intro=(
        "When a reminder hits or a feeling runs too high to think, the body can react as if "
        "the danger were happening right now. Grounding brings your attention back to the "
        "room you are in and to this moment. Go slowly, and skip any step that does not suit "
        "you; there is no wrong way to do it."
    ),
    steps=(
        "Put both feet flat on the floor. Press down a little and feel the floor press back.",
        "Breathe out slowly, a little longer than you breathe in: in for four, out for six. "
        "Three breaths are enough.",
        "Look around and name five things you can see: a colour, a shape, something small.",
        "Notice four things you can feel: the seat under you, your sleeve, the air on your "
        "hands, your feet in your shoes.",
        "Listen for three sounds, near or far.",
        "Find two things you can smell, or think of two smells you like.",
        "Take a sip of water, or notice one thing you can taste.",
        "Say to yourself where you are and what day it is, and that this wave will pass, as "
        "waves do.",
    ),
    closing=(
        "If the feeling is still too big, or you are thinking of hurting yourself or someone "
        "else, please reach out now to one of the people on the help-now list; you can call, "
        "text or chat with them, day and night. Holding something cold, or "
        "running cold water over your wrists, can also help bring you back to the present. "
        "Grounding helps you through a wave; it does not replace help from a person."
    ),
)

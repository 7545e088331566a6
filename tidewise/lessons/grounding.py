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
        "room you are in and to this moment. If you are in danger right now, getting to a "
        "safer place and calling your emergency number come first. Keep your eyes open, go "
        "slowly, and skip any step that does not suit you. If a step makes you feel worse, "
        "stop it and move on, or stop altogether; there is no wrong way to do this."
    ),
    steps=(
        "Put both feet flat on the floor, or stand up if sitting still feels worse. Press "
        "down a little and feel the floor press back.",
        "Let each breath out be slow, a little longer than the breath in, with no pause in "
        "between: in for about four, out for about six. Three breaths are enough. If "
        "noticing your breathing makes things worse, skip this step.",
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
        "If the feeling is still too big, or you are having thoughts of suicide or of hurting "
        "yourself or someone else, please reach out now to one of the people on the help-now "
        "list; you can call, text or chat, and many are there day and night. Holding "
        "something cold in your hand, such as an ice cube or a cold drink, can also help "
        "bring you back to the present. Grounding helps you through a wave; it does not "
        "replace help from a person."
    ),
)

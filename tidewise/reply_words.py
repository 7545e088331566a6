"""Every sentence of the graded safety reply, in one place for review.

The decision (which of these a person reads) is in `tidewise.replies`; this module holds
only words. House rules for them: plain and warm, direct about suicide, never a claim
that what someone wrote is safe, never a nudge to stay or to leave, no labels for the
person. Tidewise is not therapy, and these words do not pretend to be.
"""

from __future__ import annotations

# ---- clear concern: the help reply, one paragraph per kind --------------------------

SELF_HARM = (
    "What you wrote sounds like a great deal of pain, and it matters. If you are thinking "
    "about suicide or about hurting yourself, now or now and then, you do not have to carry "
    "that alone: the people below talk with people in exactly this place, day and night, "
    "and you can reach them now. If something you could use to hurt yourself is close by, "
    "putting it out of reach, or asking someone to keep it for a while, can help you "
    "through the hardest hours."
)

DANGER_FROM_PARTNER = (
    "What you wrote describes something that may not be safe, and your safety comes first. "
    "Being hurt, threatened, watched or controlled by a partner is not okay, whatever else "
    "is happening between you. The people below help you think through safety, whatever "
    "you decide about the relationship. If someone may check this device, reach them from "
    "a phone or computer they cannot see."
)

# Added for danger from a partner when the entry names a sign that often comes before
# serious harm. {signs} is a short list such as "a weapon being shown and threats to kill".
LETHALITY = (
    "Some of what you describe, {signs}, is known to come before serious harm. These are "
    "reasons to talk to a domestic abuse advocate soon, even if nothing worse has happened "
    "yet. Danger can rise when someone plans to leave or confronts a partner, so an "
    "advocate can help you plan for safety either way."
)

SIGN_WORDS: dict[str, str] = {
    "weapon": "a weapon being shown or handled",
    "strangulation": "pressure on your neck or throat",
    "threat_to_kill": "threats to kill or to make you disappear",
    "pet": "harm or threats to a pet",
    "stalking": "being followed or watched",
    "driving": "dangerous driving with you or the children in the car",
}

HARM_TO_OTHERS = (
    "What you wrote says you may want to physically hurt someone, or that you already "
    "have. Feelings this strong after a betrayal are common, and having them does not make "
    "you a bad person. Acting on them could hurt someone badly and change your own life, "
    "and you can get help to keep everyone safe, you included. The people below will talk "
    "with you without judging you. If you feel you might act soon, put distance between "
    "you and the person, and between you and anything you could use, and reach out now."
)

CLOSING = (
    "Your own safety plan is one step away. Tidewise has not told anyone and never will; "
    "what you do next is your choice."
)

# ---- possible concern: the check-in ------------------------------------------------------

CHECK_IN = "Some of what you wrote sounds very heavy. Are you safe right now?"

# When the entry before this one was also met with a check-in.
CHECK_IN_AGAIN = (
    "Some of what you wrote sounds very heavy again. We would rather ask twice than not at "
    "all: are you safe right now?"
)

# On the next entry after a check-in, whatever the answer was, asked once more, gently.
CHECK_IN_FOLLOW_UP = (
    "Last time, some of what you wrote sounded very heavy, so we are checking in again. "
    "How are you now? Are you safe right now?"
)

# The three answers, in the order they are offered: (value, button words).
ANSWERS: tuple[tuple[str, str], ...] = (
    ("safe", "I'm safe right now"),
    ("not_sure", "I'm not sure"),
    ("not_safe", "I'm not safe"),
)

# What follows each answer. Every route leads to the grounding exercise, the safety plan
# and the lines; they differ in what comes first.
AFTER_ANSWER: dict[str, str] = {
    "safe": (
        "Thank you for telling us. If that changes, tonight or any time, the lines below are "
        "there, and so is your safety plan. When things feel heavy, a short grounding "
        "exercise can help you come back to the room you are in."
    ),
    "not_sure": (
        "Thank you for being honest. Not being sure is a reason to reach out, not to wait. "
        "You could start with the grounding exercise, then look at your safety plan, and "
        "talk to one of the lines below if the feeling stays. If you are thinking about "
        "suicide, you can say so plainly to them; they hear it every day."
    ),
    "not_safe": (
        "Thank you for telling us. Please reach out now: call your local emergency number "
        "if you are in danger this minute, or one of the lines below. If something you could "
        "use to hurt yourself is close by, put it out of reach or hand it to someone. If the "
        "danger comes from a partner, call from a phone they cannot check."
    ),
}

# ---- around the reply ----------------------------------------------------------------

HELP_HEADING = "Your safety comes first"
CHECK_IN_HEADING = "Checking in"
EMERGENCY = "If you are in immediate danger, call your local emergency number."
NOT_TOLD = "Tidewise has not told anyone, and never will."
CHOOSE_COUNTRY = "Choose your country"
NO_COUNTRY_WEB = "These are the lines for every country Tidewise knows."
HELP_POINTER = "Some of what you wrote sounds heavy. Help is right beside your entry."
GROUNDING_LINK = "A grounding exercise for right now"
PLAN_LINK = "Your safety plan"
OTHER_COUNTRIES = "Lines in other countries"
CLI_HELP_NOW = "Your safety plan and the help-now page: tidewise help-now --plan"
NO_COUNTRY = (
    "Choose your country in Settings (or with tidewise help-now --country XX --remember) "
    "to see your own lines first."
)
# stderr, once, when an entry was given as a command-line argument.
SHELL_HISTORY_WARNING = (
    "Note: text given on the command line is kept in your shell history and can be seen "
    "in the process list. Next time, run tidewise write and type at the prompt, or use "
    "--file."
)

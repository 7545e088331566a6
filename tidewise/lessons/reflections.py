"""The short reply after an entry, chosen from its analysis.

Safety outranks everything: when the analysis raises a safety concern the reply is the
help reply (crisis resources for the kinds of concern, and the person's own safety
plan), whatever else the entry holds. Otherwise the candidates are the reflections in
content/reflections.json whose `when` matches, and the most specific tier wins:

    factor > shame_voice > recent_turn > distancing > movement > phase

Within a tier the choice is deterministic: the candidate whose hash with `seed` (the
entry id, say) is smallest, so the same entry always gets the same words and
different entries get variety. Factors (unhealthy, stuck, judgement, carried shame) are
offered where the entry's own words point to them (`detect_factor`, a short cue list).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

from tidewise.analysis.crisis import DANGER_FROM_PARTNER, SELF_HARM, resources_for
from tidewise.analysis.types import EntryAnalysis, Resource
from tidewise.errors import ContentError

TIERS: tuple[str, ...] = ("factor", "shame_voice", "recent_turn", "distancing", "movement", "phase")
RECENT_TURNS = ("toward_to_away", "away_to_toward", "repeated_swing")
FACTORS = ("unhealthy", "stuck", "judgement", "carried_shame")

# Plain cue phrases for each factor question, checked in this order.
_FACTOR_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "unhealthy",
        re.compile(
            r"\b(?:controls? (?:me|what i|who i|where i|the money)|insult\w*|belittl\w*|"
            r"puts? me down|"
            r"calls? me (?:names|stupid|crazy|pathetic)|called me (?:names|stupid|crazy|pathetic)|"
            r"scared of (?:him|her|them)|afraid of (?:him|her|them)|my (?:own )?anger scares|"
            r"scared of my (?:own )?anger|afraid of my (?:own )?anger|humiliates? me)\b"
        ),
    ),
    (
        "stuck",
        re.compile(
            r"\b(?:stuck|trapped|no way out|no way forward|can't afford|cannot afford|the mortgage|"
            r"nowhere (?:else )?to go|for the (?:kids|children)|because of the (?:kids|children)|"
            r"no choice|can't leave|cannot leave|no money of my own)\b"
        ),
    ),
    (
        "judgement",
        re.compile(
            r"\b(?:what (?:people|everyone|they|others|my family|my friends) "
            r"(?:will |would )?(?:think|say)|"
            r"judg\w+|gossip\w*|church|my faith|our faith|culture|community|in-laws|"
            r"my (?:mother|mum|mom|father|dad|parents|sister|friends) "
            r"(?:thinks?|says?|said|would say))\b"
        ),
    ),
    (
        "carried_shame",
        re.compile(
            r"\b(?:embarrass\w*|humiliat\w*|ashamed of (?:him|her|them|what (?:he|she|they) did)|"
            r"everyone knows|since i was (?:a child|little|young)|as a child|"
            r"always felt (?:not enough|"
            r"unlovable|like too much)|reflects? on me)\b"
        ),
    ),
)

_SELF_HARM_TEXT = (
    "What you wrote sounds like a great deal of pain, and it matters. If you are having "
    "thoughts of ending your life or hurting yourself, now or even now and then, you do not "
    "have to carry them alone: the people below are there for exactly this, day and night, "
    "and you can reach them now."
)
_DANGER_TEXT = (
    "What you wrote describes something that may not be safe, and your safety comes first. "
    "Being hurt, threatened, watched or controlled by a partner is not okay, whatever else is "
    "happening between you. The people below help you think through safety, whether you stay "
    "or go. If someone may check this device, reach them from a phone they cannot see."
)
_CLOSING = (
    "Your own safety plan is one step away. Tidewise has not told anyone and never will; "
    "what you do next is your choice."
)


@dataclass(frozen=True)
class Reflection:
    id: str
    when: dict[str, Any]
    text: str
    lesson: int

    @property
    def tier(self) -> str:
        return next(t for t in TIERS if t in self.when)


@dataclass(frozen=True)
class Reply:
    """What to show after an entry. `kind` is "safety" (help first) or "reflection"."""

    kind: str
    text: str
    reflection_id: str | None = None
    lesson: int | None = None
    concerns: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    offer_safety_plan: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "reflection_id": self.reflection_id,
            "lesson": self.lesson,
            "concerns": list(self.concerns),
            "resources": [r.to_dict() for r in self.resources],
            "offer_safety_plan": self.offer_safety_plan,
        }


def _reflection(raw: dict[str, Any]) -> Reflection:
    when = dict(raw["when"])
    unknown = set(when) - set(TIERS)
    if unknown or not when:
        msg = f"reflections.json: {raw.get('id')} has an unknown or empty 'when'."
        raise ContentError(msg)
    return Reflection(str(raw["id"]), when, str(raw["text"]), int(raw["lesson"]))


@lru_cache(maxsize=1)
def reflections() -> tuple[Reflection, ...]:
    """Every reflection shipped with Tidewise (parsed once, then cached)."""
    path = package_files.files("tidewise.lessons").joinpath("content/reflections.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        found = tuple(_reflection(item) for item in raw)
    except (ValueError, KeyError, TypeError):
        msg = "reflections.json does not follow its format."
        raise ContentError(msg) from None
    if len({r.id for r in found}) != len(found):
        msg = "reflections.json: two reflections share an id."
        raise ContentError(msg)
    return found


def detect_factor(analysis: EntryAnalysis) -> str | None:
    """The factor question the entry's own words point to, if any."""
    text = " ".join(s.text for s in analysis.sentences).lower().replace("\u2019", "'")
    return next((name for name, cue in _FACTOR_CUES if cue.search(text)), None)


def _facts(analysis: EntryAnalysis, recent_turn: str | None, factor: str | None) -> dict[str, Any]:
    return {
        "phase": analysis.phase,
        "movement": analysis.movement,
        "distancing": analysis.distancing,
        "shame_voice": bool(analysis.shame_voice),
        "recent_turn": recent_turn,
        "factor": factor,
    }


def fits(reflection: Reflection, facts: dict[str, Any]) -> bool:
    """Every key of `when` matches: lists mean "one of", other values must be equal."""
    for key, wanted in reflection.when.items():
        have = facts.get(key)
        if isinstance(wanted, list):
            if have not in wanted:
                return False
        elif have != wanted:
            return False
    return True


def _rank(reflection_id: str, seed: int | str) -> str:
    return hashlib.sha256(f"{seed}:{reflection_id}".encode()).hexdigest()


def safety_reply(kinds: tuple[str, ...], resources: tuple[Resource, ...] = ()) -> Reply:
    """The help reply: what to say and where to turn, for these kinds of concern."""
    parts = []
    if SELF_HARM in kinds or not kinds:
        parts.append(_SELF_HARM_TEXT)
    if DANGER_FROM_PARTNER in kinds:
        parts.append(_DANGER_TEXT)
    parts.append(_CLOSING)
    return Reply(
        kind="safety",
        text=" ".join(parts),
        concerns=kinds,
        resources=resources or resources_for(kinds or (SELF_HARM, DANGER_FROM_PARTNER)),
        offer_safety_plan=True,
    )


def choose_reflection(
    analysis: EntryAnalysis,
    recent_turn: str | None = None,
    *,
    seed: int | str = 0,
    factor: str | None = None,
    country: str | None = None,
) -> Reply:
    """The reply to show after an entry. A safety concern always wins and leads with help;
    `country` (a code such as "UK") puts that country's resources first."""
    if analysis.safety.concern:
        resources = resources_for(analysis.safety.kinds, country) if country else ()
        return safety_reply(analysis.safety.kinds, resources or analysis.safety.resources)
    facts = _facts(analysis, recent_turn, factor or detect_factor(analysis))
    candidates = [r for r in reflections() if fits(r, facts)]
    for tier in TIERS:
        in_tier = [r for r in candidates if r.tier == tier]
        if in_tier:
            chosen = min(in_tier, key=lambda r: _rank(r.id, seed))
            return Reply(
                kind="reflection", text=chosen.text, reflection_id=chosen.id, lesson=chosen.lesson
            )
    # Nothing fits (content gap): a quiet, safe default rather than silence.
    return Reply(
        kind="reflection",
        text="Thank you for writing today. What stands out to you as you read it back?",
    )

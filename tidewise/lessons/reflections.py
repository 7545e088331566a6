"""The short reply after an entry, chosen from its analysis.

Safety outranks everything: when the analysis raises a safety concern the reply is the
help reply (crisis resources for the kinds of concern, and the person's own safety
plan), whatever else the entry holds. Otherwise the candidates are the reflections in
content/reflections.json whose `when` matches, and the most specific tier wins:

    factor > shame_voice > recent_turn > distancing > movement > phase

A reflection may only name what this entry holds. One that names something particular
("you wrote about sleeping apart") carries `needs`: words that must appear in a sentence
the analysis gave a given label (or in the shame voice, or anywhere). The others speak
in general terms. Reflections whose `needs` are met come before general ones (within a
tier, and across the distancing, movement and phase tiers, which all describe this one
entry), so the reply is as close to the person's own words as the text allows; `unless`
words keep a reflection away from entries it would misread (a wish for the partner to
feel pain beside words of death, say). The "still" movement only counts when the entry
shows no phase at all: a worn-out or angry entry hears about that, not about calm.

Within a tier the choice is deterministic: the candidate whose hash with `seed` (the
entry id, say) is smallest, so the same entry always gets the same words and
different entries get variety. Factors (treatment that may not be okay, the writer's
own aggression, feeling stuck, judgement, carried shame) are offered where the entry's
own words point to them, with the writer or the partner as the one acting
(`detect_factor`): "I insulted him" is not the writer being insulted, and "stuck in
traffic" is not feeling stuck.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

from tidewise.analysis.crisis import DANGER_FROM_PARTNER, HARM_TO_OTHERS, SELF_HARM, resources_for
from tidewise.analysis.types import EntryAnalysis, Resource
from tidewise.errors import ContentError

TIERS: tuple[str, ...] = ("factor", "shame_voice", "recent_turn", "distancing", "movement", "phase")
# The tiers are tried pool by pool. The last three all describe this one entry, so they
# share a pool: a phase reflection naming the person's own words ("sleeping apart") comes
# before a general one about their distancing or movement.
_POOLS: tuple[tuple[str, ...], ...] = (
    ("factor",),
    ("shame_voice",),
    ("recent_turn",),
    ("distancing", "movement", "phase"),
)
RECENT_TURNS = ("toward_to_away", "away_to_toward", "repeated_swing")
FACTORS = ("unhealthy", "own_aggression", "stuck", "judgement", "carried_shame")
SHAME_VOICE = "shame_voice"  # `needs.in` value: look in the shame voice's sentences
ANYWHERE = "any"  # `needs.in` value: look in every sentence

_PARTNER = (
    r"(?:he|she|they|my (?:husband|wife|partner|spouse|boyfriend|girlfriend|fianc\w*|h|w|ws))"
)
_THEM = r"(?:him|her|them|my (?:husband|wife|partner|spouse|boyfriend|girlfriend|fianc\w*))"
_I = r"(?:i'm|im|i am|i feel|i felt|i was|i've been|ive been|feeling|i get|i got)"

# Cue phrases for each factor question, checked sentence by sentence in this order. Each
# needs someone acting: the partner on the writer (unhealthy), the writer on the partner
# (own_aggression), or the writer about their own place (stuck, judgement, carried shame).
_FACTOR_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "unhealthy",
        re.compile(
            rf"\b{_PARTNER} (?:\w+ )?(?:controls?|controlled|insults?|insulted|belittles?|"
            r"belittled|humiliates?|humiliated|mocks?|mocked|threatens?|threatened|"
            r"intimidates?|intimidated|frightens?|frightened|scares?|scared|monitors?|"
            r"monitored|tracks?|tracked|checks?|checked|puts?|put) (?:me|my)\b"
            rf"|\b{_PARTNER} (?:\w+ )?(?:calls?|called) me (?:names|stupid|crazy|pathetic|"
            r"useless|worthless|fat|ugly|a \w+|an \w+)"
            rf"|\b{_PARTNER} (?:\w+ )?(?:won'?t|doesn'?t|didn'?t|never) lets? me\b"
            rf"|\b{_PARTNER} (?:\w+ )?controls? (?:the|all the|our|my) (?:money|finances|"
            r"accounts?|phone|car)"
            rf"|\b{_I} (?:so |really |very )?(?:scared|afraid|frightened|terrified) of "
            rf"(?:{_THEM}|what (?:he|she|they)(?:'ll| will| might) do)"
            r"|\bbe(?:ing)? (?:controlled|insulted|belittled|humiliated|threatened) by\b"
        ),
    ),
    (
        "own_aggression",
        re.compile(
            r"\bi (?:\w+ )?(?:hit|slapped|punched|kicked(?! \w+ out)|shoved|pushed(?! \w+ away)|"
            r"scratched|spat at|screamed at|yelled at|shouted at|swore at|cursed at|insulted|"
            r"belittled|humiliated|mocked|threatened)"
            rf" {_THEM}\b"
            rf"|\bi (?:\w+ )?threw (?:\w+ ){{0,3}}at {_THEM}\b"
            rf"|\bi called {_THEM} (?:names|a liar|a cheat|a coward|pathetic|disgusting|"
            r"worthless|useless|stupid|an idiot|a pig|a bastard|a bitch|a loser)"
            r"|\bi (?:\w+ )?(?:smashed|destroyed|ripped up|cut up|trashed|burned|broke|threw out) "
            r"(?:his|her|their) (?!heart)\w+"
            r"|\bmy (?:own )?(?:anger|rage|temper) (?:scares|frightens|worries) me"
            r"|\b(?:scared|afraid|frightened) of my (?:own )?(?:anger|rage|temper)"
            rf"|\bi (?:lost|lose) (?:my temper|it|control) (?:with|at) {_THEM}"
            rf"|\bi (?:want|wanted|wanna) to (?:hurt|hit|slap|punch) {_THEM}"
        ),
    ),
    (
        "stuck",
        re.compile(
            rf"\b{_I} (?:so |just |completely |totally |really )?(?:stuck|trapped)"
            r"(?= *(?:[.,;:!?]|$|here\b|and\b|but\b|because\b|with (?:him|her|them)\b"
            r"|in (?:this|the|my|our) (?:marriage|relationship|house|home|situation|life)\b))"
            r"|\bno way (?:out|forward)\b|\bnowhere (?:else )?to go\b|\bno choice but to stay"
            r"|\b(?:can'?t|cannot|couldn'?t) afford to (?:leave|go|move out|live alone|divorce|"
            r"separate)|\b(?:can'?t|cannot) (?:just )?leave\b|\bno money of my own"
            r"|\b(?:stay|staying|stayed|here|together) (?:only |just )?(?:for|because of) the "
            r"(?:kids|children)|\bbecause of the (?:kids|children|mortgage|money)\b"
            r"|\bfinancially (?:dependent|trapped|tied)"
        ),
    ),
    (
        "judgement",
        re.compile(
            r"\bwhat (?:people|everyone|they|others|my family|my friends|his family|her family|"
            r"the neighbou?rs|my parents|my (?:mother|mum|mom|father|dad)) (?:will |would |might |"
            r"must )?(?:think|say)\b"
            r"|\b(?:judge|judges|judging|judged) me\b|\bbe(?:ing)? judged\b|\bfeel judged\b"
            r"|\bgossip(?:ing)? about (?:me|us)\b|\b(?:everyone|people) (?:is |are )?talking "
            r"about (?:me|us)\b"
            r"|\bmy (?:mother|mum|mom|father|dad|parents|sister|brother|friends?|family|pastor|"
            r"priest|imam) (?:thinks|says|said|keeps saying|would say|told me) "
            r"(?:that )?(?:i |i'm |to )"
            r"|\b(?:my|our) (?:faith|church|religion|culture|community) (?:says|teaches|expects|"
            r"would|doesn'?t|does not|won'?t)\b|\bin my (?:culture|faith|community|family),"
        ),
    ),
    (
        "carried_shame",
        re.compile(
            rf"\b(?:{_I}|so) (?:so |really |deeply )?(?:embarrassed|humiliated|mortified)\b"
            rf"|\bashamed of (?:{_THEM}|what (?:he|she|they) did)"
            r"|\beveryone knows\b|\breflects? (?:badly )?on me\b"
            r"|\bsince i was (?:a child|little|young|a kid)\b|\bas a (?:child|kid),? i\b"
            r"|\balways felt (?:not enough|unlovable|like too much|ashamed)"
        ),
    ),
)

_SELF_HARM_TEXT = (
    "What you wrote sounds like a great deal of pain, and it matters. If you are having "
    "thoughts of suicide or of hurting yourself, now or even now and then, you do not have "
    "to carry them alone: the people below are there for exactly this, and you can reach "
    "them now. If you feel you might act on these thoughts soon, call your emergency number "
    "or go to an emergency department now. If you can, put medicines, blades or anything "
    "else you could use out of reach, or ask someone to hold them for you."
)
_DANGER_TEXT = (
    "What you wrote describes something that may not be safe, and your safety comes first. "
    "Being hurt, threatened, watched or controlled by a partner is not okay, whatever else is "
    "happening between you. Choking or strangling, threats to kill, a weapon, harm to a pet "
    "or being followed are serious warning signs even if nothing worse has happened yet, and "
    "a reason to talk to an advocate soon. The people below help you think through safety, "
    "whether you stay or go. If someone may check this device, reach them from a phone they "
    "cannot see."
)
_HARM_TO_OTHERS_TEXT = (
    "What you wrote sounds as if you are afraid you might hurt someone, or part of you wants "
    "to. Feelings this strong after a deep hurt are human, and writing them down instead of "
    "acting on them is a responsible, brave step, not a mark against you. The people below "
    "talk this through without judging. If anyone is in danger right now, call your "
    "emergency number, and put distance between you and that person, and between you and "
    "anything you could use to hurt someone."
)
_CLOSING = (
    "Your own safety plan is one step away. Tidewise has not told anyone and never will; "
    "reaching out is your choice, and you deserve support with this."
)


@dataclass(frozen=True)
class Needs:
    """What an entry must hold before a reflection may name it: a sentence `within` a
    label (or the shame voice, or anywhere) whose words match `pattern`."""

    within: str
    pattern: re.Pattern[str]

    def met_by(self, analysis: EntryAnalysis) -> bool:
        if self.within == SHAME_VOICE:
            texts = list(analysis.shame_voice)
        else:
            texts = [s.text for s in analysis.sentences if self.within in (ANYWHERE, s.label)]
        return any(self.pattern.search(_plain(text)) for text in texts)


@dataclass(frozen=True)
class Reflection:
    id: str
    when: dict[str, Any]
    text: str
    lesson: int
    needs: Needs | None = None
    unless: re.Pattern[str] | None = None

    @property
    def tier(self) -> str:
        return next(t for t in TIERS if t in self.when)

    def true_to(self, analysis: EntryAnalysis) -> bool:
        """Everything this reflection names is in the entry, and nothing rules it out."""
        if self.needs is not None and not self.needs.met_by(analysis):
            return False
        if self.unless is None:
            return True
        return not any(self.unless.search(_plain(s.text)) for s in analysis.sentences)


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


def _plain(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def _words(raw: list[str]) -> re.Pattern[str]:
    """One pattern from a list of word patterns, each matched from a word boundary."""
    return re.compile("|".join(rf"(?<!\w)(?:{w})" for w in raw))


def _reflection(raw: dict[str, Any]) -> Reflection:
    when = dict(raw["when"])
    unknown = set(when) - set(TIERS)
    if unknown or not when:
        msg = f"reflections.json: {raw.get('id')} has an unknown or empty 'when'."
        raise ContentError(msg)
    needs = None
    if "needs" in raw:
        needs = Needs(str(raw["needs"]["in"]), _words(list(raw["needs"]["words"])))
    unless = _words(list(raw["unless"])) if "unless" in raw else None
    return Reflection(str(raw["id"]), when, str(raw["text"]), int(raw["lesson"]), needs, unless)


@lru_cache(maxsize=1)
def reflections() -> tuple[Reflection, ...]:
    """Every reflection shipped with Tidewise (parsed once, then cached)."""
    path = package_files.files("tidewise.lessons").joinpath("content/reflections.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        found = tuple(_reflection(item) for item in raw)
    except (ValueError, KeyError, TypeError, re.error):
        msg = "reflections.json does not follow its format."
        raise ContentError(msg) from None
    if len({r.id for r in found}) != len(found):
        msg = "reflections.json: two reflections share an id."
        raise ContentError(msg)
    return found


def detect_factor(analysis: EntryAnalysis) -> str | None:
    """The factor question the entry's own words point to, if any (sentence by sentence,
    so a cue never spans two sentences)."""
    texts = [_plain(s.text) for s in analysis.sentences]
    return next((name for name, cue in _FACTOR_CUES if any(cue.search(t) for t in texts)), None)


def _facts(analysis: EntryAnalysis, recent_turn: str | None, factor: str | None) -> dict[str, Any]:
    # "Still" is only true of an entry that shows no phase at all; otherwise the phase is
    # what the person wrote about, however evenly they wrote it.
    flat = analysis.movement != "still" or analysis.phase == "neutral"
    return {
        "phase": analysis.phase,
        "movement": analysis.movement if flat else None,
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
    if HARM_TO_OTHERS in kinds:
        parts.append(_HARM_TO_OTHERS_TEXT)
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
    candidates = [r for r in reflections() if fits(r, facts) and r.true_to(analysis)]
    for tiers in _POOLS:
        pool = [r for r in candidates if r.tier in tiers]
        if pool:
            # Words the person actually wrote come before general ones, then the tier order.
            chosen = min(
                pool, key=lambda r: (r.needs is None, tiers.index(r.tier), _rank(r.id, seed))
            )
            return Reply(
                kind="reflection", text=chosen.text, reflection_id=chosen.id, lesson=chosen.lesson
            )
    # Nothing fits (content gap): a quiet, safe default rather than silence.
    return Reply(
        kind="reflection",
        text="Thank you for writing today. What stands out to you as you read it back?",
    )

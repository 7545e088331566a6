# ruff: noqa: E501  (a table of regular expressions: one rule per entry reads better than wrapped)
"""The safety screen's two-sentence window: risk spread over two adjacent sentences.

People write in short sentences when things are at their worst: "I went to the bridge.
I stood there an hour." Neither sentence says enough alone. Each window rule is a pair
of patterns, one for a sentence and one for the sentence right after it, on normalised
text. A window hit is "possible" (a gentle check-in), never more: joining sentences can
join innocent ones too, and a clear hit inside either sentence is already caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tidewise.analysis.safety_implied import POSSIBLE
from tidewise.analysis.safety_patterns import DANGER, HARM_TO_OTHERS, SELF_HARM

_PLACE = r"(?:bridge|cliffs?|cliff edge|tracks|railway(?: line)?|train line|level crossing|roof|rooftop|top floor|multi-?storey|car park roof|ledge|viaduct|quarry|reservoir|the pier|the dam|overpass)"
_MEANS = r"(?:gun|rifle|shotgun|pistol|pills|tablets|painkillers|sleeping (?:pills|tablets)|blade|blades|razor|rope|noose|belt|knife|cord)"
_PARTNER = r"(?:he|she|they|my (?:husband|wife|partner|ex|boyfriend|girlfriend))"
_TARGET = r"(?:her|him|them|the (?:ow|om|ap|other woman|other man)|his (?:mistress|girlfriend)|her (?:boyfriend|lover))"
_HARM = r"(?:kill|hurt|stab|strangle|choke|shoot|poison|beat|batter|punch|run (?:her|him|them) (?:over|off the road)|push (?:her|him|them)|set fire to|throw acid|go for)"


@dataclass(frozen=True)
class WindowRule:
    kind: str
    name: str
    first: re.Pattern[str]
    second: re.Pattern[str]
    level: str = POSSIBLE


def _rule(kind: str, name: str, first: str, second: str) -> WindowRule:
    return WindowRule(kind, name, re.compile(first), re.compile(second))


WINDOW_RULES: tuple[WindowRule, ...] = (
    _rule(
        SELF_HARM,
        "at the place, lingering",
        rf"\b(?:went|go|going|drove|drive|driving|walked|walk|walking|got the bus|cycled|ended up|found myself|climbed|stood|sat|parked)\b[^.!?]*\b(?:to|at|on|by|up|onto|near|along) (?:the |a |that )?(?:edge of the |top of the |top of a )?{_PLACE}\b",
        r"\b(?:stood there|sat there|stayed there|stayed|waited|wait(?:ing)? for (?:the|a) (?:next )?train|an hour|hours|for ages|a long time|looked down|looking down|the drop|how high|the water|didn't want to (?:come back|go home|leave)|did(?:n't| not) come (?:back|home)|nearly|almost|couldn't|the edge|let go|jump\w*|step(?:ped)? (?:off|out)|climb\w* over|the railing)\b",
    ),
    _rule(
        SELF_HARM,
        "means, then readiness",
        rf"\b{_MEANS}\b",
        r"\b(?:held (?:it|them)|holding (?:it|them)|tonight (?:is|feels like|could be|will be) the night|it's time|it is time|i'm ready|i am ready|no more waiting|enough to|took (?:it|them) (?:in )?with me|in with me|counted (?:them|it)|keep (?:looking at|thinking about) (?:it|them)|for a long time|for ages|just in case|how easy it would be|how quick|thinking about using)\b",
    ),
    _rule(
        SELF_HARM,
        "the bath, then a means",
        r"\b(?:ran|run|running|filled|fill|got in|getting in|lay in|lying in) (?:a |the |my )?bath\b",
        rf"\b(?:{_MEANS}|under the water|under water|didn't want to get out|slid down|stay under)\b",
    ),
    _rule(
        DANGER,
        "a threat, then a weapon or hands",
        rf"\b{_PARTNER}\b[^.!?]*\b(?:said|told me|warned|threatened|screamed|shouted)\b[^.!?]*\b(?:consequences|regret|sorry|if i leave|if i go|if i tell|you'll see|you will see|pay for|see what happens|last time)\b|\bi (?:told|said to|asked) (?:him|her|them)\b[^.!?]*\b(?:divorce|leaving|i want out|separat\w*|moving out|it's over|it is over)\b",
        rf"\b{_PARTNER}\b[^.!?]*\b(?:went and got|fetched|picked up|grabbed|took out|came back with|reached for|got out)\b[^.!?]*\b(?:knife|knives|gun|rifle|shotgun|bat|hammer)\b|\b{_PARTNER}\b[^.!?]*\b(?:grabbed me|pinned me|pushed me|shoved me|went for me|came at me|came for me|put (?:his|her|their) hands? (?:on|round|around) my)\b",
    ),
)


WINDOW_RULES = (
    *WINDOW_RULES,
    _rule(
        HARM_TO_OTHERS,
        "wanting to harm them, then a plan",
        rf"\bi(?: really| just)?(?: |(?='d))(?:want|wanna|'d like|would like|could|am going|'m going|will|'ll)(?: to)? (?:[\w']+ ){{0,2}}?{_HARM}\b[^.!?]*\b{_TARGET}\b|\bi(?: really| just)?(?: |(?='d))(?:want|wanna|'d like|would like)(?: to)? (?:[\w']+ ){{0,2}}?{_HARM} {_TARGET}\b",
        r"\b(?:i(?:'ve| have) planned|i have a plan|i know (?:where|when|how)|i(?:'ve| have) (?:checked|followed|worked out|found out|bought|got)|no cameras|nobody(?:'s| is) there|properly|really (?:hurt|badly)|the nerve|(?:tonight|friday|thursday|saturday|this week)(?:'s| is) the night)\b",
    ),
    _rule(
        SELF_HARM,
        "a note, addressed",
        r"\b(?:written|wrote|writing|left|finished) (?:the|a|my) (?:note|letter|letters)\b",
        r"\b(?:addressed to|for (?:him|her|them|the kids) to find|(?:he|she|they)(?:'ll| will) find it|after i'm gone|lists every|sealed)\b",
    ),
)


def window_hits(texts: list[str], already: set[int]) -> list[tuple[int, WindowRule]]:
    """(index of the first sentence, rule) for each window rule that joins sentence i and
    i + 1, when neither of them raised a concern on its own (normalised texts)."""
    found = []
    for index in range(len(texts) - 1):
        if index in already and index + 1 in already:
            continue
        first, second = texts[index], texts[index + 1]
        for rule in WINDOW_RULES:
            if rule.first.search(first) and rule.second.search(second):
                found.append((index, rule))
    return found

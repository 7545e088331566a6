"""The cue library: explainable patterns that sit beside the embedding.

Each cue is a named regular expression with the label it speaks for. They are
features of the classifier (their weights are learnt, not trusted), the evidence a
person sees highlighted, and, on their own, the keyword baseline the benchmark prints.
Patterns run on a lowercased copy of the sentence with curly apostrophes made
straight, so match offsets are offsets into the sentence itself. They are written for
real writing: "dont", "im", "cant" and other apostrophe-free spellings match too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIRST = r"(?:i|i'm|im|i am|i feel|i felt|i was|feel(?:ing)? like|i'm such|im such|i'm just)"
_NEG = r"(?:didn'?t|don'?t|won'?t|can'?t|couldn'?t|wouldn'?t|not|never|no longer|refus\w*)"
_PARTNER = (
    r"(?:he|she|they|him|her|them|my (?:husband|wife|partner|h|w|bf|gf|boyfriend|girlfriend"
    r"|fianc\w*|spouse|ws)|the ws)"
)


@dataclass(frozen=True)
class Cue:
    """A named pattern that speaks for one label."""

    name: str
    label: str
    pattern: re.Pattern[str]


def _cue(name: str, label: str, pattern: str) -> Cue:
    return Cue(name, label, re.compile(pattern))


CUES: tuple[Cue, ...] = (
    # The inner critic about closeness.
    _cue(
        "wrong_with_me",
        "attachment_shame",
        r"what'?s? (?:is )?wrong with me|what kind of (?:a )?\w+ (?:am i|does (?:that|this) make)"
        r"|what does (?:that|this|it) (?:say|make) (?:about )?me|who even am i",
    ),
    _cue(
        "self_addressed_you",
        "attachment_shame",
        r"get a grip|pull yourself together|have some (?:dignity|self[- ]?respect|pride)"
        r"|you (?:idiot|fool|moron|clown|dummy|sucker)|snap out of it|what are you doing"
        r"|are you (?:kidding|serious|insane|crazy|stupid)|you'?re (?:pathetic|so stupid|a joke"
        r"|an idiot|a fool|weak|ridiculous)|wake up,|come on,? \w+,",
    ),
    _cue(
        "self_respect",
        "attachment_shame",
        r"self[- ]?respect|dignity|backbone|\bspine\b|doormat|pushover|grown (?:wo)?man"
        r"|\bpride\b|know (?:my|your) worth|a sucker|desperate|needy",
    ),
    _cue("guilty", "attachment_shame", r"\bguilt(?:y|ily)?\b"),
    _cue(
        "staying",
        "attachment_shame",
        r"\bstill (?:here|with|love|want|stay|in this|married|sleeping|wearing)"
        r"|why (?:am i|do i|did i) (?:still|stay)|for staying|staying with|took (?:him|her|them)"
        r" back|went back|what would (?:people|they|my \w+) think|if (?:my|people|anyone) knew",
    ),
    _cue(
        "self_contempt",
        "attachment_shame",
        _FIRST + r"\b[^.?!]{0,25}\b(?:pathetic|stupid|weak|idiot|fool|joke|loser|crazy|insane"
        r"|nuts|ridiculous|embarrass\w*|ashamed|disgust\w*|gross|dumb|clown|hypocrite)\b"
        r"|hate myself|hate that i|ashamed of myself|disgusted (?:with|by|at) myself"
        r"|embarrassed (?:of|for|by) myself|can'?t respect myself|kick myself",
    ),
    # Shame from the rupture: worth, comparison, blame.
    _cue(
        "worth",
        "disconnection_shame",
        r"\b(?:not (?:good )?enough|wasn'?t (?:good )?enough|never (?:good )?enough|worthless"
        r"|unlovable|unwanted|undesirable|replaceable|replaced|ugly|fat|plain|boring"
        r"|second (?:best|choice|place)|plan b|prettier|younger|thinner|hotter|sexier|skinnier"
        r"|better than me|compar\w+|my body|the mirror|not wanted|invisible|disposable)\b",
    ),
    _cue(
        "self_blame",
        "disconnection_shame",
        r"\b(?:my fault|to blame|blame myself|should(?: have|'ve|a|ve) (?:known|seen|noticed|been)"
        r"|how did i (?:not|miss)|didn'?t see it|what did i do|if i had|if i'd|i drove (?:him|her)"
        r"|pushed (?:him|her|them) (?:to|into)|what does (?:she|he|they) have)\b",
    ),
    _cue(
        "humiliation",
        "disconnection_shame",
        r"\b(?:humiliat\w*|everyone knew|everybody knew|laughing at me|made a fool|fooled|naive"
        r"|the last to know|so stupid for not|idiot for not|played me|played for)\b",
    ),
    # Punishing: anger and contempt aimed at the partner.
    _cue(
        "anger_at_partner",
        "punishing",
        r"\b(?:hate (?:him|her|them|his|their)|despise|furious|rage|raging|livid|pissed|angry"
        r"|mad at|scream\w*|yell\w*|shout\w*|fight|fought|argu\w*|snapp?ed|slamm?ed|swore"
        r"|curs(?:e|ed|ing) (?:at|him|her)|bastard|asshole|arsehole|liar|cheater|coward|pig"
        r"|prick|bitch|piece of|jerk|can'?t stand|sick of (?:him|her|them|his|their)|glar\w*"
        r"|sneer\w*|mock\w*|roll(?:ed)? my eyes)\b",
    ),
    _cue(
        "making_pay",
        "punishing",
        r"\b(?:deserves?|make (?:him|her|them) pay|pay for|suffer|punish\w*|remind(?:ed)? (?:him"
        r"|her|them)|throw\w* (?:it|the affair|that) (?:in|at)|threw (?:it|the affair|that) (?:in"
        r"|at)|(?:squirm|flinch|cry|grovel)\b|dog ?house|let (?:him|her|them) (?:stew|sweat)"
        r"|brought up (?:the affair|her|him)|jab|dig at|a little dig|sarcas\w*)",
    ),
    # Withdrawing: distance, rooms, touch refusal, shutting down.
    _cue(
        "distance",
        "withdrawing",
        r"\b(?:guest room|spare room|couch|sofa|separate (?:rooms|beds|bedrooms)|sle(?:ep|pt)"
        r"(?:ing)? (?:alone|apart)|moved out|lock(?:ed)? (?:the|my) door|walls?(?: are| went)? up"
        r"|shut (?:down|\w+ out|off|the door)|shutting (?:down|\w+ out)|numb|distance|space"
        r"|avoid\w*|ignor\w*|pull(?:ed|ing)? away|arm'?s length|to myself|went quiet|silent"
        r"|stonewall\w*|headphones|pretend(?:ed)? to be asleep|turn(?:ed)? away|left the room"
        r"|walked out|door (?:shut|closed)|not ready|keep (?:him|her|them) out|safer|guard(?:ed)?"
        r"|block(?:ed)?|went cold|gone cold|cold)\b",
    ),
    _cue(
        "negated_movement",
        "withdrawing",
        r"\b" + _NEG + r"(?: \w+){0,2} (?:want|let|hug|kiss|touch|reach|hold|talk|look|sit|sleep"
        r"|answer|reply|respond|open up|let (?:him|her|them) in)\b",
    ),
    _cue(
        "touch_refusal",
        "withdrawing",
        r"(?:don'?t|do not|stop) touch|moved (?:his|her|their) hand|pulled my hand|recoil\w*"
        r"|flinch(?:ed)? when|stiffen\w*|froze|freez\w*|tense(?:d)? up",
    ),
    # Exhaustion: worn out, lonely, missing the connection, wanting the war to stop.
    _cue(
        "worn_out",
        "exhaustion",
        r"\b(?:tired|exhaust\w*|worn (?:out|down)|drain\w*|weary|burn(?:ed|t) out|so done"
        r"|can'?t (?:do|keep|go on|live|take) (?:this|it|doing|going|living|like)|no energy"
        r"|running on empty|how much longer|give up|can'?t anymore|anymore)\b",
    ),
    _cue(
        "missing",
        "exhaustion",
        r"\b(?:i miss|miss (?:him|her|them|us|the|when|how|being|having|my|our|who)|missing"
        r"|lonely|loneliness|alone|isolat\w*|roommates|strangers|empty|hollow)\b",
    ),
    _cue(
        "ceasefire",
        "exhaustion",
        r"\b(?:want (?:this|it|the \w+|us) to (?:stop|end|be over)|stop fighting|make it stop"
        r"|ceasefire|truce|the war|just want (?:peace|normal|quiet|one)|no more fighting)\b",
    ),
    # Reaching: warmth, closeness, trust, desire.
    _cue(
        "closeness",
        "reaching",
        r"\b(?:love(?:d)? (?:him|her|them|it when)|kiss\w*|hug\w*|cuddl\w*|held (?:me|him|her"
        r"|them|hands|his|her)|hold (?:me|him|her|them|hands)|holding hands|sex|made love"
        r"|intima\w*|lean(?:ed)? on|date night|laugh\w* together|enjoy\w*|butterflies"
        r"|soft(?:en\w*|er)?|warm\w*|tender|closer|trust\w*|hop(?:e|ed|eful|ing)|let (?:him|her"
        r"|them) (?:in|hold|kiss|touch|stay)|reach(?:ed)? for|snuggl\w*|good night|nice (?:day"
        r"|evening|night)|lovely|sweet|felt safe|like old times|like us again)\b",
    ),
    # Neutral: logistics and questions to others.
    _cue(
        "logistics",
        "neutral",
        r"\b(?:counsel\w*|therap\w*|mc|ic|appointment|session|lawyer|attorney|kids?|school"
        r"|schedule|book|podcast|dday|d-day|update|context|for context|months? out|weeks? out"
        r"|years? out)\b",
    ),
    _cue(
        "ask_others",
        "neutral",
        r"\b(?:has anyone|does anyone|anyone else|any advice|how do (?:you|people)|how did you"
        r"|tips|recommend\w*|what helped)\b",
    ),
)

CUE_LABELS: tuple[str, ...] = tuple(sorted({cue.label for cue in CUES}))

PARTNER_FIRST = re.compile(r"^\W*" + _PARTNER + r"\b")
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|my|myself|mine)\b")
I_SUBJECT = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd)\b")
YOU = re.compile(r"\b(?:you|you'?re|your|yourself|u|ur)\b")
NEGATION = re.compile(r"\b" + _NEG + r"\b|\bnot\b|n't\b")
SELF_QUESTION = re.compile(
    r"(?:^|[.!?]\s*)\W*(?:what|why|how|where|who)\b[^?]*\b(?:i|me|my|myself|im|i'm)\b[^?]*(?:\?|$)"
)

# ruff: noqa: E501  (a table of regular expressions: one cue per entry reads better than wrapped)
"""Distance from the crisis: what lowers a hit of the safety screen (issue 12, round 2).

The rules and the learned layer read words such as "suicidal", "overdose" or "cut my
arms" wherever they stand, so writing that is about the past ("two years ago I was
suicidal; now I am in therapy"), denied ("I'm not suicidal, I'm furious"), someone
else's story or a film, a prescription, or an ordinary accident raised the same alarm
as a crisis. A clinician reads those words and the distance around them together. So
does this module, on normalised text (see `safety.normalise`):

- time distance: "years ago", "used to", "when I was nineteen", "back in 2019";
- resolution: "now I'm in therapy", "haven't since", "glad I'm still here";
- denial of the concern, in the sentence or the next one: "I'm not going to hurt
  myself", "he has never been violent", "I told her no";
- another person's story or the media: "my friend's sister", "in the film";
- prescribed or medical context: "my doctor prescribed", "as directed";
- an everyday accident: "while cooking", "by accident", "at the gym".

What it decides (`distance`): a clear hit is lowered to "possible" (a gentle
"are you safe right now?" instead of the help reply) when any cue applies; it is set
aside only when the sentence plainly says it is past and resolved (a denial of the
very words is already handled by `safety.is_negated`). Nothing is ever lowered when
the hit is told in the present tense, or when the sentence (or the one after it)
speaks of a present plan, intent or means (`PRESENT_RISK`), or of doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tidewise.analysis.safety_patterns import DANGER, SELF_HARM

KEEP = "keep"
LOWER = "lower"  # clear -> possible
DROP = "drop"  # set aside
OTHERS_CUE = "someone else's story"

_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d+|many|several|a few|a couple of|some|so many)"

# The words are about an earlier time.
PAST = re.compile(
    rf"\b(?:{_NUMBER} (?:days?|weeks?|months?|years?|decades?) ago|(?:years|months|ages|a long time|a while|long) ago|"
    r"(?:i|we) used to|when i was (?:a |in |at |younger|little|small|young|\w+teen|\d+|twenty|thirty|pregnant|at uni|at school|a student)|"
    r"as a (?:teen(?:ager)?|kid|child|student|young (?:woman|man|adult))|in my (?:teens|twenties|thirties|youth|late teens|early twenties)|"
    r"back (?:then|when|in (?:the day|school|uni|college|my (?:teens|twenties|youth))|in (?:19|20)\d\d)|in (?:19|20)\d\d|at (?:uni|university|school|college)|in (?:high|secondary) school|"
    r"(?:last|that) (?:year|spring|summer|autumn|fall|winter)|the year (?:after|before|that)|in the past|"
    r"once upon a time|before (?:i met|the kids|we married|we got married|my son|my daughter|therapy|treatment)|"
    r"(?:my|the) (?:old|previous|first) (?:marriage|relationship|life)|"
    r"my (?:last|first|previous|old) (?:attempt|admission|episode)|"
    r"(?:after|during|in) (?:my|the) (?:divorce|first marriage|breakdown) (?:years|long) ago)\b"
)
# The words say it is over now.
RESOLVED = re.compile(
    r"\b(?:(?:now|these days|today) i(?:'m| am)? (?:in therapy|in recovery|seeing (?:a|someone|my)|doing (?:much |so )?(?:better|well|ok|okay)|ok|okay|safe|stable|well|happy|glad|grateful|better)|"
    r"in therapy|in recovery|recovered|got (?:help|better|through it)|came through|made it through|"
    r"(?:haven't|have not|never) (?:done it|done that|felt that|felt like that|tried again|hurt myself|cut|relapsed|gone back)(?: again| since)?|"
    r"since then|never again|not since|(?:been )?(?:clean|stable|well|free|safe) for|"
    r"(?:glad|grateful|thankful|happy|proud) (?:i'm|i am|to be) (?:still )?(?:here|alive)|"
    r"(?:glad|grateful|thankful) (?:it|i) (?:didn't|did not|failed|survived)|"
    r"(?:that|it|those (?:thoughts|feelings|days)|that time) (?:has|have|is|are) (?:passed|gone|over|behind me)|"
    r"behind me|(?:long )?over now|proud of (?:how far|myself|where i am)|"
    r"(?:the|my) (?:care|treatment|therapy|meds|medication|doctor|team|counsell?or) (?:there |then )?(?:saved|helped|works|worked)|"
    r"saved my life)\b"
)
# The words are denied as they stand: the concern is not there.
DENIAL = re.compile(
    r"\b(?:(?:i'm|i am|i was) not (?:suicidal|going to (?:hurt|harm|kill|do anything|do something)|in (?:any )?danger|unsafe|at risk|thinking (?:of|about) (?:ending|killing|hurting|suicide)|scared of (?:him|her|them))|"
    r"i (?:would|will|'d|'ll) never (?:hurt|harm|kill|do (?:it|that|anything))|"
    r"(?:i|we) have no (?:plan|plans|intention|intent)|no (?:plans?|intention) (?:to|of) (?:hurt|harm|kill|do|act|end)|"
    r"i(?:'m| am) (?:safe|not in danger|okay, really|fine, really)|(?:no one|nobody|none of us) (?:is|was) in (?:any )?danger|"
    r"(?:he|she|they|my (?:husband|wife|partner|ex)) (?:has|have|had|is|was) (?:never|not) (?:been )?(?:violent|dangerous|hit|hurt|touched|threatened|laid a (?:hand|finger))|"
    r"(?:he|she|they) would never (?:hurt|hit|touch|harm)|"
    r"(?:i )?didn't mean it|not literally|figuratively|(?:just|only) (?:a |an )?(?:figure of speech|expression|joke|joking)|"
    r"^no[,.!]|(?:i )?just (?:need|needed|want|wanted) to (?:vent|get (?:it|this) out|say it|write it down))\b"
)
# The writer answering no to a question about safety (the question in the sentence or the one before).
ANSWERED_NO = re.compile(
    r"\b(?:told|tell|said|answered|say) (?:(?:her|him|them|the (?:doctor|nurse|gp|therapist|counsell?or)) )?(?:no|that i'm not|that i am not|honestly no)\b"
)
ASKED = re.compile(r"\b(?:asked|asks|ask|asking) (?:me )?(?:if|whether)\b")
# Someone else's story, or the media: the words are not about the writer.
OTHERS = re.compile(
    r"\b(?:my|our|his|her|a|the) (?:friend|friend's|colleague|coworker|co-worker|neighbou?r|cousin|aunt|uncle|sister|brother|sister-in-law|brother-in-law|mum's|mom's|dad's|client|patient|student|classmate|niece|nephew|grandfather|grandmother|grandad|grandma)(?:'s)?\b|"
    r"\b(?:film|movie|documentary|novel|podcast|article|headline|character|heroine|narrator|soap)\b"
)
# The writer in the first person: a story about others does not lower these.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b")
# Media: the words come from a film, a book, the news.
MEDIA = re.compile(
    r"\b(?:in|on|from|watched|watching|read|reading|saw|heard|about) (?:the|a|an|that|this) (?:film|movie|show|series|episode|documentary|novel|book|podcast|article|news|headline|song|play|chapter|story|soap|drama|thread|forum post)\b|\bthe (?:character|heroine|hero|narrator|main character)\b"
)
# Prescribed or medical context.
MEDICAL = re.compile(
    r"\b(?:prescri\w+|my (?:doctor|gp|psychiatrist|nurse|pharmacist|consultant)|the (?:doctor|gp|pharmacist|pharmacy|chemist|surgery|clinic|hospital|nurse)|as directed|dosage|dose|refill|repeat prescription|pill (?:box|organi[sz]er)|blister pack|side effects?|surgery|operation|stitches|a&e|the er|physio|injection|blood test)\b"
)
# An everyday accident or the body at work or play.
EVERYDAY = re.compile(
    r"\b(?:while|when) (?:cooking|chopping|baking|shaving|ironing|gardening|cleaning|slicing|cutting (?:the|some|an?|vegetables|onions|bread)|making|running|climbing|cycling|hiking|playing)|"
    r"\b(?:by accident|accidentally|clumsy|clumsily|(?:on|with) the (?:oven|iron|grater|mandoline|baking tray|barbecue|bbq) (?:while|when|making|cooking)|"
    r"at the gym|workout|my trainer|leg day|spin class|paper cut|sunburn\w*|tattoo)\b"
)
# Present plan, intent or means, or doubt: these are never lowered.
PRESENT_RISK = re.compile(
    r"\b(?:again|lately|recently|these days i (?:want|think|keep|can't)|tonight|tomorrow|this (?:week|weekend|morning|evening|afternoon)|right now|"
    r"(?:it's|they're|the thoughts are|the urges? (?:is|are)) (?:back|coming back|returning)|creeping back|came back|started again|"
    r"i (?:still|keep|can't stop) (?:want|wanting|think|thinking|wish|wishing|picture|picturing|feel|feeling)|still (?:want|wish|think about)|"
    r"miss (?:it|cutting|the relief)|urges?|craving|"
    r"(?:i'm|i am|i'll|i will) (?:going to|gonna|ready to)|(?:my|a|the) plan (?:is|for)|planning|"
    r"stockpil\w*|hoard\w*|saving (?:up )?(?:my |the )?(?:pills|tablets|meds)|enough (?:pills|tablets|meds)|the whole (?:bottle|packet|box)|all (?:of )?(?:them|my pills|my tablets)|"
    r"(?:have|got|bought|hid|hidden|keep) (?:a |the |some |my )?(?:rope|noose|gun|blades?|razor|pills|tablets|hose)|"
    r"not sure|unsure|can't promise|don't know if|scared (?:i|that i)|afraid (?:i|that i)|worried (?:i|that i)|don't trust myself|"
    r"(?:is|are|it's|they're|was) back|(?:the )?same (?:fog|feeling|thoughts|place|hole|darkness|urge)|familiar|like (?:back )?then|"
    r"i(?:'ve| have) been \w+ing|on purpose|deliberately|to feel (?:something|it)|to punish|"
    r"(?:not|n't) (?:\w+ ){0,3}(?:today|tonight|right now|yet)|the most i can|"
    r"i lied|lying|wasn't true|not true|i hadn't|said i'd lost|early|extra (?:pills|tablets|prescription)|"
    r"but (?:lately|recently|it's back|they're back|tonight|now (?:i want|i wish|i can't|it's|they're)))\b"
)
# Harm told in the present tense: no cue lowers these words.
_PRESENT_WORDS = re.compile(
    r"\b(?:want|wants|wanna|wish|wishing|am|i'm|is|are|going to|gonna|plan|planning|thinking|can't|cannot|need|ready|keep|will|'ll)\b"
)
# For the learned layer, which names no words: the writer's own present wish or intent.
_PRESENT_INTENT = re.compile(
    r"\bi(?:'m| am)? (?:just |really |still |honestly )?(?:want|wish|need|plan|am going to|'m going to|going to|can't (?:go on|do this|keep|stop|take)|keep|will|'ll|think about (?:dying|ending|killing|hurting))\b"
)


@dataclass(frozen=True)
class Distance:
    """The decision for one hit, and the cue that made it (empty when kept)."""

    action: str  # KEEP, LOWER or DROP
    cue: str = ""


def _present_words(sentence: str, words: str) -> bool:
    """True when the hit is told in the present tense: its own words (not "used to ..."),
    or, for the learned layer (no words), the writer's own present wish or intent."""
    if not words:
        return bool(_PRESENT_INTENT.search(sentence))
    where = sentence.find(words)
    if where < 0 or not _PRESENT_WORDS.search(words):
        return False
    return not re.search(r"\b(?:used to|would)\s*(?:\w+\s+){0,2}$", sentence[:where])


def distance(kind: str, sentence: str, around: tuple[str, str], words: str) -> Distance:
    """What to do with one hit of `kind` on `sentence` (normalised), given the sentences
    before and after it (normalised, or "") and the words that fired ("" for the learned
    layer). Kept whenever present plan, intent, means or doubt is in sight."""
    before, after = around
    if PRESENT_RISK.search(sentence) or PRESENT_RISK.search(after):
        return Distance(KEEP)
    others = _someone_else(kind, sentence, words)
    if _present_words(sentence, words):
        return Distance(LOWER, OTHERS_CUE) if others and words else Distance(KEEP)
    if PAST.search(sentence):
        if RESOLVED.search(f"{sentence} {after}"):
            return Distance(DROP, "past and resolved")
        return Distance(LOWER, "in the past")
    if RESOLVED.search(sentence):
        return Distance(LOWER, "resolved")
    asked = ASKED.search(before) or ASKED.search(sentence)
    if any(DENIAL.search(text) for text in (before, sentence, after)) or (
        asked and any(ANSWERED_NO.search(text) for text in (sentence, after))
    ):
        return Distance(LOWER, "denied")
    if others:
        return Distance(LOWER, OTHERS_CUE)
    if kind == SELF_HARM and MEDICAL.search(sentence):
        return Distance(LOWER, "medical context")
    if kind == SELF_HARM and EVERYDAY.search(sentence):
        return Distance(LOWER, "an everyday accident")
    return Distance(KEEP)


def _someone_else(kind: str, sentence: str, words: str) -> bool:
    """The words tell another person's story or the media's, not the writer's own: for
    danger (always to the writer), only the media; otherwise another person named and
    the words not in the first person."""
    if MEDIA.search(sentence):
        return not FIRST_PERSON.search(words or sentence)
    return kind != DANGER and bool(OTHERS.search(sentence)) and not FIRST_PERSON.search(words or sentence)

# ruff: noqa: E501  (a table of regular expressions: one cue per entry reads better than wrapped)
"""Distance from the crisis: what lowers a hit of the safety screen (issue 12, round 2).

The rules and the learned layer read words such as "suicidal", "overdose" or "cut my
arms" wherever they stand, so writing that is about the past ("two years ago I was
suicidal; now I am in therapy"), denied ("I'm not suicidal, I'm furious"), someone
else's story or a film, a prescription, or an ordinary accident raised the same alarm
as a crisis. A clinician reads those words and the distance around them together. So
does this module, on normalised text (see `safety_text.normalise`):

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
from collections.abc import Sequence
from dataclasses import dataclass

from tidewise.analysis.safety_patterns import DANGER, SELF_HARM

KEEP = "keep"
LOWER = "lower"  # clear -> possible
DROP = "drop"  # set aside
OTHERS_CUE = "someone else's story"
PAST_AND_RESOLVED = "past and resolved"

_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|\d+|many|several|a few|a couple of|some|so many)"
_UNITS = r"(?:days?|weeks?|months?|years?|decades?)"

# The words are about an earlier time.
PAST = re.compile(
    rf"\b(?:{_NUMBER} {_UNITS} (?:ago|back|on|since|later)|(?:years|months|ages|a long time|a while|long) ago|(?:it's|it has) been {_NUMBER} {_UNITS}|"
    r"(?:i|we) used to|when i was (?:a |in |at |younger|little|small|young|\w+teen|\d+|twenty|thirty|pregnant|at uni|at school|a student)|"
    r"as a (?:teen(?:ager)?|kid|child|student|young (?:woman|man|adult))|in my (?:teens|twenties|thirties|youth|late teens|early twenties)|"
    r"back (?:then|when|in (?:the day|school|uni|college|my (?:teens|twenties|youth))|in (?:19|20)\d\d)|in (?:19|20)\d\d|that was (?:19|20)\d\d|at (?:uni|university|school|college)|in (?:high|secondary) school|"
    r"(?:last|that) (?:year|spring|summer|autumn|fall|winter)|this time last year|the year (?:after|before|that)|in the past|"
    r"once upon a time|before (?:i met|the kids|we married|we got married|my son|my daughter|therapy|treatment)|"
    r"(?:my|the) (?:old|previous|first) (?:marriage|relationship|life)|(?:the|my) (?:first|worst) (?:time|year|months|weeks)|the worst of it|"
    r"my (?:last|first|previous|old) (?:attempt|admission|episode)|(?:the )?anniversary of|"
    r"when i first (?:found out|learned|heard|discovered)|there was a time|the first time round|past me|the old me|old (?:entries|journals?|journal pages|diaries)|"
    r"i remember (?:when|the night|the day|how)|i had a plan once|once, (?:years|long)|"
    r"(?:i'm|i am) not the (?:woman|man|person|one) who|"
    r"(?:after|during|in) (?:my|the) (?:divorce|first marriage|breakdown) (?:years|long) ago)\b"
)
# The words say it is over now.
RESOLVED = re.compile(
    r"\b(?:(?:now|these days|today) i(?:'m| am)? (?:in therapy|in recovery|seeing (?:a|someone|my)|doing (?:much |so )?(?:better|well|ok|okay)|ok|okay|safe|stable|well|happy|glad|grateful|better|write about|just sad)|"
    r"in therapy|in recovery|recovered|got (?:help|better|through it|up)|came through|made it through|reached out|"
    r"(?:haven't|have not|never) (?:done it|done that|felt that|felt like that|tried again|hurt myself|cut|relapsed|gone back|mentioned)(?: again| since)?|"
    r"since then|never again|not since|(?:been )?(?:clean|stable|well|free|safe) for|\w+ (?:years?|months?) free|(?:a |one |two )?years? without|"
    r"(?:glad|grateful|thankful|happy|proud) (?:i'm|i am|to be|of it)|(?:i'm|i am) still here|still here|"
    r"(?:glad|grateful|thankful) (?:it|i) (?:didn't|did not|failed|survived|held on)|held on|"
    r"(?:that|it|those (?:thoughts|feelings|days)|that time|the thoughts) (?:has|have|is|are|were) (?:passed|gone|over|behind me|not there|n't there)|"
    r"behind me|(?:long )?over now|proud|much better place|better place now|i'm okay|i am okay|it's okay now|"
    r"(?:the|my) (?:care|treatment|therapy|meds|medication|doctor|team|counsell?or|gp) (?:there |then )?(?:saved|helped|works|worked)|"
    r"(?:has|have|really) helped|saved (?:my life|me)|i want to (?:live|be alive|see how)|(?:they|the kids|my kids) need me|"
    r"not part of my life|a different person|barely recognise|i've got the tools|the tools now|instead|"
    r"(?:safe|fine|okay|ok), really|really safe|sleep through the night|(?:dbt|cbt|emdr|therapy|counselling)\b[^.!?]{0,30}\b(?:helped|worked|works)|"
    r"don't want to die anymore|do not want to die anymore|not (?:suicidal|like that) anymore|stopped when)\b"
)
# The words are denied as they stand: the concern is not there.
DENIAL = re.compile(
    r"\b(?:(?:i'm|i am|i was) not (?:suicidal|going to (?:hurt|harm|kill|do anything|do something)|in (?:any )?danger|unsafe|at risk|thinking (?:of|about) (?:ending|killing|hurting|suicide)|scared of (?:him|her|them))|"
    r"i (?:would|will|'d|'ll) never (?:hurt|harm|kill|do (?:it|that|anything))|i do not want to die|i don't want to die(?! (?:alone|like this))|"
    r"(?:i|we) have no (?:plan|plans|intention|intent)|no (?:plans?|intention) (?:to|of) (?:hurt|harm|kill|do|act|end)|"
    r"i(?:'m| am) (?:safe|not in danger|okay, really|fine, really)|(?:no one|nobody|none of us) (?:is|was) in (?:any )?danger|^no danger|not in (?:any )?danger|"
    r"(?:he|she|they|my (?:husband|wife|partner|ex)) (?:has|have|had|is|was) (?:never|not) (?:been )?(?:violent|dangerous|hit|hurt|touched|threatened|laid a (?:hand|finger))|"
    r"(?:he|she|they) would never (?:hurt|hit|touch|harm)|no (?:self[- ]?harm |suicidal )?(?:urges|thoughts of (?:hurting|ending|dying|suicide))|"
    r"(?:i )?didn't mean it|not literally|figuratively|(?:just|only) (?:a |an )?(?:figure of speech|expression|joke|joking)|"
    r"not that i (?:want|don't want|wanted)|i (?:mean|meant) (?:i can't (?:go on|do this) )?like this|(?:ending|end) the (?:marriage|relationship)|"
    r"^(?:no|nope)[,.!]|(?:i )?just (?:need|needed|want|wanted) to (?:vent|get (?:it|this) out|say it|write it down))"
)
# The writer answering no to a question about safety (the question in the sentence or the one before).
ANSWERED_NO = re.compile(
    r"\b(?:told|tell|said|answered|say) (?:(?:her|him|them|the (?:doctor|nurse|gp|therapist|counsell?or)) )?(?:no|that i'm not|that i am not|honestly no)\b"
    r"|^(?:no|nope|i haven't|i have not|i don't|i do not|i'm not|i am not|never|honestly,? no|not at all|not really)\b"
)
ASKED = re.compile(
    r"\b(?:asked|asks|ask|asking) (?:me )?(?:if|whether|about)\b|\b(?:questionnaire|screening questions?|keeps asking)\b"
)
# Someone else's story: another person named, or that person's partner.
OTHERS = re.compile(
    r"\b(?:my|our|his|her|a|the) (?:friend|friend's|colleague|coworker|co-worker|neighbou?r|cousin|aunt|uncle|sister|brother|sister-in-law|brother-in-law|mum's|mom's|dad's|client|patient|student|classmate|niece|nephew|grandfather|grandmother|grandad|grandma|woman|man|girl|boy|lady)(?:'s)?\b|"
    r"\b(?:her|his|their) (?:ex|husband|wife|partner|boyfriend|girlfriend)\b|"
    r"\b(?:suicidal|violent|abused) (?:people|patients|clients|person|women|men|friends?)\b|"
    r"\b(?:film|movie|documentary|novel|podcast|article|headline|character|heroine|narrator|soap|coroner|icu|the ward|my shift|my job|at work)\b"
)
# The writer in the first person: a story about others does not lower these.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b")
# Media: the words come from a film, a book, the news.
MEDIA = re.compile(
    r"\b(?:in|on|from|watched|watching|read|reading|saw|heard|about) (?:the|a|an|that|this) (?:film|movie|show|series|episode|documentary|novel|book|podcast|article|news|headline|song|play|chapter|story|soap|drama|thread|forum post)\b|\bthe (?:character|heroine|hero|narrator|main character)\b"
)
# The partner's own words, quoted ("he shouted 'I can't do this anymore'").
PARTNER_QUOTED = re.compile(
    r"\b(?:he|she|they)\b[^.!?\"']{0,20}\b(?:said|says|shouted|yelled|screamed|texted|wrote|told me)\b,? ?[\"']"
)
# Prescribed or medical context.
MEDICAL = re.compile(
    r"\b(?:prescri\w+|my (?:doctor|gp|psychiatrist|nurse|pharmacist|consultant)|the (?:doctor|gp|pharmacist|pharmacy|chemist|surgery|clinic|hospital|nurse)|as directed|dosage|dose|refill|repeat prescription|pill (?:box|organi[sz]er)|blister pack|side effects?|surgery|operation|stitches|a&e|the er|physio|injection|blood test)\b"
)
# An everyday accident or the body at work or play.
EVERYDAY = re.compile(
    r"\b(?:while|when) (?:cooking|chopping|baking|shaving|ironing|gardening|cleaning|slicing|cutting (?:the|some|an?|vegetables|onions|bread)|making|running|climbing|cycling|hiking|playing)|"
    r"\b(?:by accident|accidentally|clumsy|clumsily|(?:on|with) the (?:oven|iron|grater|mandoline|baking tray|barbecue|bbq) (?:while|when|making|cooking)|"
    r"(?:burnt|burned|scalded|nicked|cut) my ?self on (?:a|the|some) (?!(?:arms?|wrists?|legs?|thighs?|skin|stomach|inside)\b)\w+|glue gun|tug of war|sports day|rope burn|"
    r"at the gym|workout|my trainer|leg day|spin class|paper cut|sunburn\w*|tattoo)\b"
)
# Present plan, intent or means, or doubt: these are never lowered.
PRESENT_RISK = re.compile(
    r"\b(?:again|lately|recently|these days i (?:want|think|keep|can't)|"
    r"(?:it's|they're|the thoughts are|the urges? (?:is|are)) (?:back|coming back|returning)|creeping back|came back|started again|"
    r"i (?:still|keep|can't stop) (?:want|wanting|think|thinking|wish|wishing|picture|picturing|feel like|feeling like)|still (?:want|wish|think about)|"
    r"miss (?:it|cutting|the relief)|urges?|craving|"
    r"(?:i'm|i am|i'll|i will) (?:going to|gonna|ready to)|(?:my|a|the) plan (?:is|for)|planning|"
    r"stockpiling|hoarding|saving (?:up )?(?:my |the )?(?:pills|tablets|meds)|enough (?:pills|tablets|meds)|the whole (?:bottle|packet|box)|all (?:of )?(?:them|my pills|my tablets)|"
    r"(?:have|got|bought|hid|hidden|keep) (?:a |the |some |my )?(?:rope|noose|gun|blades?|razor|pills|tablets|hose)|"
    r"not sure|unsure|can't promise|don't know if|scared (?:i|that i)|afraid (?:i|that i)|worried (?:i|that i)|don't trust myself|"
    r"(?:is|are|it's|they're) back|(?:the )?same (?:fog|feeling|thoughts|place|hole|darkness|urge)|familiar|like (?:back )?then|"
    r"i(?:'ve| have) been (?!thinking back)\w+ing|on purpose|deliberately|to feel (?:something|it)|to punish|"
    r"(?:not|n't) (?:\w+ ){0,3}(?:today|tonight|right now|yet)|the most i can|"
    r"i lied|lying|wasn't true|not true|^i hadn't\W*$|said i'd lost|early|extra (?:pills|tablets|prescription)|"
    r"but (?:lately|recently|it's back|they're back|tonight|now (?:i want|i wish|i can't|it's|they're)))\b"
)
# A time that is now: counts as present risk in the hit's own sentence only ("tonight I
# just need to talk about my marriage" after a story is not a plan).
TIME_NOW = re.compile(
    r"\b(?:tonight|tomorrow|today|this (?:week|weekend|morning|evening|afternoon)|right now)\b"
)
# Said as not there ("no self-harm urges today"): not read as present risk.
_NOT_THERE = re.compile(r"\bno (?:[\w-]+ ){0,2}(?:urges?|cravings?|thoughts|plans?)\b[^.!?]*")
# Harm told in the present tense: no cue but a plain past lowers these words.
_PRESENT_WORDS = re.compile(
    r"\b(?:want|wants|wanna|wish|wishing|am|i'm|is|are|going to|gonna|plan to|planning|thinking|can't|cannot|need|ready|keep|will|'ll)\b"
)
_NEGATED_WORDS = re.compile(r"\b(?:don't|do not|doesn't|not|never|no longer)\b")
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
    """True when the hit is told in the present tense: its own words (not "used to ...",
    not denied), or, for the learned layer (no words), the writer's own wish or intent."""
    if not words:
        return bool(_PRESENT_INTENT.search(sentence)) and not DENIAL.search(sentence)
    where = sentence.find(words)
    if where < 0 or _NEGATED_WORDS.search(words):
        return False
    if words.startswith("n't") and sentence[:where].endswith(("did", "was", "were", "had")):
        return False  # "I didn't want to be alive": told in the past
    # The words with the few before them: "kill myself" after "I want to" is present.
    reach = sentence[max(0, where - 25) : where + len(words)]
    if not _PRESENT_WORDS.search(reach) or _NEGATED_WORDS.search(reach):
        return False
    return not re.search(r"\b(?:used to|would)\s*(?:\w+\s+){0,2}$", sentence[:where])


def present_risk(texts: Sequence[str], index: int, words: str) -> bool:
    """True when the hit on texts[index] is a present plan, intent, means or doubt: its
    own words in the present tense, or such words in it or in the next sentence."""
    after = texts[index + 1] if index + 1 < len(texts) else ""
    here = texts[index]
    return _present_words(here, words) or _risk(here) or bool(TIME_NOW.search(here)) or _risk(after)


def _risk(text: str) -> bool:
    return bool(PRESENT_RISK.search(_NOT_THERE.sub(" ", text)))


def distance(kind: str, texts: Sequence[str], index: int, words: str, span: int = 1) -> Distance:
    """What to do with one hit of `kind` on the sentences texts[index : index + span]
    (normalised), given the words that fired ("" for the learned layer), and the
    sentences around: the one before, and up to three after (a resolution is often
    told after the crisis: "I had a plan once. I told my GP. That was five years back").
    Kept whenever present plan, intent, means or doubt is in sight."""
    sentence = " ".join(texts[index : index + span])
    before = " ".join(texts[max(0, index - 2) : index])
    after = texts[index + span] if index + span < len(texts) else ""
    later = " ".join(texts[index + span : index + span + 3])
    if _risk(sentence) or TIME_NOW.search(sentence) or _risk(later):
        return Distance(KEEP)
    others = _someone_else(kind, sentence, words)
    if _present_words(sentence, words):
        figurative = re.search(
            r"\b(?:not literally|figuratively|joking|just a joke)\b", f"{sentence} {after}"
        )
        if others and words:
            return Distance(LOWER, OTHERS_CUE)
        return Distance(LOWER, "denied") if figurative else Distance(KEEP)
    past = PAST.search(sentence) or (PAST.search(before) and _past_tense(sentence))
    if past or _past_tense(sentence):
        if RESOLVED.search(f"{sentence} {later}"):
            return Distance(DROP, PAST_AND_RESOLVED)
        if past:
            return Distance(LOWER, "in the past")
    if RESOLVED.search(sentence):
        return Distance(LOWER, "resolved")
    asked = ASKED.search(before) or ASKED.search(sentence)
    if any(
        DENIAL.search(text) for text in (texts[index - 1] if index else "", sentence, after)
    ) or (asked and any(ANSWERED_NO.search(text) for text in (sentence, after))):
        return Distance(LOWER, "denied")
    if others:
        return Distance(LOWER, OTHERS_CUE)
    if kind == SELF_HARM and PARTNER_QUOTED.search(sentence):
        return Distance(LOWER, "the partner's words")
    if kind == SELF_HARM and MEDICAL.search(sentence):
        return Distance(LOWER, "medical context")
    if kind == SELF_HARM and EVERYDAY.search(sentence):
        return Distance(LOWER, "an everyday accident")
    return Distance(KEEP)


# A sentence told in the past tense by the writer ("I was suicidal after D-day").
_PAST_TENSE = re.compile(
    r"^(?:[\w',]+ ){0,6}?(?:i|i'd) (?:was|were|had|wanted|thought|felt|tried|took|used to|would have|self-harmed|stockpiled|overdosed|nearly|almost|spent|remember)\b"
    r"|^(?:[\w',]+ ){0,3}?(?:the|my|those) [\w' -]{0,30}\b(?:was|were|had been)\b"
)


def _past_tense(sentence: str) -> bool:
    return bool(_PAST_TENSE.search(sentence))


def _someone_else(kind: str, sentence: str, words: str) -> bool:
    """The words tell another person's story or the media's, not the writer's own: for
    danger (always to the writer), the words must not name the writer; otherwise another
    person named and the words not in the first person."""
    if MEDIA.search(sentence):
        return not FIRST_PERSON.search(words or sentence)
    if not OTHERS.search(sentence):
        return False
    return not FIRST_PERSON.search(words or (sentence if kind != DANGER else ""))

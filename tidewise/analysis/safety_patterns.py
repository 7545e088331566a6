# ruff: noqa: E501  (a table of regular expressions: one rule per entry reads better than wrapped)
"""The safety screen's phrase patterns, one named rule per line, so every flag can be explained.

Patterns run on normalised text (lower case, straight apostrophes, common shorthand
expanded: see `safety_text.normalise`). In a pattern source an apostrophe is optional
("don't" also matches "dont"), and these macros are expanded before compiling:

    <P>   the partner as subject: he, she, they, my husband/wife/partner/ex, DH, WH...
    <W>   up to six more words in the same clause (lazy)
    <ME>  me, or a part of me ("my neck", "my arm")
    <KIDS> the children ("the kids", "my son", "our daughter")

Idioms are kept out by the patterns themselves (negative look-aheads such as
"disappear" not followed by "into a book"), and a rule marked `negatable` is dropped
when the clause denies it ("I would never hurt myself"): see `safety.is_negated`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tidewise.analysis.safety_danger import DANGER_RULES
from tidewise.analysis.safety_families import HARM_TO_OTHERS_MORE, SELF_HARM_MORE
from tidewise.analysis.safety_implied import (
    CLEAR,
    HARM_TO_OTHERS_RULES,
    IMPLIED_DANGER,
    IMPLIED_SELF_HARM,
    POSSIBLE,
)

SELF_HARM = "self_harm"
DANGER = "danger_from_partner"
HARM_TO_OTHERS = "harm_to_others"
# The screen's kinds in the order they are reported. Kept here rather than taken from
# crisis.KINDS: the screen may know a kind before the resources file lists lines for it.
SCREEN_KINDS: tuple[str, ...] = (SELF_HARM, DANGER, HARM_TO_OTHERS)
LEVELS: tuple[str, ...] = ("none", POSSIBLE, CLEAR)  # in rising order

# Danger rules whose hits are signs that often come before serious harm (lethality
# signs): the reply then says plainly these are reasons to talk to an advocate.
LETHALITY_SIGNS: dict[str, str] = {
    "weapon": "weapon",
    "weapon shown": "weapon",
    "hands on neck": "strangulation",
    "pressure on the neck": "strangulation",
    "said he'd kill me": "threat_to_kill",
    "threats": "threat_to_kill",
    "regret it": "threat_to_kill",
    "nobody would find me": "threat_to_kill",
    "veiled threat": "threat_to_kill",
    "burn it down with me": "threat_to_kill",
    "harm to a pet": "pet",
    "pet gone after talk of leaving": "pet",
    "stalking": "stalking",
    "knows where I am": "stalking",
    "unwanted presence": "stalking",
    "partner's car outside": "stalking",
    "reckless driving": "driving",
}
SIGNS: tuple[str, ...] = ("weapon", "strangulation", "threat_to_kill", "pet", "stalking", "driving")

# Rules whose words are also everyday figures of speech ("I'll kill myself at the gym").
# In a light context (see IDIOM_CONTEXT) their hit is only "possible", and the learned
# layer may set it aside when it is very sure the sentence is safe.
IDIOM_PRONE = frozenset({"kill myself", "want to die", "death wish", "thinking of dying"})
IDIOM_CONTEXT = re.compile(
    r"\b(?:at the gym|gym|workout|leg day|spin class|boot ?camp|this traffic|traffic|homework|"
    r"exam|revision|my boss|the boss|meeting|spreadsheet|deadline|laugh\w*|lol|haha\w*|lmao|"
    r"embarrass\w*|cringe|cringing|so funny|hilarious|cute|if i (?:have to|eat|hear)|"
    r"one more (?:email|meeting|episode)|the kids' (?:recorder|music)|that song)\b"
)

_PARTNER_NOUNS = (
    r"husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|spouse|hubby|"
    r"ex|ex-?husband|ex-?wife|ex-?partner|ex-?boyfriend|ex-?girlfriend|dh|wh|ws|ww|xh|xw"
)
_MACROS = {
    "<P>": rf"\b(?:he|she|they|(?:my |the |our )?(?:{_PARTNER_NOUNS})|my (?:h|w|man))\b\s+",
    "<W>": r"(?:[\w'-]+,?\s+){0,6}?",
    "<ME>": r"(?:me|my (?:neck|throat|face|head|arms?|wrists?|hair|jaw|chest|body|ribs|legs?))\b",
    "<KIDS>": r"(?:the|my|our) (?:kids|children|child|son|daughter|baby|boys|girls|little ones)",
}


@dataclass(frozen=True)
class Rule:
    kind: str
    name: str
    pattern: re.Pattern[str]
    negatable: bool
    unless: re.Pattern[str] | None = None  # the rule is skipped when this matches the sentence
    level: str = CLEAR  # "clear" or "possible": how strongly a hit speaks of risk


def _compile(source: str) -> re.Pattern[str]:
    for macro, expansion in _MACROS.items():
        source = source.replace(macro, expansion)
    return re.compile(source.replace("'", "'?"))


_SELF_HARM_RULES: tuple[tuple[str, str, bool], ...] = (
    # --- direct words for suicide and self-harm ---
    (
        "kill myself",
        r"\b(?:kill|killing|killed|kil) ?my ?self\b(?! for (?:not|being|forgetting|ever|letting|missing|saying|believing)| laughing| with laughter| from laughing)",
        True,
    ),
    ("kms", r"\bkms\b", False),
    ("suicidal", r"\bsuicidal\b", True),
    (
        "suicide (own)",
        r"(?<!his )(?<!her )(?<!threatened )(?<!threatens )(?<!threatening )\b(?:commit(?:ting)?|consider(?:ing|ed)?|contemplat\w+|think(?:ing)? about|thought about|thoughts of|attempt(?:ed)?|plan(?:ning)?|think of|thinking of) suicide\b",
        True,
    ),
    (
        "suicide words",
        r"\bsuicide (?:attempt|note|letter|thoughts?|ideation|plan|watch|hotline|line)s?\b",
        True,
    ),
    ("unalive", r"\bun-?aliv\w*", True),
    ("end my life", r"\b(?:end|ending|ended|take|taking|took) (?:my|my own) life\b", True),
    (
        "end it all",
        r"\bend(?:ing)? (?:it all|everything|it for good|it permanently|things for good)\b|\bend it (?:tonight|today|now|soon|this week|before)\b",
        True,
    ),
    (
        "want to die",
        # The idiom exclusion binds both branches ("I wanted to die of embarrassment").
        r"(?:(?<!\bwho )(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:want|wants|wanted|wanting|wanna|wish|wishing|ready|plan|planning|deserve|need|needed) to (?:just )?die\b|\bgoing to die (?:tonight|soon|by my own hand)\b)(?! (?:of|from) (?:embarrassment|shame|boredom|laughter|laughing|cringe|cuteness|happiness|jealousy|envy|curiosity|the heat|heat|hunger|excitement)| laughing| a little| inside| with embarrassment)",
        True,
    ),
    (
        "wish I were dead",
        r"\b(?:wish|wished|hope) (?:that )?i (?:was|were|'d be|would be|could be) (?:dead|gone for good|never born)\b",
        True,
    ),
    ("better off dead", r"\b(?:better off|rather be) dead\b", True),
    (
        "hurt myself",
        r"\b(?:hurt|hurting|harm|harming|injure|injuring|punish|punishing) ?my ?self\b(?! (?:by (?:reading|looking|checking|asking|replaying|going|scrolling|thinking|staying|comparing)|at (?:the gym|work)|lifting|playing|running|on the|in the garden|with (?:questions|details|the details|those texts|his texts)))",
        True,
    ),
    ("self-harm", r"\bself[- ]?harm\w*|\bsh again\b", True),
    (
        "cutting",
        r"\b(?:cut|cutting|cuts|carve|carving) (?:on )?(?:my ?self|my (?:arms?|wrists?|legs?|thighs?|skin|stomach))\b(?! (?:shaving|cooking|chopping|gardening|on |by accident|accidentally|while|slicing|opening|in the kitchen|on the))|\b(?:relapsed|relapse|relapsing) (?:and |into )?(?:cut|cutting|self[- ]?harm\w*)\b|\bi (?:cut|cutting) (?:again|tonight|last night|deeper)\b",
        True,
    ),
    (
        "urge to cut",
        r"\b(?:urges? to|used to|started|start|back to|relapsed|relapse|want to|wanted to|been|thought about|thinking about|stopped|quit) (?:cut|cutting)\b(?! (?:him|her|them|ties|back|corners|out|off|down|my hair|hair|carbs|sugar|the|class|it|things|costs|contact|through|in|everyone|people|loose|short))",
        True,
    ),
    (
        "blades",
        r"\b(?:razor|razors|blade|blades)\b.*\b(?:skin|arm|arms|wrist|wrists|thigh|thighs|leg|legs|myself)\b",
        True,
    ),
    (
        "burn myself",
        r"\b(?:scratch\w*|burn\w*|hit\w*|punch\w*|bang\w*|pinch\w*|dig\w* my nails into) (?:my )?(?:arms?|legs?|skin|wrists?|thighs?|face|stomach|head)\b.{0,25}\b(?:until|till|bleed|bled|bleeding|raw|bruised|blood)\b|\b(?:burn|burned|burnt|burning|scratch|scratched|scratching|starve|starving|starved|hit|hitting|punch|punching|punched) ?my ?self\b(?! (?:out|up|on (?:the|a) (?:stove|oven|pan|iron|kettle)))",
        True,
    ),
    (
        "head against wall",
        r"\b(?:bang|banged|banging|hit|hitting|slam|slammed|slamming) my head (?:against|into|on) (?:the|a) (?:wall|floor|door)",
        True,
    ),
    # --- means and methods ---
    (
        "pills stockpile",
        r"\b(?:looking at|staring at|stare at|look at|counting|counted|saving|saved|stockpil\w+|hoard\w*|collect\w*|lined up|line up|swallow\w*|take all|took all|taking all|down all|downed|enough|handful of|a bottle of|the whole bottle of|all of my|all my|every one of my) (?:[\w']+ ){0,3}(?:pills|tablets|meds|medication|medicine|painkillers|sleeping pills|antidepressants|paracetamol|tylenol|ambien)\b(?! (?:(?:into|for) (?:[\w']+ ){0,3}(?:organi[sz]er|box|dispenser|week|mum|mom|dad|nan|gran|grandma|grandad|dog|cat|patients?|kids?|daughter|son)\b|for the week|for my mum|for the dog))|\b(?:pills|tablets|meds|medication|antidepressants|painkillers)\b.{0,50}\b(?:would be enough|be enough|is enough|are enough|at once|all at once|in one go)\b|\b(?:swallow\w*|take|taking|took) (?:everything|all of it|all of them) in the (?:medicine )?(?:cabinet|cupboard|drawer)\b",
        True,
    ),
    (
        "how many pills",
        r"\bhow many (?:of )?(?:my |the |his |her )?(?:[\w']+ )?(?:pills|tablets|meds|antidepressants|painkillers)\b(?! (?:a day|to take for|do i take|should i take|i take|the doctor))",
        True,
    ),
    ("overdose", r"\b(?:overdos\w*|od'?d|od on)\b", True),
    (
        "hanging",
        r"\b(?:hang|hanging|hanged) ?my ?self\b|\bnoose\b|\b(?:bought|buy|got|have) (?:a |the )?rope\b(?! for)",
        True,
    ),
    (
        "jump",
        r"(?<!told me to )\b(?:jump|jumping|jumped|throw myself|step|stepped|stepping|walk|walked|walking) (?:off|from|in front of|into) (?:a|the|my) (?:top of (?:a |the )?)?(?:bridge|car park|parking garage|tower|ledge|building|roof|train|cliff|balcony|bus|truck|traffic|river|sea|ocean|lake|car park|overpass|window)\b",
        True,
    ),
    (
        "on the bridge",
        r"\b(?:stood|standing|sat|sitting|parked|drove|walked|stand|sit) (?:on|to|at|by|near) (?:the|a) (?:edge of the |top of the )?(?:bridge|cliff|tracks|ledge|edge|railway line|roof)\b(?=.*\b(?:thought|think|thinking|wondered|wondering|long time|looking down|looked down|jump|jumping|how easy|over the edge|railing|step off|let go)\b)",
        True,
    ),
    (
        "crash the car",
        r"\b(?:drive|drove|driving|swerve|swerved|swerving|steer|steering|crash|crashed|crashing|aim|aimed) (?:my |the )?(?:car )?(?:into|off|in front of) (?:a |the |an |some )?(?:tree|wall|bridge|river|cliff|oncoming|truck|barrier|lake|traffic|median|pole|lorry|embankment|road)\b",
        True,
    ),
    (
        "weapon to self",
        r"\b(?:gun|knife|blade) (?:to|against) my (?:head|chest|throat|wrist|skin)\b",
        True,
    ),
    (
        "drink myself",
        r"\b(?:drink|drinking) my ?self (?:to death|into the grave|to sleep forever)\b",
        True,
    ),
    # --- indirect: not wanting to be here, being a burden, goodbye ---
    (
        "if I'm not here",
        r"\b(?:if|when|once) i(?:'m| am| was| were)(?: just)? (?:not|no longer) (?:here|around|alive)\b|\bif i (?:just |simply |finally )?(?:died|was dead|were dead|killed myself|wasn't alive|weren't alive)\b",
        False,
    ),
    (
        "better off without me",
        r"\b(?:better off|happier|easier|fine|relieved|better|lighter|simpler|freer)\b(?: [\w']+){0,4} (?:without me|if i (?:just |simply |finally )?(?:was gone|were gone|was dead|were dead|was not here|were not here|wasn't here|weren't here|wasn't around|weren't around|wasn't alive|weren't alive|didn't exist|did not exist|died|disappeared|stopped existing|killed myself|was never born|were never born)|when i'm gone|once i'm gone|if i'm gone|with me gone|with me dead)\b",
        False,
    ),
    (
        "don't want to be here",
        r"\b(?:want|wanna|wanted|wish) (?:to )?(?:not be|stop being) (?:here|alive|around)\b|n't (?:want|wanna|wish) to (?:be here|be alive|exist|be around|live|go on|keep living|keep going|wake up)\b(?! (?:at|with|in|for|like|this|that|early|on|until|a lie|a double|another|under|through|as|the rest|my life (?:like|with|as)|without (?:coffee|my))| here (?:at|with|in|for|tonight|today|this))",
        False,
    ),
    (
        "no reason to live",
        r"\b(?:no|nothing left|no more|zero) (?:reason|reasons|point|purpose|will) (?:for me )?(?:to|in|for) (?:live|living|be here|being here|go on|going on|keep going|keep living|wake up|waking up|stay alive|staying alive|exist|existing|carry on|be alive|being alive|keep breathing)\b|\bnothing (?:left )?to live for\b",
        True,
    ),
    (
        "what's the point",
        r"\b(?:what's|what is|whats|wats) the point (?:of|in) (?:me |even )?(?:being here|living|life|being alive|going on|carrying on|existing|any of it|anything anymore|anything|waking up|getting up anymore|staying alive|me|my life|breathing|trying to stay alive)\b",
        False,
    ),
    (
        "not worth living",
        r"\b(?:life|living|my life|it|this life)(?:'s| is| isn't| isnt| is not)? (?:not |n't |no longer |never )?worth (?:living|it anymore|being alive|staying for)\b",
        False,
    ),
    (
        "not wake up",
        r"\b(?:wish|wishing|hope|hoping|pray|praying|prayed|wished|hoped) (?:that )?(?:i (?:just )?(?:would|could|will|wouldn't|won't|don't|didn't|never|just)?(?: just)?(?: not| never)? ?(?:wake|woke) up|i (?:don't|didn't|wouldn't|won't|never) wake up|not to wake up|i could sleep forever)\b|\b(?:fall asleep|go to sleep|sleep) and (?:never|not) wake up\b|\bsleep forever\b",
        False,
    ),
    (
        "woke up disappointed",
        r"\b(?:disappointed|sad|annoyed|angry|upset) (?:that |when )?i (?:woke up|wake up|am still alive|'m still alive|'m still here|am still here)\b",
        False,
    ),
    (
        "tired of living",
        r"\b(?:tired|sick|weary|done|exhausted) (?:of|with) (?:living|being alive|life|existing|breathing|being here|waking up every day|it all)\b(?! (?:like this|with|in|here|this way|the way))",
        True,
    ),
    (
        "can't go on",
        r"\b(?:can't|cannot|can not|don't think i can|couldn't) (?:go on|keep going|carry on|do this anymore|do life|keep living|stay alive|be alive)\b(?! (?:like|back|with|this|pretending|living like|fighting|being|in this|for|at|here|together|as|and|without (?:answers|knowing|sleep)|doing))",
        True,
    ),
    (
        "disappear forever",
        r"\b(?:disappear|vanish|be gone|fade away|cease to exist|stop existing|not exist|not be around)(?:ed)? (?:forever|for good|permanently|for ever)\b|\b(?:want|wanna|wish i could|wish to|wished i could|wanted to|just|need to|going to) (?:just )?(?:to )?(?:disappear|vanish|stop existing|not exist|cease to exist|fade away|be gone)\b(?! (?:into|for|to|from|with|until|till|off|under|in|on|at|when|during|after|before|somewhere|for the|this weekend|tonight|for a|from (?:this|the)))",
        True,
    ),
    (
        "never born",
        r"\b(?:wish|wished) (?:that )?i(?: had never|'d never| hadn't| had not| never| was never| were never) (?:been born|existed|lived|born)\b",
        False,
    ),
    (
        "no one would miss me",
        r"\b(?:no one|noone|nobody|no-one|not a single person|who) (?:would|will|'d|wud|even|really)? ?(?:even )?(?:miss|notice|care) (?:me|if i (?:was gone|were gone|died|disappeared|didn't wake|wasn't here|weren't here|was dead|killed)|when i'm gone)\b",
        True,
    ),
    (
        "burden",
        r"\b(?:i'm|i am|im|i'm just|i am just|i feel like) (?:such |just |only |nothing but )?a (?:burden|waste of space|waste of air|waste of oxygen)\b(?! (?:to|on) (?:nobody|no one|noone)|(?: to (?:my )?friends)? (?:with|by) (?:all )?(?:this|my|the) (?:talking|venting|moaning|crying|drama|stuff|questions))|\bburden (?:to|on) (?:everyone|everybody|my kids|my family|the world|the kids|all of them)\b",
        True,
    ),
    (
        "when I'm gone",
        r"\b(?:after|when|once) i'm (?:gone|dead|no longer here|not here anymore|not around anymore)\b(?! (?:for|to|on|at|with|from work))",
        True,
    ),
    (
        "goodbye letters",
        r"\b(?:wrote|written|writing|write|drafted|drafting|left|leave) (?:a |my |the |some )?(?:goodbye|suicide|final|last) (?:letter|note|letters|notes|message|messages|texts?)\b(?! to (?:the |our |my )?(?:old )?(?:marriage|relationship|affair|past|old me|old life|house|job))|\bletters? to (?:my |the )?(?:kids|children|family|mum|mom|sister|parents) (?:just )?in case\b",
        True,
    ),
    (
        "giving things away",
        r"\b(?:giving|gave|give) (?:away )?(?:all )?(?:my|of my) (?:good |best |favourite |favorite |special |old |precious )?(?:things|stuff|belongings|possessions|jewellery|jewelry)(?: away)?\b(?! to (?:charity|goodwill|the charity shop))",
        True,
    ),
    (
        "a plan",
        r"\b(?:know|knew|worked out|figured out|decided|thought about|planned|planning|picked) (?:exactly )?(?:how|when|where|the way) i(?:'d| would| will|'ll| could) (?:do it|end it|go|die|not be here)\b|\b(?:researched|researching|googled|googling|looked up|searching|searched) (?:how|ways|methods|the best way) (?:to )?(?:die|end it|kill|overdose|do it painlessly|painless)\b|\bpainless(?:ly)? way(?:s)? to\b",
        True,
    ),
    (
        "last entry",
        r"\bthis (?:is|will be|might be) my (?:last|final) (?:entry|night|day|post|time writing|goodbye)\b|\bgoodbye (?:forever|cruel world|everyone)\b",
        False,
    ),
    (
        "thinking of dying",
        r"\b(?:think|thinking|thought|thoughts|fantasi[sz]\w*|dream\w*|obsess\w*|picture|picturing|imagine|imagining) (?:about|of)? ?(?:dying|death|being dead|not being here|not being alive|no longer being here|being gone|not living|not existing|not waking up|my (?:own )?funeral|ending (?:it|my life|everything)(?! with)|ending things(?! with)|taking my (?:own )?life|my funeral|killing myself|suicide|how to die)\b",
        True,
    ),
    (
        "dark thoughts",
        r"\b(?:dark|scary|bad|those) thoughts (?:again|are back|came back|about (?:not|ending|dying|myself)|of ending)\b|\bdark thoughts\b(?=.*\b(?:again|night|scared|myself|end)\b)|\b(?:having|had|have) (?:the |those )?dark thoughts\b",
        True,
    ),
    (
        "want it to end",
        r"\b(?:want|wanted|need|wish|wished) (?:it all|everything|my life|life|all of it|the whole thing|this life|my existence) to (?:end|be over|stop)\b|\b(?:want|wish) (?:it all|everything|all of it) (?:was|were|would be) over\b",
        True,
    ),
    (
        "can't face another day",
        r"\b(?:can't|cannot|couldn't) (?:face|bear|stand|survive|handle) (?:another|one more) (?:day|morning|night)(?: alive| of living| of this life)?\b(?! (?:of|with|at|in|like) )",
        True,
    ),
    (
        "wish something killed me",
        r"\b(?:wish|hope|hoping|pray|praying|wished|hoped|wouldn't mind if)(?: that)? (?:a|the|some) (?:car|bus|truck|train|lorry|drunk driver|plane|tumou?r|cancer|heart attack|illness) (?:would |will |could )?(?:just )?(?:hit|hits|kill|kills|take|takes|end|ends|crash)\b|\b(?:hope|hoping|wish) i (?:get|got|would get|could get) (?:hit by|cancer|sick and die|killed)\b|\bif (?:a|the|some) (?:car|bus|truck|train|lorry) (?:hit|hits|killed|ran over|runs over) me\b",
        False,
    ),
    (
        "wouldn't care if I died",
        r"\b(?:wouldn't|don't|dont|would not|won't|do not|wouldnt) (?:even )?(?:care|mind) (?:if|whether) i (?:died|die|lived|live|was dead|were dead|woke up|wake up|didn't wake up|never woke up|got hit)\b|\bif i died (?:tomorrow|tonight|today|in my sleep)\b(?=.*\b(?:relief|fine|better|care|mind|notice|okay|ok|peace)\b)",
        False,
    ),
    (
        "past attempt",
        r"\b(?:my (?:last |first |second |previous )?(?:suicide )?attempt|attempted (?:suicide|to end|to take|to kill)|tried to (?:end|take|kill) (?:my|my own|myself)|tried to (?:overdose|hang|drown)|(?:psych|psychiatric) (?:ward|unit|hold|hospital)|put on a (?:\d+-hour )?hold|on (?:a )?suicide watch)\b",
        False,
    ),
    (
        "don't want to live",
        r"\b(?:don't|do not|dont|no longer|not) (?:want|wanna|wish) to (?:live|be alive|exist|be on this earth)(?: anymore| any more| without (?:him|her|them))?\b(?! (?:like|with|in|this|that|a lie|here|under|next|through|together|on|as))",
        False,
    ),
    (
        "rather be dead",
        r"\b(?:i'd|i would|id) (?:rather|sooner) (?:be dead|die|not exist|not be here|not be alive)\b(?! than (?:go|see|eat|wear|spend|sit|have|call|ask|be seen|listen|watch|admit|work|let))",
        True,
    ),
    (
        "thinking about the rope",
        r"\b(?:the|a|that|my) (?:rope|noose|belt|cord|gun|bridge|pills)\b.{0,60}\b(?:think|thinking|thought) about (?:it|using it|them)\b",
        False,
    ),
    (
        "engine running",
        r"\b(?:engine|car) running\b.{0,40}\b(?:garage|closed|shut)\b|\b(?:closed|shut) garage\b.{0,40}\bengine\b|\bexhaust (?:pipe|fumes)\b|\bcarbon monoxide\b",
        False,
    ),
    (
        "keep myself alive",
        r"\b(?:how (?:much )?longer|don't know if|not sure|can't|cannot)\b.{0,30}\b(?:keep myself alive|stay alive|keep living|stay here|hold on)\b",
        False,
    ),
    (
        "a timed plan",
        r"\bmy plan is (?:to )?(?:wait|do it|go)\b.{0,40}\b(?:until|when|while|before)\b.{0,40}\b(?:kids|children|no one|nobody|alone|away|asleep)\b",
        False,
    ),
    (
        "self-harm history",
        r"\b(?:haven't|have not|hadn't|had not|not) (?:cut|self[- ]?harmed|hurt myself|burned myself|been cutting) (?:in|for|since)\b|\b(?:days|weeks|months|years) (?:clean|free) (?:from|of) (?:cutting|self[- ]?harm\w*)\b",
        False,
    ),
    # --- broad cues (round 3): a wish for death or absence near the writer's own voice ---
    (
        "death wish",
        r"\b(?:i|i'm|i'd|i've|me|my)\b[^.!?]{0,30}\b(?:want|wants|wanted|wish|wishing|wished|hope|hoping|pray|praying|rather|prefer|ready|longing|long)\b(?:(?!\b(?:he|she|they|him|her|them|it|this|that|you|we)\b)[^.!?]){0,25}\b(?:die|dying|be dead|was dead|were dead|not (?:be )?(?:here|alive|exist\w*|around)|not wake|never wake|stop (?:breathing|existing|living)|gone for good|out of this life|not come back|never come back)\b(?! (?:of|from|laughing|inside|than (?:go|tell|see|eat|wear|spend|sit|have|call|ask|admit|work|let|be seen)))",
        False,
    ),
    (
        "method and intent",
        r"\b(?:pills|tablets|meds|medication|sleeping tablets|knife|knives|blade|razor|rope|noose|bridge|train|tracks|tallest building|roof|cliff|ledge|wheel|motorway|traffic|gun|bath|river|oncoming|cars?)\b[^.!?]{0,50}\b(?:how long it would take|how easy|how many|let(?:ting)? go|just in case|in case i decide|when i decide|if i decide|step(?:ping)? (?:out|in front)|end it|to end|last time|differently)\b|\b(?:imagin\w+|pictur\w+|thinking about|thought about|wonder\w* (?:how|about)|looked up|look up|looking up)\b[^.!?]{0,40}\b(?:letting go of the wheel|stepping (?:out )?in front|jumping|the tallest|how long it would take|the edge|the drop)\b",
        False,
    ),
    (
        "self-injury",
        r"\b(?:my|into my|on my) (?:arms?|skin|wrists?|thighs?|legs?|stomach)\b[^.!?]{0,30}\b(?:bled|bleed|bleeding|cut|cuts|burn|burns|burned|cigarettes?|lighter|blade|razor|scars?|nails)\b|\b(?:cut|cuts|burn|burned|burning|nails|cigarettes?|blade|razor)\b[^.!?]{0,30}\b(?:my|into my|on my) (?:arms?|skin|wrists?|thighs?)\b|\b(?:hurting|harming|hurt|harm) myself (?:again|on purpose|after|since|when|every)\b",
        False,
    ),
    (
        "no point being alive",
        r"\b(?:no|zero|any|the) (?:point|reason|use)\b[^.!?]{0,20}\b(?:me )?(?:being alive|being here|living|to live|existing|to exist|staying alive|going on)\b|\bwhat would it matter if i\b|\b(?:can't|cannot|can not) (?:see|picture|imagine) (?:myself|me) (?:alive|here|living|being alive)\b|\b(?:nobody|no one|noone) (?:needs|wants|would need|would want) me (?:anymore|any more|around|here|alive)\b|\b(?:they|everyone|everybody|the kids|my kids|my family) (?:would|will|'d) (?:all )?(?:be )?(?:fine|okay|ok|better|happier|relieved|free of me|grieve)\b(?=.*\b(?:without me|if i|when i|of me|and then|for a (?:month|week|while))\b)",
        False,
    ),
    (
        "stopping me",
        r"\b(?:the only thing|only thing|all that's|all that is|what's) (?:stopping|keeping|holding) me (?:back )?(?:from (?:doing it|ending|dying|killing)|is|are|here|alive)?\b(?=.*\b(?:kids|children|dog|mum|mom|family|doing it|alive|here|ending)\b)|\b(?:i had|i have|i've got|i made) a plan\b(?!.* (?:for|to (?:leave|tell|talk|move|get|go|ask|sell|find)))|\bhow close i came\b",
        False,
    ),
    (
        "took too many on purpose",
        r"\b(?:took|take|taken|swallowed)\b[^.!?]{0,30}\b(?:pills|tablets|meds|medication)\b[^.!?]{0,30}\b(?:on purpose|deliberately|to (?:die|sleep forever|not wake|end))\b",
        False,
    ),
    (
        "only way out",
        r"\b(?:only|one|a|no other|the|see no) (?:way out|escape|solution|answer|option|way to stop (?:this|the pain|it))\b.{0,30}\b(?:die|dying|death|dead|not be here|not being here|not exist|ending it|end it|kill myself|suicide)\b",
        False,
    ),
    (
        "welcome death",
        r"\bnot (?:scared|afraid|frightened) of (?:dying|death) (?:anymore|any more)\b|\b(?:would|'d|i'd) welcome (?:death|dying|it if i died)\b|\bdeath (?:would be|sounds like|feels like|would feel like) (?:a relief|peace|a release|welcome|a mercy)\b|\bwaiting to die\b|\bwaiting for (?:death|the end of my life)\b",
        False,
    ),
    (
        "not around much longer",
        r"\b(?:won't|will not|not going to|don't think i'll|don't think i will|doubt i'll|doubt i will) be (?:around|here|alive) (?:much |for )?(?:longer|long|much longer|next year|for christmas|by (?:spring|summer|christmas|then)|to see)\b",
        False,
    ),
    (
        "ways to die",
        r"\b(?:ways|way|how|methods?|best way) to (?:die|kill myself|end (?:it all|my life)|not wake up)\b",
        True,
    ),
    (
        "what I might do to myself",
        r"\b(?:what|something) i (?:might|could|would|will|may|am going to) do to my ?self\b|\b(?:scared|afraid|worried|frightened|terrified)(?: that)? i(?:'ll| will| might| am going to|'m going to) do something (?:stupid|drastic|i can't take back|permanent|to myself)\b(?! like)",
        False,
    ),
    (
        "unsafe with myself",
        r"\b(?:not sure|can't promise|cannot promise|don't know if|can't say|not certain)\b.{0,20}\b(?:i(?:'ll| will| can| am|'m)|myself) (?:be |stay |keep myself )?safe\b|\bnot safe (?:from|with|around) myself\b|\bsafe from myself\b|\b(?:safe|safety)\b.{0,40}\b(?:i lied|lied to)\b|\blied\b.{0,40}\b(?:i was|i'm|i am|being) safe\b",
        False,
    ),
    (
        "take me in my sleep",
        r"\b(?:wish|wishing|hope|hopes|hoping|pray|praying)\b.{0,40}\b(?:take me|end me|finish(?:es)? me|kills? me|die in my sleep|go in my sleep|in my sleep and never)\b|\b(?:please|just|god) (?:just )?let me die\b",
        False,
    ),
    (
        "last goodbye",
        r"\b(?:goodbye|hugged|kissed|held)\b.{0,40}\b(?:like|as if|as though) (?:it was|it were|it's) the (?:last|final) time\b",
        False,
    ),
    (
        "don't deserve to live",
        r"(?<!people )(?<!they )(?<!he )(?<!she )(?<!who )(?<!those )(?<!them )\b(?:don't|do not|dont|doesn't|no longer) deserve to (?:live|be alive|be here|exist|breathe)\b",
        False,
    ),
    (
        "if I just died",
        r"\b(?:favou?r|better|easier|relief|happier|nobody|no one|free|lighter)\b.{0,60}\bif i (?:just |simply |finally )?(?:died|was dead|were dead|wasn't here|weren't here|was gone|were gone|killed myself|ended it)\b|\bif i (?:just |simply |finally )?(?:died|was dead|were dead|wasn't here|weren't here|was gone|were gone|killed myself|ended it)\b(?=.*\b(?:favour|favor|better|easier|relief|happier|nobody|no one|care|miss|notice|free|lighter)\b)",
        False,
    ),
    (
        "who gets my things",
        r"\bwho (?:should|will|would|gets?|can have) (?:get |have )?my (?:things|stuff|belongings|jewel\w*|dog|cat|books|savings)\b",
        True,
    ),
    (
        "already dead",
        r"\balready dead\b.{0,40}\b(?:might as well|make it official|finish)\b|\bmight as well (?:be dead|die|end it|not be here|make it official)\b",
        False,
    ),
)

# Who did it matters for a few rules: a child kicking in their sleep is not danger.
_UNLESS = {
    "violence to me": r"\b(?:playfully|in (?:his|her|their) sleep|by accident|accidentally|while "
    r"(?:we were )?playing|sparring|boxing|karate|judo|wrestling)\b|\b(?:my|our|the) (?:son|"
    r"daughter|baby|toddler|dog|cat|puppy|horse|little one|kid|kids)\b (?:\w+ )?(?:kicked|"
    r"punched|bit|scratched|hit|slapped|elbowed|headbutted)",
    # Marks the writer made, or ordinary ones, are not the partner's violence.
    "injuries": r"\b(?:i (?:made|did|gave myself|held|pressed|put)|blood test|injection|"
    r"jab|vaccin\w*|gym|hike|hiking|bumped|sunburn\w*|tattoo|bra strap|seat ?belt|"
    r"brambles|nettles)\b",
}


def _build(
    kind: str, table: tuple[tuple[str, str, bool], ...] | tuple[tuple[str, str, bool, str], ...]
) -> tuple[Rule, ...]:
    rules = []
    for name, src, negatable, *level in table:
        unless = _compile(_UNLESS[name]) if name in _UNLESS else None
        rules.append(Rule(kind, name, _compile(src), negatable, unless, *level))
    return tuple(rules)


RULES: tuple[Rule, ...] = (
    _build(SELF_HARM, _SELF_HARM_RULES)
    + _build(SELF_HARM, IMPLIED_SELF_HARM)
    + _build(DANGER, DANGER_RULES)
    + _build(DANGER, IMPLIED_DANGER)
    + _build(HARM_TO_OTHERS, HARM_TO_OTHERS_RULES)
    + _build(SELF_HARM, SELF_HARM_MORE)
    + _build(HARM_TO_OTHERS, HARM_TO_OTHERS_MORE)
)

"""The safety screen's phrase patterns, one named rule per line, so every flag can be explained.

Patterns run on normalised text (lower case, straight apostrophes, common shorthand
expanded: see `safety.normalise`). In a pattern source an apostrophe is optional
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

SELF_HARM = "self_harm"
DANGER = "danger_from_partner"

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


def _compile(source: str) -> re.Pattern[str]:
    for macro, expansion in _MACROS.items():
        source = source.replace(macro, expansion)
    return re.compile(source.replace("'", "'?"))


_SELF_HARM_RULES: tuple[tuple[str, str, bool], ...] = (
    # --- direct words for suicide and self-harm ---
    ("kill myself", r"\b(?:kill|killing|killed|kil) ?my ?self\b(?! for (?:not|being|forgetting|ever|letting|missing|saying|believing))", True),
    ("kms", r"\bkms\b", False),
    ("suicidal", r"\bsuicidal\b", True),
    ("suicide (own)", r"(?<!his )(?<!her )(?<!threatened )(?<!threatens )(?<!threatening )\b(?:commit(?:ting)?|consider(?:ing|ed)?|contemplat\w+|think(?:ing)? about|thought about|thoughts of|attempt(?:ed)?|plan(?:ning)?|think of|thinking of) suicide\b", True),
    ("suicide words", r"\bsuicide (?:attempt|note|letter|thoughts?|ideation|plan|watch|hotline|line)s?\b", True),
    ("unalive", r"\bun-?aliv\w*", True),
    ("end my life", r"\b(?:end|ending|ended|take|taking|took) (?:my|my own) life\b", True),
    ("end it all", r"\bend (?:it all|everything|it for good|it permanently|things for good)\b", True),
    ("want to die", r"\b(?:want|wants|wanted|wanting|wanna|wish|wishing|ready|plan|planning|deserve|need|needed) to (?:just )?die\b|\bgoing to die (?:tonight|soon|by my own hand)\b(?! (?:of|from|laughing|a little|inside|with embarrassment))", True),
    ("wish I were dead", r"\b(?:wish|wished|hope) (?:that )?i (?:was|were|'d be|would be|could be) (?:dead|gone for good|never born)\b", True),
    ("better off dead", r"\b(?:better off|rather be) dead\b", True),
    ("hurt myself", r"\b(?:hurt|hurting|harm|harming|injure|injuring|punish|punishing) ?my ?self\b(?! (?:by (?:reading|looking|checking|asking|replaying|going|scrolling|thinking|staying|comparing)|at (?:the gym|work)|lifting|playing|running|on the|in the garden|with (?:questions|details|the details|those texts|his texts)))", True),
    ("self-harm", r"\bself[- ]?harm\w*|\bsh again\b", True),
    ("cutting", r"\b(?:cut|cutting|cuts|carve|carving) (?:on )?(?:my ?self|my (?:arms?|wrists?|legs?|thighs?|skin|stomach))\b(?! (?:shaving|cooking|chopping|gardening|on |by accident|accidentally|while|slicing|opening|in the kitchen|on the))|\b(?:relapsed|relapse|relapsing) (?:and |into )?(?:cut|cutting|self[- ]?harm\w*)\b|\bi (?:cut|cutting) (?:again|tonight|last night|deeper)\b", True),
    ("urge to cut", r"\b(?:urges? to|used to|started|start|back to|relapsed|relapse|want to|wanted to|been|thought about|thinking about|stopped|quit) (?:cut|cutting)\b(?! (?:him|her|them|ties|back|corners|out|off|down|my hair|hair|carbs|sugar|the|class|it|things|costs|contact|through|in|everyone|people|loose|short))", True),
    ("blades", r"\b(?:razor|razors|blade|blades)\b.*\b(?:skin|arm|arms|wrist|wrists|thigh|thighs|leg|legs|myself)\b", True),
    ("burn myself", r"\b(?:burn|burned|burnt|burning|scratch|scratched|scratching|starve|starving|starved|hit|hitting|punch|punching|punched) ?my ?self\b(?! (?:out|up|on (?:the|a) (?:stove|oven|pan|iron|kettle)))", True),
    ("head against wall", r"\b(?:bang|banged|banging|hit|hitting|slam|slammed|slamming) my head (?:against|into|on) (?:the|a) (?:wall|floor|door)", True),
    # --- means and methods ---
    ("pills stockpile", r"\b(?:looking at|staring at|stare at|look at|counting|counted|saving|saved|stockpil\w+|hoard\w*|collect\w*|lined up|line up|swallow\w*|take all|took all|taking all|down all|downed|enough|handful of|a bottle of|the whole bottle of|all of my|all my|every one of my) (?:[\w']+ ){0,3}(?:pills|tablets|meds|medication|medicine|painkillers|sleeping pills|antidepressants|paracetamol|tylenol|ambien)\b(?! (?:into (?:the|my|a) (?:organi[sz]er|box|dispenser)|for the week|for my mum|for the dog))|\b(?:pills|tablets|meds|medication|antidepressants|painkillers)\b.{0,50}\b(?:would be enough|be enough|is enough|are enough|at once|all at once|in one go)\b|\b(?:swallow\w*|take|taking|took) (?:everything|all of it|all of them) in the (?:medicine )?(?:cabinet|cupboard|drawer)\b", True),
    ("how many pills", r"\bhow many (?:of )?(?:my |the |his |her )?(?:[\w']+ )?(?:pills|tablets|meds|antidepressants|painkillers)\b(?! (?:a day|to take for|do i take|should i take|i take|the doctor))", True),
    ("overdose", r"\b(?:overdos\w*|od'?d|od on)\b", True),
    ("hanging", r"\b(?:hang|hanging|hanged) ?my ?self\b|\bnoose\b|\b(?:bought|buy|got|have) (?:a |the )?rope\b(?! for)", True),
    ("jump", r"(?<!told me to )\b(?:jump|jumping|jumped|throw myself|step|stepped|stepping|walk|walked|walking) (?:off|from|in front of|into) (?:a|the|my) (?:bridge|building|roof|train|cliff|balcony|bus|truck|traffic|river|sea|ocean|lake|car park|overpass|window)\b", True),
    ("on the bridge", r"\b(?:stood|standing|sat|sitting|parked|drove|walked|stand|sit) (?:on|to|at|by|near) (?:the|a) (?:edge of the |top of the )?(?:bridge|cliff|tracks|ledge|edge|railway line|roof)\b(?=.*\b(?:thought|think|thinking|wondered|wondering|long time|looking down|looked down|jump|jumping|how easy|over the edge|railing|step off|let go)\b)", True),
    ("crash the car", r"\b(?:drive|drove|driving|swerve|swerved|swerving|steer|steering|crash|crashed|crashing|aim|aimed) (?:my |the )?(?:car )?(?:into|off|in front of) (?:a |the |an |some )?(?:tree|wall|bridge|river|cliff|oncoming|truck|barrier|lake|traffic|median|pole|lorry|embankment|road)\b", True),
    ("weapon to self", r"\b(?:gun|knife|blade) (?:to|against) my (?:head|chest|throat|wrist|skin)\b", True),
    ("drink myself", r"\b(?:drink|drinking) my ?self (?:to death|into the grave|to sleep forever)\b", True),
    # --- indirect: not wanting to be here, being a burden, goodbye ---
    ("better off without me", r"\b(?:better off|happier|easier|fine|relieved|better|lighter|simpler|freer)\b(?: [\w']+){0,4} (?:without me|if i (?:just |simply |finally )?(?:was gone|were gone|was dead|were dead|was not here|were not here|wasn't here|weren't here|wasn't around|weren't around|wasn't alive|weren't alive|didn't exist|did not exist|died|disappeared|stopped existing|killed myself|was never born|were never born)|when i'm gone|once i'm gone|if i'm gone|with me gone|with me dead)\b", True),
    ("don't want to be here", r"\b(?:want|wanna|wanted|wish) (?:to )?(?:not be|stop being) (?:here|alive|around)\b|n't (?:want|wanna|wish) to (?:be here|be alive|exist|be around|live|go on|keep living|keep going|wake up)\b(?! (?:at|with|in|for|like|this|that|today|tomorrow|early|on|until|a lie|a double|another|under|through|as|the rest|my life (?:like|with|as)|without (?:coffee|my))| here (?:at|with|in|for|tonight|today|this))", False),
    ("no reason to live", r"\b(?:no|nothing left|no more|zero) (?:reason|reasons|point|purpose|will) (?:for me )?(?:to|in|for) (?:live|living|be here|being here|go on|going on|keep going|keep living|wake up|waking up|stay alive|staying alive|exist|existing|carry on|be alive|being alive|keep breathing)\b|\bnothing (?:left )?to live for\b", True),
    ("what's the point", r"\b(?:what's|what is|whats|wats) the point (?:of|in) (?:me |even )?(?:being here|living|life|being alive|going on|carrying on|existing|any of it|anything anymore|anything|waking up|getting up anymore|staying alive|me|my life|breathing|trying to stay alive)\b", False),
    ("not worth living", r"\b(?:life|living|my life|it|this life)(?:'s| is| isn't| isnt| is not)? (?:not |n't |no longer |never )?worth (?:living|it anymore|being alive|staying for)\b", True),
    ("not wake up", r"\b(?:wish|wishing|hope|hoping|pray|praying|prayed|wished|hoped) (?:that )?(?:i (?:would|could|will|wouldn't|won't|don't|didn't|never|just)?(?: just)?(?: not| never)? ?(?:wake|woke) up|i (?:don't|didn't|wouldn't|won't|never) wake up|not to wake up|i could sleep forever)\b|\b(?:fall asleep|go to sleep|sleep) and (?:never|not) wake up\b|\bsleep forever\b", False),
    ("woke up disappointed", r"\b(?:disappointed|sad|annoyed|angry|upset) (?:that |when )?i (?:woke up|wake up|am still alive|'m still alive|'m still here|am still here)\b", False),
    ("tired of living", r"\b(?:tired|sick|weary|done|exhausted) (?:of|with) (?:living|being alive|life|existing|breathing|being here|waking up every day|it all)\b(?! (?:like this|with|in|here|this way|the way))", True),
    ("can't go on", r"\b(?:can't|cannot|can not|don't think i can|couldn't) (?:go on|keep going|carry on|do this anymore|do life|keep living|stay alive|be alive)\b(?! (?:like|with|this|pretending|living like|fighting|being|in this|for|at|here|together|as|and|without (?:answers|knowing|sleep)|doing))", True),
    ("disappear forever", r"\b(?:disappear|vanish|be gone|fade away|cease to exist|stop existing|not exist|not be around)(?:ed)? (?:forever|for good|permanently|for ever)\b|\b(?:want|wanna|wish i could|wish to|wished i could|wanted to|just|need to|going to) (?:just )?(?:disappear|vanish|stop existing|not exist|cease to exist|fade away|be gone)\b(?! (?:into|for|to|from|with|until|till|off|under|in|on|somewhere|for the|this weekend|tonight|for a|from (?:this|the)))", True),
    ("never born", r"\b(?:wish|wished) (?:that )?i (?:had never|'d never|hadn't|had not|never) (?:been born|existed|lived)\b", True),
    ("no one would miss me", r"\b(?:no one|noone|nobody|no-one|not a single person|who) (?:would|will|'d|wud|even|really)? ?(?:even )?(?:miss|notice|care) (?:me|if i (?:was gone|were gone|died|disappeared|didn't wake|wasn't here|weren't here|was dead|killed)|when i'm gone)\b", True),
    ("burden", r"\b(?:i'm|i am|im|i'm just|i am just|i feel like) (?:such |just |only |nothing but )?a (?:burden|waste of space|waste of air|waste of oxygen)\b(?! (?:to (?:my )?friends )?(?:with|by) (?:all )?(?:this|my|the) (?:talking|venting|moaning|crying|drama|stuff|questions))|\bburden (?:to|on) (?:everyone|everybody|my kids|my family|the world|the kids|all of them)\b", True),
    ("when I'm gone", r"\b(?:after|when|once) i'm (?:gone|dead|no longer here|not here anymore|not around anymore)\b(?! (?:for|to|on|at|with|from work))", True),
    ("goodbye letters", r"\b(?:wrote|written|writing|write|drafted|drafting|left|leave) (?:a |my |the |some )?(?:goodbye|suicide|final|last) (?:letter|note|letters|notes|message|messages|texts?)\b|\bletters? to (?:my |the )?(?:kids|children|family|mum|mom|sister|parents) (?:just )?in case\b", True),
    ("giving things away", r"\b(?:giving|gave|give) (?:away )?(?:all )?(?:my|of my) (?:things|stuff|belongings|possessions|jewellery|jewelry)(?: away)?\b(?! to (?:charity|goodwill|the charity shop))", True),
    ("a plan", r"\b(?:know|knew|worked out|figured out|decided|thought about|planned|planning|picked) (?:exactly )?(?:how|when|where|the way) i(?:'d| would| will|'ll| could) (?:do it|end it|go|die|not be here)\b|\b(?:researched|researching|googled|googling|looked up|searching|searched) (?:how|ways|methods|the best way) (?:to )?(?:die|end it|kill|overdose|do it painlessly|painless)\b|\bpainless(?:ly)? way(?:s)? to\b", True),
    ("last entry", r"\bthis (?:is|will be|might be) my (?:last|final) (?:entry|night|day|post|time writing|goodbye)\b|\bgoodbye (?:forever|cruel world|everyone)\b", False),
    ("thinking of dying", r"\b(?:think|thinking|thought|thoughts|fantasi[sz]\w*|dream\w*|obsess\w*|picture|picturing|imagine|imagining) (?:about|of)? ?(?:dying|death|being dead|not being here|not being alive|no longer being here|being gone|not living|not existing|not waking up|my (?:own )?funeral|ending (?:it|my life|everything)(?! with)|ending things(?! with)|taking my (?:own )?life|my funeral|killing myself|suicide|how to die)\b", True),
    ("dark thoughts", r"\b(?:dark|scary|bad|those) thoughts (?:again|are back|came back|about (?:not|ending|dying|myself)|of ending)\b|\bdark thoughts\b(?=.*\b(?:again|night|scared|myself|end)\b)|\b(?:having|had|have) (?:the |those )?dark thoughts\b", True),
    ("want it to end", r"\b(?:want|wanted|need|wish|wished) (?:it all|everything|my life|life|all of it|the whole thing|this life|my existence) to (?:end|be over|stop)\b|\b(?:want|wish) (?:it all|everything|all of it) (?:was|were|would be) over\b", True),
    ("can't face another day", r"\b(?:can't|cannot|couldn't) (?:face|bear|stand|survive|handle) (?:another|one more) (?:day|morning|night)(?: alive| of living| of this life)?\b(?! (?:of|with|at|in|like) )", True),
    ("wish something killed me", r"\b(?:wish|hope|hoping|pray|praying|wished|hoped|wouldn't mind if)(?: that)? (?:a|the|some) (?:car|bus|truck|train|lorry|drunk driver|plane|tumou?r|cancer|heart attack|illness) (?:would |will |could )?(?:just )?(?:hit|hits|kill|kills|take|takes|end|ends|crash)\b|\b(?:hope|hoping|wish) i (?:get|got|would get|could get) (?:hit by|cancer|sick and die|killed)\b", True),
    ("wouldn't care if I died", r"\b(?:wouldn't|don't|dont|would not|won't|do not|wouldnt) (?:even )?(?:care|mind) (?:if|whether) i (?:died|die|lived|live|was dead|were dead|woke up|wake up|didn't wake up|never woke up|got hit)\b|\bif i died (?:tomorrow|tonight|today|in my sleep)\b(?=.*\b(?:relief|fine|better|care|mind|notice|okay|ok|peace)\b)", False),
    ("past attempt", r"\b(?:my (?:last |first |second |previous )?(?:suicide )?attempt|attempted (?:suicide|to end|to take|to kill)|tried to (?:end|take|kill) (?:my|my own|myself)|tried to (?:overdose|hang|drown)|(?:psych|psychiatric) (?:ward|unit|hold|hospital)|put on a (?:\d+-hour )?hold|on (?:a )?suicide watch)\b", False),
    ("don't want to live", r"\b(?:don't|do not|dont|no longer|not) (?:want|wanna|wish) to (?:live|be alive|exist|be on this earth)(?: anymore| any more| without (?:him|her|them))?\b(?! (?:like|with|in|this|that|a lie|here|under|next|through|together|on|as))", False),
    ("rather be dead", r"\b(?:i'd|i would|id) (?:rather|sooner) (?:be dead|die|not exist|not be here|not be alive)\b(?! than (?:go|see|eat|wear|spend|sit|have|call|ask|be seen|listen|watch|admit|work|let))", True),
    ("thinking about the rope", r"\b(?:the|a|that|my) (?:rope|noose|belt|cord|gun|bridge|pills)\b.{0,60}\b(?:think|thinking|thought) about (?:it|using it|them)\b", False),
    ("only way out", r"\b(?:only|one|a|no other|the|see no) (?:way out|escape|solution|answer|option|way to stop (?:this|the pain|it))\b.{0,30}\b(?:die|dying|death|dead|not be here|not being here|not exist|ending it|end it|kill myself|suicide)\b", False),
    ("welcome death", r"\bnot (?:scared|afraid|frightened) of (?:dying|death) (?:anymore|any more)\b|\b(?:would|'d|i'd) welcome (?:death|dying|it if i died)\b|\bdeath (?:would be|sounds like|feels like|would feel like) (?:a relief|peace|a release|welcome|a mercy)\b|\bwaiting to die\b|\bwaiting for (?:death|the end of my life)\b", False),
    ("not around much longer", r"\b(?:won't|will not|not going to|don't think i'll|don't think i will|doubt i'll|doubt i will) be (?:around|here|alive) (?:much |for )?(?:longer|long|much longer|next year|for christmas|by (?:spring|summer|christmas|then)|to see)\b", False),
    ("ways to die", r"\b(?:ways|way|how|methods?|best way) to (?:die|kill myself|end (?:it all|my life)|not wake up)\b", True),
    ("what I might do to myself", r"\b(?:what|something) i (?:might|could|would|will|may|am going to) do to my ?self\b|\b(?:scared|afraid|worried|frightened|terrified)(?: that)? i(?:'ll| will| might| am going to|'m going to) do something (?:stupid|drastic|i can't take back|permanent|to myself)\b(?! like)", False),
    ("unsafe with myself", r"\b(?:not sure|can't promise|cannot promise|don't know if|can't say|not certain)\b.{0,20}\b(?:i(?:'ll| will| can| am|'m)|myself) (?:be |stay |keep myself )?safe\b|\bnot safe (?:from|with|around) myself\b|\bsafe from myself\b|\b(?:safe|safety)\b.{0,40}\b(?:i lied|lied to)\b|\blied\b.{0,40}\b(?:i was|i'm|i am|being) safe\b", False),
    ("take me in my sleep", r"\b(?:wish|wishing|hope|hoping|pray|praying)\b.{0,30}\b(?:take me|end me|finish me|die in my sleep|go in my sleep|in my sleep and never)\b", False),
    ("last goodbye", r"\b(?:goodbye|hugged|kissed|held)\b.{0,40}\b(?:like|as if|as though) (?:it was|it were|it's) the (?:last|final) time\b", False),
    ("don't deserve to live", r"\b(?:don't|do not|dont|doesn't|no longer) deserve to (?:live|be alive|be here|exist|breathe)\b", False),
    ("if I just died", r"\b(?:favou?r|better|easier|relief|happier|nobody|no one|free|lighter)\b.{0,60}\bif i (?:just |simply |finally )?(?:died|was dead|were dead|wasn't here|weren't here|was gone|were gone|killed myself|ended it)\b|\bif i (?:just |simply |finally )?(?:died|was dead|were dead|wasn't here|weren't here|was gone|were gone|killed myself|ended it)\b(?=.*\b(?:favour|favor|better|easier|relief|happier|nobody|no one|care|miss|notice|free|lighter)\b)", False),
    ("who gets my things", r"\bwho (?:should|will|would|gets?|can have) (?:get |have )?my (?:things|stuff|belongings|jewel\w*|dog|cat|books|savings)\b", True),
    ("already dead", r"\balready dead\b.{0,40}\b(?:might as well|make it official|finish)\b|\bmight as well (?:be dead|die|end it|not be here|make it official)\b", False),
)

_MODAL = (
    r"(?:will|would|is going to|was going to|is gonna|wants to|wanted to|tried to|could|might|"
    r"going to|gonna|threatened to|threatens to|promised to|swore to|one day will)"
)
_SAID = (
    r"(?:said|says|told me|tells me|swore|swears|promised|warned me|warns me|texted|screamed|"
    r"yelled|shouted|threatened|keeps saying|kept saying|wrote)"
)
_ALLOWED_SEE = (
    r"(?:see|talk to|speak to|call|text|visit|meet) (?:my |any of my |anyone|anybody|friends|family)"
    r"|go (?:out|anywhere|to work|to the doctor|to church|to my)|leave(?! him| her| them)|work|drive|sleep|eat"
    r"|have (?:a|my|any) (?:phone|money|car|key|keys|friends|job|bank)|have money|get a job"
    r"|use (?:the|my) (?:car|phone|money)|out of (?:the house|his sight|her sight|the room)"
)

_DANGER_RULES: tuple[tuple[str, str, bool], ...] = (
    # --- physical violence ---
    ("violence to me", r"\b(?:slapped|slaps|slapping|punched|punches|punching|shoved|shoves|shoving|strangled|strangles|strangling|choked|chokes|choking|smacked|smacks|backhanded|headbutted|elbowed|throttled|throttles|spat on|spit on|dragged|drags|pinned|pins|restrained|beat|beats|beating|beaten|hurled|raped|rapes|assaulted|assaults|attacked|attacks|burned|burnt|bruised|twisted) (?:<ME>|me\b)(?! (?:up|off|to it|to the|at (?:chess|cards|scrabble|tennis|golf|pool|darts|games|the game)|in (?:chess|cards|the race|the argument|every argument|a game|an argument)|with (?:words|his words|her words|questions|facts|guilt|the truth|the news|excuses|apologies|compliments|kindness|love|sarcasm)|verbally|back to|into (?:submission|going|agreeing)|emotionally))|\b(?:kicked|kicks|kicking) (?:<ME>|me\b)(?! (?:out|off|under the table))", True),
    ("hit me", r"<P><W>(?:hit|hits|hitting|physically hurt|pushed|pushes|pushing|grabbed|grabs|grabbing|threw|throws|shook|shakes|shaking|squeezed|squeezes|slammed|slams|bit|bites|biting|scratched|scratches|kicked|kicks) (?:<ME>|me)(?! (?:up|with (?!(?:a|his|her|the|an|my) (?:belt|fist|hand|bottle|phone|shoe|open hand|stick|bat|pan|lamp|remote|glass|plate|mug|chair|book|cord|cable|hanger|bag))|to (?:go|try|see|do|get|be|talk|open|forgive|move|decide|make|stay|leave|start|join|look|think|reconcile|answer)|away|off|out|too|over the edge|into (?:therapy|counsel\w*|forgiv\w*|reconcil\w*|a decision|deciding|making|trusting|going|staying|talking)|for (?:answers|details|a decision|more|an answer|time)|towards?|out of my comfort|a (?:coffee|drink|plate|sandwich|lifeline|curveball|bone|look|surprise|party)|some|lunch|dinner|coffee|emotionally|deeply|so (?:much|badly|deeply) (?:with|by|when)|more than|by (?:lying|cheating|sleeping|going|having|keeping|telling|saying|not)|when|again (?:with|by)|so badly with|badly with|in (?:ways|so many ways)))", True),
    ("hands on neck", r"\b(?:hands?|arm|fingers) (?:around|round|on|to|against|across|over) my (?:neck|throat|mouth)\b|\bcouldn't breathe\b(?=.*\b(?:he|she|his|her|hands?|held|pinned|neck|throat)\b)", True),
    ("violence passive", r"\b(?:i|i've|i have|i'd|i had|i was|i got|been|i'm|i am)(?: been| was| got| being| getting)? (?:hit|slapped|punched|kicked|choked|strangled|beaten|beaten up|raped|assaulted|shoved|pushed|thrown|attacked|threatened|stalked|followed|tracked|hurt|bitten|strangled) (?:again )?by (?:him|her|them|my|the|<P>)", True),
    ("violent partner", r"<P><W>(?:is|was|gets|got|has been|turned|became|can be|becomes|getting|is getting|is been|is become|is always been|has always been|is so)(?: so| very| really| more| physically| very physically)? (?:violent|abusive|dangerous|physical with me|rough with me|aggressive with me)\b|\bdomestic (?:violence|abuse)\b|\b(?:abuses|abused|abusing) me\b", True),
    ("injuries", r"\b(?:left|leaves|gave me|give me)(?: me)? (?:a )?(?:bruises?|marks?|a black eye|black eyes|a split lip|welts|scratches|a bloody nose|a fat lip)\b|\b(?:bruises?|marks?|fingerprints?|handprints?) (?:on|around|all over) my (?:arms?|neck|throat|wrists?|face|legs?|body|back|ribs|chest)\b(?! from (?:the|a|my) (?:hike|gym|fall|coffee table|garden|climb))|\b(?:a|my) (?:black eye|split lip|bloody nose)\b", True),
    # --- weapons and intimidation ---
    ("weapon", r"<P><W>(?:has|got|keeps|bought|pulled|held|holds|pointed|points|waved|waves|showed me|grabbed|brought|loaded|mentioned|brought up|reached for|threatened me with) (?:a |his |her |the |out a |out his |out her )?(?:gun|knife|knives|rifle|pistol|shotgun|weapon|firearm|blade)\b(?=.*\b(?:me|my|i|fight|argument|shouting|screaming|yelling|angry|drunk|threat\w*)\b)|\b(?:gun|knife|blade|rifle|pistol) (?:to|at|against) my (?:head|throat|chest|face|neck)\b|\bpointed (?:a|his|her|the) (?:gun|knife|rifle|pistol) at\b", True),
    ("intimidation", r"<P><W>(?:punched|punches|kicked|kicks|smashed|smashes|broke|breaks|put (?:his|her|their) fist through|slammed|slams|threw|throws|hurled) (?:a |the |another |my |our )?(?:hole in the |hole through the )?(?:walls?|doors?|window|windows|windscreen|dashboard|mirror|tv|phone|laptop|things|stuff|glass|plate|plates|mug|chair|furniture)\b(?=.*\b(?:me|my|i|scared|afraid|terrified|next to|near|at me|beside)\b)|\bthrew (?:a |the |his |her |my )?[\w]+ (?:\w+ )?at (?:me|my head|my face)\b|\b(?:screamed|yelled|shouted|spat|roared) (?:right )?in my face\b|<P><W>(?:got|gets|getting|was|stuck|put (?:his|her) face) (?:right )?in my face\b|<P><W>(?:blocked|blocks|blocking|stood in) (?:the )?(?:door|doorway|exit|way)\b|\b(?:cornered|cornering|trapped|traps) me\b|<P><W>(?:broke|kicked|kicks|broken) (?:down |in )?(?:the|my) (?:door|bedroom door|bathroom door)\b|<P><W>(?:stood|stands|standing|loomed|looms) over me\b|\b(?:fist|fists|hand) raised\b", True),
    # --- threats ---
    ("threats", r"\b(?:threaten|threatened|threatens|threatening|threats?)(?: me)?(?: again| (?:to|that (?:he|she|they) (?:will|would)))? (?:to )?(?:kill|hurt|harm|shoot|stab|burn|beat|strangle|choke|end|destroy|break|get|finish) (?:me|my|us|you|them|<KIDS>|the house|my (?:family|mum|mom|dad|face|car|sister|life|dog|cat))\b|\bthreaten(?:ed|s|ing)? me\b(?! with (?:divorce|leaving|a lawyer|counsel\w*|therapy))|\b(?:death|violent) threats?\b", True),
    ("said he'd kill me", r"<P><W>(?:" + _SAID + r" (?:that )?(?:(?:he|she|they) )?)?" + _MODAL + r" (?:\w+ )?(?:kill|murder|hurt|harm|strangle|shoot|stab|end|break|beat|bury|finish|burn) (?:me|<KIDS>|us|them|my (?:family|neck|face|legs|parents|mum|mom|sister|brother|friends))\b(?! (?:with (?:kindness|boredom|his|her|the|a look)|slowly with|by (?:lying|leaving|cheating|worrying|talking|not)|emotionally|in (?:court|the divorce)))", True),
    ("regret it", r"<P><W>" + _SAID + r"\b.{0,30}\b(?:regret it|be sorry|pay for (?:it|this|that)|be next|end up like|never (?:find|see) (?:me|my body)|find my body|leave (?:this house )?alive)\b|\b(?:never|not) leave (?:this|the) (?:house|place|room) alive\b|\bfind my body\b", True),
    ("take the kids", r"\bthreaten\w* (?:to )?(?:\w+ ){0,2}(?:take|taking|keep|hide|run off with|run away with|disappear with) <KIDS>|\b(?:" + _SAID + r"|warned|will|would|going to|gonna|make sure)(?: that)?(?: (?:he|she|they) (?:will|would|is going to))? (?:\w+ ){0,3}(?:take|taking|took|keep|hide|run off with|run away with|disappear with) (?:<KIDS>)(?: away)?(?: from me| and (?:leave|run|disappear|go)| and i would never| and i will never| so i would never| so i will never| and i'd never| and i'll never| abroad| out of the country| where i will never| so i will never| forever| for good| and never)\b|\bnever see <KIDS> again\b|\bmake sure i never see <KIDS>", True),
    ("self-harm threat as control", r"\b(?:threaten\w*|said|says|swore|swears|told me|tells me)(?: that)? (?:(?:he|she|they) (?:will|would|is going to) )?(?:to )?(?:kill|hurt|end) (?:himself|herself|themselves|his life|her life|their life)\b(?=.*\b(?:if i|unless i|when i|should i|before i|leave|tell|go|divorce|call)\b)|\b(?:his|her|their) (?:suicide|self-harm) threats?\b|\bthreaten\w* (?:suicide|self-harm)\b|\bthreatens? to (?:hurt|kill) (?:himself|herself|themselves) (?:whenever|every time|when|if) i\b", True),
    ("image threats", r"\b(?:threaten\w*|said (?:he|she|they) (?:will|would)|going to|will) (?:to )?(?:post|share|send|release|leak|show|put up|upload) (?:my |the |our |those |intimate |private )?(?:nudes|photos|pictures|pics|videos|tapes|sex tape|intimate images)\b", True),
    ("burn it down with me", r"\b(?:burn|burned|set fire to|torch|drive|crash|blow up)\b.{0,40}\bwith (?:me|us|<KIDS>) (?:still )?(?:in it|in there|inside|in the car|in the house|in the back)\b", True),
    ("he'll snap", r"\b(?:he|she|they) (?:will|is going to|might|could|is gonna) (?:\w+ )?(?:snap|lose it|lose control|explode)\b(?=.*\b(?:deserve|hurt|scared|afraid|terrified|hit|kill|me)\b)|\bi (?:will|would|'ll|'d) deserve (?:it|whatever|what i get|what happens|whatever happens)\b", True),
    # --- sexual coercion ---
    ("forced sex", r"\b(?:forced|forces|forcing|made|makes|pressured|pressures|coerced|coerces|guilted|bullied) (?:me|himself on me|herself on me) (?:into |to )?(?:have sex|having sex|sex|sleep with|sleeping with|do (?:it|things|sexual)|doing (?:it|things|sexual)|perform|bed)\b|\bforced (?:himself|herself) (?:on|onto) me\b|\b(?:rape|raped|raping|sexual assault|sexually assaulted)\b(?! (?:culture|scene|statistics|case|trial|joke|kit|in the news|crisis centre))", True),
    ("didn't stop when I said no", r"\b(?:said|told (?:him|her|them)|kept saying|begged (?:him|her|them) to|asked (?:him|her|them) to|was crying|cried) (?:no|stop|to stop|not to)\b.{0,60}\b(?:kept going|did it anyway|didn't stop|wouldn't stop|went ahead|anyway|carried on|held me|pinned|forced|finished)\b|<P><W>(?:had sex with|has sex with|touched|touches|did it to|does things to) me (?:while|when) i(?: was| am|'m| am) (?:asleep|sleeping|passed out|drunk|unconscious|crying|saying no)\b|\bsex (?:that )?i (?:didn't|did not|never) (?:want|agree to|consent to)\b|\bwithout my consent\b|\b(?:never|didn't|did not|don't|do not) (?:agree|agreed|consent|consented|say yes|said yes) to (?:it|that|this|any of it|what (?:he|she) does)\b(?=.*\b(?:bed|sex|touch\w*|body|night)\b)|\b(?:bed|sex|touch\w*|body)\b.{0,60}\b(?:never|didn't|did not|don't|do not) (?:agree|agreed|consent|consented|say yes|said yes) to (?:it|that|this|any of it)\b|\bwoke up (?:with|to) (?:him|her) (?:on top of me|touching me|inside me)\b|\b(?:hand|hands) over my mouth\b", True),
    # --- monitoring, stalking, tracking ---
    ("monitoring", r"<P><W>(?:tracks?|tracking|tracked|reads?|reading|checks?|checking|checked|goes through|going through|went through|gone through|monitors?|monitoring|monitored|watches|watching|watched|spies on|spying on|spied on|listens to|listening to|recorded|records|recording|hacked|hacks|hacking|logs into|logged into|logging into|broke into|breaks into|has access to|accessed|changed|changes|controls|demands|demanded|took|takes|taking|smashed|confiscated|confiscates|bugged) (?:all |every (?:one of )?)?(?:of )?my (?:phone|location|texts|messages|emails?|email account|calls|call log|car|laptop|computer|accounts?|browser history|social media|whatsapp|facebook|instagram|icloud|every move|passwords?|mail|dms|bank account|search history|mileage|receipts|journal|diary)\b|<P><W>(?:monitors|monitored|tracks|tracked|watches|records|recorded|checks) (?:everything|every(?:thing)? i (?:do|say|type|write|buy|spend))\b", True),
    ("spyware on my things", r"<P><W>(?:installed|put|hid|placed|attached|stuck|taped|planted|set up|hooked up) (?:[\w-]+ ){0,3}(?:on|in|under|into|to) (?:my|the) (?:phone|car|bag|purse|laptop|computer|bedroom|room|coat|keys|house|tablet)\b(?=.*\b(?:knows|know|watch|watches|track|tracks|listen|listens|see|sees|spy|spies|app|camera|tracker|gps|record)\w*\b)|\b(?:spyware|stalkerware|tracking app|tracker|air ?tag|gps tracker|gps|hidden camera|hidden cameras|keylogger|spy app|listening device)\b.{0,40}\b(?:on|in|under) my (?:phone|car|bag|purse|laptop|computer|coat|jacket|keys|bedroom|room)\b|\b(?:found|find|discovered|there's|there is|there was) (?:an? |his |her )?(?:spyware|stalkerware|tracking app|tracker|air ?tag|gps tracker|hidden camera|keylogger|spy app|listening device|cameras?)\b(?=.*\bmy\b)|\b(?:air ?tag|tracker|gps tracker)\b.{0,30}\b(?:taped|hidden|stuck|attached)\b.{0,20}\bmy\b", True),
    ("hand over my phone", r"\b(?:made|makes|forced|forces|demanded|demands|insists|insisted|orders|ordered) (?:me )?(?:to )?(?:hand over|give (?:him|her|them)|show (?:him|her|them)|unlock|share|turn over|surrender|turn on|send) (?:all )?my (?:phone|passwords?|passcode|pin|location|live location|gps|accounts?|bank|messages|texts)\b", True),
    ("knows where I am", r"<P><W>(?:always knows|knows exactly|somehow knows|knew exactly|always knew) where i (?:am|was|go|went)\b|\bdemand\w* to know where i (?:am|was|go|have been)\b", True),
    ("stalking", r"<P><W>(?:follows|followed|following|stalks|stalked|stalking|tails|tailed) me\b(?! (?:on (?:instagram|twitter|facebook|tiktok|social|socials)|back|online|into (?:the )?(?:kitchen|room|bedroom)))|<P><W>(?:showed up|shows up|showing up|turned up|turns up|keeps showing up|waits|waited|waiting|parks|parked|sits|sat|was sitting|drives past|drove past|driving past|keeps driving past|lurking|lurks) (?:again )?(?:parked )?(?:at|outside|by|near|past|in front of|round|around) (?:my|our old|the) (?:work|job|office|gym|house|home|apartment|flat|place|door|car|parents'?|mum's|mom's|friend's|sister's|kids' school|school|new place|new flat|new house|hotel)\b(?! (?:with (?:flowers|lunch|coffee|a gift|the kids)|to (?:drop off|pick up|apologi[sz]e|bring)))|\bwon't (?:leave me alone|stop following me|stop showing up)\b|\b(?:got|get|filed|file|applied for|apply for|granted|served|violated|breached|broke|need|have) (?:a |an |the |his |her |my )?(?:restraining|protection|protective|non-molestation) order\b|\b(?:restraining|protection|protective|non-molestation) order against\b", True),
    # --- control: isolation, money, movement ---
    ("won't let me", r"<P><W>(?:won't|wont|doesn't|does not|never|didn't|wouldn't|refuses to|refused to) (?:let|allow) me (?:to )?(?:" + _ALLOWED_SEE + r")\b", True),
    ("not allowed", r"\bi(?:'m| am) not allowed to (?:leave|go|see|talk|speak|call|work|have|drive|visit|spend)\b|\b(?:isn't|is not) allowed to (?:leave|have a phone)\b|\b(?:who|where|when|what) i(?:'m| am) (?:allowed|permitted) to\b|<P><W>(?:tells|told|decides|decided) (?:me )?(?:what (?:to wear|i can wear|i wear)|who i (?:can|may) (?:see|talk|text)|where i (?:can|may) go)\b", True),
    ("takes my things", r"<P><W>(?:took|takes|taking|hid|hides|hiding|kept|keeps|confiscated|confiscates|destroyed|destroys|cut up) (?:away )?my (?:keys|car keys|phone|passport|wallet|cards|bank cards?|credit cards?|money|id|documents|paycheck|wages|medication|meds|glasses)\b(?! (?:to|for) (?:the|be|get|a)\b)", True),
    ("money control", r"<P><W>(?:controls|controlled|took control of|takes|took|has taken) (?:all |all of )?(?:the|my|our) (?:money|finances|bank accounts?|accounts|credit cards|paycheck|wages)\b(?=.*\b(?:me|i|allowance|permission|ask|let)\b)|<P><W>(?:gives|gave) me an allowance\b|\b(?:have|had|need) to (?:ask|beg) (?:him|her|them) (?:for|before i spend) (?:money|every|any)\b|<P><W>cut me off from (?:the|my|our) (?:money|accounts|bank|cards|family|friends)\b|\bexplain every (?:receipt|purchase|penny|cent|dollar)\b", True),
    ("locked in", r"<P><W>(?:locked|locks|locking|shut|shuts) me (?:in|out|inside|outside)\b|\bi (?:locked|lock|hid|hide|barricaded|had to lock|had to hide) (?:myself )?(?:in|inside) (?:the|my|a) (?:bathroom|bedroom|room|car|closet|wardrobe|cupboard)\b(?=.*\b(?:him|her|he|she|they|them|until|scared|afraid|safe)\b)(?!.*\b(?:cry|cried|crying|kids couldn't hear|to think|for some peace)\b)", True),
    ("isolation", r"<P><W>(?:cut|cuts|cutting|keeps|kept|isolat\w+|stops|stopped|stopping) me (?:off )?(?:from|away from) (?:seeing |talking to |my |all my |every )?(?:friends|family|sister|mum|mom|parents|brother|everyone|support)\b", True),
    ("sleep deprivation", r"<P><W>(?:wakes|woke|keeps|kept) me (?:up )?(?:at night |every night |all night )?(?:to (?:interrogate|question|yell at|scream at|accuse)|awake (?:all night|for hours))\b|<P><W>(?:won't|doesn't|wouldn't) let me sleep\b", True),
    # --- fear and safety ---
    ("afraid of partner", r"\b(?:afraid|scared|terrified|frightened|fearful) (?:of|for) (?:him|her|them|my life|my safety|my (?:own )?safety|my kids'? safety|what (?:he|she|they) (?:will|would|might|could|is going to) do(?! to (?:himself|herself|themselves|the house)))\b(?! (?:leaving|going|finding|cheating|lying|seeing|choosing|being|not|getting|relapsing|doing it again|moving on|falling|loving|forgetting|texting|contacting|meeting|talking to|hearing|wanting|meaning|changing his mind|changing her mind|forgiving|dying|getting sick))", True),
    ("afraid he'll hurt me", r"\b(?:afraid|scared|terrified|frightened|worried|fear|worry)(?: that)? (?:he|she|they|<P>) (?:will|might|would|could|is going to|may)(?: \w+)? (?:hurt|kill|hit|harm|strangle|take <KIDS>|come after|come for|find me|snap|lose it with me|do something to (?:me|<KIDS>|us))\b|\b(?:afraid|scared|terrified|frightened)(?: that)? (?:he|she|they|<P>) is going to kill me\b", True),
    ("not safe", r"\bi (?:don't|do not|dont|no longer|never|can't) feel safe\b(?! (?:trusting|telling|believing|opening|letting|being vulnerable|sharing|talking about|in (?:the|this) (?:marriage|relationship) emotionally))|\bi'?m not safe\b(?! (?:from|with|around) myself| (?:to|from) (?:relapse|temptation))|\b(?:not safe|unsafe) (?:for me )?(?:to go home|at home|in (?:my|our|this|the) (?:own )?(?:home|house))\b|\b(?:scared|afraid|terrified) to (?:go home|go back home|be alone with (?:him|her|them)|fall asleep next to (?:him|her))\b|\b(?:hiding|hid|hide) from (?:him|her|them|<P>)\b|\bwalking on eggshells so (?:he|she|they) (?:won't|doesn't|don't) (?:hit|hurt|explode)\b|\bi'?m in danger\b|\bat (?:the|a) (?:shelter|refuge|safe house)\b", True),
)

def _build(kind: str, table: tuple[tuple[str, str, bool], ...]) -> tuple[Rule, ...]:
    return tuple(Rule(kind, name, _compile(src), negatable) for name, src, negatable in table)


RULES: tuple[Rule, ...] = _build(SELF_HARM, _SELF_HARM_RULES) + _build(DANGER, _DANGER_RULES)
